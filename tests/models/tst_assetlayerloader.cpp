// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/dbclient.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "gis/core/mercator.h"
#include "models/assetlayerloader.h"
#include "tests/support/pgtestdatabase.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>
#include <tuple>

using namespace infrasight;
using namespace infrasight::models;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

// A grid of street lights in Monaco and a second, smaller grid 0.1 degrees east of it.
constexpr double GridLon = 7.42;
constexpr double GridLat = 43.73;
constexpr double GridStepDeg = 0.00015;
constexpr int GridSide = 20;
constexpr double FarLon = 7.52;
constexpr int FarSide = 11; // 121 far lights: with the grid, more than 500 lights for a bulk change
constexpr double CenterLon = GridLon + GridStepDeg * (GridSide - 1) / 2;
constexpr double CenterLat = GridLat + GridStepDeg * (GridSide - 1) / 2;
constexpr int HydrantCount = 50;

constexpr double FeatureZoom = 17.5;
constexpr double MidZoom = 15.5;
constexpr double ClusterZoom = 12.5;

/// The map's view: a 1280 x 800 px window centred on lon/lat at zoom, in EPSG:3857 metres.
QRectF viewAround(double lonDeg, double latDeg, double zoom)
{
    const QPointF centre = gis::lonLatToMercatorMeters(gis::LonLat{lonDeg, latDeg});
    const double mpp = gis::metersPerPixel(zoom);
    const double width = 1280 * mpp;
    const double height = 800 * mpp;
    return {centre.x() - width / 2, centre.y() - height / 2, width, height};
}

QSet<qint64> idsOf(const LayerContent &content)
{
    QSet<qint64> ids;
    for (const gis::FeatureBlock &block : content.blocks) {
        for (qsizetype i = 0; i < block.size(); ++i) {
            ids.insert(block.id(i));
        }
    }
    return ids;
}

qint64 clusterTotal(const LayerContent &content, const QRectF &areaMeters = {})
{
    qint64 total = 0;
    for (const gis::FeatureBlock &block : content.blocks) {
        for (qsizetype i = 0; i < block.size(); ++i) {
            if (areaMeters.isNull() || areaMeters.contains(block.point(i))) {
                total += block.clusterCount(i);
            }
        }
    }
    return total;
}

/// The position of an asset in the content, or nullopt.
std::optional<QPointF> positionOf(const LayerContent &content, qint64 id)
{
    for (const gis::FeatureBlock &block : content.blocks) {
        if (const qsizetype i = block.indexOf(id); i >= 0) {
            return block.point(i);
        }
    }
    return std::nullopt;
}

bool near(QPointF a, QPointF b)
{
    return QLineF(a, b).length() < 0.01;
}

/// True if the content shows the asset at this position (EPSG:3857 metres).
bool shownAt(const LayerContent &content, qint64 id, QPointF meters)
{
    const std::optional<QPointF> where = positionOf(content, id);
    return where && near(*where, meters);
}

} // namespace

class TestAssetLayerLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void featuresAtHighZoom();
    void clustersAtLowZoom();
    void panningBackSendsNoStatement();
    void cacheStaysWithinItsLimit();
    void staleViewIsCancelled();
    void oldContentStandsInWhileLoading();
    void statementsUseIndexes();
    void movedAssetRedrawsWithinTwoSeconds();
    void movedAssetUpdatesClusters();
    void bulkChangeReloads();
    void lostConnectionKeepsContentAndRecovers();
    void waitsForTheFirstConnection();
    void denseLayerShowsClustersAtHighZoom();

private:
    [[nodiscard]] bool openClient();
    QList<LayerRequest> allLayers() const;
    [[nodiscard]] bool waitComplete(const QRectF &view, double zoom);
    void moveAsset(qint64 id, double lonDeg, double latDeg);

    std::optional<tests::PgTestDatabase> m_db;
    std::unique_ptr<data::PgConnection> m_sql;
    qint64 m_lightType = 0;
    qint64 m_hydrantType = 0;
    qint64 m_mainType = 0;
    qint64 m_parkType = 0;
    QList<qint64> m_gridIds;
    QList<QPointF> m_gridMeters;
    QList<qint64> m_farIds;
    qint64 m_mainId = 0;
    qint64 m_parkId = 0;
    qint64 m_districtId = 0;

    std::unique_ptr<data::DbClient> m_client;
    std::unique_ptr<AssetLayerLoader> m_loader;
};

