<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_GB">
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/console/commandline.cpp" line="12"/>
        <source>Database to use: a libpq connection string or URI, e.g. &quot;host=db.example.org dbname=infrasight user=alice&quot;, &quot;postgresql://alice@db.example.org/infrasight&quot; or &quot;service=infrasight&quot;. Passwords come from ~/.pgpass or the login dialog. Without --db the console uses the saved connection, or else its local database, which it starts if needed.</source>
        <translation>Zu verwendende Datenbank: eine libpq-Verbindungszeichenfolge oder URI, z. B. &quot;host=db.example.org dbname=infrasight user=alice&quot;, &quot;postgresql://alice@db.example.org/infrasight&quot; oder &quot;service=infrasight&quot;. Passwörter kommen aus ~/.pgpass oder dem Anmeldedialog. Ohne --db verwendet die Konsole die gespeicherte Verbindung oder sonst ihre lokale Datenbank, die sie bei Bedarf startet.</translation>
    </message>
    <message>
        <location filename="../app/console/commandline.cpp" line="22"/>
        <source>Write each connection state change (&quot;state: connected&quot;) and a heartbeat every 250 ms to standard error, for monitoring and tests. Also enabled by INFRASIGHT_TRACE_STATE=1.</source>
        <translation>Jede Änderung des Verbindungszustands (&quot;state: connected&quot;) und alle 250 ms ein Lebenszeichen auf die Standardfehlerausgabe schreiben, für Überwachung und Tests. Auch mit INFRASIGHT_TRACE_STATE=1 aktiviert.</translation>
    </message>
    <message>
        <location filename="../app/console/commandline.cpp" line="28"/>
        <source>Do not build the demo city when the local database is empty.</source>
        <translation>Die Demo-Stadt nicht anlegen, wenn die lokale Datenbank leer ist.</translation>
    </message>
    <message>
        <location filename="../app/console/commandline.cpp" line="33"/>
        <source>Infrasight: GIS operations console for a city&apos;s infrastructure.</source>
        <translation>Infrasight: GIS-Leitstand für die Infrastruktur einer Stadt.</translation>
    </message>
</context>
<context>
    <name>infrasight::app::AlarmsFeature</name>
    <message>
        <location filename="../app/console/features/alarmsfeature.cpp" line="33"/>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../app/console/features/alarmsfeature.cpp" line="40"/>
        <source>Alarms: %1 critical, %2 warning(s) new</source>
        <translation>Alarme: %1 kritisch, %2 Warnung(en) neu</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/features/alarmsfeature.cpp" line="41"/>
        <source>%n open alarm(s)</source>
        <translation>
            <numerusform>%n offener Alarm</numerusform>
            <numerusform>%n offene Alarme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/features/alarmsfeature.cpp" line="58"/>
        <source>&amp;Sound for Critical Alarms</source>
        <translation>&amp;Ton bei kritischen Alarmen</translation>
    </message>
    <message>
        <location filename="../app/console/features/alarmsfeature.cpp" line="62"/>
        <source>Chime when a new critical alarm arrives</source>
        <translation>Ein Gong, wenn ein neuer kritischer Alarm eintrifft</translation>
    </message>
