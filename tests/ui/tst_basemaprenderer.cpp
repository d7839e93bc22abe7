// SPDX-License-Identifier: GPL-3.0-or-later
// The offline basemap: tiles rendered from the Monaco extract show the sea, buildings and parks
// in their colours at known places, and a tile build can be cancelled and resumed into a
// complete, valid MBTiles file.
#include "gis/core/mercator.h"
#include "gis/core/tilerange.h"
#include "gis/proj/gdalsetup.h"
#include "ui/render/basemapdata.h"
#include "ui/render/basemaprenderer.h"
#include "ui/render/tilebuilder.h"

#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QPolygonF>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace infrasight;
using render::BasemapAreaKind;

class TestBasemapRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seaIsWaterColoured_data();
    void seaIsWaterColoured();
    void inlandIsNotWater();
    void knownBuildingIsBuildingColoured();
    void largestParkIsParkColoured();
    void highDpiTileIsTwiceAsLarge();
    void buildCancelResume();
    void seaSideFollowsCoastlineDirection_data();
    void seaSideFollowsCoastlineDirection();

private:
    // The pixel of a tile at zoom z under position, rendered at scale.
    QColor pixelAt(gis::LonLat position, int z, int scale = 1) const;
    static QColor
    pixelAt(const render::BasemapRenderer &renderer, gis::LonLat position, int z, int scale = 1);
    // The pixel under the point of area farthest inside it (from a grid over its bounds).
    QColor pixelInside(const render::BasemapArea &area, int z) const;

    std::shared_ptr<const render::BasemapData> m_data;
    std::unique_ptr<render::BasemapRenderer> m_renderer;
    render::BasemapStyle m_style;
};

namespace {

QString monacoPath()
{
    return qEnvironmentVariable("INFRASIGHT_SOURCE_DIR")
           + QStringLiteral("/../shared/data/osm/monaco.osm.pbf");
}

bool near(const QColor &a, const QColor &b, int tolerance = 4)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
           && std::abs(a.blue() - b.blue()) <= tolerance;
}

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

} // namespace

void TestBasemapRenderer::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("infrasight.gis.debug=false"));
    gis::setupGdal();
    auto data = render::BasemapData::load(monacoPath());
    QVERIFY2(data.has_value(), qPrintable(data ? QString() : data.error().toString()));
    m_data = *data;
    QVERIFY(m_data->areas().size() > 20000);
    QVERIFY(!m_data->seaRings().empty());
    m_renderer = std::make_unique<render::BasemapRenderer>(m_data, m_style);
}

QColor TestBasemapRenderer::pixelAt(gis::LonLat position, int z, int scale) const
{
    return pixelAt(*m_renderer, position, z, scale);
}

QColor TestBasemapRenderer::pixelAt(const render::BasemapRenderer &renderer,
                                    gis::LonLat position,
                                    int z,
                                    int scale)
{
    const gis::TileKey key = gis::TileKey::containing(position, z);
    const QImage image = renderer.render(key, scale);
    const QPointF world = gis::lonLatToWorldPixel(position, z);
    const int x = int(std::floor((world.x() - key.x() * 256.0) * scale));
    const int y = int(std::floor((world.y() - key.y() * 256.0) * scale));
    return image.pixelColor(x, y);
}

QColor TestBasemapRenderer::pixelInside(const render::BasemapArea &area, int z) const
{
    const QPolygonF outer(QList<QPointF>(area.rings.front().begin(), area.rings.front().end()));
    QPointF best;
    double bestDistance = -1;
    const int steps = 40;
    for (int i = 1; i < steps; ++i) {
        for (int j = 1; j < steps; ++j) {
            const QPointF p(area.bounds.minX + area.bounds.width() * i / steps,
                            area.bounds.minY + area.bounds.height() * j / steps);
            if (!outer.containsPoint(p, Qt::OddEvenFill)) {
                continue;
            }
            double distance = 1e300;
            for (const auto &ring : area.rings) {
                for (size_t k = 0; k + 1 < ring.size(); ++k) {
                    distance = std::min(distance, distanceToSegment(p, ring[k], ring[k + 1]));
                }
            }
            if (distance > bestDistance) {
                bestDistance = distance;
                best = p;
            }
        }
    }
    // At least 3 px inside, so neither the outline nor antialiasing reaches the sample.
    if (bestDistance < 3 * gis::metersPerPixel(z)) {
        return QColor();
    }
    return pixelAt(gis::mercatorMetersToLonLat(best), z);
}