void TestAssetLayerLoader::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = tests::PgTestDatabase::create();
    QVERIFY2(database, why(database).constData());
    m_db.emplace(std::move(*database));
    auto connection = data::PgConnection::open(m_db->conninfo());
    QVERIFY2(connection, why(connection).constData());
    m_sql = std::move(*connection);
    auto migrated = data::MigrationRunner(*m_sql).migrate();
    QVERIFY2(migrated, why(migrated).constData());

    auto types = m_sql->exec(
        u"INSERT INTO asset_type (code, name, geometry_kind) VALUES "
        "('street_light', 'Street light', 'point'), ('hydrant', 'Hydrant', 'point'), "
        "('water_main', 'Water main', 'line'), ('park', 'Park', 'polygon') RETURNING id"_s);
    QVERIFY2(types, why(types).constData());
    QCOMPARE(types->rowCount(), 4);
    m_lightType = types->toInt(0, 0);
    m_hydrantType = types->toInt(1, 0);
    m_mainType = types->toInt(2, 0);
    m_parkType = types->toInt(3, 0);

    // As another program would: plain SQL, one statement per group.
    for (const auto &[prefix, lonDeg, side] :
         {std::tuple{u"SL-"_s, GridLon, GridSide}, std::tuple{u"SL-far-"_s, FarLon, FarSide}}) {
        auto lights = m_sql->exec(
            u"INSERT INTO asset (type_id, code, geom) "
            "SELECT $1, $6 || i || '-' || j, ST_SetSRID(ST_MakePoint($2::float8 + i * $4::float8, "
            "$3::float8 + j * $4::float8), 4326) FROM generate_series(0, $5::int - 1) i, "
            "generate_series(0, $5::int - 1) j ORDER BY i, j RETURNING id, ST_X(geom), ST_Y(geom)"_s,
            {m_lightType, lonDeg, GridLat, GridStepDeg, side, prefix});
        QVERIFY2(lights, why(lights).constData());
        for (int row = 0; row < lights->rowCount(); ++row) {
            (lonDeg == GridLon ? m_gridIds : m_farIds) << lights->toInt(row, 0);
            if (lonDeg == GridLon) {
                m_gridMeters << gis::lonLatToMercatorMeters(
                    gis::LonLat{lights->toDouble(row, 1), lights->toDouble(row, 2)});
            }
        }
    }
    auto hydrants = m_sql->exec(u"INSERT INTO asset (type_id, code, geom) "
                                "SELECT $1, 'HY-' || k, ST_SetSRID(ST_MakePoint($2::float8 + k * "
                                "0.00005, $3::float8), 4326) "
                                "FROM generate_series(1, $4) k"_s,
                                {m_hydrantType, GridLon, CenterLat, HydrantCount});
    QVERIFY2(hydrants, why(hydrants).constData());
    // One water main across the grid and one park in it, as WKT.
    for (const auto &[typeId, code, wkt, id] :
         {std::tuple{m_mainType,
                     u"WM-1"_s,
                     u"LINESTRING(7.419 43.729, 7.4205 43.7305, 7.425 43.735)"_s,
                     &m_mainId},
          std::tuple{m_parkType,
                     u"PK-1"_s,
                     u"POLYGON((7.421 43.731, 7.422 43.731, 7.422 43.732, 7.421 43.732, "
                     "7.421 43.731))"_s,
                     &m_parkId}}) {
        auto shape = m_sql->exec(u"INSERT INTO asset (type_id, code, geom) "
                                 "VALUES ($1, $2, ST_GeomFromText($3, 4326)) RETURNING id"_s,
                                 {typeId, code, wkt});
        QVERIFY2(shape, why(shape).constData());
        *id = shape->toInt(0, 0);
    }
    // A district of the base map around the grid.
    auto district = m_sql->exec(
        u"INSERT INTO basemap.district (osm_id, osm_type, name, admin_level, geom) "
        "VALUES (1, 'r', 'Test quarter', 10, ST_Multi(ST_MakeEnvelope($1, $2, $3, $4, 4326))) "
        "RETURNING id"_s,
        {GridLon - 0.001, GridLat - 0.001, GridLon + 0.01, GridLat + 0.01});
    QVERIFY2(district, why(district).constData());
    m_districtId = district->toInt(0, 0);
}

void TestAssetLayerLoader::init()
{
    QVERIFY(openClient());
}

void TestAssetLayerLoader::cleanup()
{
    m_loader.reset();
    m_client.reset();
}

