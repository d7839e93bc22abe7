// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/seed/democityseeder.h"

#include "data/pgconnection.h"
#include "data/seed/seedrandom.h"
#include "gis/core/wkb.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace infrasight::data {

namespace {

// ---------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------
// Every random choice made by the server is pg_temp.rnd(seed, key, salt): a hash of the seed, a
// stable row key (an id or a rank in a total order) and a salt naming the decision. Unlike
// setseed()/random(), the result does not depend on the order in which the server evaluates rows,
// so plan changes (parallel scans, different join orders) cannot change the city. hashint8extended
// is the function hash partitioning relies on, so PostgreSQL keeps it stable across platforms and
// versions. Keys stay below 2^26, so key * 64 + salt fits the 32 bits the hash folds to.
const auto CreateRandomFunction = QStringLiteral(R"sql(
CREATE OR REPLACE FUNCTION pg_temp.rnd(seed bigint, key bigint, salt integer)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (hashint8extended(key * 64 + salt, seed) & 9007199254740991)::double precision
          / 9007199254740992.0 $$;

-- GDAL's OSM driver can return rings cut at the extract's edge with fewer than four points,
-- which PostGIS refuses to parse; such a feature is dropped instead of failing the whole load.
CREATE OR REPLACE FUNCTION pg_temp.geom_or_null(wkb bytea) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE AS
$$ BEGIN
       RETURN ST_GeomFromWKB(wkb, 4326);
   EXCEPTION WHEN OTHERS THEN
       RETURN NULL;
   END $$
)sql");

// Road classes (OSM highway values) that carry the generated street furniture.
const QStringList LitClasses = {
    QStringLiteral("trunk"),
    QStringLiteral("trunk_link"),
    QStringLiteral("primary"),
    QStringLiteral("primary_link"),
    QStringLiteral("secondary"),
    QStringLiteral("secondary_link"),
    QStringLiteral("tertiary"),
    QStringLiteral("tertiary_link"),
    QStringLiteral("unclassified"),
    QStringLiteral("residential"),
    QStringLiteral("living_street"),
    QStringLiteral("service"),
    QStringLiteral("pedestrian"),
    QStringLiteral("road"),
};
// Streets with water mains, sewers, hydrants and manholes under them.
const QStringList UtilityClasses = {
    QStringLiteral("trunk"),
    QStringLiteral("primary"),
    QStringLiteral("secondary"),
    QStringLiteral("tertiary"),
    QStringLiteral("unclassified"),
    QStringLiteral("residential"),
    QStringLiteral("living_street"),
    QStringLiteral("pedestrian"),
    QStringLiteral("road"),
};
const QStringList MajorClasses = {
    QStringLiteral("trunk"),
    QStringLiteral("trunk_link"),
    QStringLiteral("primary"),
    QStringLiteral("primary_link"),
    QStringLiteral("secondary"),
    QStringLiteral("secondary_link"),
    QStringLiteral("tertiary"),
    QStringLiteral("tertiary_link"),
};
const QStringList BinClasses = {
    QStringLiteral("pedestrian"),
    QStringLiteral("living_street"),
    QStringLiteral("residential"),
    QStringLiteral("tertiary"),
    QStringLiteral("secondary"),
    QStringLiteral("primary"),
};

// Escapes a value for COPY's text format.
void appendCopyText(QByteArray &out, const QByteArray &value)
{
    for (const char c : value) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        default:
            out.append(c);
        }
    }
}

char elementLetter(gis::OsmElementType type)
{
    switch (type) {
    case gis::OsmElementType::Node:
        return 'n';
    case gis::OsmElementType::Way:
        return 'w';
    case gis::OsmElementType::Relation:
        return 'r';
    }
    return 'n';
}

// Hex EWKB of a 2D point with SRID 4326, little-endian.
void appendEwkbPointHex(QByteArray &out, double lonDeg, double latDeg)
{
    unsigned char bytes[25];
    bytes[0] = 1;
    const quint32 type = 0x20000001u; // Point with SRID flag
    const quint32 srid = 4326;
    std::memcpy(bytes + 1, &type, 4);
    std::memcpy(bytes + 5, &srid, 4);
    std::memcpy(bytes + 9, &lonDeg, 8);
    std::memcpy(bytes + 17, &latDeg, 8);
    static constexpr char Hex[] = "0123456789ABCDEF";
    for (const unsigned char b : bytes) {
        out.append(Hex[b >> 4]);
        out.append(Hex[b & 0xf]);
    }
}

// The tables seeding fills, in the order a person reads a summary.
const QStringList SummaryTables = {
    QStringLiteral("basemap.road"),     QStringLiteral("basemap.building"),
    QStringLiteral("basemap.water"),    QStringLiteral("basemap.waterway"),
    QStringLiteral("basemap.landuse"),  QStringLiteral("basemap.coastline"),
    QStringLiteral("basemap.district"), QStringLiteral("basemap.place"),
    QStringLiteral("basemap.poi"),      QStringLiteral("basemap.railway"),
    QStringLiteral("department"),       QStringLiteral("crew"),
    QStringLiteral("asset_type"),       QStringLiteral("asset"),
    QStringLiteral("sensor"),           QStringLiteral("budget"),
    QStringLiteral("work_order"),       QStringLiteral("work_order_event"),
    QStringLiteral("budget_entry"),
};

} // namespace

DemoCitySeeder::DemoCitySeeder(PgConnection &connection, DemoCityOptions options)
    : m_connection(connection)
    , m_options(std::move(options))
{
    if (!m_options.referenceTime.isValid()) {
        // Midnight UTC today: the same seed gives the same city all day long.
        m_options.referenceTime
            = QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC);
    }
    // Whole seconds: the generated history must not depend on sub-second noise.
    m_options.referenceTime = m_options.referenceTime.toUTC();
    m_options.referenceTime.setTime(
        QTime(m_options.referenceTime.time().hour(), m_options.referenceTime.time().minute()));
}

void DemoCitySeeder::setProgressCallback(ProgressCallback callback)
{
    m_progress = std::move(callback);
}

void DemoCitySeeder::setCancelFlag(const std::atomic_bool *cancel)
{
    m_cancel = cancel;
}

void DemoCitySeeder::report(const QString &phase, qint64 done, qint64 total) const
{
    if (m_progress) {
        m_progress(phase, done, total);
    }
}

Result<void> DemoCitySeeder::checkCancelled() const
{
    if (m_cancel && m_cancel->load()) {
        return fail(ErrorCode::Cancelled, QStringLiteral("seeding was cancelled"));
    }
    return {};
}

Result<void>
DemoCitySeeder::exec(const QString &phase, const QString &sql, const QVariantList &params)
{
    if (auto cancelled = checkCancelled(); !cancelled) {
        return cancelled;
    }
    auto result = m_connection.exec(sql, params);
    if (!result) {
        Error error = result.error();
        error.message = QStringLiteral("%1: %2").arg(phase, error.message);
        return tl::unexpected(error);
    }
    return {};
}

Result<void> DemoCitySeeder::prepareSession()
{
    if (auto made = m_connection.execScript(CreateRandomFunction); !made) {
        return made;
    }
    return {};
}

namespace {

// Runs fn inside BEGIN/COMMIT; rolls back when it fails.
template<typename Fn>
auto inTransaction(PgConnection &connection, Fn &&fn) -> decltype(fn())
{
    if (auto begun = connection.execScript(QStringLiteral("BEGIN")); !begun) {
        return tl::unexpected(begun.error());
    }
    auto outcome = fn();
    if (!outcome) {
        (void)connection.execScript(QStringLiteral("ROLLBACK"));
        return outcome;
    }
    if (auto committed = connection.execScript(QStringLiteral("COMMIT")); !committed) {
        return tl::unexpected(committed.error());
    }
    return outcome;
}

} // namespace

Result<void> DemoCitySeeder::seedCity(const FeatureSource &source)
{
    if (auto prepared = prepareSession(); !prepared) {
        return prepared;
    }
    return inTransaction(m_connection, [&]() -> Result<void> {
        if (auto r = clearExisting(); !r) {
            return r;
        }
        if (auto r = loadBasemap(source); !r) {
            return r;
        }
        if (auto r = generateOrganisation(); !r) {
            return r;
        }
        if (auto r = generateAssets(); !r) {
            return r;
        }
        if (auto r = generateSensors(); !r) {
            return r;
        }
        if (auto r = generateWorkOrders(); !r) {
            return r;
        }
        // The city's quarters as district geofences (enter and exit recorded, no alarm), so the
        // planner finds fences to open and snap to. A name already there is left alone: a
        // planner's fence is never replaced by a seed.
        if (auto r
            = exec(QStringLiteral("geofences"),
                   QStringLiteral("INSERT INTO geofence (name, purpose, rules, geom) "
                                  "SELECT d.name, 'district', '{\"enter\": {}, \"exit\": {}}', "
                                  "ST_Multi(d.geom) FROM basemap.district d "
                                  "WHERE d.admin_level = 10 AND d.name IS NOT NULL "
                                  "AND ST_IsValid(d.geom) AND ST_GeometryType(d.geom) "
                                  "IN ('ST_Polygon', 'ST_MultiPolygon') AND NOT EXISTS "
                                  "(SELECT 1 FROM geofence g WHERE g.name = d.name)"));
            !r) {
            return r;
        }
        // The point-cluster grid (asset_cell) and the counts per type, whatever the loads above
        // did with triggers.
        if (auto r
            = exec(QStringLiteral("cluster grid"),
                   QStringLiteral("SELECT asset_cell_rebuild(), asset_type_count_rebuild()"));
            !r) {
            return r;
        }
        return checkCancelled();
    });
}

