// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureblockbuilder.h"
#include "gis/core/mercator.h"
#include "tests/support/httptileserver.h"
#include "tests/support/mbtilesfixture.h"
#include "ui/render/basemaploader.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/render/maprenderer.h"
#include "ui/render/mbtilessource.h"
#include "ui/render/tilelayer.h"
#include "ui/render/xyztilesource.h"
#include "ui/widgets/mapcanvas.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <stdexcept>

using infrasight::ErrorCode;
using infrasight::gis::LonLat;
using infrasight::gis::TileKey;
using infrasight::render::BasemapLoader;
using infrasight::render::LayerRenderInput;
using infrasight::render::LayerStyle;
using infrasight::render::LoadedBasemap;
using infrasight::render::MapRenderer;
using infrasight::render::MapSettings;
using infrasight::render::MapViewport;
using infrasight::tests::HttpTileServer;
using infrasight::ui::MapCanvas;

namespace {

/// Monaco harbour, where the demo city is.
const LonLat Harbour{7.4236, 43.7350};
constexpr int ScreenZoom = 15;
/// A 300 dpi print takes its tiles two levels up (round(log2(300 / 96)) = 2).
constexpr int PrintTileZoom = 17;
const QColor PolygonColor(200, 0, 200);
const QColor LineColor(0, 150, 255);
const QString Attribution = QStringLiteral("© OpenStreetMap contributors, test tiles");

QPointF harbourMeters(QPointF offsetMeters = {})
{
    return infrasight::gis::lonLatToMercatorMeters(Harbour) + offsetMeters;
}

/// A tile in its tileColor() with a dark one-pixel frame, so a tile out of place shows.
QByteArray framedTilePng(const TileKey &key)
{
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(HttpTileServer::tileColor(key.z(), key.x(), key.y()));
    QPainter painter(&image);
    painter.setPen(QColor(40, 40, 40));
    painter.drawRect(0, 0, 255, 255);
    painter.end();
    return infrasight::tests::encodePng(image);
}

/// A polygon (a 300 m square), a line and two points east of the harbour.
QList<LayerRenderInput> harbourLayers(bool withPoints)
{
    using infrasight::gis::AssetStatus;
    using infrasight::gis::FeatureKind;
    QList<LayerRenderInput> layers;

    infrasight::gis::FeatureBlockBuilder polygons(FeatureKind::Polygon);
    const QPointF a = harbourMeters({-150, -150});
    polygons.addParts(1,
                      AssetStatus::Active,
                      0,
                      {{a, a + QPointF(300, 0), a + QPointF(300, 300), a + QPointF(0, 300), a}});
    LayerStyle polygonStyle;
    polygonStyle.kind = FeatureKind::Polygon;
    polygonStyle.colorBy = LayerStyle::ColorBy::Fixed;
    polygonStyle.color = QColor(60, 0, 60);
    polygonStyle.fillColor = PolygonColor;
    layers.append({QStringLiteral("parks"), {polygons.build()}, polygonStyle, 1.0, 1});

    infrasight::gis::FeatureBlockBuilder lines(FeatureKind::Line);
    lines.addParts(
        2, AssetStatus::Active, 0, {{harbourMeters({300, -400}), harbourMeters({300, 400})}});
    LayerStyle lineStyle;
    lineStyle.kind = FeatureKind::Line;
    lineStyle.colorBy = LayerStyle::ColorBy::Fixed;
    lineStyle.color = LineColor;
    lineStyle.lineWidth = 6.0;
    layers.append({QStringLiteral("mains"), {lines.build()}, lineStyle, 0.8, 1});

    if (withPoints) {
        infrasight::gis::FeatureBlockBuilder points(FeatureKind::Point);
        points.addPoint(3, AssetStatus::Active, 2, harbourMeters({-450, 250}));
        points.addPoint(4, AssetStatus::Faulty, 4, harbourMeters({-350, -300}));
        LayerStyle pointStyle;
        pointStyle.symbol = QStringLiteral("hydrant");
        layers.append({QStringLiteral("hydrants"), {points.build()}, pointStyle, 1.0, 1});
    }
    return layers;
}

/// A fence west of the harbour and one alarm of each kind.
infrasight::render::GeofenceShape harbourFence()
{
    const LonLat sw{Harbour.lonDeg - 0.006, Harbour.latDeg - 0.003};
    infrasight::gis::Polygon polygon;
    polygon.rings.push_back({QPointF(sw.lonDeg, sw.latDeg),
                             QPointF(sw.lonDeg + 0.004, sw.latDeg),
                             QPointF(sw.lonDeg + 0.004, sw.latDeg + 0.004),
                             QPointF(sw.lonDeg, sw.latDeg + 0.004),
                             QPointF(sw.lonDeg, sw.latDeg)});
    infrasight::render::GeofenceShape fence;
    fence.id = 7;
    fence.shape.polygons.push_back(polygon);
    fence.colour = QColor(0xe0, 0x60, 0x10);
    fence.name = QStringLiteral("Quay");
    return fence;
}

QList<infrasight::render::AlarmMarker> harbourAlarms()
{
    return {{1, harbourMeters({100, 200}), true, false},
            {2, harbourMeters({-200, 100}), false, true}};
}

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
           && std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(QColor color)
{
    return QStringLiteral("rgb(%1, %2, %3)").arg(color.red()).arg(color.green()).arg(color.blue());
}

/// Runs a poppler tool; its standard output, or empty after a failure (the test says which).
QByteArray runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

/// A source that throws from request(), as third-party code might.
class ThrowingTileSource : public infrasight::render::TileSource
{
public:
    infrasight::render::TileSourceInfo info() const override { return {}; }