bool TestAssetLayerLoader::openClient()
{
    m_client = std::make_unique<data::DbClient>();
    m_client->open(m_db->conninfo());
    QElapsedTimer timer;
    timer.start();
    while (m_client->state() != data::ConnectionState::Connected && timer.elapsed() < 20000) {
        QTest::qWait(20);
    }
    m_loader = std::make_unique<AssetLayerLoader>(m_client.get());
    return m_client->state() == data::ConnectionState::Connected;
}

QList<LayerRequest> TestAssetLayerLoader::allLayers() const
{
    LayerRequest lights;
    lights.key = u"lights"_s;
    lights.typeId = m_lightType;
    lights.kind = gis::FeatureKind::Point;
    LayerRequest hydrants = lights;
    hydrants.key = u"hydrants"_s;
    hydrants.typeId = m_hydrantType;
    LayerRequest mains;
    mains.key = u"mains"_s;
    mains.typeId = m_mainType;
    mains.kind = gis::FeatureKind::Line;
    LayerRequest parks;
    parks.key = u"parks"_s;
    parks.typeId = m_parkType;
    parks.kind = gis::FeatureKind::Polygon;
    LayerRequest districts;
    districts.key = u"districts"_s;
    districts.basemapTable = u"district"_s;
    districts.kind = gis::FeatureKind::Polygon;
    return {districts, parks, mains, hydrants, lights};
}

bool TestAssetLayerLoader::waitComplete(const QRectF &view, double zoom)
{
    QSignalSpy complete(m_loader.get(), &AssetLayerLoader::viewComplete);
    m_loader->setView(view, zoom);
    return complete.wait(10000) && !m_loader->isLoading();
}

void TestAssetLayerLoader::moveAsset(qint64 id, double lonDeg, double latDeg)
{
    auto moved = m_sql->exec(
        u"UPDATE asset SET geom = ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326) WHERE id = $1"_s,
        {id, lonDeg, latDeg});
    QVERIFY2(moved, why(moved).constData());
}

void TestAssetLayerLoader::featuresAtHighZoom()
{
    m_loader->setLayers(allLayers());
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, FeatureZoom), FeatureZoom));

    const LayerContent lights = m_loader->content(u"lights"_s);
    QVERIFY(lights.complete);
    QVERIFY(!lights.clusters);
    QCOMPARE(idsOf(lights), QSet<qint64>(m_gridIds.cbegin(), m_gridIds.cend()));
    const std::optional<QPointF> first = positionOf(lights, m_gridIds.first());
    QVERIFY(first);
    QVERIFY(near(*first, m_gridMeters.first()));

    QCOMPARE(idsOf(m_loader->content(u"hydrants"_s)).size(), HydrantCount);
    QCOMPARE(idsOf(m_loader->content(u"mains"_s)), QSet<qint64>{m_mainId});
    QCOMPARE(idsOf(m_loader->content(u"parks"_s)), QSet<qint64>{m_parkId});
    for (const gis::FeatureBlock &block : m_loader->content(u"parks"_s).blocks) {
        QCOMPARE(block.kind(), gis::FeatureKind::Polygon);
    }
    // The base map's district around the grid, as an area.
    const LayerContent districts = m_loader->content(u"districts"_s);
    QVERIFY(districts.complete);
    QCOMPARE(idsOf(districts), QSet<qint64>{m_districtId});
    for (const gis::FeatureBlock &block : districts.blocks) {
        QCOMPARE(block.kind(), gis::FeatureKind::Polygon);
    }
    QVERIFY(m_loader->cacheBytes() > 0);
}

void TestAssetLayerLoader::clustersAtLowZoom()
{
    m_loader->setLayers(allLayers());
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, ClusterZoom), ClusterZoom));

    const LayerContent lights = m_loader->content(u"lights"_s);
    QVERIFY(lights.complete);
    QVERIFY(lights.clusters);
    for (const gis::FeatureBlock &block : lights.blocks) {
        QCOMPARE(block.kind(), gis::FeatureKind::Cluster);
    }
    QCOMPARE(clusterTotal(lights), qint64(m_gridIds.size() + m_farIds.size()));
    QCOMPARE(clusterTotal(m_loader->content(u"hydrants"_s)), qint64(HydrantCount));
    // Lines and polygons never cluster.
    QCOMPARE(idsOf(m_loader->content(u"mains"_s)), QSet<qint64>{m_mainId});

    // Zooming in past clusterBelowZoom: the grid counts few lights, so features come.
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, FeatureZoom), FeatureZoom));
    QVERIFY(!m_loader->content(u"lights"_s).clusters);
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)).size(), m_gridIds.size());
}

