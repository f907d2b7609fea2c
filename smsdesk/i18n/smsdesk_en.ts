<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About smsdesk</source>
        <translation>About smsdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;smsdesk {version}&lt;/h3&gt;&lt;p&gt;Bulk SMS campaigns from your desktop.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Data folder: {folder}&lt;/p&gt;&lt;p&gt;smsdesk is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It uses Qt {qt} through PySide6 {pyside} (LGPLv3), SQLAlchemy and alembic (MIT), phonenumbers (Apache 2.0), holidays (MIT), platformdirs (MIT), keyring (MIT), charset-normalizer (MIT), ovh (BSD), smpplib (LGPLv3), python-calamine (MIT) and vobject (Apache 2.0), on Python {python}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;smsdesk {version}&lt;/h3&gt;&lt;p&gt;Bulk SMS campaigns from your desktop.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Data folder: {folder}&lt;/p&gt;&lt;p&gt;smsdesk is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;It uses Qt {qt} through PySide6 {pyside} (LGPLv3), SQLAlchemy and alembic (MIT), phonenumbers (Apache 2.0), holidays (MIT), platformdirs (MIT), keyring (MIT), charset-normalizer (MIT), ovh (BSD), smpplib (LGPLv3), python-calamine (MIT) and vobject (Apache 2.0), on Python {python}.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Total parts</source>
        <translation>Total parts</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Waiting until {when}</source>
        <translation>Waiting until {when}</translation>
    </message>
    <message>
        <source>Scheduled (kept by the gateway)</source>
        <translation>Scheduled (kept by the gateway)</translation>
    </message>
    <message>
        <source>{body}

First recipient reads:
{sample}</source>
        <translation>{body}

First recipient reads:
{sample}</translation>
    </message>
    <message>
        <source>Sending window: {start}–{end}, {days}</source>
        <translation>Sending window: {start}–{end}, {days}</translation>
    </message>
    <message>
        <source>{window}; not on public holidays</source>
        <translation>{window}; not on public holidays</translation>
    </message>
</context>
<context>
    <name>CampaignsModel</name>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{delivered} delivered of {recipients}</source>
        <translation>{delivered} delivered of {recipients}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>Search:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <source>Part of a campaign name</source>
        <translation>Part of a campaign name</translation>
    </message>
    <message>
        <source>Show the campaigns whose name holds these letters</source>
        <translation>Show the campaigns whose name holds these letters</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Show only the campaigns in this status</source>
        <translation>Show only the campaigns in this status</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>Results…</translation>
    </message>
    <message>
        <source>Figures, chart and failures of this campaign</source>
        <translation>Figures, chart and failures of this campaign</translation>
    </message>
    <message>
        <source>Copy as a new draft</source>
        <translation>Copy as a new draft</translation>
    </message>
    <message>
        <source>Open the Send tab with this message, sender and recipients</source>
        <translation>Open the Send tab with this message, sender and recipients</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the campaigns again</source>
        <translation>Read the campaigns again</translation>
    </message>
    <message>
        <source>No campaign matches.</source>
        <translation>No campaign matches.</translation>
    </message>
    <message>
        <source>Campaigns: {error}</source>
        <translation>Campaigns: {error}</translation>
    </message>
</context>
<context>
    <name>CheckResultsDialog</name>
    <message>
        <source>Check with the networks: “{list}”</source>
        <translation>Check with the networks: “{list}”</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) answered: {reachable} reachable, {unreachable} unreachable. The ticked numbers are removed from the list.</source>
        <translation>
            <numerusform>%n number answered: {reachable} reachable, {unreachable} unreachable. The ticked numbers are removed from the list.</numerusform>
            <numerusform>%n numbers answered: {reachable} reachable, {unreachable} unreachable. The ticked numbers are removed from the list.</numerusform>
        </translation>
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
        <source>{operator} (ported)</source>
        <translation>{operator} (ported)</translation>
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
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
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
        <source>{day} {year} {clock}</source>
        <translation>{day} {year} {clock}</translation>
    </message>
    <message>
        <source>not a mobile</source>
        <translation>not a mobile</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>too short</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>too long</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>not a phone number</translation>
    </message>
    <message>
        <source>unallocated range</source>
        <translation>unallocated range</translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation>unknown country code</translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation>wrong length</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Starts:</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln recipient</numerusform>
            <numerusform>%Ln recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln duplicate</numerusform>
            <numerusform>%Ln duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stop-listed number(s)</source>
        <translation>
            <numerusform>%Ln stop-listed number</numerusform>
            <numerusform>%Ln stop-listed numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invalid or landline number(s)</source>
        <translation>
            <numerusform>%Ln invalid or landline number</numerusform>
            <numerusform>%Ln invalid or landline numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>{list} removed</source>
        <translation>{list} removed</translation>
    </message>
    <message>
        <source>Left out: {numbers}</source>
        <translation>Left out: {numbers}</translation>
    </message>
    <message>
        <source>{number} ({reason})</source>
        <translation>{number} ({reason})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s) in total</source>
        <translation>
            <numerusform>%Ln SMS part in total</numerusform>
            <numerusform>%Ln SMS parts in total</numerusform>
        </translation>
    </message>
    <message>
        <source>{total} ({ucs2})</source>
        <translation>{total} ({ucs2})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) in UCS-2</source>
        <translation>
            <numerusform>%Ln message in UCS-2</numerusform>
            <numerusform>%Ln messages in UCS-2</numerusform>
        </translation>
    </message>
    <message>
        <source>The gateway&apos;s price of one part times every recipient&apos;s parts</source>
        <translation>The gateway&apos;s price of one part times every recipient&apos;s parts</translation>
    </message>
    <message>
        <source>{instant} (outside the sending window until then)</source>
        <translation>{instant} (outside the sending window until then)</translation>
    </message>
    <message>
        <source>The gateway may refuse the messages the credits do not cover</source>
        <translation>The gateway may refuse the messages the credits do not cover</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Yes, send messages of %Ln part(s)</source>
        <translation>
            <numerusform>&amp;Yes, send messages of %Ln part</numerusform>
            <numerusform>&amp;Yes, send messages of %Ln parts</numerusform>
        </translation>
    </message>
    <message>
        <source>Each part is paid as one SMS</source>
        <translation>Each part is paid as one SMS</translation>
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
        <source>What these recipients will read, placeholders filled</source>
        <translation>What these recipients will read, placeholders filled</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln message(s)</source>
        <translation>
            <numerusform>&amp;Send %Ln message</numerusform>
            <numerusform>&amp;Send %Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Create the campaign: nothing is sent before this</source>
        <translation>Create the campaign: nothing is sent before this</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Back to the message: nothing is sent</source>
        <translation>Back to the message: nothing is sent</translation>
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
        <source>New contact in “{list}”</source>
        <translation>New contact in “{list}”</translation>
    </message>
    <message>
        <source>Contact of “{list}”</source>
        <translation>Contact of “{list}”</translation>
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
    <name>ContactsModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>Other columns</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>&amp;Import a file…</source>
        <translation>&amp;Import a file…</translation>
    </message>
    <message>
        <source>&amp;Paste numbers…</source>
        <translation>&amp;Paste numbers…</translation>
    </message>
    <message>
        <source>&amp;New list…</source>
        <translation>&amp;New list…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Check with the net&amp;works…</source>
        <translation>Check with the net&amp;works…</translation>
    </message>
    <message>
        <source>Ask the mobile networks which numbers exist and can be reached (paid: {credits} credit a number at OVH); you then choose which to remove</source>
        <translation>Ask the mobile networks which numbers exist and can be reached (paid: {credits} credit a number at OVH); you then choose which to remove</translation>
    </message>
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
        <source>&amp;Add numbers…</source>
        <translation>&amp;Add numbers…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <source>Import a &amp;file…</source>
        <translation>Import a &amp;file…</translation>
    </message>
    <message>
        <source>Contacts of the list</source>
        <translation>Contacts of the list</translation>
    </message>
    <message>
        <source>Stop list</source>
        <translation>Stop list</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Recipient lists: {message}</source>
        <translation>Recipient lists: {message}</translation>
    </message>
    <message>
        <source>No list yet: import a file or paste numbers.</source>
        <translation>No list yet: import a file or paste numbers.</translation>
    </message>
    <message numerus="yes">
        <source>“{list}”: %n contact(s) match “{search}”</source>
        <translation>
            <numerusform>“{list}”: %n contact match “{search}”</numerusform>
            <numerusform>“{list}”: %n contacts match “{search}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{list}”: %n contact(s), by number</source>
        <translation>
            <numerusform>“{list}”: %n contact, by number</numerusform>
            <numerusform>“{list}”: %n contacts, by number</numerusform>
        </translation>
    </message>
    <message>
        <source>List “{list}” created</source>
        <translation>List “{list}” created</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>New list</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>Name of the new list:</translation>
    </message>
    <message>
        <source>List “{old}” renamed “{new}”</source>
        <translation>List “{old}” renamed “{new}”</translation>
    </message>
    <message>
        <source>Rename the list</source>
        <translation>Rename the list</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Delete the list</source>
        <translation>Delete the list</translation>
    </message>
    <message numerus="yes">
        <source>Delete the list “{list}” and its %n contact(s)?