Result<void> DemoCitySeeder::clearExisting()
{
    auto existing = m_connection.exec(
        QStringLiteral("SELECT (SELECT count(*) FROM asset), (SELECT count(*) FROM department)"));
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    const qint64 assets = existing->toInt(0, 0);
    const qint64 departments = existing->toInt(0, 1);
    if ((assets > 0 || departments > 0) && !m_options.replace) {
        return fail(ErrorCode::Conflict,
                    QStringLiteral("the database already holds a city (%1 assets, %2 "
                                   "departments); replace it explicitly or use another database")
                        .arg(assets)
                        .arg(departments));
    }
    report(QStringLiteral("clearing"), 0, 1);
    // The demo city is replaced as a whole. TRUNCATE bypasses the row audit triggers on purpose:
    // replacing the demo data is an administrative reset, not an edit anyone needs to audit row by
    // row. CASCADE also empties what refers to the old assets (alarms, readings, geofence events).
    // RESTART IDENTITY makes a replaced city identical to a fresh one.
    return exec(QStringLiteral("clearing"),
                QStringLiteral(
                    "TRUNCATE budget_entry, work_order_event, work_order, budget, alarm, "
                    "alarm_rule, sensor, reading, reading_1m, reading_1h, vehicle_position, asset, "
                    "asset_type, crew, department, basemap.extract, basemap.road, "
                    "basemap.railway, basemap.building, basemap.water, basemap.waterway, "
                    "basemap.landuse, basemap.coastline, basemap.district, basemap.place, "
                    "basemap.poi RESTART IDENTITY CASCADE;"))
        .and_then([&]() {
            return exec(QStringLiteral("clearing"),
                        QStringLiteral("SELECT setval('work_order_code_seq', 1, false)"));
        });
}

Result<void> DemoCitySeeder::loadBasemap(const FeatureSource &source)
{
    const QString phase = QStringLiteral("reading OSM extract");
    if (auto r = exec(phase,
                      QStringLiteral("CREATE TEMP TABLE seed_stage (seq bigint, layer smallint, "
                                     "osm_type \"char\", osm_id bigint, tags jsonb, wkb bytea) "
                                     "ON COMMIT DROP"));
        !r) {
        return r;
    }

    std::optional<Error> sourceError;
    qint64 seq = 0;
    bool finished = false;
    gis::OsmFeature feature;
    auto copied = m_connection.copyIn(
        QStringLiteral("COPY seed_stage (seq, layer, osm_type, osm_id, tags, wkb) FROM STDIN"),
        [&](QByteArray &chunk) {
            while (!finished && chunk.size() < (1 << 20)) {
                if (m_cancel && m_cancel->load()) {
                    return false;
                }
                auto more = source(feature);
                if (!more) {
                    sourceError = more.error();
                    return false;
                }
                if (!*more) {
                    finished = true;
                    break;
                }
                ++seq;
                QJsonObject tags;
                for (auto it = feature.tags.cbegin(); it != feature.tags.cend(); ++it) {
                    tags.insert(it.key(), it.value());
                }
                chunk.append(QByteArray::number(seq));
                chunk.append('\t');
                chunk.append(QByteArray::number(int(feature.layer)));
                chunk.append('\t');
                chunk.append(elementLetter(feature.elementType));
                chunk.append('\t');
                chunk.append(QByteArray::number(feature.osmId));
                chunk.append('\t');
                appendCopyText(chunk, QJsonDocument(tags).toJson(QJsonDocument::Compact));
                chunk.append("\t\\\\x");
                chunk.append(gis::encodeWkb(feature.geometry).toHex());
                chunk.append('\n');
                if (seq % 5000 == 0) {
                    report(phase, seq, -1);
                }
            }
            return !finished;
        });
    if (sourceError) {
        return tl::unexpected(*sourceError);
    }
    if (auto cancelled = checkCancelled(); !cancelled) {
        return cancelled;
    }
    if (!copied) {
        return tl::unexpected(copied.error());
    }
    report(phase, seq, seq);

    const QString load = QStringLiteral("loading base map");
    const QList<QString> statements = {
        QStringLiteral(R"sql(
CREATE TEMP TABLE seed_geom ON COMMIT DROP AS
SELECT * FROM (SELECT seq, layer, osm_type, osm_id, tags, pg_temp.geom_or_null(wkb) AS geom
               FROM seed_stage) s
WHERE geom IS NOT NULL
ORDER BY seq)sql"),
        QStringLiteral("DROP TABLE seed_stage"),
        // Lines (layer 1).
        QStringLiteral(R"sql(
INSERT INTO basemap.road (osm_id, class, name, ref, oneway, bridge, tunnel, layer, geom)
SELECT osm_id, tags->>'highway', tags->>'name', tags->>'ref',
       coalesce(tags->>'oneway', 'no') IN ('yes', 'true', '1', '-1'),
       coalesce(tags->>'bridge', 'no') NOT IN ('no', 'false', '0'),
       coalesce(tags->>'tunnel', 'no') NOT IN ('no', 'false', '0'),
       CASE WHEN tags->>'layer' ~ '^-?[0-9]$' THEN (tags->>'layer')::smallint ELSE 0 END,
       geom
FROM seed_geom
WHERE layer = 1 AND tags ? 'highway' AND GeometryType(geom) = 'LINESTRING'
  AND ST_IsValid(geom, 0)
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.railway (osm_id, class, name, geom)
SELECT osm_id, tags->>'railway', tags->>'name', geom FROM seed_geom
WHERE layer = 1 AND tags ? 'railway' AND GeometryType(geom) = 'LINESTRING'
  AND ST_IsValid(geom, 0)
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.waterway (osm_id, kind, name, geom)
SELECT osm_id, tags->>'waterway', tags->>'name', geom FROM seed_geom
WHERE layer = 1 AND tags ? 'waterway' AND GeometryType(geom) = 'LINESTRING'
  AND ST_IsValid(geom, 0)
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.coastline (osm_id, geom)
SELECT osm_id, geom FROM seed_geom
WHERE layer = 1 AND tags->>'natural' = 'coastline' AND GeometryType(geom) = 'LINESTRING'
  AND ST_IsValid(geom, 0)
ORDER BY seq)sql"),
        // Areas (layer 3). Rings cut at the extract's edge or relations GDAL could only return
        // as a collection are repaired to valid multipolygons; what has no area left is dropped.
        QStringLiteral(R"sql(
CREATE TEMP TABLE seed_area ON COMMIT DROP AS
SELECT seq, osm_type, osm_id, tags, g AS geom
FROM (SELECT seq, osm_type, osm_id, tags,
             ST_Multi(CASE WHEN GeometryType(geom) = 'MULTIPOLYGON' AND ST_IsValid(geom, 0)
                           THEN geom
                           ELSE ST_CollectionExtract(ST_MakeValid(geom), 3) END) AS g
      FROM seed_geom WHERE layer = 3) a
WHERE NOT ST_IsEmpty(g) AND GeometryType(g) = 'MULTIPOLYGON' AND ST_IsValid(g, 0)
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.building (osm_id, osm_type, kind, name, levels, height_m, geom)
SELECT osm_id, osm_type, tags->>'building', tags->>'name',
       CASE WHEN tags->>'building:levels' ~ '^[0-9]{1,3}$'
            THEN (tags->>'building:levels')::smallint END,
       CASE WHEN tags->>'height' ~ '^[0-9]{1,4}(\.[0-9]+)?$' THEN (tags->>'height')::real END,
       geom
FROM seed_area
WHERE tags ? 'building' AND tags->>'building' <> 'no'
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.water (osm_id, osm_type, kind, name, geom)
SELECT osm_id, osm_type,
       coalesce(tags->>'water', tags->>'waterway', tags->>'landuse', tags->>'natural'),
       tags->>'name', geom
FROM seed_area
WHERE tags->>'natural' = 'water' OR tags->>'waterway' IN ('riverbank', 'dock')
   OR tags->>'landuse' IN ('reservoir', 'basin')
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.landuse (osm_id, osm_type, kind, name, geom)
SELECT osm_id, osm_type, kind, tags->>'name', geom
FROM (SELECT *,
             coalesce(
                 CASE WHEN tags->>'landuse' NOT IN ('reservoir', 'basin') THEN tags->>'landuse' END,
                 CASE WHEN tags->>'leisure' IN ('park', 'garden', 'playground', 'pitch',
                                                'golf_course', 'nature_reserve', 'stadium',
                                                'recreation_ground', 'sports_centre', 'marina',
                                                'dog_park', 'common')
                      THEN tags->>'leisure' END,
                 CASE WHEN tags->>'natural' IN ('wood', 'scrub', 'grassland', 'heath', 'beach',
                                                'sand', 'bare_rock', 'scree', 'wetland')
                      THEN tags->>'natural' END,
                 CASE WHEN tags->>'amenity' IN ('parking', 'grave_yard', 'school', 'university',
                                                'hospital')
                      THEN tags->>'amenity' END) AS kind
      FROM seed_area) a
WHERE kind IS NOT NULL
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.district (osm_id, osm_type, name, admin_level, geom)
SELECT osm_id, osm_type, tags->>'name',
       CASE WHEN tags->>'admin_level' ~ '^[0-9]{1,2}$' THEN (tags->>'admin_level')::smallint END,
       geom
FROM seed_area
WHERE tags->>'boundary' = 'administrative' AND tags ? 'name'
ORDER BY seq)sql"),
        // Points (layer 0).
        QStringLiteral(R"sql(
INSERT INTO basemap.place (osm_id, kind, name, population, geom)
SELECT osm_id, tags->>'place', tags->>'name',
       CASE WHEN tags->>'population' ~ '^[0-9]{1,9}$' THEN (tags->>'population')::integer END,
       geom
FROM seed_geom
WHERE layer = 0 AND tags ? 'place' AND tags ? 'name' AND GeometryType(geom) = 'POINT'
ORDER BY seq)sql"),
        QStringLiteral(R"sql(
INSERT INTO basemap.poi (osm_id, kind, name, tags, geom)
SELECT osm_id,
       coalesce((SELECT k || '=' || (tags->>k)
                 FROM unnest(ARRAY['highway', 'emergency', 'manhole', 'amenity',
                                   'public_transport', 'railway', 'shop', 'tourism', 'leisure',
                                   'man_made', 'power', 'natural', 'historic', 'barrier',
                                   'traffic_sign', 'office', 'craft', 'sport', 'entrance'])
                      WITH ORDINALITY AS u (k, o)
                 WHERE tags ? k ORDER BY o LIMIT 1),
                (SELECT k || '=' || v FROM jsonb_each_text(tags) AS e (k, v)
                 WHERE k <> 'name' ORDER BY k LIMIT 1),
                'name'),
       tags->>'name', tags, geom
FROM seed_geom
WHERE layer = 0 AND NOT (tags ? 'place' AND tags ? 'name') AND GeometryType(geom) = 'POINT'
ORDER BY seq)sql"),
    };
    for (qsizetype i = 0; i < statements.size(); ++i) {
        report(load, i, statements.size());
        if (auto r = exec(load, statements[i]); !r) {
            return r;
        }
    }

    // The extract's area: the header's box, else the extent of what was read.
    if (m_options.bounds) {
        const gis::GeoBounds &b = *m_options.bounds;
        if (auto r
            = exec(load,
                   QStringLiteral("INSERT INTO basemap.extract (source, bounds) "
                                  "VALUES ($1, ST_MakeEnvelope($2, $3, $4, $5, 4326))"),
                   {m_options.sourceName, b.westDeg(), b.southDeg(), b.eastDeg(), b.northDeg()});
            !r) {
            return r;
        }
    } else if (auto r = exec(
                   load,
                   QStringLiteral("INSERT INTO basemap.extract (source, bounds) "
                                  "SELECT $1, ST_MakeEnvelope(ST_XMin(e), ST_YMin(e), ST_XMax(e), "
                                  "ST_YMax(e), 4326) "
                                  "FROM (SELECT ST_Extent(geom) AS e FROM seed_geom) x "
                                  "WHERE ST_XMax(e) > ST_XMin(e) AND ST_YMax(e) > ST_YMin(e)"),
                   {m_options.sourceName});
               !r) {
        return r;
    }
    auto roads = m_connection.exec(QStringLiteral("SELECT (SELECT count(*) FROM basemap.road), "
                                                  "(SELECT count(*) FROM basemap.extract)"));
    if (!roads) {
        return tl::unexpected(roads.error());
    }
    if (roads->toInt(0, 1) == 0 || roads->toInt(0, 0) == 0) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the OSM extract has no streets (highway=* ways) to build a "
                                   "city on"));
    }
    report(load, statements.size(), statements.size());
    return exec(load, QStringLiteral("DROP TABLE seed_geom"));
}

