// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/mercator.h"
#include "tests/support/httptileserver.h"
#include "ui/render/mbtilessource.h"
#include "ui/render/mbtileswriter.h"
#include "ui/render/tilelayer.h"
#include "ui/render/tilesourcefactory.h"
#include "ui/render/xyztilesource.h"
#include "ui/widgets/coordinatelabel.h"
#include "ui/widgets/mapcanvas.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using infrasight::gis::LonLat;
using infrasight::render::MapViewport;
using infrasight::tests::HttpTileServer;
using infrasight::ui::CoordinateLabel;
using infrasight::ui::MapCanvas;

namespace {

/// Monaco harbour, where the demo city is.
const LonLat Harbour{7.4236, 43.7350};

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

void sendWheel(QWidget *widget, QPointF position, QPoint angleDelta, QPoint pixelDelta = {})
{
    QWheelEvent event(position,
                      widget->mapToGlobal(position),
                      pixelDelta,
                      angleDelta,
                      Qt::NoButton,
                      Qt::NoModifier,
                      Qt::NoScrollPhase,
                      false);
    QCoreApplication::sendEvent(widget, &event);
}

/// A count of pixels in rect that are darker than a light background (text).
int darkPixels(const QImage &image, const QRect &rect)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (QColor(image.pixel(x, y)).lightness() < 100) {
                ++count;
            }
        }
    }
    return count;
}

} // namespace

class TestMapCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wheelZoomKeepsThePointUnderTheCursor_data();
    void wheelZoomKeepsThePointUnderTheCursor();
    void trackpadZoomKeepsThePointUnderTheCursor();
    void dragPanMovesTheMapByTheDrag();
    void keyboardPansAndZooms();
    void doubleClickZoomsIn();
    void shiftDragZoomsToTheRectangle();
    void scaleBarUsesRoundDistances_data();
    void scaleBarUsesRoundDistances();
    void attributionIsDrawnAndLinksToTheCopyright();
    void tilesAreDrawnWhereTheyBelongAndMoveWithThePan();
    void tilesArrivingDuringADragAreShown();
    void mbtilesSourceIsNamedOnTheMap();
    void failingSourceGivesAMessageAndTheMapKeepsWorking();
    void malformedTemplateAndCorruptFileGiveClearMessages();
    void inputIsHandledWhileTheServerIsSlow();
    void compositionForAnOlderViewIsNeverShown();
    void settledFractionalZoomIsComposedOffTheGuiThread();
    void coordinateLabelShowsProjectedPositionAndRefusesBadCrs();

private:
    MapViewport harbourView(double zoom) const;
    /// Shows a local tile server's tiles (one colour per tile) on the canvas.
    void showLocalTiles(HttpTileServer &server);
    /// Waits until every tile is in and the composition after the last one is shown.
    bool waitUntilComposed() const;
    /// True if every probe shows the colour of the tile under it in the canvas's view.
    bool showsTheTilesOfItsView(const QList<QPoint> &probes) const;

    MapCanvas *m_canvas = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMapCanvas::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_canvas = new MapCanvas;
    m_canvas->resize(800, 600);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas));
    m_canvas->setViewport(harbourView(15.0));
}

void TestMapCanvas::cleanup()
{
    delete m_canvas;
    m_canvas = nullptr;
    m_dir.reset();
}

MapViewport TestMapCanvas::harbourView(double zoom) const
{
    return MapViewport(infrasight::gis::lonLatToMercatorMeters(Harbour),
                       zoom,
                       m_canvas->size(),
                       m_canvas->devicePixelRatioF());
}

void TestMapCanvas::showLocalTiles(HttpTileServer &server)
{
    QVERIFY(server.start());
    auto urlTemplate = infrasight::render::TileUrlTemplate::parse(server.urlTemplate());
    QVERIFY(urlTemplate);
    infrasight::render::XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.name = QStringLiteral("local");
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    m_canvas->setSource(std::make_unique<infrasight::render::XyzTileSource>(options));
}

bool TestMapCanvas::waitUntilComposed() const
{
    return QTest::qWaitFor(
        [this] {
            return m_canvas->tileLayer()->pendingCount() == 0 && !m_canvas->isRendering()
                   && m_canvas->composedGeneration() == m_canvas->generation();
        },
        10000);
}

