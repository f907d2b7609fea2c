<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CheckResultsDialog</name>
    <message>
        <source>Check with the networks: “{0}”</source>
        <translation>Check with the networks: “{0}”</translation>
    </message>
    <message>
        <source>{0} numbers answered: {1} reachable, {2} unreachable. The ticked numbers are removed from the list.</source>
        <translation>{0} numbers answered: {1} reachable, {2} unreachable. The ticked numbers are removed from the list.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>{0} (ported)</source>
        <translation>{0} (ported)</translation>
    </message>
    <message>
        <source>no: no such number</source>
        <translation>no: no such number</translation>
    </message>
    <message>
        <source>no: switched off or out of service</source>
        <translation>no: switched off or out of service</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>&amp;Remove the ticked numbers</source>
        <translation>&amp;Remove the ticked numbers</translation>
    </message>
    <message>
        <source>&amp;Keep them all</source>
        <translation>&amp;Keep them all</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Send this campaign?</source>
        <translation>Send this campaign?</translation>
    </message>
    <message>
        <source>{0} recipient(s)</source>
        <translation>{0} recipient(s)</translation>
    </message>
    <message>
        <source>{0} duplicate(s)</source>
        <translation>{0} duplicate(s)</translation>
    </message>
    <message>
        <source>{0} stop-listed number(s)</source>
        <translation>{0} stop-listed number(s)</translation>
    </message>
    <message>
        <source>{0} removed</source>
        <translation>{0} removed</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{0} SMS part(s) in total</source>
        <translation>{0} SMS part(s) in total</translation>
    </message>
    <message>
        <source> ({0} message(s) in UCS-2)</source>
        <translation> ({0} message(s) in UCS-2)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source> (outside the sending window until then)</source>
        <translation> (outside the sending window until then)</translation>
    </message>
    <message>
        <source>commercial (STOP clause added)</source>
        <translation>commercial (STOP clause added)</translation>
    </message>
    <message>
        <source>non-commercial</source>
        <translation>non-commercial</translation>
    </message>
    <message>
        <source>Send &amp;anyway: I will top up</source>
        <translation>Send &amp;anyway: I will top up</translation>
    </message>
    <message>
        <source>This campaign needs {needed} credits; the account has {left}: {missing} missing</source>
        <translation>This campaign needs {needed} credits; the account has {left}: {missing} missing</translation>
    </message>
    <message>
        <source>A message is {parts} SMS parts long (more than {limit}): each part is paid</source>
        <translation>A message is {parts} SMS parts long (more than {limit}): each part is paid</translation>
    </message>
    <message>
        <source>&amp;Yes, send messages of {0} parts</source>
        <translation>&amp;Yes, send messages of {0} parts</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Recipients:</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>Removed:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Total:</translation>
    </message>
    <message>
        <source>Credits (estimate):</source>
        <translation>Credits (estimate):</translation>
    </message>
    <message>
        <source>Credits left:</source>
        <translation>Credits left:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <source>the gateway&apos;s default</source>
        <translation>the gateway&apos;s default</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Starts:</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Send {0} message(s)</source>
        <translation>&amp;Send {0} message(s)</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Schedule</translation>
    </message>
    <message>
        <source>First messages and the longest one:</source>
        <translation>First messages and the longest one:</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact in “{0}”</source>
        <translation>New contact in “{0}”</translation>
    </message>
    <message>
        <source>Contact of “{0}”</source>
        <translation>Contact of “{0}”</translation>
    </message>
    <message>
        <source>06 12 34 56 78, +33 6 12 34 56 78…</source>
        <translation>06 12 34 56 78, +33 6 12 34 56 78…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Add a &amp;column</source>
        <translation>Add a &amp;column</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <source>Other columns (the {fields} of a message):</source>
        <translation>Other columns (the {fields} of a message):</translation>
    </message>
    <message>
        <source>The contact needs a number.</source>
        <translation>The contact needs a number.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Merge into…</translation>
    </message>
    <message>
        <source>Copy this list&apos;s contacts into another list (new or existing), a number once</source>
        <translation>Copy this list&apos;s contacts into another list (new or existing), a number once</translation>
    </message>
    <message>
        <source>Drop a file here to import it: CSV, TXT, Excel, LibreOffice or vCards.</source>
        <translation>Drop a file here to import it: CSV, TXT, Excel, LibreOffice or vCards.</translation>
    </message>
    <message>
        <source>Search a name or a number</source>
        <translation>Search a name or a number</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>Add a &amp;contact…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Delete the selected contacts</source>
        <translation>Delete the selected contacts</translation>
    </message>
    <message>
        <source>“{0}”: {1} contact(s) match “{2}”</source>
        <translation>“{0}”: {1} contact(s) match “{2}”</translation>
    </message>
    <message>
        <source>{0} number(s) removed from “{1}”</source>
        <translation>{0} number(s) removed from “{1}”</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>{0} contact(s) deleted</source>
        <translation>{0} contact(s) deleted</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Delete contacts</translation>
    </message>
    <message>
        <source>Delete {0} contact(s) from “{1}” ({2})?</source>
        <translation>Delete {0} contact(s) from “{1}” ({2})?</translation>
    </message>
    <message>
        <source>{0} contact(s) merged into “{1}”, {2} already there</source>
        <translation>{0} contact(s) merged into “{1}”, {2} already there</translation>
    </message>
    <message>
        <source>Merge lists</source>
        <translation>Merge lists</translation>
    </message>
    <message>
        <source>Merge “{0}” into the list (new or existing):</source>
        <translation>Merge “{0}” into the list (new or existing):</translation>
    </message>