void TestAssetLayerLoader::panningBackSendsNoStatement()
{
    QSignalSpy statements(m_client.get(), &data::DbClient::statementSubmitted);
    m_loader->setLayers(allLayers());
    const QRectF home = viewAround(CenterLon, CenterLat, FeatureZoom);
    const QRectF away = viewAround(FarLon, GridLat, FeatureZoom);
    QVERIFY(waitComplete(home, FeatureZoom));
    QVERIFY(waitComplete(away, FeatureZoom));
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)),
             QSet<qint64>(m_farIds.cbegin(), m_farIds.cend()));
    const qsizetype sent = statements.size();
    QVERIFY(sent > 0);

    QSignalSpy changed(m_loader.get(), &AssetLayerLoader::layerChanged);
    QVERIFY(waitComplete(home, FeatureZoom));
    QCOMPARE(statements.size(), sent);
    QVERIFY(changed.contains(QVariantList{u"lights"_s}));
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)),
             QSet<qint64>(m_gridIds.cbegin(), m_gridIds.cend()));

    // Zooming in within the cached point tiles needs no statement for points either.
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, FeatureZoom + 1), FeatureZoom + 1));
    for (qsizetype i = sent; i < statements.size(); ++i) {
        const QString sql = statements.at(i).at(1).toString();
        const QVariantList params = statements.at(i).at(2).toList();
        QVERIFY2(!(sql.contains(u"FROM asset a"_s) && params.value(4).toList().contains(m_lightType)
                   && params.size() == 5),
                 qPrintable(sql));
    }
}

void TestAssetLayerLoader::cacheStaysWithinItsLimit()
{
    QSignalSpy statements(m_client.get(), &data::DbClient::statementSubmitted);
    m_loader->setCacheLimitBytes(1);
    m_loader->setLayers(allLayers());
    const QRectF home = viewAround(CenterLon, CenterLat, FeatureZoom);
    QVERIFY(waitComplete(home, FeatureZoom));
    QVERIFY(waitComplete(viewAround(FarLon, GridLat, FeatureZoom), FeatureZoom));

    // Only what the layers show now is kept: it is never evicted, everything else is.
    qsizetype shown = 0;
    for (const LayerRequest &layer : allLayers()) {
        for (const gis::FeatureBlock &block : m_loader->content(layer.key).blocks) {
            shown += block.memoryBytes();
        }
    }
    QVERIFY(shown > 0);
    QCOMPARE(m_loader->cacheBytes(), shown);
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)),
             QSet<qint64>(m_farIds.cbegin(), m_farIds.cend()));

    // So going back costs statements again, and still shows the right lights.
    const qsizetype sent = statements.size();
    QVERIFY(waitComplete(home, FeatureZoom));
    QVERIFY(statements.size() > sent);
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)),
             QSet<qint64>(m_gridIds.cbegin(), m_gridIds.cend()));
}

void TestAssetLayerLoader::staleViewIsCancelled()
{
    QSignalSpy statements(m_client.get(), &data::DbClient::statementSubmitted);
    QSignalSpy finished(m_client.get(), &data::DbClient::queryFinished);
    m_loader->setLayers(allLayers());
    // Another session holds the asset table: view A's feature statements cannot finish.
    QVERIFY(m_sql->exec(u"BEGIN"_s));
    QVERIFY(m_sql->exec(u"LOCK TABLE asset IN ACCESS EXCLUSIVE MODE"_s));
    const auto featureStatements = [&statements] {
        QSet<data::QueryId> ids;
        for (const QList<QVariant> &signal : std::as_const(statements)) {
            if (signal.at(1).toString().contains(u"FROM asset a"_s)) {
                ids.insert(signal.at(0).value<data::QueryId>());
            }
        }
        return ids;
    };
    m_loader->setView(viewAround(CenterLon, CenterLat, FeatureZoom), FeatureZoom);
    QTRY_VERIFY_WITH_TIMEOUT(!featureStatements().isEmpty(), 10000);
    const QSet<data::QueryId> viewA = featureStatements();

    const QRectF viewB = viewAround(FarLon, GridLat, FeatureZoom);
    m_loader->setView(viewB, FeatureZoom);
    QTRY_VERIFY_WITH_TIMEOUT(featureStatements().size() > viewA.size(), 10000);
    QVERIFY(m_sql->exec(u"COMMIT"_s));

    QSignalSpy complete(m_loader.get(), &AssetLayerLoader::viewComplete);
    QVERIFY(complete.wait(10000));
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)),
             QSet<qint64>(m_farIds.cbegin(), m_farIds.cend()));
    QVERIFY(idsOf(m_loader->content(u"mains"_s)).isEmpty());
    // Every statement of view A ended cancelled: none ran to completion behind view B's.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int done = 0;
            for (const QList<QVariant> &signal : std::as_const(finished)) {
                done += viewA.contains(signal.at(0).value<data::QueryId>()) ? 1 : 0;
            }
            return done == viewA.size();
        }(),
        10000);
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        if (viewA.contains(signal.at(0).value<data::QueryId>())) {
            const auto outcome = signal.at(1).value<data::QueryOutcome>();
            QVERIFY(!outcome);
            QCOMPARE(outcome.error().code, ErrorCode::Cancelled);
        }
    }
}

