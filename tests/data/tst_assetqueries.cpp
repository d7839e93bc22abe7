// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/assetqueries.h"
#include "data/dbclient.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "gis/core/mercator.h"
#include "tests/support/pgtestdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <map>
#include <optional>
#include <tuple>

using namespace infrasight;
using namespace infrasight::data;
using namespace Qt::StringLiterals;

namespace {

// What went wrong, for a failure message: the error with its SQLSTATE, or nothing.
template<typename T>
QByteArray why(const Result<T> &outcome)
{
    if (outcome) {
        return {};
    }
    const Error &error = outcome.error();
    return QStringLiteral("%1 (SQLSTATE %2)").arg(error.toString(), error.sqlState).toUtf8();
}

// Monaco, where the demo city lives.
constexpr double CenterLon = 7.4246;
constexpr double CenterLat = 43.7396;

QString number(double v)
{
    return QString::number(v, 'g', 17);
}

// "lon lat" of a position in EPSG:3857 metres, for WKT.
QString lonLatText(QPointF meters)
{
    const gis::LonLat p = gis::mercatorMetersToLonLat(meters);
    return number(p.lonDeg) + u' ' + number(p.latDeg);
}

QString pointWkt(QPointF meters)
{
    return u"POINT("_s + lonLatText(meters) + u')';
}

QString lineWkt(const QList<QPointF> &meters)
{
    QStringList parts;
    for (const QPointF &p : meters) {
        parts << lonLatText(p);
    }
    return u"LINESTRING("_s + parts.join(u", "_s) + u')';
}

QString polygonWkt(QList<QPointF> meters)
{
    if (meters.first() != meters.last()) {
        meters << meters.first();
    }
    QStringList parts;
    for (const QPointF &p : meters) {
        parts << lonLatText(p);
    }
    return u"POLYGON(("_s + parts.join(u", "_s) + u"))"_s;
}

// A bigint[] parameter.
QVariant listParam(const QList<qint64> &ids)
{
    return QVariantList(ids.cbegin(), ids.cend());
}

QSet<qint64> toSet(const QList<qint64> &ids)
{
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

// Cluster cell contents keyed by (type, cell): count, faulty, centroid x, centroid y.
using CellKey = std::tuple<qint64, int, int, int>; // type, z, x, y

struct CellValue
{
    qint64 n = 0;
    qint64 faulty = 0;
    double cx = 0;
    double cy = 0;
};

using CellMap = std::map<CellKey, CellValue>;

// Walks an EXPLAIN (FORMAT JSON) plan and collects "node type:relation:index" strings.
void collectNodes(const QJsonObject &node, QStringList &out)
{
    out << node.value(u"Node Type").toString() + u':' + node.value(u"Relation Name").toString()
               + u':' + node.value(u"Index Name").toString();
    for (const QJsonValue &child : node.value(u"Plans").toArray()) {
        collectNodes(child.toObject(), out);
    }
}

} // namespace

// Checks a Result (evaluated once) and prints the error when it failed.
#define QVERIFY_OK(expression)                                                                     \
    do {                                                                                           \
        const auto &checkedResult = (expression);                                                  \
        QVERIFY2(checkedResult, why(checkedResult).constData());                                   \
    } while (false)

class TestAssetQueries : public QObject
{
    Q_OBJECT

private:
    Result<QueryResult> run(const Statement &statement)
    {
        return m_db->exec(statement.sql, statement.params, statement.format);
    }

    Result<QueryResult> sql(const QString &text, const QVariantList &params = {})
    {
        return m_db->exec(text, params);
    }

    qint64 insertAsset(qint64 typeId,
                       const QString &code,
                       const QString &wkt,
                       const QString &status = u"active"_s,
                       const QString &name = {},
                       const QString &street = {})
    {
        auto r = sql(u"INSERT INTO asset (type_id, code, name, street, status, condition, geom) "
                     "VALUES ($1, $2, $3, $4, $5, 3, ST_GeomFromText($6, 4326)) RETURNING id"_s,
                     {typeId,
                      code,
                      name.isEmpty() ? QVariant() : QVariant(name),
                      street.isEmpty() ? QVariant() : QVariant(street),
                      status,
                      wkt});
        if (!r) {
            qWarning("insert %s: %s", qPrintable(code), why(r).constData());
            return 0;
        }
        return r->toInt(0, 0);
    }

    qint64 insertType(const QString &code, const QString &kind)
    {
        auto r = sql(u"INSERT INTO asset_type (code, name, geometry_kind, department_id) "
                     "VALUES ($1, initcap(replace($1, '_', ' ')), $2, $3) RETURNING id"_s,
                     {code, kind, m_department});
        return r ? r->toInt(0, 0) : 0;
    }

    // What asset_cell must say for the level, computed here from asset with plain SQL (no
    // function of the migration), restricted to the cells inside tile.
    CellMap expectedCells(int level, const gis::TileKey &tile, const QList<qint64> &types);
    CellMap decodedCells(const gis::TileKey &tile, int level, const QList<qint64> &types);
    void compareClusters(const char *when);

    std::optional<tests::PgTestDatabase> m_database;
    std::unique_ptr<PgConnection> m_db;
    qint64 m_department = 0;

    // Types: the tile fixture, the random point cloud, and one the user hides.
    qint64 m_tileLamp = 0;
    qint64 m_tileMain = 0;
    qint64 m_tilePark = 0;
    qint64 m_lamp = 0;
    qint64 m_hydrant = 0;
    qint64 m_valve = 0;

    gis::TileKey m_tile;
    QHash<QString, qint64> m_ids; // fixture code -> id
    QList<QPointF> m_linePoints;  // the zigzag main, metres
    QList<qint64> m_randomIds;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void assetTypesDecode();
    void tileFeaturesAreExactlyTheTilesAssets();
    void tileFeaturesSimplifyKeepsLineEnds();
    void tileClustersFollowEveryChange();
    void clusterMembersAreTheCellsPoints();
    void identifyNearestFirstWithinTolerance();
    void selectInPolygon_data();
    void selectInPolygon();
    void selectInRectangle_data();
    void selectInRectangle();
    void extentAndLocations();
    void locate_data();
    void locate();
    void locateMetacharactersAreLiteral();
    void attributePageSortsAndPages_data();
    void attributePageSortsAndPages();
    void attributePageFilters();
    void attributeEstimateIsPositive();
    void recordSensorsWorkOrdersHistory();
    void triggerWorksForOperators();
    void dbClientReportsSubmittedStatements();
    void migrationFillsTheGridOfExistingAssets();
    void typeCountsFollowEveryChange();
    void loadCityScale();
    void plansUseIndexes_data();
    void plansUseIndexes();
};

void TestAssetQueries::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = tests::PgTestDatabase::create();
    QVERIFY_OK(database);
    m_database.emplace(std::move(*database));
    auto connection = PgConnection::open(m_database->conninfo());
    QVERIFY_OK(connection);
    m_db = std::move(*connection);
    auto migrated = MigrationRunner(*m_db).migrate();
    QVERIFY_OK(migrated);

    auto department = sql(u"INSERT INTO department (code, name) VALUES ('STL', 'Street Lighting') "
                          "RETURNING id"_s);
    QVERIFY_OK(department);
    m_department = department->toInt(0, 0);
    m_tileLamp = insertType(u"tile_lamp"_s, u"point"_s);
    m_tileMain = insertType(u"tile_main"_s, u"line"_s);
    m_tilePark = insertType(u"tile_park"_s, u"polygon"_s);
    m_lamp = insertType(u"street_light"_s, u"point"_s);
    m_hydrant = insertType(u"hydrant"_s, u"point"_s);
    m_valve = insertType(u"valve"_s, u"point"_s);
    QVERIFY(m_tileLamp && m_tileMain && m_tilePark && m_lamp && m_hydrant && m_valve);

    // The tile fixture: positions as fractions of a zoom-16 tile (x east, y south from its
    // north-west corner), so what is inside is known by construction.
    m_tile = gis::TileKey::containing({CenterLon, CenterLat}, 16);
    const QRectF b = m_tile.boundsMeters();
    auto at = [&b](double fx, double fy) {
        return QPointF(b.left() + fx * b.width(), b.bottom() - fy * b.height());
    };

    struct Fixture
    {
        const char *code;
        qint64 *type;
        QString wkt;
        const char *status;
    };