    void request(const QList<TileKey> &keys, qreal) override
    {
        if (!keys.isEmpty()) {
            throw std::runtime_error("tile backend exploded");
        }
    }

    void cancelAll() override {}
};

/// A source that never answers.
class SilentTileSource : public infrasight::render::TileSource
{
public:
    infrasight::render::TileSourceInfo info() const override { return {}; }

    void request(const QList<TileKey> &, qreal) override {}

    void cancelAll() override {}
};

} // namespace

class TestHeadlessMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void canvasAndHeadlessRendererDrawTheSamePixels();
    void canvasSettingsRenderHeadlessToTheSamePixels();
    void printTakesTilesForItsResolution();
    void pdfPageIsAVectorRasterMix();
    void failingTilesAreReported();
    void failingXyzTileIsReported();
    void throwingSourceIsReportedNotSwallowed();
    void silentSourceTimesOutWithAnError();
    void cancelledRenderIsReported();

private:
    /// Loads view's basemap from a source of its own for the fixture and waits for it.
    LoadedBasemap loadBasemap(std::unique_ptr<infrasight::render::TileSource> source,
                              const MapViewport &view,
                              std::chrono::milliseconds timeout = std::chrono::seconds(10));
    std::unique_ptr<infrasight::render::TileSource> openFixture() const;
    /// The canvas's view at zoom 15 (integral: the canvas's tiles are drawn pixel for pixel).
    MapViewport screenView(QSize size) const;
    /// Shows the fixture and layers on canvas at size and waits until the view is settled (the
    /// basemap composed after the last tile, every layer rendered for the view); its pixels
    /// then, or a null image if it did not settle.
    QImage settle(MapCanvas &canvas, QSize size, const QList<LayerRenderInput> &layers) const;
    /// Keeps an artefact for a person to look at when INFRASIGHT_TEST_OUTPUT_DIR is set.
    void keep(const QString &path) const;

    QTemporaryDir m_dir;
    QString m_mbtiles;
};

void TestHeadlessMap::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Tiles for zoom 14..17 around the harbour, enough for the screen and the print views.
    m_mbtiles = m_dir.filePath(QStringLiteral("harbour.mbtiles"));
    QList<QPair<TileKey, QByteArray>> tiles;
    for (int z = 14; z <= PrintTileZoom; ++z) {
        const MapViewport cover(harbourMeters(), z, QSize(700, 500) * (1 << (z - 14)));
        for (const TileKey &key : cover.visibleTiles(z, z)) {
            tiles.append({key, framedTilePng(key)});
        }
    }
    const auto written = infrasight::tests::writeMbTilesFixture(
        m_mbtiles,
        tiles,
        {{QStringLiteral("name"), QStringLiteral("harbour")},
         {QStringLiteral("format"), QStringLiteral("png")},
         {QStringLiteral("minzoom"), QStringLiteral("14")},
         {QStringLiteral("maxzoom"), QString::number(PrintTileZoom)},
         {QStringLiteral("attribution"), Attribution}});
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
}

void TestHeadlessMap::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

std::unique_ptr<infrasight::render::TileSource> TestHeadlessMap::openFixture() const
{
    auto source = infrasight::render::MbTilesSource::open(m_mbtiles);
    if (!source) {
        qWarning("cannot open the fixture: %s", qPrintable(source.error().toString()));
        return nullptr;
    }
    return std::move(*source);
}

