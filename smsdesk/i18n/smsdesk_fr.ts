<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About smsdesk</source>
        <translation>À propos de smsdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;smsdesk {version}&lt;/h3&gt;&lt;p&gt;Bulk SMS campaigns from your desktop.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Data folder: {folder}&lt;/p&gt;&lt;p&gt;smsdesk is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It uses Qt {qt} through PySide6 {pyside} (LGPLv3), SQLAlchemy and alembic (MIT), phonenumbers (Apache 2.0), holidays (MIT), platformdirs (MIT), keyring (MIT), charset-normalizer (MIT), ovh (BSD), smpplib (LGPLv3), python-calamine (MIT) and vobject (Apache 2.0), on Python {python}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;smsdesk {version}&lt;/h3&gt;&lt;p&gt;Vos campagnes de SMS groupés depuis votre ordinateur.&lt;/p&gt;&lt;p&gt;Base de données&#xa0;: {database}&lt;br&gt;Dossier des données&#xa0;: {folder}&lt;/p&gt;&lt;p&gt;smsdesk est un logiciel libre sous licence MIT.&lt;/p&gt;&lt;p&gt;Il utilise Qt {qt} via PySide6 {pyside} (LGPLv3), SQLAlchemy et alembic (MIT), phonenumbers (Apache 2.0), holidays (MIT), platformdirs (MIT), keyring (MIT), charset-normalizer (MIT), ovh (BSD), smpplib (LGPLv3), python-calamine (MIT) et vobject (Apache 2.0), sous Python {python}.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Mon</source>
        <translation>lun.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Nº</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Total parts</source>
        <translation>Total SMS</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Waiting until {when}</source>
        <translation>En attente jusqu’au {when}</translation>
    </message>
    <message>
        <source>Scheduled (kept by the gateway)</source>
        <translation>Planifié (confié à la passerelle)</translation>
    </message>
    <message>
        <source>{body}

First recipient reads:
{sample}</source>
        <translation>{body}

Le premier destinataire lira&#xa0;:
{sample}</translation>
    </message>
    <message>
        <source>Sending window: {start}–{end}, {days}</source>
        <translation>Plage d’envoi&#xa0;: {start}–{end}, {days}</translation>
    </message>
    <message>
        <source>{window}; not on public holidays</source>
        <translation>{window}&#x202f;; sauf jours fériés</translation>
    </message>
</context>
<context>
    <name>CampaignsModel</name>
    <message>
        <source>{percent} %</source>
        <translation>{percent}&#xa0;%</translation>
    </message>
    <message>
        <source>{delivered} delivered of {recipients}</source>
        <translation>Délivrés&#xa0;: {delivered} sur {recipients}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Délivré</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>Search:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Part of a campaign name</source>
        <translation>Une partie du nom de la campagne</translation>
    </message>
    <message>
        <source>Show the campaigns whose name holds these letters</source>
        <translation>Afficher les campagnes dont le nom contient ces lettres</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Show only the campaigns in this status</source>
        <translation>Afficher seulement les campagnes dans cet état</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>Résultats…</translation>
    </message>
    <message>
        <source>Figures, chart and failures of this campaign</source>
        <translation>Chiffres, graphique et échecs de cette campagne</translation>
    </message>
    <message>
        <source>Copy as a new draft</source>
        <translation>Copier en nouveau brouillon</translation>
    </message>
    <message>
        <source>Open the Send tab with this message, sender and recipients</source>
        <translation>Ouvrir l’onglet Envoyer avec ce message, cet expéditeur et ces destinataires</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the campaigns again</source>
        <translation>Recharger les campagnes</translation>
    </message>
    <message>
        <source>No campaign matches.</source>
        <translation>Aucune campagne ne correspond.</translation>
    </message>
    <message>
        <source>Campaigns: {error}</source>
        <translation>Campagnes&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>CheckResultsDialog</name>
    <message>
        <source>Check with the networks: “{list}”</source>
        <translation>Vérification auprès des opérateurs&#xa0;: «&#xa0;{list}&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) answered: {reachable} reachable, {unreachable} unreachable. The ticked numbers are removed from the list.</source>
        <translation>
            <numerusform>%n numéro a répondu&#xa0;: {reachable} joignable(s), {unreachable} injoignable(s). Les numéros cochés seront retirés de la liste.</numerusform>
            <numerusform>%n numéros ont répondu&#xa0;: {reachable} joignable(s), {unreachable} injoignable(s). Les numéros cochés seront retirés de la liste.</numerusform>
        </translation>
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
        <source>{operator} (ported)</source>
        <translation>{operator} (porté)</translation>
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
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
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
        <source>{day} {year} {clock}</source>
        <translation>{day} {year} à {clock}</translation>
    </message>
    <message>
        <source>not a mobile</source>
        <translation>pas un mobile</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>trop court</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>trop long</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>pas un numéro de téléphone</translation>
    </message>
    <message>
        <source>unallocated range</source>
        <translation>tranche non attribuée</translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation>indicatif de pays inconnu</translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation>longueur incorrecte</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Début&#xa0;:</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Passerelle&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln destinataire</numerusform>
            <numerusform>%Ln destinataires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln doublon</numerusform>
            <numerusform>%Ln doublons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stop-listed number(s)</source>
        <translation>
            <numerusform>%Ln numéro en liste STOP</numerusform>
            <numerusform>%Ln numéros en liste STOP</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invalid or landline number(s)</source>
        <translation>
            <numerusform>%Ln numéro invalide ou fixe</numerusform>
            <numerusform>%Ln numéros invalides ou fixes</numerusform>
        </translation>
    </message>
    <message>
        <source>{list} removed</source>
        <translation>{list} retiré(s)</translation>
    </message>
    <message>
        <source>Left out: {numbers}</source>
        <translation>Écartés&#xa0;: {numbers}</translation>
    </message>
    <message>
        <source>{number} ({reason})</source>
        <translation>{number} ({reason})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s) in total</source>
        <translation>
            <numerusform>%Ln SMS au total</numerusform>
            <numerusform>%Ln SMS au total</numerusform>
        </translation>
    </message>
    <message>
        <source>{total} ({ucs2})</source>
        <translation>{total} ({ucs2})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) in UCS-2</source>
        <translation>
            <numerusform>%Ln message en UCS-2</numerusform>
            <numerusform>%Ln messages en UCS-2</numerusform>
        </translation>
    </message>
    <message>
        <source>The gateway&apos;s price of one part times every recipient&apos;s parts</source>
        <translation>Le prix d’un SMS chez la passerelle multiplié par le nombre de SMS de chaque destinataire</translation>
    </message>
    <message>
        <source>{instant} (outside the sending window until then)</source>
        <translation>{instant} (hors plage d’envoi jusque-là)</translation>
    </message>
    <message>
        <source>The gateway may refuse the messages the credits do not cover</source>
        <translation>La passerelle peut refuser les messages que les crédits ne couvrent pas</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Yes, send messages of %Ln part(s)</source>
        <translation>
            <numerusform>&amp;Oui, envoyer des messages de %Ln SMS</numerusform>
            <numerusform>&amp;Oui, envoyer des messages de %Ln SMS</numerusform>
        </translation>
    </message>
    <message>
        <source>Each part is paid as one SMS</source>
        <translation>Chaque partie est facturée comme un SMS</translation>
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
        <source>What these recipients will read, placeholders filled</source>
        <translation>Ce que liront ces destinataires, champs remplis</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln message(s)</source>
        <translation>
            <numerusform>&amp;Envoyer %Ln message</numerusform>
            <numerusform>&amp;Envoyer %Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Create the campaign: nothing is sent before this</source>
        <translation>Créer la campagne&#xa0;: rien n’est envoyé avant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Back to the message: nothing is sent</source>
        <translation>Retour au message&#xa0;: rien n’est envoyé</translation>
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
        <source>New contact in “{list}”</source>
        <translation>Nouveau contact dans «&#xa0;{list}&#xa0;»</translation>
    </message>
    <message>
        <source>Contact of “{list}”</source>
        <translation>Contact de «&#xa0;{list}&#xa0;»</translation>
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
    <name>ContactsModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>Autres colonnes</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>&amp;Import a file…</source>
        <translation>&amp;Importer un fichier…</translation>
    </message>
    <message>
        <source>&amp;Paste numbers…</source>
        <translation>&amp;Coller des numéros…</translation>
    </message>
    <message>
        <source>&amp;New list…</source>
        <translation>&amp;Nouvelle liste…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Check with the net&amp;works…</source>
        <translation>Vérifier auprès des opéra&amp;teurs…</translation>
    </message>
    <message>
        <source>Ask the mobile networks which numbers exist and can be reached (paid: {credits} credit a number at OVH); you then choose which to remove</source>
        <translation>Demander aux opérateurs mobiles quels numéros existent et sont joignables (payant&#xa0;: {credits} crédit par numéro chez OVH)&#x202f;; vous choisissez ensuite lesquels retirer</translation>
    </message>
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
        <source>&amp;Add numbers…</source>
        <translation>&amp;Ajouter des numéros…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>R&amp;etirer…</translation>
    </message>
    <message>
        <source>Import a &amp;file…</source>
        <translation>Importer un &amp;fichier…</translation>
    </message>
    <message>
        <source>Contacts of the list</source>
        <translation>Contacts de la liste</translation>
    </message>
    <message>
        <source>Stop list</source>
        <translation>Liste STOP</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Recipient lists: {message}</source>
        <translation>Listes de destinataires&#xa0;: {message}</translation>
    </message>
    <message>
        <source>No list yet: import a file or paste numbers.</source>
        <translation>Aucune liste pour l’instant&#xa0;: importez un fichier ou collez des numéros.</translation>
    </message>
    <message numerus="yes">
        <source>“{list}”: %n contact(s) match “{search}”</source>
        <translation>
            <numerusform>«&#xa0;{list}&#xa0;»&#xa0;: %n contact correspond à «&#xa0;{search}&#xa0;»</numerusform>
            <numerusform>«&#xa0;{list}&#xa0;»&#xa0;: %n contacts correspondent à «&#xa0;{search}&#xa0;»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{list}”: %n contact(s), by number</source>
        <translation>
            <numerusform>«&#xa0;{list}&#xa0;»&#xa0;: %n contact, trié par numéro</numerusform>
            <numerusform>«&#xa0;{list}&#xa0;»&#xa0;: %n contacts, triés par numéro</numerusform>
        </translation>
    </message>
    <message>
        <source>List “{list}” created</source>
        <translation>Liste «&#xa0;{list}&#xa0;» créée</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Nouvelle liste</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>Nom de la nouvelle liste&#xa0;:</translation>
    </message>
    <message>
        <source>List “{old}” renamed “{new}”</source>
        <translation>Liste «&#xa0;{old}&#xa0;» renommée en «&#xa0;{new}&#xa0;»</translation>
    </message>
    <message>
        <source>Rename the list</source>
        <translation>Renommer la liste</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Delete the list</source>
        <translation>Supprimer la liste</translation>
    </message>
    <message numerus="yes">
        <source>Delete the list “{list}” and its %n contact(s)?
The history of the messages already sent stays.</source>
        <translation>
            <numerusform>Supprimer la liste «&#xa0;{list}&#xa0;» et son %n contact&#x202f;?
L’historique des messages déjà envoyés est conservé.</numerusform>
            <numerusform>Supprimer la liste «&#xa0;{list}&#xa0;» et ses %n contacts&#x202f;?
L’historique des messages déjà envoyés est conservé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>List “{list}” deleted (%n contact(s))</source>
        <translation>
            <numerusform>Liste «&#xa0;{list}&#xa0;» supprimée (%n contact)</numerusform>
            <numerusform>Liste «&#xa0;{list}&#xa0;» supprimée (%n contacts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Check with the networks</source>
        <translation>Vérifier auprès des opérateurs</translation>
    </message>
    <message>
        <source>The {gateway} gateway cannot check numbers with the networks.</source>
        <translation>La passerelle {gateway} ne peut pas vérifier les numéros auprès des opérateurs.</translation>
    </message>
    <message numerus="yes">
        <source>Check the %n number(s) of “{list}” with the mobile networks through {gateway}?

Cost: {credits} credits ({each} a number).
You then see each number&apos;s operator and choose the numbers to remove.</source>
        <translation>
            <numerusform>Vérifier %n numéro de «&#xa0;{list}&#xa0;» auprès des opérateurs mobiles via {gateway}&#x202f;?

Coût&#xa0;: {credits} crédits ({each} par numéro).
Vous verrez ensuite l’opérateur de chaque numéro et choisirez les numéros à retirer.</numerusform>
            <numerusform>Vérifier les %n numéros de «&#xa0;{list}&#xa0;» auprès des opérateurs mobiles via {gateway}&#x202f;?

Coût&#xa0;: {credits} crédits ({each} par numéro).
Vous verrez ensuite l’opérateur de chaque numéro et choisirez les numéros à retirer.</numerusform>
        </translation>
    </message>
    <message>
        <source>{checked} number(s) checked: {reachable} reachable, {unreachable} unreachable</source>
        <translation>{checked} numéro(s) vérifié(s)&#xa0;: {reachable} joignable(s), {unreachable} injoignable(s)</translation>
    </message>
    <message>
        <source>{words}; {count} without an answer (kept)</source>
        <translation>{words}&#x202f;; {count} sans réponse (conservé(s))</translation>
    </message>
    <message>
        <source>Checking with the networks…</source>
        <translation>Vérification auprès des opérateurs…</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) removed from “{list}”</source>
        <translation>
            <numerusform>%n numéro retiré de «&#xa0;{list}&#xa0;»</numerusform>
            <numerusform>%n numéros retirés de «&#xa0;{list}&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} added</source>
        <translation>{number} ajouté</translation>
    </message>
    <message>
        <source>{number} saved</source>
        <translation>{number} enregistré</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) deleted</source>
        <translation>
            <numerusform>%n contact supprimé</numerusform>
            <numerusform>%n contacts supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s) from “{list}” ({names})?</source>
        <translation>
            <numerusform>Supprimer %n contact de «&#xa0;{list}&#xa0;» ({names})&#x202f;?</numerusform>
            <numerusform>Supprimer %n contacts de «&#xa0;{list}&#xa0;» ({names})&#x202f;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) merged into “{list}”, {already} already there</source>
        <translation>
            <numerusform>%n contact fusionné dans «&#xa0;{list}&#xa0;», {already} déjà présent(s)</numerusform>
            <numerusform>%n contacts fusionnés dans «&#xa0;{list}&#xa0;», {already} déjà présent(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge “{list}” into the list (new or existing):</source>
        <translation>Fusionner «&#xa0;{list}&#xa0;» dans la liste (nouvelle ou existante)&#xa0;:</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>Importer des destinataires</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) never sent to (they answered STOP or were added here)</source>
        <translation>
            <numerusform>%n numéro exclu de tout envoi (il a répondu STOP ou a été ajouté ici)</numerusform>
            <numerusform>%n numéros exclus de tout envoi (ils ont répondu STOP ou ont été ajoutés ici)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) added to the stop list</source>
        <translation>
            <numerusform>%n numéro ajouté à la liste STOP</numerusform>
            <numerusform>%n numéros ajoutés à la liste STOP</numerusform>
        </translation>
    </message>
    <message>
        <source>{words}, {count} already there</source>
        <translation>{words}, {count} déjà présent(s)</translation>
    </message>
    <message>
        <source>{words}, {count} not numbers ({values})</source>
        <translation>{words}, {count} valeur(s) qui ne sont pas des numéros ({values})</translation>
    </message>
    <message>
        <source>Add to the stop list</source>
        <translation>Ajouter à la liste STOP</translation>
    </message>
    <message>
        <source>Numbers never to send to (one or several a line):</source>
        <translation>Numéros à ne jamais contacter (un ou plusieurs par ligne)&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) removed from the stop list</source>
        <translation>
            <numerusform>%n numéro retiré de la liste STOP</numerusform>
            <numerusform>%n numéros retirés de la liste STOP</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from the stop list</source>
        <translation>Retirer de la liste STOP</translation>
    </message>
    <message numerus="yes">
        <source>Why may these %n number(s) be sent to again? (how their consent was given)</source>
        <translation>
            <numerusform>Pourquoi autoriser de nouveau l’envoi vers %n numéro&#x202f;? (comment son consentement a été donné)</numerusform>
            <numerusform>Pourquoi autoriser de nouveau l’envoi vers ces %n numéros&#x202f;? (comment leur consentement a été donné)</numerusform>
        </translation>
    </message>
    <message>
        <source>removed by hand in Contacts</source>
        <translation>retiré manuellement dans Contacts</translation>
    </message>
    <message>
        <source>Import a stop list</source>
        <translation>Importer une liste STOP</translation>
    </message>
    <message>
        <source>Importing the stop list…</source>
        <translation>Import de la liste STOP…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed</source>
        <translation>Annulé&#xa0;: rien n’a été modifié</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>Échec&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Supprimer des contacts</translation>
    </message>
    <message>
        <source>Merge lists</source>
        <translation>Fusionner des listes</translation>
    </message>
