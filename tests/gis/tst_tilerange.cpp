// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/geobounds.h"
#include "gis/core/mercator.h"
#include "gis/core/tilerange.h"

#include <QSet>
#include <QTest>

using namespace infrasight::gis;

namespace infrasight::gis {
char *toString(const TileKey &key)
{
    return QTest::toString(key.toString());
}
} // namespace infrasight::gis

class TestTileRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coversBounds_data();
    void coversBounds();
    void tilesListsEveryTileOnce();
    void containsIsAntimeridianAware();
    void coveringMercatorMatchesCovering();
    void nearestFirstStartsAtTheCentre();
    void nearestFirstAcrossTheAntimeridian();
    void geoBoundsAntimeridian();
};

void TestTileRange::coversBounds_data()
{
    QTest::addColumn<GeoBounds>("bounds");
    QTest::addColumn<int>("zoom");
    QTest::addColumn<TileRange>("expected");
    QTest::addColumn<int>("expectedCount");

    const GeoBounds tile = TileKey(3, 3, 5).boundsLonLat();
    QTest::newRow("single-tile-exact-bounds") << tile << 3 << TileRange(3, 3, 5, 3, 5) << 1;
    QTest::newRow("single-tile-bounds-one-zoom-up") << tile << 4 << TileRange(4, 6, 10, 7, 11) << 4;
    QTest::newRow("point-inside-a-tile") << GeoBounds(7.4246, 43.7384, 7.4246, 43.7384) << 15
                                         << TileRange(15, 17059, 11948, 17059, 11948) << 1;
    // Monaco's extent, lon 7.4090..7.4399, lat 43.7247..43.7519: tiles x 17058..17061, y
    // 11946..11949.
    QTest::newRow("monaco-z15") << GeoBounds(7.4090, 43.7247, 7.4399, 43.7519) << 15
                                << TileRange(15, 17058, 11946, 17061, 11949) << 16;
    QTest::newRow("world-z0") << GeoBounds::world() << 0 << TileRange(0, 0, 0, 0, 0) << 1;
    QTest::newRow("world-z2") << GeoBounds::world() << 2 << TileRange(2, 0, 0, 3, 3) << 16;
    QTest::newRow("antimeridian-crossing")
        << GeoBounds(170.0, -10.0, -170.0, 10.0) << 3 << TileRange(3, 7, 3, 0, 4) << 4;
    QTest::newRow("antimeridian-crossing-almost-whole-world")
        << GeoBounds(10.0, -10.0, 5.0, 10.0) << 1 << TileRange(1, 0, 0, 1, 1) << 4;
    QTest::newRow("west-edge-on-antimeridian")
        << GeoBounds(180.0, 0.0, -170.0, 10.0) << 2 << TileRange(2, 0, 1, 0, 1) << 1;
    QTest::newRow("east-edge-on-antimeridian")
        << GeoBounds(170.0, 0.0, 180.0, 10.0) << 2 << TileRange(2, 3, 1, 3, 1) << 1;
    QTest::newRow("polar-clamp-north")
        << GeoBounds(-10.0, 80.0, 10.0, 90.0) << 2 << TileRange(2, 1, 0, 2, 0) << 2;
    QTest::newRow("polar-clamp-south")
        << GeoBounds(-180.0, -90.0, 180.0, -89.0) << 3 << TileRange(3, 0, 7, 7, 7) << 8;
    QTest::newRow("invalid-bounds") << GeoBounds(0.0, 10.0, 1.0, 5.0) << 3 << TileRange() << 0;
    QTest::newRow("zoom-out-of-range") << GeoBounds::world() << 31 << TileRange() << 0;
}

void TestTileRange::coversBounds()
{
    QFETCH(GeoBounds, bounds);
    QFETCH(int, zoom);
    QFETCH(TileRange, expected);
    QFETCH(int, expectedCount);

    const TileRange range = TileRange::covering(bounds, zoom);
    QCOMPARE(range.zoom(), expected.zoom());
    QCOMPARE(range.minX(), expected.minX());
    QCOMPARE(range.maxX(), expected.maxX());
    QCOMPARE(range.minY(), expected.minY());
    QCOMPARE(range.maxY(), expected.maxY());
    QCOMPARE(range.count(), qint64(expectedCount));
    QCOMPARE(qint64(range.tiles().size()), qint64(expectedCount));
}

void TestTileRange::tilesListsEveryTileOnce()
{
    const TileRange range(3, 6, 2, 1, 3); // wraps: columns 6, 7, 0, 1
    QVERIFY(range.wrapsAntimeridian());
    QCOMPARE(range.columnCount(), 4);
    QCOMPARE(range.rowCount(), 2);
    const std::vector<TileKey> tiles = range.tiles();
    const std::vector<TileKey> expected = {TileKey(3, 6, 2),
                                           TileKey(3, 7, 2),
                                           TileKey(3, 0, 2),
                                           TileKey(3, 1, 2),
                                           TileKey(3, 6, 3),
                                           TileKey(3, 7, 3),
                                           TileKey(3, 0, 3),
                                           TileKey(3, 1, 3)};
    QCOMPARE(tiles, expected);
    QVERIFY(TileRange().tiles().empty());
    QVERIFY(TileRange(3, 0, 0, 8, 0).isEmpty()); // maxX outside the zoom level
}

