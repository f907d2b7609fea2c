<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CheckResultsDialog</name>
    <message>
        <source>Check with the networks: “{0}”</source>
        <translation>Vérification auprès des opérateurs&#xa0;: «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>{0} numbers answered: {1} reachable, {2} unreachable. The ticked numbers are removed from the list.</source>
        <translation>{0} numéros ont répondu&#xa0;: {1} joignables, {2} injoignables. Les numéros cochés seront retirés de la liste.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Joignable</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>{0} (ported)</source>
        <translation>{0} (numéro porté)</translation>
    </message>
    <message>
        <source>no: no such number</source>
        <translation>non&#xa0;: numéro inexistant</translation>
    </message>
    <message>
        <source>no: switched off or out of service</source>
        <translation>non&#xa0;: éteint ou hors service</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>&amp;Remove the ticked numbers</source>
        <translation>&amp;Retirer les numéros cochés</translation>
    </message>
    <message>
        <source>&amp;Keep them all</source>
        <translation>&amp;Tout garder</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Send this campaign?</source>
        <translation>Envoyer cette campagne&#x202f;?</translation>
    </message>
    <message>
        <source>{0} recipient(s)</source>
        <translation>{0} destinataire(s)</translation>
    </message>
    <message>
        <source>{0} duplicate(s)</source>
        <translation>{0} doublon(s)</translation>
    </message>
    <message>
        <source>{0} stop-listed number(s)</source>
        <translation>{0} numéro(s) de la liste STOP</translation>
    </message>
    <message>
        <source>{0} removed</source>
        <translation>{0} retiré(s)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{0} SMS part(s) in total</source>
        <translation>{0} SMS au total</translation>
    </message>
    <message>
        <source> ({0} message(s) in UCS-2)</source>
        <translation> ({0} message(s) en UCS-2)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source> (outside the sending window until then)</source>
        <translation> (hors de la plage d’envoi jusque-là)</translation>
    </message>
    <message>
        <source>commercial (STOP clause added)</source>
        <translation>commercial (mention STOP ajoutée)</translation>
    </message>
    <message>
        <source>non-commercial</source>
        <translation>non commercial</translation>
    </message>
    <message>
        <source>Send &amp;anyway: I will top up</source>
        <translation>Envoyer &amp;quand même&#xa0;: je rechargerai des crédits</translation>
    </message>
    <message>
        <source>This campaign needs {needed} credits; the account has {left}: {missing} missing</source>
        <translation>Cette campagne demande {needed} crédits&#x202f;; le compte en a {left}&#xa0;: il en manque {missing}</translation>
    </message>
    <message>
        <source>A message is {parts} SMS parts long (more than {limit}): each part is paid</source>
        <translation>Un message fait {parts} SMS (plus de {limit})&#xa0;: chaque SMS est facturé</translation>
    </message>
    <message>
        <source>&amp;Yes, send messages of {0} parts</source>
        <translation>&amp;Oui, envoyer des messages de {0} SMS</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Destinataires&#xa0;:</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>Retirés&#xa0;:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Total&#xa0;:</translation>
    </message>
    <message>
        <source>Credits (estimate):</source>
        <translation>Crédits (estimation)&#xa0;:</translation>
    </message>
    <message>
        <source>Credits left:</source>
        <translation>Crédits restants&#xa0;:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Expéditeur&#xa0;:</translation>
    </message>
    <message>
        <source>the gateway&apos;s default</source>
        <translation>celui par défaut de la passerelle</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Début&#xa0;:</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Passerelle&#xa0;:</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Send {0} message(s)</source>
        <translation>&amp;Envoyer {0} message(s)</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Planifier</translation>
    </message>
    <message>
        <source>First messages and the longest one:</source>
        <translation>Premiers messages et le plus long&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact in “{0}”</source>
        <translation>Nouveau contact dans «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Contact of “{0}”</source>
        <translation>Contact de «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>06 12 34 56 78, +33 6 12 34 56 78…</source>
        <translation>06 12 34 56 78, +33 6 12 34 56 78…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Add a &amp;column</source>
        <translation>Ajouter une &amp;colonne</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Numéro</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>N&amp;om</translation>
    </message>
    <message>
        <source>Other columns (the {fields} of a message):</source>
        <translation>Autres colonnes (les {fields} d’un message)&#xa0;:</translation>
    </message>
    <message>
        <source>The contact needs a number.</source>
        <translation>Le contact doit avoir un numéro.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Fusionner dans…</translation>
    </message>
    <message>
        <source>Copy this list&apos;s contacts into another list (new or existing), a number once</source>
        <translation>Copier les contacts de cette liste dans une autre liste (nouvelle ou existante), chaque numéro une seule fois</translation>
    </message>
    <message>
        <source>Drop a file here to import it: CSV, TXT, Excel, LibreOffice or vCards.</source>
        <translation>Déposez un fichier ici pour l’importer&#xa0;: CSV, TXT, Excel, LibreOffice ou vCard.</translation>
    </message>
    <message>
        <source>Search a name or a number</source>
        <translation>Rechercher un nom ou un numéro</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>Ajouter un &amp;contact…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Delete the selected contacts</source>
        <translation>Supprimer les contacts sélectionnés</translation>
    </message>
    <message>
        <source>“{0}”: {1} contact(s) match “{2}”</source>
        <translation>«&#xa0;{0}&#xa0;»&#xa0;: {1} contact(s) correspondent à «&#xa0;{2}&#xa0;»</translation>
    </message>
    <message>
        <source>{0} number(s) removed from “{1}”</source>
        <translation>{0} numéro(s) retiré(s) de «&#xa0;{1}&#xa0;»</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>{0} contact(s) deleted</source>
        <translation>{0} contact(s) supprimé(s)</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Supprimer des contacts</translation>
    </message>
    <message>
        <source>Delete {0} contact(s) from “{1}” ({2})?</source>
        <translation>Supprimer {0} contact(s) de «&#xa0;{1}&#xa0;» ({2})&#x202f;?</translation>
    </message>
    <message>
        <source>{0} contact(s) merged into “{1}”, {2} already there</source>
        <translation>{0} contact(s) fusionné(s) dans «&#xa0;{1}&#xa0;», {2} déjà présent(s)</translation>
    </message>
    <message>
        <source>Merge lists</source>
        <translation>Fusionner des listes</translation>
    </message>
    <message>
        <source>Merge “{0}” into the list (new or existing):</source>
        <translation>Fusionner «&#xa0;{0}&#xa0;» dans la liste (nouvelle ou existante)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>DeliveryChart</name>
    <message>
        <source>No delivery yet</source>
        <translation>Aucun SMS délivré pour l’instant</translation>
    </message>
    <message>
        <source>bars: delivered per {0} min · line: delivered so far</source>
        <translation>barres&#xa0;: délivrés par tranche de {0}&#xa0;min · courbe&#xa0;: total délivré</translation>
    </message>