MapViewport TestHeadlessMap::screenView(QSize size) const
{
    return MapViewport(harbourMeters(), ScreenZoom, size, 1.0);
}

LoadedBasemap TestHeadlessMap::loadBasemap(std::unique_ptr<infrasight::render::TileSource> source,
                                           const MapViewport &view,
                                           std::chrono::milliseconds timeout)
{
    BasemapLoader loader(std::move(source));
    QFuture<LoadedBasemap> future = loader.load(view, {timeout, nullptr});
    // No nested event loop in the loader: the test's own loop delivers the tiles.
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, int(timeout.count()) + 5000)) {
        return {};
    }
    return future.result();
}

QImage
TestHeadlessMap::settle(MapCanvas &canvas, QSize size, const QList<LayerRenderInput> &layers) const
{
    canvas.resize(size);
    canvas.show();
    if (!QTest::qWaitForWindowExposed(&canvas)) {
        return {};
    }
    canvas.setSource(openFixture());
    canvas.setViewport(screenView(canvas.size()));
    canvas.layerScheduler()->setLayers(layers);
    // The source's name is canvas chrome, not part of the map: out of the comparison.
    canvas.findChild<QLabel *>(QStringLiteral("mapSourceLabel"))->hide();
    const bool settled = QTest::qWaitFor(
        [&] {
            return canvas.tileLayer()->pendingCount() == 0 && !canvas.isRendering()
                   && canvas.composedGeneration() == canvas.generation()
                   && canvas.layerScheduler()->isIdle();
        },
        10000);
    return settled ? canvas.grab().toImage().convertToFormat(QImage::Format_RGB32) : QImage();
}

void TestHeadlessMap::keep(const QString &path) const
{
    const QString dir = qEnvironmentVariable("INFRASIGHT_TEST_OUTPUT_DIR");
    if (!dir.isEmpty()) {
        const QString copy = QDir(dir).filePath(QFileInfo(path).fileName());
        QFile::remove(copy);
        QFile::copy(path, copy);
    }
}

void TestHeadlessMap::canvasAndHeadlessRendererDrawTheSamePixels()
{
    // The canvas, settled: basemap composed, every layer rendered for the view.
    MapCanvas canvas;
    canvas.setGeofences({harbourFence()});
    canvas.setAlarmMarkers(harbourAlarms());
    const QImage screen = settle(canvas, QSize(480, 360), harbourLayers(true));
    QVERIFY(!screen.isNull());

    // The same view drawn headless, from settings built here, tiles loaded by the loader.
    MapSettings settings;
    settings.viewport = canvas.viewport();
    const LoadedBasemap basemap = loadBasemap(openFixture(), settings.viewport);
    QVERIFY2(basemap.errors.isEmpty(), qPrintable(basemap.errors.value(0).toString()));
    QVERIFY(basemap.snapshot.complete);
    settings.basemap = basemap.snapshot;
    settings.layers = harbourLayers(true);
    settings.geofences = {harbourFence()};
    settings.alarmMarkers = harbourAlarms();
    settings.attribution = Attribution;
    settings.scaleBar = infrasight::render::ScaleBar::forViewport(settings.viewport);
    const infrasight::render::MapRenderResult result = MapRenderer::render(settings);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).toString()));
    const QImage headless = result.image.convertToFormat(QImage::Format_RGB32);

    QCOMPARE(headless.size(), screen.size());
    if (headless != screen) {
        const QString screenPath = m_dir.filePath(QStringLiteral("canvas.png"));
        const QString headlessPath = m_dir.filePath(QStringLiteral("headless.png"));
        screen.save(screenPath);
        headless.save(headlessPath);
        keep(screenPath);
        keep(headlessPath);
        int differing = 0;
        QPoint first(-1, -1);
        for (int y = 0; y < screen.height(); ++y) {
            for (int x = 0; x < screen.width(); ++x) {
                if (screen.pixel(x, y) != headless.pixel(x, y)) {
                    first = differing++ == 0 ? QPoint(x, y) : first;
                }
            }
        }
        QFAIL(qPrintable(QStringLiteral("%1 pixels differ, the first at (%2, %3)")
                             .arg(differing)
                             .arg(first.x())
                             .arg(first.y())));
    }
    // And it is a map, not two blank images that agree: tiles, the polygon, the attribution.
    const QPointF polygonCentre = settings.viewport.metersToScreen(harbourMeters());
    QCOMPARE(QColor(headless.pixel(polygonCentre.toPoint())), PolygonColor);
    const QRect plate = MapRenderer::attributionRect(settings, &canvas).toAlignedRect();
    QVERIFY(plate.right() < screen.width() && plate.bottom() < screen.height());
    QVERIFY(plate.left() > screen.width() / 3 && plate.top() > screen.height() - 40);
    int dark = 0;
    for (int y = plate.top(); y <= plate.bottom(); ++y) {
        for (int x = plate.left(); x <= plate.right(); ++x) {
            dark += QColor(headless.pixel(x, y)).lightness() < 100 ? 1 : 0;
        }
    }
    QVERIFY2(dark > 20, "no attribution text drawn");
    if (!qEnvironmentVariableIsEmpty("INFRASIGHT_TEST_OUTPUT_DIR")) {
        const QString path = m_dir.filePath(QStringLiteral("headless-screen.png"));
        headless.save(path);
        keep(path);
    }
}