Result<void> DemoCitySeeder::generateOrganisation()
{
    const QString phase = QStringLiteral("departments and crews");
    report(phase, 0, 1);
    const QList<QString> statements = {
        QStringLiteral(R"sql(
INSERT INTO department (code, name) VALUES
    ('STL', 'Street Lighting'),
    ('WSW', 'Water & Sewer'),
    ('RTR', 'Roads & Traffic'),
    ('ENV', 'Environment'),
    ('WST', 'Waste'),
    ('PRK', 'Parks & Trees'))sql"),
        // Three to four crews per department, each with its own vehicle.
        QStringLiteral(R"sql(
INSERT INTO crew (department_id, code, name, vehicle_code, size)
SELECT d.id, d.code || '-C' || n, d.name || ' crew ' || chr(64 + n),
       d.code || '-V' || lpad(n::text, 2, '0'),
       2 + floor(pg_temp.rnd($1, d.id * 8 + n, 1) * 3)::int
FROM department d
CROSS JOIN LATERAL generate_series(1, CASE WHEN d.code IN ('STL', 'WSW', 'RTR') THEN 4 ELSE 3 END)
     AS n
ORDER BY d.id, n)sql"),
        // The catalogue: code, name, geometry kind, symbol, unit cost (EUR, per item or per
        // line), department, code prefix, service life in years, order.
        QStringLiteral(R"sql(
CREATE TEMP TABLE seed_type ON COMMIT DROP AS
SELECT * FROM (VALUES
    ('street_light',        'Street light',        'point', 1800,  'STL', 'SL', 40,  1, 'lighting'),
    ('traffic_signal',      'Traffic signal',      'point', 45000, 'RTR', 'TS', 25,  2, 'signal'),
    ('hydrant',             'Fire hydrant',        'point', 3500,  'WSW', 'HY', 60,  3, 'hydrant'),
    ('manhole',             'Manhole',             'point', 2500,  'WSW', 'MH', 80,  4, 'manhole'),
    ('water_main',          'Water main',          'line',  90000, 'WSW', 'WM', 90,  5, 'main'),
    ('sewer',               'Sewer',               'line',  120000,'WSW', 'SW', 100, 6, 'sewer'),
    ('bus_stop',            'Bus stop',            'point', 12000, 'RTR', 'BS', 30,  7, 'bus_stop'),
    ('tree',                'Street tree',         'point', 900,   'PRK', 'TR', 60,  8, 'tree'),
    ('waste_bin',           'Waste bin',           'point', 1200,  'WST', 'WB', 12,  9, 'bin'),
    ('air_quality_station', 'Air quality station', 'point', 25000, 'ENV', 'AQ', 8,  10, 'sensor'),
    ('noise_monitor',       'Noise monitor',       'point', 8000,  'ENV', 'NM', 8,  11, 'sensor'),
    ('traffic_counter',     'Traffic counter',     'point', 6000,  'RTR', 'TC', 10, 12, 'sensor'),
    ('pressure_logger',     'Pressure logger',     'point', 3000,  'WSW', 'PL', 10, 13, 'sensor'),
    ('parking_sensor',      'Parking sensor',      'point', 400,   'RTR', 'PK', 8,  14, 'sensor'),
    ('tide_gauge',          'Tide gauge',          'point', 30000, 'ENV', 'TG', 15, 15, 'sensor')
) AS t (code, name, geometry_kind, unit_cost, department, prefix, life_years, ord, work))sql"),
        QStringLiteral(R"sql(
INSERT INTO asset_type (code, name, geometry_kind, symbol, unit_cost, department_id)
SELECT t.code, t.name, t.geometry_kind, t.code, t.unit_cost, d.id
FROM seed_type t JOIN department d ON d.code = t.department
ORDER BY t.ord)sql"),
    };
    for (const QString &sql : statements) {
        if (auto r
            = exec(phase,
                   sql,
                   sql.contains(u'$') ? QVariantList{qint64(m_options.seed)} : QVariantList{});
            !r) {
            return r;
        }
    }
    report(phase, 1, 1);
    return {};
}