bool TestMapCanvas::showsTheTilesOfItsView(const QList<QPoint> &probes) const
{
    const QImage image = m_canvas->grab().toImage();
    const MapViewport view = m_canvas->viewport();
    for (const QPoint probe : probes) {
        for (const auto &key : view.visibleTiles()) {
            const QRectF rect = view.tileScreenRect(key);
            // Away from the tile's edges (smooth scaling blends neighbours there).
            if (rect.adjusted(2, 2, -2, -2).contains(QPointF(probe))
                && QColor(image.pixel(probe))
                       != HttpTileServer::tileColor(key.z(), key.x(), key.y())) {
                qWarning() << "at" << probe << "tile" << key.z() << key.x() << key.y() << "expected"
                           << HttpTileServer::tileColor(key.z(), key.x(), key.y()) << "shown"
                           << QColor(image.pixel(probe));
                return false;
            }
        }
    }
    return true;
}

void TestMapCanvas::wheelZoomKeepsThePointUnderTheCursor_data()
{
    QTest::addColumn<QPointF>("position");
    QTest::addColumn<int>("angle");
    QTest::newRow("centre-in") << QPointF(400, 300) << 120;
    QTest::newRow("top-left-in") << QPointF(13, 17) << 120;
    QTest::newRow("bottom-right-out") << QPointF(790, 590) << -120;
    QTest::newRow("off-centre-half-notch") << QPointF(611.5, 123.25) << 60;
    QTest::newRow("left-edge-out-two-notches") << QPointF(1, 450) << -240;
}

void TestMapCanvas::wheelZoomKeepsThePointUnderTheCursor()
{
    QFETCH(QPointF, position);
    QFETCH(int, angle);
    const MapViewport before = m_canvas->viewport();
    const LonLat under = before.screenToLonLat(position);
    QSignalSpy changed(m_canvas, &MapCanvas::viewportChanged);
    sendWheel(m_canvas, position, QPoint(0, angle));
    QCOMPARE(changed.count(), 1);
    const MapViewport after = m_canvas->viewport();
    QVERIFY(std::abs(after.zoom() - before.zoom() - angle / 120.0) < 1e-9);
    QVERIFY2(
        distance(after.lonLatToScreen(under), position) < 1.0,
        qPrintable(
            QStringLiteral("moved by %1 px").arg(distance(after.lonLatToScreen(under), position))));
    // Five more notches: still pinned (zoom stays within 0..20).
    for (int step = 0; step < 5; ++step) {
        sendWheel(m_canvas, position, QPoint(0, angle));
    }
    QVERIFY(m_canvas->viewport().zoom() <= MapViewport::MaxZoom);
    QVERIFY(distance(m_canvas->viewport().lonLatToScreen(under), position) < 1.0);
}

void TestMapCanvas::trackpadZoomKeepsThePointUnderTheCursor()
{
    const QPointF position(250, 420);
    const LonLat under = m_canvas->viewport().screenToLonLat(position);
    const double zoom = m_canvas->viewport().zoom();
    for (int step = 0; step < 12; ++step) {
        sendWheel(m_canvas, position, QPoint(0, 15), QPoint(0, 10)); // pixelDelta wins
    }
    QVERIFY(m_canvas->viewport().zoom() > zoom + 0.4);
    QVERIFY(m_canvas->viewport().zoom() < zoom + 0.6);
    QVERIFY(distance(m_canvas->viewport().lonLatToScreen(under), position) < 1.0);
}

void TestMapCanvas::dragPanMovesTheMapByTheDrag()
{
    const QPoint from(300, 200);
    const QPoint to(437, 111);
    const LonLat grabbed = m_canvas->viewport().screenToLonLat(from);
    const double zoom = m_canvas->viewport().zoom();
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(m_canvas, QPoint(350, 180));
    QTest::mouseMove(m_canvas, QPoint(420, 130));
    QTest::mouseMove(m_canvas, to);
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(m_canvas->viewport().zoom(), zoom);
    const QPointF now = m_canvas->viewport().lonLatToScreen(grabbed);
    QVERIFY2(distance(now, QPointF(to)) < 1e-6,
             qPrintable(QStringLiteral("%1,%2").arg(now.x()).arg(now.y())));
}