void TestAssetLayerLoader::oldContentStandsInWhileLoading()
{
    m_loader->setLayers(allLayers());
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, ClusterZoom), ClusterZoom));
    QSignalSpy statements(m_client.get(), &data::DbClient::statementSubmitted);
    // Another session holds the tables: the new view's answers cannot arrive yet.
    QVERIFY(m_sql->exec(u"BEGIN"_s));
    QVERIFY(m_sql->exec(u"LOCK TABLE asset, asset_cell IN ACCESS EXCLUSIVE MODE"_s));

    // A new cluster level: the old level's clusters stay until the new ones are in.
    m_loader->setView(viewAround(CenterLon, CenterLat, ClusterZoom + 1), ClusterZoom + 1);
    QTRY_VERIFY(!statements.isEmpty());
    LayerContent lights = m_loader->content(u"lights"_s);
    QVERIFY(!lights.complete);
    QVERIFY(lights.clusters);
    QVERIFY(clusterTotal(lights) >= m_gridIds.size());
    QVERIFY(m_sql->exec(u"COMMIT"_s));
    QTRY_VERIFY(m_loader->content(u"lights"_s).complete);
    QCOMPARE(clusterTotal(m_loader->content(u"lights"_s)),
             qint64(m_gridIds.size() + m_farIds.size()));

    // Features turning into clusters: the features stay until the clusters are in.
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, FeatureZoom), FeatureZoom));
    statements.clear();
    QVERIFY(m_sql->exec(u"BEGIN"_s));
    QVERIFY(m_sql->exec(u"LOCK TABLE asset, asset_cell IN ACCESS EXCLUSIVE MODE"_s));
    m_loader->setView(viewAround(CenterLon, CenterLat, MidZoom), MidZoom);
    QTRY_VERIFY(!statements.isEmpty());
    lights = m_loader->content(u"lights"_s);
    QVERIFY(!lights.complete);
    QVERIFY(!lights.clusters);
    QCOMPARE(idsOf(lights), QSet<qint64>(m_gridIds.cbegin(), m_gridIds.cend()));
    QVERIFY(!m_loader->content(u"mains"_s).blocks.isEmpty());
    QVERIFY(m_sql->exec(u"COMMIT"_s));
    QTRY_VERIFY(m_loader->content(u"lights"_s).complete);
    QVERIFY(m_loader->content(u"lights"_s).clusters);
}