</context>
<context>
    <name>infrasight::app::Application</name>
    <message>
        <location filename="../app/console/application.cpp" line="134"/>
        <source>Connection restored; live updates resumed.</source>
        <translation>Verbindung wiederhergestellt; Live-Aktualisierungen laufen wieder.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="155"/>
        <source>Login cancelled; working offline.</source>
        <translation>Anmeldung abgebrochen; es wird offline gearbeitet.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="256"/>
        <source>Infrasight %1 started.</source>
        <translation>Infrasight %1 gestartet.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="317"/>
        <location filename="../app/console/application.cpp" line="507"/>
        <source>local database</source>
        <translation>lokale Datenbank</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="432"/>
        <source>Building the demo city: %1</source>
        <translation>Demo-Stadt wird angelegt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="437"/>
        <source>To build it later: infrasightctl seed --osm /path/to/city.osm.pbf --data-dir %1</source>
        <translation>Zum späteren Anlegen: infrasightctl seed --osm /pfad/zur/stadt.osm.pbf --data-dir %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="444"/>
        <source>The local database is empty; the demo city was not built (--no-seed). %1</source>
        <translation>Die lokale Datenbank ist leer; die Demo-Stadt wurde nicht angelegt (--no-seed). %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="449"/>
        <source>The local database is empty and the demo extract %1 was not found (set INFRASIGHT_DEMO_OSM). %2</source>
        <translation>Die lokale Datenbank ist leer und der Demo-Auszug %1 wurde nicht gefunden (INFRASIGHT_DEMO_OSM setzen). %2</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="455"/>
        <source>Demo city built in %1 s. Map data © OpenStreetMap contributors (ODbL).</source>
        <translation>Demo-Stadt in %1 s angelegt. Kartendaten © OpenStreetMap-Mitwirkende (ODbL).</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="460"/>
        <source>Building the demo city was cancelled; the local database stays empty. %1</source>
        <translation>Das Anlegen der Demo-Stadt wurde abgebrochen; die lokale Datenbank bleibt leer. %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="466"/>
        <source>The demo city could not be built: %1</source>
        <translation>Die Demo-Stadt konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="487"/>
        <source>The local database could not be started: %1</source>
        <translation>Die lokale Datenbank konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="489"/>
        <source>The local database could not be started. Use File &gt; Connect to Database to choose another one.</source>
        <translation>Die lokale Datenbank konnte nicht gestartet werden. Wählen Sie über Datei &gt; Mit Datenbank verbinden eine andere.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="500"/>
        <source>Local database ready in %1 (schema version %2, %3 migration(s) applied).</source>
        <translation>Lokale Datenbank in %1 bereit (Schemaversion %2, %3 Migration(en) angewendet).</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="563"/>
        <source>Connecting to %1; this connection is used from now on.</source>
        <translation>Verbindung zu %1 wird hergestellt; diese Verbindung wird ab jetzt verwendet.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="580"/>
        <source>Switching to the local database.</source>
        <translation>Wechsel zur lokalen Datenbank.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="629"/>
        <source>This database has no Infrasight schema yet. An administrator can create it with: infrasightctl db migrate --db …</source>
        <translation>Diese Datenbank hat noch kein Infrasight-Schema. Ein Administrator kann es anlegen mit: infrasightctl db migrate --db …</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="640"/>
        <source>The database schema (version %1) is newer than this console knows (version %2). Please update Infrasight.</source>
        <translation>Das Datenbankschema (Version %1) ist neuer als die Version, die diese Konsole kennt (Version %2). Bitte aktualisieren Sie Infrasight.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="650"/>
        <source>The database schema is at version %1; this console knows version %2. An administrator can migrate it with: infrasightctl db migrate</source>
        <translation>Das Datenbankschema hat Version %1; diese Konsole kennt Version %2. Ein Administrator kann es migrieren mit: infrasightctl db migrate</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="656"/>
        <source>Database schema version %1.</source>
        <translation>Datenbankschema Version %1.</translation>
    </message>
</context>
<context>
    <name>infrasight::app::AssetMapFeature</name>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="56"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="66"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="87"/>
        <source>Attribute Table</source>
        <translation>Attributtabelle</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="106"/>
        <source>&amp;Find Asset…</source>
        <translation>Anlage &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="128"/>
        <source>&amp;Identify</source>
        <translation>&amp;Abfragen</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="131"/>
        <source>Click an asset to see its details; a cluster lists its members</source>
        <translation>Klicken Sie auf eine Anlage, um ihre Details zu sehen; ein Cluster listet seine Mitglieder auf</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="133"/>
        <source>&amp;Select</source>
        <translation>Aus&amp;wählen</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="136"/>
        <source>Click an asset or drag a rectangle to select; Shift adds, Ctrl toggles</source>
        <translation>Klicken Sie auf eine Anlage oder ziehen Sie ein Rechteck auf, um auszuwählen; Umschalt fügt hinzu, Strg wählt an oder ab</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="138"/>
        <source>Select in Pol&amp;ygon</source>
        <translation>Im &amp;Polygon auswählen</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="141"/>
        <source>Click the corners of a polygon, double-click or Enter to select what lies inside; Esc cancels</source>
        <translation>Klicken Sie die Ecken eines Polygons an; ein Doppelklick oder die Eingabetaste wählt aus, was darin liegt; Esc bricht ab</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="144"/>
        <source>Mo&amp;ve Asset</source>
        <translation>Anlage ver&amp;setzen</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="147"/>
        <source>Drag a point asset to its new place; Esc cancels the drag</source>
        <translation>Ziehen Sie eine Punktanlage an ihre neue Position; Esc bricht das Ziehen ab</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="164"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="167"/>
        <source>Fetch every layer of the map again from the database</source>
        <translation>Alle Ebenen der Karte erneut aus der Datenbank laden</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="175"/>
        <source>&amp;Zoom to Selection</source>
        <translation>Auf Auswahl &amp;zoomen</translation>
    </message>
    <message>
        <location filename="../app/console/features/assetmapfeature.cpp" line="181"/>
        <source>&amp;Clear Selection</source>
        <translation>Auswahl au&amp;fheben</translation>
    </message>