void TestMapCanvas::keyboardPansAndZooms()
{
    m_canvas->setFocus();
    const MapViewport start = m_canvas->viewport();
    const double mpp = start.metersPerPixel();
    QTest::keyClick(m_canvas, Qt::Key_Right);
    QVERIFY(std::abs(m_canvas->viewport().centerMeters().x() - start.centerMeters().x()
                     - 800 * 0.125 * mpp)
            < 1e-6);
    QTest::keyClick(m_canvas, Qt::Key_Left);
    QTest::keyClick(m_canvas, Qt::Key_Up);
    QVERIFY(std::abs(m_canvas->viewport().centerMeters().y() - start.centerMeters().y()
                     - 600 * 0.125 * mpp)
            < 1e-6);
    QTest::keyClick(m_canvas, Qt::Key_Down);
    QVERIFY(distance(m_canvas->viewport().centerMeters(), start.centerMeters()) < 1e-6);

    QTest::keyClick(m_canvas, Qt::Key_Plus);
    QCOMPARE(m_canvas->viewport().zoom(), start.zoom() + 1.0);
    QTest::keyClick(m_canvas, Qt::Key_Minus);
    QTest::keyClick(m_canvas, Qt::Key_Minus);
    QCOMPARE(m_canvas->viewport().zoom(), start.zoom() - 1.0);
    QVERIFY(distance(m_canvas->viewport().centerMeters(), start.centerMeters()) < 1e-6);

    // Home shows the whole city extent.
    m_canvas->setViewport(harbourView(3.0));
    QTest::keyClick(m_canvas, Qt::Key_Home);
    const QRectF home = m_canvas->homeExtent();
    const QRectF shown = m_canvas->viewport().extentMeters();
    QVERIFY(shown.contains(home.adjusted(1, 1, -1, -1)));
    QVERIFY(distance(shown.center(), home.center()) < 1.0);
    // Fitted, not just centred: the largest whole zoom that shows it all.
    const double zoom = m_canvas->viewport().zoom();
    QCOMPARE(zoom, std::floor(zoom));
    QVERIFY(!m_canvas->viewport().withZoom(zoom + 1).extentMeters().contains(home));
}

void TestMapCanvas::doubleClickZoomsIn()
{
    const QPoint position(620, 140);
    const LonLat under = m_canvas->viewport().screenToLonLat(position);
    const double zoom = m_canvas->viewport().zoom();
    QTest::mouseDClick(m_canvas, Qt::LeftButton, Qt::NoModifier, position);
    QCOMPARE(m_canvas->viewport().zoom(), zoom + 1.0);
    QVERIFY(distance(m_canvas->viewport().lonLatToScreen(under), QPointF(position)) < 1.0);
}

void TestMapCanvas::shiftDragZoomsToTheRectangle()
{
    const QPoint a(100, 120);
    const QPoint b(300, 240);
    const MapViewport before = m_canvas->viewport();
    const QRectF wanted = QRectF(before.screenToMeters(a), before.screenToMeters(b)).normalized();
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::ShiftModifier, a);
    QTest::mouseMove(m_canvas, QPoint(200, 180));
    QTest::mouseMove(m_canvas, b);
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::ShiftModifier, b);
    const MapViewport after = m_canvas->viewport();
    QVERIFY(after.zoom() > before.zoom() + 1.5); // a quarter of the width: two levels
    QVERIFY(after.extentMeters().contains(wanted.adjusted(0.01, 0.01, -0.01, -0.01)));
    QVERIFY(distance(after.centerMeters(), wanted.center()) < after.metersPerPixel());

    // The zoom-rectangle mode does the same without Shift, once.
    QSignalSpy modeChanged(m_canvas, &MapCanvas::zoomRectangleModeChanged);
    m_canvas->setZoomRectangleMode(true);
    const double zoom = m_canvas->viewport().zoom();
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(m_canvas, b);
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, b);
    QVERIFY(m_canvas->viewport().zoom() > zoom + 1.5);
    QVERIFY(!m_canvas->zoomRectangleMode());
    QCOMPARE(modeChanged.count(), 2);
}

void TestMapCanvas::scaleBarUsesRoundDistances_data()
{
    QTest::addColumn<double>("metersPerPixel");
    QTest::addColumn<double>("lengthPx");
    QTest::addColumn<QString>("text");
    QTest::newRow("1 m/px") << 1.0 << 100.0 << QStringLiteral("100 m");
    QTest::newRow("3 m/px") << 3.0 << 200.0 / 3.0 << QStringLiteral("200 m");
    QTest::newRow("4.5 m/px") << 4.5 << 500.0 / 4.5 << QStringLiteral("500 m");
    QTest::newRow("10 m/px") << 10.0 << 100.0 << QStringLiteral("1 km");
    QTest::newRow("40 m/px") << 40.0 << 50.0 << QStringLiteral("2 km");
    QTest::newRow("0.1 m/px") << 0.1 << 100.0 << QStringLiteral("10 m");
}