Result<void> DemoCitySeeder::generateAssets()
{
    const QVariant seed = qint64(m_options.seed);

    // All distances below are in metres; k converts metres to Web Mercator units at the city's
    // latitude (1 / cos(latitude)), so the work is done in EPSG:3857 where a metre is a metre in
    // every direction near the city.
    QList<Step> steps;
    steps.append({QStringLiteral("preparing streets"),
                  QStringLiteral(R"sql(
CREATE TEMP TABLE seed_cfg ON COMMIT DROP AS
SELECT bounds, 1.0 / cos(radians(ST_Y(ST_Centroid(bounds)))) AS k
FROM basemap.extract ORDER BY id DESC LIMIT 1)sql"),
                  {}});
    steps.append({QStringLiteral("preparing streets"),
                  QStringLiteral(R"sql(
CREATE TEMP TABLE seed_street ON COMMIT DROP AS
SELECT s.id, s.class, s.name, s.g, ST_Length(s.g) AS len,
       CASE WHEN GeometryType(l) = 'LINESTRING' AND NOT ST_IsEmpty(l) THEN l ELSE s.g END AS gl,
       CASE WHEN GeometryType(r) = 'LINESTRING' AND NOT ST_IsEmpty(r) THEN r ELSE s.g END AS gr
FROM (SELECT id, class, name, ST_Transform(geom, 3857) AS g FROM basemap.road) s
CROSS JOIN seed_cfg c
CROSS JOIN LATERAL (SELECT CASE WHEN s.class = ANY($1::text[])
                                THEN ST_OffsetCurve(s.g, 4 * c.k) END AS l,
                           CASE WHEN s.class = ANY($1::text[])
                                THEN ST_OffsetCurve(s.g, -4 * c.k) END AS r) o
ORDER BY s.id)sql"),
                  {QVariant(LitClasses)}});
    steps.append({QStringLiteral("preparing streets"),
                  QStringLiteral("CREATE INDEX ON seed_street USING gist (g)"),
                  {}});
    steps.append({QStringLiteral("preparing streets"), QStringLiteral("ANALYZE seed_street"), {}});
    steps.append({QStringLiteral("preparing streets"),
                  QStringLiteral(R"sql(
CREATE TEMP TABLE seed_gen (type_code text NOT NULL, src smallint NOT NULL, k1 bigint NOT NULL,
                            k2 bigint NOT NULL, osm_id bigint, street text, attributes jsonb,
                            g geometry NOT NULL) ON COMMIT DROP)sql"),
                  {}});
    // Real street furniture from the extract first: it keeps its osm_id and tags.
    steps.append({QStringLiteral("real OSM assets"),
                  QStringLiteral(R"sql(
INSERT INTO seed_gen (type_code, src, k1, k2, osm_id, attributes, g)
SELECT m.type_code, 0, p.id, 0, p.osm_id, p.tags || '{"source": "osm"}', ST_Transform(p.geom, 3857)
FROM basemap.poi p
CROSS JOIN LATERAL (SELECT CASE
    WHEN p.tags->>'highway' = 'street_lamp' THEN 'street_light'
    WHEN p.tags->>'emergency' = 'fire_hydrant' THEN 'hydrant'
    WHEN p.tags ? 'manhole' THEN 'manhole'
    WHEN p.tags->>'highway' = 'traffic_signals' THEN 'traffic_signal'
    WHEN p.tags->>'highway' = 'bus_stop' THEN 'bus_stop'
    WHEN p.tags->>'natural' = 'tree' THEN 'tree'
    WHEN p.tags->>'amenity' IN ('waste_basket', 'waste_disposal') THEN 'waste_bin'
    END AS type_code) m
WHERE m.type_code IS NOT NULL
ORDER BY p.id)sql"),
                  {}});
    steps.append({QStringLiteral("real OSM assets"),
                  QStringLiteral("CREATE INDEX ON seed_gen USING gist (g)"),
                  {}});
    steps.append({QStringLiteral("real OSM assets"), QStringLiteral("ANALYZE seed_gen"), {}});

    // Points at a fixed spacing along streets: (type, spacing m, phase, side, classes, keep-away
    // distance from a real asset of the same type in m).
    struct Along
    {
        QString type;
        double spacingMeters;
        double phase;
        QString side;
        QStringList classes;
        double keepAwayMeters;
    };

    const QList<Along> along = {
        {QStringLiteral("street_light"), 30, 0.5, QStringLiteral("gl"), LitClasses, 20},
        {QStringLiteral("hydrant"), 100, 0.35, QStringLiteral("gr"), UtilityClasses, 60},
        {QStringLiteral("manhole"), 50, 0.2, QStringLiteral("g"), UtilityClasses, 25},
        {QStringLiteral("waste_bin"), 120, 0.7, QStringLiteral("gr"), BinClasses, 40},
    };
    for (const Along &a : along) {
        // side is one of our three column names, never input.
        steps.append({a.type + QStringLiteral("s along streets"),
                      QStringLiteral(R"sql(
INSERT INTO seed_gen (type_code, src, k1, k2, street, attributes, g)
SELECT $1, 1, s.id, i, s.name, jsonb_build_object('road_class', s.class), p.g
FROM seed_street s
CROSS JOIN seed_cfg c
CROSS JOIN LATERAL generate_series(0, floor(s.len / ($2 * c.k) - $3)::int) AS i
CROSS JOIN LATERAL (SELECT ST_LineInterpolatePoint(s.%1,
                        LEAST(1.0, (i + $3) * $2 * c.k / s.len)) AS g) p
WHERE s.class = ANY($4::text[]) AND s.len > 0
  AND NOT EXISTS (SELECT 1 FROM seed_gen r
                  WHERE r.src = 0 AND r.type_code = $1 AND ST_DWithin(r.g, p.g, $5 * c.k))
ORDER BY s.id, i)sql")
                          .arg(a.side),
                      {a.type, a.spacingMeters, a.phase, QVariant(a.classes), a.keepAwayMeters}});
    }
    // Water mains and sewers follow each utility street, offset to one side / in the middle.
    steps.append({QStringLiteral("water mains and sewers"),
                  QStringLiteral(R"sql(
INSERT INTO seed_gen (type_code, src, k1, k2, street, attributes, g)
SELECT t.type_code, 1, s.id, 0, s.name, jsonb_build_object('road_class', s.class),
       CASE WHEN t.type_code = 'water_main' THEN s.gl ELSE s.g END
FROM seed_street s
CROSS JOIN seed_cfg c
CROSS JOIN (VALUES ('water_main'), ('sewer')) AS t (type_code)
WHERE s.class = ANY($1::text[]) AND s.len >= 15 * c.k
ORDER BY s.id, t.type_code)sql"),
                  {QVariant(UtilityClasses)}});
    // Traffic signals at junctions of major streets: vertices shared by two or more ways with at
    // least three arms, where a real signal is not already mapped.
    steps.append({QStringLiteral("traffic signals at junctions"),
                  QStringLiteral(R"sql(
INSERT INTO seed_gen (type_code, src, k1, k2, street, attributes, g)
SELECT 'traffic_signal', 1, j.rank, 0, j.street,
       jsonb_build_object('arms', j.degree, 'junction_roads', j.roads), j.pt
FROM (SELECT pt, degree, roads, major, street,
             row_number() OVER (ORDER BY ST_X(pt), ST_Y(pt)) AS rank
      FROM (SELECT v.pt,
                   sum(CASE WHEN v.idx = 1 OR v.idx = v.n THEN 1 ELSE 2 END) AS degree,
                   count(DISTINCT v.road_id) AS roads,
                   count(DISTINCT v.road_id) FILTER (WHERE v.class = ANY($2::text[])) AS major,
                   min(v.name) AS street
            FROM (SELECT s.id AS road_id, s.class, s.name, (d).path[1] AS idx,
                         ST_NPoints(s.g) AS n, ST_SnapToGrid((d).geom, 0.01) AS pt
                  FROM seed_street s CROSS JOIN LATERAL ST_DumpPoints(s.g) AS d
                  WHERE s.class = ANY($3::text[])) v
            GROUP BY v.pt) g
      WHERE roads >= 2 AND degree >= 3 AND major >= 2) j
CROSS JOIN seed_cfg c
WHERE pg_temp.rnd($1, j.rank, 3) < 0.6
  AND NOT EXISTS (SELECT 1 FROM seed_gen r
                  WHERE r.type_code = 'traffic_signal' AND ST_DWithin(r.g, j.pt, 40 * c.k))
ORDER BY j.rank)sql"),
                  {seed, QVariant(MajorClasses), QVariant(LitClasses)}});

    // Sensor stations: a number that grows with the street network, on streets picked by hash.
    // (type, classes, metres of street per station, minimum, maximum, side, salt)
    struct Stations
    {
        QString type;
        QStringList classes;
        double streetMetersPerStation;
        int minimum;
        int maximum;
        QString side;
        int salt;
    };

    const QList<Stations> stations = {
        {QStringLiteral("air_quality_station"),
         MajorClasses,
         4000,
         8,
         80,
         QStringLiteral("gl"),
         11},
        {QStringLiteral("noise_monitor"), UtilityClasses, 3000, 8, 120, QStringLiteral("gl"), 12},
        {QStringLiteral("traffic_counter"), MajorClasses, 1500, 10, 200, QStringLiteral("g"), 13},
        {QStringLiteral("pressure_logger"), UtilityClasses, 2500, 8, 150, QStringLiteral("gl"), 14},
        {QStringLiteral("parking_sensor"), UtilityClasses, 2500, 10, 150, QStringLiteral("gr"), 15},
    };
    for (const Stations &s : stations) {
        steps.append({s.type + QStringLiteral("s"),
                      QStringLiteral(R"sql(
INSERT INTO seed_gen (type_code, src, k1, k2, street, attributes, g)
SELECT $2, 1, x.id, 0, x.name, jsonb_build_object('road_class', x.class),
       ST_LineInterpolatePoint(x.%1, 0.5)
FROM (SELECT s.*, row_number() OVER (ORDER BY pg_temp.rnd($1, s.id, $7), s.id) AS rn
      FROM seed_street s CROSS JOIN seed_cfg c
      WHERE s.class = ANY($3::text[]) AND s.len >= 40 * c.k) x
WHERE x.rn <= (SELECT LEAST($6, GREATEST($5, round(sum(s.len / c.k) / $4)))
               FROM seed_street s CROSS JOIN seed_cfg c WHERE s.class = ANY($3::text[]))
ORDER BY x.id)sql")
                          .arg(s.side),
                      {seed,
                       s.type,
                       QVariant(s.classes),
                       s.streetMetersPerStation,
                       s.minimum,
                       s.maximum,
                       s.salt}});
    }
    // Tide gauges on the coastline, one per 1.5 km of coast, at most 8.
    steps.append({QStringLiteral("tide gauges"),
                  QStringLiteral(R"sql(
INSERT INTO seed_gen (type_code, src, k1, k2, street, attributes, g)
SELECT 'tide_gauge', 1, x.id, 0, NULL, '{"datum": "local mean sea level"}',
       ST_LineInterpolatePoint(x.g, 0.5)
FROM (SELECT cl.id, ST_Transform(cl.geom, 3857) AS g,
             row_number() OVER (ORDER BY pg_temp.rnd($1, cl.id, 16), cl.id) AS rn
      FROM basemap.coastline cl WHERE ST_Length(cl.geom::geography) >= 200) x
WHERE x.rn <= (SELECT LEAST(8, GREATEST(1, round(sum(ST_Length(geom::geography)) / 1500)))
               FROM basemap.coastline)
ORDER BY x.id)sql"),
                  {seed}});
    // Street names for real assets: the nearest named street within 60 m.
    steps.append({QStringLiteral("street names"),
                  QStringLiteral(R"sql(
UPDATE seed_gen gen SET street = (
    SELECT s.name FROM seed_street s CROSS JOIN seed_cfg c
    WHERE s.name IS NOT NULL AND ST_DWithin(s.g, gen.g, 60 * c.k)
    ORDER BY s.g <-> gen.g, s.id LIMIT 1)
WHERE gen.street IS NULL)sql"),
                  {}});

    // Into the asset table, with codes per type, status, condition, install date and
    // type-specific attributes; only what lies inside the extract.
    steps.append({QStringLiteral("writing assets"),
                  QStringLiteral(R"sql(
INSERT INTO asset (type_id, code, name, street, status, condition, install_date, attributes, geom,
                   osm_id)
SELECT at.id,
       y.prefix || '-' || lpad(y.n::text, 6, '0'),
       coalesce(y.attributes->>'name',
                y.type_name || coalesce(', ' || y.street, '') || ' ' || y.prefix || '-'
                || lpad(y.n::text, 6, '0')),
       y.street,
       y.status,
       CASE WHEN y.status = 'planned' THEN NULL
            WHEN y.status = 'faulty' THEN 1 + floor(y.r3 * 2)::int
            ELSE GREATEST(1, LEAST(5, 5 - floor(y.age * 4.2 + (y.r3 - 0.5) * 1.6)::int)) END,
       CASE WHEN y.status = 'planned' THEN NULL
            ELSE $2::date - (y.age * y.life_years * 365.25)::int END,
       y.attributes || CASE y.type_code
           WHEN 'street_light' THEN jsonb_build_object(
               'lamp', CASE WHEN y.r4 < 0.62 THEN 'LED' WHEN y.r4 < 0.9 THEN 'HPS'
                            ELSE 'metal halide' END,
               'wattage', CASE WHEN y.r4 < 0.62 THEN 30 + 10 * floor(y.r5 * 7)::int
                               ELSE 70 + 50 * floor(y.r5 * 4)::int END,
               'pole_height_m', 4 + floor(y.r5 * 9)::int)
           WHEN 'hydrant' THEN jsonb_build_object(
               'kind', CASE WHEN y.r4 < 0.55 THEN 'pillar' ELSE 'underground' END,
               'diameter_mm', (ARRAY[80, 100, 150])[1 + floor(y.r5 * 3)::int],
               'flow_l_min', 600 + 100 * floor(y.r4 * 14)::int)
           WHEN 'manhole' THEN jsonb_build_object(
               'network', CASE WHEN y.r4 < 0.55 THEN 'sewer' WHEN y.r4 < 0.8 THEN 'storm_drain'
                               WHEN y.r4 < 0.92 THEN 'water' ELSE 'telecom' END,
               'cover_mm', CASE WHEN y.r5 < 0.7 THEN 600 ELSE 800 END,
               'depth_m', round((1.2 + y.r5 * 3.8)::numeric, 1))
           WHEN 'water_main' THEN jsonb_build_object(
               'diameter_mm', CASE WHEN y.attributes->>'road_class' IN ('trunk', 'primary')
                                   THEN 300 WHEN y.attributes->>'road_class' = 'secondary' THEN 200
                                   ELSE (ARRAY[100, 150])[1 + floor(y.r5 * 2)::int] END,
               'material', (ARRAY['ductile iron', 'cast iron', 'PVC', 'PE'])[1 + floor(y.r4 * 4)::int],
               'length_m', round(ST_Length(y.geom::geography)))
           WHEN 'sewer' THEN jsonb_build_object(
               'diameter_mm', (ARRAY[250, 300, 400, 600, 800])[1 + floor(y.r5 * 5)::int],
               'material', (ARRAY['concrete', 'vitrified clay', 'PVC'])[1 + floor(y.r4 * 3)::int],
               'system', CASE WHEN y.r4 < 0.5 THEN 'combined' WHEN y.r4 < 0.8 THEN 'foul'
                              ELSE 'storm' END,
               'length_m', round(ST_Length(y.geom::geography)))
           WHEN 'traffic_signal' THEN jsonb_build_object(
               'heads', 2 * coalesce((y.attributes->>'arms')::int, 3),
               'controller', (ARRAY['Siemens sX', 'Swarco ITC-3', 'Dynniq'])[1 + floor(y.r4 * 3)::int])
           WHEN 'waste_bin' THEN jsonb_build_object(
               'volume_l', (ARRAY[50, 80, 120, 240])[1 + floor(y.r5 * 4)::int])
           ELSE '{}'::jsonb END,
       y.geom,
       y.osm_id
FROM (SELECT x.*, pg_temp.rnd($1, x.gid, 21) AS r1, pg_temp.rnd($1, x.gid, 22) AS r2,
             pg_temp.rnd($1, x.gid, 23) AS r3, pg_temp.rnd($1, x.gid, 24) AS r4,
             pg_temp.rnd($1, x.gid, 25) AS r5,
             power(pg_temp.rnd($1, x.gid, 22), 1.3) AS age,
             CASE WHEN pg_temp.rnd($1, x.gid, 21) < 0.90 THEN 'active'
                  WHEN pg_temp.rnd($1, x.gid, 21) < 0.94 THEN 'faulty'
                  WHEN pg_temp.rnd($1, x.gid, 21) < 0.97 THEN 'inactive'
                  WHEN pg_temp.rnd($1, x.gid, 21) < 0.985 THEN 'planned'
                  ELSE 'retired' END AS status
      FROM (SELECT gen.*, t.prefix, t.name AS type_name, t.life_years, t.ord, w.geom,
                   row_number() OVER (ORDER BY t.ord, gen.src, gen.k1, gen.k2) AS gid,
                   row_number() OVER (PARTITION BY gen.type_code
                                      ORDER BY gen.src, gen.k1, gen.k2) AS n
            FROM seed_gen gen
            JOIN seed_type t ON t.code = gen.type_code
            CROSS JOIN LATERAL (SELECT ST_Transform(gen.g, 4326) AS geom) w
            CROSS JOIN seed_cfg c
            WHERE ST_CoveredBy(w.geom, c.bounds) AND ST_IsValid(w.geom, 0)) x) y
JOIN asset_type at ON at.code = y.type_code
ORDER BY y.gid)sql"),
                  {seed, m_options.referenceTime.date()}});

    return runSteps(steps, QStringLiteral("writing assets"));
}