</context>
<context>
    <name>DeliveryChart</name>
    <message>
        <source>No delivery yet</source>
        <translation>No delivery yet</translation>
    </message>
    <message>
        <source>bars: delivered per {0} min · line: delivered so far</source>
        <translation>bars: delivered per {0} min · line: delivered so far</translation>
    </message>
</context>
<context>
    <name>EditMessageDialog</name>
    <message>
        <source>Edit the message of {0!r}</source>
        <translation>Edit the message of {0!r}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose a file (CSV, TXT, Excel, LibreOffice, vCard), or drop it here</source>
        <translation>Choose a file (CSV, TXT, Excel, LibreOffice, vCard), or drop it here</translation>
    </message>
    <message>
        <source>Or drop a file on this window: an Excel or LibreOffice workbook, a phone&apos;s or Google&apos;s vCards, CSV or TXT (Outlook, Google Contacts, one number a line...)</source>
        <translation>Or drop a file on this window: an Excel or LibreOffice workbook, a phone&apos;s or Google&apos;s vCards, CSV or TXT (Outlook, Google Contacts, one number a line...)</translation>
    </message>
    <message>
        <source>The sheet of the workbook that holds the list</source>
        <translation>The sheet of the workbook that holds the list</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Sheet</translation>
    </message>
    <message>
        <source>Every &amp;mobile of a contact (default: one message a person, its first mobile)</source>
        <translation>Every &amp;mobile of a contact (default: one message a person, its first mobile)</translation>
    </message>
    <message>
        <source>Contacts read</source>
        <translation>Contacts read</translation>
    </message>
    <message>
        <source>Numbers read</source>
        <translation>Numbers read</translation>
    </message>
    <message>
        <source>Other numbers of a contact (set aside)</source>
        <translation>Other numbers of a contact (set aside)</translation>
    </message>
    <message>
        <source>Workbook, sheet “{0}”</source>
        <translation>Workbook, sheet “{0}”</translation>
    </message>
    <message>
        <source>vCards ({0}), a contact a card</source>
        <translation>vCards ({0}), a contact a card</translation>
    </message>
    <message>
        <source>{0} contacts with {1} numbers: one message a person, its first mobile ({2} other numbers set aside).</source>
        <translation>{0} contacts with {1} numbers: one message a person, its first mobile ({2} other numbers set aside).</translation>
    </message>
    <message>
        <source>{0} contacts with {1} numbers.</source>
        <translation>{0} contacts with {1} numbers.</translation>
    </message>
</context>
<context>
    <name>InboxTab</name>
    <message>
        <source>Choose a contact to read the thread.</source>
        <translation>Choose a contact to read the thread.</translation>
    </message>
    <message>
        <source>No reply yet. Replies and STOPs appear here.</source>
        <translation>No reply yet. Replies and STOPs appear here.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Inbox: {0}</source>
        <translation>Inbox: {0}</translation>
    </message>
    <message>
        <source>Sent (campaign {0}, {1})</source>
        <translation>Sent (campaign {0}, {1})</translation>
    </message>
    <message>
        <source>STOP — on the stop list</source>
        <translation>STOP — on the stop list</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Inbox</translation>
    </message>
    <message>
        <source>{0} new reply(ies)</source>
        <translation>{0} new reply(ies)</translation>
    </message>