void TestMapCanvas::scaleBarUsesRoundDistances()
{
    QFETCH(double, metersPerPixel);
    QFETCH(double, lengthPx);
    QFETCH(QString, text);
    QLocale::setDefault(QLocale::c());
    const MapCanvas::ScaleBar bar = MapCanvas::scaleBarFor(metersPerPixel, 120.0);
    QVERIFY(std::abs(bar.lengthPx - lengthPx) < 1e-9);
    QCOMPARE(bar.text, text);
    // The canvas's own bar is ground distance at the view's latitude (cos 43.7° ~ 0.72).
    const double ground
        = infrasight::gis::groundMetersPerPixel(m_canvas->viewport().zoom(), Harbour.latDeg);
    QVERIFY(std::abs(m_canvas->scaleBar().lengthPx - MapCanvas::scaleBarFor(ground, 120).lengthPx)
            < 1e-6);
}

void TestMapCanvas::attributionIsDrawnAndLinksToTheCopyright()
{
    auto *label = m_canvas->findChild<QLabel *>(QStringLiteral("attributionLabel"));
    QVERIFY(label != nullptr);
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("© OpenStreetMap contributors")));
    QVERIFY(label->text().contains(QStringLiteral("https://www.openstreetmap.org/copyright")));
    QVERIFY(label->openExternalLinks());
    // Bottom-right corner, inside the canvas.
    QVERIFY(label->geometry().right() < m_canvas->width());
    QVERIFY(label->geometry().bottom() < m_canvas->height());
    QVERIFY(label->geometry().left() > m_canvas->width() / 2);
    QVERIFY(label->geometry().top() > m_canvas->height() - 60);
    // And it is really drawn: the text is dark on the light plate.
    const QImage image = m_canvas->grab().toImage();
    const QRect rect(label->geometry().topLeft() * image.devicePixelRatio(),
                     label->geometry().size() * image.devicePixelRatio());
    QVERIFY2(darkPixels(image, rect) > 20, "no attribution text drawn");
    // It stays visible when the view changes.
    sendWheel(m_canvas, QPointF(400, 300), QPoint(0, -240));
    QVERIFY(label->isVisible());
}

void TestMapCanvas::tilesAreDrawnWhereTheyBelongAndMoveWithThePan()
{
    HttpTileServer server;
    QVERIFY(server.start());
    auto urlTemplate = infrasight::render::TileUrlTemplate::parse(server.urlTemplate());
    QVERIFY(urlTemplate);
    infrasight::render::XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.name = QStringLiteral("local");
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    m_canvas->setSource(std::make_unique<infrasight::render::XyzTileSource>(options));
    QCOMPARE(m_canvas->sourceLabel(), QStringLiteral("local"));
    m_canvas->setViewport(harbourView(15.0));
    QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), 5000);
    QVERIFY(waitUntilComposed()); // the composition after the last tile

    const auto expectedAt = [&](QPointF screen) {
        const MapViewport view = m_canvas->viewport();
        for (const auto &key : view.visibleTiles()) {
            if (view.tileScreenRect(key).contains(screen)) {
                return HttpTileServer::tileColor(key.z(), key.x(), key.y());
            }
        }
        return QColor();
    };
    const QList<QPointF> probes{{150, 130}, {400, 300}, {640, 480}, {90, 540}};
    QImage image = m_canvas->grab().toImage();
    for (const QPointF &probe : probes) {
        QCOMPARE(QColor(image.pixel(probe.toPoint())), expectedAt(probe));
    }

    // A drag repaints at once from the cached image, moved by exactly the drag.
    const quint64 generation = m_canvas->generation();
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(400, 300));
    QTest::mouseMove(m_canvas, QPoint(431, 323));
    const QImage moved = m_canvas->grab().toImage();
    QCOMPARE(m_canvas->generation(), generation); // nothing recomposed during the drag
    for (const QPointF &probe : probes) {
        const QPoint shifted = (probe + QPointF(31, 23)).toPoint();
        QCOMPARE(QColor(moved.pixel(shifted)), QColor(image.pixel(probe.toPoint())));
        QCOMPARE(QColor(moved.pixel(shifted)), expectedAt(shifted));
    }
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(431, 323));
    QTRY_VERIFY(m_canvas->generation() > generation); // composed again once settled
}