Result<void> DemoCitySeeder::runSteps(const QList<Step> &steps, const QString &finalPhase)
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        report(steps[i].phase, i, steps.size());
        if (auto r = exec(steps[i].phase, steps[i].sql, steps[i].params); !r) {
            return r;
        }
    }
    report(finalPhase, steps.size(), steps.size());
    return {};
}

Result<void> DemoCitySeeder::generateSensors()
{
    const QString phase = QStringLiteral("sensors");
    report(phase, 0, 1);
    // kind, unit, thresholds, hysteresis, sample interval, typical value and spread. Thresholds:
    // PM2.5 after the WHO 2005 24-hour guideline (25 µg/m³) and the EU daily limit practice;
    // road noise after the WHO/END day level of 65 dB(A); mains pressure 2-6 bar normal.
    return exec(phase,
                QStringLiteral(R"sql(
INSERT INTO sensor (asset_id, code, kind, unit, warn_low, warn_high, crit_low, crit_high,
                    hysteresis, sample_interval, last_value, last_seen, geom)
SELECT x.asset_id,
       x.prefix || '-' || lpad(row_number() OVER (PARTITION BY x.kind ORDER BY x.asset_id)::text,
                               5, '0'),
       x.kind, x.unit, x.warn_low,
       x.warn_high * x.capacity, x.crit_low, x.crit_high * x.capacity,
       x.hysteresis, x.sample_interval,
       round((x.typical * x.capacity
              + (pg_temp.rnd($1, x.asset_id, 31) - 0.5) * 2 * x.spread * x.capacity)::numeric, 2),
       $2::timestamptz - make_interval(secs => floor(pg_temp.rnd($1, x.asset_id, 32)
                                                     * extract(epoch FROM x.sample_interval))),
       x.geom
FROM (SELECT a.id AS asset_id, a.geom, k.*,
             CASE WHEN k.kind = 'traffic_count'
                  THEN CASE a.attributes->>'road_class'
                           WHEN 'trunk' THEN 3.0 WHEN 'primary' THEN 1.8
                           WHEN 'secondary' THEN 1.2 WHEN 'tertiary' THEN 0.8 ELSE 0.5 END
                  ELSE 1.0 END AS capacity
      FROM asset a
      JOIN asset_type t ON t.id = a.type_id
      JOIN (VALUES
          ('air_quality_station', 'air_quality', 'AQ', 'µg/m³', NULL, 25.0, NULL, 50.0, 2.0,
           interval '5 minutes', 12.0, 8.0),
          ('noise_monitor', 'noise', 'NS', 'dB(A)', NULL, 65.0, NULL, 75.0, 1.0,
           interval '1 minute', 58.0, 6.0),
          ('traffic_counter', 'traffic_count', 'TC', 'vehicles/h', NULL, 850.0, NULL, 1000.0, 25.0,
           interval '5 minutes', 450.0, 300.0),
          ('pressure_logger', 'water_pressure', 'WP', 'bar', 2.0, 6.0, 1.5, 7.0, 0.1,
           interval '1 minute', 4.2, 0.8),
          ('parking_sensor', 'parking_occupancy', 'PO', '%', NULL, 90.0, NULL, 98.0, 2.0,
           interval '5 minutes', 65.0, 30.0),
          ('waste_bin', 'bin_fill', 'BF', '%', NULL, 80.0, NULL, 95.0, 3.0,
           interval '15 minutes', 45.0, 40.0),
          ('tide_gauge', 'tide_level', 'TL', 'm', -0.5, 0.5, -0.8, 0.8, 0.05,
           interval '1 minute', 0.0, 0.3))
          AS k (asset_type, kind, prefix, unit, warn_low, warn_high, crit_low, crit_high,
                hysteresis, sample_interval, typical, spread)
          ON k.asset_type = t.code
      WHERE a.status IN ('active', 'faulty')
        -- a third of the bins are smart bins with a fill sensor
        AND (t.code <> 'waste_bin' OR pg_temp.rnd($1, a.id, 30) < 0.34)) x
ORDER BY x.asset_id)sql"),
                {qint64(m_options.seed), m_options.referenceTime});
}