</context>
<context>
    <name>DeliveryChart</name>
    <message>
        <source>No delivery yet</source>
        <translation>Aucun SMS délivré pour l’instant</translation>
    </message>
    <message>
        <source>Blue bars: messages delivered in each interval; green line: delivered so far</source>
        <translation>Barres bleues&#xa0;: messages délivrés dans chaque intervalle&#x202f;; ligne verte&#xa0;: cumul des messages délivrés</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 heures</translation>
    </message>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <source>bars: delivered per {interval} · line: delivered so far</source>
        <translation>barres&#xa0;: délivrés par {interval} · ligne&#xa0;: cumul des délivrés</translation>
    </message>
</context>
<context>
    <name>DispatchController</name>
    <message>
        <source>Sending: {done} of {total} messages handed to the gateway.</source>
        <translation>Envoi&#xa0;: {done} messages sur {total} transmis à la passerelle.</translation>
    </message>
    <message numerus="yes">
        <source>If you quit now, the batch under way is finished first and the %n message(s) left go out the next time smsdesk opens.</source>
        <translation>
            <numerusform>Si vous quittez maintenant, le lot en cours est d’abord terminé et %n message restant partira à la prochaine ouverture de smsdesk.</numerusform>
            <numerusform>Si vous quittez maintenant, le lot en cours est d’abord terminé et les %n messages restants partiront à la prochaine ouverture de smsdesk.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditMessageDialog</name>
    <message>
        <source>Edit the message of “{name}”</source>
        <translation>Modifier le message de «&#xa0;{name}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>EndingsDialog</name>
    <message>
        <source>Endings of test numbers</source>
        <translation>Terminaisons des numéros de test</translation>
    </message>
    <message>
        <source>With the simulator (the gateway until you connect OVH or SMPP), the outcome of a message depends on the last four digits of the number. Any other ending is delivered. Example: 06&#xa0;12&#xa0;34&#xa0;00&#xa0;05 is undelivered.</source>
        <translation>Avec le simulateur (la passerelle utilisée tant que vous n’avez pas connecté OVH ou SMPP), le résultat d’un message dépend des quatre derniers chiffres du numéro. Avec toute autre terminaison, le message est délivré. Exemple&#xa0;: 06&#xa0;12&#xa0;34&#xa0;00&#xa0;05 n’est pas délivré.</translation>
    </message>
    <message>
        <source>anything else</source>
        <translation>toute autre terminaison</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Délivré</translation>
    </message>
    <message>
        <source>Number ends with</source>
        <translation>Le numéro finit par</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <source>Welcome to smsdesk</source>
        <translation>Bienvenue dans smsdesk</translation>
    </message>
    <message>
        <source>Until you connect a real gateway, your messages go to the built-in simulator: nothing leaves this computer, and delivery reports come back a couple of seconds later, as from a real gateway. To try failures, send to numbers ending in 0005 (undelivered), 0008 (expired), 0020 (refused), 0023 (invalid), 0024 (absent), 0026 (phone error), 0042 (answers STOP) or 0043 (answers “Oui, merci !”); to send for real, connect OVH or an SMPP server in File &gt; Preferences.</source>
        <translation>Tant que vous n’avez pas connecté une vraie passerelle, vos messages partent vers le simulateur intégré&#xa0;: rien ne sort de cet ordinateur, et les accusés de réception reviennent quelques secondes plus tard, comme avec une vraie passerelle. Pour tester les échecs, envoyez à des numéros finissant par 0005 (non délivré), 0008 (expiré), 0020 (refusé), 0023 (invalide), 0024 (absent), 0026 (erreur du téléphone), 0042 (répond STOP) ou 0043 (répond «&#xa0;Oui, merci&#x202f;!&#xa0;»)&#x202f;; pour envoyer pour de vrai, connectez OVH ou un serveur SMPP dans Fichier &gt; Préférences.</translation>
    </message>
    <message>
        <source>&amp;Test numbers…</source>
        <translation>Numéros de &amp;test…</translation>
    </message>
    <message>
        <source>Every ending of test numbers and its outcome</source>
        <translation>Toutes les terminaisons des numéros de test et leur résultat</translation>
    </message>
    <message>
        <source>Connect a &amp;gateway…</source>
        <translation>&amp;Connecter une passerelle…</translation>
    </message>
    <message>
        <source>Open Preferences to connect OVH or an SMPP server</source>
        <translation>Ouvrir les préférences pour connecter OVH ou un serveur SMPP</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>Ma&amp;squer</translation>
    </message>
    <message>
        <source>Help &gt; Getting started shows this again</source>
        <translation>Aide &gt; Prise en main l’affiche de nouveau</translation>
    </message>
