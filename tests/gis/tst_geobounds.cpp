// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/geobounds.h"

#include <QTest>

using infrasight::gis::GeoBounds;
using infrasight::gis::LonLat;

namespace infrasight::gis {
char *toString(const LonLat &position)
{
    return QTest::toString(QStringLiteral("(%1, %2)").arg(position.lonDeg).arg(position.latDeg));
}
} // namespace infrasight::gis

class TestGeoBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clamped_data();
    void clamped();
};

void TestGeoBounds::clamped_data()
{
    QTest::addColumn<GeoBounds>("bounds");
    QTest::addColumn<LonLat>("position");
    QTest::addColumn<LonLat>("expected");

    const GeoBounds monaco(7.349, 43.71, 7.491, 43.77);
    QTest::newRow("inside-unchanged") << monaco << LonLat{7.42, 43.74} << LonLat{7.42, 43.74};
    QTest::newRow("on-the-edge-unchanged")
        << monaco << LonLat{7.349, 43.77} << LonLat{7.349, 43.77};
    QTest::newRow("west-of-it") << monaco << LonLat{7.3, 43.74} << LonLat{7.349, 43.74};
    QTest::newRow("north-east-of-it") << monaco << LonLat{7.5, 43.8} << LonLat{7.491, 43.77};
    QTest::newRow("south-of-it") << monaco << LonLat{7.4, 43.0} << LonLat{7.4, 43.71};

    const GeoBounds fiji(170.0, -20.0, -170.0, -10.0);
    QTest::newRow("crossing-inside-east-part")
        << fiji << LonLat{175.0, -15.0} << LonLat{175.0, -15.0};
    QTest::newRow("crossing-inside-west-part")
        << fiji << LonLat{-175.0, -15.0} << LonLat{-175.0, -15.0};
    QTest::newRow("crossing-nearer-west-edge")
        << fiji << LonLat{160.0, -15.0} << LonLat{170.0, -15.0};
    QTest::newRow("crossing-nearer-east-edge")
        << fiji << LonLat{-160.0, -5.0} << LonLat{-170.0, -10.0};
    QTest::newRow("crossing-tie-goes-west") << fiji << LonLat{0.0, -15.0} << LonLat{170.0, -15.0};

    QTest::newRow("invalid-box-unchanged")
        << GeoBounds() << LonLat{200.0, 95.0} << LonLat{200.0, 95.0};
}

void TestGeoBounds::clamped()
{
    QFETCH(GeoBounds, bounds);
    QFETCH(LonLat, position);
    QFETCH(LonLat, expected);
    QCOMPARE(bounds.clamped(position), expected);
}

QTEST_GUILESS_MAIN(TestGeoBounds)
#include "tst_geobounds.moc"