</context>
<context>
    <name>MessageDetailsDialog</name>
    <message>
        <source>Message #{0}</source>
        <translation>Message #{0}</translation>
    </message>
    <message>
        <source>Paused:</source>
        <translation>Paused:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy all these details to the clipboard</source>
        <translation>Copy all these details to the clipboard</translation>
    </message>
    <message>
        <source>Campaign &amp;results…</source>
        <translation>Campaign &amp;results…</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>waiting: its campaign is paused ({0}); resume it in Scheduled</source>
        <translation>waiting: its campaign is paused ({0}); resume it in Scheduled</translation>
    </message>
    <message>
        <source>Paused: {0}</source>
        <translation>Paused: {0}</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule {0!r}</source>
        <translation>Reschedule {0!r}</translation>
    </message>
    <message>
        <source>Messages not sent yet will leave at this instant</source>
        <translation>Messages not sent yet will leave at this instant</translation>
    </message>
    <message>
        <source> (or at the next opening of the sending window)</source>
        <translation> (or at the next opening of the sending window)</translation>
    </message>
    <message>
        <source>, once the campaign is resumed</source>
        <translation>, once the campaign is resumed</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Campaign results</source>
        <translation>Campaign results</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>SMS parts</source>
        <translation>SMS parts</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Answered STOP</source>
        <translation>Answered STOP</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Deliveries over time</source>
        <translation>Deliveries over time</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Failures by reason</source>
        <translation>Failures by reason</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Save chart as &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Resend temporary failures…</source>
        <translation>&amp;Resend temporary failures…</translation>
    </message>
    <message>
        <source>A new campaign to the numbers that failed for a passing reason</source>
        <translation>A new campaign to the numbers that failed for a passing reason</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0} — campaign {1}</source>
        <translation>{0} — campaign {1}</translation>
    </message>
    <message>
        <source>Status: {0} · gateway: {1}</source>
        <translation>Status: {0} · gateway: {1}</translation>
    </message>
    <message>
        <source> · estimated end {0}</source>
        <translation> · estimated end {0}</translation>
    </message>
    <message>
        <source> · {0} awaiting their delivery report</source>
        <translation> · {0} awaiting their delivery report</translation>
    </message>
    <message>
        <source>Results unavailable: {0}</source>
        <translation>Results unavailable: {0}</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>Export the figures</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Figures exported to {0}</source>
        <translation>Figures exported to {0}</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Save the chart</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Resend temporary failures</source>
        <translation>Resend temporary failures</translation>
    </message>
    <message>
        <source>No message failed for a temporary reason.</source>
        <translation>No message failed for a temporary reason.</translation>
    </message>
    <message>
        <source>Send the message again to {0} number(s) as a new campaign?</source>
        <translation>Send the message again to {0} number(s) as a new campaign?</translation>
    </message>
    <message>
        <source>Campaign {0} created: {1} message(s) to send again</source>
        <translation>Campaign {0} created: {1} message(s) to send again</translation>
    </message>