void TestBasemapRenderer::seaIsWaterColoured_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<int>("zoom");
    // Open sea south of Monaco, at several zooms, and the water of Port Hercule (the harbour,
    // inside the coastline that follows its quays).
    QTest::newRow("open sea z13") << 7.43 << 43.725 << 13;
    QTest::newRow("open sea z15") << 7.43 << 43.725 << 15;
    QTest::newRow("open sea z17") << 7.43 << 43.725 << 17;
    QTest::newRow("off Larvotto z16") << 7.44 << 43.741 << 16;
    QTest::newRow("Port Hercule z17") << 7.4245 << 43.7355 << 17;
}

void TestBasemapRenderer::seaIsWaterColoured()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(int, zoom);
    QCOMPARE(pixelAt({lon, lat}, zoom), m_style.waterColor());
}

void TestBasemapRenderer::inlandIsNotWater()
{
    // La Turbie, on the hill 2 km inland, and the Jardin Exotique's slope above Fontvieille.
    for (const gis::LonLat position :
         {gis::LonLat{7.4010, 43.7460}, gis::LonLat{7.4150, 43.7330}}) {
        const QColor pixel = pixelAt(position, 15);
        QVERIFY2(!near(pixel, m_style.waterColor(), 10), qPrintable(pixel.name()));
        QVERIFY2(pixel != m_style.noDataColor(), qPrintable(pixel.name()));
    }
}

void TestBasemapRenderer::knownBuildingIsBuildingColoured()
{
    // The Grimaldi Forum (way 94452775), Monaco's congress centre on the Larvotto seafront.
    const render::BasemapArea *forum = m_data->findArea(94452775);
    QVERIFY(forum);
    QCOMPARE(forum->kind, BasemapAreaKind::Building);
    QCOMPARE(pixelInside(*forum, 17), m_style.areaColor(BasemapAreaKind::Building));
    QCOMPARE(pixelInside(*forum, 16), m_style.areaColor(BasemapAreaKind::Building));
    // Buildings are left out below zoom 14.
    QVERIFY(pixelInside(*forum, 13) != m_style.areaColor(BasemapAreaKind::Building));
}

void TestBasemapRenderer::largestParkIsParkColoured()
{
    const render::BasemapArea *largest = nullptr;
    for (const render::BasemapArea &area : m_data->areas()) {
        if (area.kind == BasemapAreaKind::Park && area.rings.size() == 1
            && (!largest
                || area.bounds.width() * area.bounds.height()
                       > largest->bounds.width() * largest->bounds.height())) {
            largest = &area;
        }
    }
    QVERIFY(largest);
    const QColor pixel = pixelInside(*largest, 16);
    QVERIFY2(pixel == m_style.areaColor(BasemapAreaKind::Park)
                 || pixel == m_style.areaColor(BasemapAreaKind::Building),
             qPrintable(QStringLiteral("park %1: %2").arg(largest->osmId).arg(pixel.name())));
}

void TestBasemapRenderer::highDpiTileIsTwiceAsLarge()
{
    const gis::TileKey key = gis::TileKey::containing({7.4225, 43.7350}, 16);
    const QImage normal = m_renderer->render(key, 1);
    const QImage doubled = m_renderer->render(key, 2);
    QCOMPARE(normal.size(), QSize(256, 256));
    QCOMPARE(doubled.size(), QSize(512, 512));
    QCOMPARE(doubled.devicePixelRatio(), 2.0);
    QCOMPARE(pixelAt({7.43, 43.725}, 16, 2), m_style.waterColor());
}