void TestAssetLayerLoader::statementsUseIndexes()
{
    struct Sent
    {
        QString sql;
        QVariantList params;
    };

    QList<Sent> log;
    connect(m_client.get(),
            &data::DbClient::statementSubmitted,
            this,
            [&log](data::QueryId, const QString &sql, const QVariantList &params) {
                log.push_back({sql, params});
            });
    m_loader->setLayers(allLayers());
    for (const double zoom : {ClusterZoom, 14.2, MidZoom, FeatureZoom, 18.6}) {
        QVERIFY2(waitComplete(viewAround(CenterLon, CenterLat, zoom), zoom),
                 qPrintable(QString::number(zoom)));
    }
    QVERIFY(waitComplete(viewAround(FarLon, GridLat, MidZoom), MidZoom));
    // A live refresh: the locations statement and the tile statements it causes.
    QSignalSpy changed(m_loader.get(), &AssetLayerLoader::layerChanged);
    moveAsset(m_farIds.first(), FarLon - 0.0004, GridLat);
    QTRY_VERIFY_WITH_TIMEOUT(changed.contains(QVariantList{u"lights"_s}), 5000);
    QTRY_VERIFY(!m_loader->isLoading());
    moveAsset(m_farIds.first(), FarLon, GridLat);

    QVERIFY(log.size() > 10);
    auto explainConnection = data::PgConnection::open(m_db->conninfo());
    QVERIFY2(explainConnection, why(explainConnection).constData());
    data::PgConnection &explain = **explainConnection;
    QVERIFY(explain.exec(u"SET enable_seqscan = off"_s));
    const QRegularExpression touchesAsset(u"\\basset\\b(?!_)"_s);
    bool sawLocations = false;
    for (const Sent &sent : std::as_const(log)) {
        const QString sql = sent.sql;
        QVERIFY2(!sql.contains(u"count("_s, Qt::CaseInsensitive), qPrintable(sql));
        if (sql.contains(touchesAsset)) {
            const bool byId = sql.contains(u"a.id = ANY("_s);
            sawLocations = sawLocations || byId;
            QVERIFY2(byId || sql.contains(u"&&"_s), qPrintable(sql));
        } else {
            QVERIFY2(sql.contains(u"asset_cell"_s)
                         || (sql.contains(u"basemap.district"_s) && sql.contains(u"&&"_s)),
                     qPrintable(sql));
        }
        auto plan = explain.exec(u"EXPLAIN "_s + sql, sent.params);
        QVERIFY2(plan, why(plan).constData());
        QStringList lines;
        for (int row = 0; row < plan->rowCount(); ++row) {
            lines << plan->text(row, 0);
        }
        const QString text = lines.join(u'\n');
        QVERIFY2(!text.contains(u"Seq Scan on asset"_s), qPrintable(sql + u'\n' + text));
        QVERIFY2(!text.contains(u"Seq Scan on district"_s), qPrintable(sql + u'\n' + text));
    }
    QVERIFY(sawLocations);
}

void TestAssetLayerLoader::movedAssetRedrawsWithinTwoSeconds()
{
    m_loader->setLayers(allLayers());
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, FeatureZoom), FeatureZoom));
    const qint64 id = m_gridIds.at(42);
    const qint64 neighbour = m_gridIds.at(43);
    QVERIFY(positionOf(m_loader->content(u"lights"_s), id));

    // Within the view, into a tile of its own if the grid spans several.
    QSignalSpy changed(m_loader.get(), &AssetLayerLoader::layerChanged);
    QSignalSpy assets(m_loader.get(), &AssetLayerLoader::assetsChanged);
    const double lon = CenterLon + 0.0012;
    const double lat = CenterLat - 0.0011;
    const QPointF target = gis::lonLatToMercatorMeters(gis::LonLat{lon, lat});
    QElapsedTimer timer;
    timer.start();
    moveAsset(id, lon, lat);
    QTRY_VERIFY_WITH_TIMEOUT(shownAt(m_loader->content(u"lights"_s), id, target), 2000);
    qInfo() << "redrawn after" << timer.elapsed() << "ms";
    QVERIFY(changed.contains(QVariantList{u"lights"_s}));
    QVERIFY(!assets.isEmpty());
    QCOMPARE(assets.first().at(0).value<QList<qint64>>(), QList<qint64>{id});
    // Once, not twice (the old tile dropped it), and the others stay.
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)).size(), m_gridIds.size());
    QVERIFY(positionOf(m_loader->content(u"lights"_s), neighbour));

    // Out of the view: it leaves the map.
    timer.restart();
    moveAsset(id, FarLon + 0.01, GridLat);
    QTRY_VERIFY_WITH_TIMEOUT(!positionOf(m_loader->content(u"lights"_s), id), 2000);
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)).size(), m_gridIds.size() - 1);

    const QPointF home = m_gridMeters.at(42);
    const gis::LonLat homeLonLat = gis::mercatorMetersToLonLat(home);
    moveAsset(id, homeLonLat.lonDeg, homeLonLat.latDeg);
    QTRY_VERIFY_WITH_TIMEOUT(shownAt(m_loader->content(u"lights"_s), id, home), 2000);
}