    m_linePoints.clear();
    for (int i = 0; i <= 60; ++i) {
        m_linePoints << at(0.1 + 0.8 * i / 60.0, 0.3 + ((i % 2) ? 0.0004 : 0.0));
    }
    const QList<Fixture> fixtures{
        {"T-IN-1", &m_tileLamp, pointWkt(at(0.25, 0.25)), "active"},
        {"T-IN-2", &m_tileLamp, pointWkt(at(0.75, 0.60)), "faulty"},
        {"T-IN-3", &m_tileLamp, pointWkt(at(0.01, 0.99)), "planned"},
        {"T-OUT-1", &m_tileLamp, pointWkt(at(1.20, 0.50)), "active"},
        {"T-OUT-2", &m_tileLamp, pointWkt(at(-0.10, 0.50)), "active"},
        {"T-OUT-3", &m_tileLamp, pointWkt(at(0.50, 1.02)), "active"},
        {"T-MAIN-ZIGZAG", &m_tileMain, lineWkt(m_linePoints), "active"},
        {"T-MAIN-CROSS", &m_tileMain, lineWkt({at(0.5, 0.5), at(1.5, 0.5)}), "inactive"},
        // Its bounding box meets the tile's south-east corner, the line itself does not.
        {"T-MAIN-CORNER", &m_tileMain, lineWkt({at(0.9, 1.3), at(1.3, 0.9)}), "active"},
        {"T-MAIN-FAR", &m_tileMain, lineWkt({at(1.2, 1.2), at(1.4, 1.3)}), "active"},
        {"T-PARK-IN",
         &m_tilePark,
         polygonWkt({at(0.8, 0.8), at(1.2, 0.8), at(1.2, 1.2), at(0.8, 1.2)}),
         "retired"},
        {"T-PARK-OUT", &m_tilePark, polygonWkt({at(2, 2), at(3, 2), at(3, 3), at(2, 3)}), "active"},
    };
    for (const Fixture &f : fixtures) {
        const qint64 id = insertAsset(
            *f.type, QString::fromLatin1(f.code), f.wkt, QString::fromLatin1(f.status));
        QVERIFY(id > 0);
        m_ids.insert(QString::fromLatin1(f.code), id);
    }

    // The point cloud: 240 lamps and hydrants in about 2 x 2 km around the centre, some faulty,
    // some named after streets, in one statement each batch (statement-level trigger).
    QRandomGenerator random(20261122);
    const QPointF center = gis::lonLatToMercatorMeters({CenterLon, CenterLat});
    const QStringList streets{u"Boulevard des Moulins"_s,
                              u"Rue Grimaldi"_s,
                              u"Avenue de la Costa"_s,
                              u"Boulevard Albert 1er"_s};
    QVariantList types;
    QVariantList codes;
    QVariantList statuses;
    QVariantList wkts;
    QVariantList names;
    QVariantList streetNames;
    for (int i = 0; i < 240; ++i) {
        const QPointF p(center.x() + (random.generateDouble() * 3000.0 - 1500.0),
                        center.y() + (random.generateDouble() * 3000.0 - 1500.0));
        types << (i % 3 == 0 ? m_hydrant : m_lamp);
        codes << (i % 3 == 0 ? u"HY-%1"_s : u"SL-%1"_s).arg(i, 4, 10, QChar(u'0'));
        statuses << (i % 11 == 0 ? u"faulty"_s : u"active"_s);
        wkts << pointWkt(p);
        const QString street = streets.at(i % streets.size());
        names << (i % 3 == 0 ? u"Hydrant "_s : u"Lamp "_s) + street.section(u' ', -1);
        streetNames << street;
    }
    auto cloud
        = sql(u"INSERT INTO asset (type_id, code, status, geom, name, street, condition) "
              "SELECT t, c, s, ST_GeomFromText(w, 4326), n, st, 1 + (row_number() OVER () % 5) "
              "FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], "
              "            $6::text[]) AS u (t, c, s, w, n, st) RETURNING id"_s,
              {types, codes, statuses, wkts, names, streetNames});
    QVERIFY_OK(cloud);
    QCOMPARE(cloud->rowCount(), 240);
    for (int row = 0; row < cloud->rowCount(); ++row) {
        m_randomIds << cloud->toInt(row, 0);
    }
    QVERIFY_OK(sql(u"ANALYZE asset"_s));
}

void TestAssetQueries::cleanupTestCase()
{
    m_db.reset();
    m_database.reset();
}

void TestAssetQueries::assetTypesDecode()
{
    auto result = run(AssetQueries::assetTypes());
    QVERIFY_OK(result);
    auto types = AssetQueries::decodeAssetTypes(*result);
    QVERIFY_OK(types);
    QCOMPARE(types->size(), 6);
    QHash<QString, AssetTypeInfo> byCode;
    for (const AssetTypeInfo &info : *types) {
        byCode.insert(info.code, info);
    }
    QCOMPARE(byCode.value(u"tile_main"_s).kind, gis::FeatureKind::Line);
    QCOMPARE(byCode.value(u"tile_park"_s).kind, gis::FeatureKind::Polygon);
    QCOMPARE(byCode.value(u"hydrant"_s).kind, gis::FeatureKind::Point);
    QCOMPARE(byCode.value(u"hydrant"_s).name, u"Hydrant"_s);
    QCOMPARE(byCode.value(u"hydrant"_s).departmentCode, u"STL"_s);
    QCOMPARE(byCode.value(u"hydrant"_s).departmentName, u"Street Lighting"_s);
}

void TestAssetQueries::tileFeaturesAreExactlyTheTilesAssets()
{
    const QList<qint64> types{m_tileLamp, m_tileMain, m_tilePark};
    auto result = run(AssetQueries::tileFeatures(m_tile, types, 0.0));
    QVERIFY_OK(result);
    const QHash<qint64, gis::FeatureKind> kinds{{m_tileLamp, gis::FeatureKind::Point},
                                                {m_tileMain, gis::FeatureKind::Line},
                                                {m_tilePark, gis::FeatureKind::Polygon},
                                                {m_valve, gis::FeatureKind::Point}};
    auto blocks = AssetQueries::decodeTileFeatures(*result, kinds);
    QVERIFY_OK(blocks);
    QCOMPARE(blocks->size(), 4);
    QVERIFY(blocks->value(m_valve).isEmpty()); // asked for, none: an empty block

    auto idsOf = [](const gis::FeatureBlock &block) {
        QSet<qint64> ids;
        for (qsizetype i = 0; i < block.size(); ++i) {
            ids << block.id(i);
        }
        return ids;
    };
    const gis::FeatureBlock lamps = blocks->value(m_tileLamp);
    QCOMPARE(lamps.kind(), gis::FeatureKind::Point);
    QCOMPARE(idsOf(lamps),
             (QSet<qint64>{m_ids[u"T-IN-1"_s], m_ids[u"T-IN-2"_s], m_ids[u"T-IN-3"_s]}));
    QCOMPARE(idsOf(blocks->value(m_tileMain)),
             (QSet<qint64>{m_ids[u"T-MAIN-ZIGZAG"_s], m_ids[u"T-MAIN-CROSS"_s]}));
    QCOMPARE(idsOf(blocks->value(m_tilePark)), (QSet<qint64>{m_ids[u"T-PARK-IN"_s]}));

    // Status and position in metres, as gis computes them from the stored lon/lat.
    const QRectF b = m_tile.boundsMeters();
    const qsizetype faulty = lamps.indexOf(m_ids[u"T-IN-2"_s]);
    QVERIFY(faulty >= 0);
    QCOMPARE(lamps.status(faulty), gis::AssetStatus::Faulty);
    QCOMPARE(lamps.condition(faulty), std::uint8_t(3));
    const QPointF expected(b.left() + 0.75 * b.width(), b.bottom() - 0.60 * b.height());
    QVERIFY2(QLineF(lamps.point(faulty), expected).length() < 1e-3,
             qPrintable(u"%1,%2"_s.arg(lamps.point(faulty).x()).arg(lamps.point(faulty).y())));
    QCOMPARE(lamps.status(lamps.indexOf(m_ids[u"T-IN-3"_s])), gis::AssetStatus::Planned);
    const gis::FeatureBlock parks = blocks->value(m_tilePark);
    QCOMPARE(parks.status(0), gis::AssetStatus::Retired);
    QCOMPARE(parks.partCount(0), 1);
    QCOMPARE(parks.part(0, 0).size(), std::size_t(5));

    // Types not asked for never come.
    auto onlyLamps = run(AssetQueries::tileFeatures(m_tile, {m_tileLamp}, 0.0));
    QVERIFY_OK(onlyLamps);
    QCOMPARE(onlyLamps->rowCount(), 3);
}

void TestAssetQueries::tileFeaturesSimplifyKeepsLineEnds()
{
    const double tolerance = m_tile.boundsMeters().width() / 200.0; // about 3 m
    auto result = run(AssetQueries::tileFeatures(m_tile, {m_tileMain}, tolerance));
    QVERIFY_OK(result);
    auto blocks = AssetQueries::decodeTileFeatures(*result, {{m_tileMain, gis::FeatureKind::Line}});
    QVERIFY_OK(blocks);
    const gis::FeatureBlock mains = blocks->value(m_tileMain);
    const qsizetype zigzag = mains.indexOf(m_ids[u"T-MAIN-ZIGZAG"_s]);
    QVERIFY(zigzag >= 0);
    const auto part = mains.part(zigzag, 0);
    QVERIFY2(part.size() < 10, qPrintable(QString::number(part.size()))); // 61 wiggles of 0.2 m
    QVERIFY(part.size() >= 2);
    QVERIFY(QLineF(part.front(), m_linePoints.first()).length() < 1e-3);
    QVERIFY(QLineF(part.back(), m_linePoints.last()).length() < 1e-3);

    auto unsimplified = run(AssetQueries::tileFeatures(m_tile, {m_tileMain}, 0.0));
    QVERIFY_OK(unsimplified);
    auto full
        = AssetQueries::decodeTileFeatures(*unsimplified, {{m_tileMain, gis::FeatureKind::Line}});
    QVERIFY_OK(full);
    const gis::FeatureBlock all = full->value(m_tileMain);
    QCOMPARE(all.part(all.indexOf(m_ids[u"T-MAIN-ZIGZAG"_s]), 0).size(), std::size_t(61));
}

