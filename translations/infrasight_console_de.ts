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
    <name>infrasight::app::Application</name>
    <message>
        <location filename="../app/console/application.cpp" line="148"/>
        <source>Connection restored; live updates resumed.</source>
        <translation>Verbindung wiederhergestellt; Live-Aktualisierungen laufen wieder.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="161"/>
        <source>Login cancelled; working offline.</source>
        <translation>Anmeldung abgebrochen; es wird offline gearbeitet.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="247"/>
        <source>Infrasight %1 started.</source>
        <translation>Infrasight %1 gestartet.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="307"/>
        <location filename="../app/console/application.cpp" line="497"/>
        <source>local database</source>
        <translation>lokale Datenbank</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="422"/>
        <source>Building the demo city: %1</source>
        <translation>Demo-Stadt wird angelegt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="427"/>
        <source>To build it later: infrasightctl seed --osm /path/to/city.osm.pbf --data-dir %1</source>
        <translation>Zum späteren Anlegen: infrasightctl seed --osm /pfad/zur/stadt.osm.pbf --data-dir %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="434"/>
        <source>The local database is empty; the demo city was not built (--no-seed). %1</source>
        <translation>Die lokale Datenbank ist leer; die Demo-Stadt wurde nicht angelegt (--no-seed). %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="439"/>
        <source>The local database is empty and the demo extract %1 was not found (set INFRASIGHT_DEMO_OSM). %2</source>
        <translation>Die lokale Datenbank ist leer und der Demo-Auszug %1 wurde nicht gefunden (INFRASIGHT_DEMO_OSM setzen). %2</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="445"/>
        <source>Demo city built in %1 s. Map data © OpenStreetMap contributors (ODbL).</source>
        <translation>Demo-Stadt in %1 s angelegt. Kartendaten © OpenStreetMap-Mitwirkende (ODbL).</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="450"/>
        <source>Building the demo city was cancelled; the local database stays empty. %1</source>
        <translation>Das Anlegen der Demo-Stadt wurde abgebrochen; die lokale Datenbank bleibt leer. %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="456"/>
        <source>The demo city could not be built: %1</source>
        <translation>Die Demo-Stadt konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="477"/>
        <source>The local database could not be started: %1</source>
        <translation>Die lokale Datenbank konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="479"/>
        <source>The local database could not be started. Use File &gt; Connect to Database to choose another one.</source>
        <translation>Die lokale Datenbank konnte nicht gestartet werden. Wählen Sie über Datei &gt; Mit Datenbank verbinden eine andere.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="490"/>
        <source>Local database ready in %1 (schema version %2, %3 migration(s) applied).</source>
        <translation>Lokale Datenbank in %1 bereit (Schemaversion %2, %3 Migration(en) angewendet).</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="553"/>
        <source>Connecting to %1; this connection is used from now on.</source>
        <translation>Verbindung zu %1 wird hergestellt; diese Verbindung wird ab jetzt verwendet.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="570"/>
        <source>Switching to the local database.</source>
        <translation>Wechsel zur lokalen Datenbank.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="656"/>
        <source>This database has no Infrasight schema yet. An administrator can create it with: infrasightctl db migrate --db …</source>
        <translation>Diese Datenbank hat noch kein Infrasight-Schema. Ein Administrator kann es anlegen mit: infrasightctl db migrate --db …</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="667"/>
        <source>The database schema (version %1) is newer than this console knows (version %2). Please update Infrasight.</source>
        <translation>Das Datenbankschema (Version %1) ist neuer als die Version, die diese Konsole kennt (Version %2). Bitte aktualisieren Sie Infrasight.</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="677"/>
        <source>The database schema is at version %1; this console knows version %2. An administrator can migrate it with: infrasightctl db migrate</source>
        <translation>Das Datenbankschema hat Version %1; diese Konsole kennt Version %2. Ein Administrator kann es migrieren mit: infrasightctl db migrate</translation>
    </message>
    <message>
        <location filename="../app/console/application.cpp" line="683"/>
        <source>Database schema version %1.</source>
        <translation>Datenbankschema Version %1.</translation>
    </message>
</context>
<context>
    <name>infrasight::app::BasemapChooser</name>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="45"/>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="90"/>
        <source>while testing whether the tile server answers</source>
        <translation>während geprüft wird, ob der Kachelserver antwortet</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="99"/>
        <location filename="../app/console/basemapchooser.cpp" line="105"/>
        <source>chosen in View &gt; Map &gt; Map Source</source>
        <translation>gewählt unter Ansicht &gt; Karte &gt; Kartenquelle</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="139"/>
        <source>the tile server is reachable</source>
        <translation>der Kachelserver ist erreichbar</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="144"/>
        <source>Map: the OpenStreetMap tile server is not reachable (%1); staying with the offline basemap.</source>
        <translation>Karte: Der OpenStreetMap-Kachelserver ist nicht erreichbar (%1); die Offline-Grundkarte bleibt.</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="149"/>
        <source>the OpenStreetMap tile server is not reachable (%1)</source>
        <translation>der OpenStreetMap-Kachelserver ist nicht erreichbar (%1)</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="167"/>
        <source>Map: OpenStreetMap tiles cannot be used: %1</source>
        <translation>Karte: OpenStreetMap-Kacheln können nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="174"/>
        <source>Map: showing OpenStreetMap tiles (%1).</source>
        <translation>Karte: OpenStreetMap-Kacheln werden angezeigt (%1).</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="183"/>
        <source>Map: %1, and there is no offline basemap at %2. Build it with: infrasightctl tiles build --osm CITY.osm.pbf --out %2 (scripts/demo does this for Monaco), or set INFRASIGHT_BASEMAP.</source>
        <translation>Karte: %1, und unter %2 gibt es keine Offline-Grundkarte. Erstellen Sie sie mit: infrasightctl tiles build --osm STADT.osm.pbf --out %2 (scripts/demo erledigt das für Monaco), oder setzen Sie INFRASIGHT_BASEMAP.</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="188"/>
        <source>no offline basemap</source>
        <translation>keine Offline-Grundkarte</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="189"/>
        <source>Tile server not reachable; no offline basemap at %1</source>
        <translation>Kachelserver nicht erreichbar; keine Offline-Grundkarte unter %1</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="203"/>
        <source>Map: the tile URL template cannot be used: %1</source>
        <translation>Karte: Die Kachel-URL-Vorlage kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="211"/>
        <source>Map: showing tiles from %1.</source>
        <translation>Karte: Kacheln von %1 werden angezeigt.</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="219"/>
        <source>Map: the MBTiles file cannot be used: %1</source>
        <translation>Karte: Die MBTiles-Datei kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/basemapchooser.cpp" line="244"/>
        <source>Map: showing the offline basemap %1 (%2).</source>
        <translation>Karte: Die Offline-Grundkarte %1 wird angezeigt (%2).</translation>
    </message>
</context>
</TS>
