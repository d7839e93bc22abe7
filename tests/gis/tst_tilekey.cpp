// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/mercator.h"
#include "gis/core/tilekey.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace infrasight::gis;

namespace infrasight::gis {
// Lets QCOMPARE print "z/x/y" on failure.
char *toString(const TileKey &key)
{
    return QTest::toString(key.toString());
}
} // namespace infrasight::gis

class TestTileKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validity_data();
    void validity();
    void parent_data();
    void parent();
    void childrenAreTheFourQuadrants();
    void quadkey_data();
    void quadkey();
    void fromQuadkeyRejectsBadInput_data();
    void fromQuadkeyRejectsBadInput();
    void containing_data();
    void containing();
    void boundsMeters_data();
    void boundsMeters();
    void boundsLonLatOfTheWorldTile();
    void orderingAndHashing();
};

void TestTileKey::validity_data()
{
    QTest::addColumn<TileKey>("key");
    QTest::addColumn<bool>("valid");

    QTest::newRow("default-constructed") << TileKey() << false;
    QTest::newRow("world-tile") << TileKey(0, 0, 0) << true;
    QTest::newRow("z0-x-out-of-range") << TileKey(0, 1, 0) << false;
    QTest::newRow("z3-last-tile") << TileKey(3, 7, 7) << true;
    QTest::newRow("z3-y-out-of-range") << TileKey(3, 7, 8) << false;
    QTest::newRow("negative-x") << TileKey(3, -1, 0) << false;
    QTest::newRow("negative-zoom") << TileKey(-1, 0, 0) << false;
    QTest::newRow("max-zoom") << TileKey(TileKey::MaxZoom, (1 << 30) - 1, 0) << true;
    QTest::newRow("beyond-max-zoom") << TileKey(TileKey::MaxZoom + 1, 0, 0) << false;
}

void TestTileKey::validity()
{
    QFETCH(TileKey, key);
    QFETCH(bool, valid);
    QCOMPARE(key.isValid(), valid);
}

void TestTileKey::parent_data()
{
    QTest::addColumn<TileKey>("key");
    QTest::addColumn<TileKey>("expectedParent");

    QTest::newRow("z1-to-world") << TileKey(1, 1, 1) << TileKey(0, 0, 0);
    QTest::newRow("z3-3-5") << TileKey(3, 3, 5) << TileKey(2, 1, 2);
    QTest::newRow("monaco-z15") << TileKey(15, 17058, 11949) << TileKey(14, 8529, 5974);
    QTest::newRow("world-has-none") << TileKey(0, 0, 0) << TileKey();
    QTest::newRow("invalid-has-none") << TileKey(2, 9, 0) << TileKey();
}

void TestTileKey::parent()
{
    QFETCH(TileKey, key);
    QFETCH(TileKey, expectedParent);
    QCOMPARE(key.parent(), expectedParent);
    if (expectedParent.isValid()) {
        QCOMPARE(key.ancestorAt(expectedParent.z()), expectedParent);
        QCOMPARE(key.ancestorAt(0), TileKey(0, 0, 0));
    }
}

void TestTileKey::childrenAreTheFourQuadrants()
{
    const TileKey key(3, 3, 5);
    const std::array<TileKey, 4> children = key.children();
    QCOMPARE(children[0], TileKey(4, 6, 10)); // north-west, quadkey digit 0
    QCOMPARE(children[1], TileKey(4, 7, 10)); // north-east, 1
    QCOMPARE(children[2], TileKey(4, 6, 11)); // south-west, 2
    QCOMPARE(children[3], TileKey(4, 7, 11)); // south-east, 3
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(children[i].parent(), key);
        QCOMPARE(children[i].quadkey(), key.quadkey() + QString::number(i));
    }
    QVERIFY(!TileKey(TileKey::MaxZoom, 0, 0).children()[0].isValid());
    QVERIFY(!TileKey().children()[3].isValid());
}

void TestTileKey::quadkey_data()
{
    QTest::addColumn<TileKey>("key");
    QTest::addColumn<QString>("expected");

    // Bing Maps tile system: digit = x bit + 2 * y bit, most significant level first.
    QTest::newRow("world-is-empty") << TileKey(0, 0, 0) << QString();
    QTest::newRow("z1-north-east") << TileKey(1, 1, 0) << QStringLiteral("1");
    QTest::newRow("z1-south-west") << TileKey(1, 0, 1) << QStringLiteral("2");
    QTest::newRow("bing-documentation-example") << TileKey(3, 3, 5) << QStringLiteral("213");
    QTest::newRow("z4-last-tile") << TileKey(4, 15, 15) << QStringLiteral("3333");
    QTest::newRow("monaco-z15") << TileKey(15, 17058, 11949) << QStringLiteral("120223030302212");
}

void TestTileKey::quadkey()
{
    QFETCH(TileKey, key);
    QFETCH(QString, expected);
    QCOMPARE(key.quadkey(), expected);
    const auto parsed = TileKey::fromQuadkey(expected);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, key);
}