void TestHeadlessMap::canvasSettingsRenderHeadlessToTheSamePixels()
{
    // What an export of the screen does: take the canvas's settings, render them elsewhere.
    MapCanvas canvas;
    const QImage screen = settle(canvas, QSize(320, 240), harbourLayers(false));
    QVERIFY(!screen.isNull());
    const MapSettings settings = canvas.mapSettings();
    QCOMPARE(settings.attribution, Attribution);
    const infrasight::render::MapRenderResult result = MapRenderer::render(settings);
    QVERIFY(result.errors.isEmpty());
    QVERIFY(result.image.convertToFormat(QImage::Format_RGB32) == screen);
}

void TestHeadlessMap::printTakesTilesForItsResolution()
{
    MapSettings settings;
    settings.viewport
        = MapSettings::viewportForDevice(harbourMeters(), ScreenZoom, QSizeF(3000, 2000), 300);
    QCOMPARE(settings.viewport.sizePx(), QSize(960, 640));
    QCOMPARE(settings.viewport.devicePixelRatio(), 300.0 / 96.0);
    infrasight::render::TileSourceInfo info;
    info.maxZoom = 19;
    settings.dpi = 300;
    const MapViewport tiles = settings.basemapViewport(info);
    QCOMPARE(tiles.tileZoom(info.minZoom, info.maxZoom), PrintTileZoom);
    QCOMPARE(tiles.extentMeters(), settings.viewport.extentMeters());
    QCOMPARE(QSizeF(tiles.sizePx()) * tiles.devicePixelRatio(),
             QSizeF(settings.viewport.sizePx()) * settings.viewport.devicePixelRatio());
    // Never beyond what the source has; the public OSM servers keep the screen's zoom.
    info.maxZoom = 16;
    QCOMPARE(settings.basemapViewport(info).tileZoom(info.minZoom, info.maxZoom), 16);
    settings.tileResolution = MapSettings::TileResolution::ScreenZoom;
    QCOMPARE(settings.basemapViewport(info), settings.viewport);
    // A screen (96 dpi, HiDPI through the pixel ratio) takes its own zoom.
    settings.dpi = MapSettings::ScreenDpi;
    settings.tileResolution = MapSettings::TileResolution::ForDpi;
    QCOMPARE(settings.basemapViewport(info), settings.viewport);
}