CellMap
TestAssetQueries::expectedCells(int level, const gis::TileKey &tile, const QList<qint64> &types)
{
    CellMap cells;
    const int zoom = level + 2;
    auto r = sql(u"SELECT type_id, cx, cy, count(*), count(*) FILTER (WHERE status = 'faulty'), "
                 "avg(x), avg(y) FROM ("
                 " SELECT type_id, status, ST_X(g) AS x, ST_Y(g) AS y,"
                 "  floor((ST_X(g) + $3) / (2 * $3) * 2 ^ $2)::int AS cx,"
                 "  floor(($3 - ST_Y(g)) / (2 * $3) * 2 ^ $2)::int AS cy"
                 " FROM (SELECT type_id, status, ST_Transform(geom, 3857) AS g FROM asset"
                 "       WHERE GeometryType(geom) = 'POINT' AND type_id = ANY($1::bigint[])) p"
                 ") c GROUP BY 1, 2, 3"_s,
                 {listParam(types), zoom, gis::HalfWorldMeters});
    if (!r) {
        qWarning("%s", why(r).constData());
        return cells;
    }
    for (int row = 0; row < r->rowCount(); ++row) {
        const gis::TileKey cell(zoom, int(r->toInt(row, 1)), int(r->toInt(row, 2)));
        const bool inside
            = tile.z() <= zoom ? cell.ancestorAt(tile.z()) == tile : cell == tile.ancestorAt(zoom);
        if (inside) {
            cells[{r->toInt(row, 0), zoom, cell.x(), cell.y()}]
                = {r->toInt(row, 3), r->toInt(row, 4), r->toDouble(row, 5), r->toDouble(row, 6)};
        }
    }
    return cells;
}

CellMap
TestAssetQueries::decodedCells(const gis::TileKey &tile, int level, const QList<qint64> &types)
{
    CellMap cells;
    auto r = run(AssetQueries::tileClusters(tile, level, types));
    if (!r) {
        qWarning("%s", why(r).constData());
        return cells;
    }
    auto blocks = AssetQueries::decodeTileClusters(*r, types);
    if (!blocks) {
        qWarning("%s", why(blocks).constData());
        return cells;
    }
    for (auto it = blocks->cbegin(); it != blocks->cend(); ++it) {
        const gis::FeatureBlock &block = it.value();
        if (block.kind() != gis::FeatureKind::Cluster && !block.isEmpty()) {
            qWarning("not a cluster block");
            return {};
        }
        for (qsizetype i = 0; i < block.size(); ++i) {
            const gis::TileKey cell = block.clusterCell(i);
            cells[{it.key(), cell.z(), cell.x(), cell.y()}] = {block.clusterCount(i),
                                                               block.clusterFaultyCount(i),
                                                               block.point(i).x(),
                                                               block.point(i).y()};
        }
    }
    return cells;
}

void TestAssetQueries::compareClusters(const char *when)
{
    const QList<qint64> types{m_lamp, m_hydrant};
    const gis::TileKey city = gis::TileKey::containing({CenterLon, CenterLat}, 10);
    const gis::TileKey street = gis::TileKey::containing({CenterLon, CenterLat}, 15);
    const QList<std::pair<gis::TileKey, int>> cases{
        {city, 10}, {city, 12}, {city, 14}, {city, 16}, {city, 18}, {street, 10}, {street, 16}};
    qint64 total = 0;
    for (const auto &[tile, level] : cases) {
        const CellMap expected = expectedCells(level, tile, types);
        const CellMap actual = decodedCells(tile, level, types);
        QVERIFY2(!expected.empty(), when);
        QVERIFY2(expected.size() == actual.size(),
                 qPrintable(u"%1: level %2 in %3: %4 cells expected, %5 found"_s.arg(
                     QString::fromLatin1(when),
                     QString::number(level),
                     tile.toString(),
                     QString::number(expected.size()),
                     QString::number(actual.size()))));
        for (const auto &[key, value] : expected) {
            const auto found = actual.find(key);
            QVERIFY2(found != actual.end(), when);
            QCOMPARE(found->second.n, value.n);
            QCOMPARE(found->second.faulty, value.faulty);
            QVERIFY2(std::abs(found->second.cx - value.cx) < 1e-3
                         && std::abs(found->second.cy - value.cy) < 1e-3,
                     when);
            if (tile == city && level == 10) {
                total += value.n;
            }
        }
    }
    auto points = sql(u"SELECT count(*) FROM asset WHERE type_id = ANY($1::bigint[]) "
                      "AND GeometryType(geom) = 'POINT'"_s,
                      {listParam({m_lamp, m_hydrant})});
    QVERIFY_OK(points);
    QCOMPARE(total, points->toInt(0, 0)); // every point is in exactly one cell of a level
}

void TestAssetQueries::tileClustersFollowEveryChange()
{
    compareClusters("after the inserts");
    if (QTest::currentTestFailed()) {
        return;
    }

    // A move of 900 m east: another cell at every level from 13 on.
    const qint64 moved = m_randomIds.at(5);
    auto cellsBefore = sql(u"SELECT count(*) FROM asset_cell"_s);
    QVERIFY_OK(sql(u"UPDATE asset SET geom = ST_Transform(ST_Translate(ST_Transform(geom, 3857), "
                   "900, 0), 4326) WHERE id = $1"_s,
                   {moved}));
    compareClusters("after a move");
    if (QTest::currentTestFailed()) {
        return;
    }

    auto faulty = sql(u"UPDATE asset SET status = 'faulty' WHERE id = ANY($1::bigint[]) "
                      "AND status <> 'faulty'"_s,
                      {listParam({m_randomIds.at(1), m_randomIds.at(2), m_randomIds.at(3)})});
    QVERIFY_OK(faulty);
    QCOMPARE(faulty->affectedRows(), 3);
    compareClusters("after a status change");
    if (QTest::currentTestFailed()) {
        return;
    }

    // An UPDATE that touches neither position nor status leaves the grid as it was.
    QVERIFY_OK(
        sql(u"UPDATE asset SET name = name || ' (checked)' WHERE id = $1"_s, {m_randomIds.at(7)}));
    compareClusters("after a rename");

    const QList<qint64> doomed = m_randomIds.mid(200, 10);
    auto deleted = sql(u"DELETE FROM asset WHERE id = ANY($1::bigint[])"_s, {listParam(doomed)});
    QVERIFY_OK(deleted);
    QCOMPARE(deleted->affectedRows(), 10);
    m_randomIds = m_randomIds.mid(0, 200) + m_randomIds.mid(210);
    compareClusters("after a delete");
    if (QTest::currentTestFailed()) {
        return;
    }
    auto empty = sql(u"SELECT count(*) FROM asset_cell WHERE n <= 0"_s);
    QVERIFY_OK(empty);
    QCOMPARE(empty->toInt(0, 0), 0);
    QVERIFY_OK(cellsBefore);

    // The rebuild gives the same table the triggers kept (sums added in another order may
    // differ in the last bits, centroids not by a micrometre).
    const QString snapshot = u"SELECT level, type_id, cx, cy, n, faulty, sx / n, sy / n "
                             "FROM asset_cell ORDER BY level, type_id, cx, cy"_s;
    auto kept = sql(snapshot);
    QVERIFY_OK(kept);
    auto rebuilt = sql(u"SELECT asset_cell_rebuild()"_s);
    QVERIFY_OK(rebuilt);
    QCOMPARE(rebuilt->toInt(0, 0), qint64(kept->rowCount()));
    auto fresh = sql(snapshot);
    QVERIFY_OK(fresh);
    QCOMPARE(fresh->rowCount(), kept->rowCount());
    for (int row = 0; row < kept->rowCount(); ++row) {
        for (int column = 0; column < 6; ++column) {
            QCOMPARE(fresh->toInt(row, column), kept->toInt(row, column));
        }
        QVERIFY(std::abs(fresh->toDouble(row, 6) - kept->toDouble(row, 6)) < 1e-6);
        QVERIFY(std::abs(fresh->toDouble(row, 7) - kept->toDouble(row, 7)) < 1e-6);
    }
    compareClusters("after the rebuild");
}