Result<void> DemoCitySeeder::generateWorkOrders()
{
    const QVariant seed = qint64(m_options.seed);
    const QVariant now = m_options.referenceTime;
    const int year = m_options.referenceTime.date().year();

    QList<Step> steps;
    // What crews do, per kind of asset: title, budget category, priority, cost range (EUR),
    // hours until done and how often it happens (relative weight within the kind).
    steps.append({QStringLiteral("work orders"),
                  QStringLiteral(R"sql(
CREATE TEMP TABLE seed_template ON COMMIT DROP AS
SELECT work, title, category, priority, cost_min, cost_max, hours_min, hours_max,
       -- [share_from, share_to): this template's slice of its group's weight, for a weighted pick
       (sum(weight) OVER (PARTITION BY work ORDER BY ord) - weight)::float8
           / sum(weight) OVER (PARTITION BY work) AS share_from,
       sum(weight) OVER (PARTITION BY work ORDER BY ord)::float8
           / sum(weight) OVER (PARTITION BY work) AS share_to
FROM (VALUES
    (1, 'lighting', 'Replace failed lamp', 'repairs', 'normal', 120, 380, 4, 72, 40),
    (2, 'lighting', 'Repair cable fault', 'repairs', 'high', 600, 2400, 8, 120, 10),
    (3, 'lighting', 'Replace photocell', 'repairs', 'low', 80, 180, 24, 240, 15),
    (4, 'lighting', 'Replace knocked-down pole', 'emergency', 'urgent', 1800, 4200, 2, 48, 3),
    (5, 'lighting', 'Night-time lighting inspection', 'maintenance', 'low', 40, 120, 24, 336, 20),
    (6, 'lighting', 'LED retrofit', 'maintenance', 'normal', 450, 900, 48, 480, 12),
    (1, 'signal', 'Signal lamp out', 'repairs', 'high', 150, 500, 2, 24, 40),
    (2, 'signal', 'Controller fault', 'emergency', 'urgent', 800, 3500, 1, 12, 10),
    (3, 'signal', 'Detector loop failure', 'repairs', 'normal', 600, 1800, 24, 240, 25),
    (4, 'signal', 'Signal timing review', 'maintenance', 'low', 300, 900, 48, 720, 25),
    (1, 'hydrant', 'Annual flow test', 'maintenance', 'low', 60, 150, 24, 480, 60),
    (2, 'hydrant', 'Leaking hydrant', 'repairs', 'high', 250, 1200, 4, 72, 25),
    (3, 'hydrant', 'Repaint and mark hydrant', 'maintenance', 'low', 40, 110, 48, 720, 15),
    (1, 'manhole', 'Rattling cover', 'repairs', 'normal', 150, 600, 24, 240, 50),
    (2, 'manhole', 'Blocked chamber', 'emergency', 'urgent', 300, 1400, 1, 24, 20),
    (3, 'manhole', 'CCTV chamber survey', 'maintenance', 'low', 200, 500, 48, 720, 30),
    (1, 'main', 'Burst water main', 'emergency', 'urgent', 4000, 18000, 4, 48, 8),
    (2, 'main', 'Valve exercising', 'maintenance', 'low', 150, 400, 24, 480, 40),
    (3, 'main', 'Leak detection survey', 'maintenance', 'normal', 500, 1500, 48, 480, 30),
    (4, 'main', 'Service connection leak', 'repairs', 'high', 900, 3500, 8, 96, 22),
    (1, 'sewer', 'Sewer blockage', 'emergency', 'urgent', 400, 2200, 1, 24, 30),
    (2, 'sewer', 'Root cutting', 'maintenance', 'normal', 600, 1800, 24, 240, 30),
    (3, 'sewer', 'CCTV pipe inspection', 'maintenance', 'low', 500, 1600, 48, 720, 30),
    (4, 'sewer', 'Pipe relining section', 'repairs', 'normal', 6000, 24000, 120, 1200, 10),
    (1, 'bus_stop', 'Broken shelter glass', 'repairs', 'high', 300, 900, 4, 72, 30),
    (2, 'bus_stop', 'Replace timetable panel', 'maintenance', 'low', 80, 250, 24, 240, 30),
    (3, 'bus_stop', 'Shelter cleaning', 'maintenance', 'low', 40, 90, 24, 168, 40),
    (1, 'tree', 'Pruning', 'maintenance', 'low', 120, 450, 48, 720, 60),
    (2, 'tree', 'Storm damage removal', 'emergency', 'urgent', 400, 2500, 2, 48, 10),
    (3, 'tree', 'Tree health inspection', 'maintenance', 'low', 50, 120, 48, 720, 30),
    (1, 'bin', 'Overflowing bin', 'repairs', 'normal', 30, 80, 2, 24, 50),
    (2, 'bin', 'Damaged bin replacement', 'repairs', 'normal', 180, 450, 24, 240, 20),
    (3, 'bin', 'Bin deep cleaning', 'maintenance', 'low', 40, 90, 24, 240, 30),
    (1, 'sensor', 'Sensor offline', 'repairs', 'high', 90, 350, 4, 72, 35),
    (2, 'sensor', 'Calibrate sensor', 'maintenance', 'normal', 120, 400, 24, 240, 35),
    (3, 'sensor', 'Replace battery', 'maintenance', 'low', 40, 120, 24, 240, 25),
    (4, 'sensor', 'Vandalism damage', 'repairs', 'high', 300, 1800, 8, 120, 5)
) AS t (ord, work, title, category, priority, cost_min, cost_max, hours_min, hours_max,
        weight))sql"),
                  {}});
    // The plan: n orders over the 12 months before "now", on assets and templates picked by hash,
    // with a life cycle that depends on their age.
    steps.append({QStringLiteral("work orders"),
                  QStringLiteral(R"sql(
CREATE TEMP TABLE seed_wo ON COMMIT DROP AS
WITH a AS (SELECT a.id, a.street, a.geom, t.department_id, st.work,
                  row_number() OVER (ORDER BY a.id) AS rn
           FROM asset a JOIN asset_type t ON t.id = a.type_id JOIN seed_type st ON st.code = t.code
           WHERE a.status <> 'planned'),
n AS (SELECT count(*) AS assets FROM a),
picked AS (
    SELECT i, a.id AS asset_id, a.street, a.department_id,
           CASE WHEN GeometryType(a.geom) = 'POINT' THEN a.geom
                ELSE ST_LineInterpolatePoint(a.geom, 0.5) END AS location,
           tp.title, tp.category, tp.priority, tp.cost_min, tp.cost_max, tp.hours_min,
           tp.hours_max,
           $2::timestamptz - make_interval(secs => floor(pg_temp.rnd($1, i, 52) * 365 * 86400))
               AS created_at
    FROM n
    CROSS JOIN LATERAL generate_series(1, GREATEST(1200, LEAST(20000, n.assets / 6))::int) AS i
    JOIN a ON a.rn = 1 + floor(pg_temp.rnd($1, i, 51) * n.assets)::bigint
    JOIN seed_template tp ON tp.work = a.work
        AND pg_temp.rnd($1, i, 53) >= tp.share_from AND pg_temp.rnd($1, i, 53) < tp.share_to),
aged AS (
    SELECT p.*, extract(epoch FROM $2::timestamptz - p.created_at) / 86400 AS age_days,
           pg_temp.rnd($1, i, 54) AS rs
    FROM picked p),
staged AS (
    SELECT g.*,
           CASE WHEN g.age_days > 45 THEN
                    CASE WHEN g.rs < 0.04 THEN 'cancelled' WHEN g.rs < 0.08 THEN 'done'
                         WHEN g.rs < 0.09 THEN 'in_progress' ELSE 'closed' END
                WHEN g.age_days > 14 THEN
                    CASE WHEN g.rs < 0.05 THEN 'cancelled' WHEN g.rs < 0.15 THEN 'assigned'
                         WHEN g.rs < 0.30 THEN 'in_progress' WHEN g.rs < 0.55 THEN 'done'
                         ELSE 'closed' END
                ELSE
                    CASE WHEN g.rs < 0.25 THEN 'open' WHEN g.rs < 0.45 THEN 'assigned'
                         WHEN g.rs < 0.65 THEN 'in_progress' WHEN g.rs < 0.85 THEN 'done'
                         ELSE 'closed' END
           END AS status,
           round((g.cost_min + pg_temp.rnd($1, i, 55) * (g.cost_max - g.cost_min))::numeric, -1)
               AS estimated_cost,
           g.created_at + make_interval(secs => floor(
               (g.hours_min + pg_temp.rnd($1, i, 56) * (g.hours_max - g.hours_min)) * 3600))
               AS finish_at,
           g.created_at + make_interval(secs => floor(
               (0.5 + pg_temp.rnd($1, i, 57) * 0.3 * g.hours_min) * 3600)) AS assigned_at
    FROM aged g),
-- Work cannot be done before its time: what would finish after "now" is still under way, and
-- what finished less than two days ago is done but not yet closed.
settled AS (
    SELECT t.i, t.asset_id, t.street, t.department_id, t.location, t.title, t.category,
           t.priority, t.created_at, t.estimated_cost, t.finish_at, t.assigned_at,
           CASE WHEN t.status NOT IN ('open', 'cancelled') AND t.assigned_at > $2::timestamptz
                THEN 'open'
                WHEN t.status IN ('done', 'closed') AND t.finish_at > $2::timestamptz
                THEN 'in_progress'
                WHEN t.status = 'closed' AND t.finish_at + interval '2 days' > $2::timestamptz
                THEN 'done'
                ELSE t.status END AS status
    FROM staged t)
SELECT s.*,
       row_number() OVER (ORDER BY s.created_at, s.i) AS rank,
       'WO-' || lpad((row_number() OVER (ORDER BY s.created_at, s.i) + q.base)::text, 6, '0')
           AS code,
       CASE WHEN s.status IN ('done', 'closed')
            THEN round(s.estimated_cost * (0.75 + 0.6 * pg_temp.rnd($1, s.i, 58))::numeric, 2)
       END AS actual_cost,
       CASE WHEN s.status IN ('done', 'closed') THEN s.finish_at END AS completed_at,
       (s.created_at + CASE s.priority WHEN 'urgent' THEN interval '1 day'
                                       WHEN 'high' THEN interval '3 days'
                                       WHEN 'normal' THEN interval '14 days'
                                       ELSE interval '30 days' END)::date AS due,
       CASE WHEN s.status <> 'open' THEN
           (SELECT c.id FROM crew c WHERE c.department_id = s.department_id
            ORDER BY pg_temp.rnd($1, s.i * 16 + c.id, 59), c.id LIMIT 1) END AS crew_id,
       extract(year FROM s.created_at AT TIME ZONE 'UTC')::int AS fiscal_year
FROM settled s
CROSS JOIN (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS base
            FROM work_order_code_seq) q)sql"),
                  {seed, now}});
    // Budgets for this fiscal year and the last, per department and category: the yearly rate of
    // the planned work plus a share of the asset value for capital and operations, so that some
    // lines end the year under and some over budget.
    steps.append({QStringLiteral("budgets"),
                  QStringLiteral(R"sql(
INSERT INTO budget (department_id, fiscal_year, category, allocated)
SELECT d.id, fy.year, cat.category,
       round(GREATEST(25000,
             coalesce((SELECT sum(w.estimated_cost) FROM seed_wo w
                       WHERE w.department_id = d.id AND w.category = cat.category), 0)
                 * (0.85 + 0.4 * pg_temp.rnd($1, d.id * 64 + cat.ord * 8 + fy.year - $2::int + 1, 60))
             + coalesce((SELECT sum(t.unit_cost) FROM asset a JOIN asset_type t ON t.id = a.type_id
                         WHERE t.department_id = d.id), 0) * cat.asset_share)::numeric, -3)
FROM department d
CROSS JOIN (VALUES (1, 'maintenance', 0.0), (2, 'repairs', 0.0), (3, 'emergency', 0.0),
                   (4, 'capital', 0.012), (5, 'operations', 0.008))
     AS cat (ord, category, asset_share)
CROSS JOIN (VALUES ($2::int - 1), ($2::int)) AS fy (year)
ORDER BY fy.year, d.id, cat.ord)sql"),
                  {seed, year}});
    steps.append({QStringLiteral("work orders"),
                  QStringLiteral(R"sql(
INSERT INTO work_order (code, title, description, asset_id, location, priority, status, crew_id,
                        department_id, created_at, due, completed_at, estimated_cost,
                        actual_cost, budget_id)
SELECT w.code, w.title,
       w.title || coalesce(' at ' || w.street, '') || '.', w.asset_id, w.location, w.priority,
       w.status, w.crew_id, w.department_id, w.created_at, w.due, w.completed_at,
       w.estimated_cost, w.actual_cost, b.id
FROM seed_wo w
JOIN budget b ON b.department_id = w.department_id AND b.fiscal_year = w.fiscal_year
             AND b.category = w.category
ORDER BY w.rank)sql"),
                  {}});
    steps.append({QStringLiteral("work orders"),
                  QStringLiteral(R"sql(
SELECT setval('work_order_code_seq',
              (SELECT max(substring(code FROM 4)::bigint) FROM work_order WHERE code ~ '^WO-[0-9]+$'))
)sql"),
                  {}});
    steps.append({QStringLiteral("work order history"),
                  QStringLiteral(R"sql(
INSERT INTO work_order_event (work_order_id, ts, kind, status, note)
SELECT wo.id, e.ts, e.kind, e.status, e.note
FROM seed_wo w
JOIN work_order wo ON wo.code = w.code
CROSS JOIN LATERAL (VALUES
    (1, w.created_at, 'created', 'open', 'Reported: ' || w.title),
    (2, CASE WHEN w.status NOT IN ('open', 'cancelled') THEN w.assigned_at END, 'assigned',
        'assigned', (SELECT 'Assigned to ' || c.name || ' (' || c.vehicle_code || ')'
                     FROM crew c WHERE c.id = w.crew_id)),
    (3, CASE WHEN w.status IN ('in_progress', 'done', 'closed')
             THEN w.assigned_at + (LEAST(w.finish_at, $1::timestamptz) - w.assigned_at) / 3 END,
        'status', 'in_progress', 'Crew on site'),
    (4, w.completed_at, 'status', 'done', 'Work completed'),
    (5, CASE WHEN w.status = 'closed'
             THEN LEAST($1::timestamptz, w.completed_at + interval '2 days') END,
        'status', 'closed', 'Checked and closed'),
    (6, CASE WHEN w.status = 'cancelled'
             THEN LEAST($1::timestamptz, w.created_at + interval '1 day') END,
        'status', 'cancelled', 'Duplicate report')) AS e (ord, ts, kind, status, note)
WHERE e.ts IS NOT NULL
ORDER BY w.rank, e.ord)sql"),
                  {now}});
    // Costs posted to the budget lines: a commitment while work is planned or under way, the
    // expense when it is done.
    steps.append({QStringLiteral("budget postings"),
                  QStringLiteral(R"sql(
INSERT INTO budget_entry (budget_id, work_order_id, amount, kind, posted_at, note)
SELECT wo.budget_id, wo.id,
       CASE WHEN wo.status IN ('done', 'closed') THEN wo.actual_cost ELSE wo.estimated_cost END,
       CASE WHEN wo.status IN ('done', 'closed') THEN 'expense' ELSE 'commitment' END,
       CASE WHEN wo.status IN ('done', 'closed') THEN wo.completed_at
            ELSE wo.created_at + interval '1 hour' END,
       wo.code || ' ' || wo.title
FROM work_order wo
WHERE wo.status IN ('assigned', 'in_progress', 'done', 'closed') AND wo.budget_id IS NOT NULL
ORDER BY wo.id)sql"),
                  {}});
    // Running costs without a work order (energy, water, leases): one posting per month.
    steps.append({QStringLiteral("budget postings"),
                  QStringLiteral(R"sql(
INSERT INTO budget_entry (budget_id, amount, kind, posted_at, note)
SELECT b.id,
       round((b.allocated / 12 * (0.85 + 0.3 * pg_temp.rnd($1, b.id * 16 + m.month, 61)))::numeric, 2),
       'expense', m.posted_at, 'Monthly running costs ' || to_char(m.posted_at, 'YYYY-MM')
FROM budget b
JOIN (SELECT extract(month FROM d)::int AS month, extract(year FROM d)::int AS year,
             d + interval '1 day' AS posted_at
      FROM generate_series(date_trunc('month', $2::timestamptz - interval '11 months'),
                           date_trunc('month', $2::timestamptz), interval '1 month') AS d) m
     ON m.year = b.fiscal_year
WHERE b.category = 'operations' AND m.posted_at <= $2::timestamptz
ORDER BY b.id, m.posted_at)sql"),
                  {seed, now}});

    return runSteps(steps, QStringLiteral("work orders"));
}