</context>
<context>
    <name>GatewayForm</name>
    <message>
        <source>{field}:</source>
        <translation>{field}&#xa0;:</translation>
    </message>
    <message>
        <source>{tip} (set by this computer&apos;s environment)</source>
        <translation>{tip} (fixé par l’environnement de cet ordinateur)</translation>
    </message>
    <message>
        <source> SMS/s</source>
        <translation> SMS/s</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>set by this computer&apos;s environment</source>
        <translation>fixé par l’environnement de cet ordinateur</translation>
    </message>
    <message>
        <source>stored in the keyring; leave empty to keep it</source>
        <translation>enregistré dans le trousseau&#xa0;; laisser vide pour le garder</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
</context>
<context>
    <name>GatewaySpec</name>
    <message>
        <source>Null gateway (delivers nothing)</source>
        <translation>Passerelle nulle (ne délivre rien)</translation>
    </message>
    <message>
        <source>Accepts every message and delivers none: for tests and dry runs.</source>
        <translation>Accepte tous les messages et n’en délivre aucun&#xa0;: pour les tests et les essais à blanc.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Any text; the null gateway only keeps it</source>
        <translation>Un texte libre&#xa0;; la passerelle nulle se contente de le garder</translation>
    </message>
    <message>
        <source>OVH&apos;s page is open in your browser: log in and accept, then list the accounts.</source>
        <translation>La page d’OVH est ouverte dans votre navigateur&#xa0;: connectez-vous et acceptez, puis listez les comptes.</translation>
    </message>
    <message>
        <source>OVH SMS</source>
        <translation>SMS OVH</translation>
    </message>
    <message>
        <source>OVHcloud&apos;s SMS service: create an application key and secret at OVH, then a consumer key here, and choose the SMS account.</source>
        <translation>Le service SMS d’OVHcloud&#xa0;: créez une clé et un secret d’application chez OVH, puis une clé client ici, et choisissez le compte SMS.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point d’accès</translation>
    </message>
    <message>
        <source>An OVH endpoint name, or the API&apos;s address (https://…)</source>
        <translation>Un nom de point d’accès OVH, ou l’adresse de l’API (https://…)</translation>
    </message>
    <message>
        <source>Application key</source>
        <translation>Clé d’application</translation>
    </message>
    <message>
        <source>The application key OVH gave when you created the application</source>
        <translation>La clé d’application donnée par OVH à la création de l’application</translation>
    </message>
    <message>
        <source>Application secret</source>
        <translation>Secret d’application</translation>
    </message>
    <message>
        <source>The application secret; kept in the system keyring</source>
        <translation>Le secret d’application&#xa0;; gardé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>Created with the button below, then accepted on OVH&apos;s page</source>
        <translation>Créée avec le bouton ci-dessous, puis acceptée sur la page d’OVH</translation>
    </message>
    <message>
        <source>SMS account</source>
        <translation>Compte SMS</translation>
    </message>
    <message>
        <source>The OVH SMS account that sends and pays (List accounts fills it)</source>
        <translation>Le compte SMS OVH qui envoie et paie («&#xa0;Lister les comptes&#xa0;» le remplit)</translation>
    </message>
    <message>
        <source>Create consumer key…</source>
        <translation>Créer une clé client…</translation>
    </message>
    <message>
        <source>Asks OVH for a key with the SMS rights and opens the page where you accept it</source>
        <translation>Demande à OVH une clé avec les droits SMS et ouvre la page où vous l’acceptez</translation>
    </message>
    <message>
        <source>List accounts</source>
        <translation>Lister les comptes</translation>
    </message>
    <message>
        <source>Lists the SMS accounts these keys reach</source>
        <translation>Liste les comptes SMS accessibles avec ces clés</translation>
    </message>
    <message>
        <source>Simulator (no account)</source>
        <translation>Simulateur (sans compte)</translation>
    </message>
    <message>
        <source>The built-in simulator sends nothing: it accepts every message and reports delivery receipts, to try smsdesk without an account. Numbers ending in 0005, 0008, 0023, 0024 or 0026 fail; 0020 is refused; 0042 answers STOP.</source>
        <translation>Le simulateur intégré n’envoie rien&#xa0;: il accepte chaque message et renvoie des accusés de réception, pour essayer smsdesk sans compte. Les numéros finissant par 0005, 0008, 0023, 0024 ou 0026 échouent&#xa0;; 0020 est refusé&#xa0;; 0042 répond STOP.</translation>
    </message>
    <message>
        <source>SMPP 3.4</source>
        <translation>SMPP 3.4</translation>
    </message>
    <message>
        <source>An SMS centre reached over SMPP 3.4 (host, port and account from your operator).</source>
        <translation>Un centre SMS joint en SMPP 3.4 (hôte, port et compte fournis par votre opérateur).</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>The SMS centre&apos;s host name or address</source>
        <translation>Le nom d’hôte ou l’adresse du centre SMS</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The SMS centre&apos;s TCP port (2775 by default)</source>
        <translation>Le port TCP du centre SMS (2775 par défaut)</translation>
    </message>
    <message>
        <source>System ID</source>
        <translation>Identifiant système</translation>
    </message>
    <message>
        <source>The account name the SMS centre gave you (15 characters at most)</source>
        <translation>Le nom de compte donné par le centre SMS (15 caractères au plus)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>The account&apos;s password (8 characters at most); kept in the system keyring</source>
        <translation>Le mot de passe du compte (8 caractères au plus)&#xa0;; gardé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Débit maximal</translation>
    </message>
    <message>
        <source>At most this many messages per second through this gateway (0: no limit)</source>
        <translation>Au plus ce nombre de messages par seconde par cette passerelle (0&#xa0;: sans limite)</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Undelivered (error 5)</source>
        <translation>Non délivré (erreur 5)</translation>
    </message>
    <message>
        <source>Expired: no delivery within its validity (error 8)</source>
        <translation>Expiré&#xa0;: non délivré pendant sa durée de validité (erreur 8)</translation>
    </message>
    <message>
        <source>Refused at submission</source>
        <translation>Refusé dès l’envoi</translation>
    </message>
    <message>
        <source>Invalid or barred number (error 23)</source>
        <translation>Numéro invalide ou bloqué (erreur 23)</translation>
    </message>
    <message>
        <source>Absent subscriber (error 24)</source>
        <translation>Abonné absent (erreur 24)</translation>
    </message>
    <message>
        <source>Temporary phone error (error 26)</source>
        <translation>Erreur temporaire du téléphone (erreur 26)</translation>
    </message>
    <message>
        <source>Delivered, then answers “STOP” a second later (goes on the stop list)</source>
        <translation>Délivré, puis répond «&#xa0;STOP&#xa0;» une seconde plus tard (passe dans la liste STOP)</translation>
    </message>
    <message>
        <source>Delivered, then answers “Oui, merci !”</source>
        <translation>Délivré, puis répond «&#xa0;Oui, merci&#x202f;!&#xa0;»</translation>
    </message>
    <message>
        <source>Send (Send tab)</source>
        <translation>Envoyer (onglet Envoyer)</translation>
    </message>
    <message>
        <source>Go to the filter (History)</source>
        <translation>Aller au filtre (Historique des envois)</translation>
    </message>
    <message>
        <source>{enter} or double-click</source>
        <translation>{enter} ou double-clic</translation>
    </message>
    <message>
        <source>Details of a message (History), results of a campaign (Scheduled)</source>
        <translation>Détails d’un message (Historique des envois), résultats d’une campagne (SMS planifiés)</translation>
    </message>
    <message>
        <source>Delete the selected messages (History)</source>
        <translation>Supprimer les messages sélectionnés (Historique des envois)</translation>
    </message>
    <message>
        <source>Resume the paused campaigns selected (Scheduled)</source>
        <translation>Reprendre les campagnes en pause sélectionnées (SMS planifiés)</translation>
    </message>
    <message>
        <source>Read everything shown again</source>
        <translation>Recharger tout ce qui est affiché</translation>
    </message>
    <message>
        <source>{alt} and the underlined letter</source>
        <translation>{alt} et la lettre soulignée</translation>
    </message>
    <message>
        <source>Go to a tab, a button or a menu</source>
        <translation>Aller à un onglet, un bouton ou un menu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Receiver (0612, +33 6 12, 5678…)</source>
        <translation>Destinataire (0612, +33 6 12, 5678…)</translation>
    </message>
    <message>
        <source>Part of the receiver&apos;s number, in any format</source>
        <translation>Une partie du numéro du destinataire, sous n’importe quelle forme</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Part of the sender&apos;s name</source>
        <translation>Une partie du nom de l’expéditeur</translation>
    </message>
    <message>
        <source>Text in the message</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>Words of the message; accents and capitals do not matter</source>
        <translation>Des mots du message&#x202f;; accents et majuscules ne comptent pas</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les états</translation>
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
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Cancelled messages are listed only when chosen</source>
        <translation>Les messages annulés ne sont listés que si on les choisit</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>6 derniers mois</translation>
    </message>
    <message>
        <source>From… to…</source>
        <translation>Du… au…</translation>
    </message>
    <message>
        <source>When the messages were sent</source>
        <translation>Quand les messages ont été envoyés</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>Dernier jour (inclus)</translation>
    </message>
    <message>
        <source>Any campaign</source>
        <translation>Toutes les campagnes</translation>
    </message>
    <message>
        <source>Messages of one campaign</source>
        <translation>Les messages d’une campagne</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Messages with exactly this tag</source>
        <translation>Les messages portant exactement ce tag</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every message again</source>
        <translation>Afficher de nouveau tous les messages</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Export selection…</source>
        <translation>&amp;Exporter la sélection…</translation>
    </message>
    <message>
        <source>Export &amp;all matching…</source>
        <translation>Exporter &amp;tous les résultats…</translation>
    </message>
    <message>
        <source>Delete all &amp;matching…</source>
        <translation>Supprimer tous les &amp;résultats…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Everything known about the message (Enter)</source>
        <translation>Tout ce que l’on sait du message (Entrée)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected messages (Delete key)</source>
        <translation>Supprimer les messages sélectionnés (touche Suppr)</translation>
    </message>
    <message>
        <source>Delete all matching…</source>
        <translation>Supprimer tous les résultats…</translation>
    </message>
    <message>
        <source>Delete every message the filter lists</source>
        <translation>Supprimer tous les messages listés par le filtre</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export every message that matches the filter (the arrow: only the selection)</source>
        <translation>Exporter tous les messages qui correspondent au filtre (la flèche&#xa0;: seulement la sélection)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the delete or export; nothing is changed</source>
        <translation>Arrêter la suppression ou l’export&#x202f;; rien n’est modifié</translation>
    </message>
    <message>
        <source>Double-click or Enter: details; type to search the text</source>
        <translation>Double-clic ou Entrée&#xa0;: détails&#x202f;; tapez pour chercher dans le texte</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) match</source>
        <translation>
            <numerusform>%n message correspond</numerusform>
            <numerusform>%n messages correspondent</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the history</source>
        <translation>Impossible de lire l’historique</translation>
    </message>
    <message>
        <source>History: {reason}</source>
        <translation>Historique&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Message #{id} was deleted meanwhile</source>
        <translation>Le message n°{id} a été supprimé entre-temps</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>Supprimer des messages</translation>
    </message>
    <message numerus="yes">
        <source>Delete the whole history (%n message(s))?</source>
        <translation>
            <numerusform>Supprimer tout l’historique (%n message)&#x202f;?</numerusform>
            <numerusform>Supprimer tout l’historique (%n messages)&#x202f;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n message(s) that match the filter?</source>
        <translation>
            <numerusform>Supprimer le %n message correspondant au filtre&#x202f;?</numerusform>
            <numerusform>Supprimer les %n messages correspondant au filtre&#x202f;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n message(s)?</source>
        <translation>
            <numerusform>Supprimer %n message&#x202f;?</numerusform>
            <numerusform>Supprimer %n messages&#x202f;?</numerusform>
        </translation>
    </message>
    <message>
        <source>They will be gone from the history; this cannot be undone.</source>
        <translation>Ils disparaîtront de l’historique&#x202f;; c’est irréversible.</translation>
    </message>
    <message>
        <source>Also delete them at the gateway ({gateway})</source>
        <translation>Les supprimer aussi sur la passerelle ({gateway})</translation>
    </message>
    <message>
        <source>Deleting %s…</source>
        <translation>Suppression de %s…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted</source>
        <translation>
            <numerusform>%n message supprimé</numerusform>
            <numerusform>%n messages supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>{deleted} ({remote} at the gateway too)</source>
        <translation>{deleted} ({remote} aussi sur la passerelle)</translation>
    </message>
    <message>
        <source>{deleted}; {kept} kept: {reasons}</source>
        <translation>{deleted}&#x202f;; {kept} conservés&#xa0;: {reasons}</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Exporter l’historique</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting %s…</source>
        <translation>Export de %s…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) exported to {path}</source>
        <translation>
            <numerusform>%n message exporté vers {path}</numerusform>
            <numerusform>%n messages exportés vers {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export annulé</translation>
    </message>
    <message>
        <source>Delete cancelled: nothing was changed</source>
        <translation>Suppression annulée&#xa0;: rien n’a été modifié</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Échec de l’export&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Delete failed: {reason}</source>
        <translation>Échec de la suppression&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Created {0}</source>
        <translation>Créé le {0}</translation>
    </message>
    <message>
        <source>Campaign #{0}</source>
        <translation>Campagne nº {0}</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Recipient lists ({patterns});;All files (*)</source>
        <translation>Listes de destinataires ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation>virgule (,)</translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation>point-virgule (;)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>bar (|)</source>
        <translation>barre verticale (|)</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalide</translation>
    </message>
    <message>
        <source>Not a mobile</source>
        <translation>Pas un mobile</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <source>On the stop list</source>
        <translation>Dans la liste STOP</translation>
    </message>
    <message>
        <source>none (one cell a line)</source>
        <translation>aucun (une cellule par ligne)</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>Importer des destinataires</translation>
    </message>
    <message>
        <source>Choose a file (CSV, TXT, Excel, LibreOffice, vCard), or drop it here</source>
        <translation>Choisissez un fichier (CSV, TXT, Excel, LibreOffice, vCard) ou déposez-le ici</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <source>Or drop a file on this window: an Excel or LibreOffice workbook, a phone&apos;s or Google&apos;s vCards, CSV or TXT (Outlook, Google Contacts, one number a line...)</source>
        <translation>Ou déposez un fichier sur cette fenêtre&#xa0;: classeur Excel ou LibreOffice, vCard d’un téléphone ou de Google, CSV ou TXT (Outlook, Google Contacts, un numéro par ligne…)</translation>
    </message>
    <message>
        <source>Paste numbers here: one or several a line, or cells copied from a spreadsheet</source>
        <translation>Collez les numéros ici&#xa0;: un ou plusieurs par ligne, ou des cellules copiées d’un tableur</translation>
    </message>
    <message>
        <source>From a &amp;file</source>
        <translation>Depuis un &amp;fichier</translation>
    </message>
    <message>
        <source>&amp;Pasted numbers</source>
        <translation>Numéros &amp;collés</translation>
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
        <source>Name of a new or existing list</source>
        <translation>Nom d’une liste nouvelle ou existante</translation>
    </message>
    <message>
        <source>&amp;Keep landlines and other numbers that are not mobiles</source>
        <translation>&amp;Garder les fixes et les autres numéros qui ne sont pas des mobiles</translation>
    </message>
    <message>
        <source>Every &amp;mobile of a contact (default: one message a person, its first mobile)</source>
        <translation>Tous les &amp;mobiles d’un contact (par défaut&#xa0;: un message par personne, à son premier mobile)</translation>
    </message>
    <message>
        <source>Phone &amp;column</source>
        <translation>&amp;Colonne du téléphone</translation>
    </message>
    <message>
        <source>&amp;Region of national numbers</source>
        <translation>&amp;Pays des numéros nationaux</translation>
    </message>
    <message>
        <source>Into the &amp;list</source>
        <translation>Dans la &amp;liste</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Number as written</source>
        <translation>Numéro tel qu’écrit</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>Deviendra</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>Autres colonnes</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>Premières lignes&#xa0;:</translation>
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
        <source>Numbers considered</source>
        <translation>Numéros examinés</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importés</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Invalid numbers</source>
        <translation>Numéros invalides</translation>
    </message>
    <message>
        <source>Not mobiles (left out)</source>
        <translation>Pas des mobiles (écartés)</translation>
    </message>
    <message>
        <source>&amp;Save the rejected lines as CSV…</source>
        <translation>&amp;Enregistrer les lignes rejetées en CSV…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Rejected lines:</source>
        <translation>Lignes rejetées&#xa0;:</translation>
    </message>
    <message>
        <source>Pasted numbers</source>
        <translation>Numéros collés</translation>
    </message>
    <message>
        <source>adds to this list (its duplicates are left out)</source>
        <translation>s’ajoute à cette liste (ses doublons sont écartés)</translation>
    </message>
    <message>
        <source>a new list</source>
        <translation>une nouvelle liste</translation>
    </message>
    <message>
        <source>Workbook, sheet “{sheet}”</source>
        <translation>Classeur, feuille «&#xa0;{sheet}&#xa0;»</translation>
    </message>
    <message>
        <source>vCards ({encoding}), a contact a card</source>
        <translation>vCard ({encoding}), un contact par fiche</translation>
    </message>
    <message>
        <source>Encoding: {encoding}</source>
        <translation>Encodage&#xa0;: {encoding}</translation>
    </message>
    <message>
        <source>Delimiter: {delimiter}</source>
        <translation>Séparateur&#xa0;: {delimiter}</translation>
    </message>
    <message>
        <source>Header line: yes</source>
        <translation>Ligne d’en-tête&#xa0;: oui</translation>
    </message>
    <message>
        <source>Header line: no</source>
        <translation>Ligne d’en-tête&#xa0;: non</translation>
    </message>
    <message>
        <source>Numbers in: {column}</source>
        <translation>Colonne des numéros&#xa0;: {column}</translation>
    </message>
    <message>
        <source>invalid: {reason}</source>
        <translation>invalide&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{number} (not a mobile: left out)</source>
        <translation>{number} (pas un mobile&#xa0;: écarté)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported</source>
        <translation>Import annulé&#xa0;: rien n’a été importé</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Rien n’a été importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>Échec de l’import&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{imported} number(s) imported into “{list}”</source>
        <translation>{imported} numéro(s) importé(s) dans «&#xa0;{list}&#xa0;»</translation>
    </message>
    <message>
        <source>{contacts} contacts with {numbers} numbers: one message a person, its first mobile ({set_aside} other numbers set aside).</source>
        <translation>{contacts} contacts avec {numbers} numéros&#xa0;: un message par personne, à son premier mobile ({set_aside} autres numéros mis de côté).</translation>
    </message>
    <message>
        <source>{contacts} contacts with {numbers} numbers.</source>
        <translation>{contacts} contacts avec {numbers} numéros.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{imported}&lt;/b&gt; of {rows} numbers imported into “{list}” (new list).</source>
        <translation>&lt;b&gt;{imported}&lt;/b&gt; numéros importés sur {rows} dans «&#xa0;{list}&#xa0;» (nouvelle liste).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{imported}&lt;/b&gt; of {rows} numbers imported into “{list}” (added to the existing list).</source>
        <translation>&lt;b&gt;{imported}&lt;/b&gt; numéros importés sur {rows} dans «&#xa0;{list}&#xa0;» (ajoutés à la liste existante).</translation>
    </message>
    <message>
        <source>{list} - rejected.csv</source>
        <translation>{list} - lignes rejetées.csv</translation>
    </message>
    <message>
        <source>Save the rejected lines</source>
        <translation>Enregistrer les lignes rejetées</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) saved to {path}</source>
        <translation>
            <numerusform>%n ligne enregistrée dans {path}</numerusform>
            <numerusform>%n lignes enregistrées dans {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>InboxTab</name>
    <message>
        <source>Who answered, latest first; choose one to read the thread</source>
        <translation>Qui a répondu, du plus récent au plus ancien&#x202f;; choisissez un contact pour lire la conversation</translation>
    </message>
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
        <source>Read the replies again</source>
        <translation>Recharger les réponses</translation>
    </message>
    <message>
        <source>Inbox: {error}</source>
        <translation>Réponses&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Sent (campaign {campaign}, {status})</source>
        <translation>Envoyé (campagne {campaign}, {status})</translation>
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
    <name>ListsModel</name>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>smsdesk</source>
        <translation>smsdesk</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Write a message and send it now or later</source>
        <translation>Écrire un message et l’envoyer maintenant ou plus tard</translation>
    </message>
    <message>
        <source>S&amp;cheduled</source>
        <translation>SMS &amp;planifiés</translation>
    </message>
    <message>
        <source>Campaigns planned or sending: cancel, move, resume</source>
        <translation>Campagnes planifiées ou en cours d’envoi&#xa0;: annuler, replanifier, reprendre</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique des envois</translation>
    </message>
    <message>
        <source>Every message sent, with its delivery status</source>
        <translation>Tous les messages envoyés, avec leur état de remise</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>C&amp;ontacts</translation>
    </message>
    <message>
        <source>Recipient lists and the stop list; import files</source>
        <translation>Listes de destinataires et liste STOP&#x202f;; import de fichiers</translation>
    </message>
    <message>
        <source>C&amp;ampaigns</source>
        <translation>Ca&amp;mpagnes</translation>
    </message>
    <message>
        <source>Every campaign, finished ones too, and its results</source>
        <translation>Toutes les campagnes, terminées comprises, et leurs résultats</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Réponses</translation>
    </message>
    <message>
        <source>Replies, grouped by contact</source>
        <translation>Les réponses, regroupées par contact</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Gateway, sending window, default sender, region, language, time zone</source>
        <translation>Passerelle, plage d’envoi, expéditeur par défaut, région, langue, fuseau horaire</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read everything shown again (F5)</source>
        <translation>Recharger tout ce qui est affiché (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>Prise en &amp;main</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Endings of test numbers</source>
        <translation>&amp;Terminaisons des numéros de test</translation>
    </message>
    <message>
        <source>Open the &amp;log</source>
        <translation>Ouvrir le &amp;journal</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Ouvrir le &amp;dossier des données</translation>
    </message>
    <message>
        <source>&amp;About smsdesk</source>
        <translation>À &amp;propos de smsdesk</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>Messages handed to the gateway in this send</source>
        <translation>Messages transmis à la passerelle pour cet envoi</translation>
    </message>
    <message>
        <source>Sending %v / %m</source>
        <translation>Envoi %v / %m</translation>
    </message>
    <message>
        <source>Gateway: {name}</source>
        <translation>Passerelle&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Where messages go; change it in File &gt; Preferences</source>
        <translation>Destination des messages&#x202f;; à changer dans Fichier &gt; Préférences</translation>
    </message>
    <message>
        <source>Credits: {credits}</source>
        <translation>Crédits&#xa0;: {credits}</translation>
    </message>
    <message>
        <source>Credits left at the gateway</source>
        <translation>Crédits restants chez la passerelle</translation>
    </message>
    <message>
        <source>smsdesk cannot start</source>
        <translation>smsdesk ne peut pas démarrer</translation>
    </message>
    <message>
        <source>smsdesk cannot start: {reason}</source>
        <translation>smsdesk ne peut pas démarrer&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The log file says more: {path}</source>
        <translation>Le journal en dit plus&#xa0;: {path}</translation>
    </message>
    <message>
        <source>There is no log yet: {path}</source>
        <translation>Pas encore de journal&#xa0;: {path}</translation>
    </message>
    <message>
        <source>No application could open {path}</source>
        <translation>Aucune application n’a pu ouvrir {path}</translation>
    </message>
    <message>
        <source>Sending stopped: {reason}. smsdesk tries again in a few seconds.</source>
        <translation>Envoi interrompu&#xa0;: {reason}. smsdesk réessaie dans quelques secondes.</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” (due {due}, %n message(s))</source>
        <translation>
            <numerusform>«&#xa0;{name}&#xa0;» (prévue le {due}, %n message)</numerusform>
            <numerusform>«&#xa0;{name}&#xa0;» (prévue le {due}, %n messages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} et %n autre</numerusform>
            <numerusform>{names} et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While smsdesk was closed, %n campaign(s) became due: {names}. Sending them now.</source>
        <translation>
            <numerusform>Pendant que smsdesk était fermé, %n campagne est arrivée à échéance&#xa0;: {names}. Elle part maintenant.</numerusform>
            <numerusform>Pendant que smsdesk était fermé, %n campagnes sont arrivées à échéance&#xa0;: {names}. Elles partent maintenant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resumed an interrupted send: {confirmed} confirmed, {queued} queued again, {unknown} unknown</source>
        <translation>Reprise d’un envoi interrompu&#xa0;: {confirmed} confirmé(s), {queued} remis en file d’attente, {unknown} inconnu(s)</translation>
    </message>
    <message>
        <source>Sent {sent}, failed {failed}, to retry {retried}</source>
        <translation>Envoyés&#xa0;: {sent}, échecs&#xa0;: {failed}, à réessayer&#xa0;: {retried}</translation>
    </message>
    <message numerus="yes">
        <source>{text}; %n wait for their sending window</source>
        <translation>
            <numerusform>{text}&#x202f;; %n attend sa plage d’envoi</numerusform>
            <numerusform>{text}&#x202f;; %n attendent leur plage d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new reply(ies)</source>
        <translation>
            <numerusform>%n nouvelle réponse</numerusform>
            <numerusform>%n nouvelles réponses</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit while sending?</source>
        <translation>Quitter pendant l’envoi&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Keep sending</source>
        <translation>&amp;Continuer l’envoi</translation>
    </message>
</context>
<context>
    <name>MessageDetailsDialog</name>
    <message>
        <source>Message #{id}</source>
        <translation>Message n°{id}</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}&#xa0;:</translation>
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
        <source>Results of the campaign this message belongs to</source>
        <translation>Résultats de la campagne dont fait partie ce message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Délivré</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>ptt</source>
        <translation>ptt</translation>
    </message>
    <message>
        <source>DLR</source>
        <translation>Accusé (DLR)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Gateway reference</source>
        <translation>Référence passerelle</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Crédits</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>{instant} (+{duration})</source>
        <translation>{instant} (+{duration})</translation>
    </message>
    <message>
        <source>{code} — {meaning}</source>
        <translation>{code} — {meaning}</translation>
    </message>
    <message>
        <source>{operator} ({code})</source>
        <translation>{operator} ({code})</translation>
    </message>
    <message>
        <source>(gateway default)</source>
        <translation>(par défaut de la passerelle)</translation>
    </message>
    <message>
        <source>waiting: its campaign is paused ({reason}); resume it in Scheduled</source>
        <translation>en attente&#xa0;: sa campagne est en pause ({reason})&#x202f;; reprenez-la dans SMS planifiés</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message numerus="yes">
        <source>%Ln part(s)</source>
        <translation>
            <numerusform>%Ln SMS</numerusform>
            <numerusform>%Ln SMS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln left in this part</source>
        <translation>
            <numerusform>%Ln restant dans ce SMS</numerusform>
            <numerusform>%Ln restants dans ce SMS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>STOP clause included (%Ln)</source>
        <translation>
            <numerusform>mention STOP incluse (%Ln)</numerusform>
            <numerusform>mention STOP incluse (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>non-breaking space</source>
        <translation>espace insécable</translation>
    </message>
    <message>
        <source>narrow space</source>
        <translation>espace fine</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>Your message. {name} or another column personalises it.</source>
        <translation>Votre message. {name} ou une autre colonne le personnalise.</translation>
    </message>
    <message>
        <source>The text sent. Characters outside GSM-7 are underlined: they put the whole message in UCS-2 (70 characters per SMS instead of 160)</source>
        <translation>Le texte envoyé. Les caractères hors GSM-7 sont soulignés&#xa0;: ils font passer tout le message en UCS-2 (70 caractères par SMS au lieu de 160)</translation>
    </message>
    <message>
        <source>Encoding, length and SMS parts, as the gateway counts</source>
        <translation>Encodage, longueur et nombre de SMS, comptés comme le fait la passerelle</translation>
    </message>
    <message>
        <source>Replace &amp;typographic characters</source>
        <translation>Remplacer les caractères &amp;typographiques</translation>
    </message>
    <message>
        <source>’ ‘ “ ” « » … – — and special spaces become &apos; &quot; ... - and space, œ becomes oe: the message goes back to GSM-7 (160 characters per SMS)</source>
        <translation>’ ‘ “ ” «&#xa0;» … – — et les espaces spéciales deviennent &apos; &quot; ... - et espace, œ devient oe&#xa0;: le message repasse en GSM-7 (160 caractères par SMS)</translation>
    </message>
    <message>
        <source>&amp;Remove accents too</source>
        <translation>Retirer aussi les &amp;accents</translation>
    </message>
    <message>
        <source>ê â î ô û ç ë ï lose their accent (é è à ù stay)</source>
        <translation>ê â î ô û ç ë ï perdent leur accent (é è à ù restent)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractère</numerusform>
            <numerusform>%Ln caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>UCS-2 (70 characters per SMS instead of 160) because of: {chars}</source>
        <translation>UCS-2 (70 caractères par SMS au lieu de 160) à cause de&#xa0;: {chars}</translation>
    </message>
    <message>
        <source>…then the gateway adds: “{clause}”</source>
        <translation>…puis la passerelle ajoute&#xa0;: «&#xa0;{clause}&#xa0;»</translation>
    </message>
    <message>
        <source>“{char}” is not in the GSM alphabet: the whole message becomes UCS-2 (replace it with “{fixed}”)</source>
        <translation>«&#xa0;{char}&#xa0;» n’est pas dans l’alphabet GSM&#xa0;: tout le message passe en UCS-2 (remplacez-le par «&#xa0;{fixed}&#xa0;»)</translation>
    </message>
    <message>
        <source>“{char}” is not in the GSM alphabet: the whole message becomes UCS-2</source>
        <translation>«&#xa0;{char}&#xa0;» n’est pas dans l’alphabet GSM&#xa0;: tout le message passe en UCS-2</translation>
    </message>
</context>
<context>
    <name>OwnNumberDialog</name>
    <message>
        <source>Send a test to me</source>
        <translation>M’envoyer un test</translation>
    </message>
    <message>
        <source>Your &amp;mobile number (kept in Preferences):</source>
        <translation>Votre numéro de &amp;mobile (conservé dans les préférences)&#xa0;:</translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <source>The test message goes to this mobile</source>
        <translation>Le message de test part vers ce mobile</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Save the changes you made?</source>
        <translation>Enregistrer vos modifications&#xa0;?</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>The sections of Preferences</source>
        <translation>Les rubriques des préférences</translation>
    </message>
    <message>
        <source>Send through:</source>
        <translation>Envoyer par&#xa0;:</translation>
    </message>
    <message>
        <source>The gateway new campaigns are sent through</source>
        <translation>La passerelle par laquelle partent les nouvelles campagnes</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connects with the values shown (not yet saved) and reads the credits left</source>
        <translation>Se connecte avec les valeurs affichées (pas encore enregistrées) et lit les crédits restants</translation>
    </message>
    <message>
        <source>Commercial messages are sent only</source>
        <translation>Les messages commerciaux ne partent que</translation>
    </message>
    <message>
        <source>Between:</source>
        <translation>Entre&#xa0;:</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Le&#xa0;:</translation>
    </message>
    <message>
        <source>The earliest time a commercial message leaves</source>
        <translation>L’heure à partir de laquelle un message commercial peut partir</translation>
    </message>
    <message>
        <source>The latest time (00:00 means midnight at the end of the day)</source>
        <translation>L’heure limite (00:00 signifie minuit en fin de journée)</translation>
    </message>
    <message>
        <source>Send commercial messages on {day}</source>
        <translation>Envoyer des messages commerciaux le {day}</translation>
    </message>
    <message>
        <source>Not on public holidays</source>
        <translation>Pas les jours fériés</translation>
    </message>
    <message>
        <source>Commercial messages wait for the next working day</source>
        <translation>Les messages commerciaux attendent le jour ouvré suivant</translation>
    </message>
    <message>
        <source>Public holidays of:</source>
        <translation>Jours fériés de&#xa0;:</translation>
    </message>
    <message>
        <source>The country whose public holidays count</source>
        <translation>Le pays dont les jours fériés comptent</translation>
    </message>
    <message>
        <source>Hours in the time zone:</source>
        <translation>Heures du fuseau&#xa0;:</translation>
    </message>
    <message>
        <source>The time zone the hours above are read in</source>
        <translation>Le fuseau horaire dans lequel les heures ci-dessus se lisent</translation>
    </message>
    <message>
        <source>French rule (08:00 to 20:00, Monday to Saturday)</source>
        <translation>Règle française (08:00 à 20:00, du lundi au samedi)</translation>
    </message>
    <message>
        <source>The hours French law allows for commercial text messages</source>
        <translation>Les horaires que la loi française autorise pour les SMS commerciaux</translation>
    </message>
    <message>
        <source>New campaigns</source>
        <translation>Nouvelles campagnes</translation>
    </message>
    <message>
        <source>Default sender:</source>
        <translation>Expéditeur par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>The sender new campaigns start with: up to 11 letters or digits</source>
        <translation>L’expéditeur des nouvelles campagnes&#xa0;: jusqu’à 11 lettres ou chiffres</translation>
    </message>
    <message>
        <source>the gateway&apos;s default</source>
        <translation>celui de la passerelle</translation>
    </message>
    <message>
        <source>My number (for tests):</source>
        <translation>Mon numéro (pour les tests)&#xa0;:</translation>
    </message>
    <message>
        <source>Where “Send a test to me” sends</source>
        <translation>Le numéro où part «&#xa0;M’envoyer un test&#xa0;»</translation>
    </message>
    <message>
        <source>Numbers written without a country code (06 12 34 56 78) belong to this country, and numbers are shown the way it writes them.</source>
        <translation>Les numéros écrits sans indicatif (06 12 34 56 78) sont de ce pays, et les numéros s’affichent comme il les écrit.</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Pays&#xa0;:</translation>
    </message>
    <message>
        <source>The country of national numbers</source>
        <translation>Le pays des numéros nationaux</translation>
    </message>
    <message>
        <source>The language of the window; it changes at once.</source>
        <translation>La langue de la fenêtre&#xa0;; elle change aussitôt.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>The language of menus, tabs and messages</source>
        <translation>La langue des menus, des onglets et des messages</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Celle du système ({language})</translation>
    </message>
    <message>
        <source>Dates and times in the window are shown in this zone.</source>
        <translation>Les dates et heures de la fenêtre sont affichées dans ce fuseau.</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>The zone dates and times are shown in</source>
        <translation>Le fuseau dans lequel s’affichent les dates et heures</translation>
    </message>
    <message>
        <source>Same as the system ({zone})</source>
        <translation>Celui du système ({zone})</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save every section</source>
        <translation>Enregistrer toutes les rubriques</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close Preferences (asks first if an edit is not saved)</source>
        <translation>Fermer les préférences (demande d’abord si une modification n’est pas enregistrée)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Non chargé</translation>
    </message>
    <message>
        <source>This computer&apos;s environment chooses the gateway: {gateway}.</source>
        <translation>L’environnement de cet ordinateur choisit la passerelle&#xa0;: {gateway}.</translation>
    </message>
    <message>
        <source>No keyring was found on this computer, so passwords and keys cannot be saved here; the other fields can.</source>
        <translation>Aucun trousseau n’a été trouvé sur cet ordinateur&#xa0;: mots de passe et clés ne peuvent pas être enregistrés ici&#xa0;; les autres champs, si.</translation>
    </message>
    <message>
        <source>delivery receipts</source>
        <translation>accusés de réception</translation>
    </message>
    <message>
        <source>safe resume after a crash</source>
        <translation>reprise sûre après un arrêt brutal</translation>
    </message>
    <message>
        <source>keeps scheduled sends</source>
        <translation>garde les envois planifiés</translation>
    </message>
    <message>
        <source>cancels them</source>
        <translation>les annule</translation>
    </message>
    <message>
        <source>senders</source>
        <translation>expéditeurs</translation>
    </message>
    <message>
        <source>credits left</source>
        <translation>crédits restants</translation>
    </message>
    <message>
        <source>cost estimate</source>
        <translation>estimation du coût</translation>
    </message>
    <message>
        <source>operator check</source>
        <translation>vérification de l’opérateur</translation>
    </message>
    <message>
        <source>deletes its history</source>
        <translation>efface son historique</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>réponses</translation>
    </message>
    <message>
        <source>Offers: sending only</source>
        <translation>Offre&#xa0;: l’envoi seulement</translation>
    </message>
    <message>
        <source>Offers: {abilities}</source>
        <translation>Offre&#xa0;: {abilities}</translation>
    </message>
    <message>
        <source>{field}: required</source>
        <translation>{field}&#xa0;: obligatoire</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Connection failed: {reason}</source>
        <translation>Échec de la connexion&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Connection works: {credits} credits left</source>
        <translation>La connexion fonctionne&#xa0;: {credits} crédits restants</translation>
    </message>
    <message>
        <source>Connection works</source>
        <translation>La connexion fonctionne</translation>
    </message>
    <message>
        <source>Senders: {senders}</source>
        <translation>Expéditeurs&#xa0;: {senders}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation>Question à la passerelle…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) found</source>
        <translation>
            <numerusform>%n compte trouvé</numerusform>
            <numerusform>%n comptes trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>{message} If the page did not open: {url}</source>
        <translation>{message} Si la page ne s’est pas ouverte&#xa0;: {url}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>My number (for tests): not a valid phone number</source>
        <translation>Mon numéro (pour les tests)&#xa0;: numéro de téléphone non valable</translation>
    </message>
    <message>
        <source>Tests go to {number}</source>
        <translation>Les tests partiront au {number}</translation>
    </message>
    <message>
        <source>Default sender: longer than 11 characters</source>
        <translation>Expéditeur par défaut&#xa0;: plus de 11 caractères</translation>
    </message>
    <message>
        <source>Default sender: use 1 to 11 letters or digits, with at least one letter</source>
        <translation>Expéditeur par défaut&#xa0;: de 1 à 11 lettres ou chiffres, dont au moins une lettre</translation>
    </message>
    <message>
        <source>On: choose at least one day</source>
        <translation>Le&#xa0;: choisissez au moins un jour</translation>
    </message>
    <message>
        <source>Between: the first time must come before the second</source>
        <translation>Entre&#xa0;: la première heure doit précéder la seconde</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Saved, except (no keyring on this computer): {fields}</source>
        <translation>Enregistré, sauf (aucun trousseau sur cet ordinateur)&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>Saved, but this computer&apos;s environment overrides: {fields}</source>
        <translation>Enregistré, mais l’environnement de cet ordinateur l’emporte pour&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>{what}: {message}</source>
        <translation>{what}&#xa0;: {message}</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule “{name}”</source>
        <translation>Replanifier «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Once the campaign is resumed, messages not sent yet will leave at this instant, or at the next opening of the sending window.</source>
        <translation>Une fois la campagne reprise, les messages pas encore envoyés partiront à l’heure choisie, ou à la prochaine ouverture de la plage d’envoi.</translation>
    </message>
    <message>
        <source>Messages not sent yet will leave at this instant, or at the next opening of the sending window.</source>
        <translation>Les messages pas encore envoyés partiront à l’heure choisie, ou à la prochaine ouverture de la plage d’envoi.</translation>
    </message>
    <message>
        <source>Once the campaign is resumed, messages not sent yet will leave at this instant.</source>
        <translation>Une fois la campagne reprise, les messages pas encore envoyés partiront à l’heure choisie.</translation>
    </message>
    <message>
        <source>Messages not sent yet will leave at this instant.</source>
        <translation>Les messages pas encore envoyés partiront à l’heure choisie.</translation>
    </message>
    <message>
        <source>The new start, in your time zone</source>
        <translation>La nouvelle heure de début, dans votre fuseau horaire</translation>
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
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the figures as a spreadsheet (CSV)</source>
        <translation>Enregistrer les chiffres dans un tableur (CSV)</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Enregistrer le graphique en PNG…</translation>
    </message>
    <message>
        <source>Save the chart as an image</source>
        <translation>Enregistrer le graphique comme image</translation>
    </message>
    <message>
        <source>Resend temporary failures…</source>
        <translation>Renvoyer les échecs temporaires…</translation>
    </message>
    <message>
        <source>Copy as a new draft</source>
        <translation>Copier en nouveau brouillon</translation>
    </message>
    <message>
        <source>Open the Send tab with this message, sender and recipients</source>
        <translation>Ouvrir l’onglet Envoyer avec ce message, cet expéditeur et ces destinataires</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the figures again</source>
        <translation>Recharger les chiffres</translation>
    </message>
    <message>
        <source>{name} — campaign {id}</source>
        <translation>{name} — campagne {id}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>État&#xa0;: {status}</translation>
    </message>
    <message>
        <source>gateway: {gateway}</source>
        <translation>passerelle&#xa0;: {gateway}</translation>
    </message>
    <message>
        <source>created {instant}</source>
        <translation>créée le {instant}</translation>
    </message>
    <message>
        <source>estimated end {instant}</source>
        <translation>fin estimée le {instant}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln still to send</source>
        <translation>
            <numerusform>%Ln reste à envoyer</numerusform>
            <numerusform>%Ln restent à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln awaiting their delivery report</source>
        <translation>
            <numerusform>%Ln en attente de son accusé de réception</numerusform>
            <numerusform>%Ln en attente de leur accusé de réception</numerusform>
        </translation>
    </message>
    <message>
        <source>finished {instant}</source>
        <translation>terminée le {instant}</translation>
    </message>
    <message>
        <source>Chart unavailable: {error}</source>
        <translation>Graphique indisponible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Results unavailable: {error}</source>
        <translation>Résultats indisponibles&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Figures exported to {path}</source>
        <translation>Chiffres exportés dans {path}</translation>
    </message>
    <message numerus="yes">
        <source>Send the message again to %Ln number(s) as a new campaign?</source>
        <translation>
            <numerusform>Renvoyer le message à %Ln numéro dans une nouvelle campagne&#x202f;?</numerusform>
            <numerusform>Renvoyer le message à %Ln numéros dans une nouvelle campagne&#x202f;?</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} — {reason}</source>
        <translation>{number} — {reason}</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more (Show Details)</source>
        <translation>
            <numerusform>et %Ln autre (Montrer les détails)</numerusform>
            <numerusform>et %Ln autres (Montrer les détails)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign {id} created: %Ln message(s) to send again</source>
        <translation>
            <numerusform>Campagne {id} créée&#xa0;: %Ln message à renvoyer</numerusform>
            <numerusform>Campagne {id} créée&#xa0;: %Ln messages à renvoyer</numerusform>
        </translation>
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
        <source>A new campaign to the numbers that failed for a passing reason</source>
        <translation>Une nouvelle campagne vers les numéros en échec pour une raison passagère</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
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
        <source>Save the chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>Graphique enregistré dans {path}</translation>
    </message>
    <message>
        <source>Resend temporary failures</source>
        <translation>Renvoyer les échecs temporaires</translation>
    </message>
    <message>
        <source>No message failed for a temporary reason.</source>
        <translation>Aucun message n’a échoué pour une raison temporaire.</translation>
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
        <source>Cancel the selected campaigns: what is not sent yet stays back</source>
        <translation>Annuler les campagnes sélectionnées&#xa0;: ce qui n’est pas encore parti est retenu</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Replanifier…</translation>
    </message>
    <message>
        <source>Choose another start for the campaign</source>
        <translation>Choisir une autre heure de début pour la campagne</translation>
    </message>
    <message>
        <source>&amp;Edit message…</source>
        <translation>&amp;Modifier le message…</translation>
    </message>
    <message>
        <source>Change the text before the campaign starts</source>
        <translation>Modifier le texte avant le début de la campagne</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>Start the selected campaigns now</source>
        <translation>Lancer maintenant les campagnes sélectionnées</translation>
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
        <source>Double-click a campaign to see its results</source>
        <translation>Double-cliquez sur une campagne pour voir ses résultats</translation>
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
        <source>&amp;Send…</source>
        <translation>&amp;Envoyer…</translation>
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
        <source>N&amp;umbers</source>
        <translation>N&amp;uméros</translation>
    </message>
    <message>
        <source>Campai&amp;gn name</source>
        <translation>Nom de la campa&amp;gne</translation>
    </message>
    <message>
        <source>The recipient list to send to (Contacts tab)</source>
        <translation>La liste de destinataires à qui envoyer (onglet Contacts)</translation>
    </message>
    <message>
        <source>Numbers pasted here are read as an import reads them: landlines and invalid numbers are left out and counted, never a reason to hold the others back</source>
        <translation>Les numéros collés ici sont lus comme lors d’un import&#xa0;: les fixes et les numéros invalides sont écartés et comptés, sans jamais bloquer les autres</translation>
    </message>
    <message>
        <source>Optional: the start of the message</source>
        <translation>Facultatif&#xa0;: le début du message</translation>
    </message>
    <message>
        <source>How the campaign is named in Scheduled and History</source>
        <translation>Le nom de la campagne dans SMS planifiés et Historique des envois</translation>
    </message>
    <message>
        <source>Insert a column of the recipients ({name}…): each one reads their own value</source>
        <translation>Insérer une colonne des destinataires ({name}…)&#xa0;: chacun lit sa propre valeur</translation>
    </message>
    <message>
        <source>Tem&amp;plates…</source>
        <translation>Mo&amp;dèles…</translation>
    </message>
    <message>
        <source>Load a saved message or save this one</source>
        <translation>Charger un message enregistré ou enregistrer celui-ci</translation>
    </message>
    <message>
        <source>&amp;Commercial message (STOP clause, sending window)</source>
        <translation>Message c&amp;ommercial (mention STOP, plage d’envoi)</translation>
    </message>
    <message>
        <source>Advertising: the gateway adds the STOP clause (a way to opt out) and the campaign is sent only within the sending window of Preferences</source>
        <translation>Publicité&#xa0;: la passerelle ajoute la mention STOP (pour se désinscrire) et la campagne n’est envoyée que dans la plage d’envoi des préférences</translation>
    </message>
    <message>
        <source>Up to 11 letters or digits shown instead of a number; people cannot reply to a name</source>
        <translation>Jusqu’à 11 lettres ou chiffres affichés à la place d’un numéro&#x202f;; on ne peut pas répondre à un nom</translation>
    </message>
    <message>
        <source>Send as soon as the campaign is created</source>
        <translation>Envoyer dès la création de la campagne</translation>
    </message>
    <message>
        <source>Send at the date and time chosen</source>
        <translation>Envoyer à la date et à l’heure choisies</translation>
    </message>
    <message>
        <source>The date and time the campaign starts (local time)</source>
        <translation>La date et l’heure de début de la campagne (heure locale)</translation>
    </message>
    <message>
        <source>What the first recipients will read, and the longest message</source>
        <translation>Ce que liront les premiers destinataires, et le message le plus long</translation>
    </message>
    <message>
        <source>Only the values merged into the message change (ç → c, œ → oe, ê → e); GSM-7&apos;s own é è ù à stay, and so does the text you wrote</source>
        <translation>Seules les valeurs fusionnées dans le message changent (ç → c, œ → oe, ê → e)&#x202f;; les é è ù à du GSM-7 restent, ainsi que le texte que vous avez écrit</translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln numéro</numerusform>
            <numerusform>%Ln numéros</numerusform>
        </translation>
    </message>
    <message>
        <source>The sender “{sender}” is longer than 11 characters</source>
        <translation>L’expéditeur «&#xa0;{sender}&#xa0;» dépasse 11 caractères</translation>
    </message>
    <message>
        <source>The sender “{sender}” must be 1 to 11 letters or digits (at least one letter)</source>
        <translation>L’expéditeur «&#xa0;{sender}&#xa0;» doit compter de 1 à 11 lettres ou chiffres (dont au moins une lettre)</translation>
    </message>
    <message>
        <source>{sender} is not approved by the gateway yet ({status})</source>
        <translation>{sender} n’est pas encore validé par la passerelle ({status})</translation>
    </message>
    <message>
        <source>{instant} is in the past</source>
        <translation>{instant} est dans le passé</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Non envoyé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Check the cost, then send (Ctrl+Return)</source>
        <translation>Vérifier le coût, puis envoyer (Ctrl+Entrée)</translation>
    </message>
    <message numerus="yes">
        <source>+ %Ln other list(s)</source>
        <translation>
            <numerusform>+ %Ln autre liste</numerusform>
            <numerusform>+ %Ln autres listes</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} ({reason})</source>
        <translation>{number} ({reason})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out: {numbers}</source>
        <translation>
            <numerusform>%Ln écarté&#xa0;: {numbers}</numerusform>
            <numerusform>%Ln écartés&#xa0;: {numbers}</numerusform>
        </translation>
    </message>
    <message>
        <source>No column for {names} in the recipients</source>
        <translation>Les destinataires n’ont pas de colonne {names}</translation>
    </message>
    <message numerus="yes">
        <source>No recipient to send to: %Ln number(s) left out (&apos;{number}&apos;: {reason})</source>
        <translation>
            <numerusform>Aucun destinataire à qui envoyer&#xa0;: %Ln numéro écarté («&#xa0;{number}&#xa0;»&#xa0;: {reason})</numerusform>
            <numerusform>Aucun destinataire à qui envoyer&#xa0;: %Ln numéros écartés («&#xa0;{number}&#xa0;»&#xa0;: {reason})</numerusform>
        </translation>
    </message>
    <message>
        <source>No recipient to send to</source>
        <translation>Aucun destinataire à qui envoyer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln destinataire</numerusform>
            <numerusform>%Ln destinataires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s) removed</source>
        <translation>
            <numerusform>%Ln doublon retiré</numerusform>
            <numerusform>%Ln doublons retirés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stop-listed removed</source>
        <translation>
            <numerusform>%Ln numéro en liste STOP retiré</numerusform>
            <numerusform>%Ln numéros en liste STOP retirés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with no value for {fields}</source>
        <translation>
            <numerusform>%Ln sans valeur pour {fields}</numerusform>
            <numerusform>%Ln sans valeur pour {fields}</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: {parts} for {recipients}</source>
        <translation>Total&#xa0;: {parts} pour {recipients}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s)</source>
        <translation>
            <numerusform>%Ln SMS</numerusform>
            <numerusform>%Ln SMS</numerusform>
        </translation>
    </message>
    <message>
        <source>{total}, {count} in UCS-2</source>
        <translation>{total}, dont {count} en UCS-2</translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln part(s) per recipient once filled in</source>
        <translation>
            <numerusform>jusqu’à %Ln SMS par destinataire une fois les champs remplis</numerusform>
            <numerusform>jusqu’à %Ln SMS par destinataire une fois les champs remplis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The merged values put %Ln message(s) in UCS-2: {parts} part(s) instead of {fewer}.</source>
        <translation>
            <numerusform>Les valeurs fusionnées font passer %Ln message en UCS-2&#xa0;: {parts} SMS au lieu de {fewer}.</numerusform>
            <numerusform>Les valeurs fusionnées font passer %Ln messages en UCS-2&#xa0;: {parts} SMS au lieu de {fewer}.</numerusform>
        </translation>
    </message>
    <message>
        <source>T&amp;ransliterate the merged values (ç → c, œ → oe, ê → e)</source>
        <translation>&amp;Simplifier les valeurs fusionnées (ç → c, œ → oe, ê → e)</translation>
    </message>
    <message>
        <source>{number} (longest)</source>
        <translation>{number} (le plus long)</translation>
    </message>
    <message>
        <source>Outside the sending window: the campaign will start {instant}</source>
        <translation>Hors plage d’envoi&#xa0;: la campagne commencera le {instant}</translation>
    </message>
    <message>
        <source>Postponed: the campaign will start {instant}</source>
        <translation>Reportée&#xa0;: la campagne commencera le {instant}</translation>
    </message>
    <message>
        <source>Starts {instant}</source>
        <translation>Commence le {instant}</translation>
    </message>
    <message>
        <source>Template “{name}” loaded</source>
        <translation>Modèle «&#xa0;{name}&#xa0;» chargé</translation>
    </message>
    <message numerus="yes">
        <source>Campaign {id}: %Ln message(s), will start {instant}</source>
        <translation>
            <numerusform>Campagne {id}&#xa0;: %Ln message, départ le {instant}</numerusform>
            <numerusform>Campagne {id}&#xa0;: %Ln messages, départ le {instant}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign {id}: %Ln message(s) queued</source>
        <translation>
            <numerusform>Campagne {id}&#xa0;: %Ln message en file d’attente</numerusform>
            <numerusform>Campagne {id}&#xa0;: %Ln messages en file d’attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stop-listed left out</source>
        <translation>
            <numerusform>%Ln numéro en liste STOP écarté</numerusform>
            <numerusform>%Ln numéros en liste STOP écartés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invalid or landline number(s) left out</source>
        <translation>
            <numerusform>%Ln numéro invalide ou fixe écarté</numerusform>
            <numerusform>%Ln numéros invalides ou fixes écartés</numerusform>
        </translation>
    </message>
    <message>
        <source>Test sent to {number}</source>
        <translation>Test envoyé au {number}</translation>
    </message>
    <message>
        <source>Test not sent: {reason}</source>
        <translation>Test non envoyé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Recipient &amp;list</source>
        <translation>&amp;Liste de destinataires</translation>
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
        <source>The gateway&apos;s default sender</source>
        <translation>L’expéditeur par défaut de la passerelle</translation>
    </message>
    <message>
        <source>Send a test t&amp;o me</source>
        <translation>M’envoyer un &amp;test</translation>
    </message>
    <message>
        <source>One copy to your own mobile, now, as the first recipient would read it</source>
        <translation>Un exemplaire sur votre propre mobile, tout de suite, tel que le premier destinataire le lira</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Recipient lists: {reason}</source>
        <translation>Listes de destinataires&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} ({contacts})</source>
        <translation>{name} ({contacts})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln list(s) of that campaign no longer exist</source>
        <translation>
            <numerusform>%Ln liste de cette campagne n’existe plus</numerusform>
            <numerusform>%Ln listes de cette campagne n’existent plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Gateway {name}: {reason}</source>
        <translation>Passerelle {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{sender}: {status}</source>
        <translation>{sender}&#xa0;: {status}</translation>
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
        <source>in the past</source>
        <translation>dans le passé</translation>
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
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Everything in smsdesk can be done from the keyboard.</source>
        <translation>Tout, dans smsdesk, peut se faire au clavier.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StopModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Message templates</source>
        <translation>Modèles de message</translation>
    </message>
    <message>
        <source>Saved messages; double-click one to load it</source>
        <translation>Messages enregistrés&#x202f;; double-cliquez sur l’un d’eux pour le charger</translation>
    </message>
    <message>
        <source>The template&apos;s text</source>
        <translation>Le texte du modèle</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Charger</translation>
    </message>
    <message>
        <source>Put this template in the message (replaces it)</source>
        <translation>Mettre ce modèle dans le message (le remplace)</translation>
    </message>
    <message>
        <source>&amp;Save current message as…</source>
        <translation>&amp;Enregistrer le message actuel sous…</translation>
    </message>
    <message>
        <source>Keep the message being written as a template</source>
        <translation>Garder comme modèle le message en cours de rédaction</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Give the selected template another name</source>
        <translation>Renommer le modèle sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected template</source>
        <translation>Supprimer le modèle sélectionné</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Back to the message</source>
        <translation>Retour au message</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Nom du modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>Renommer le modèle</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Supprimer le modèle</translation>
    </message>
    <message>
        <source>Delete the template “{name}”?</source>
        <translation>Supprimer le modèle «&#xa0;{name}&#xa0;»&#x202f;?</translation>
    </message>
</context>
<context>
    <name>ThreadsModel</name>
    <message>
        <source>{number} · STOP</source>
        <translation>{number} · STOP</translation>
    </message>
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
<context>
    <name>words</name>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
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
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Retrying (phone)</source>
        <translation>Nouvel essai (téléphone)</translation>
    </message>
    <message>
        <source>Retrying (operator)</source>
        <translation>Nouvel essai (opérateur)</translation>
    </message>
    <message>
        <source>Accepted by the operator</source>
        <translation>Accepté par l’opérateur</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>Non délivré</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Undeliverable</source>
        <translation>Impossible à délivrer</translation>
    </message>
    <message>
        <source>No credit</source>
        <translation>Crédit épuisé</translation>
    </message>
    <message>
        <source>Invalid or barred number</source>
        <translation>Numéro invalide ou bloqué</translation>
    </message>
    <message>
        <source>Absent subscriber</source>
        <translation>Abonné absent</translation>
    </message>
    <message>
        <source>Temporary network error</source>
        <translation>Erreur réseau temporaire</translation>
    </message>
    <message>
        <source>Temporary phone error</source>
        <translation>Erreur temporaire du téléphone</translation>
    </message>
    <message>
        <source>Incompatible handset</source>
        <translation>Téléphone incompatible</translation>
    </message>
    <message>
        <source>Suspected spam</source>
        <translation>Suspicion de spam</translation>
    </message>
    <message>
        <source>Content not allowed</source>
        <translation>Contenu non autorisé</translation>
    </message>
    <message>
        <source>Parental lock</source>
        <translation>Contrôle parental</translation>
    </message>
    <message>
        <source>Operator failure</source>
        <translation>Panne de l’opérateur</translation>
    </message>
    <message>
        <source>Ported number unreachable</source>
        <translation>Numéro porté injoignable</translation>
    </message>
    <message>
        <source>Roaming</source>
        <translation>Itinérance</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Buffered</source>
        <translation>En mémoire tampon</translation>
    </message>
    <message>
        <source>Error (not billed)</source>
        <translation>Erreur (non facturé)</translation>
    </message>
    <message>
        <source>no delivery report</source>
        <translation>pas d’accusé de réception</translation>
    </message>
    <message>
        <source>undeliverable receiver</source>
        <translation>destinataire injoignable</translation>
    </message>
    <message>
        <source>the gateway did not answer for this message; it may have been sent</source>
        <translation>la passerelle n’a pas répondu pour ce message&#x202f;; il a peut-être été envoyé</translation>
    </message>
    <message>
        <source>Code {code}</source>
        <translation>Code {code}</translation>
    </message>
    <message>
        <source>{meaning} ({code})</source>
        <translation>{meaning} ({code})</translation>
    </message>
    <message>
        <source>DLR: {meaning}</source>
        <translation>Accusé de réception&#xa0;: {meaning}</translation>
    </message>
</context>
</TS>
