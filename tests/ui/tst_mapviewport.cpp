// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/mercator.h"
#include "ui/render/mapviewport.h"

#include <QtTest>

#include <cmath>

using infrasight::gis::LonLat;
using infrasight::gis::TileKey;
using infrasight::render::MapViewport;

class TestMapViewport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenRoundTrip_data();
    void screenRoundTrip();
    void centerIsMiddleOfWidget();
    void wheelZoomKeepsPointUnderCursor_data();
    void wheelZoomKeepsPointUnderCursor();
    void zoomIsClamped();
    void panFollowsTheMouse();
    void fittedToShowsTheWholeExtent();
    void tileZoomRoundsAndClamps_data();
    void tileZoomRoundsAndClamps();
    void visibleTilesCoverTheView_data();
    void visibleTilesCoverTheView();
    void tileScreenRectAtIntegralZoomIsWholePixels();
};

void TestMapViewport::screenRoundTrip_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("zoom");
    QTest::newRow("monaco-z15") << 7.4246 << 43.7384 << 15.0;
    QTest::newRow("helsinki-z12.4") << 24.9384 << 60.1699 << 12.4;
    QTest::newRow("origin-z2") << 0.0 << 0.0 << 2.0;
    QTest::newRow("southern-z20") << -58.38 << -34.60 << 20.0;
}

void TestMapViewport::screenRoundTrip()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(double, zoom);
    const QPointF center = infrasight::gis::lonLatToMercatorMeters({lon, lat});
    const MapViewport view(center, zoom, QSize(800, 600), 2.0);
    for (const QPointF screen : {QPointF(0, 0), QPointF(123.5, 456.25), QPointF(799, 599)}) {
        const QPointF back = view.metersToScreen(view.screenToMeters(screen));
        QVERIFY2(std::abs(back.x() - screen.x()) < 1e-6 && std::abs(back.y() - screen.y()) < 1e-6,
                 qPrintable(QStringLiteral("%1,%2").arg(back.x()).arg(back.y())));
        const LonLat position = view.screenToLonLat(screen);
        const QPointF again = view.lonLatToScreen(position);
        QVERIFY(std::abs(again.x() - screen.x()) < 1e-6);
        QVERIFY(std::abs(again.y() - screen.y()) < 1e-6);
    }
}

void TestMapViewport::centerIsMiddleOfWidget()
{
    const QPointF center(1000.0, 2000.0);
    const MapViewport view(center, 10.0, QSize(640, 480));
    QCOMPARE(view.metersToScreen(center), QPointF(320.0, 240.0));
    // North is up: a point north of the centre is above it on screen.
    QVERIFY(view.metersToScreen(center + QPointF(0.0, 100.0)).y() < 240.0);
    QCOMPARE(view.metersPerPixel(), infrasight::gis::metersPerPixel(10.0));
    const QRectF extent = view.extentMeters();
    QVERIFY(std::abs(extent.width() - 640 * view.metersPerPixel()) < 1e-6);
    QVERIFY(extent.top() < extent.bottom()); // top() is the south edge
}

void TestMapViewport::wheelZoomKeepsPointUnderCursor_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("dpr");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("delta");
    const QList<QSize> sizes{QSize(800, 600), QSize(1920, 1080), QSize(333, 777)};
    const QList<double> dprs{1.0, 1.25, 2.0};
    const QList<double> zooms{0.0, 3.3, 12.0, 15.5, 19.9};
    const QList<double> deltas{1.0, -1.0, 0.25, -0.5, 3.0};
    for (const QSize size : sizes) {
        for (const double dpr : dprs) {
            for (const double zoom : zooms) {
                for (const double delta : deltas) {
                    QTest::addRow(
                        "%dx%d-dpr%.2f-z%.1f-d%.2f", size.width(), size.height(), dpr, zoom, delta)
                        << size << dpr << zoom << delta;
                }
            }
        }
    }
}

void TestMapViewport::wheelZoomKeepsPointUnderCursor()
{
    QFETCH(QSize, size);
    QFETCH(double, dpr);
    QFETCH(double, zoom);
    QFETCH(double, delta);
    // Monaco; at low zooms keep the view inside the world so no clamp interferes.
    const QPointF center = zoom < 3.0 ? QPointF(0.0, 0.0)
                                      : infrasight::gis::lonLatToMercatorMeters({7.4246, 43.7384});
    const MapViewport view(center, zoom, size, dpr);
    const QList<QPointF> cursors{QPointF(0, 0),
                                 QPointF(size.width() - 1, size.height() - 1),
                                 QPointF(size.width() / 2.0, size.height() / 2.0),
                                 QPointF(17.5, size.height() - 3.25),
                                 QPointF(size.width() * 0.8, size.height() * 0.1)};
    for (const QPointF cursor : cursors) {
        const QPointF under = view.screenToMeters(cursor);
        if (std::abs(under.x()) > infrasight::gis::HalfWorldMeters
            || std::abs(under.y()) > infrasight::gis::HalfWorldMeters) {
            continue; // off the map (a small world in a big window): nothing to keep fixed
        }
        const MapViewport zoomed = view.zoomedAt(delta, cursor);
        const double expectedZoom
            = std::clamp(zoom + delta, MapViewport::MinZoom, MapViewport::MaxZoom);
        QVERIFY(std::abs(zoomed.zoom() - expectedZoom) < 1e-12);
        const QPointF after = zoomed.metersToScreen(under);
        QVERIFY2(std::hypot(after.x() - cursor.x(), after.y() - cursor.y()) <= 1.0,
                 qPrintable(QStringLiteral("cursor %1,%2 moved to %3,%4")
                                .arg(cursor.x())
                                .arg(cursor.y())
                                .arg(after.x())
                                .arg(after.y())));
        QCOMPARE(zoomed.sizePx(), size);
        QCOMPARE(zoomed.devicePixelRatio(), dpr);
    }
}

