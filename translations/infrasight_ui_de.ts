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
    <name>infrasight::ui::CoordinateLabel</name>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="48"/>
        <source>Coordinate system of the projected position</source>
        <translation>Koordinatensystem der projizierten Position</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="53"/>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="83"/>
        <source>“%1” is not a coordinate system PROJ knows: %2. The coordinates stay in %3.</source>
        <translation>„%1“ ist kein Koordinatensystem, das PROJ kennt: %2. Die Koordinaten bleiben in %3.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="92"/>
        <source>No transformation from longitude/latitude to “%1”: %2. The coordinates stay in %3.</source>
        <translation>Keine Transformation von geografischer Länge/Breite nach „%1“: %2. Die Koordinaten bleiben in %3.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="130"/>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="138"/>
        <source>Coordinate System</source>
        <translation>Koordinatensystem</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="131"/>
        <source>Any coordinate system PROJ understands, e.g. EPSG:25832, “+proj=utm +zone=33 +datum=WGS84” or WKT:</source>
        <translation>Jedes Koordinatensystem, das PROJ versteht, z. B. EPSG:25832, „+proj=utm +zone=33 +datum=WGS84“ oder WKT:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="165"/>
        <source>Move the cursor over the map</source>
        <translation>Bewegen Sie den Mauszeiger über die Karte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="170"/>
        <source>%1° %2, %3° %4</source>
        <translation>%1° %2; %3° %4</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="172"/>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="172"/>
        <source>E</source>
        <translation>O</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="174"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="174"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="178"/>
        <source>%1 E  %2 N</source>
        <translation>%1 O  %2 N</translation>
    </message>
    <message>
        <location filename="../ui/widgets/coordinatelabel.cpp" line="181"/>
        <source>outside %1</source>
        <translation>außerhalb von %1</translation>
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
        <location filename="../ui/widgets/mainwindow.cpp" line="104"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="105"/>
        <source>Database: %1 — %2</source>
        <translation>Datenbank: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="110"/>
        <source>Starting the local database…</source>
        <translation>Die lokale Datenbank wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="113"/>
        <source>Connecting to the database…</source>
        <translation>Verbindung zur Datenbank wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="119"/>
        <source>Database connection lost — reconnecting by itself.</source>
        <translation>Datenbankverbindung verloren — sie wird automatisch wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="122"/>
        <source>Offline — no database connection.</source>
        <translation>Offline — keine Datenbankverbindung.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="125"/>
        <source>Waiting for your database login.</source>
        <translation>Warte auf Ihre Datenbank-Anmeldung.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="139"/>
        <source>Database server: %1</source>
        <translation>Datenbankserver: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="173"/>
        <source>City: %1</source>
        <translation>Stadt: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="175"/>
        <source>Assets: %1</source>
        <translation>Anlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="176"/>
        <source>Sensors: %1</source>
        <translation>Sensoren: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="177"/>
        <source>Open work orders: %1</source>
        <translation>Offene Arbeitsaufträge: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="260"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="261"/>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="263"/>
        <source>No alarm list in this build yet.</source>
        <translation>Diese Version enthält noch keine Alarmliste.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="265"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="267"/>
        <source>Select an asset on the map to see its details here.</source>
        <translation>Wählen Sie eine Anlage auf der Karte aus, um hier ihre Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="276"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="313"/>
        <source>Layers appear here once the database is connected.</source>
        <translation>Die Ebenen erscheinen hier, sobald die Datenbank verbunden ist.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="347"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="350"/>
        <source>&amp;Connect to Database…</source>
        <translation>Mit Datenbank &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="353"/>
        <source>Connect to a PostgreSQL/PostGIS database</source>
        <translation>Mit einer PostgreSQL/PostGIS-Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="356"/>
        <source>Use &amp;Local Database</source>
        <translation>&amp;Lokale Datenbank verwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="358"/>
        <source>Use the private database on this computer</source>
        <translation>Die private Datenbank auf diesem Computer verwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="360"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="365"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="371"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="381"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="392"/>
        <source>&amp;Layers</source>
        <translation>&amp;Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="394"/>
        <source>&amp;Add Layer…</source>
        <translation>Ebene &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="395"/>
        <source>&amp;Import File…</source>
        <translation>Datei &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="397"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="399"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="411"/>
        <source>&amp;Pan</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="412"/>
        <source>&amp;Identify</source>
        <translation>&amp;Abfragen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="413"/>
        <source>&amp;Select</source>
        <translation>Aus&amp;wählen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="414"/>
        <source>&amp;Measure Distance</source>
        <translation>Strecke &amp;messen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="415"/>
        <source>Draw &amp;Geofence</source>
        <translation>&amp;Geozaun zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="417"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="556"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="560"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="444"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="432"/>
        <source>Drag the map to move it; the wheel zooms under the cursor</source>
        <translation>Ziehen Sie die Karte, um sie zu verschieben; das Mausrad zoomt an der Position des Mauszeigers</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="433"/>
        <source>Not part of this build yet</source>
        <translation>In dieser Version noch nicht enthalten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="446"/>
        <source>&amp;About Infrasight</source>
        <translation>&amp;Über Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="448"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="464"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="465"/>
        <source>Stop this job; nothing it did so far is kept</source>
        <translation>Diesen Vorgang abbrechen; nichts davon wird übernommen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="469"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="519"/>
        <source>Connect to Database</source>
        <translation>Mit Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="520"/>
        <source>PostgreSQL connection string or URI, e.g.