void TestAssetQueries::clusterMembersAreTheCellsPoints()
{
    auto where = sql(u"SELECT ST_X(geom), ST_Y(geom), type_id FROM asset WHERE id = $1"_s,
                     {m_randomIds.at(10)});
    QVERIFY_OK(where);
    const gis::LonLat position{where->toDouble(0, 0), where->toDouble(0, 1)};
    const qint64 type = where->toInt(0, 2);
    for (int level : {AssetQueries::MinClusterLevel, 14, AssetQueries::MaxClusterLevel}) {
        const gis::TileKey cell = gis::TileKey::containing(position, level + 2);
        auto counted = sql(u"SELECT n FROM asset_cell WHERE level = $1 AND cx = $2 AND cy = $3 "
                           "AND type_id = $4"_s,
                           {level, cell.x(), cell.y(), type});
        QVERIFY_OK(counted);
        QCOMPARE(counted->rowCount(), 1);
        auto members = run(AssetQueries::clusterMembers(type, cell, 1000));
        QVERIFY_OK(members);
        auto summaries = AssetQueries::decodeSummaries(*members);
        QVERIFY_OK(summaries);
        QCOMPARE(summaries->size(), counted->toInt(0, 0));
        bool found = false;
        for (const AssetSummary &s : *summaries) {
            QCOMPARE(s.typeId, type);
            QVERIFY(cell.boundsMeters().contains(s.positionMeters));
            found = found || s.id == m_randomIds.at(10);
        }
        QVERIFY(found);
        auto limited = run(AssetQueries::clusterMembers(type, cell, 1));
        QVERIFY_OK(limited);
        QCOMPARE(limited->rowCount(), 1);
    }
}

void TestAssetQueries::identifyNearestFirstWithinTolerance()
{
    const QRectF b = m_tile.boundsMeters();
    const QPointF lamp(b.left() + 0.25 * b.width(), b.bottom() - 0.25 * b.height());
    const QPointF click = lamp + QPointF(3, 0);
    const qint64 near = insertAsset(m_tileLamp, u"T-NEAR"_s, pointWkt(lamp + QPointF(8, 0)));
    const qint64 hidden = insertAsset(m_valve, u"V-HIDDEN"_s, pointWkt(click + QPointF(1, 0)));
    QVERIFY(near && hidden);
    const QList<qint64> visible{m_tileLamp, m_tileMain, m_tilePark};

    auto r = run(AssetQueries::identify(click, 10.0, visible, 10));
    QVERIFY_OK(r);
    auto hits = AssetQueries::decodeSummaries(*r);
    QVERIFY_OK(hits);
    QCOMPARE(hits->size(), 2);
    QCOMPARE(hits->at(0).id, m_ids[u"T-IN-1"_s]);
    QCOMPARE(hits->at(0).code, u"T-IN-1"_s);
    QCOMPARE(hits->at(0).typeName, u"Tile Lamp"_s);
    QVERIFY(std::abs(hits->at(0).distanceMeters - 3.0) < 0.01);
    QVERIFY(QLineF(hits->at(0).positionMeters, lamp).length() < 1e-3);
    QCOMPARE(hits->at(0).extentMeters.size(), QSizeF(0, 0));
    QCOMPARE(hits->at(1).id, near);
    QVERIFY(std::abs(hits->at(1).distanceMeters - 5.0) < 0.01);

    auto tight = run(AssetQueries::identify(click, 4.0, visible, 10));
    QVERIFY_OK(tight);
    QCOMPARE(tight->rowCount(), 1);

    auto withValves = run(AssetQueries::identify(click, 10.0, visible + QList<qint64>{m_valve}, 1));
    QVERIFY_OK(withValves);
    auto first = AssetQueries::decodeSummaries(*withValves);
    QVERIFY_OK(first);
    QCOMPARE(first->size(), 1);
    QCOMPARE(first->at(0).id, hidden);

    auto none = run(AssetQueries::identify(click, 10.0, {}, 10));
    QVERIFY_OK(none);
    QCOMPARE(none->rowCount(), 0);
    QVERIFY_OK(
        sql(u"DELETE FROM asset WHERE id = ANY($1::bigint[])"_s, {listParam({near, hidden})}));
}

void TestAssetQueries::selectInPolygon_data()
{
    QTest::addColumn<QList<QPointF>>("ring");   // metres relative to the centre
    QTest::addColumn<bool>("selfIntersecting"); // compared with ST_Within of ST_MakeValid(ring)

    const QList<QPointF> lShape{
        {-1200, -1200}, {1200, -1200}, {1200, -400}, {-400, -400}, {-400, 1200}, {-1200, 1200}};
    QTest::newRow("L-shape") << lShape << false;
    QTest::newRow("L-shape, closed ring") << (lShape + QList<QPointF>{lShape.first()}) << false;
    QTest::newRow("U-shape") << QList<QPointF>{{-1000, -1000},
                                               {1000, -1000},
                                               {1000, 1000},
                                               {500, 1000},
                                               {500, -300},
                                               {-500, -300},
                                               {-500, 1000},
                                               {-1000, 1000}}
                             << false;
    QList<QPointF> star;
    for (int i = 0; i < 10; ++i) {
        const double angle = i * M_PI / 5;
        const double radius = i % 2 ? 450.0 : 1400.0;
        star << QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    QTest::newRow("star") << star << false;
    // Drawn across itself: two triangles meeting at the centre.
    QTest::newRow("bow tie")
        << QList<QPointF>{{-1200, -1000}, {1200, 1000}, {1200, -1000}, {-1200, 1000}} << true;
}

void TestAssetQueries::selectInPolygon()
{
    QFETCH(QList<QPointF>, ring);
    QFETCH(bool, selfIntersecting);
    const QPointF center = gis::lonLatToMercatorMeters({CenterLon, CenterLat});
    QList<QPointF> meters;
    for (const QPointF &p : ring) {
        meters << center + p;
    }
    const QList<qint64> types{m_lamp, m_hydrant};
    auto r = run(AssetQueries::selectInPolygon(meters, types));
    QVERIFY_OK(r);
    auto ids = AssetQueries::decodeIds(*r);
    QVERIFY_OK(ids);

    const QString area = selfIntersecting ? u"ST_MakeValid(ST_GeomFromText($1, 4326))"_s
                                          : u"ST_GeomFromText($1, 4326)"_s;
    auto expected = sql(u"SELECT id FROM asset WHERE type_id = ANY($2::bigint[]) "
                        "AND ST_Within(geom, "_s
                            + area + u") ORDER BY id"_s,
                        {polygonWkt(meters), listParam({m_lamp, m_hydrant})});
    QVERIFY_OK(expected);
    QList<qint64> want;
    for (int row = 0; row < expected->rowCount(); ++row) {
        want << expected->toInt(row, 0);
    }
    QVERIFY(want.size() > 20);
    QVERIFY(want.size() < m_randomIds.size() - 20);
    QCOMPARE(*ids, want);
}

void TestAssetQueries::selectInRectangle_data()
{
    QTest::addColumn<QRectF>("rect"); // metres relative to the centre; empty: the fixture tile
    QTest::addColumn<bool>("tileTypes");
    QTest::newRow("centre") << QRectF(-700, -500, 1400, 1000) << false;
    QTest::newRow("north-east, past the cloud") << QRectF(200, 300, 3000, 3000) << false;
    QTest::newRow("given south-up") << QRectF(QPointF(500, 500), QPointF(-300, -800)) << false;
    QTest::newRow("fixture tile") << QRectF() << true;
}

void TestAssetQueries::selectInRectangle()
{
    QFETCH(QRectF, rect);
    QFETCH(bool, tileTypes);
    const QPointF center = gis::lonLatToMercatorMeters({CenterLon, CenterLat});
    const QRectF meters = rect.isNull() ? m_tile.boundsMeters() : rect.translated(center);
    const QList<qint64> types = tileTypes ? QList<qint64>{m_tileLamp, m_tileMain, m_tilePark}
                                          : QList<qint64>{m_lamp, m_hydrant};
    auto r = run(AssetQueries::selectInRectangle(meters, types));
    QVERIFY_OK(r);
    auto ids = AssetQueries::decodeIds(*r);
    QVERIFY_OK(ids);

    const QRectF n = meters.normalized();
    const gis::LonLat sw = gis::mercatorMetersToLonLat(n.topLeft());
    const gis::LonLat ne = gis::mercatorMetersToLonLat(n.bottomRight());
    auto expected = sql(u"SELECT id FROM asset WHERE type_id = ANY($5::bigint[]) "
                        "AND geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) "
                        "AND ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)) "
                        "ORDER BY id"_s,
                        {sw.lonDeg, sw.latDeg, ne.lonDeg, ne.latDeg, listParam(types)});
    QVERIFY_OK(expected);
    QList<qint64> want;
    for (int row = 0; row < expected->rowCount(); ++row) {
        want << expected->toInt(row, 0);
    }
    QVERIFY(!want.isEmpty());
    QCOMPARE(*ids, want);
    if (tileTypes) {
        QVERIFY(ids->contains(m_ids[u"T-MAIN-CROSS"_s]));
        QVERIFY(!ids->contains(m_ids[u"T-MAIN-CORNER"_s]));
        QVERIFY(!ids->contains(m_ids[u"T-OUT-1"_s]));
    }
}

void TestAssetQueries::extentAndLocations()
{
    const qint64 a = m_ids[u"T-IN-1"_s];
    const qint64 b = m_ids[u"T-IN-2"_s];
    const QRectF t = m_tile.boundsMeters();
    const QPointF pa(t.left() + 0.25 * t.width(), t.bottom() - 0.25 * t.height());
    const QPointF pb(t.left() + 0.75 * t.width(), t.bottom() - 0.60 * t.height());
    auto r = run(AssetQueries::extentOf({a, b}));
    QVERIFY_OK(r);
    auto extent = AssetQueries::decodeExtent(*r);
    QVERIFY_OK(extent);
    QVERIFY(extent->has_value());
    QVERIFY(std::abs((*extent)->left() - pa.x()) < 1e-3);
    QVERIFY(std::abs((*extent)->right() - pb.x()) < 1e-3);
    QVERIFY(std::abs((*extent)->top() - pb.y()) < 1e-3); // top() is the south edge
    QVERIFY(std::abs((*extent)->bottom() - pa.y()) < 1e-3);

    // One asset: a point, still an extent to zoom to.
    auto single = run(AssetQueries::extentOf({a}));
    QVERIFY_OK(single);
    auto singleExtent = AssetQueries::decodeExtent(*single);
    QVERIFY_OK(singleExtent);
    QVERIFY(singleExtent->has_value());
    QVERIFY(std::abs((*singleExtent)->center().x() - pa.x()) < 1e-3);

    auto none = run(AssetQueries::extentOf({-1}));
    QVERIFY_OK(none);
    auto noExtent = AssetQueries::decodeExtent(*none);
    QVERIFY_OK(noExtent);
    QVERIFY(!noExtent->has_value());

    const qint64 park = m_ids[u"T-PARK-IN"_s];
    auto located = run(AssetQueries::locationsByIds({a, park, -1}));
    QVERIFY_OK(located);
    auto locations = AssetQueries::decodeLocations(*located);
    QVERIFY_OK(locations);
    QCOMPARE(locations->size(), 2);
    QCOMPARE(locations->at(0).id, a);
    QCOMPARE(locations->at(0).typeId, m_tileLamp);
    QCOMPARE(locations->at(1).id, park);
    QCOMPARE(locations->at(1).typeId, m_tilePark);
    const QRectF parkBox = locations->at(1).extentMeters;
    QVERIFY(std::abs(parkBox.width() - 0.4 * t.width()) < 1e-3);
    QVERIFY(std::abs(parkBox.left() - (t.left() + 0.8 * t.width())) < 1e-3);

    auto summaries = run(AssetQueries::summariesByIds({b, a}));
    QVERIFY_OK(summaries);
    auto decoded = AssetQueries::decodeSummaries(*summaries);
    QVERIFY_OK(decoded);
    QCOMPARE(decoded->size(), 2);
    QCOMPARE(decoded->at(0).code, u"T-IN-1"_s);
    QCOMPARE(decoded->at(1).status, gis::AssetStatus::Faulty);
}

void TestAssetQueries::locate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mustContain"); // in code (prefix), name or street of every hit
    QTest::addColumn<int>("expectedCount");   // -1: as many as SQL finds containing mustContain

    QTest::newRow("code prefix") << u"SL-001"_s << u"SL-001"_s << -1;
    QTest::newRow("code prefix, lower case") << u"hy-002"_s << u"HY-002"_s << -1;
    QTest::newRow("street") << u"moulins"_s << u"Moulins"_s << -1;
    QTest::newRow("name with a typo") << u"grimaldy"_s << u"Grimaldi"_s << -1;
    QTest::newRow("one character") << u"S"_s << QString() << 0;
    QTest::newRow("blank") << u"   "_s << QString() << 0;
}