void TestAssetLayerLoader::movedAssetUpdatesClusters()
{
    m_loader->setLayers(allLayers());
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, ClusterZoom), ClusterZoom));
    const QPointF farCorner = gis::lonLatToMercatorMeters(gis::LonLat{FarLon, GridLat});
    const QRectF farArea(farCorner - QPointF(3000, 3000), QSizeF(6000, 6000));
    QCOMPARE(clusterTotal(m_loader->content(u"lights"_s), farArea), qint64(m_farIds.size()));

    const qint64 id = m_gridIds.at(7);
    moveAsset(id, FarLon + 0.001, GridLat + 0.001);
    QTRY_COMPARE_WITH_TIMEOUT(
        clusterTotal(m_loader->content(u"lights"_s), farArea), qint64(m_farIds.size() + 1), 2000);
    QCOMPARE(clusterTotal(m_loader->content(u"lights"_s)),
             qint64(m_gridIds.size() + m_farIds.size()));

    const gis::LonLat home = gis::mercatorMetersToLonLat(m_gridMeters.at(7));
    moveAsset(id, home.lonDeg, home.latDeg);
    QTRY_COMPARE_WITH_TIMEOUT(
        clusterTotal(m_loader->content(u"lights"_s), farArea), qint64(m_farIds.size()), 2000);
}

void TestAssetLayerLoader::bulkChangeReloads()
{
    m_loader->setLayers(allLayers());
    QVERIFY(waitComplete(viewAround(CenterLon, CenterLat, FeatureZoom), FeatureZoom));
    const auto allFaulty = [this] {
        const LayerContent content = m_loader->content(u"lights"_s);
        qsizetype faulty = 0;
        for (const gis::FeatureBlock &block : content.blocks) {
            for (qsizetype i = 0; i < block.size(); ++i) {
                faulty += block.status(i) == gis::AssetStatus::Faulty ? 1 : 0;
            }
        }
        return faulty == m_gridIds.size();
    };
    QVERIFY(!allFaulty());

    QSignalSpy assets(m_loader.get(), &AssetLayerLoader::assetsChanged);
    auto updated
        = m_sql->exec(u"UPDATE asset SET status = 'faulty' WHERE type_id = $1"_s, {m_lightType});
    QVERIFY2(updated, why(updated).constData());
    QVERIFY(m_gridIds.size() + m_farIds.size() > 500); // the trigger's bulk threshold
    QTRY_VERIFY_WITH_TIMEOUT(allFaulty(), 2000);
    QVERIFY(!assets.isEmpty());
    QVERIFY(assets.first().at(0).value<QList<qint64>>().isEmpty());

    auto restored
        = m_sql->exec(u"UPDATE asset SET status = 'active' WHERE type_id = $1"_s, {m_lightType});
    QVERIFY2(restored, why(restored).constData());
    QTRY_VERIFY_WITH_TIMEOUT(!allFaulty(), 2000);
}

void TestAssetLayerLoader::lostConnectionKeepsContentAndRecovers()
{
    m_loader->setLayers(allLayers());
    const QRectF view = viewAround(CenterLon, CenterLat, FeatureZoom);
    QVERIFY(waitComplete(view, FeatureZoom));
    const QSet<qint64> before = idsOf(m_loader->content(u"lights"_s));
    QCOMPARE(before.size(), m_gridIds.size());

    QSignalSpy errors(m_loader.get(), &AssetLayerLoader::loadError);
    QSignalSpy reconnected(m_client.get(), &data::DbClient::reconnected);
    QSignalSpy statements(m_client.get(), &data::DbClient::statementSubmitted);
    // Another session holds the asset table, so the refetch is still running when the loader's
    // connection is killed.
    QVERIFY(m_sql->exec(u"BEGIN"_s));
    QVERIFY(m_sql->exec(u"LOCK TABLE asset IN ACCESS EXCLUSIVE MODE"_s));
    m_loader->reloadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!statements.isEmpty(), 5000);
    auto killed = m_sql->exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s);
    QVERIFY2(killed, why(killed).constData());
    QVERIFY(killed->rowCount() >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)), before);

    // A change made while disconnected sends a NOTIFY nobody hears; reconnecting catches up.
    const qint64 id = m_gridIds.at(3);
    const double lon = CenterLon + 0.0005;
    const double lat = CenterLat + 0.0005;
    moveAsset(id, lon, lat);
    QVERIFY(m_sql->exec(u"COMMIT"_s));
    const QPointF target = gis::lonLatToMercatorMeters(gis::LonLat{lon, lat});
    QTRY_VERIFY_WITH_TIMEOUT(!reconnected.isEmpty(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(shownAt(m_loader->content(u"lights"_s), id, target), 5000);
    QTRY_VERIFY(m_loader->content(u"lights"_s).complete && !m_loader->isLoading());
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)), before);
    // Every tile failed at once, but the Activity dock hears of the outage once.
    QCOMPARE(errors.size(), 1);

    const gis::LonLat home = gis::mercatorMetersToLonLat(m_gridMeters.at(3));
    moveAsset(id, home.lonDeg, home.latDeg);
}