</context>
<context>
    <name>infrasight::app::BasemapChooser</name>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="46"/>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="91"/>
        <source>while testing whether the tile server answers</source>
        <translation>während geprüft wird, ob der Kachelserver antwortet</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="100"/>
        <location filename="../app/console/basemapchooser.cpp" line="106"/>
        <source>chosen in View &gt; Map &gt; Map Source</source>
        <translation>gewählt unter Ansicht &gt; Karte &gt; Kartenquelle</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="140"/>
        <source>the tile server is reachable</source>
        <translation>der Kachelserver ist erreichbar</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="145"/>
        <source>Map: the OpenStreetMap tile server is not reachable (%1); staying with the offline basemap.</source>
        <translation>Karte: Der OpenStreetMap-Kachelserver ist nicht erreichbar (%1); die Offline-Grundkarte bleibt.</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="150"/>
        <source>the OpenStreetMap tile server is not reachable (%1)</source>
        <translation>der OpenStreetMap-Kachelserver ist nicht erreichbar (%1)</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="168"/>
        <source>Map: OpenStreetMap tiles cannot be used</source>
        <translation>Karte: OpenStreetMap-Kacheln können nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="206"/>
        <source>Map: the tile URL template cannot be used</source>
        <translation>Karte: Die Kachel-URL-Vorlage kann nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="223"/>
        <source>Map: the MBTiles file cannot be used</source>
        <translation>Karte: Die MBTiles-Datei kann nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="177"/>
        <source>Map: showing OpenStreetMap tiles (%1).</source>
        <translation>Karte: OpenStreetMap-Kacheln werden angezeigt (%1).</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="186"/>
        <source>Map: %1, and there is no offline basemap at %2. Build it with: infrasightctl tiles build --osm CITY.osm.pbf --out %2 (scripts/demo does this for Monaco), or set INFRASIGHT_BASEMAP.</source>
        <translation>Karte: %1, und unter %2 gibt es keine Offline-Grundkarte. Erstellen Sie sie mit: infrasightctl tiles build --osm STADT.osm.pbf --out %2 (scripts/demo erledigt das für Monaco), oder setzen Sie INFRASIGHT_BASEMAP.</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="191"/>
        <source>no offline basemap</source>
        <translation>keine Offline-Grundkarte</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="192"/>
        <source>Tile server not reachable; no offline basemap at %1</source>
        <translation>Kachelserver nicht erreichbar; keine Offline-Grundkarte unter %1</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="215"/>
        <source>Map: showing tiles from %1.</source>
        <translation>Karte: Kacheln von %1 werden angezeigt.</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="250"/>
        <source>Map: showing the offline basemap %1 (%2).</source>
        <translation>Karte: Die Offline-Grundkarte %1 wird angezeigt (%2).</translation>
    </message>
</context>
<context>
    <name>infrasight::app::GeofencesFeature</name>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="55"/>
        <source>Geofences</source>
        <translation>Geofences</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="63"/>
        <source>Draw &amp;Geofence</source>
        <translation>&amp;Geozaun zeichnen</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="66"/>
        <source>Draw and edit geofences: choose one in the Geofences dock, or draw a new one</source>
        <translation>Geofences zeichnen und bearbeiten: einen im Geofences-Fenster wählen, oder einen neuen zeichnen</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="96"/>
        <source>&amp;Geofences on the Map</source>
        <translation>&amp;Geofences auf der Karte</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="100"/>
        <source>Draw the geofences over the map, each in its colour</source>
        <translation>Die Geofences über der Karte zeichnen, jeden in seiner Farbe</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="145"/>
        <source>Unsaved Geofence</source>
        <translation>Ungespeicherter Geofence</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="146"/>
        <source>The geofence you are editing has unsaved changes.</source>
        <translation>Der Geofence, den Sie bearbeiten, hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="149"/>
        <source>Cancel, then Save in the Geofences dock to keep them.</source>
        <translation>Abbrechen, dann im Geofences-Fenster speichern, um sie zu behalten.</translation>
    </message>
    <message>
        <location filename="../app/console/features/geofencesfeature.cpp" line="167"/>
        <source>Other Geofences</source>
        <translation>Andere Geofences</translation>
    </message>
</context>
<context>
    <name>infrasight::app::LiveChartsFeature</name>
    <message>
        <location filename="../app/console/features/livechartsfeature.cpp" line="31"/>
        <source>Live Chart</source>
        <translation>Live-Diagramm</translation>
    </message>
</context>
</TS>