void TestAssetQueries::locate()
{
    QFETCH(QString, text);
    QFETCH(QString, mustContain);
    QFETCH(int, expectedCount);
    auto r = run(AssetQueries::locate(text, 500));
    QVERIFY_OK(r);
    auto hits = AssetQueries::decodeSummaries(*r);
    QVERIFY_OK(hits);
    if (expectedCount < 0) {
        auto count = sql(u"SELECT count(*) FROM asset WHERE code ILIKE $1 || '%' "
                         "OR name ILIKE '%' || $1 || '%' OR street ILIKE '%' || $1 || '%'"_s,
                         {mustContain});
        QVERIFY_OK(count);
        expectedCount = int(count->toInt(0, 0));
        QVERIFY(expectedCount > 0);
    }
    QCOMPARE(hits->size(), expectedCount);
    for (const AssetSummary &hit : *hits) {
        QVERIFY2(hit.code.startsWith(mustContain, Qt::CaseInsensitive)
                     || hit.name.contains(mustContain, Qt::CaseInsensitive)
                     || hit.street.contains(mustContain, Qt::CaseInsensitive),
                 qPrintable(hit.code + u' ' + hit.name + u' ' + hit.street));
    }
    auto limited = run(AssetQueries::locate(text, 2));
    QVERIFY_OK(limited);
    QCOMPARE(limited->rowCount(), std::min(expectedCount, 2));
}

void TestAssetQueries::locateMetacharactersAreLiteral()
{
    const struct
    {
        QString code;
        QString name;
    } named[] = {
        {u"MC-1"_s, u"Meter 100%% full"_s},
        {u"MC-2"_s, u"Meter 100 full"_s},
        {u"MC-3"_s, u"Pipe x__y"_s},
        {u"MC-4"_s, u"Pipe xaby"_s},
        {u"MC-5"_s, u"Path C:\\% odd"_s},
        {u"MC-6"_s, u"Path C:% odd"_s},
    };

    const QPointF somewhere = gis::lonLatToMercatorMeters({CenterLon, CenterLat});
    for (const auto &n : named) {
        QVERIFY(insertAsset(m_valve, n.code, pointWkt(somewhere), u"active"_s, n.name));
    }
    auto codesFor = [this](const QString &text) {
        QStringList codes;
        auto r = run(AssetQueries::locate(text, 100));
        if (!r) {
            qWarning("%s", why(r).constData());
            return QStringList{u"<error>"_s};
        }
        for (int row = 0; row < r->rowCount(); ++row) {
            codes << r->text(row, 2);
        }
        codes.sort();
        return codes;
    };
    QCOMPARE(codesFor(u"%%"_s), QStringList{u"MC-1"_s});
    QCOMPARE(codesFor(u"__"_s), QStringList{u"MC-3"_s});
    QCOMPARE(codesFor(u"\\%"_s), QStringList{u"MC-5"_s});

    auto before = sql(u"SELECT count(*) FROM asset"_s);
    QVERIFY_OK(before);
    for (const QString &evil : {u"'; DROP TABLE asset; --"_s, u"\\'); DELETE FROM asset; --"_s}) {
        auto r = run(AssetQueries::locate(evil, 10));
        QVERIFY_OK(r);
        AttributeQuery query;
        query.text = evil;
        auto page = run(AssetQueries::attributePage(query, 0, 10));
        QVERIFY_OK(page);
        QCOMPARE(page->rowCount(), 0);
    }
    auto after = sql(u"SELECT count(*) FROM asset"_s);
    QVERIFY_OK(after);
    QCOMPARE(after->toInt(0, 0), before->toInt(0, 0));

    AttributeQuery percent;
    percent.text = u"%%"_s;
    auto page = run(AssetQueries::attributePage(percent, 0, 100));
    QVERIFY_OK(page);
    QCOMPARE(page->rowCount(), 1);
    QCOMPARE(page->text(0, 1), u"MC-1"_s);
    QVERIFY_OK(sql(u"DELETE FROM asset WHERE code LIKE 'MC-%'"_s));
}

namespace {

// The SQL the expected order sorts by, per attribute column (the test's own copy).
QString sortKeyOf(const QString &column)
{
    static const QHash<QString, QString> keys{{u"id"_s, u"a.id"_s},
                                              {u"code"_s, u"a.code"_s},
                                              {u"name"_s, u"a.name"_s},
                                              {u"type"_s, u"t.name"_s},
                                              {u"street"_s, u"a.street"_s},
                                              {u"status"_s, u"a.status"_s},
                                              {u"condition"_s, u"a.condition"_s},
                                              {u"install_date"_s, u"a.install_date"_s},
                                              {u"updated_at"_s, u"a.updated_at"_s}};
    return keys.value(column, u"a.code"_s);
}

} // namespace

void TestAssetQueries::attributePageSortsAndPages_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    const QStringList columns = AssetQueries::attributeColumns();
    QCOMPARE(columns,
             (QStringList{u"id"_s,
                          u"code"_s,
                          u"name"_s,
                          u"type"_s,
                          u"street"_s,
                          u"status"_s,
                          u"condition"_s,
                          u"install_date"_s,
                          u"updated_at"_s}));
    for (const QString &column : columns) {
        QTest::addRow("%s ascending", qPrintable(column)) << column << Qt::AscendingOrder;
        QTest::addRow("%s descending", qPrintable(column)) << column << Qt::DescendingOrder;
    }
    QTest::newRow("unknown column sorts by code")
        << u"geom; DROP TABLE asset"_s << Qt::AscendingOrder;
}