void TestMapCanvas::tilesArrivingDuringADragAreShown()
{
    HttpTileServer server;
    QVERIFY(server.start());
    server.setDelayMs(300);
    auto urlTemplate = infrasight::render::TileUrlTemplate::parse(server.urlTemplate());
    QVERIFY(urlTemplate);
    infrasight::render::XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    m_canvas->setSource(std::make_unique<infrasight::render::XyzTileSource>(options));
    m_canvas->setViewport(harbourView(15.0));
    // The drag starts before any tile is there and goes on while they arrive.
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(400, 300));
    QTest::mouseMove(m_canvas, QPoint(412, 306));
    QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), 5000);
    QVERIFY(waitUntilComposed());
    const QImage image = m_canvas->grab().toImage();
    const MapViewport view = m_canvas->viewport();
    for (const QPoint probe : {QPoint(150, 130), QPoint(400, 300), QPoint(640, 480)}) {
        for (const auto &key : view.visibleTiles()) {
            if (view.tileScreenRect(key).contains(QPointF(probe))) {
                QCOMPARE(QColor(image.pixel(probe)),
                         HttpTileServer::tileColor(key.z(), key.x(), key.y()));
            }
        }
    }
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(412, 306));
}

void TestMapCanvas::mbtilesSourceIsNamedOnTheMap()
{
    const QString path = m_dir->filePath(QStringLiteral("city.mbtiles"));
    {
        auto writer = infrasight::render::MbtilesWriter::open(path);
        QVERIFY2(writer, qPrintable(writer ? QString() : writer.error().toString()));
        infrasight::render::MbtilesMetadata metadata;
        metadata.name = QStringLiteral("Monaco");
        metadata.attribution = QStringLiteral("© OpenStreetMap contributors, Infrasight");
        metadata.bounds = infrasight::gis::GeoBounds(7.40, 43.72, 7.44, 43.76);
        metadata.minZoom = 12;
        metadata.maxZoom = 15;
        QVERIFY((*writer)->writeMetadata(metadata));
        const infrasight::gis::TileKey key = infrasight::gis::TileKey::containing(Harbour, 15);
        QVERIFY((*writer)->writeTiles({{key, HttpTileServer::tilePng(15, key.x(), key.y(), 256)}}));
    }
    auto source = infrasight::render::MbTilesSource::open(path);
    QVERIFY(source);
    m_canvas->setSource(std::move(*source), MapCanvas::offlineSourceLabel());
    auto *label = m_canvas->findChild<QLabel *>(QStringLiteral("mapSourceLabel"));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("Offline basemap (MBTiles)"));
    QCOMPARE(m_canvas->attribution(), QStringLiteral("© OpenStreetMap contributors, Infrasight"));
    auto *attribution = m_canvas->findChild<QLabel *>(QStringLiteral("attributionLabel"));
    QVERIFY(attribution->text().contains(QStringLiteral("Infrasight")));
    // The harbour tile arrives and is drawn under the harbour.
    QTRY_COMPARE_WITH_TIMEOUT(m_canvas->tileLayer()->pendingCount(), 0, 5000);
    QTest::qWait(50);
    const QPoint at = m_canvas->viewport().lonLatToScreen(Harbour).toPoint();
    const auto key = infrasight::gis::TileKey::containing(Harbour, 15);
    QCOMPARE(QColor(m_canvas->grab().toImage().pixel(at)),
             HttpTileServer::tileColor(15, key.x(), key.y()));
}

void TestMapCanvas::failingSourceGivesAMessageAndTheMapKeepsWorking()
{
    // A server that is gone: its port is closed, so every connection is refused.
    QString url;
    {
        HttpTileServer server;
        QVERIFY(server.start());
        url = server.urlTemplate();
    }
    auto urlTemplate = infrasight::render::TileUrlTemplate::parse(url);
    QVERIFY(urlTemplate);
    infrasight::render::XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    options.maxRetries = 0;
    options.transferTimeoutMs = 1000;
    const MapViewport view = harbourView(15.0);
    QSignalSpy errors(m_canvas, &MapCanvas::sourceError);
    m_canvas->setSource(std::make_unique<infrasight::render::XyzTileSource>(options));
    m_canvas->setViewport(view);
    QTRY_VERIFY_WITH_TIMEOUT(!m_canvas->sourceMessage().isEmpty(), 10000);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().first().toString(), m_canvas->sourceMessage());
    auto *label = m_canvas->findChild<QLabel *>(QStringLiteral("mapSourceLabel"));
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(m_canvas->sourceMessage()));
    // The canvas still works.
    const double zoom = m_canvas->viewport().zoom();
    sendWheel(m_canvas, QPointF(200, 200), QPoint(0, 120));
    QCOMPARE(m_canvas->viewport().zoom(), zoom + 1.0);
    QVERIFY(!m_canvas->grab().isNull());
}