void TestTileRange::containsIsAntimeridianAware()
{
    const TileRange range(3, 6, 2, 1, 3);
    QVERIFY(range.contains(TileKey(3, 7, 2)));
    QVERIFY(range.contains(TileKey(3, 0, 3)));
    QVERIFY(!range.contains(TileKey(3, 3, 2)));
    QVERIFY(!range.contains(TileKey(3, 7, 4)));
    QVERIFY(!range.contains(TileKey(4, 7, 2)));
}

void TestTileRange::coveringMercatorMatchesCovering()
{
    const GeoBounds monaco(7.4090, 43.7247, 7.4399, 43.7519);
    const QPointF sw = lonLatToMercatorMeters({monaco.westDeg(), monaco.southDeg()});
    const QPointF ne = lonLatToMercatorMeters({monaco.eastDeg(), monaco.northDeg()});
    QCOMPARE(TileRange::coveringMercator(QRectF(sw, ne), 15), TileRange::covering(monaco, 15));

    // A view panned east across the antimeridian: x beyond the world edge wraps.
    const double h = HalfWorldMeters;
    const TileRange wrapped
        = TileRange::coveringMercator(QRectF(QPointF(h - h / 8, -1), QPointF(h + h / 8, 1)), 3);
    QCOMPARE(wrapped, TileRange(3, 7, 3, 0, 4));

    // Wider than the world: every column.
    const TileRange wide
        = TileRange::coveringMercator(QRectF(QPointF(-3 * h, -1), QPointF(3 * h, 1)), 2);
    QCOMPARE(wide, TileRange(2, 0, 1, 3, 2));
}

void TestTileRange::nearestFirstStartsAtTheCentre()
{
    const TileRange range(4, 4, 4, 8, 8); // 5 x 5 tiles
    const LonLat centre = TileKey(4, 6, 6).boundsLonLat().center();
    const std::vector<TileKey> order = range.tilesNearestFirst(centre);
    QCOMPARE(qint64(order.size()), range.count());
    QCOMPARE(order.front(), TileKey(4, 6, 6));
    // The next four are the edge neighbours, then the four diagonal ones.
    const QSet<TileKey> ring1(order.begin() + 1, order.begin() + 5);
    QCOMPARE(
        ring1,
        (QSet<TileKey>{TileKey(4, 5, 6), TileKey(4, 7, 6), TileKey(4, 6, 5), TileKey(4, 6, 7)}));
    const QSet<TileKey> ring2(order.begin() + 5, order.begin() + 9);
    QCOMPARE(
        ring2,
        (QSet<TileKey>{TileKey(4, 5, 5), TileKey(4, 7, 5), TileKey(4, 5, 7), TileKey(4, 7, 7)}));
    // Corners come last.
    const QSet<TileKey> last(order.end() - 4, order.end());
    QCOMPARE(
        last,
        (QSet<TileKey>{TileKey(4, 4, 4), TileKey(4, 8, 4), TileKey(4, 4, 8), TileKey(4, 8, 8)}));
    // Every tile exactly once.
    QCOMPARE(QSet<TileKey>(order.begin(), order.end()).size(), qsizetype(order.size()));
}

void TestTileRange::nearestFirstAcrossTheAntimeridian()
{
    const TileRange range(3, 5, 3, 2, 3); // columns 5, 6, 7, 0, 1, 2
    const std::vector<TileKey> order = range.tilesNearestFirst({179.0, 0.0});
    QCOMPARE(order.front(), TileKey(3, 7, 3));
    QCOMPARE(order[1], TileKey(3, 0, 3)); // across the antimeridian, not column 6
    QCOMPARE(order.back(), TileKey(3, 2, 3));
}

void TestTileRange::geoBoundsAntimeridian()
{
    const GeoBounds fiji(170.0, -20.0, -170.0, -10.0);
    QVERIFY(fiji.isValid());
    QVERIFY(fiji.crossesAntimeridian());
    QCOMPARE(fiji.widthDeg(), 20.0);
    QCOMPARE(fiji.center(), (LonLat{-180.0, -15.0}));
    QVERIFY(fiji.contains({179.0, -15.0}));
    QVERIFY(fiji.contains({-179.0, -15.0}));
    QVERIFY(!fiji.contains({0.0, -15.0}));
    QCOMPARE(fiji.splitAtAntimeridian().size(), 2);
    QVERIFY(fiji.intersects(GeoBounds(-175.0, -12.0, -160.0, 0.0)));
    QVERIFY(!fiji.intersects(GeoBounds(0.0, -12.0, 10.0, 0.0)));
    QVERIFY(!GeoBounds().isValid());
    QVERIFY(!GeoBounds(0.0, 0.0, 181.0, 1.0).isValid());
}

QTEST_APPLESS_MAIN(TestTileRange)
#include "tst_tilerange.moc"