Result<qint64> DemoCitySeeder::addSyntheticAssets(qint64 count)
{
    if (count < 1 || count > MaxSyntheticAssets) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the number of synthetic assets must be between 1 and %1")
                        .arg(MaxSyntheticAssets));
    }
    const QString phase = QStringLiteral("synthetic assets");
    report(phase, 0, count);

    // Where to put them: points every 20 m along the lit streets, with the street's name.
    auto samples = m_connection.exec(QStringLiteral(R"sql(
SELECT ST_X(p), ST_Y(p), name
FROM (SELECT r.id, i, r.name,
             ST_Transform(ST_LineInterpolatePoint(r.g,
                 LEAST(1.0, (i + 0.5) * 20 * c.k / ST_Length(r.g))), 4326) AS p
      FROM (SELECT id, name, ST_Transform(geom, 3857) AS g FROM basemap.road
            WHERE class = ANY($1::text[])) r
      CROSS JOIN (SELECT 1.0 / cos(radians(ST_Y(ST_Centroid(bounds)))) AS k
                  FROM basemap.extract ORDER BY id DESC LIMIT 1) c
      CROSS JOIN LATERAL generate_series(0, floor(ST_Length(r.g) / (20 * c.k) - 0.5)::int) AS i
      WHERE ST_Length(r.g) > 0) x
ORDER BY ST_GeoHash(p, 12), id, i)sql"),
                                     {QVariant(LitClasses)});
    if (!samples) {
        return tl::unexpected(samples.error());
    }
    if (samples->rowCount() == 0) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no base map streets to place synthetic assets on; seed a city "
                                   "first (infrasightctl seed --osm FILE)"));
    }
    auto types = m_connection.exec(
        QStringLiteral("SELECT id, code FROM asset_type WHERE code = ANY($1::text[]) ORDER BY id"),
        {QStringList{QStringLiteral("street_light"),
                     QStringLiteral("manhole"),
                     QStringLiteral("hydrant"),
                     QStringLiteral("waste_bin"),
                     QStringLiteral("parking_sensor"),
                     QStringLiteral("tree")}});
    if (!types) {
        return tl::unexpected(types.error());
    }
    if (types->rowCount() == 0) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no asset types; seed a city first (infrasightctl seed --osm "
                                   "FILE)"));
    }

    auto box = m_connection.exec(
        QStringLiteral("SELECT ST_XMin(bounds), ST_YMin(bounds), ST_XMax(bounds), ST_YMax(bounds) "
                       "FROM basemap.extract ORDER BY id DESC LIMIT 1"));
    if (!box) {
        return tl::unexpected(box.error());
    }
    if (box->rowCount() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("the base map has no extract bounds"));
    }
    const gis::GeoBounds bounds(
        box->toDouble(0, 0), box->toDouble(0, 1), box->toDouble(0, 2), box->toDouble(0, 3));

    struct Sample
    {
        double lonDeg;
        double latDeg;
        QByteArray street; // escaped for COPY, or \N
    };

    std::vector<Sample> points;
    points.reserve(size_t(samples->rowCount()));
    double latSum = 0;
    for (int row = 0; row < samples->rowCount(); ++row) {
        Sample s{samples->toDouble(row, 0), samples->toDouble(row, 1), QByteArrayLiteral("\\N")};
        if (!samples->isNull(row, 2)) {
            s.street.clear();
            appendCopyText(s.street, samples->text(row, 2).toUtf8());
        }
        latSum += s.latDeg;
        points.push_back(std::move(s));
    }
    const double metersPerDegLat = 111'320.0;
    const double metersPerDegLon
        = 111'320.0 * std::cos(latSum / double(points.size()) * std::numbers::pi / 180);
    std::vector<QByteArray> typeIds;
    for (int row = 0; row < types->rowCount(); ++row) {
        typeIds.push_back(QByteArray::number(types->toInt(row, 0)));
    }

    return inTransaction(m_connection, [&]() -> Result<qint64> {
        // Numbering continues after earlier synthetic batches; codes are SYN-nnnnnnnn.
        auto last = m_connection.exec(
            QStringLiteral("SELECT coalesce(max(substring(code FROM 5)::bigint), 0) FROM asset "
                           "WHERE code LIKE 'SYN-%' AND code ~ '^SYN-[0-9]+$'"));
        if (!last) {
            return tl::unexpected(last.error());
        }
        const qint64 first = last->toInt(0, 0) + 1;

        // A benchmark load of up to two million rows: the per-row audit trigger would write a
        // jsonb copy of every row to audit_log (doubling the work and the disk), and the NOTIFY
        // trigger would only say "bulk" anyway. As the database owner/superuser we switch user
        // triggers off for this transaction (session_replication_role = replica, SET LOCAL so it
        // ends with the transaction) and send the one bulk NOTIFY ourselves. Foreign keys are
        // not checked in that mode either; type_id comes from asset_type a moment ago, in the
        // same transaction. A role that may not do this loads with the triggers on, only slower.
        const bool triggersOff
            = bool(m_connection.execScript(QStringLiteral("SAVEPOINT replica; "
                                                          "SET LOCAL session_replication_role = "
                                                          "replica; RELEASE SAVEPOINT replica")));
        if (!triggersOff) {
            (void)m_connection.execScript(QStringLiteral("ROLLBACK TO SAVEPOINT replica"));
        }

        // Index maintenance dominates a big load. Memory for the GIN pending-list merges of the
        // trigram indexes (work_mem), and rows in geohash order of their street point (the
        // samples are sorted that way, the picks below are sorted), so that consecutive GiST
        // inserts touch the same index pages.
        for (const char *setting :
             {"SET LOCAL work_mem = '128MB'", "SET LOCAL maintenance_work_mem = '256MB'"}) {
            if (auto set = m_connection.execScript(QString::fromLatin1(setting)); !set) {
                return tl::unexpected(set.error());
            }
        }
        SeedRandom random(m_options.seed * 0x9E3779B97F4A7C15ull + quint64(first));
        std::vector<quint32> picks(static_cast<size_t>(count));
        for (quint32 &pick : picks) {
            pick = quint32(random.below(points.size()));
        }
        std::sort(picks.begin(), picks.end());
        const QByteArray statuses[] = {"active", "faulty", "inactive"};
        qint64 made = 0;
        auto copied = m_connection.copyIn(
            QStringLiteral("COPY asset (type_id, code, street, status, condition, install_date, "
                           "attributes, geom) FROM STDIN"),
            [&](QByteArray &chunk) {
                if (m_cancel && m_cancel->load()) {
                    return false;
                }
                const qint64 end = std::min(count, made + 20'000);
                chunk.reserve(int((end - made) * 140));
                for (; made < end; ++made) {
                    const Sample &s = points[picks[size_t(made)]];
                    // Up to 12 m either way around the street point.
                    const double dx = random.between(-12, 12) / metersPerDegLon;
                    const double dy = random.between(-12, 12) / metersPerDegLat;
                    const double u = random.unit();
                    const int status = u < 0.93 ? 0 : (u < 0.97 ? 1 : 2);
                    const QDate installed
                        = m_options.referenceTime.date().addDays(-qint64(random.below(40 * 365)));
                    chunk.append(typeIds[size_t(random.below(typeIds.size()))]);
                    chunk.append('\t');
                    chunk.append("SYN-");
                    chunk.append(QByteArray::number(first + made).rightJustified(8, '0'));
                    chunk.append('\t');
                    chunk.append(s.street);
                    chunk.append('\t');
                    chunk.append(statuses[status]);
                    chunk.append('\t');
                    chunk.append(char('1' + random.below(5)));
                    chunk.append('\t');
                    chunk.append(installed.toString(Qt::ISODate).toLatin1());
                    chunk.append("\t{\"synthetic\": true}\t");
                    // Streets at the edge of the extract must not push assets out of it.
                    const gis::LonLat at = bounds.clamped({s.lonDeg + dx, s.latDeg + dy});
                    appendEwkbPointHex(chunk, at.lonDeg, at.latDeg);
                    chunk.append('\n');
                }
                report(phase, made, count);
                return made < count;
            });
        if (auto cancelled = checkCancelled(); !cancelled) {
            return tl::unexpected(cancelled.error());
        }
        if (!copied) {
            return tl::unexpected(copied.error());
        }
        // With the triggers off the cluster grid and the counts per type did not follow the load.
        if (triggersOff) {
            if (auto rebuilt
                = exec(phase,
                       QStringLiteral("SELECT asset_cell_rebuild(), asset_type_count_rebuild()"));
                !rebuilt) {
                return tl::unexpected(rebuilt.error());
            }
            auto notified = m_connection.exec(
                QStringLiteral("SELECT pg_notify('asset', json_build_object('table', 'asset', "
                               "'op', 'INSERT', 'count', $1::bigint, 'bulk', true)::text)"),
                {*copied});
            if (!notified) {
                return tl::unexpected(notified.error());
            }
        }
        return *copied;
    });
}

Result<SeedSummary> DemoCitySeeder::summary()
{
    SeedSummary counts;
    for (const QString &table : SummaryTables) {
        // The names come from our own fixed list above, never from input.
        auto result = m_connection.exec(QStringLiteral("SELECT count(*) FROM ") + table);
        if (!result) {
            return tl::unexpected(result.error());
        }
        counts.append({table, result->toInt(0, 0)});
    }
    return counts;
}

} // namespace infrasight::data