void TestTileKey::fromQuadkeyRejectsBadInput_data()
{
    QTest::addColumn<QString>("quadkey");

    QTest::newRow("digit-4") << QStringLiteral("0124");
    QTest::newRow("letter") << QStringLiteral("12a");
    QTest::newRow("too-long") << QString(31, u'1');
}

void TestTileKey::fromQuadkeyRejectsBadInput()
{
    QFETCH(QString, quadkey);
    const auto parsed = TileKey::fromQuadkey(quadkey);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, infrasight::ErrorCode::InvalidArgument);
}

void TestTileKey::containing_data()
{
    QTest::addColumn<double>("lonDeg");
    QTest::addColumn<double>("latDeg");
    QTest::addColumn<int>("zoom");
    QTest::addColumn<TileKey>("expected");

    QTest::newRow("origin-z1") << 0.0 << 0.0 << 1 << TileKey(1, 1, 1);
    QTest::newRow("monaco-z15") << 7.4246 << 43.7384 << 15 << TileKey(15, 17059, 11948);
    QTest::newRow("north-pole-clamped") << 0.0 << 90.0 << 2 << TileKey(2, 2, 0);
    QTest::newRow("south-pole-clamped") << -180.0 << -90.0 << 2 << TileKey(2, 0, 3);
    QTest::newRow("lon-180-wraps-west") << 180.0 << 0.0 << 2 << TileKey(2, 0, 2);
    QTest::newRow("zoom-out-of-range") << 0.0 << 0.0 << 31 << TileKey();
}

void TestTileKey::containing()
{
    QFETCH(double, lonDeg);
    QFETCH(double, latDeg);
    QFETCH(int, zoom);
    QFETCH(TileKey, expected);
    QCOMPARE(TileKey::containing({lonDeg, latDeg}, zoom), expected);
}

void TestTileKey::boundsMeters_data()
{
    QTest::addColumn<TileKey>("key");
    QTest::addColumn<QRectF>("expected");

    const double h = HalfWorldMeters;
    QTest::newRow("world") << TileKey(0, 0, 0) << QRectF(QPointF(-h, -h), QPointF(h, h));
    QTest::newRow("z1-north-west") << TileKey(1, 0, 0) << QRectF(QPointF(-h, 0), QPointF(0, h));
    QTest::newRow("z1-south-east") << TileKey(1, 1, 1) << QRectF(QPointF(0, -h), QPointF(h, 0));
    QTest::newRow("z2-1-2") << TileKey(2, 1, 2) << QRectF(QPointF(-h / 2, -h / 2), QPointF(0, 0));
    QTest::newRow("invalid") << TileKey() << QRectF();
}

void TestTileKey::boundsMeters()
{
    QFETCH(TileKey, key);
    QFETCH(QRectF, expected);
    QCOMPARE(key.boundsMeters(), expected);
}

void TestTileKey::boundsLonLatOfTheWorldTile()
{
    const GeoBounds world = TileKey(0, 0, 0).boundsLonLat();
    QVERIFY(std::abs(world.westDeg() + 180.0) < 1e-12);
    QVERIFY(std::abs(world.eastDeg() - 180.0) < 1e-12);
    QVERIFY(std::abs(world.northDeg() - MaxLatitudeDeg) < 1e-9);
    QVERIFY(std::abs(world.southDeg() + MaxLatitudeDeg) < 1e-9);

    // 15/17059/11948 contains the Monaco harbour.
    QVERIFY(TileKey(15, 17059, 11948).boundsLonLat().contains({7.4246, 43.7384}));
    QVERIFY(!TileKey(15, 17058, 11948).boundsLonLat().contains({7.4246, 43.7384}));
}

void TestTileKey::orderingAndHashing()
{
    QVERIFY(TileKey(1, 1, 1) < TileKey(2, 0, 0)); // zoom first
    QVERIFY(TileKey(2, 0, 3) < TileKey(2, 1, 0)); // then x
    QVERIFY(TileKey(2, 1, 0) < TileKey(2, 1, 1)); // then y
    QCOMPARE(TileKey(5, 3, 4), TileKey(5, 3, 4));

    QSet<TileKey> keys;
    for (int x = 0; x < 8; ++x) {
        for (int y = 0; y < 8; ++y) {
            keys.insert(TileKey(3, x, y));
        }
    }
    keys.insert(TileKey(3, 2, 2)); // already present
    QCOMPARE(keys.size(), 64);
    QVERIFY(keys.contains(TileKey(3, 7, 0)));
    QVERIFY(!keys.contains(TileKey(4, 7, 0)));
    QVERIFY(qHash(TileKey(3, 1, 2)) != qHash(TileKey(3, 2, 1)));
    QCOMPARE(TileKey(15, 17058, 11949).toString(), QStringLiteral("15/17058/11949"));
}

QTEST_APPLESS_MAIN(TestTileKey)
#include "tst_tilekey.moc"