The history of the messages already sent stays.</source>
        <translation>
            <numerusform>Delete the list “{list}” and its %n contact?
The history of the messages already sent stays.</numerusform>
            <numerusform>Delete the list “{list}” and its %n contacts?
The history of the messages already sent stays.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>List “{list}” deleted (%n contact(s))</source>
        <translation>
            <numerusform>List “{list}” deleted (%n contact)</numerusform>
            <numerusform>List “{list}” deleted (%n contacts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Deleting…</translation>
    </message>
    <message>
        <source>Check with the networks</source>
        <translation>Check with the networks</translation>
    </message>
    <message>
        <source>The {gateway} gateway cannot check numbers with the networks.</source>
        <translation>The {gateway} gateway cannot check numbers with the networks.</translation>
    </message>
    <message numerus="yes">
        <source>Check the %n number(s) of “{list}” with the mobile networks through {gateway}?

Cost: {credits} credits ({each} a number).
You then see each number&apos;s operator and choose the numbers to remove.</source>
        <translation>
            <numerusform>Check the %n number of “{list}” with the mobile networks through {gateway}?

Cost: {credits} credits ({each} a number).
You then see each number&apos;s operator and choose the numbers to remove.</numerusform>
            <numerusform>Check the %n numbers of “{list}” with the mobile networks through {gateway}?

Cost: {credits} credits ({each} a number).
You then see each number&apos;s operator and choose the numbers to remove.</numerusform>
        </translation>
    </message>
    <message>
        <source>{checked} number(s) checked: {reachable} reachable, {unreachable} unreachable</source>
        <translation>{checked} number(s) checked: {reachable} reachable, {unreachable} unreachable</translation>
    </message>
    <message>
        <source>{words}; {count} without an answer (kept)</source>
        <translation>{words}; {count} without an answer (kept)</translation>
    </message>
    <message>
        <source>Checking with the networks…</source>
        <translation>Checking with the networks…</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) removed from “{list}”</source>
        <translation>
            <numerusform>%n number removed from “{list}”</numerusform>
            <numerusform>%n numbers removed from “{list}”</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} added</source>
        <translation>{number} added</translation>
    </message>
    <message>
        <source>{number} saved</source>
        <translation>{number} saved</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) deleted</source>
        <translation>
            <numerusform>%n contact deleted</numerusform>
            <numerusform>%n contacts deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s) from “{list}” ({names})?</source>
        <translation>
            <numerusform>Delete %n contact from “{list}” ({names})?</numerusform>
            <numerusform>Delete %n contacts from “{list}” ({names})?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) merged into “{list}”, {already} already there</source>
        <translation>
            <numerusform>%n contact merged into “{list}”, {already} already there</numerusform>
            <numerusform>%n contacts merged into “{list}”, {already} already there</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge “{list}” into the list (new or existing):</source>
        <translation>Merge “{list}” into the list (new or existing):</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>Import recipients</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) never sent to (they answered STOP or were added here)</source>
        <translation>
            <numerusform>%n number never sent to (they answered STOP or were added here)</numerusform>
            <numerusform>%n numbers never sent to (they answered STOP or were added here)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) added to the stop list</source>
        <translation>
            <numerusform>%n number added to the stop list</numerusform>
            <numerusform>%n numbers added to the stop list</numerusform>
        </translation>
    </message>
    <message>
        <source>{words}, {count} already there</source>
        <translation>{words}, {count} already there</translation>
    </message>
    <message>
        <source>{words}, {count} not numbers ({values})</source>
        <translation>{words}, {count} not numbers ({values})</translation>
    </message>
    <message>
        <source>Add to the stop list</source>
        <translation>Add to the stop list</translation>
    </message>
    <message>
        <source>Numbers never to send to (one or several a line):</source>
        <translation>Numbers never to send to (one or several a line):</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) removed from the stop list</source>
        <translation>
            <numerusform>%n number removed from the stop list</numerusform>
            <numerusform>%n numbers removed from the stop list</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from the stop list</source>
        <translation>Remove from the stop list</translation>
    </message>
    <message numerus="yes">
        <source>Why may these %n number(s) be sent to again? (how their consent was given)</source>
        <translation>
            <numerusform>Why may these %n number be sent to again? (how their consent was given)</numerusform>
            <numerusform>Why may these %n numbers be sent to again? (how their consent was given)</numerusform>
        </translation>
    </message>
    <message>
        <source>removed by hand in Contacts</source>
        <translation>removed by hand in Contacts</translation>
    </message>
    <message>
        <source>Import a stop list</source>
        <translation>Import a stop list</translation>
    </message>
    <message>
        <source>Importing the stop list…</source>
        <translation>Importing the stop list…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed</source>
        <translation>Cancelled: nothing was changed</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Delete contacts</translation>
    </message>
    <message>
        <source>Merge lists</source>
        <translation>Merge lists</translation>
    </message>
</context>
<context>
    <name>DeliveryChart</name>
    <message>
        <source>No delivery yet</source>
        <translation>No delivery yet</translation>
    </message>
    <message>
        <source>Blue bars: messages delivered in each interval; green line: delivered so far</source>
        <translation>Blue bars: messages delivered in each interval; green line: delivered so far</translation>
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
        <translation>hour</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 hours</translation>
    </message>
    <message>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <source>bars: delivered per {interval} · line: delivered so far</source>
        <translation>bars: delivered per {interval} · line: delivered so far</translation>
    </message>
</context>
<context>
    <name>DispatchController</name>
    <message>
        <source>Sending: {done} of {total} messages handed to the gateway.</source>
        <translation>Sending: {done} of {total} messages handed to the gateway.</translation>
    </message>
    <message numerus="yes">
        <source>If you quit now, the batch under way is finished first and the %n message(s) left go out the next time smsdesk opens.</source>
        <translation>
            <numerusform>If you quit now, the batch under way is finished first and the %n message left go out the next time smsdesk opens.</numerusform>
            <numerusform>If you quit now, the batch under way is finished first and the %n messages left go out the next time smsdesk opens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditMessageDialog</name>
    <message>
        <source>Edit the message of “{name}”</source>
        <translation>Edit the message of “{name}”</translation>
    </message>
</context>
<context>
    <name>EndingsDialog</name>
    <message>
        <source>Endings of test numbers</source>
        <translation>Endings of test numbers</translation>
    </message>
    <message>
        <source>With the simulator (the gateway until you connect OVH or SMPP), the outcome of a message depends on the last four digits of the number. Any other ending is delivered. Example: 06&#xa0;12&#xa0;34&#xa0;00&#xa0;05 is undelivered.</source>
        <translation>With the simulator (the gateway until you connect OVH or SMPP), the outcome of a message depends on the last four digits of the number. Any other ending is delivered. Example: 06&#xa0;12&#xa0;34&#xa0;00&#xa0;05 is undelivered.</translation>
    </message>
    <message>
        <source>anything else</source>
        <translation>anything else</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Number ends with</source>
        <translation>Number ends with</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <source>Welcome to smsdesk</source>
        <translation>Welcome to smsdesk</translation>
    </message>
    <message>
        <source>Until you connect a real gateway, your messages go to the built-in simulator: nothing leaves this computer, and delivery reports come back a couple of seconds later, as from a real gateway. To try failures, send to numbers ending in 0005 (undelivered), 0008 (expired), 0020 (refused), 0023 (invalid), 0024 (absent), 0026 (phone error), 0042 (answers STOP) or 0043 (answers “Oui, merci !”); to send for real, connect OVH or an SMPP server in File &gt; Preferences.</source>
        <translation>Until you connect a real gateway, your messages go to the built-in simulator: nothing leaves this computer, and delivery reports come back a couple of seconds later, as from a real gateway. To try failures, send to numbers ending in 0005 (undelivered), 0008 (expired), 0020 (refused), 0023 (invalid), 0024 (absent), 0026 (phone error), 0042 (answers STOP) or 0043 (answers “Oui, merci !”); to send for real, connect OVH or an SMPP server in File &gt; Preferences.</translation>
    </message>
    <message>
        <source>&amp;Test numbers…</source>
        <translation>&amp;Test numbers…</translation>
    </message>
    <message>
        <source>Every ending of test numbers and its outcome</source>
        <translation>Every ending of test numbers and its outcome</translation>
    </message>
    <message>
        <source>Connect a &amp;gateway…</source>
        <translation>Connect a &amp;gateway…</translation>
    </message>
    <message>
        <source>Open Preferences to connect OVH or an SMPP server</source>
        <translation>Open Preferences to connect OVH or an SMPP server</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>Help &gt; Getting started shows this again</source>
        <translation>Help &gt; Getting started shows this again</translation>
    </message>