void TestBasemapRenderer::buildCancelResume()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("harbour.mbtiles"));
    render::TileBuildOptions options;
    options.bounds = gis::GeoBounds(7.415, 43.728, 7.432, 43.740);
    options.minZoom = 14;
    options.maxZoom = 18;
    options.name = QStringLiteral("Port Hercule");
    const std::vector<gis::TileKey> expected
        = render::TileBuilder::tilesFor(options.bounds, 14, 18);
    QVERIFY(expected.size() > 100);

    // First run: cancelled as soon as the first batch is written.
    std::atomic_bool cancel{false};
    render::TileBuilder first(options);
    first.setCancelFlag(&cancel);
    first.setProgressCallback([&](const render::TileBuildProgress &progress) {
        if (progress.rendered > 0) {
            cancel.store(true);
        }
    });
    auto cancelled = first.build(path, *m_renderer);
    QVERIFY(!cancelled.has_value());
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    auto missing = first.missingTileCount(path);
    QVERIFY(missing.has_value());
    QVERIFY2(*missing > 0 && *missing < qint64(expected.size()),
             qPrintable(QString::number(*missing)));

    // Second run resumes: renders exactly what is missing.
    render::TileBuilder second(options);
    auto resumed = second.build(path, *m_renderer);
    QVERIFY2(resumed.has_value(), qPrintable(resumed ? QString() : resumed.error().toString()));
    QCOMPARE(resumed->total, qint64(expected.size()));
    QCOMPARE(resumed->present, qint64(expected.size()) - *missing);
    QCOMPARE(resumed->rendered, *missing);
    QCOMPARE(*second.missingTileCount(path), qint64(0));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("tst_basemaprenderer"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        // Exactly the expected tile set per zoom, rows TMS-flipped.
        for (int z = 14; z <= 18; ++z) {
            const gis::TileRange range = gis::TileRange::covering(options.bounds, z);
            QVERIFY(query.exec(QStringLiteral("SELECT count(*), min(tile_column), max(tile_column),"
                                              " min(tile_row), max(tile_row) FROM tiles WHERE "
                                              "zoom_level = %1")
                                   .arg(z)));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toLongLong(), range.count());
            QCOMPARE(query.value(1).toInt(), range.minX());
            QCOMPARE(query.value(2).toInt(), range.maxX());
            QCOMPARE(query.value(3).toInt(), (1 << z) - 1 - range.maxY());
            QCOMPARE(query.value(4).toInt(), (1 << z) - 1 - range.minY());
        }
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM tiles")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), qint64(expected.size()));

        QHash<QString, QString> metadata;
        QVERIFY(query.exec(QStringLiteral("SELECT name, value FROM metadata")));
        while (query.next()) {
            metadata.insert(query.value(0).toString(), query.value(1).toString());
        }
        QCOMPARE(metadata.value(QStringLiteral("name")), QStringLiteral("Port Hercule"));
        QCOMPARE(metadata.value(QStringLiteral("format")), QStringLiteral("png"));
        QCOMPARE(metadata.value(QStringLiteral("minzoom")), QStringLiteral("14"));
        QCOMPARE(metadata.value(QStringLiteral("maxzoom")), QStringLiteral("18"));
        QCOMPARE(metadata.value(QStringLiteral("type")), QStringLiteral("baselayer"));
        QCOMPARE(metadata.value(QStringLiteral("attribution")),
                 QStringLiteral("© OpenStreetMap contributors"));
        QCOMPARE(metadata.value(QStringLiteral("bounds")),
                 QStringLiteral("7.4150000,43.7280000,7.4320000,43.7400000"));
        const QStringList center = metadata.value(QStringLiteral("center")).split(u',');
        QCOMPARE(center.size(), 3);
        QVERIFY(std::abs(center[0].toDouble() - 7.4235) < 1e-6);
        QCOMPARE(center[2], QStringLiteral("15"));

        // A stored tile is a 256-px PNG of the right place: the z17 tile over the open sea
        // south of the harbour is water-coloured.
        const gis::TileKey sea = gis::TileKey::containing({7.4300, 43.7290}, 17);
        query.prepare(QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? AND "
                                     "tile_column = ? AND tile_row = ?"));
        query.addBindValue(17);
        query.addBindValue(sea.x());
        query.addBindValue((1 << 17) - 1 - sea.y());
        QVERIFY(query.exec());
        QVERIFY(query.next());
        const QImage image = QImage::fromData(query.value(0).toByteArray(), "PNG");
        QCOMPARE(image.size(), QSize(256, 256));
        const QPointF world = gis::lonLatToWorldPixel({7.4300, 43.7290}, 17);
        QCOMPARE(
            image.pixelColor(int(world.x() - sea.x() * 256.0), int(world.y() - sea.y() * 256.0)),
            m_style.waterColor());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst_basemaprenderer"));
}

