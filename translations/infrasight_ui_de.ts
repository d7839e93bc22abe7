<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_GB">
<context>
    <name>infrasight::ui::AlarmPanel</name>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="67"/>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Quittieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="85"/>
        <source>All open alarms</source>
        <translation>Alle offenen Alarme</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="86"/>
        <source>Critical only</source>
        <translation>Nur kritische</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="87"/>
        <source>New only</source>
        <translation>Nur neue</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="93"/>
        <source>Acknowledge the selected alarms (Space; Ctrl+Return with a comment)</source>
        <translation>Die gewählten Alarme quittieren (Leertaste; Strg+Eingabetaste mit Kommentar)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="97"/>
        <source>Acknowledge with &amp;Comment…</source>
        <translation>Mit &amp;Kommentar quittieren…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="160"/>
        <source>Acknowledge Alarms</source>
        <translation>Alarme quittieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="161"/>
        <source>Comment (who was told, what happens next):</source>
        <translation>Kommentar (wer informiert wurde, was als Nächstes geschieht):</translation>
    </message>
    <message>
        <location filename="../ui/widgets/alarmpanel.cpp" line="179"/>
        <source>%1 critical and %2 warning(s) new; %3 open</source>
        <translation>%1 kritische und %2 Warnung(en) neu; %3 offen</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::AssetDetailsPanel</name>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="73"/>
        <source>Zoom to</source>
        <translation>Hinzoomen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="97"/>
        <source>Show this asset on the map</source>
        <translation>Diese Anlage auf der Karte zeigen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="106"/>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="190"/>
        <source>Click an asset on the map with the Identify tool, or find one with the search box (Ctrl+K).</source>
        <translation>Klicken Sie mit dem Werkzeug „Abfragen“ auf eine Anlage in der Karte, oder suchen Sie eine über das Suchfeld (Strg+K).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="110"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="110"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="112"/>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="115"/>
        <source>Code</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="112"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="112"/>
        <source>Last value</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="112"/>
        <source>Last seen</source>
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="115"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="115"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="115"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="115"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="118"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="118"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="118"/>
        <source>What changed</source>
        <translation>Was geändert wurde</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="119"/>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="120"/>
        <source>Double-click a sensor (or press Enter) to open its live chart</source>
        <translation>Doppelklick auf einen Sensor (oder Eingabetaste) öffnet sein Live-Diagramm</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="126"/>
        <source>Sensors</source>
        <translation>Sensoren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="127"/>
        <source>Work orders</source>
        <translation>Arbeitsaufträge</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="128"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="174"/>
        <source>Nothing here.</source>
        <translation>Hier ist nichts.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="210"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="217"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="220"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="223"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="226"/>
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="266"/>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="268"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="270"/>
        <source>Asset %1</source>
        <translation>Anlage %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="274"/>
        <source>This asset no longer exists.</source>
        <translation>Diese Anlage existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="276"/>
        <source>Could not load all details: %1</source>
        <translation>Nicht alle Details konnten geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="278"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="353"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="355"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="357"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="367"/>
        <source>Sensors (%1)</source>
        <translation>Sensoren (%1)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="369"/>
        <source>Work orders (%1)</source>
        <translation>Arbeitsaufträge (%1)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetdetailspanel.cpp" line="370"/>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::AssetMapController</name>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="179"/>
        <source>A map layer could not be loaded: %1</source>
        <translation>Eine Kartenebene konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="223"/>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="565"/>
        <source>Selection failed</source>
        <translation>Auswahl fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="262"/>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="269"/>
        <source>The asset layers could not be read</source>
        <translation>Die Anlagenebenen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="308"/>
        <source>The extent could not be read</source>
        <translation>Die Ausdehnung konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="333"/>
        <source>The asset could not be read</source>
        <translation>Die Anlage konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="363"/>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="443"/>
        <source>Identify failed</source>
        <translation>Abfrage fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="373"/>
        <source>No asset here</source>
        <translation>Keine Anlage hier</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="374"/>
        <source>%n asset(s) here</source>
        <translation>
            <numerusform>%n Anlage hier</numerusform>
            <numerusform>%n Anlagen hier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="437"/>
        <source>Cluster: %1 × %2 (first %3)</source>
        <translation>Cluster: %1 × %2 (die ersten %3)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="438"/>
        <source>Cluster: %1 × %2</source>
        <translation>Cluster: %1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="481"/>
        <source>The asset could not be moved</source>
        <translation>Die Anlage konnte nicht verschoben werden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="498"/>
        <source>%1 could not be moved</source>
        <translation>%1 konnte nicht verschoben werden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="494"/>
        <source>%1 was changed by someone else meanwhile; the map shows their version. Move it again if needed.</source>
        <translation>%1 wurde inzwischen von jemand anderem geändert; die Karte zeigt nun die geänderte Fassung. Verschieben Sie die Anlage bei Bedarf erneut.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="501"/>
        <source>%1 moved.</source>
        <translation>%1 verschoben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/assetmapcontroller.cpp" line="574"/>
        <source>%n asset(s) selected</source>
        <translation>
            <numerusform>%n Anlage ausgewählt</numerusform>
            <numerusform>%n Anlagen ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>infrasight::ui::AttributeTablePanel</name>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="103"/>
        <source>Filter by code, name or street</source>
        <translation>Nach Kennung, Name oder Straße filtern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="107"/>
        <source>Selected only</source>
        <translation>Nur ausgewählte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="133"/>
        <source>Zoom to Selection</source>
        <translation>Auf Auswahl zoomen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="134"/>
        <source>Show the selected assets on the map</source>
        <translation>Die ausgewählten Anlagen auf der Karte zeigen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="135"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="137"/>
        <source>Copy the selected rows (%1)</source>
        <translation>Die ausgewählten Zeilen kopieren (%1)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="139"/>
        <source>Clear Selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="366"/>
        <source>1 asset</source>
        <translation>1 Anlage</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="366"/>
        <source>%1 assets</source>
        <translation>%1 Anlagen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="369"/>
        <source>%1 of about %2 assets</source>
        <translation>%1 von etwa %2 Anlagen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="374"/>
        <source>(loading…)</source>
        <translation>(wird geladen…)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/attributetablepanel.cpp" line="377"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
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
    <name>infrasight::ui::GeofenceConflictDialog</name>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="32"/>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="36"/>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="37"/>
        <source>Purpose: %1</source>
        <translation>Zweck: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="38"/>
        <source>Shape: %n part(s)</source>
        <translation>
            <numerusform>Form: %n Teil</numerusform>
            <numerusform>Form: %n Teile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="39"/>
        <source>, %n vertices</source>
        <translation>
            <numerusform>, %n Stützpunkt</numerusform>
            <numerusform>, %n Stützpunkte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="40"/>
        <source>Rules: %1</source>
        <translation>Regeln: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="42"/>
        <source>Active: %1</source>
        <translation>Aktiv: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="42"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="42"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="44"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="45"/>
        <source>Version %1, saved by %2 at %3</source>
        <translation>Version %1, gespeichert von %2 am %3</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="58"/>
        <source>Geofence changed by someone else</source>
        <translation>Geofence von jemand anderem geändert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="60"/>
        <source>Someone else saved “%1” while you were editing it. Nothing of yours has been written. Compare and choose.</source>
        <translation>Jemand anders hat „%1“ gespeichert, während Sie ihn bearbeitet haben. Von Ihren Änderungen wurde nichts geschrieben. Vergleichen Sie und wählen Sie.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="67"/>
        <source>&lt;b&gt;Yours (not saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ihre (nicht gespeichert)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="68"/>
        <source>&lt;b&gt;Theirs (saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die andere (gespeichert)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="85"/>
        <source>Save &amp;Mine over Theirs</source>
        <translation>&amp;Meine über die andere speichern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="86"/>
        <source>Save &amp;Mine as a New Geofence</source>
        <translation>&amp;Meine als neuen Geofence speichern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="89"/>
        <source>&amp;Take Theirs</source>
        <translation>Die andere &amp;übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceconflictdialog.cpp" line="93"/>
        <source>&amp;Keep Editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::GeofenceCoordinatesDialog</name>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="28"/>
        <source>“%1” is not a pair of decimal numbers</source>
        <translation>„%1“ ist kein Paar von Dezimalzahlen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="31"/>
        <source>“%1” is not one longitude and one latitude</source>
        <translation>„%1“ ist nicht genau eine Länge und eine Breite</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="35"/>
        <source>“%1” is outside the world (longitude ±180, latitude ±90)</source>
        <translation>„%1“ liegt außerhalb der Welt (Länge ±180, Breite ±90)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="40"/>
        <source>a ring ending here has fewer than 3 vertices</source>
        <translation>ein hier endender Ring hat weniger als 3 Stützpunkte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="43"/>
        <source>Enter at least three vertices.</source>
        <translation>Geben Sie mindestens drei Stützpunkte ein.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="45"/>
        <source>Line %1: %2.</source>
        <translation>Zeile %1: %2.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="65"/>
        <source>Geofence Coordinates</source>
        <translation>Geofence-Koordinaten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="71"/>
        <source>One vertex per line as “longitude latitude” in degrees (WGS 84). An empty line starts a hole; a line “part” starts another polygon.</source>
        <translation>Ein Stützpunkt pro Zeile als „Länge Breite“ in Grad (WGS 84). Eine leere Zeile beginnt ein Loch; eine Zeile „part“ beginnt ein weiteres Polygon.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="82"/>
        <source>&amp;Vertices</source>
        <translation>&amp;Stützpunkte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="104"/>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="106"/>
        <source>Centre &amp;longitude:</source>
        <translation>Mittelpunkt-&amp;Länge:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="107"/>
        <source>Centre l&amp;atitude:</source>
        <translation>Mittelpunkt-&amp;Breite:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="108"/>
        <source>&amp;Radius:</source>
        <translation>&amp;Radius:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="109"/>
        <source>&amp;Circle</source>
        <translation>&amp;Kreis</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencecoordinatesdialog.cpp" line="112"/>
        <source>Add as another &amp;part (keep the current shape)</source>
        <translation>Als weiteren &amp;Teil hinzufügen (die jetzige Form bleibt)</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::GeofenceEditTool</name>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="102"/>
        <source>Drag a vertex to move it, double-click an edge to add one, Delete removes the selected one; drag inside to move the fence</source>
        <translation>Stützpunkt ziehen verschiebt ihn, Doppelklick auf eine Kante fügt einen hinzu, Entf löscht den gewählten; Ziehen im Inneren verschiebt den Geofence</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="106"/>
        <source>Drag from one corner to the other</source>
        <translation>Von einer Ecke zur anderen ziehen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="109"/>
        <source>Drag from the centre outwards; the radius is in metres</source>
        <translation>Vom Mittelpunkt nach außen ziehen; der Radius ist in Metern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="112"/>
        <source>Click the corridor&apos;s line, Enter to finish (%1 m either side)</source>
        <translation>Die Linie des Korridors klicken, Eingabe beendet (%1 m zu jeder Seite)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="116"/>
        <source>Click the vertices; double-click or Enter finishes, Backspace or a right-click takes the last one back, Escape cancels</source>
        <translation>Stützpunkte klicken; Doppelklick oder Eingabe beendet, Rücktaste oder Rechtsklick nimmt den letzten zurück, Esc bricht ab</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="346"/>
        <source>Radius %1 m</source>
        <translation>Radius %1 m</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="509"/>
        <source>A ring keeps at least three vertices</source>
        <translation>Ein Ring behält mindestens drei Stützpunkte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="564"/>
        <source>Not enough points for a shape yet</source>
        <translation>Noch nicht genug Punkte für eine Form</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="581"/>
        <source>Draw geofence</source>
        <translation>Geofence zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="597"/>
        <source>Add hole</source>
        <translation>Loch hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofenceedittool.cpp" line="601"/>
        <source>Add part</source>
        <translation>Teil hinzufügen</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::GeofencePanel</name>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="55"/>
        <source>no alarm</source>
        <translation>kein Alarm</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="56"/>
        <source>warning alarm</source>
        <translation>Warnalarm</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="57"/>
        <source>critical alarm</source>
        <translation>kritischer Alarm</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="76"/>
        <source>Maintenance zone</source>
        <translation>Wartungszone</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="79"/>
        <source>Restricted area</source>
        <translation>Sperrgebiet</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="82"/>
        <source>District</source>
        <translation>Bezirk</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="84"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="109"/>
        <source>New &amp;Geofence</source>
        <translation>Neuer &amp;Geofence</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="111"/>
        <source>Dele&amp;te…</source>
        <translation>Lösc&amp;hen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="174"/>
        <source>Someone deleted this geofence; your changes are kept, and Save offers to keep them as a new geofence.</source>
        <translation>Jemand hat diesen Geofence gelöscht; Ihre Änderungen bleiben erhalten, und Speichern bietet an, sie als neuen Geofence zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="181"/>
        <source>Someone deleted the geofence you had open.</source>
        <translation>Jemand hat den geöffneten Geofence gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="189"/>
        <source>%1 saved a newer version of this geofence; your changes are kept, and saving will show both.</source>
        <translation>%1 hat eine neuere Version dieses Geofence gespeichert; Ihre Änderungen bleiben erhalten, und beim Speichern werden beide gezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="197"/>
        <source>Updated to the version %1 saved.</source>
        <translation>Auf die von %1 gespeicherte Version aktualisiert.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="206"/>
        <source>Your changes are kept.</source>
        <translation>Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="214"/>
        <source>Geofence deleted.</source>
        <translation>Geofence gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="242"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="243"/>
        <source>Drag vertices, double-click an edge to add one, Delete removes one</source>
        <translation>Stützpunkte ziehen, Doppelklick auf eine Kante fügt einen hinzu, Entf löscht einen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="246"/>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="247"/>
        <source>Click the vertices; double-click or Enter finishes</source>
        <translation>Stützpunkte klicken; Doppelklick oder Eingabe beendet</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="250"/>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="251"/>
        <source>Drag from corner to corner</source>
        <translation>Von Ecke zu Ecke ziehen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="254"/>
        <source>Circle</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="255"/>
        <source>Drag from the centre; the radius is geodesic, in metres</source>
        <translation>Vom Mittelpunkt aus ziehen; der Radius ist geodätisch, in Metern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="258"/>
        <source>Corridor</source>
        <translation>Korridor</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="259"/>
        <source>Click a line; Enter buffers it by the corridor width</source>
        <translation>Eine Linie klicken; Eingabe puffert sie um die Korridorbreite</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="262"/>
        <source>Hole</source>
        <translation>Loch</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="263"/>
        <source>Draw a hole inside the fence</source>
        <translation>Ein Loch im Geofence zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="266"/>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="267"/>
        <source>Draw another polygon of the same fence</source>
        <translation>Ein weiteres Polygon desselben Geofence zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="289"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="293"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="301"/>
        <source>Coordinates…</source>
        <translation>Koordinaten…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="303"/>
        <source>Type the vertices, or a circle&apos;s centre and radius</source>
        <translation>Die Stützpunkte eingeben, oder Mittelpunkt und Radius eines Kreises</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="304"/>
        <source>Snap</source>
        <translation>Fangen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="308"/>
        <source>Snap to the vertices and edges of other geofences and of the asset layers shown, within %1 px</source>
        <translation>Auf Stützpunkte und Kanten anderer Geofences und der gezeigten Anlagenebenen fangen, innerhalb von %1 px</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="323"/>
        <location filename="../ui/widgets/geofencepanel.cpp" line="445"/>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="325"/>
        <source>Width of the corridor the Corridor tool draws (metres, geodesic)</source>
        <translation>Breite des Korridors, den das Korridor-Werkzeug zeichnet (Meter, geodätisch)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="327"/>
        <source>Corridor:</source>
        <translation>Korridor:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="343"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="353"/>
        <source>The fence&apos;s colour on the map (its purpose&apos;s colour unless chosen)</source>
        <translation>Die Farbe des Geofence auf der Karte (die Farbe seines Zwecks, wenn keine gewählt ist)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="355"/>
        <source>Use the Purpose&apos;s Colour</source>
        <translation>Farbe des Zwecks verwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="365"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="369"/>
        <source>&amp;Active (events are recorded)</source>
        <translation>&amp;Aktiv (Ereignisse werden erfasst)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="373"/>
        <source>At all t&amp;imes</source>
        <translation>&amp;Immer</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="463"/>
        <source>Dis&amp;card</source>
        <translation>Ver&amp;werfen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="391"/>
        <source>Until (not included); before From means overnight</source>
        <translation>Bis (ausschließlich); vor „Von“ heißt über Nacht</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="394"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="397"/>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="408"/>
        <source>&amp;Enter</source>
        <translation>&amp;Betreten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="415"/>
        <source>E&amp;xit</source>
        <translation>&amp;Verlassen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="421"/>
        <source>&amp;Dwell ≥</source>
        <translation>Verw&amp;eilen ≥</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="426"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="432"/>
        <source>Rules:</source>
        <translation>Regeln:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="437"/>
        <source>every class</source>
        <translation>jede Klasse</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="438"/>
        <source>Object classes the rules apply to, separated by commas (a vehicle&apos;s class is its crew&apos;s department code)</source>
        <translation>Objektklassen, für die die Regeln gelten, durch Kommas getrennt (die Klasse eines Fahrzeugs ist der Abteilungscode seines Trupps)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="440"/>
        <source>C&amp;lasses:</source>
        <translation>K&amp;lassen:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="446"/>
        <source>Hysteresis band either side of the border: GPS jitter within it raises nothing</source>
        <translation>Hystereseband zu beiden Seiten der Grenze: GPS-Zittern darin löst nichts aus</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="448"/>
        <source>&amp;Band:</source>
        <translation>Ban&amp;d:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="456"/>
        <source>&amp;Repair Shape</source>
        <translation>Form &amp;reparieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="458"/>
        <source>Make the shape valid with GEOS&apos;s structure method (one undo step)</source>
        <translation>Die Form mit der Strukturmethode von GEOS gültig machen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="461"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="501"/>
        <source>Select on &amp;Map</source>
        <translation>Auf der &amp;Karte auswählen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="503"/>
        <source>Make the assets inside the fence the map&apos;s selection</source>
        <translation>Die Anlagen im Geofence zur Auswahl auf der Karte machen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="509"/>
        <source>Assets inside</source>
        <translation>Anlagen darin</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="509"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="531"/>
        <source>“%1” has unsaved changes: save or discard them first.</source>
        <translation>„%1“ hat ungespeicherte Änderungen: zuerst speichern oder verwerfen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="532"/>
        <location filename="../ui/widgets/geofencepanel.cpp" line="563"/>
        <source>New geofence</source>
        <translation>Neuer Geofence</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="733"/>
        <source>Enter coordinates</source>
        <translation>Koordinaten eingeben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="747"/>
        <source> at %1, %2</source>
        <translation> bei %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="751"/>
        <source>The shape is not valid: %1%2 (red marker). Move the vertices there, or Repair.</source>
        <translation>Die Form ist nicht gültig: %1%2 (rote Markierung). Verschieben Sie die Stützpunkte dort, oder reparieren Sie sie.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="767"/>
        <source>Not saved: give the geofence a name.</source>
        <translation>Nicht gespeichert: Geben Sie dem Geofence einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="772"/>
        <source>Not saved: draw the geofence&apos;s shape first.</source>
        <translation>Nicht gespeichert: Zeichnen Sie zuerst die Form des Geofence.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="778"/>
        <source>Not saved: choose at least one day, or “At all times”.</source>
        <translation>Nicht gespeichert: Wählen Sie mindestens einen Tag oder „Immer“.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="782"/>
        <source>Not saved: choose at least one event (enter, exit or dwell).</source>
        <translation>Nicht gespeichert: Wählen Sie mindestens ein Ereignis (Betreten, Verlassen oder Verweilen).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="788"/>
        <source>Not saved: </source>
        <translation>Nicht gespeichert: </translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="792"/>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="808"/>
        <source>Saved “%1” (version %2).</source>
        <translation>„%1“ gespeichert (Version %2).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="818"/>
        <source>Not saved: someone else deleted this geofence. Your changes are kept.</source>
        <translation>Nicht gespeichert: Jemand anders hat diesen Geofence gelöscht. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="819"/>
        <source>Not saved: %1 saved this geofence first. Your changes are kept.</source>
        <translation>Nicht gespeichert: %1 hat diesen Geofence zuerst gespeichert. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="835"/>
        <source>Saving yours over theirs…</source>
        <translation>Ihre Version wird über die andere gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="836"/>
        <source>Saving yours as a new geofence…</source>
        <translation>Ihre Version wird als neuer Geofence gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="843"/>
        <source>Showing the version %1 saved.</source>
        <translation>Die von %1 gespeicherte Version wird gezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="870"/>
        <source>Changes discarded.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="878"/>
        <source>The shape cannot be repaired: nothing of an area is left. Redraw it.</source>
        <translation>Die Form lässt sich nicht reparieren: Es bleibt keine Fläche übrig. Zeichnen Sie sie neu.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="882"/>
        <source>Repair shape</source>
        <translation>Form reparieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="885"/>
        <source>Repaired: check the shape, then save.</source>
        <translation>Repariert: Prüfen Sie die Form, dann speichern.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="897"/>
        <source>Delete Geofence</source>
        <translation>Geofence löschen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="898"/>
        <source>Delete “%1” and its events for everyone?</source>
        <translation>„%1“ und seine Ereignisse für alle löschen?</translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="933"/>
        <source>Save the fence to see the assets inside it.</source>
        <translation>Speichern Sie den Geofence, um die Anlagen darin zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/geofencepanel.cpp" line="934"/>
        <source>%n asset(s) inside</source>
        <translation>
            <numerusform>%n Anlage darin</numerusform>
            <numerusform>%n Anlagen darin</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/geofencepanel.cpp" line="975"/>
        <source>Choose a geofence, or draw a new one.</source>
        <translation>Wählen Sie einen Geofence, oder zeichnen Sie einen neuen.</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::LayerPanel</name>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="53"/>
        <source>Map layers</source>
        <translation>Kartenebenen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="56"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="57"/>
        <source>Draw the layer above the one before it in its group</source>
        <translation>Die Ebene über der vorherigen Ebene ihrer Gruppe zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="58"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="59"/>
        <source>Draw the layer below the one after it in its group</source>
        <translation>Die Ebene unter der nächsten Ebene ihrer Gruppe zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="60"/>
        <source>Style…</source>
        <translation>Stil…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="61"/>
        <source>Symbol, colours, widths and zoom range of the layer</source>
        <translation>Symbol, Farben, Breiten und Zoombereich der Ebene</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="62"/>
        <source>Zoom to layer</source>
        <translation>Auf Ebene zoomen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="63"/>
        <source>Show all of the layer&apos;s assets on the map</source>
        <translation>Alle Anlagen der Ebene auf der Karte zeigen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="64"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="65"/>
        <source>Restore the default style, visibility and order of every layer</source>
        <translation>Standardstil, Sichtbarkeit und Reihenfolge aller Ebenen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="71"/>
        <source>Layer opacity</source>
        <translation>Deckkraft der Ebene</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="76"/>
        <location filename="../ui/widgets/layerpanel.cpp" line="109"/>
        <location filename="../ui/widgets/layerpanel.cpp" line="253"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="78"/>
        <source>&amp;Opacity:</source>
        <translation>&amp;Deckkraft:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="176"/>
        <source>Reset layers</source>
        <translation>Ebenen zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerpanel.cpp" line="177"/>
        <source>Restore the default style, visibility and order of every layer? Your changes to the layers are lost.</source>
        <translation>Standardstil, Sichtbarkeit und Reihenfolge aller Ebenen wiederherstellen? Ihre Änderungen an den Ebenen gehen verloren.</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::LayerStyleDialog</name>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="35"/>
        <source>Street light</source>
        <translation>Straßenleuchte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="36"/>
        <source>Traffic signal</source>
        <translation>Ampel</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="37"/>
        <source>Hydrant</source>
        <translation>Hydrant</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="38"/>
        <source>Manhole</source>
        <translation>Schacht</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="39"/>
        <source>Bus stop</source>
        <translation>Bushaltestelle</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="40"/>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="41"/>
        <source>Waste bin</source>
        <translation>Abfallbehälter</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="42"/>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="43"/>
        <source>Water main</source>
        <translation>Wasserleitung</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="44"/>
        <source>Sewer</source>
        <translation>Abwasserkanal</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="45"/>
        <source>None (plain dot)</source>
        <translation>Keines (einfacher Punkt)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="86"/>
        <source>Style of %1</source>
        <translation>Stil von %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="105"/>
        <source>&amp;Fill colour:</source>
        <translation>&amp;Füllfarbe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="111"/>
        <source>The layer is hidden when the map is zoomed out further</source>
        <translation>Die Ebene wird ausgeblendet, wenn die Karte weiter herausgezoomt wird</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="112"/>
        <source>The layer is hidden when the map is zoomed in further</source>
        <translation>Die Ebene wird ausgeblendet, wenn die Karte weiter hineingezoomt wird</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="119"/>
        <source>Shown from &amp;zoom:</source>
        <translation>Sichtbar ab &amp;Zoomstufe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="120"/>
        <source>Shown up to z&amp;oom:</source>
        <translation>Sichtbar bis Z&amp;oomstufe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="152"/>
        <source>&amp;Symbol:</source>
        <translation>&amp;Symbol:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="158"/>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="203"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="160"/>
        <source>Symbol si&amp;ze:</source>
        <translation>Symbol&amp;größe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="164"/>
        <source>Fixed colour</source>
        <translation>Feste Farbe</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="165"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="166"/>
        <source>Condition</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="168"/>
        <source>Colour &amp;by:</source>
        <translation>Einfärben &amp;nach:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="176"/>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="196"/>
        <source>&amp;Colour:</source>
        <translation>F&amp;arbe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="181"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="183"/>
        <source>Below this zoom the layer shows clusters with counts instead of every asset</source>
        <translation>Unterhalb dieser Zoomstufe zeigt die Ebene Cluster mit Anzahlen statt jeder einzelnen Anlage</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="185"/>
        <source>Cl&amp;uster below zoom:</source>
        <translation>&amp;Clustern unterhalb Zoomstufe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="196"/>
        <source>&amp;Outline colour:</source>
        <translation>&amp;Umrissfarbe:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="205"/>
        <source>Outline &amp;width:</source>
        <translation>Umriss&amp;breite:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="205"/>
        <source>&amp;Width:</source>
        <translation>B&amp;reite:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="209"/>
        <source>Solid</source>
        <translation>Durchgezogen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="210"/>
        <source>Dashed</source>
        <translation>Gestrichelt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="211"/>
        <source>Dotted</source>
        <translation>Gepunktet</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="212"/>
        <source>Dash-dot</source>
        <translation>Strich-Punkt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="213"/>
        <source>Dash-dot-dot</source>
        <translation>Strich-Punkt-Punkt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="215"/>
        <source>No outline</source>
        <translation>Kein Umriss</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="218"/>
        <source>Outline st&amp;yle:</source>
        <translation>Umrisss&amp;til:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="218"/>
        <source>St&amp;yle:</source>
        <translation>&amp;Linienstil:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="228"/>
        <source>Layer colour</source>
        <translation>Ebenenfarbe</translation>
    </message>
    <message>
        <location filename="../ui/widgets/layerstyledialog.cpp" line="255"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::LiveChartPanel</name>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="35"/>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="36"/>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="37"/>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="38"/>
        <source>7 d</source>
        <translation>7 T</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="46"/>
        <source>The last 24 hours, from 1-minute rollups</source>
        <translation>Die letzten 24 Stunden, aus Minutenwerten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="48"/>
        <source>The last 7 days, from 1-hour rollups</source>
        <translation>Die letzten 7 Tage, aus Stundenwerten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="49"/>
        <source>Live, every reading (min/max per pixel column)</source>
        <translation>Live, jeder Messwert (Min./Max. je Pixelspalte)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="61"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="62"/>
        <source>Remove every sensor from the charts</source>
        <translation>Alle Sensoren aus den Diagrammen entfernen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="74"/>
        <source>Remove from Chart</source>
        <translation>Aus dem Diagramm entfernen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="81"/>
        <source>No sensor charted. Press Enter on an alarm, double-click a sensor in the Details panel, or use Identify on an alarm marker on the map.</source>
        <translation>Kein Sensor im Diagramm. Eingabetaste auf einem Alarm, Doppelklick auf einen Sensor im Detailbereich oder Abfragen auf einer Alarmmarke in der Karte.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/charts/livechartpanel.cpp" line="217"/>
        <source>Loading history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::LocatorBox</name>
    <message>
        <location filename="../ui/widgets/locatorbox.cpp" line="32"/>
        <source>Find asset by code, name or street (Ctrl+K)</source>
        <translation>Anlage nach Kennung, Name oder Straße suchen (Strg+K)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/locatorbox.cpp" line="34"/>
        <source>Find asset</source>
        <translation>Anlage suchen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/locatorbox.cpp" line="56"/>
        <source>Search failed</source>
        <translation>Suche fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/locatorbox.cpp" line="90"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/locatorbox.cpp" line="104"/>
        <source>No match</source>
        <translation>Kein Treffer</translation>
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
        <location filename="../ui/widgets/mainwindow.cpp" line="108"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="109"/>
        <source>Database: %1 — %2</source>
        <translation>Datenbank: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="114"/>
        <source>Starting the local database…</source>
        <translation>Die lokale Datenbank wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="117"/>
        <source>Connecting to the database…</source>
        <translation>Verbindung zur Datenbank wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="123"/>
        <source>Database connection lost — reconnecting by itself.</source>
        <translation>Datenbankverbindung verloren — sie wird automatisch wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="126"/>
        <source>Offline — no database connection.</source>
        <translation>Offline — keine Datenbankverbindung.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="129"/>
        <source>Waiting for your database login.</source>
        <translation>Warte auf Ihre Datenbank-Anmeldung.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="143"/>
        <source>Database server: %1</source>
        <translation>Datenbankserver: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="177"/>
        <source>City: %1</source>
        <translation>Stadt: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="179"/>
        <source>Assets: %1</source>
        <translation>Anlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="180"/>
        <source>Sensors: %1</source>
        <translation>Sensoren: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="181"/>
        <source>Open work orders: %1</source>
        <translation>Offene Arbeitsaufträge: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="276"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="283"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="404"/>
        <source>Layers appear here once the database is connected.</source>
        <translation>Die Ebenen erscheinen hier, sobald die Datenbank verbunden ist.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="438"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="441"/>
        <source>&amp;Connect to Database…</source>
        <translation>Mit Datenbank &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="444"/>
        <source>Connect to a PostgreSQL/PostGIS database</source>
        <translation>Mit einer PostgreSQL/PostGIS-Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="447"/>
        <source>Use &amp;Local Database</source>
        <translation>&amp;Lokale Datenbank verwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="449"/>
        <source>Use the private database on this computer</source>
        <translation>Die private Datenbank auf diesem Computer verwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="451"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="456"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="463"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="474"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="484"/>
        <source>&amp;Layers</source>
        <translation>&amp;Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="487"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="499"/>
        <source>&amp;Pan</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="490"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="274"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="632"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="636"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="514"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="503"/>
        <source>Drag the map to move it; the wheel zooms under the cursor</source>
        <translation>Ziehen Sie die Karte, um sie zu verschieben; das Mausrad zoomt an der Position des Mauszeigers</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="516"/>
        <source>&amp;About Infrasight</source>
        <translation>&amp;Über Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="518"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="540"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="541"/>
        <source>Stop this job; nothing it did so far is kept</source>
        <translation>Diesen Vorgang abbrechen; nichts davon wird übernommen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="545"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="595"/>
        <source>Connect to Database</source>
        <translation>Mit Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="596"/>
        <source>PostgreSQL connection string or URI, e.g.
host=db.example.org dbname=infrasight user=alice
or service=infrasight (pg_service.conf). Passwords come from ~/.pgpass or the login dialog; they are never saved.</source>
        <translation>PostgreSQL-Verbindungszeichenfolge oder URI, z. B.
host=db.example.org dbname=infrasight user=alice
oder service=infrasight (pg_service.conf). Passwörter kommen aus ~/.pgpass oder dem Anmeldedialog; sie werden nie gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="615"/>
        <source>About Infrasight</source>
        <translation>Über Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="617"/>
        <source>&lt;h3&gt;Infrasight %1&lt;/h3&gt;&lt;p&gt;GIS operations console for a city&apos;s infrastructure.&lt;/p&gt;&lt;p&gt;Map data %2, available under the Open Database License.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Infrasight %1&lt;/h3&gt;&lt;p&gt;GIS-Leitstand für die Infrastruktur einer Stadt.&lt;/p&gt;&lt;p&gt;Kartendaten %2, verfügbar unter der Open Database License.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="628"/>
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="639"/>
        <source>Zoom to &amp;City</source>
        <translation>Auf &amp;Stadt zoomen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="642"/>
        <source>Show the whole city (Home on the map)</source>
        <translation>Die ganze Stadt zeigen (Pos1 auf der Karte)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="643"/>
        <source>Zoom to &amp;Rectangle</source>
        <translation>Auf &amp;Rechteck zoomen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="646"/>
        <source>Drag a rectangle on the map to show it (or Shift+drag at any time)</source>
        <translation>Ziehen Sie ein Rechteck auf der Karte auf, um diesen Ausschnitt zu zeigen (oder jederzeit mit Umschalt+Ziehen)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="652"/>
        <source>Map &amp;Source…</source>
        <translation>Karten&amp;quelle…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="654"/>
        <source>Choose the basemap: OpenStreetMap, a tile URL or an MBTiles file</source>
        <translation>Grundkarte wählen: OpenStreetMap, eine Kachel-URL oder eine MBTiles-Datei</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="665"/>
        <source>Map: %1</source>
        <translation>Karte: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="672"/>
        <source>Infrasight</source>
        <translation>Infrasight</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mainwindow.cpp" line="672"/>
        <source>%1 — Infrasight</source>
        <translation>%1 — Infrasight</translation>
    </message>
</context>
<context>
    <name>infrasight::ui::MapCanvas</name>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="78"/>
        <source>Offline basemap (MBTiles)</source>
        <translation>Offline-Grundkarte (MBTiles)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="83"/>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="378"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="378"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../ui/widgets/mapcanvas.cpp" line="811"/>
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