void TestHeadlessMap::pdfPageIsAVectorRasterMix()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty()) {
        QSKIP("poppler-utils (pdftoppm, pdftotext, pdfimages) is not installed");
    }
    constexpr int Dpi = 300;
    constexpr int PngDpi = 150;
    const QString pdfPath = m_dir.filePath(QStringLiteral("harbour.pdf"));
    QPdfWriter writer(pdfPath);
    writer.setResolution(Dpi);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    const QRect page = writer.pageLayout().paintRectPixels(Dpi);
    // The map in a frame on the page, as a report lays it out, half the page wide.
    const QRectF target(150, 200, page.width() / 2.0, page.height() / 2.0);

    MapSettings settings;
    settings.viewport
        = MapSettings::viewportForDevice(harbourMeters(), ScreenZoom, target.size(), Dpi);
    settings.dpi = Dpi;
    auto source = openFixture();
    QVERIFY(source);
    const MapViewport tileView = settings.basemapViewport(source->info());
    QCOMPARE(tileView.tileZoom(14, PrintTileZoom), PrintTileZoom);
    const LoadedBasemap basemap = loadBasemap(std::move(source), tileView);
    QVERIFY2(basemap.errors.isEmpty(), qPrintable(basemap.errors.value(0).toString()));
    QVERIFY(basemap.snapshot.complete);
    settings.basemap = basemap.snapshot;
    settings.layers = harbourLayers(false);
    settings.geofences = {harbourFence()};
    settings.alarmMarkers = harbourAlarms();
    settings.attribution = Attribution;
    settings.scaleBar = infrasight::render::ScaleBar::forViewport(settings.viewport);
    {
        QPainter painter(&writer);
        QVERIFY(MapRenderer::drawsLayersAsVectors(painter, settings));
        const QList<infrasight::Error> errors = MapRenderer::paint(painter, settings, target);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
    }
    keep(pdfPath);

    // One raster image (the basemap, JPEG in the PDF); the layers, fences, markers, scale bar
    // and attribution are vectors and text.
    const QList<QByteArray> images
        = runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdfPath}).split('\n');
    int imageCount = 0;
    for (const QByteArray &line : images) {
        imageCount += line.simplified().split(' ').value(2) == "image" ? 1 : 0;
    }
    QCOMPARE(imageCount, 1);
    const QByteArray text = runTool(QStringLiteral("pdftotext"), {pdfPath, QStringLiteral("-")});
    QVERIFY2(text.contains("OpenStreetMap contributors"), text.constData());

    const QString pngBase = m_dir.filePath(QStringLiteral("harbour-page"));
    runTool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"),
             QString::number(PngDpi),
             QStringLiteral("-png"),
             QStringLiteral("-singlefile"),
             pdfPath,
             pngBase});
    const QImage png(pngBase + QStringLiteral(".png"));
    QVERIFY(!png.isNull());
    keep(pngBase + QStringLiteral(".png"));
    const double pngPerDevice = double(PngDpi) / Dpi;
    // pdftoppm rounds the page's size up to whole pixels.
    QVERIFY(std::abs(png.width() - page.width() * pngPerDevice) <= 1.0);
    const double devicePerLogical = settings.viewport.devicePixelRatio();
    // Where a point of the map (logical pixels of the viewport) is in the page's PNG.
    const auto inPng = [&](QPointF logical) {
        return ((target.topLeft() + logical * devicePerLogical) * pngPerDevice).toPoint();
    };

    // The polygon (a vector, exact colour) and the line (a vector, blended at 0.8).
    const QPointF polygonCentre = settings.viewport.metersToScreen(harbourMeters());
    QVERIFY2(near(png.pixelColor(inPng(polygonCentre)), PolygonColor, 2),
             qPrintable(describe(png.pixelColor(inPng(polygonCentre)))));
    const QPointF onLine = settings.viewport.metersToScreen(harbourMeters({300, -250}));
    QVERIFY2(png.pixelColor(inPng(onLine)).blue() > 200
                 && png.pixelColor(inPng(onLine)).red() < 120,
             qPrintable(describe(png.pixelColor(inPng(onLine)))));

    // The basemap at zoom 17 (not the screen's 15): the centre of each corner tile in its colour.
    int probed = 0;
    for (const TileKey &key : tileView.visibleTiles(14, PrintTileZoom)) {
        const QRectF rect = tileView.tileScreenRect(key); // logical pixels of the tile view
        const QPointF centre = rect.center() / (1 << (PrintTileZoom - ScreenZoom));
        const QRectF inner = QRectF(QPointF(40, 40), settings.viewport.sizePx() - QSizeF(80, 80));
        const bool nearFeatures = (centre - polygonCentre).manhattanLength() < 260;
        if (!inner.contains(centre) || nearFeatures) {
            continue;
        }
        const QColor expected = HttpTileServer::tileColor(key.z(), key.x(), key.y());
        const QColor shown = png.pixelColor(inPng(centre));
        QVERIFY2(near(shown, expected, 12),
                 qPrintable(QStringLiteral("tile %1/%2/%3 shows %4, expected %5")
                                .arg(key.z())
                                .arg(key.x())
                                .arg(key.y())
                                .arg(describe(shown), describe(expected))));
        ++probed;
    }
    QVERIFY(probed >= 3);
    // Outside the map's frame the page stays white.
    QCOMPARE(png.pixelColor(inPng(QPointF(-40, -40))), QColor(Qt::white));
}