void TestBasemapRenderer::seaSideFollowsCoastlineDirection_data()
{
    QTest::addColumn<bool>("landNorth");
    QTest::addColumn<double>("inset");
    // OSM coastlines have the land on their left: heading east, the land is north.
    QTest::newRow("heading east, ends on the edges") << true << 0.0;
    QTest::newRow("heading west, ends on the edges") << false << 0.0;
    // A clipped extract cuts ways at its last node inside the bounds, short of the edge.
    QTest::newRow("heading east, cut short of the edges") << true << 0.0004;
    QTest::newRow("heading west, cut short of the edges") << false << 0.0004;
}

// A hand-written extract (OSM XML, 0.01 x 0.01 degrees): a coastline across it in two ways and
// an island (a closed coastline way, counter-clockwise) in the sea.
void TestBasemapRenderer::seaSideFollowsCoastlineDirection()
{
    QFETCH(bool, landNorth);
    QFETCH(double, inset);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const double lon0 = 10.0;
    const double lat0 = 50.0;
    const double seaLat = landNorth ? lat0 + 0.002 : lat0 + 0.008;
    const double landLat = landNorth ? lat0 + 0.008 : lat0 + 0.002;
    QString xml = QStringLiteral("<?xml version='1.0' encoding='UTF-8'?>\n"
                                 "<osm version='0.6' generator='tst_basemaprenderer'>\n"
                                 "<bounds minlat='50.0' minlon='10.0' maxlat='50.01' "
                                 "maxlon='10.01'/>\n");
    auto node = [&](int id, double lon, double lat) {
        xml += QStringLiteral("<node id='%1' version='1' lat='%2' lon='%3'/>\n")
                   .arg(id)
                   .arg(lat, 0, 'f', 7)
                   .arg(lon, 0, 'f', 7);
    };
    auto way = [&](int id, const QList<int> &nodes, const QString &tags) {
        xml += QStringLiteral("<way id='%1' version='1'>").arg(id);
        for (int n : nodes) {
            xml += QStringLiteral("<nd ref='%1'/>").arg(n);
        }
        xml += tags + QStringLiteral("</way>\n");
    };
    node(1, lon0 + inset, lat0 + 0.005);
    node(2, lon0 + 0.005, lat0 + 0.0045);
    node(3, lon0 + 0.01 - inset, lat0 + 0.005);
    // The island: counter-clockwise (land inside) around (lon0 + 0.005, seaLat).
    node(11, lon0 + 0.004, seaLat - 0.0005);
    node(12, lon0 + 0.006, seaLat - 0.0005);
    node(13, lon0 + 0.006, seaLat + 0.0005);
    node(14, lon0 + 0.004, seaLat + 0.0005);
    const QString coastline = QStringLiteral("<tag k='natural' v='coastline'/>");
    if (landNorth) {
        way(100, {1, 2}, coastline);
        way(101, {2, 3}, coastline);
    } else {
        way(100, {2, 1}, coastline);
        way(101, {3, 2}, coastline);
    }
    way(102, {11, 12, 13, 14, 11}, coastline);
    xml += QStringLiteral("</osm>\n");
    const QString path = dir.filePath(QStringLiteral("coast.osm"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(xml.toUtf8());
    file.close();

    auto data = render::BasemapData::load(path);
    QVERIFY2(data.has_value(), qPrintable(data ? QString() : data.error().toString()));
    QCOMPARE((*data)->islandRings().size(), size_t(1));
    const render::BasemapRenderer renderer(*data, m_style);
    QCOMPARE(pixelAt(renderer, {lon0 + 0.002, seaLat}, 17), m_style.waterColor());
    QCOMPARE(pixelAt(renderer, {lon0 + 0.008, seaLat}, 17), m_style.waterColor());
    QCOMPARE(pixelAt(renderer, {lon0 + 0.005, landLat}, 17), m_style.landColor());
    QCOMPARE(pixelAt(renderer, {lon0 + 0.005, seaLat}, 17), m_style.landColor()); // island
    // Outside the extract nothing is known.
    QCOMPARE(pixelAt(renderer, {lon0 - 0.001, landLat}, 17), m_style.noDataColor());
}

QTEST_MAIN(TestBasemapRenderer)
#include "tst_basemaprenderer.moc"