host=db.example.org dbname=infrasight user=alice
or service=infrasight (pg_service.conf). Passwords come from ~/.pgpass or the login dialog; they are never saved.</source>
        <translation>PostgreSQL-Verbindungszeichenfolge oder URI, z. B.
host=db.example.org dbname=infrasight user=alice
oder service=infrasight (pg_service.conf). Passwörter kommen aus ~/.pgpass oder dem Anmeldedialog; sie werden nie gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="539"/>
        <source>About Infrasight</source>
        <translation>Über Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="541"/>
        <source>&lt;h3&gt;Infrasight %1&lt;/h3&gt;&lt;p&gt;GIS operations console for a city&apos;s infrastructure.&lt;/p&gt;&lt;p&gt;Map data %2, available under the Open Database License.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Infrasight %1&lt;/h3&gt;&lt;p&gt;GIS-Leitstand für die Infrastruktur einer Stadt.&lt;/p&gt;&lt;p&gt;Kartendaten %2, verfügbar unter der Open Database License.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="552"/>
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="563"/>
        <source>Zoom to &amp;City</source>
        <translation>Auf &amp;Stadt zoomen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="566"/>
        <source>Show the whole city (Home on the map)</source>
        <translation>Die ganze Stadt zeigen (Pos1 auf der Karte)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="567"/>
        <source>Zoom to &amp;Rectangle</source>
        <translation>Auf &amp;Rechteck zoomen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="570"/>
        <source>Drag a rectangle on the map to show it (or Shift+drag at any time)</source>
        <translation>Ziehen Sie ein Rechteck auf der Karte auf, um diesen Ausschnitt zu zeigen (oder jederzeit mit Umschalt+Ziehen)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="576"/>
        <source>Map &amp;Source…</source>
        <translation>Karten&amp;quelle…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="578"/>
        <source>Choose the basemap: OpenStreetMap, a tile URL or an MBTiles file</source>
        <translation>Grundkarte wählen: OpenStreetMap, eine Kachel-URL oder eine MBTiles-Datei</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="589"/>
        <source>Map: %1</source>
        <translation>Karte: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="596"/>
        <source>Infrasight</source>
        <translation>Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="596"/>
        <source>%1 — Infrasight</source>
        <translation>%1 — Infrasight</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::MapCanvas</name>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="67"/>
        <source>Offline basemap (MBTiles)</source>
        <translation>Offline-Grundkarte (MBTiles)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="72"/>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="277"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="279"/>
        <location filename="../ui/widgets/mapcanvas.cpp" line="281"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="676"/>
        <source>Map source problem: %1</source>
        <translation>Problem mit der Kartenquelle: %1</translation>
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
<context>
    <name>infrasight::ui::MapSourceDialog</name>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="23"/>
        <source>&amp;Automatic: OpenStreetMap when reachable, else the offline basemap</source>
        <translation>&amp;Automatisch: OpenStreetMap, wenn erreichbar, sonst die Offline-Grundkarte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="26"/>
        <source>&amp;OpenStreetMap standard (tile.openstreetmap.org)</source>
        <translation>&amp;OpenStreetMap Standard (tile.openstreetmap.org)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="27"/>
        <source>&amp;Custom tile URL template</source>
        <translation>&amp;Eigene Kachel-URL-Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="28"/>
        <source>&amp;MBTiles file (offline)</source>
        <translation>&amp;MBTiles-Datei (offline)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="36"/>
        <source>Map Source</source>
        <translation>Kartenquelle</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="56"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="60"/>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="61"/>
        <source>Attribution:</source>
        <translation>Quellenangabe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="112"/>
        <source>Offline basemap: %1</source>
        <translation>Offline-Grundkarte: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="126"/>
        <source>There is no file “%1”.</source>
        <translation>Es gibt keine Datei „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="148"/>
        <source>MBTiles File</source>
        <translation>MBTiles-Datei</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapsourcedialog.cpp" line="150"/>
        <source>MBTiles files (*.mbtiles);;All files (*)</source>
        <translation>MBTiles-Dateien (*.mbtiles);;Alle Dateien (*)</translation>
    </message>
</context>
</TS>