</context>
<context>
    <name>GatewayForm</name>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>{tip} (set by this computer&apos;s environment)</source>
        <translation>{tip} (set by this computer&apos;s environment)</translation>
    </message>
    <message>
        <source> SMS/s</source>
        <translation> SMS/s</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>set by this computer&apos;s environment</source>
        <translation>set by this computer&apos;s environment</translation>
    </message>
    <message>
        <source>stored in the keyring; leave empty to keep it</source>
        <translation>stored in the keyring; leave empty to keep it</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
</context>
<context>
    <name>GatewaySpec</name>
    <message>
        <source>Null gateway (delivers nothing)</source>
        <translation>Null gateway (delivers nothing)</translation>
    </message>
    <message>
        <source>Accepts every message and delivers none: for tests and dry runs.</source>
        <translation>Accepts every message and delivers none: for tests and dry runs.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Any text; the null gateway only keeps it</source>
        <translation>Any text; the null gateway only keeps it</translation>
    </message>
    <message>
        <source>OVH&apos;s page is open in your browser: log in and accept, then list the accounts.</source>
        <translation>OVH&apos;s page is open in your browser: log in and accept, then list the accounts.</translation>
    </message>
    <message>
        <source>OVH SMS</source>
        <translation>OVH SMS</translation>
    </message>
    <message>
        <source>OVHcloud&apos;s SMS service: create an application key and secret at OVH, then a consumer key here, and choose the SMS account.</source>
        <translation>OVHcloud&apos;s SMS service: create an application key and secret at OVH, then a consumer key here, and choose the SMS account.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>An OVH endpoint name, or the API&apos;s address (https://…)</source>
        <translation>An OVH endpoint name, or the API&apos;s address (https://…)</translation>
    </message>
    <message>
        <source>Application key</source>
        <translation>Application key</translation>
    </message>
    <message>
        <source>The application key OVH gave when you created the application</source>
        <translation>The application key OVH gave when you created the application</translation>
    </message>
    <message>
        <source>Application secret</source>
        <translation>Application secret</translation>
    </message>
    <message>
        <source>The application secret; kept in the system keyring</source>
        <translation>The application secret; kept in the system keyring</translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation>Consumer key</translation>
    </message>
    <message>
        <source>Created with the button below, then accepted on OVH&apos;s page</source>
        <translation>Created with the button below, then accepted on OVH&apos;s page</translation>
    </message>
    <message>
        <source>SMS account</source>
        <translation>SMS account</translation>
    </message>
    <message>
        <source>The OVH SMS account that sends and pays (List accounts fills it)</source>
        <translation>The OVH SMS account that sends and pays (List accounts fills it)</translation>
    </message>
    <message>
        <source>Create consumer key…</source>
        <translation>Create consumer key…</translation>
    </message>
    <message>
        <source>Asks OVH for a key with the SMS rights and opens the page where you accept it</source>
        <translation>Asks OVH for a key with the SMS rights and opens the page where you accept it</translation>
    </message>
    <message>
        <source>List accounts</source>
        <translation>List accounts</translation>
    </message>
    <message>
        <source>Lists the SMS accounts these keys reach</source>
        <translation>Lists the SMS accounts these keys reach</translation>
    </message>
    <message>
        <source>Simulator (no account)</source>
        <translation>Simulator (no account)</translation>
    </message>
    <message>
        <source>The built-in simulator sends nothing: it accepts every message and reports delivery receipts, to try smsdesk without an account. Numbers ending in 0005, 0008, 0023, 0024 or 0026 fail; 0020 is refused; 0042 answers STOP.</source>
        <translation>The built-in simulator sends nothing: it accepts every message and reports delivery receipts, to try smsdesk without an account. Numbers ending in 0005, 0008, 0023, 0024 or 0026 fail; 0020 is refused; 0042 answers STOP.</translation>
    </message>
    <message>
        <source>SMPP 3.4</source>
        <translation>SMPP 3.4</translation>
    </message>
    <message>
        <source>An SMS centre reached over SMPP 3.4 (host, port and account from your operator).</source>
        <translation>An SMS centre reached over SMPP 3.4 (host, port and account from your operator).</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>The SMS centre&apos;s host name or address</source>
        <translation>The SMS centre&apos;s host name or address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The SMS centre&apos;s TCP port (2775 by default)</source>
        <translation>The SMS centre&apos;s TCP port (2775 by default)</translation>
    </message>
    <message>
        <source>System ID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <source>The account name the SMS centre gave you (15 characters at most)</source>
        <translation>The account name the SMS centre gave you (15 characters at most)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>The account&apos;s password (8 characters at most); kept in the system keyring</source>
        <translation>The account&apos;s password (8 characters at most); kept in the system keyring</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Rate limit</translation>
    </message>
    <message>
        <source>At most this many messages per second through this gateway (0: no limit)</source>
        <translation>At most this many messages per second through this gateway (0: no limit)</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Undelivered (error 5)</source>
        <translation>Undelivered (error 5)</translation>
    </message>
    <message>
        <source>Expired: no delivery within its validity (error 8)</source>
        <translation>Expired: no delivery within its validity (error 8)</translation>
    </message>
    <message>
        <source>Refused at submission</source>
        <translation>Refused at submission</translation>
    </message>
    <message>
        <source>Invalid or barred number (error 23)</source>
        <translation>Invalid or barred number (error 23)</translation>
    </message>
    <message>
        <source>Absent subscriber (error 24)</source>
        <translation>Absent subscriber (error 24)</translation>
    </message>
    <message>
        <source>Temporary phone error (error 26)</source>
        <translation>Temporary phone error (error 26)</translation>
    </message>
    <message>
        <source>Delivered, then answers “STOP” a second later (goes on the stop list)</source>
        <translation>Delivered, then answers “STOP” a second later (goes on the stop list)</translation>
    </message>
    <message>
        <source>Delivered, then answers “Oui, merci !”</source>
        <translation>Delivered, then answers “Oui, merci !”</translation>
    </message>
    <message>
        <source>Send (Send tab)</source>
        <translation>Send (Send tab)</translation>
    </message>
    <message>
        <source>Go to the filter (History)</source>
        <translation>Go to the filter (History)</translation>
    </message>
    <message>
        <source>{enter} or double-click</source>
        <translation>{enter} or double-click</translation>
    </message>
    <message>
        <source>Details of a message (History), results of a campaign (Scheduled)</source>
        <translation>Details of a message (History), results of a campaign (Scheduled)</translation>
    </message>
    <message>
        <source>Delete the selected messages (History)</source>
        <translation>Delete the selected messages (History)</translation>
    </message>
    <message>
        <source>Resume the paused campaigns selected (Scheduled)</source>
        <translation>Resume the paused campaigns selected (Scheduled)</translation>
    </message>
    <message>
        <source>Read everything shown again</source>
        <translation>Read everything shown again</translation>
    </message>
    <message>
        <source>{alt} and the underlined letter</source>
        <translation>{alt} and the underlined letter</translation>
    </message>
    <message>
        <source>Go to a tab, a button or a menu</source>
        <translation>Go to a tab, a button or a menu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Receiver (0612, +33 6 12, 5678…)</source>
        <translation>Receiver (0612, +33 6 12, 5678…)</translation>
    </message>
    <message>
        <source>Part of the receiver&apos;s number, in any format</source>
        <translation>Part of the receiver&apos;s number, in any format</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Part of the sender&apos;s name</source>
        <translation>Part of the sender&apos;s name</translation>
    </message>
    <message>
        <source>Text in the message</source>
        <translation>Text in the message</translation>
    </message>
    <message>
        <source>Words of the message; accents and capitals do not matter</source>
        <translation>Words of the message; accents and capitals do not matter</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
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
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Cancelled messages are listed only when chosen</source>
        <translation>Cancelled messages are listed only when chosen</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>Last 6 months</translation>
    </message>
    <message>
        <source>From… to…</source>
        <translation>From… to…</translation>
    </message>
    <message>
        <source>When the messages were sent</source>
        <translation>When the messages were sent</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>Last day (included)</translation>
    </message>
    <message>
        <source>Any campaign</source>
        <translation>Any campaign</translation>
    </message>
    <message>
        <source>Messages of one campaign</source>
        <translation>Messages of one campaign</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Messages with exactly this tag</source>
        <translation>Messages with exactly this tag</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Show every message again</source>
        <translation>Show every message again</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>&amp;Export selection…</source>
        <translation>&amp;Export selection…</translation>
    </message>
    <message>
        <source>Export &amp;all matching…</source>
        <translation>Export &amp;all matching…</translation>
    </message>
    <message>
        <source>Delete all &amp;matching…</source>
        <translation>Delete all &amp;matching…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Everything known about the message (Enter)</source>
        <translation>Everything known about the message (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected messages (Delete key)</source>
        <translation>Delete the selected messages (Delete key)</translation>
    </message>
    <message>
        <source>Delete all matching…</source>
        <translation>Delete all matching…</translation>
    </message>
    <message>
        <source>Delete every message the filter lists</source>
        <translation>Delete every message the filter lists</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export every message that matches the filter (the arrow: only the selection)</source>
        <translation>Export every message that matches the filter (the arrow: only the selection)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop the delete or export; nothing is changed</source>
        <translation>Stop the delete or export; nothing is changed</translation>
    </message>
    <message>
        <source>Double-click or Enter: details; type to search the text</source>
        <translation>Double-click or Enter: details; type to search the text</translation>
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
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) match</source>
        <translation>
            <numerusform>%n message match</numerusform>
            <numerusform>%n messages match</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the history</source>
        <translation>Could not read the history</translation>
    </message>
    <message>
        <source>History: {reason}</source>
        <translation>History: {reason}</translation>
    </message>
    <message>
        <source>Message #{id} was deleted meanwhile</source>
        <translation>Message #{id} was deleted meanwhile</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>Delete messages</translation>
    </message>
    <message numerus="yes">
        <source>Delete the whole history (%n message(s))?</source>
        <translation>
            <numerusform>Delete the whole history (%n message)?</numerusform>
            <numerusform>Delete the whole history (%n messages)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n message(s) that match the filter?</source>
        <translation>
            <numerusform>Delete all %n message that match the filter?</numerusform>
            <numerusform>Delete all %n messages that match the filter?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n message(s)?</source>
        <translation>
            <numerusform>Delete %n message?</numerusform>
            <numerusform>Delete %n messages?</numerusform>
        </translation>
    </message>
    <message>
        <source>They will be gone from the history; this cannot be undone.</source>
        <translation>They will be gone from the history; this cannot be undone.</translation>
    </message>
    <message>
        <source>Also delete them at the gateway ({gateway})</source>
        <translation>Also delete them at the gateway ({gateway})</translation>
    </message>
    <message>
        <source>Deleting %s…</source>
        <translation>Deleting %s…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted</source>
        <translation>
            <numerusform>%n message deleted</numerusform>
            <numerusform>%n messages deleted</numerusform>
        </translation>
    </message>
    <message>
        <source>{deleted} ({remote} at the gateway too)</source>
        <translation>{deleted} ({remote} at the gateway too)</translation>
    </message>
    <message>
        <source>{deleted}; {kept} kept: {reasons}</source>
        <translation>{deleted}; {kept} kept: {reasons}</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Export the history</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting %s…</source>
        <translation>Exporting %s…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) exported to {path}</source>
        <translation>
            <numerusform>%n message exported to {path}</numerusform>
            <numerusform>%n messages exported to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Delete cancelled: nothing was changed</source>
        <translation>Delete cancelled: nothing was changed</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <source>Delete failed: {reason}</source>
        <translation>Delete failed: {reason}</translation>
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
        <translation>Sender</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Created {0}</source>
        <translation>Created {0}</translation>
    </message>
    <message>
        <source>Campaign #{0}</source>
        <translation>Campaign #{0}</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Recipient lists ({patterns});;All files (*)</source>
        <translation>Recipient lists ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation>comma (,)</translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation>semicolon (;)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>bar (|)</source>
        <translation>bar (|)</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Not a mobile</source>
        <translation>Not a mobile</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>On the stop list</source>
        <translation>On the stop list</translation>
    </message>
    <message>
        <source>none (one cell a line)</source>
        <translation>none (one cell a line)</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>Import recipients</translation>
    </message>
    <message>
        <source>Choose a file (CSV, TXT, Excel, LibreOffice, vCard), or drop it here</source>
        <translation>Choose a file (CSV, TXT, Excel, LibreOffice, vCard), or drop it here</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choose a file…</translation>
    </message>
    <message>
        <source>Or drop a file on this window: an Excel or LibreOffice workbook, a phone&apos;s or Google&apos;s vCards, CSV or TXT (Outlook, Google Contacts, one number a line...)</source>
        <translation>Or drop a file on this window: an Excel or LibreOffice workbook, a phone&apos;s or Google&apos;s vCards, CSV or TXT (Outlook, Google Contacts, one number a line...)</translation>
    </message>
    <message>
        <source>Paste numbers here: one or several a line, or cells copied from a spreadsheet</source>
        <translation>Paste numbers here: one or several a line, or cells copied from a spreadsheet</translation>
    </message>
    <message>
        <source>From a &amp;file</source>
        <translation>From a &amp;file</translation>
    </message>
    <message>
        <source>&amp;Pasted numbers</source>
        <translation>&amp;Pasted numbers</translation>
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
        <source>Name of a new or existing list</source>
        <translation>Name of a new or existing list</translation>
    </message>
    <message>
        <source>&amp;Keep landlines and other numbers that are not mobiles</source>
        <translation>&amp;Keep landlines and other numbers that are not mobiles</translation>
    </message>
    <message>
        <source>Every &amp;mobile of a contact (default: one message a person, its first mobile)</source>
        <translation>Every &amp;mobile of a contact (default: one message a person, its first mobile)</translation>
    </message>
    <message>
        <source>Phone &amp;column</source>
        <translation>Phone &amp;column</translation>
    </message>
    <message>
        <source>&amp;Region of national numbers</source>
        <translation>&amp;Region of national numbers</translation>
    </message>
    <message>
        <source>Into the &amp;list</source>
        <translation>Into the &amp;list</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Number as written</source>
        <translation>Number as written</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>Will be</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>Other columns</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>First rows:</translation>
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
        <source>Numbers considered</source>
        <translation>Numbers considered</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Invalid numbers</source>
        <translation>Invalid numbers</translation>
    </message>
    <message>
        <source>Not mobiles (left out)</source>
        <translation>Not mobiles (left out)</translation>
    </message>
    <message>
        <source>&amp;Save the rejected lines as CSV…</source>
        <translation>&amp;Save the rejected lines as CSV…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Rejected lines:</source>
        <translation>Rejected lines:</translation>
    </message>
    <message>
        <source>Pasted numbers</source>
        <translation>Pasted numbers</translation>
    </message>
    <message>
        <source>adds to this list (its duplicates are left out)</source>
        <translation>adds to this list (its duplicates are left out)</translation>
    </message>
    <message>
        <source>a new list</source>
        <translation>a new list</translation>
    </message>
    <message>
        <source>Workbook, sheet “{sheet}”</source>
        <translation>Workbook, sheet “{sheet}”</translation>
    </message>
    <message>
        <source>vCards ({encoding}), a contact a card</source>
        <translation>vCards ({encoding}), a contact a card</translation>
    </message>
    <message>
        <source>Encoding: {encoding}</source>
        <translation>Encoding: {encoding}</translation>
    </message>
    <message>
        <source>Delimiter: {delimiter}</source>
        <translation>Delimiter: {delimiter}</translation>
    </message>
    <message>
        <source>Header line: yes</source>
        <translation>Header line: yes</translation>
    </message>
    <message>
        <source>Header line: no</source>
        <translation>Header line: no</translation>
    </message>
    <message>
        <source>Numbers in: {column}</source>
        <translation>Numbers in: {column}</translation>
    </message>
    <message>
        <source>invalid: {reason}</source>
        <translation>invalid: {reason}</translation>
    </message>
    <message>
        <source>{number} (not a mobile: left out)</source>
        <translation>{number} (not a mobile: left out)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported</source>
        <translation>Import cancelled: nothing was imported</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Nothing was imported: {reason}</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>Import failed: {reason}</translation>
    </message>
    <message>
        <source>{imported} number(s) imported into “{list}”</source>
        <translation>{imported} number(s) imported into “{list}”</translation>
    </message>
    <message>
        <source>{contacts} contacts with {numbers} numbers: one message a person, its first mobile ({set_aside} other numbers set aside).</source>
        <translation>{contacts} contacts with {numbers} numbers: one message a person, its first mobile ({set_aside} other numbers set aside).</translation>
    </message>
    <message>
        <source>{contacts} contacts with {numbers} numbers.</source>
        <translation>{contacts} contacts with {numbers} numbers.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{imported}&lt;/b&gt; of {rows} numbers imported into “{list}” (new list).</source>
        <translation>&lt;b&gt;{imported}&lt;/b&gt; of {rows} numbers imported into “{list}” (new list).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{imported}&lt;/b&gt; of {rows} numbers imported into “{list}” (added to the existing list).</source>
        <translation>&lt;b&gt;{imported}&lt;/b&gt; of {rows} numbers imported into “{list}” (added to the existing list).</translation>
    </message>
    <message>
        <source>{list} - rejected.csv</source>
        <translation>{list} - rejected.csv</translation>
    </message>
    <message>
        <source>Save the rejected lines</source>
        <translation>Save the rejected lines</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) saved to {path}</source>
        <translation>
            <numerusform>%n line saved to {path}</numerusform>
            <numerusform>%n lines saved to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>InboxTab</name>
    <message>
        <source>Who answered, latest first; choose one to read the thread</source>
        <translation>Who answered, latest first; choose one to read the thread</translation>
    </message>
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
        <source>Read the replies again</source>
        <translation>Read the replies again</translation>
    </message>
    <message>
        <source>Inbox: {error}</source>
        <translation>Inbox: {error}</translation>
    </message>
    <message>
        <source>Sent (campaign {campaign}, {status})</source>
        <translation>Sent (campaign {campaign}, {status})</translation>
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
    <name>ListsModel</name>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
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
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Write a message and send it now or later</source>
        <translation>Write a message and send it now or later</translation>
    </message>
    <message>
        <source>S&amp;cheduled</source>
        <translation>S&amp;cheduled</translation>
    </message>
    <message>
        <source>Campaigns planned or sending: cancel, move, resume</source>
        <translation>Campaigns planned or sending: cancel, move, resume</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Every message sent, with its delivery status</source>
        <translation>Every message sent, with its delivery status</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>C&amp;ontacts</translation>
    </message>
    <message>
        <source>Recipient lists and the stop list; import files</source>
        <translation>Recipient lists and the stop list; import files</translation>
    </message>
    <message>
        <source>C&amp;ampaigns</source>
        <translation>C&amp;ampaigns</translation>
    </message>
    <message>
        <source>Every campaign, finished ones too, and its results</source>
        <translation>Every campaign, finished ones too, and its results</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Inbox</translation>
    </message>
    <message>
        <source>Replies, grouped by contact</source>
        <translation>Replies, grouped by contact</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Gateway, sending window, default sender, region, language, time zone</source>
        <translation>Gateway, sending window, default sender, region, language, time zone</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Read everything shown again (F5)</source>
        <translation>Read everything shown again (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Getting started</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Endings of test numbers</source>
        <translation>&amp;Endings of test numbers</translation>
    </message>
    <message>
        <source>Open the &amp;log</source>
        <translation>Open the &amp;log</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Open the &amp;data folder</translation>
    </message>
    <message>
        <source>&amp;About smsdesk</source>
        <translation>&amp;About smsdesk</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dismiss</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Hide this message</translation>
    </message>
    <message>
        <source>Messages handed to the gateway in this send</source>
        <translation>Messages handed to the gateway in this send</translation>
    </message>
    <message>
        <source>Sending %v / %m</source>
        <translation>Sending %v / %m</translation>
    </message>
    <message>
        <source>Gateway: {name}</source>
        <translation>Gateway: {name}</translation>
    </message>
    <message>
        <source>Where messages go; change it in File &gt; Preferences</source>
        <translation>Where messages go; change it in File &gt; Preferences</translation>
    </message>
    <message>
        <source>Credits: {credits}</source>
        <translation>Credits: {credits}</translation>
    </message>
    <message>
        <source>Credits left at the gateway</source>
        <translation>Credits left at the gateway</translation>
    </message>
    <message>
        <source>smsdesk cannot start</source>
        <translation>smsdesk cannot start</translation>
    </message>
    <message>
        <source>smsdesk cannot start: {reason}</source>
        <translation>smsdesk cannot start: {reason}</translation>
    </message>
    <message>
        <source>The log file says more: {path}</source>
        <translation>The log file says more: {path}</translation>
    </message>
    <message>
        <source>There is no log yet: {path}</source>
        <translation>There is no log yet: {path}</translation>
    </message>
    <message>
        <source>No application could open {path}</source>
        <translation>No application could open {path}</translation>
    </message>
    <message>
        <source>Sending stopped: {reason}. smsdesk tries again in a few seconds.</source>
        <translation>Sending stopped: {reason}. smsdesk tries again in a few seconds.</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” (due {due}, %n message(s))</source>
        <translation>
            <numerusform>“{name}” (due {due}, %n message)</numerusform>
            <numerusform>“{name}” (due {due}, %n messages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} and %n more</numerusform>
            <numerusform>{names} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While smsdesk was closed, %n campaign(s) became due: {names}. Sending them now.</source>
        <translation>
            <numerusform>While smsdesk was closed, %n campaign became due: {names}. Sending them now.</numerusform>
            <numerusform>While smsdesk was closed, %n campaigns became due: {names}. Sending them now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resumed an interrupted send: {confirmed} confirmed, {queued} queued again, {unknown} unknown</source>
        <translation>Resumed an interrupted send: {confirmed} confirmed, {queued} queued again, {unknown} unknown</translation>
    </message>
    <message>
        <source>Sent {sent}, failed {failed}, to retry {retried}</source>
        <translation>Sent {sent}, failed {failed}, to retry {retried}</translation>
    </message>
    <message numerus="yes">
        <source>{text}; %n wait for their sending window</source>
        <translation>
            <numerusform>{text}; %n wait for their sending window</numerusform>
            <numerusform>{text}; %n wait for their sending window</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new reply(ies)</source>
        <translation>
            <numerusform>%n new reply</numerusform>
            <numerusform>%n new replies</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit while sending?</source>
        <translation>Quit while sending?</translation>
    </message>
    <message>
        <source>&amp;Keep sending</source>
        <translation>&amp;Keep sending</translation>
    </message>
</context>
<context>
    <name>MessageDetailsDialog</name>
    <message>
        <source>Message #{id}</source>
        <translation>Message #{id}</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
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
        <source>Results of the campaign this message belongs to</source>
        <translation>Results of the campaign this message belongs to</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>ptt</source>
        <translation>ptt</translation>
    </message>
    <message>
        <source>DLR</source>
        <translation>DLR</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Gateway reference</source>
        <translation>Gateway reference</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
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
        <translation>(gateway default)</translation>
    </message>
    <message>
        <source>waiting: its campaign is paused ({reason}); resume it in Scheduled</source>
        <translation>waiting: its campaign is paused ({reason}); resume it in Scheduled</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message numerus="yes">
        <source>%Ln part(s)</source>
        <translation>
            <numerusform>%Ln part</numerusform>
            <numerusform>%Ln parts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln left in this part</source>
        <translation>
            <numerusform>%Ln left in this part</numerusform>
            <numerusform>%Ln left in this part</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>STOP clause included (%Ln)</source>
        <translation>
            <numerusform>STOP clause included (%Ln)</numerusform>
            <numerusform>STOP clause included (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>non-breaking space</source>
        <translation>non-breaking space</translation>
    </message>
    <message>
        <source>narrow space</source>
        <translation>narrow space</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>Your message. {name} or another column personalises it.</source>
        <translation>Your message. {name} or another column personalises it.</translation>
    </message>
    <message>
        <source>The text sent. Characters outside GSM-7 are underlined: they put the whole message in UCS-2 (70 characters per SMS instead of 160)</source>
        <translation>The text sent. Characters outside GSM-7 are underlined: they put the whole message in UCS-2 (70 characters per SMS instead of 160)</translation>
    </message>
    <message>
        <source>Encoding, length and SMS parts, as the gateway counts</source>
        <translation>Encoding, length and SMS parts, as the gateway counts</translation>
    </message>
    <message>
        <source>Replace &amp;typographic characters</source>
        <translation>Replace &amp;typographic characters</translation>
    </message>
    <message>
        <source>’ ‘ “ ” « » … – — and special spaces become &apos; &quot; ... - and space, œ becomes oe: the message goes back to GSM-7 (160 characters per SMS)</source>
        <translation>’ ‘ “ ” « » … – — and special spaces become &apos; &quot; ... - and space, œ becomes oe: the message goes back to GSM-7 (160 characters per SMS)</translation>
    </message>
    <message>
        <source>&amp;Remove accents too</source>
        <translation>&amp;Remove accents too</translation>
    </message>
    <message>
        <source>ê â î ô û ç ë ï lose their accent (é è à ù stay)</source>
        <translation>ê â î ô û ç ë ï lose their accent (é è à ù stay)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message>
        <source>UCS-2 (70 characters per SMS instead of 160) because of: {chars}</source>
        <translation>UCS-2 (70 characters per SMS instead of 160) because of: {chars}</translation>
    </message>
    <message>
        <source>…then the gateway adds: “{clause}”</source>
        <translation>…then the gateway adds: “{clause}”</translation>
    </message>
    <message>
        <source>“{char}” is not in the GSM alphabet: the whole message becomes UCS-2 (replace it with “{fixed}”)</source>
        <translation>“{char}” is not in the GSM alphabet: the whole message becomes UCS-2 (replace it with “{fixed}”)</translation>
    </message>
    <message>
        <source>“{char}” is not in the GSM alphabet: the whole message becomes UCS-2</source>
        <translation>“{char}” is not in the GSM alphabet: the whole message becomes UCS-2</translation>
    </message>
</context>
<context>
    <name>OwnNumberDialog</name>
    <message>
        <source>Send a test to me</source>
        <translation>Send a test to me</translation>
    </message>
    <message>
        <source>Your &amp;mobile number (kept in Preferences):</source>
        <translation>Your &amp;mobile number (kept in Preferences):</translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <source>The test message goes to this mobile</source>
        <translation>The test message goes to this mobile</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Save the changes you made?</source>
        <translation>Save the changes you made?</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>The sections of Preferences</source>
        <translation>The sections of Preferences</translation>
    </message>
    <message>
        <source>Send through:</source>
        <translation>Send through:</translation>
    </message>
    <message>
        <source>The gateway new campaigns are sent through</source>
        <translation>The gateway new campaigns are sent through</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Connects with the values shown (not yet saved) and reads the credits left</source>
        <translation>Connects with the values shown (not yet saved) and reads the credits left</translation>
    </message>
    <message>
        <source>Commercial messages are sent only</source>
        <translation>Commercial messages are sent only</translation>
    </message>
    <message>
        <source>Between:</source>
        <translation>Between:</translation>
    </message>
    <message>
        <source>and</source>
        <translation>and</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>On:</translation>
    </message>
    <message>
        <source>The earliest time a commercial message leaves</source>
        <translation>The earliest time a commercial message leaves</translation>
    </message>
    <message>
        <source>The latest time (00:00 means midnight at the end of the day)</source>
        <translation>The latest time (00:00 means midnight at the end of the day)</translation>
    </message>
    <message>
        <source>Send commercial messages on {day}</source>
        <translation>Send commercial messages on {day}</translation>
    </message>
    <message>
        <source>Not on public holidays</source>
        <translation>Not on public holidays</translation>
    </message>
    <message>
        <source>Commercial messages wait for the next working day</source>
        <translation>Commercial messages wait for the next working day</translation>
    </message>
    <message>
        <source>Public holidays of:</source>
        <translation>Public holidays of:</translation>
    </message>
    <message>
        <source>The country whose public holidays count</source>
        <translation>The country whose public holidays count</translation>
    </message>
    <message>
        <source>Hours in the time zone:</source>
        <translation>Hours in the time zone:</translation>
    </message>
    <message>
        <source>The time zone the hours above are read in</source>
        <translation>The time zone the hours above are read in</translation>
    </message>
    <message>
        <source>French rule (08:00 to 20:00, Monday to Saturday)</source>
        <translation>French rule (08:00 to 20:00, Monday to Saturday)</translation>
    </message>
    <message>
        <source>The hours French law allows for commercial text messages</source>
        <translation>The hours French law allows for commercial text messages</translation>
    </message>
    <message>
        <source>New campaigns</source>
        <translation>New campaigns</translation>
    </message>
    <message>
        <source>Default sender:</source>
        <translation>Default sender:</translation>
    </message>
    <message>
        <source>The sender new campaigns start with: up to 11 letters or digits</source>
        <translation>The sender new campaigns start with: up to 11 letters or digits</translation>
    </message>
    <message>
        <source>the gateway&apos;s default</source>
        <translation>the gateway&apos;s default</translation>
    </message>
    <message>
        <source>My number (for tests):</source>
        <translation>My number (for tests):</translation>
    </message>
    <message>
        <source>Where “Send a test to me” sends</source>
        <translation>Where “Send a test to me” sends</translation>
    </message>
    <message>
        <source>Numbers written without a country code (06 12 34 56 78) belong to this country, and numbers are shown the way it writes them.</source>
        <translation>Numbers written without a country code (06 12 34 56 78) belong to this country, and numbers are shown the way it writes them.</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Country:</translation>
    </message>
    <message>
        <source>The country of national numbers</source>
        <translation>The country of national numbers</translation>
    </message>
    <message>
        <source>The language of the window; it changes at once.</source>
        <translation>The language of the window; it changes at once.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>The language of menus, tabs and messages</source>
        <translation>The language of menus, tabs and messages</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Same as the system ({language})</translation>
    </message>
    <message>
        <source>Dates and times in the window are shown in this zone.</source>
        <translation>Dates and times in the window are shown in this zone.</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Time zone:</translation>
    </message>
    <message>
        <source>The zone dates and times are shown in</source>
        <translation>The zone dates and times are shown in</translation>
    </message>
    <message>
        <source>Same as the system ({zone})</source>
        <translation>Same as the system ({zone})</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save every section</source>
        <translation>Save every section</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close Preferences (asks first if an edit is not saved)</source>
        <translation>Close Preferences (asks first if an edit is not saved)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>This computer&apos;s environment chooses the gateway: {gateway}.</source>
        <translation>This computer&apos;s environment chooses the gateway: {gateway}.</translation>
    </message>
    <message>
        <source>No keyring was found on this computer, so passwords and keys cannot be saved here; the other fields can.</source>
        <translation>No keyring was found on this computer, so passwords and keys cannot be saved here; the other fields can.</translation>
    </message>
    <message>
        <source>delivery receipts</source>
        <translation>delivery receipts</translation>
    </message>
    <message>
        <source>safe resume after a crash</source>
        <translation>safe resume after a crash</translation>
    </message>
    <message>
        <source>keeps scheduled sends</source>
        <translation>keeps scheduled sends</translation>
    </message>
    <message>
        <source>cancels them</source>
        <translation>cancels them</translation>
    </message>
    <message>
        <source>senders</source>
        <translation>senders</translation>
    </message>
    <message>
        <source>credits left</source>
        <translation>credits left</translation>
    </message>
    <message>
        <source>cost estimate</source>
        <translation>cost estimate</translation>
    </message>
    <message>
        <source>operator check</source>
        <translation>operator check</translation>
    </message>
    <message>
        <source>deletes its history</source>
        <translation>deletes its history</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>replies</translation>
    </message>
    <message>
        <source>Offers: sending only</source>
        <translation>Offers: sending only</translation>
    </message>
    <message>
        <source>Offers: {abilities}</source>
        <translation>Offers: {abilities}</translation>
    </message>
    <message>
        <source>{field}: required</source>
        <translation>{field}: required</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Connection failed: {reason}</source>
        <translation>Connection failed: {reason}</translation>
    </message>
    <message>
        <source>Connection works: {credits} credits left</source>
        <translation>Connection works: {credits} credits left</translation>
    </message>
    <message>
        <source>Connection works</source>
        <translation>Connection works</translation>
    </message>
    <message>
        <source>Senders: {senders}</source>
        <translation>Senders: {senders}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation>Asking the gateway…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) found</source>
        <translation>
            <numerusform>%n account found</numerusform>
            <numerusform>%n accounts found</numerusform>
        </translation>
    </message>
    <message>
        <source>{message} If the page did not open: {url}</source>
        <translation>{message} If the page did not open: {url}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>My number (for tests): not a valid phone number</source>
        <translation>My number (for tests): not a valid phone number</translation>
    </message>
    <message>
        <source>Tests go to {number}</source>
        <translation>Tests go to {number}</translation>
    </message>
    <message>
        <source>Default sender: longer than 11 characters</source>
        <translation>Default sender: longer than 11 characters</translation>
    </message>
    <message>
        <source>Default sender: use 1 to 11 letters or digits, with at least one letter</source>
        <translation>Default sender: use 1 to 11 letters or digits, with at least one letter</translation>
    </message>
    <message>
        <source>On: choose at least one day</source>
        <translation>On: choose at least one day</translation>
    </message>
    <message>
        <source>Between: the first time must come before the second</source>
        <translation>Between: the first time must come before the second</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Saved, except (no keyring on this computer): {fields}</source>
        <translation>Saved, except (no keyring on this computer): {fields}</translation>
    </message>
    <message>
        <source>Saved, but this computer&apos;s environment overrides: {fields}</source>
        <translation>Saved, but this computer&apos;s environment overrides: {fields}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>{what}: {message}</source>
        <translation>{what}: {message}</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule “{name}”</source>
        <translation>Reschedule “{name}”</translation>
    </message>
    <message>
        <source>Once the campaign is resumed, messages not sent yet will leave at this instant, or at the next opening of the sending window.</source>
        <translation>Once the campaign is resumed, messages not sent yet will leave at this instant, or at the next opening of the sending window.</translation>
    </message>
    <message>
        <source>Messages not sent yet will leave at this instant, or at the next opening of the sending window.</source>
        <translation>Messages not sent yet will leave at this instant, or at the next opening of the sending window.</translation>
    </message>
    <message>
        <source>Once the campaign is resumed, messages not sent yet will leave at this instant.</source>
        <translation>Once the campaign is resumed, messages not sent yet will leave at this instant.</translation>
    </message>
    <message>
        <source>Messages not sent yet will leave at this instant.</source>
        <translation>Messages not sent yet will leave at this instant.</translation>
    </message>
    <message>
        <source>The new start, in your time zone</source>
        <translation>The new start, in your time zone</translation>
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
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Save the figures as a spreadsheet (CSV)</source>
        <translation>Save the figures as a spreadsheet (CSV)</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Save chart as PNG…</translation>
    </message>
    <message>
        <source>Save the chart as an image</source>
        <translation>Save the chart as an image</translation>
    </message>
    <message>
        <source>Resend temporary failures…</source>
        <translation>Resend temporary failures…</translation>
    </message>
    <message>
        <source>Copy as a new draft</source>
        <translation>Copy as a new draft</translation>
    </message>
    <message>
        <source>Open the Send tab with this message, sender and recipients</source>
        <translation>Open the Send tab with this message, sender and recipients</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the figures again</source>
        <translation>Read the figures again</translation>
    </message>
    <message>
        <source>{name} — campaign {id}</source>
        <translation>{name} — campaign {id}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>gateway: {gateway}</source>
        <translation>gateway: {gateway}</translation>
    </message>
    <message>
        <source>created {instant}</source>
        <translation>created {instant}</translation>
    </message>
    <message>
        <source>estimated end {instant}</source>
        <translation>estimated end {instant}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln still to send</source>
        <translation>
            <numerusform>%Ln still to send</numerusform>
            <numerusform>%Ln still to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln awaiting their delivery report</source>
        <translation>
            <numerusform>%Ln awaiting their delivery report</numerusform>
            <numerusform>%Ln awaiting their delivery report</numerusform>
        </translation>
    </message>
    <message>
        <source>finished {instant}</source>
        <translation>finished {instant}</translation>
    </message>
    <message>
        <source>Chart unavailable: {error}</source>
        <translation>Chart unavailable: {error}</translation>
    </message>
    <message>
        <source>Results unavailable: {error}</source>
        <translation>Results unavailable: {error}</translation>
    </message>
    <message>
        <source>Figures exported to {path}</source>
        <translation>Figures exported to {path}</translation>
    </message>
    <message numerus="yes">
        <source>Send the message again to %Ln number(s) as a new campaign?</source>
        <translation>
            <numerusform>Send the message again to %Ln number as a new campaign?</numerusform>
            <numerusform>Send the message again to %Ln numbers as a new campaign?</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} — {reason}</source>
        <translation>{number} — {reason}</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more (Show Details)</source>
        <translation>
            <numerusform>and %Ln more (Show Details)</numerusform>
            <numerusform>and %Ln more (Show Details)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign {id} created: %Ln message(s) to send again</source>
        <translation>
            <numerusform>Campaign {id} created: %Ln message to send again</numerusform>
            <numerusform>Campaign {id} created: %Ln messages to send again</numerusform>
        </translation>
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
        <source>A new campaign to the numbers that failed for a passing reason</source>
        <translation>A new campaign to the numbers that failed for a passing reason</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
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
        <source>Save the chart</source>
        <translation>Save the chart</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>Chart saved to {path}</translation>
    </message>
    <message>
        <source>Resend temporary failures</source>
        <translation>Resend temporary failures</translation>
    </message>
    <message>
        <source>No message failed for a temporary reason.</source>
        <translation>No message failed for a temporary reason.</translation>
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
        <source>Cancel the selected campaigns: what is not sent yet stays back</source>
        <translation>Cancel the selected campaigns: what is not sent yet stays back</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Reschedule…</translation>
    </message>
    <message>
        <source>Choose another start for the campaign</source>
        <translation>Choose another start for the campaign</translation>
    </message>
    <message>
        <source>&amp;Edit message…</source>
        <translation>&amp;Edit message…</translation>
    </message>
    <message>
        <source>Change the text before the campaign starts</source>
        <translation>Change the text before the campaign starts</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Send &amp;now</translation>
    </message>
    <message>
        <source>Start the selected campaigns now</source>
        <translation>Start the selected campaigns now</translation>
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
        <source>Double-click a campaign to see its results</source>
        <translation>Double-click a campaign to see its results</translation>
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
        <source>&amp;Send…</source>
        <translation>&amp;Send…</translation>
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
        <source>N&amp;umbers</source>
        <translation>N&amp;umbers</translation>
    </message>
    <message>
        <source>Campai&amp;gn name</source>
        <translation>Campai&amp;gn name</translation>
    </message>
    <message>
        <source>The recipient list to send to (Contacts tab)</source>
        <translation>The recipient list to send to (Contacts tab)</translation>
    </message>
    <message>
        <source>Numbers pasted here are read as an import reads them: landlines and invalid numbers are left out and counted, never a reason to hold the others back</source>
        <translation>Numbers pasted here are read as an import reads them: landlines and invalid numbers are left out and counted, never a reason to hold the others back</translation>
    </message>
    <message>
        <source>Optional: the start of the message</source>
        <translation>Optional: the start of the message</translation>
    </message>
    <message>
        <source>How the campaign is named in Scheduled and History</source>
        <translation>How the campaign is named in Scheduled and History</translation>
    </message>
    <message>
        <source>Insert a column of the recipients ({name}…): each one reads their own value</source>
        <translation>Insert a column of the recipients ({name}…): each one reads their own value</translation>
    </message>
    <message>
        <source>Tem&amp;plates…</source>
        <translation>Tem&amp;plates…</translation>
    </message>
    <message>
        <source>Load a saved message or save this one</source>
        <translation>Load a saved message or save this one</translation>
    </message>
    <message>
        <source>&amp;Commercial message (STOP clause, sending window)</source>
        <translation>&amp;Commercial message (STOP clause, sending window)</translation>
    </message>
    <message>
        <source>Advertising: the gateway adds the STOP clause (a way to opt out) and the campaign is sent only within the sending window of Preferences</source>
        <translation>Advertising: the gateway adds the STOP clause (a way to opt out) and the campaign is sent only within the sending window of Preferences</translation>
    </message>
    <message>
        <source>Up to 11 letters or digits shown instead of a number; people cannot reply to a name</source>
        <translation>Up to 11 letters or digits shown instead of a number; people cannot reply to a name</translation>
    </message>
    <message>
        <source>Send as soon as the campaign is created</source>
        <translation>Send as soon as the campaign is created</translation>
    </message>
    <message>
        <source>Send at the date and time chosen</source>
        <translation>Send at the date and time chosen</translation>
    </message>
    <message>
        <source>The date and time the campaign starts (local time)</source>
        <translation>The date and time the campaign starts (local time)</translation>
    </message>
    <message>
        <source>What the first recipients will read, and the longest message</source>
        <translation>What the first recipients will read, and the longest message</translation>
    </message>
    <message>
        <source>Only the values merged into the message change (ç → c, œ → oe, ê → e); GSM-7&apos;s own é è ù à stay, and so does the text you wrote</source>
        <translation>Only the values merged into the message change (ç → c, œ → oe, ê → e); GSM-7&apos;s own é è ù à stay, and so does the text you wrote</translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln number</numerusform>
            <numerusform>%Ln numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>The sender “{sender}” is longer than 11 characters</source>
        <translation>The sender “{sender}” is longer than 11 characters</translation>
    </message>
    <message>
        <source>The sender “{sender}” must be 1 to 11 letters or digits (at least one letter)</source>
        <translation>The sender “{sender}” must be 1 to 11 letters or digits (at least one letter)</translation>
    </message>
    <message>
        <source>{sender} is not approved by the gateway yet ({status})</source>
        <translation>{sender} is not approved by the gateway yet ({status})</translation>
    </message>
    <message>
        <source>{instant} is in the past</source>
        <translation>{instant} is in the past</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Not sent: {reason}</translation>
    </message>
    <message>
        <source>Check the cost, then send (Ctrl+Return)</source>
        <translation>Check the cost, then send (Ctrl+Return)</translation>
    </message>
    <message numerus="yes">
        <source>+ %Ln other list(s)</source>
        <translation>
            <numerusform>+ %Ln other list</numerusform>
            <numerusform>+ %Ln other lists</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} ({reason})</source>
        <translation>{number} ({reason})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out: {numbers}</source>
        <translation>
            <numerusform>%Ln left out: {numbers}</numerusform>
            <numerusform>%Ln left out: {numbers}</numerusform>
        </translation>
    </message>
    <message>
        <source>No column for {names} in the recipients</source>
        <translation>No column for {names} in the recipients</translation>
    </message>
    <message numerus="yes">
        <source>No recipient to send to: %Ln number(s) left out (&apos;{number}&apos;: {reason})</source>
        <translation>
            <numerusform>No recipient to send to: %Ln number left out (&apos;{number}&apos;: {reason})</numerusform>
            <numerusform>No recipient to send to: %Ln numbers left out (&apos;{number}&apos;: {reason})</numerusform>
        </translation>
    </message>
    <message>
        <source>No recipient to send to</source>
        <translation>No recipient to send to</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln recipient</numerusform>
            <numerusform>%Ln recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s) removed</source>
        <translation>
            <numerusform>%Ln duplicate removed</numerusform>
            <numerusform>%Ln duplicates removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stop-listed removed</source>
        <translation>
            <numerusform>%Ln stop-listed removed</numerusform>
            <numerusform>%Ln stop-listed removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with no value for {fields}</source>
        <translation>
            <numerusform>%Ln with no value for {fields}</numerusform>
            <numerusform>%Ln with no value for {fields}</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: {parts} for {recipients}</source>
        <translation>Total: {parts} for {recipients}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s)</source>
        <translation>
            <numerusform>%Ln SMS part</numerusform>
            <numerusform>%Ln SMS parts</numerusform>
        </translation>
    </message>
    <message>
        <source>{total}, {count} in UCS-2</source>
        <translation>{total}, {count} in UCS-2</translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln part(s) per recipient once filled in</source>
        <translation>
            <numerusform>up to %Ln part per recipient once filled in</numerusform>
            <numerusform>up to %Ln parts per recipient once filled in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The merged values put %Ln message(s) in UCS-2: {parts} part(s) instead of {fewer}.</source>
        <translation>
            <numerusform>The merged values put %Ln message in UCS-2: {parts} part instead of {fewer}.</numerusform>
            <numerusform>The merged values put %Ln messages in UCS-2: {parts} parts instead of {fewer}.</numerusform>
        </translation>
    </message>
    <message>
        <source>T&amp;ransliterate the merged values (ç → c, œ → oe, ê → e)</source>
        <translation>T&amp;ransliterate the merged values (ç → c, œ → oe, ê → e)</translation>
    </message>
    <message>
        <source>{number} (longest)</source>
        <translation>{number} (longest)</translation>
    </message>
    <message>
        <source>Outside the sending window: the campaign will start {instant}</source>
        <translation>Outside the sending window: the campaign will start {instant}</translation>
    </message>
    <message>
        <source>Postponed: the campaign will start {instant}</source>
        <translation>Postponed: the campaign will start {instant}</translation>
    </message>
    <message>
        <source>Starts {instant}</source>
        <translation>Starts {instant}</translation>
    </message>
    <message>
        <source>Template “{name}” loaded</source>
        <translation>Template “{name}” loaded</translation>
    </message>
    <message numerus="yes">
        <source>Campaign {id}: %Ln message(s), will start {instant}</source>
        <translation>
            <numerusform>Campaign {id}: %Ln message, will start {instant}</numerusform>
            <numerusform>Campaign {id}: %Ln messages, will start {instant}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign {id}: %Ln message(s) queued</source>
        <translation>
            <numerusform>Campaign {id}: %Ln message queued</numerusform>
            <numerusform>Campaign {id}: %Ln messages queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stop-listed left out</source>
        <translation>
            <numerusform>%Ln stop-listed left out</numerusform>
            <numerusform>%Ln stop-listed left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invalid or landline number(s) left out</source>
        <translation>
            <numerusform>%Ln invalid or landline number left out</numerusform>
            <numerusform>%Ln invalid or landline numbers left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Test sent to {number}</source>
        <translation>Test sent to {number}</translation>
    </message>
    <message>
        <source>Test not sent: {reason}</source>
        <translation>Test not sent: {reason}</translation>
    </message>
    <message>
        <source>Recipient &amp;list</source>
        <translation>Recipient &amp;list</translation>
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
        <source>The gateway&apos;s default sender</source>
        <translation>The gateway&apos;s default sender</translation>
    </message>
    <message>
        <source>Send a test t&amp;o me</source>
        <translation>Send a test t&amp;o me</translation>
    </message>
    <message>
        <source>One copy to your own mobile, now, as the first recipient would read it</source>
        <translation>One copy to your own mobile, now, as the first recipient would read it</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Recipient lists: {reason}</source>
        <translation>Recipient lists: {reason}</translation>
    </message>
    <message>
        <source>{name} ({contacts})</source>
        <translation>{name} ({contacts})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln list(s) of that campaign no longer exist</source>
        <translation>
            <numerusform>%Ln list of that campaign no longer exist</numerusform>
            <numerusform>%Ln lists of that campaign no longer exist</numerusform>
        </translation>
    </message>
    <message>
        <source>Gateway {name}: {reason}</source>
        <translation>Gateway {name}: {reason}</translation>
    </message>
    <message>
        <source>{sender}: {status}</source>
        <translation>{sender}: {status}</translation>
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
        <source>in the past</source>
        <translation>in the past</translation>
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
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Everything in smsdesk can be done from the keyboard.</source>
        <translation>Everything in smsdesk can be done from the keyboard.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
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
        <translation>Number</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Message templates</source>
        <translation>Message templates</translation>
    </message>
    <message>
        <source>Saved messages; double-click one to load it</source>
        <translation>Saved messages; double-click one to load it</translation>
    </message>
    <message>
        <source>The template&apos;s text</source>
        <translation>The template&apos;s text</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Load</translation>
    </message>
    <message>
        <source>Put this template in the message (replaces it)</source>
        <translation>Put this template in the message (replaces it)</translation>
    </message>
    <message>
        <source>&amp;Save current message as…</source>
        <translation>&amp;Save current message as…</translation>
    </message>
    <message>
        <source>Keep the message being written as a template</source>
        <translation>Keep the message being written as a template</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>Give the selected template another name</source>
        <translation>Give the selected template another name</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Delete the selected template</source>
        <translation>Delete the selected template</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Back to the message</source>
        <translation>Back to the message</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Template name:</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>Rename template</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <source>Delete the template “{name}”?</source>
        <translation>Delete the template “{name}”?</translation>
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
<context>
    <name>words</name>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
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
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Retrying (phone)</source>
        <translation>Retrying (phone)</translation>
    </message>
    <message>
        <source>Retrying (operator)</source>
        <translation>Retrying (operator)</translation>
    </message>
    <message>
        <source>Accepted by the operator</source>
        <translation>Accepted by the operator</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>Undelivered</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Undeliverable</source>
        <translation>Undeliverable</translation>
    </message>
    <message>
        <source>No credit</source>
        <translation>No credit</translation>
    </message>
    <message>
        <source>Invalid or barred number</source>
        <translation>Invalid or barred number</translation>
    </message>
    <message>
        <source>Absent subscriber</source>
        <translation>Absent subscriber</translation>
    </message>
    <message>
        <source>Temporary network error</source>
        <translation>Temporary network error</translation>
    </message>
    <message>
        <source>Temporary phone error</source>
        <translation>Temporary phone error</translation>
    </message>
    <message>
        <source>Incompatible handset</source>
        <translation>Incompatible handset</translation>
    </message>
    <message>
        <source>Suspected spam</source>
        <translation>Suspected spam</translation>
    </message>
    <message>
        <source>Content not allowed</source>
        <translation>Content not allowed</translation>
    </message>
    <message>
        <source>Parental lock</source>
        <translation>Parental lock</translation>
    </message>
    <message>
        <source>Operator failure</source>
        <translation>Operator failure</translation>
    </message>
    <message>
        <source>Ported number unreachable</source>
        <translation>Ported number unreachable</translation>
    </message>
    <message>
        <source>Roaming</source>
        <translation>Roaming</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Buffered</source>
        <translation>Buffered</translation>
    </message>
    <message>
        <source>Error (not billed)</source>
        <translation>Error (not billed)</translation>
    </message>
    <message>
        <source>no delivery report</source>
        <translation>no delivery report</translation>
    </message>
    <message>
        <source>undeliverable receiver</source>
        <translation>undeliverable receiver</translation>
    </message>
    <message>
        <source>the gateway did not answer for this message; it may have been sent</source>
        <translation>the gateway did not answer for this message; it may have been sent</translation>
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
        <translation>DLR: {meaning}</translation>
    </message>
</context>
</TS>