void TestMapViewport::zoomIsClamped()
{
    const MapViewport view({}, 19.5, QSize(100, 100));
    QCOMPARE(view.zoomedAt(3.0, QPointF(10, 10)).zoom(), MapViewport::MaxZoom);
    QCOMPARE(view.withZoom(-4.0).zoom(), MapViewport::MinZoom);
    QCOMPARE(MapViewport({}, 42.0, QSize(10, 10)).zoom(), MapViewport::MaxZoom);
    // The centre stays in the world.
    const MapViewport far = view.withCenter(QPointF(1e9, -1e9));
    QCOMPARE(far.centerMeters(),
             QPointF(infrasight::gis::HalfWorldMeters, -infrasight::gis::HalfWorldMeters));
}

void TestMapViewport::panFollowsTheMouse()
{
    const MapViewport view(QPointF(5000.0, 5000.0), 14.0, QSize(400, 300));
    const QPointF grabbed(100.0, 80.0);
    const QPointF under = view.screenToMeters(grabbed);
    const QPointF delta(37.0, -12.5);
    const MapViewport moved = view.pannedBy(delta);
    const QPointF now = moved.metersToScreen(under);
    QVERIFY(std::abs(now.x() - (grabbed.x() + delta.x())) < 1e-6);
    QVERIFY(std::abs(now.y() - (grabbed.y() + delta.y())) < 1e-6);
}

void TestMapViewport::fittedToShowsTheWholeExtent()
{
    const QRectF extent(QPointF(820000.0, 5420000.0), QPointF(830000.0, 5424000.0));
    const MapViewport view = MapViewport({}, 3.0, QSize(800, 600)).fittedTo(extent);
    QVERIFY(view.extentMeters().contains(extent.adjusted(1, 1, -1, -1)));
    QCOMPARE(view.centerMeters(), extent.center());
    // Tight: the extent fills one dimension.
    QVERIFY(std::abs(view.extentMeters().width() - extent.width()) < 1.0
            || std::abs(view.extentMeters().height() - extent.height()) < 1.0);
}

void TestMapViewport::tileZoomRoundsAndClamps_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<int>("minZoom");
    QTest::addColumn<int>("maxZoom");
    QTest::addColumn<int>("expected");
    QTest::newRow("integral") << 12.0 << 0 << 19 << 12;
    QTest::newRow("rounds-down") << 12.49 << 0 << 19 << 12;
    QTest::newRow("rounds-up") << 12.5 << 0 << 19 << 13;
    QTest::newRow("above-max") << 20.0 << 0 << 19 << 19;
    QTest::newRow("below-min") << 9.0 << 12 << 18 << 12;
}

void TestMapViewport::tileZoomRoundsAndClamps()
{
    QFETCH(double, zoom);
    QFETCH(int, minZoom);
    QFETCH(int, maxZoom);
    QFETCH(int, expected);
    QCOMPARE(MapViewport({}, zoom, QSize(256, 256)).tileZoom(minZoom, maxZoom), expected);
}

void TestMapViewport::visibleTilesCoverTheView_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("expectedCount");
    // Centre at lon 0 / lat 0 is a tile corner at every zoom >= 1.
    QTest::newRow("z0-whole-world") << 0.0 << QSize(256, 256) << 1;
    QTest::newRow("z1-all-four") << 1.0 << QSize(512, 512) << 4;
    QTest::newRow("z5-exact-2x2") << 5.0 << QSize(512, 512) << 4;
    QTest::newRow("z5-one-pixel-more") << 5.0 << QSize(514, 514) << 16;
    QTest::newRow("z10-hd") << 10.0 << QSize(1920, 1080) << 8 * 6;
}

void TestMapViewport::visibleTilesCoverTheView()
{
    QFETCH(double, zoom);
    QFETCH(QSize, size);
    QFETCH(int, expectedCount);
    const MapViewport view(QPointF(0, 0), zoom, size);
    const QList<TileKey> tiles = view.visibleTiles();
    QCOMPARE(tiles.size(), expectedCount);
    // Every tile intersects the view and the nearest to the centre comes first.
    const QRectF screen(QPointF(0, 0), QSizeF(size));
    double lastDistance = -1.0;
    for (const TileKey &key : tiles) {
        QCOMPARE(key.z(), view.tileZoom());
        const QRectF rect = view.tileScreenRect(key);
        QVERIFY(rect.intersects(screen));
        const QPointF d = rect.center() - screen.center();
        const double distance = std::hypot(d.x(), d.y());
        QVERIFY(distance >= lastDistance - 1e-9);
        lastDistance = distance;
    }
}

void TestMapViewport::tileScreenRectAtIntegralZoomIsWholePixels()
{
    const QPointF monaco = infrasight::gis::lonLatToMercatorMeters({7.4246, 43.7384});
    const MapViewport view(monaco, 16.0, QSize(1000, 700));
    const TileKey key = TileKey::containing({7.4246, 43.7384}, 16);
    const QRectF rect = view.tileScreenRect(key);
    QCOMPARE(rect.size(), QSizeF(256.0, 256.0));
    QVERIFY(rect.contains(QPointF(500.0, 350.0)));
    // Next tile east starts where this one ends.
    const QRectF east = view.tileScreenRect(TileKey(16, key.x() + 1, key.y()));
    QCOMPARE(east.left(), rect.right());
    // At fractional zoom the tile is scaled accordingly.
    QVERIFY(std::abs(view.withZoom(16.5).tileScreenRect(key).width() - 256.0 * std::sqrt(2.0))
            < 1e-9);
}

QTEST_GUILESS_MAIN(TestMapViewport)
#include "tst_mapviewport.moc"
