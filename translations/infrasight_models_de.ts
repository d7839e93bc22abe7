<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>infrasight::models::AlarmListModel</name>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="52"/>
        <source>%1
Acknowledged by %2</source>
        <translation>%1
Quittiert von %2</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="61"/>
        <source>Critical (escalated)</source>
        <translation>Kritisch (eskaliert)</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="62"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="62"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="64"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="65"/>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="66"/>
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="96"/>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="98"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="100"/>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="102"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="104"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="106"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="137"/>
        <source>The alarm list could not be read</source>
        <translation>Die Alarmliste konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="168"/>
        <source>The alarm could not be acknowledged</source>
        <translation>Der Alarm konnte nicht quittiert werden</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="163"/>
        <source>You may not acknowledge alarms (your database role lacks the right).</source>
        <translation>Sie dürfen keine Alarme quittieren (Ihrer Datenbankrolle fehlt das Recht).</translation>
    </message>
    <message>
        <location filename="../models/alarmlistmodel.cpp" line="165"/>
        <source>The alarm was changed by someone else meanwhile; the list shows it as it is now.</source>
        <translation>Der Alarm wurde inzwischen von jemand anderem geändert; die Liste zeigt ihn, wie er jetzt ist.</translation>
    </message>
</context>
<context>
    <name>infrasight::models::AssetDetails</name>
    <message>
        <location filename="../models/assetdetails.cpp" line="89"/>
        <source>No database connection.</source>
        <translation>Keine Datenbankverbindung.</translation>
    </message>
</context>
<context>
    <name>infrasight::models::AttributeTableModel</name>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="30"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="31"/>
        <source>Code</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="32"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="33"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="34"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="35"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="36"/>
        <source>Condition</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="37"/>
        <source>Installed</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="38"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="43"/>
        <source>Active</source>
        <translation>In Betrieb</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="44"/>
        <source>Inactive</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="45"/>
        <source>Faulty</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="46"/>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="47"/>
        <source>Retired</source>
        <translation>Stillgelegt</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="206"/>
        <source>The attribute table could not be read</source>
        <translation>Die Attributtabelle konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../models/attributetablemodel.cpp" line="215"/>
        <source>The attribute table could not be read.</source>
        <translation>Die Attributtabelle konnte nicht gelesen werden.</translation>
    </message>
</context>
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
    <name>infrasight::models::ErrorMessage</name>
    <message>
        <location filename="../models/errormessage.cpp" line="23"/>
        <source>the database cannot be reached; the console reconnects by itself</source>
        <translation>die Datenbank ist nicht erreichbar; die Konsole verbindet sich selbst wieder</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="27"/>
        <source>the database refused the login</source>
        <translation>die Datenbank hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="30"/>
        <source>your database role may not do this</source>
        <translation>Ihre Datenbankrolle darf das nicht</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="33"/>
        <source>someone else changed it meanwhile</source>
        <translation>jemand anderes hat es inzwischen geändert</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="36"/>
        <source>it does not exist (any more)</source>
        <translation>es existiert nicht (mehr)</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="39"/>
        <source>it was cancelled</source>
        <translation>es wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="41"/>
        <source>the database schema is newer than this console knows</source>
        <translation>das Datenbankschema ist neuer, als diese Konsole kennt</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="44"/>
        <source>the input is not valid</source>
        <translation>die Eingabe ist ungültig</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="48"/>
        <source>the database refused the request</source>
        <translation>die Datenbank hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="52"/>
        <source>a file could not be read or written</source>
        <translation>eine Datei konnte nicht gelesen oder geschrieben werden</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="56"/>
        <source>the coordinates could not be transformed</source>
        <translation>die Koordinaten konnten nicht umgerechnet werden</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="60"/>
        <source>the file could not be read</source>
        <translation>die Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="66"/>
        <source>an internal error occurred</source>
        <translation>ein interner Fehler ist aufgetreten</translation>
    </message>
    <message>
        <location filename="../models/errormessage.cpp" line="73"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