void TestMapCanvas::malformedTemplateAndCorruptFileGiveClearMessages()
{
    using infrasight::render::TileSourceFactory;
    auto bad = TileSourceFactory::create(
        TileSourceFactory::customUrl(QStringLiteral("https://tiles.example.org/{z}/{x}.png")));
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(QStringLiteral("{y}")));
    const QString corrupt = m_dir->filePath(QStringLiteral("corrupt.mbtiles"));
    QFile file(corrupt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto broken = TileSourceFactory::create(TileSourceFactory::mbTiles(corrupt));
    QVERIFY(!broken);
    QVERIFY(broken.error().message.contains(QStringLiteral("corrupt.mbtiles")));
    // The console shows such a message on the map; the map goes on with what it has.
    m_canvas->setSourceMessage(broken.error().message);
    auto *label = m_canvas->findChild<QLabel *>(QStringLiteral("mapSourceLabel"));
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("corrupt.mbtiles")));
    const double zoom = m_canvas->viewport().zoom();
    QTest::keyClick(m_canvas, Qt::Key_Plus);
    QCOMPARE(m_canvas->viewport().zoom(), zoom + 1.0);
}

void TestMapCanvas::inputIsHandledWhileTheServerIsSlow()
{
    HttpTileServer server;
    QVERIFY(server.start());
    server.setDelayMs(2000);
    auto urlTemplate = infrasight::render::TileUrlTemplate::parse(server.urlTemplate());
    QVERIFY(urlTemplate);
    infrasight::render::XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    m_canvas->setSource(std::make_unique<infrasight::render::XyzTileSource>(options));
    m_canvas->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), 5000);

    QElapsedTimer clock;
    qint64 handledAt = -1;
    connect(m_canvas, &MapCanvas::viewportChanged, this, [&] {
        if (handledAt < 0) {
            handledAt = clock.elapsed();
        }
    });
    qint64 worst = 0;
    for (int round = 0; round < 6; ++round) {
        handledAt = -1;
        clock.start();
        if (round % 2 == 0) {
            const QPointF position(200 + round * 50, 300);
            QCoreApplication::postEvent(m_canvas,
                                        new QWheelEvent(position,
                                                        m_canvas->mapToGlobal(position),
                                                        QPoint(),
                                                        QPoint(0, round % 4 == 0 ? 120 : -120),
                                                        Qt::NoButton,
                                                        Qt::NoModifier,
                                                        Qt::NoScrollPhase,
                                                        false));
        } else {
            QCoreApplication::postEvent(m_canvas,
                                        new QKeyEvent(QEvent::KeyPress, Qt::Key_Right, {}));
        }
        QTRY_VERIFY_WITH_TIMEOUT(handledAt >= 0, 2000);
        worst = std::max(worst, handledAt);
        QTest::qWait(100); // tiles are still on their way: the server answers after 2 s
    }
    qInfo() << "slowest input event handled after" << worst << "ms";
    QVERIFY2(worst <= 50, qPrintable(QStringLiteral("%1 ms").arg(worst)));
    QVERIFY(m_canvas->tileLayer()->pendingCount() > 0); // really still waiting for tiles
}