void TestAssetQueries::attributePageSortsAndPages()
{
    QFETCH(QString, column);
    QFETCH(Qt::SortOrder, order);
    // Some install dates, many ties elsewhere (status, condition, type): ties go by id.
    QVERIFY_OK(sql(u"UPDATE asset SET install_date = DATE '2000-01-01' + (id * 37 % 40)::int "
                   "WHERE id % 4 <> 0 AND install_date IS NULL"_s));
    const QString direction = order == Qt::DescendingOrder ? u" DESC"_s : QString();
    auto expected = sql(u"SELECT a.id FROM asset a JOIN asset_type t ON t.id = a.type_id "
                        "ORDER BY "_s
                        + sortKeyOf(column) + direction + u", a.id"_s + direction);
    QVERIFY_OK(expected);
    QList<qint64> want;
    for (int row = 0; row < expected->rowCount(); ++row) {
        want << expected->toInt(row, 0);
    }

    AttributeQuery query;
    query.sortColumn = column;
    query.sortOrder = order;
    constexpr int PageSize = 37;
    QList<qint64> got;
    QSet<qint64> seen;
    for (int offset = 0;; offset += PageSize) {
        auto page = run(AssetQueries::attributePage(query, offset, PageSize));
        QVERIFY_OK(page);
        QCOMPARE(page->columnCount(), 9);
        for (int row = 0; row < page->rowCount(); ++row) {
            const qint64 id = page->text(row, 0).toLongLong();
            QVERIFY2(!seen.contains(id), "pages overlap");
            seen << id;
            got << id;
        }
        if (page->rowCount() < PageSize) {
            break;
        }
        QVERIFY(offset < 100000);
    }
    QCOMPARE(got, want);
}

void TestAssetQueries::attributePageFilters()
{
    auto idsOf = [this](const AttributeQuery &query) {
        QList<qint64> ids;
        auto page = run(AssetQueries::attributePage(query, 0, 100000));
        if (!page) {
            qWarning("%s", why(page).constData());
            return QList<qint64>{-1};
        }
        for (int row = 0; row < page->rowCount(); ++row) {
            ids << page->text(row, 0).toLongLong();
        }
        return ids;
    };
    auto countOf = [this](const QString &where, const QVariantList &params) -> qint64 {
        auto r = sql(u"SELECT count(*) FROM asset a WHERE "_s + where, params);
        return r ? r->toInt(0, 0) : -1;
    };

    AttributeQuery text;
    text.text = u"moulINS"_s;
    const QList<qint64> moulins = idsOf(text);
    QCOMPARE(moulins.size(),
             countOf(u"a.code ILIKE '%moulins%' OR a.name ILIKE '%moulins%' "
                     "OR a.street ILIKE '%moulins%'"_s,
                     {}));
    QVERIFY(moulins.size() > 10);

    AttributeQuery typed;
    typed.typeIds = {m_hydrant};
    const QList<qint64> hydrants = idsOf(typed);
    QCOMPARE(hydrants.size(), countOf(u"a.type_id = $1"_s, {m_hydrant}));
    auto page = run(AssetQueries::attributePage(typed, 0, 5));
    QVERIFY_OK(page);
    QCOMPARE(page->rowCount(), 5);
    for (int row = 0; row < page->rowCount(); ++row) {
        QCOMPARE(page->text(row, 3), u"Hydrant"_s);
        QVERIFY(page->text(row, 1).startsWith(u"HY-"_s));
    }

    AttributeQuery both = typed;
    both.text = u"moulins"_s;
    QCOMPARE(toSet(idsOf(both)), toSet(moulins) & toSet(hydrants));

    AttributeQuery only;
    only.onlyIdsActive = true;
    only.onlyIds = {m_randomIds.at(0), m_randomIds.at(9), m_ids[u"T-PARK-IN"_s]};
    QCOMPARE(toSet(idsOf(only)), toSet(only.onlyIds));
    only.onlyIds.clear();
    QCOMPARE(idsOf(only).size(), 0);
    only.onlyIdsActive = false;
    QCOMPARE(idsOf(only).size(), countOf(u"true"_s, {}));
}

void TestAssetQueries::attributeEstimateIsPositive()
{
    AttributeQuery all;
    auto r = run(AssetQueries::attributeEstimate(all));
    QVERIFY_OK(r);
    auto estimate = AssetQueries::decodeEstimate(*r);
    QVERIFY_OK(estimate);
    auto count = sql(u"SELECT count(*) FROM asset"_s);
    QVERIFY_OK(count);
    QVERIFY(*estimate > 0);
    // Freshly analysed: the planner knows the table's size to within a factor of two.
    QVERIFY2(*estimate * 2 >= count->toInt(0, 0) && *estimate <= 2 * count->toInt(0, 0),
             qPrintable(QString::number(*estimate)));

    AttributeQuery filtered;
    filtered.typeIds = {m_hydrant};
    filtered.text = u"moulins"_s;
    auto f = run(AssetQueries::attributeEstimate(filtered));
    QVERIFY_OK(f);
    auto fe = AssetQueries::decodeEstimate(*f);
    QVERIFY_OK(fe);
    QVERIFY(*fe > 0);
    QVERIFY(*fe <= *estimate);
}

void TestAssetQueries::recordSensorsWorkOrdersHistory()
{
    const qint64 id = m_ids[u"T-IN-1"_s];
    QVERIFY_OK(sql(u"UPDATE asset SET attributes = '{\"lamp_watts\": 70, \"pole\": \"steel\"}', "
                   "street = 'Rue Grimaldi' WHERE id = $1"_s,
                   {id}));
    QVERIFY_OK(sql(u"UPDATE asset SET status = 'faulty', condition = 4 WHERE id = $1"_s, {id}));

    auto record = run(AssetQueries::assetRecord(id));
    QVERIFY_OK(record);
    auto fields = AssetQueries::decodeAssetRecord(*record);
    QVERIFY_OK(fields);
    QHash<QString, QString> values;
    QStringList names;
    for (const AssetField &field : *fields) {
        values.insert(field.name, field.value);
        names << field.name;
    }
    QCOMPARE(values.value(u"code"_s), u"T-IN-1"_s);
    QCOMPARE(values.value(u"status"_s), u"faulty"_s);
    QCOMPARE(values.value(u"condition"_s), u"4"_s);
    QCOMPARE(values.value(u"street"_s), u"Rue Grimaldi"_s);
    QCOMPARE(values.value(u"attributes.lamp_watts"_s), u"70"_s);
    QCOMPARE(values.value(u"attributes.pole"_s), u"steel"_s);
    QVERIFY(values.contains(u"name"_s));
    QCOMPARE(values.value(u"name"_s), QString()); // NULL
    QVERIFY(values.value(u"geom"_s).startsWith(u"POINT("_s));
    QVERIFY(names.indexOf(u"code"_s) < names.indexOf(u"status"_s));
    QVERIFY(names.indexOf(u"geom"_s) < names.indexOf(u"attributes.pole"_s));
    QVERIFY(!names.contains(u"attributes"_s));

    QVERIFY_OK(sql(u"INSERT INTO sensor (asset_id, code, kind, unit, last_value, last_seen) "
                   "VALUES ($1, 'NOISE-1', 'noise', 'dB', 61.5, '2026-11-20T10:00:00Z'), "
                   "       ($1, 'AIR-1', 'air_quality', NULL, NULL, NULL)"_s,
                   {id}));
    auto sensors = run(AssetQueries::assetSensors(id));
    QVERIFY_OK(sensors);
    auto decodedSensors = AssetQueries::decodeAssetSensors(*sensors);
    QVERIFY_OK(decodedSensors);
    QCOMPARE(decodedSensors->size(), 2);
    QCOMPARE(decodedSensors->at(0).code, u"AIR-1"_s);
    QVERIFY(!decodedSensors->at(0).hasLastValue);
    QVERIFY(!decodedSensors->at(0).lastSeen.isValid());
    QCOMPARE(decodedSensors->at(1).kind, u"noise"_s);
    QCOMPARE(decodedSensors->at(1).unit, u"dB"_s);
    QVERIFY(decodedSensors->at(1).hasLastValue);
    QCOMPARE(decodedSensors->at(1).lastValue, 61.5);
    QCOMPARE(decodedSensors->at(1).lastSeen,
             QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone::utc()));

    QVERIFY_OK(sql(u"INSERT INTO work_order (title, asset_id, status, priority, due) VALUES "
                   "('Replace lamp', $1, 'open', 'high', '2026-12-01'), "
                   "('Old job', $1, 'closed', 'low', NULL), "
                   "('Dropped', $1, 'cancelled', 'low', NULL), "
                   "('Paint pole', $1, 'in_progress', 'normal', NULL)"_s,
                   {id}));
    auto orders = run(AssetQueries::assetWorkOrders(id));
    QVERIFY_OK(orders);
    auto decodedOrders = AssetQueries::decodeAssetWorkOrders(*orders);
    QVERIFY_OK(decodedOrders);
    QCOMPARE(decodedOrders->size(), 2);
    QCOMPARE(decodedOrders->at(0).title, u"Replace lamp"_s);
    QCOMPARE(decodedOrders->at(0).priority, u"high"_s);
    QCOMPARE(decodedOrders->at(0).status, u"open"_s);
    QVERIFY(decodedOrders->at(0).code.startsWith(u"WO-"_s));
    QCOMPARE(decodedOrders->at(0).due,
             QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc()));
    QCOMPARE(decodedOrders->at(1).title, u"Paint pole"_s);
    QVERIFY(!decodedOrders->at(1).due.isValid());

    auto history = run(AssetQueries::assetHistory(id, 10));
    QVERIFY_OK(history);
    auto entries = AssetQueries::decodeAssetHistory(*history);
    QVERIFY_OK(entries);
    // INSERT, our two UPDATEs and the install date the paging test gave it; newest first.
    auto audited = sql(u"SELECT count(*) FROM audit_log WHERE table_name = 'asset' "
                       "AND row_id = $1"_s,
                       {id});
    QVERIFY_OK(audited);
    QVERIFY(audited->toInt(0, 0) >= 3);
    QCOMPARE(entries->size(), audited->toInt(0, 0));
    QCOMPARE(entries->at(0).action, u"UPDATE"_s);
    QCOMPARE(entries->at(0).changes, u"status: active -> faulty; condition: 3 -> 4"_s);
    QCOMPARE(entries->at(0).user, u"postgres"_s);
    QVERIFY(entries->at(0).at.isValid());
    QVERIFY(entries->at(1).changes.contains(u"street: — -> Rue Grimaldi"_s));
    QVERIFY(entries->at(1).changes.contains(u"attributes: {} -> "_s));
    QCOMPARE(entries->last().action, u"INSERT"_s);
    QCOMPARE(entries->last().changes, QString());
    auto latest = run(AssetQueries::assetHistory(id, 1));
    QVERIFY_OK(latest);
    QCOMPARE(latest->rowCount(), 1);
}