</context>
<context>
    <name>EditMessageDialog</name>
    <message>
        <source>Edit the message of {0!r}</source>
        <translation>Modifier le message de «&#xa0;{0}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose a file (CSV, TXT, Excel, LibreOffice, vCard), or drop it here</source>
        <translation>Choisissez un fichier (CSV, TXT, Excel, LibreOffice, vCard) ou déposez-le ici</translation>
    </message>
    <message>
        <source>Or drop a file on this window: an Excel or LibreOffice workbook, a phone&apos;s or Google&apos;s vCards, CSV or TXT (Outlook, Google Contacts, one number a line...)</source>
        <translation>Ou déposez un fichier sur cette fenêtre&#xa0;: classeur Excel ou LibreOffice, vCard d’un téléphone ou de Google, CSV ou TXT (Outlook, Google Contacts, un numéro par ligne…)</translation>
    </message>
    <message>
        <source>The sheet of the workbook that holds the list</source>
        <translation>La feuille du classeur qui contient la liste</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Feuille</translation>
    </message>
    <message>
        <source>Every &amp;mobile of a contact (default: one message a person, its first mobile)</source>
        <translation>Tous les &amp;mobiles d’un contact (par défaut&#xa0;: un message par personne, à son premier mobile)</translation>
    </message>
    <message>
        <source>Contacts read</source>
        <translation>Contacts lus</translation>
    </message>
    <message>
        <source>Numbers read</source>
        <translation>Numéros lus</translation>
    </message>
    <message>
        <source>Other numbers of a contact (set aside)</source>
        <translation>Autres numéros d’un contact (mis de côté)</translation>
    </message>
    <message>
        <source>Workbook, sheet “{0}”</source>
        <translation>Classeur, feuille «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>vCards ({0}), a contact a card</source>
        <translation>vCard ({0}), un contact par fiche</translation>
    </message>
    <message>
        <source>{0} contacts with {1} numbers: one message a person, its first mobile ({2} other numbers set aside).</source>
        <translation>{0} contacts avec {1} numéros&#xa0;: un message par personne, à son premier mobile ({2} autres numéros mis de côté).</translation>
    </message>
    <message>
        <source>{0} contacts with {1} numbers.</source>
        <translation>{0} contacts avec {1} numéros.</translation>
    </message>
</context>
<context>
    <name>InboxTab</name>
    <message>
        <source>Choose a contact to read the thread.</source>
        <translation>Choisissez un contact pour lire la conversation.</translation>
    </message>
    <message>
        <source>No reply yet. Replies and STOPs appear here.</source>
        <translation>Aucune réponse pour l’instant. Les réponses et les STOP apparaissent ici.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Inbox: {0}</source>
        <translation>Réponses&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Sent (campaign {0}, {1})</source>
        <translation>Envoyé (campagne {0}, {1})</translation>
    </message>
    <message>
        <source>STOP — on the stop list</source>
        <translation>STOP — dans la liste STOP</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Réponses</translation>
    </message>
    <message>
        <source>{0} new reply(ies)</source>
        <translation>{0} nouvelle(s) réponse(s)</translation>
    </message>
</context>
<context>
    <name>MessageDetailsDialog</name>
    <message>
        <source>Message #{0}</source>
        <translation>Message nº {0}</translation>
    </message>
    <message>
        <source>Paused:</source>
        <translation>En pause&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy all these details to the clipboard</source>
        <translation>Copier tous ces détails dans le presse-papiers</translation>
    </message>
    <message>
        <source>Campaign &amp;results…</source>
        <translation>&amp;Résultats de la campagne…</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>waiting: its campaign is paused ({0}); resume it in Scheduled</source>
        <translation>en attente&#xa0;: sa campagne est en pause ({0})&#x202f;; reprenez-la dans SMS planifiés</translation>
    </message>
    <message>
        <source>Paused: {0}</source>
        <translation>En pause&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule {0!r}</source>
        <translation>Replanifier «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Messages not sent yet will leave at this instant</source>
        <translation>Les messages pas encore envoyés partiront à ce moment</translation>
    </message>
    <message>
        <source> (or at the next opening of the sending window)</source>
        <translation> (ou à la prochaine ouverture de la plage d’envoi)</translation>
    </message>
    <message>
        <source>, once the campaign is resumed</source>
        <translation>, une fois la campagne reprise</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Campaign results</source>
        <translation>Résultats de la campagne</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>SMS parts</source>
        <translation>Nombre de SMS</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Crédits</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Délivré</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Answered STOP</source>
        <translation>Réponses STOP</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Deliveries over time</source>
        <translation>Remises au fil du temps</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Failures by reason</source>
        <translation>Échecs par motif</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Enregistrer le graphique en &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Resend temporary failures…</source>
        <translation>&amp;Renvoyer les échecs temporaires…</translation>
    </message>
    <message>
        <source>A new campaign to the numbers that failed for a passing reason</source>
        <translation>Une nouvelle campagne vers les numéros en échec pour une raison passagère</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>{0} — campaign {1}</source>
        <translation>{0} — campagne {1}</translation>
    </message>
    <message>
        <source>Status: {0} · gateway: {1}</source>
        <translation>État&#xa0;: {0} · passerelle&#xa0;: {1}</translation>
    </message>
    <message>
        <source> · estimated end {0}</source>
        <translation> · fin estimée {0}</translation>
    </message>
    <message>
        <source> · {0} awaiting their delivery report</source>
        <translation> · {0} en attente de leur accusé de réception</translation>
    </message>
    <message>
        <source>Results unavailable: {0}</source>
        <translation>Résultats indisponibles&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>Exporter les chiffres</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Figures exported to {0}</source>
        <translation>Chiffres exportés dans {0}</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Resend temporary failures</source>
        <translation>Renvoyer les échecs temporaires</translation>
    </message>
    <message>
        <source>No message failed for a temporary reason.</source>
        <translation>Aucun message n’a échoué pour une raison temporaire.</translation>
    </message>
    <message>
        <source>Send the message again to {0} number(s) as a new campaign?</source>
        <translation>Renvoyer le message à {0} numéro(s) dans une nouvelle campagne&#x202f;?</translation>
    </message>
    <message>
        <source>Campaign {0} created: {1} message(s) to send again</source>
        <translation>Campagne {0} créée&#xa0;: {1} message(s) à renvoyer</translation>
    </message>
</context>
<context>
    <name>ScheduledTab</name>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Paused by the gateway. Fix the cause, then Resume.</source>
        <translation>Mise en pause par la passerelle. Corrigez la cause, puis cliquez sur Reprendre.</translation>
    </message>
    <message>
        <source>Paused by the gateway: {0}</source>
        <translation>Mise en pause par la passerelle&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Nothing planned. Campaigns sent later appear here.</source>
        <translation>Rien de planifié. Les campagnes à envoyer plus tard apparaissent ici.</translation>
    </message>
    <message>
        <source>&amp;Cancel selected…</source>
        <translation>&amp;Annuler la sélection…</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Replanifier…</translation>
    </message>
    <message>
        <source>&amp;Edit message…</source>
        <translation>&amp;Modifier le message…</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Re&amp;prendre</translation>
    </message>
    <message>
        <source>Resul&amp;ts…</source>
        <translation>Résul&amp;tats…</translation>
    </message>
    <message>
        <source>Figures, chart and replies of the campaign</source>
        <translation>Chiffres, graphique et réponses de la campagne</translation>
    </message>
    <message>
        <source>Send the rest of the paused campaigns selected (Ctrl+R)</source>
        <translation>Envoyer le reste des campagnes en pause sélectionnées (Ctrl+R)</translation>
    </message>
    <message>
        <source>Scheduled campaigns: {0}</source>
        <translation>Campagnes planifiées&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Select the campaigns to cancel first</source>
        <translation>Sélectionnez d’abord les campagnes à annuler</translation>
    </message>
    <message>
        <source>Cancel campaigns</source>
        <translation>Annuler des campagnes</translation>
    </message>
    <message>
        <source>Cancel {count} campaign(s): {names}?
{left} message(s) not sent yet will not be sent.</source>
        <translation>Annuler {count} campagne(s)&#xa0;: {names}&#x202f;?
{left} message(s) pas encore envoyé(s) ne partiront pas.</translation>
    </message>
    <message>
        <source>{done} campaign(s) cancelled, {cancelled} message(s) kept back</source>
        <translation>{done} campagne(s) annulée(s), {cancelled} message(s) retenu(s)</translation>
    </message>
    <message>
        <source>Campaign {0} starts {1}</source>
        <translation>La campagne {0} commence le {1}</translation>
    </message>
    <message>
        <source>Select a paused campaign to resume</source>
        <translation>Sélectionnez une campagne en pause à reprendre</translation>
    </message>
    <message>
        <source>Campaign {0} resumed ({1})</source>
        <translation>Campagne {0} reprise ({1})</translation>
    </message>
    <message>
        <source>Campaign {0}: message changed for {1} recipient(s)</source>
        <translation>Campagne {0}&#xa0;: message modifié pour {1} destinataire(s)</translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message>
        <source>No list</source>
        <translation>Aucune liste</translation>
    </message>
    <message>
        <source>Numbers, one a line or separated by commas or semicolons:
06 12 34 56 78
+33 6 98 76 54 32</source>
        <translation>Numéros, un par ligne ou séparés par des virgules ou des points-virgules&#xa0;:
06 12 34 56 78
+33 6 98 76 54 32</translation>
    </message>
    <message>
        <source>Insert &amp;field</source>
        <translation>Insérer un &amp;champ</translation>
    </message>
    <message>
        <source>Te&amp;mplates…</source>
        <translation>&amp;Modèles…</translation>
    </message>
    <message>
        <source>&amp;Commercial message: adds the STOP clause and keeps to the sending window</source>
        <translation>Message &amp;commercial&#xa0;: ajoute la mention STOP et respecte la plage d’envoi</translation>
    </message>
    <message>
        <source>Gateway default (a number people can reply to)</source>
        <translation>Celui de la passerelle (un numéro auquel on peut répondre)</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>Mainte&amp;nant</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;Le</translation>
    </message>
    <message>
        <source>Let the gateway keep the schedule</source>
        <translation>Confier la planification à la passerelle</translation>
    </message>
    <message>
        <source>The gateway sends at the planned instant even if this computer is off</source>
        <translation>La passerelle envoie à l’heure prévue même si cet ordinateur est éteint</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send a &amp;test to me</source>
        <translation>M’envoyer un &amp;test</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Envoyer…</translation>
    </message>
    <message>
        <source>Check and send (Ctrl+Return)</source>
        <translation>Vérifier et envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>+ other lists</source>
        <translation>+ autres listes</translation>
    </message>
    <message>
        <source>Send to several lists at once: a number in two lists gets one message</source>
        <translation>Envoyer à plusieurs listes à la fois&#xa0;: un numéro présent dans deux listes reçoit un seul message</translation>
    </message>
    <message>
        <source>Only the values merged into the message change (ç → c, œ → oe, ê → e); GSM-7&apos;s own é è ù à stay, and so does the text you wrote</source>
        <translation>Seules les valeurs fusionnées dans le message changent (ç → c, œ → oe, ê → e)&#x202f;; les é è ù à du GSM-7 restent, ainsi que le texte que vous avez écrit</translation>
    </message>
    <message>
        <source>Recipient &amp;list</source>
        <translation>&amp;Liste de destinataires</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Numéros</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>S&amp;ender</source>
        <translation>E&amp;xpéditeur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Recipient lists: {0}</source>
        <translation>Listes de destinataires&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Gateway {0}: {1}</source>
        <translation>Passerelle {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>The gateway&apos;s default sender</source>
        <translation>L’expéditeur par défaut de la passerelle</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>validé</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>en attente de validation</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>{0} number(s)</source>
        <translation>{0} numéro(s)</translation>
    </message>
    <message>
        <source>{0} is not approved by the gateway yet ({1})</source>
        <translation>{0} n’est pas encore validé par la passerelle ({1})</translation>
    </message>
    <message>
        <source>in the past</source>
        <translation>dans le passé</translation>
    </message>
    <message>
        <source>Not sent: {0}</source>
        <translation>Non envoyé&#xa0;: {0}</translation>
    </message>
    <message>
        <source>+ {0} other list(s)</source>
        <translation>+ {0} autre(s) liste(s)</translation>
    </message>
    <message>
        <source>{0} recipient(s)</source>
        <translation>{0} destinataire(s)</translation>
    </message>
    <message>
        <source>{0} duplicate(s) removed</source>
        <translation>{0} doublon(s) retiré(s)</translation>
    </message>
    <message>
        <source>{0} stop-listed removed</source>
        <translation>{0} de la liste STOP retiré(s)</translation>
    </message>
    <message>
        <source>{0} left out: {1}</source>
        <translation>{0} écarté(s)&#xa0;: {1}</translation>
    </message>
    <message>
        <source>, {0} in UCS-2</source>
        <translation>, {0} en UCS-2</translation>
    </message>
    <message>
        <source>Total: {parts} SMS part(s) for {recipients} recipient(s)</source>
        <translation>Total&#xa0;: {parts} SMS pour {recipients} destinataire(s)</translation>
    </message>
    <message>
        <source> · up to {0} part(s) per recipient once filled in</source>
        <translation> · jusqu’à {0} SMS par destinataire une fois les champs remplis</translation>
    </message>
    <message>
        <source>The merged values put {count} message(s) in UCS-2: {parts} part(s) instead of {fewer}. Transliterate them (ç → c, œ → oe, ê → e)</source>
        <translation>Les valeurs fusionnées font passer {count} message(s) en UCS-2&#xa0;: {parts} SMS au lieu de {fewer}. Les translittérer (ç → c, œ → oe, ê → e)</translation>
    </message>
    <message>
        <source>Merged values transliterated (ç → c, œ → oe, ê → e)</source>
        <translation>Valeurs fusionnées translittérées (ç → c, œ → oe, ê → e)</translation>
    </message>
    <message>
        <source> (longest)</source>
        <translation> (le plus long)</translation>
    </message>
    <message>
        <source>Outside the sending window</source>
        <translation>Hors de la plage d’envoi</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Reporté</translation>
    </message>
    <message>
        <source>{0}: the campaign will start {1}</source>
        <translation>{0}&#xa0;: la campagne commencera le {1}</translation>
    </message>
    <message>
        <source>Starts {0}</source>
        <translation>Début le {0}</translation>
    </message>
    <message>
        <source>Template {0!r} loaded</source>
        <translation>Modèle «&#xa0;{0}&#xa0;» chargé</translation>
    </message>
    <message>
        <source>Not sent: the message is empty</source>
        <translation>Non envoyé&#xa0;: le message est vide</translation>
    </message>
    <message>
        <source>Counting the cost…</source>
        <translation>Calcul du coût…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Creating the campaign…</source>
        <translation>Création de la campagne…</translation>
    </message>
    <message>
        <source>will start {0}</source>
        <translation>commencera le {0}</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en file d’attente</translation>
    </message>
    <message>
        <source> ({0} stop-listed, {1} duplicate(s) removed)</source>
        <translation> ({0} de la liste STOP, {1} doublon(s) retiré(s))</translation>
    </message>
    <message>
        <source>Campaign {0}: {1} message(s) {2}</source>
        <translation>Campagne {0}&#xa0;: {1} message(s) {2}</translation>
    </message>
    <message>
        <source>Send a test to me</source>
        <translation>M’envoyer un test</translation>
    </message>
    <message>
        <source>Your mobile number (kept in Settings):</source>
        <translation>Votre numéro de mobile (conservé dans les Préférences)&#xa0;:</translation>
    </message>
    <message>
        <source>Test sent to {0}</source>
        <translation>Test envoyé au {0}</translation>
    </message>
    <message>
        <source>Test not sent: {0}</source>
        <translation>Test non envoyé&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ThreadsModel</name>
    <message>
        <source>Answered STOP: on the stop list</source>
        <translation>A répondu STOP&#xa0;: dans la liste STOP</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Said</source>
        <translation>Message reçu</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days}&#xa0;j {hours}&#xa0;h</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours}&#xa0;h {minutes:02d}&#xa0;min</translation>
    </message>
    <message>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes}&#xa0;min {seconds:02d}&#xa0;s</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}&#xa0;s</translation>
    </message>
</context>
</TS>