</context>
<context>
    <name>ScheduledTab</name>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Paused by the gateway. Fix the cause, then Resume.</source>
        <translation>Paused by the gateway. Fix the cause, then Resume.</translation>
    </message>
    <message>
        <source>Paused by the gateway: {0}</source>
        <translation>Paused by the gateway: {0}</translation>
    </message>
    <message>
        <source>Nothing planned. Campaigns sent later appear here.</source>
        <translation>Nothing planned. Campaigns sent later appear here.</translation>
    </message>
    <message>
        <source>&amp;Cancel selected…</source>
        <translation>&amp;Cancel selected…</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Reschedule…</translation>
    </message>
    <message>
        <source>&amp;Edit message…</source>
        <translation>&amp;Edit message…</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Send &amp;now</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Res&amp;ume</translation>
    </message>
    <message>
        <source>Resul&amp;ts…</source>
        <translation>Resul&amp;ts…</translation>
    </message>
    <message>
        <source>Figures, chart and replies of the campaign</source>
        <translation>Figures, chart and replies of the campaign</translation>
    </message>
    <message>
        <source>Send the rest of the paused campaigns selected (Ctrl+R)</source>
        <translation>Send the rest of the paused campaigns selected (Ctrl+R)</translation>
    </message>
    <message>
        <source>Scheduled campaigns: {0}</source>
        <translation>Scheduled campaigns: {0}</translation>
    </message>
    <message>
        <source>Select the campaigns to cancel first</source>
        <translation>Select the campaigns to cancel first</translation>
    </message>
    <message>
        <source>Cancel campaigns</source>
        <translation>Cancel campaigns</translation>
    </message>
    <message>
        <source>Cancel {count} campaign(s): {names}?
{left} message(s) not sent yet will not be sent.</source>
        <translation>Cancel {count} campaign(s): {names}?
{left} message(s) not sent yet will not be sent.</translation>
    </message>
    <message>
        <source>{done} campaign(s) cancelled, {cancelled} message(s) kept back</source>
        <translation>{done} campaign(s) cancelled, {cancelled} message(s) kept back</translation>
    </message>
    <message>
        <source>Campaign {0} starts {1}</source>
        <translation>Campaign {0} starts {1}</translation>
    </message>
    <message>
        <source>Select a paused campaign to resume</source>
        <translation>Select a paused campaign to resume</translation>
    </message>
    <message>
        <source>Campaign {0} resumed ({1})</source>
        <translation>Campaign {0} resumed ({1})</translation>
    </message>
    <message>
        <source>Campaign {0}: message changed for {1} recipient(s)</source>
        <translation>Campaign {0}: message changed for {1} recipient(s)</translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message>
        <source>No list</source>
        <translation>No list</translation>
    </message>
    <message>
        <source>Numbers, one a line or separated by commas or semicolons:
06 12 34 56 78
+33 6 98 76 54 32</source>
        <translation>Numbers, one a line or separated by commas or semicolons:
06 12 34 56 78
+33 6 98 76 54 32</translation>
    </message>
    <message>
        <source>Insert &amp;field</source>
        <translation>Insert &amp;field</translation>
    </message>
    <message>
        <source>Te&amp;mplates…</source>
        <translation>Te&amp;mplates…</translation>
    </message>
    <message>
        <source>&amp;Commercial message: adds the STOP clause and keeps to the sending window</source>
        <translation>&amp;Commercial message: adds the STOP clause and keeps to the sending window</translation>
    </message>
    <message>
        <source>Gateway default (a number people can reply to)</source>
        <translation>Gateway default (a number people can reply to)</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Now</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;At</translation>
    </message>
    <message>
        <source>Let the gateway keep the schedule</source>
        <translation>Let the gateway keep the schedule</translation>
    </message>
    <message>
        <source>The gateway sends at the planned instant even if this computer is off</source>
        <translation>The gateway sends at the planned instant even if this computer is off</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send a &amp;test to me</source>
        <translation>Send a &amp;test to me</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Send…</translation>
    </message>
    <message>
        <source>Check and send (Ctrl+Return)</source>
        <translation>Check and send (Ctrl+Return)</translation>
    </message>
    <message>
        <source>+ other lists</source>
        <translation>+ other lists</translation>
    </message>
    <message>
        <source>Send to several lists at once: a number in two lists gets one message</source>
        <translation>Send to several lists at once: a number in two lists gets one message</translation>
    </message>
    <message>
        <source>Only the values merged into the message change (ç → c, œ → oe, ê → e); GSM-7&apos;s own é è ù à stay, and so does the text you wrote</source>
        <translation>Only the values merged into the message change (ç → c, œ → oe, ê → e); GSM-7&apos;s own é è ù à stay, and so does the text you wrote</translation>
    </message>
    <message>
        <source>Recipient &amp;list</source>
        <translation>Recipient &amp;list</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Numbers</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>S&amp;ender</source>
        <translation>S&amp;ender</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Recipient lists: {0}</source>
        <translation>Recipient lists: {0}</translation>
    </message>
    <message>
        <source>Gateway {0}: {1}</source>
        <translation>Gateway {0}: {1}</translation>
    </message>
    <message>
        <source>The gateway&apos;s default sender</source>
        <translation>The gateway&apos;s default sender</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>waiting for approval</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>{0} number(s)</source>
        <translation>{0} number(s)</translation>
    </message>
    <message>
        <source>{0} is not approved by the gateway yet ({1})</source>
        <translation>{0} is not approved by the gateway yet ({1})</translation>
    </message>
    <message>
        <source>in the past</source>
        <translation>in the past</translation>
    </message>
    <message>
        <source>Not sent: {0}</source>
        <translation>Not sent: {0}</translation>
    </message>
    <message>
        <source>+ {0} other list(s)</source>
        <translation>+ {0} other list(s)</translation>
    </message>
    <message>
        <source>{0} recipient(s)</source>
        <translation>{0} recipient(s)</translation>
    </message>
    <message>
        <source>{0} duplicate(s) removed</source>
        <translation>{0} duplicate(s) removed</translation>
    </message>
    <message>
        <source>{0} stop-listed removed</source>
        <translation>{0} stop-listed removed</translation>
    </message>
    <message>
        <source>{0} left out: {1}</source>
        <translation>{0} left out: {1}</translation>
    </message>
    <message>
        <source>, {0} in UCS-2</source>
        <translation>, {0} in UCS-2</translation>
    </message>
    <message>
        <source>Total: {parts} SMS part(s) for {recipients} recipient(s)</source>
        <translation>Total: {parts} SMS part(s) for {recipients} recipient(s)</translation>
    </message>
    <message>
        <source> · up to {0} part(s) per recipient once filled in</source>
        <translation> · up to {0} part(s) per recipient once filled in</translation>
    </message>
    <message>
        <source>The merged values put {count} message(s) in UCS-2: {parts} part(s) instead of {fewer}. Transliterate them (ç → c, œ → oe, ê → e)</source>
        <translation>The merged values put {count} message(s) in UCS-2: {parts} part(s) instead of {fewer}. Transliterate them (ç → c, œ → oe, ê → e)</translation>
    </message>
    <message>
        <source>Merged values transliterated (ç → c, œ → oe, ê → e)</source>
        <translation>Merged values transliterated (ç → c, œ → oe, ê → e)</translation>
    </message>
    <message>
        <source> (longest)</source>
        <translation> (longest)</translation>
    </message>
    <message>
        <source>Outside the sending window</source>
        <translation>Outside the sending window</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <source>{0}: the campaign will start {1}</source>
        <translation>{0}: the campaign will start {1}</translation>
    </message>
    <message>
        <source>Starts {0}</source>
        <translation>Starts {0}</translation>
    </message>
    <message>
        <source>Template {0!r} loaded</source>
        <translation>Template {0!r} loaded</translation>
    </message>
    <message>
        <source>Not sent: the message is empty</source>
        <translation>Not sent: the message is empty</translation>
    </message>
    <message>
        <source>Counting the cost…</source>
        <translation>Counting the cost…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Creating the campaign…</source>
        <translation>Creating the campaign…</translation>
    </message>
    <message>
        <source>will start {0}</source>
        <translation>will start {0}</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source> ({0} stop-listed, {1} duplicate(s) removed)</source>
        <translation> ({0} stop-listed, {1} duplicate(s) removed)</translation>
    </message>
    <message>
        <source>Campaign {0}: {1} message(s) {2}</source>
        <translation>Campaign {0}: {1} message(s) {2}</translation>
    </message>
    <message>
        <source>Send a test to me</source>
        <translation>Send a test to me</translation>
    </message>
    <message>
        <source>Your mobile number (kept in Settings):</source>
        <translation>Your mobile number (kept in Settings):</translation>
    </message>
    <message>
        <source>Test sent to {0}</source>
        <translation>Test sent to {0}</translation>
    </message>
    <message>
        <source>Test not sent: {0}</source>
        <translation>Test not sent: {0}</translation>
    </message>
</context>
<context>
    <name>ThreadsModel</name>
    <message>
        <source>Answered STOP: on the stop list</source>
        <translation>Answered STOP: on the stop list</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Last reply</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Said</source>
        <translation>Said</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} h {minutes:02d} min</translation>
    </message>
    <message>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes} min {seconds:02d} s</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
</TS>