void TestAssetQueries::triggerWorksForOperators()
{
    // A login role in infrasight_operator (who may change status only) keeps the grid current
    // through the SECURITY DEFINER trigger, may read the grid, and may not rebuild it.
    const QString role = m_database->name() + u"_op"_s;
    const QString password = QString::number(QRandomGenerator::global()->generate64(), 36);
    auto statement = sql(u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE "
                         "infrasight_operator', $1::text, $2::text)"_s,
                         {role, password});
    QVERIFY_OK(statement);
    QVERIFY_OK(m_db->execScript(statement->text(0, 0)));
    auto dropRole = qScopeGuard([&] {
        if (auto dropped = m_db->exec(u"DROP ROLE IF EXISTS "_s + quoteIdentifier(role));
            !dropped) {
            qWarning("%s", why(dropped).constData());
        }
    });
    {
        auto operatorConnection = PgConnection::open(m_database->conninfoAs(role, password));
        QVERIFY_OK(operatorConnection);
        PgConnection &op = **operatorConnection;
        auto target = sql(u"SELECT id FROM asset WHERE type_id = $1 AND status = 'active' "
                          "ORDER BY id LIMIT 1"_s,
                          {m_lamp});
        QVERIFY_OK(target);
        auto updated
            = op.exec(u"UPDATE asset SET status = 'faulty' WHERE id = $1"_s, {target->toInt(0, 0)});
        QVERIFY_OK(updated);
        QCOMPARE(updated->affectedRows(), 1);
        auto faulty = op.exec(u"SELECT sum(faulty) FROM asset_cell WHERE level = 18"_s);
        QVERIFY_OK(faulty);
        auto counted = sql(u"SELECT count(*) FROM asset WHERE status = 'faulty' AND "
                           "GeometryType(geom) = 'POINT'"_s);
        QVERIFY_OK(counted);
        QCOMPARE(faulty->toInt(0, 0), counted->toInt(0, 0));
        auto rebuild = op.exec(u"SELECT asset_cell_rebuild()"_s);
        QVERIFY(!rebuild);
        QCOMPARE(rebuild.error().sqlState, u"42501"_s);
        auto write = op.exec(u"DELETE FROM asset_cell"_s);
        QVERIFY(!write);
        QCOMPARE(write.error().sqlState, u"42501"_s);
    }
    compareClusters("after an operator's change");
}

void TestAssetQueries::dbClientReportsSubmittedStatements()
{
    DbClient client;
    QSignalSpy submitted(&client, &DbClient::statementSubmitted);
    QList<std::pair<QueryId, QueryOutcome>> outcomes;
    connect(
        &client, &DbClient::queryFinished, this, [&outcomes](QueryId id, const QueryOutcome &o) {
            outcomes.push_back({id, o});
        });
    client.open(m_database->conninfo());
    QTRY_COMPARE(client.state(), ConnectionState::Connected);

    const Statement tile = AssetQueries::tileFeatures(m_tile, {m_tileLamp}, 0.0);
    const QueryId id = client.submit(tile);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).value<QueryId>(), id);
    QCOMPARE(submitted.at(0).at(1).toString(), tile.sql);
    QCOMPARE(submitted.at(0).at(2).toList(), tile.params);
    QTRY_COMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.at(0).first, id);
    QVERIFY_OK(outcomes.at(0).second);
    auto blocks = AssetQueries::decodeTileFeatures(*outcomes.at(0).second,
                                                   {{m_tileLamp, gis::FeatureKind::Point}});
    QVERIFY_OK(blocks);
    QVERIFY(blocks->value(m_tileLamp).indexOf(m_ids[u"T-IN-2"_s]) >= 0);

    const QueryId plain = client.submit(u"SELECT $1::int"_s, {7});
    QCOMPARE(submitted.size(), 2);
    QCOMPARE(submitted.at(1).at(0).value<QueryId>(), plain);
    QCOMPARE(submitted.at(1).at(1).toString(), u"SELECT $1::int"_s);
    QTRY_COMPARE(outcomes.size(), 2);
}

Q_DECLARE_METATYPE(infrasight::data::Statement)

void TestAssetQueries::migrationFillsTheGridOfExistingAssets()
{
    // A database from before 0003 with assets in it: migrating must fill asset_cell.
    auto database = tests::PgTestDatabase::create();
    QVERIFY_OK(database);
    auto opened = PgConnection::open(database->conninfo());
    QVERIFY_OK(opened);
    PgConnection &old = **opened;
    QList<Migration> before;
    for (const Migration &migration : MigrationRunner::available()) {
        if (migration.version < 3) {
            before << migration;
        }
    }
    QVERIFY_OK(MigrationRunner(old, before).migrate());
    QVERIFY_OK(old.exec(u"INSERT INTO asset_type (code, name, geometry_kind) "
                        "VALUES ('lamp', 'Lamp', 'point'), ('main', 'Main', 'line')"_s));
    QVERIFY_OK(old.exec(u"INSERT INTO asset (type_id, code, status, geom) "
                        "SELECT 1, 'L' || g, CASE WHEN g % 4 = 0 THEN 'faulty' ELSE 'active' END, "
                        "ST_SetSRID(ST_MakePoint($1 + g * 1e-4, $2 - g * 1e-4), 4326) "
                        "FROM generate_series(1, 50) g"_s,
                        {CenterLon, CenterLat}));
    QVERIFY_OK(old.exec(u"INSERT INTO asset (type_id, code, geom) VALUES (2, 'M1', "
                        "ST_GeomFromText('LINESTRING(7.42 43.73, 7.43 43.74)', 4326))"_s));
    QVERIFY_OK(MigrationRunner(old).migrate());
    auto levels = old.exec(u"SELECT level, sum(n), sum(faulty), count(DISTINCT type_id) "
                           "FROM asset_cell GROUP BY level ORDER BY level"_s);
    QVERIFY_OK(levels);
    QCOMPARE(levels->rowCount(), AssetQueries::MaxClusterLevel - AssetQueries::MinClusterLevel + 1);
    for (int row = 0; row < levels->rowCount(); ++row) {
        QCOMPARE(levels->toInt(row, 0), AssetQueries::MinClusterLevel + row);
        QCOMPARE(levels->toInt(row, 1), 50); // the points, not the line
        QCOMPARE(levels->toInt(row, 2), 12);
        QCOMPARE(levels->toInt(row, 3), 1);
    }
}

