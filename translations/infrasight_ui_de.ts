<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_GB">
<context>
    <name>infrasight::models::CitySummaryModel</name>
    <message numerus="yes">
        <location filename="../models/citysummarymodel.cpp" line="70"/>
        <source>%1 (%2): %n asset(s)</source>
        <translation>
            <numerusform>%1 (%2): %n Anlage</numerusform>
            <numerusform>%1 (%2): %n Anlagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/citysummarymodel.cpp" line="104"/>
        <source>Asset type</source>
        <translation>Anlagentyp</translation>
    </message>
    <message>
        <location filename="../models/citysummarymodel.cpp" line="106"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::ConnectionIndicator</name>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="64"/>
        <source>Starting local database…</source>
        <translation>Lokale Datenbank wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="66"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="68"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="70"/>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="72"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="74"/>
        <source>Password required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="154"/>
        <location filename="../ui/widgets/connectionindicator.cpp" line="155"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connectionindicator.cpp" line="156"/>
        <source>Database: %1
%2</source>
        <translation>Datenbank: %1
%2</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::LoginDialog</name>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="22"/>
        <source>Database Login</source>
        <translation>Datenbank-Anmeldung</translation>
    </message>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="25"/>
        <source>&lt;b&gt;The database asks for your password.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die Datenbank verlangt Ihr Passwort.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="39"/>
        <source>Your password is not saved. To log in without this dialog, add an entry to ~/.pgpass.</source>
        <translation>Ihr Passwort wird nicht gespeichert. Um sich ohne diesen Dialog anzumelden, legen Sie einen Eintrag in ~/.pgpass an.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="46"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="47"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="48"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="51"/>
        <source>Log In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/logindialog.cpp" line="52"/>
        <source>Work Offline</source>
        <translation>Offline arbeiten</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::MainWindow</name>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="102"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="103"/>
        <source>Database: %1 — %2</source>
        <translation>Datenbank: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="108"/>
        <source>Starting the local database…</source>
        <translation>Die lokale Datenbank wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="111"/>
        <source>Connecting to the database…</source>
        <translation>Verbindung zur Datenbank wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="114"/>
        <source>Connected. The map canvas is not part of this build yet.</source>
        <translation>Verbunden. Die Kartenansicht ist in dieser Version noch nicht enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="117"/>
        <source>Database connection lost — reconnecting by itself.</source>
        <translation>Datenbankverbindung verloren — sie wird automatisch wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="120"/>
        <source>Offline — no database connection.</source>
        <translation>Offline — keine Datenbankverbindung.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="123"/>
        <source>Waiting for your database login.</source>
        <translation>Warte auf Ihre Datenbank-Anmeldung.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="137"/>
        <source>Database server: %1</source>
        <translation>Datenbankserver: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="171"/>
        <source>City: %1</source>
        <translation>Stadt: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="173"/>
        <source>Assets: %1</source>
        <translation>Anlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="174"/>
        <source>Sensors: %1</source>
        <translation>Sensoren: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="175"/>
        <source>Open work orders: %1</source>
        <translation>Offene Arbeitsaufträge: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="258"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="259"/>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="261"/>
        <source>No alarm list in this build yet.</source>
        <translation>Diese Version enthält noch keine Alarmliste.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="263"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="265"/>
        <source>Select an asset on the map to see its details here.</source>
        <translation>Wählen Sie eine Anlage auf der Karte aus, um hier ihre Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="274"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="311"/>
        <source>Layers appear here once the database is connected.</source>
        <translation>Die Ebenen erscheinen hier, sobald die Datenbank verbunden ist.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="345"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="348"/>
        <source>&amp;Connect to Database…</source>
        <translation>Mit Datenbank &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="351"/>
        <source>Connect to a PostgreSQL/PostGIS database</source>
        <translation>Mit einer PostgreSQL/PostGIS-Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="354"/>
        <source>Use &amp;Local Database</source>
        <translation>&amp;Lokale Datenbank verwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="356"/>
        <source>Use the private database on this computer</source>
        <translation>Die private Datenbank auf diesem Computer verwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="358"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="363"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="369"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="379"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="390"/>
        <source>&amp;Layers</source>
        <translation>&amp;Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="392"/>
        <source>&amp;Add Layer…</source>
        <translation>Ebene &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="393"/>
        <source>&amp;Import File…</source>
        <translation>Datei &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="395"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="397"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="409"/>
        <source>&amp;Pan</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="410"/>
        <source>&amp;Identify</source>
        <translation>&amp;Abfragen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="411"/>
        <source>&amp;Select</source>
        <translation>Aus&amp;wählen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="412"/>
        <source>&amp;Measure Distance</source>
        <translation>Strecke &amp;messen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="413"/>
        <source>Draw &amp;Geofence</source>
        <translation>&amp;Geozaun zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="415"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="428"/>
        <location filename="../ui/widgets/mainwindow.cpp" line="438"/>
        <source>Available once the map canvas is part of the console</source>
        <translation>Verfügbar, sobald die Kartenansicht Teil der Konsole ist</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="433"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="434"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="441"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="443"/>
        <source>&amp;About Infrasight</source>
        <translation>&amp;Über Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="445"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="461"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="462"/>
        <source>Stop this job; nothing it did so far is kept</source>
        <translation>Diesen Vorgang abbrechen; nichts davon wird übernommen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="466"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="499"/>
        <source>Connect to Database</source>
        <translation>Mit Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="500"/>
        <source>PostgreSQL connection string or URI, e.g.
host=db.example.org dbname=infrasight user=alice
or service=infrasight (pg_service.conf). Passwords come from ~/.pgpass or the login dialog; they are never saved.</source>
        <translation>PostgreSQL-Verbindungszeichenfolge oder URI, z. B.
host=db.example.org dbname=infrasight user=alice
oder service=infrasight (pg_service.conf). Passwörter kommen aus ~/.pgpass oder dem Anmeldedialog; sie werden nie gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="519"/>
        <source>About Infrasight</source>
        <translation>Über Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="521"/>
        <source>&lt;h3&gt;Infrasight %1&lt;/h3&gt;&lt;p&gt;GIS operations console for a city&apos;s infrastructure.&lt;/p&gt;&lt;p&gt;Map data %2, available under the Open Database License.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Infrasight %1&lt;/h3&gt;&lt;p&gt;GIS-Leitstand für die Infrastruktur einer Stadt.&lt;/p&gt;&lt;p&gt;Kartendaten %2, verfügbar unter der Open Database License.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="530"/>
        <source>Infrasight</source>
        <translation>Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="530"/>
        <source>%1 — Infrasight</source>
        <translation>%1 — Infrasight</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::MapPlaceholder</name>
    <message>
        <location filename="../ui/widgets/mapplaceholder.cpp" line="24"/>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapplaceholder.cpp" line="41"/>
        <source>© OpenStreetMap contributors</source>
        <translation>© OpenStreetMap-Mitwirkende</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapplaceholder.cpp" line="100"/>
        <source>Infrasight</source>
        <translation>Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapplaceholder.cpp" line="102"/>
        <source>The map canvas is not part of this build yet.</source>
        <translation>Die Kartenansicht ist in dieser Version noch nicht enthalten.</translation>
    </message>
</context>
</TS>