void TestAssetLayerLoader::waitsForTheFirstConnection()
{
    // The console builds its map before the connection is up: nothing fails, the view loads
    // once connected.
    m_loader.reset();
    m_client = std::make_unique<data::DbClient>();
    m_loader = std::make_unique<AssetLayerLoader>(m_client.get());
    QSignalSpy errors(m_loader.get(), &AssetLayerLoader::loadError);
    QSignalSpy complete(m_loader.get(), &AssetLayerLoader::viewComplete);
    m_loader->setLayers(allLayers());
    m_loader->setView(viewAround(CenterLon, CenterLat, FeatureZoom), FeatureZoom);
    QTRY_VERIFY(m_loader->isLoading());
    m_client->open(m_db->conninfo());
    QVERIFY(complete.wait(20000));
    QVERIFY(errors.isEmpty());
    QCOMPARE(idsOf(m_loader->content(u"lights"_s)).size(), m_gridIds.size());
}

void TestAssetLayerLoader::denseLayerShowsClustersAtHighZoom()
{
    // More than MaxVisibleFeatures lights in one view, at a zoom where lights are features.
    constexpr double DenseLon = 7.60;
    constexpr int Side = 317; // 100,489 lights
    static_assert(qint64(Side) * Side > AssetLayerLoader::MaxVisibleFeatures);
    auto type = m_sql->exec(u"INSERT INTO asset_type (code, name, geometry_kind) "
                            "VALUES ('dense_light', 'Dense light', 'point') RETURNING id"_s);
    QVERIFY2(type, why(type).constData());
    const qint64 denseType = type->toInt(0, 0);
    // A bulk load as the seeder does it: triggers off, then the cluster grid rebuilt.
    QVERIFY(m_sql->exec(u"SET session_replication_role = replica"_s));
    QElapsedTimer timer;
    timer.start();
    auto dense = m_sql->exec(
        u"INSERT INTO asset (type_id, code, geom) "
        "SELECT $1, 'DL-' || i || '-' || j, ST_SetSRID(ST_MakePoint($2::float8 + i * 0.00001, "
        "$3::float8 + j * 0.00001), 4326) FROM generate_series(0, $4::int - 1) i, "
        "generate_series(0, $4::int - 1) j"_s,
        {denseType, DenseLon, GridLat, Side});
    QVERIFY2(dense, why(dense).constData());
    QVERIFY(m_sql->exec(u"RESET session_replication_role"_s));
    auto rebuilt = m_sql->exec(u"SELECT asset_cell_rebuild()"_s);
    QVERIFY2(rebuilt, why(rebuilt).constData());
    qInfo() << "inserted" << Side * Side << "lights in" << timer.elapsed() << "ms";

    QSignalSpy statements(m_client.get(), &data::DbClient::statementSubmitted);
    LayerRequest layer;
    layer.key = u"dense"_s;
    layer.typeId = denseType;
    m_loader->setLayers({layer});
    const double centreOffset = 0.00001 * (Side - 1) / 2;
    QVERIFY(waitComplete(viewAround(DenseLon + centreOffset, GridLat + centreOffset, FeatureZoom),
                         FeatureZoom));
    const LayerContent content = m_loader->content(u"dense"_s);
    QVERIFY(content.clusters);
    QCOMPARE(clusterTotal(content), qint64(Side) * Side);
    for (const QList<QVariant> &signal : std::as_const(statements)) {
        QVERIFY2(!signal.at(1).toString().contains(u"FROM asset a"_s),
                 qPrintable(signal.at(1).toString()));
    }

    QVERIFY(m_sql->exec(u"SET session_replication_role = replica"_s));
    auto removed = m_sql->exec(u"DELETE FROM asset WHERE type_id = $1"_s, {denseType});
    QVERIFY2(removed, why(removed).constData());
    QVERIFY(m_sql->exec(u"RESET session_replication_role"_s));
    QVERIFY(m_sql->exec(u"SELECT asset_cell_rebuild()"_s));
}

QTEST_GUILESS_MAIN(TestAssetLayerLoader)
#include "tst_assetlayerloader.moc"