void TestAssetQueries::typeCountsFollowEveryChange()
{
    // asset_type_count, which the console's city summary reads instead of counting asset.
    auto database = tests::PgTestDatabase::create();
    QVERIFY_OK(database);
    auto opened = PgConnection::open(database->conninfo());
    QVERIFY_OK(opened);
    PgConnection &db = **opened;
    QVERIFY_OK(MigrationRunner(db).migrate());
    const auto counted = [&db](const char *when) {
        auto truth = db.exec(
            u"SELECT coalesce(string_agg(type_id || '=' || n, ' ' ORDER BY type_id), '') FROM "
            "(SELECT type_id, count(*) AS n FROM asset GROUP BY type_id) t"_s);
        auto kept = db.exec(u"SELECT coalesce(string_agg(type_id || '=' || n, ' ' "
                            "ORDER BY type_id), '') FROM asset_type_count WHERE n > 0"_s);
        QVERIFY2(truth && kept, when);
        QVERIFY2(truth->text(0, 0) == kept->text(0, 0),
                 qPrintable(QString::fromLatin1(when) + u": "_s + truth->text(0, 0) + u" vs "_s
                            + kept->text(0, 0)));
    };
    QVERIFY_OK(db.exec(u"INSERT INTO asset_type (code, name, geometry_kind) "
                       "VALUES ('lamp', 'Lamp', 'point'), ('main', 'Main', 'line')"_s));
    QVERIFY_OK(db.exec(u"INSERT INTO asset (type_id, code, geom) "
                       "SELECT 1, 'L' || g, ST_SetSRID(ST_MakePoint($1 + g * 1e-4, $2), 4326) "
                       "FROM generate_series(1, 30) g"_s,
                       {CenterLon, CenterLat}));
    QVERIFY_OK(db.exec(u"INSERT INTO asset (type_id, code, geom) SELECT 2, 'M' || g, "
                       "ST_GeomFromText('LINESTRING(7.42 43.73, 7.43 43.74)', 4326) "
                       "FROM generate_series(1, 2) g"_s));
    counted("after the inserts");
    QVERIFY_OK(db.exec(u"UPDATE asset SET type_id = 2 WHERE code IN ('L1', 'L2', 'L3')"_s));
    counted("after a change of type");
    QVERIFY_OK(db.exec(u"UPDATE asset SET status = 'faulty' WHERE code LIKE 'L1%'"_s));
    counted("after a status change");
    QVERIFY_OK(db.exec(u"DELETE FROM asset WHERE code IN ('L10', 'L11', 'M1')"_s));
    counted("after a delete");
    QVERIFY_OK(db.execScript(u"TRUNCATE asset CASCADE"_s));
    counted("after a truncate");
    // A bulk load with triggers off, then the rebuild the loaders call.
    QVERIFY_OK(db.execScript(u"SET session_replication_role = replica; "
                             "INSERT INTO asset (type_id, code, geom) SELECT 1, 'B' || g, "
                             "ST_SetSRID(ST_MakePoint(7.42, 43.73), 4326) "
                             "FROM generate_series(1, 40) g; "
                             "SET session_replication_role = origin; "
                             "SELECT asset_type_count_rebuild()"_s));
    counted("after a bulk load and the rebuild");
}

void TestAssetQueries::loadCityScale()
{
    // City scale for the planner: 60,000 more points over about 6 x 6 km, in one statement
    // (which the grid trigger absorbs as one aggregated upsert), then fresh statistics.
    QVERIFY_OK(sql(u"INSERT INTO asset (type_id, code, name, street, status, geom) "
                   "SELECT $1, 'BULK-' || g, 'Bulk ' || g, 'Street ' || (g % 500), "
                   "CASE WHEN g % 17 = 0 THEN 'faulty' ELSE 'active' END, "
                   "ST_SetSRID(ST_MakePoint($2 + ((g::bigint * 7919) % 6000) * 1e-5, "
                   "$3 + ((g::bigint * 104729) % 6000) * 1e-5 - 0.03), 4326) "
                   "FROM generate_series(1, 60000) g"_s,
                   {m_lamp, CenterLon - 0.03, CenterLat}));
    QVERIFY_OK(sql(u"ANALYZE asset"_s));
    QVERIFY_OK(sql(u"ANALYZE asset_cell"_s));
    QVERIFY_OK(sql(u"ANALYZE audit_log"_s));
    compareClusters("after a bulk insert");
}

void TestAssetQueries::plansUseIndexes_data()
{
    QTest::addColumn<Statement>("statement");
    QTest::addColumn<QString>("index");   // an index the plan must use, or empty
    QTest::addColumn<bool>("aggregates"); // whether an aggregate over asset is expected

    const QList<qint64> points{m_lamp, m_hydrant};
    const qint64 id = m_ids[u"T-IN-1"_s];
    const gis::TileKey z16 = gis::TileKey::containing({CenterLon, CenterLat}, 16);
    const gis::TileKey z12 = gis::TileKey::containing({CenterLon, CenterLat}, 12);
    const QPointF center = gis::lonLatToMercatorMeters({CenterLon, CenterLat});
    const QString gist = u"asset_geom_gist"_s;
    const QString cells = u"asset_cell_pkey"_s;

    QTest::newRow("assetTypes") << AssetQueries::assetTypes() << QString() << false;
    QTest::newRow("tileFeatures") << AssetQueries::tileFeatures(z16, points, 0.0) << gist << false;
    QTest::newRow("tileFeatures simplified")
        << AssetQueries::tileFeatures(z16, points, 2.0) << gist << false;
    QTest::newRow("tileClusters z12 level 12")
        << AssetQueries::tileClusters(z12, 12, points) << cells << false;
    QTest::newRow("tileClusters z16 level 10")
        << AssetQueries::tileClusters(z16, 10, points) << cells << false;
    QTest::newRow("tileClusters z16 level 18")
        << AssetQueries::tileClusters(z16, 18, points) << cells << false;
    QTest::newRow("clusterMembers") << AssetQueries::clusterMembers(
        m_lamp, gis::TileKey::containing({CenterLon, CenterLat}, 18), 100)
                                    << gist << false;
    QTest::newRow("identify") << AssetQueries::identify(center, 15.0, points, 10) << gist << false;
    QTest::newRow("selectInRectangle")
        << AssetQueries::selectInRectangle(QRectF(center, QSizeF(300, 300)), points) << gist
        << false;
    QTest::newRow("selectInPolygon") << AssetQueries::selectInPolygon(
        {center, center + QPointF(300, 0), center + QPointF(300, 300), center + QPointF(150, 100)},
        points) << gist << false;
    QTest::newRow("extentOf") << AssetQueries::extentOf({id, m_randomIds.at(3)}) << u"asset_pkey"_s
                              << true;
    QTest::newRow("summariesByIds")
        << AssetQueries::summariesByIds({id, m_randomIds.at(3)}) << u"asset_pkey"_s << false;
    QTest::newRow("locationsByIds")
        << AssetQueries::locationsByIds({id, m_randomIds.at(3)}) << u"asset_pkey"_s << false;
    QTest::newRow("locate") << AssetQueries::locate(u"Grimaldi"_s, 20) << QString() << false;
    QTest::newRow("locate code") << AssetQueries::locate(u"BULK-123"_s, 20) << QString() << false;
    QTest::newRow("assetRecord") << AssetQueries::assetRecord(id) << u"asset_pkey"_s << false;
    QTest::newRow("assetSensors") << AssetQueries::assetSensors(id) << u"sensor_asset_idx"_s
                                  << false;
    QTest::newRow("assetWorkOrders")
        << AssetQueries::assetWorkOrders(id) << u"work_order_asset_idx"_s << false;
    QTest::newRow("assetHistory") << AssetQueries::assetHistory(id, 50) << u"audit_log_row_idx"_s
                                  << false;
    for (const QString &column : AssetQueries::attributeColumns()) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            AttributeQuery query;
            query.sortColumn = column;
            query.sortOrder = order;
            QTest::addRow("attributePage by %s %s",
                          qPrintable(column),
                          order == Qt::AscendingOrder ? "asc" : "desc")
                << AssetQueries::attributePage(query, 200, 100) << QString() << false;
        }
    }
    AttributeQuery filtered;
    filtered.text = u"grimaldi"_s;
    filtered.typeIds = {m_hydrant};
    QTest::newRow("attributePage filtered")
        << AssetQueries::attributePage(filtered, 0, 100) << QString() << false;
    AttributeQuery selected;
    selected.onlyIdsActive = true;
    selected.onlyIds = {id, m_randomIds.at(3)};
    QTest::newRow("attributePage selected only")
        << AssetQueries::attributePage(selected, 0, 100) << u"asset_pkey"_s << false;
    QTest::newRow("attributeEstimate")
        << AssetQueries::attributeEstimate(filtered) << QString() << false;
    QTest::newRow("attributeEstimate all")
        << AssetQueries::attributeEstimate(AttributeQuery{}) << QString() << false;
}

void TestAssetQueries::plansUseIndexes()
{
    QFETCH(Statement, statement);
    QFETCH(QString, index);
    QFETCH(bool, aggregates);

    QVERIFY(!statement.sql.contains(u"count("_s, Qt::CaseInsensitive));
    QVERIFY_OK(m_db->execScript(u"SET enable_seqscan = off"_s));
    auto reset = qScopeGuard([this] { (void)m_db->execScript(u"RESET enable_seqscan"_s); });
    // attributeEstimate is an EXPLAIN already (and runs nothing); the others are explained here.
    const QString explained = statement.sql.startsWith(u"EXPLAIN"_s)
                                  ? statement.sql
                                  : u"EXPLAIN (FORMAT JSON) "_s + statement.sql;
    auto plan = m_db->exec(explained, statement.params);
    QVERIFY_OK(plan);
    const QJsonDocument json = QJsonDocument::fromJson(plan->text(0, 0).toUtf8());
    QVERIFY(json.isArray());
    QStringList nodes;
    collectNodes(json.array().at(0).toObject().value(u"Plan").toObject(), nodes);
    const QString described = nodes.join(u" | "_s);
    for (const QString &node : std::as_const(nodes)) {
        QVERIFY2(!node.startsWith(u"Seq Scan:asset:"_s), qPrintable(described));
        if (!aggregates) {
            QVERIFY2(!node.startsWith(u"Aggregate:"_s) || !described.contains(u":asset:"_s),
                     qPrintable(described));
        }
    }
    if (!index.isEmpty()) {
        QVERIFY2(described.contains(u':' + index), qPrintable(described));
    }
    // The statement itself runs, too.
    auto ran = run(statement);
    QVERIFY_OK(ran);
}

QTEST_GUILESS_MAIN(TestAssetQueries)
#include "tst_assetqueries.moc"