</context>
<context>
    <name>infrasight::models::GeofenceEditSession</name>
    <message>
        <location filename="../models/geofenceeditsession.cpp" line="111"/>
        <source>Move vertex</source>
        <translation>Stützpunkt verschieben</translation>
    </message>
    <message>
        <location filename="../models/geofenceeditsession.cpp" line="122"/>
        <source>Insert vertex</source>
        <translation>Stützpunkt einfügen</translation>
    </message>
    <message>
        <location filename="../models/geofenceeditsession.cpp" line="140"/>
        <source>Delete vertex</source>
        <translation>Stützpunkt löschen</translation>
    </message>
    <message>
        <location filename="../models/geofenceeditsession.cpp" line="154"/>
        <source>Move geofence</source>
        <translation>Geofence verschieben</translation>
    </message>
</context>
<context>
    <name>infrasight::models::GeofenceListModel</name>
    <message>
        <location filename="../models/geofencelistmodel.cpp" line="50"/>
        <source>%1, version %2, saved by %3</source>
        <translation>%1, Version %2, gespeichert von %3</translation>
    </message>
    <message>
        <location filename="../models/geofencelistmodel.cpp" line="112"/>
        <source>The geofence was changed by someone else meanwhile; it was not deleted.</source>
        <translation>Der Geofence wurde inzwischen von jemand anderem geändert; er wurde nicht gelöscht.</translation>
    </message>
    <message>
        <location filename="../models/geofencelistmodel.cpp" line="114"/>
        <source>The geofence could not be deleted</source>
        <translation>Der Geofence konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <location filename="../models/geofencelistmodel.cpp" line="151"/>
        <source>The geofence could not be saved</source>
        <translation>Der Geofence konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../models/geofencelistmodel.cpp" line="147"/>
        <source>You may not edit geofences (your database role lacks the right).</source>
        <translation>Sie dürfen keine Geofences bearbeiten (Ihrer Datenbankrolle fehlt das Recht).</translation>
    </message>
    <message>
        <location filename="../models/geofencelistmodel.cpp" line="149"/>
        <source>The database refused the shape: it is not a valid polygon.</source>
        <translation>Die Datenbank hat die Form abgelehnt: Sie ist kein gültiges Polygon.</translation>
    </message>
</context>
<context>
    <name>infrasight::models::LayerModel</name>
    <message>
        <location filename="../models/layermodel.cpp" line="93"/>
        <location filename="../models/layermodel.cpp" line="515"/>
        <source>Other assets</source>
        <translation>Weitere Anlagen</translation>
    </message>
    <message>
        <location filename="../models/layermodel.cpp" line="133"/>
        <source>Districts</source>
        <translation>Stadtteile</translation>
    </message>
    <message>
        <location filename="../models/layermodel.cpp" line="134"/>
        <location filename="../models/layermodel.cpp" line="528"/>
        <source>Base map</source>
        <translation>Grundkarte</translation>
    </message>
    <message>
        <location filename="../models/layermodel.cpp" line="147"/>
        <source>Buildings</source>
        <translation>Gebäude</translation>
    </message>
    <message>
        <location filename="../models/layermodel.cpp" line="768"/>
        <source>%1: shown from zoom %2 to %3</source>
        <translation>%1: sichtbar von Zoomstufe %2 bis %3</translation>
    </message>
</context>
<context>
    <name>infrasight::models::LocatorModel</name>
    <message>
        <location filename="../models/locatormodel.cpp" line="130"/>
        <source>The search failed</source>
        <translation>Die Suche ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>infrasight::models::TimeSeriesModel</name>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="44"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="47"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="50"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="52"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/timeseriesmodel.cpp" line="105"/>
        <source>No reading for more than %n interval(s) of this sensor</source>
        <translation>
            <numerusform>Seit mehr als %n Intervall dieses Sensors kein Messwert</numerusform>
            <numerusform>Seit mehr als %n Intervallen dieses Sensors kein Messwert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="113"/>
        <source>Sensor %1</source>
        <translation>Sensor %1</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="138"/>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="140"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="142"/>
        <source>Data age</source>
        <translation>Datenalter</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="372"/>
        <source>The sensor could not be read</source>
        <translation>Der Sensor konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../models/timeseriesmodel.cpp" line="399"/>
        <source>The history could not be read</source>
        <translation>Der Verlauf konnte nicht gelesen werden</translation>
    </message>
</context>
</TS>