void TestHeadlessMap::failingTilesAreReported()
{
    // An MBTiles file with one tile of the view only: the others fail, and the loader says so.
    const QString path = m_dir.filePath(QStringLiteral("sparse.mbtiles"));
    const TileKey only = TileKey::containing(Harbour, ScreenZoom);
    QVERIFY(infrasight::tests::writeMbTilesFixture(
        path,
        {{only, framedTilePng(only)}},
        {{QStringLiteral("format"), QStringLiteral("png")},
         {QStringLiteral("minzoom"), QStringLiteral("15")},
         {QStringLiteral("maxzoom"), QStringLiteral("15")}}));
    auto source = infrasight::render::MbTilesSource::open(path);
    QVERIFY(source);
    const LoadedBasemap basemap = loadBasemap(std::move(*source), screenView(QSize(600, 400)));
    QCOMPARE(basemap.errors.size(), 1);
    QCOMPARE(basemap.errors.first().code, ErrorCode::Io);
    QVERIFY2(basemap.errors.first().message.contains(QStringLiteral("could not be loaded")),
             qPrintable(basemap.errors.first().toString()));
    QVERIFY(!basemap.snapshot.complete);
    QCOMPARE(basemap.snapshot.pieces.size(), 1); // the one tile there is still drawn
}

void TestHeadlessMap::failingXyzTileIsReported()
{
    // The asynchronous source: tiles over HTTP, one of them 404.
    HttpTileServer server;
    QVERIFY(server.start());
    const MapViewport view = screenView(QSize(300, 200));
    const TileKey missing = view.visibleTiles().first();
    server.setStatusForPath(
        QStringLiteral("/%1/%2/%3.png").arg(missing.z()).arg(missing.x()).arg(missing.y()).toUtf8(),
        404);
    auto urlTemplate = infrasight::render::TileUrlTemplate::parse(server.urlTemplate());
    QVERIFY(urlTemplate);
    infrasight::render::XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.cacheDirectory = m_dir.filePath(QStringLiteral("xyzcache"));
    const LoadedBasemap basemap
        = loadBasemap(std::make_unique<infrasight::render::XyzTileSource>(options), view);
    QCOMPARE(basemap.errors.size(), 1);
    QVERIFY2(basemap.errors.first().detail.contains(
                 QStringLiteral("%1/%2/%3").arg(missing.z()).arg(missing.x()).arg(missing.y())),
             qPrintable(basemap.errors.first().toString()));
    QCOMPARE(basemap.snapshot.pieces.size(), view.visibleTiles().size() - 1);
}

void TestHeadlessMap::throwingSourceIsReportedNotSwallowed()
{
    const LoadedBasemap basemap
        = loadBasemap(std::make_unique<ThrowingTileSource>(), screenView(QSize(300, 200)));
    QCOMPARE(basemap.errors.size(), 1);
    QCOMPARE(basemap.errors.first().code, ErrorCode::Internal);
    QCOMPARE(basemap.errors.first().detail, QStringLiteral("tile backend exploded"));
}

void TestHeadlessMap::silentSourceTimesOutWithAnError()
{
    const LoadedBasemap basemap = loadBasemap(std::make_unique<SilentTileSource>(),
                                              screenView(QSize(300, 200)),
                                              std::chrono::milliseconds(200));
    QCOMPARE(basemap.errors.size(), 1);
    QCOMPARE(basemap.errors.first().code, ErrorCode::Io);
    QVERIFY(
        basemap.errors.first().message.contains(QStringLiteral("did not arrive within 200 ms")));

    // A cancel flag raised from elsewhere ends the wait too.
    BasemapLoader loader(std::make_unique<SilentTileSource>());
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFuture<LoadedBasemap> future
        = loader.load(screenView(QSize(300, 200)), {std::chrono::minutes(1), cancel});
    QVERIFY(!future.isFinished());
    cancel->store(true);
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 2000);
    QCOMPARE(future.result().errors.value(0).code, ErrorCode::Cancelled);
}

void TestHeadlessMap::cancelledRenderIsReported()
{
    MapSettings settings;
    settings.viewport = screenView(QSize(200, 100));
    settings.layers = harbourLayers(false);
    const std::atomic_bool cancel(true);
    const infrasight::render::MapRenderResult result = MapRenderer::render(settings, &cancel);
    QVERIFY(result.image.isNull());
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().code, ErrorCode::Cancelled);
}

QTEST_MAIN(TestHeadlessMap)
#include "tst_headlessmap.moc"