void TestMapCanvas::compositionForAnOlderViewIsNeverShown()
{
    HttpTileServer server;
    showLocalTiles(server);
    m_canvas->setViewport(harbourView(15.0));
    QVERIFY(waitUntilComposed());
    const QColor background = QColor(m_canvas->grab().toImage().pixel(1, 1));

    // A composition starts for one view (a fractional zoom: the slow kind) and the view moves
    // on before it is in; a few rounds, as the older job is mostly cancelled in time.
    const QList<QPair<double, double>> rounds{
        {14.5, 16.0}, {15.5, 14.0}, {16.5, 15.0}, {13.5, 15.0}, {14.5, 16.0}};
    for (qsizetype round = 0; round < rounds.size(); ++round) {
        const auto [olderZoom, newerZoom] = rounds.at(round);
        QSignalSpy rendered(m_canvas, &MapCanvas::rendered);
        const quint64 before = m_canvas->generation();
        m_canvas->setViewport(harbourView(olderZoom));
        QVERIFY(QTest::qWaitFor([&] { return m_canvas->generation() > before; }, 2000));
        const quint64 older = m_canvas->generation();
        m_canvas->setViewport(harbourView(newerZoom).pannedBy(QPointF(-90 + round * 20, 40)));
        // Until the new composition is in, the last image stands in, scaled: nothing flashes.
        const QImage meanwhile = m_canvas->grab().toImage();
        QVERIFY(QColor(meanwhile.pixel(400, 300)) != background);
        QVERIFY(QTest::qWaitFor([&] { return m_canvas->generation() > older; }, 2000));
        const quint64 newer = m_canvas->generation();
        const qsizetype renderedBefore = rendered.size();
        QVERIFY(waitUntilComposed());
        for (qsizetype i = renderedBefore; i < rendered.size(); ++i) {
            QVERIFY2(
                rendered.at(i).at(0).toULongLong() >= newer,
                qPrintable(QStringLiteral("round %1: a stale composition was shown").arg(round)));
        }
        QVERIFY(m_canvas->composedGeneration() >= newer);
        QVERIFY(showsTheTilesOfItsView({{150, 130}, {400, 300}, {640, 480}, {90, 540}, {700, 80}}));
    }
}

void TestMapCanvas::settledFractionalZoomIsComposedOffTheGuiThread()
{
    HttpTileServer server;
    showLocalTiles(server);
    m_canvas->setViewport(harbourView(15.0));
    QVERIFY(waitUntilComposed());
    const QPointF at(400, 300);
    sendWheel(m_canvas, at, QPoint(0, 60)); // half a level: every tile smooth-scaled
    QVERIFY(std::abs(m_canvas->viewport().zoom() - 15.5) < 1e-9);
    // The zero timer starts the job and the GUI thread goes back to the event loop at once.
    const quint64 before = m_canvas->generation();
    QVERIFY(QTest::qWaitFor([&] { return m_canvas->generation() > before; }, 2000));
    QVERIFY(waitUntilComposed());
    QVERIFY(showsTheTilesOfItsView({{150, 130}, {400, 300}, {640, 480}, {90, 540}}));
}

void TestMapCanvas::coordinateLabelShowsProjectedPositionAndRefusesBadCrs()
{
    QLocale::setDefault(QLocale::c());
    CoordinateLabel label;
    label.setPosition(Harbour);
    QVERIFY(label.text().contains(QStringLiteral("7.423600° E, 43.735000° N")));
    // EPSG:3857 by default: the same metres as the closed-form maths.
    const QPointF meters = infrasight::gis::lonLatToMercatorMeters(Harbour);
    QVERIFY2(label.text().contains(QString::number(meters.x(), 'f', 1)), qPrintable(label.text()));
    QVERIFY(label.setCrs(QStringLiteral("EPSG:32632")));
    QCOMPARE(label.crs(), QStringLiteral("EPSG:32632"));
    // UTM 32N easting of Monaco harbour is about 372 km; northing about 4 844 km.
    QVERIFY2(label.text().contains(QStringLiteral(" 372"))
                 || label.text().contains(QStringLiteral(" 373")),
             qPrintable(label.text()));
    QSignalSpy errors(&label, &CoordinateLabel::crsError);
    auto wrong = label.setCrs(QStringLiteral("EPSG:999999"));
    QVERIFY(!wrong);
    QVERIFY(wrong.error().message.contains(QStringLiteral("EPSG:999999")));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(label.crs(), QStringLiteral("EPSG:32632")); // the previous one stays
    QCOMPARE(label.crsCombo()->currentData().toString(), QStringLiteral("EPSG:32632"));
    // A custom PROJ string gets its own entry.
    QVERIFY(label.setCrs(QStringLiteral("+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs")));
    QVERIFY(label.crsCombo()->currentText().contains(QStringLiteral("zone=31")));
}

QTEST_MAIN(TestMapCanvas)
#include "tst_mapcanvas.moc"
