// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/lonlat.h"
#include "gis/core/mercator.h"
#include "gis/core/scale.h"

#include <QTest>

#include <cmath>

using namespace infrasight::gis;

class TestMercator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardGivesKnownMeters_data();
    void forwardGivesKnownMeters();
    void inverseRoundTripsWithinNanodegrees_data();
    void inverseRoundTripsWithinNanodegrees();
    void metersPerPixelAtZoom_data();
    void metersPerPixelAtZoom();
    void zoomForMetersPerPixelInvertsMetersPerPixel();
    void worldPixelsAtFractionalZoom_data();
    void worldPixelsAtFractionalZoom();
    void scaleDenominatorForZoom_data();
    void scaleDenominatorForZoom();
    void lonLatValidity_data();
    void lonLatValidity();
    void lonLatNormalizedWrapsLongitude_data();
    void lonLatNormalizedWrapsLongitude();
};

void TestMercator::forwardGivesKnownMeters_data()
{
    QTest::addColumn<double>("lonDeg");
    QTest::addColumn<double>("latDeg");
    QTest::addColumn<double>("expectedX");
    QTest::addColumn<double>("expectedY");

    QTest::newRow("origin") << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("antimeridian-east") << 180.0 << 0.0 << 20037508.342789244 << 0.0;
    QTest::newRow("antimeridian-west") << -180.0 << 0.0 << -20037508.342789244 << 0.0;
    // cs2cs EPSG:4326 EPSG:3857 <<< "43.7384 7.4246"
    QTest::newRow("monaco") << 7.4246 << 43.7384 << 826502.691343739 << 5425047.827208895;
    // cs2cs EPSG:4326 EPSG:3857 <<< "60.1699 24.9414"
    QTest::newRow("helsinki") << 24.9414 << 60.1699 << 2776463.947671354 << 8437661.782002585;
    QTest::newRow("max-mercator-latitude") << 0.0 << MaxLatitudeDeg << 0.0 << 20037508.342789244;
    QTest::newRow("north-pole-clamped") << 0.0 << 90.0 << 0.0 << 20037508.342789244;
    QTest::newRow("beyond-max-latitude-clamped")
        << 10.0 << 85.06 << 1113194.9079327357 << 20037508.342789244;
    QTest::newRow("south-pole-clamped") << 0.0 << -90.0 << 0.0 << -20037508.342789244;
}

void TestMercator::forwardGivesKnownMeters()
{
    QFETCH(double, lonDeg);
    QFETCH(double, latDeg);
    QFETCH(double, expectedX);
    QFETCH(double, expectedY);

    const QPointF meters = lonLatToMercatorMeters({lonDeg, latDeg});
    QVERIFY2(std::abs(meters.x() - expectedX) < 1e-6,
             qPrintable(QString::number(meters.x(), 'f', 9)));
    QVERIFY2(std::abs(meters.y() - expectedY) < 1e-6,
             qPrintable(QString::number(meters.y(), 'f', 9)));
}

void TestMercator::inverseRoundTripsWithinNanodegrees_data()
{
    QTest::addColumn<double>("lonDeg");
    QTest::addColumn<double>("latDeg");

    QTest::newRow("origin") << 0.0 << 0.0;
    QTest::newRow("monaco") << 7.4246 << 43.7384;
    QTest::newRow("helsinki") << 24.9414 << 60.1699;
    QTest::newRow("southern-hemisphere") << -58.3816 << -34.6037;
    QTest::newRow("just-below-max-latitude") << 179.999 << 85.05;
    QTest::newRow("antimeridian-west") << -180.0 << -85.0;
}

void TestMercator::inverseRoundTripsWithinNanodegrees()
{
    QFETCH(double, lonDeg);
    QFETCH(double, latDeg);

    const LonLat back = mercatorMetersToLonLat(lonLatToMercatorMeters({lonDeg, latDeg}));
    QVERIFY2(std::abs(back.lonDeg - lonDeg) < 1e-9,
             qPrintable(QString::number(back.lonDeg, 'g', 17)));
    QVERIFY2(std::abs(back.latDeg - latDeg) < 1e-9,
             qPrintable(QString::number(back.latDeg, 'g', 17)));
}

void TestMercator::metersPerPixelAtZoom_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<int>("tileSizePx");
    QTest::addColumn<double>("expected");

    QTest::newRow("z0-256px") << 0.0 << 256 << 156543.03392804097;
    QTest::newRow("z1-256px") << 1.0 << 256 << 78271.51696402048;
    QTest::newRow("z0-512px") << 0.0 << 512 << 78271.51696402048;
    QTest::newRow("z18-256px") << 18.0 << 256 << 0.5971642834779395;
    QTest::newRow("fractional-z0.5") << 0.5 << 256 << 156543.03392804097 / std::sqrt(2.0);
}

void TestMercator::metersPerPixelAtZoom()
{
    QFETCH(double, zoom);
    QFETCH(int, tileSizePx);
    QFETCH(double, expected);

    QVERIFY(std::abs(metersPerPixel(zoom, tileSizePx) - expected) < 1e-9);
}

void TestMercator::zoomForMetersPerPixelInvertsMetersPerPixel()
{
    for (const double zoom : {0.0, 3.25, 12.0, 19.9}) {
        QVERIFY(std::abs(zoomForMetersPerPixel(metersPerPixel(zoom)) - zoom) < 1e-12);
        QVERIFY(std::abs(zoomForMetersPerPixel(metersPerPixel(zoom, 512), 512) - zoom) < 1e-12);
    }
    // Ground resolution shrinks with cos(latitude): at 60 degrees it is half.
    QVERIFY(std::abs(groundMetersPerPixel(0.0, 60.0) - 156543.03392804097 / 2.0) < 1e-6);
}

void TestMercator::worldPixelsAtFractionalZoom_data()
{
    QTest::addColumn<double>("lonDeg");
    QTest::addColumn<double>("latDeg");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<QPointF>("expectedPixel");

    QTest::newRow("origin-z0") << 0.0 << 0.0 << 0.0 << QPointF(128, 128);
    QTest::newRow("north-west-corner") << -180.0 << MaxLatitudeDeg << 3.0 << QPointF(0, 0);
    QTest::newRow("south-east-corner") << 180.0 << -MaxLatitudeDeg << 2.0 << QPointF(1024, 1024);
    QTest::newRow("origin-z1.5") << 0.0 << 0.0 << 1.5
                                 << QPointF(256 * std::sqrt(2.0), 256 * std::sqrt(2.0));
    // Tile 15/17058/11949 holds Monaco: pixel / 256 = (17058.38..., 11949.85...).
    QTest::newRow("monaco-z15") << 7.4090 << 43.7247 << 15.0
                                << QPointF(17058.383644444442 * 256, 11949.845696300057 * 256);
}

void TestMercator::worldPixelsAtFractionalZoom()
{
    QFETCH(double, lonDeg);
    QFETCH(double, latDeg);
    QFETCH(double, zoom);
    QFETCH(QPointF, expectedPixel);

    const QPointF pixel = lonLatToWorldPixel({lonDeg, latDeg}, zoom);
    QVERIFY2(std::abs(pixel.x() - expectedPixel.x()) < 1e-6,
             qPrintable(QString::number(pixel.x(), 'f', 9)));
    QVERIFY2(std::abs(pixel.y() - expectedPixel.y()) < 1e-6,
             qPrintable(QString::number(pixel.y(), 'f', 9)));

    const LonLat back = worldPixelToLonLat(pixel, zoom);
    QVERIFY(std::abs(back.lonDeg - lonDeg) < 1e-9);
    QVERIFY(std::abs(back.latDeg - latDeg) < 1e-9);
}

void TestMercator::scaleDenominatorForZoom_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<double>("expected");

    // OGC WMTS "GoogleMapsCompatible" well-known scale set, level 0 and level 18.
    QTest::newRow("wmts-level0") << 0.0 << OgcStandardDpi << 559082264.0287178;
    QTest::newRow("wmts-level18") << 18.0 << OgcStandardDpi << 2132.729583849784;
    QTest::newRow("screen-96dpi-z0") << 0.0 << ScreenDpi << 591658710.9091312;
}

void TestMercator::scaleDenominatorForZoom()
{
    QFETCH(double, zoom);
    QFETCH(double, dpi);
    QFETCH(double, expected);

    const double scale = infrasight::gis::scaleDenominatorForZoom(zoom, dpi);
    QVERIFY2(std::abs(scale - expected) / expected < 1e-12,
             qPrintable(QString::number(scale, 'f', 6)));
    QVERIFY(std::abs(zoomForScaleDenominator(scale, dpi) - zoom) < 1e-9);
    QVERIFY(std::abs(scaleDenominatorAtLatitude(zoom, 60.0, dpi) - expected / 2.0) / expected
            < 1e-12);
}

void TestMercator::lonLatValidity_data()
{
    QTest::addColumn<double>("lonDeg");
    QTest::addColumn<double>("latDeg");
    QTest::addColumn<bool>("valid");

    QTest::newRow("origin") << 0.0 << 0.0 << true;
    QTest::newRow("corner-max") << 180.0 << 90.0 << true;
    QTest::newRow("corner-min") << -180.0 << -90.0 << true;
    QTest::newRow("lon-just-beyond-180") << 180.000001 << 0.0 << false;
    QTest::newRow("lat-just-beyond-90") << 0.0 << -90.000001 << false;
    QTest::newRow("nan") << std::nan("") << 0.0 << false;
    QTest::newRow("infinite") << 0.0 << HUGE_VAL << false;
}

void TestMercator::lonLatValidity()
{
    QFETCH(double, lonDeg);
    QFETCH(double, latDeg);
    QFETCH(bool, valid);

    QCOMPARE((LonLat{lonDeg, latDeg}.isValid()), valid);
}

void TestMercator::lonLatNormalizedWrapsLongitude_data()
{
    QTest::addColumn<double>("lonDeg");
    QTest::addColumn<double>("expectedLonDeg");

    QTest::newRow("inside") << 24.5 << 24.5;
    QTest::newRow("east-of-antimeridian") << 190.0 << -170.0;
    QTest::newRow("west-of-antimeridian") << -190.0 << 170.0;
    QTest::newRow("plus-180-becomes-minus-180") << 180.0 << -180.0;
    QTest::newRow("two-turns") << 725.0 << 5.0;
}

void TestMercator::lonLatNormalizedWrapsLongitude()
{
    QFETCH(double, lonDeg);
    QFETCH(double, expectedLonDeg);

    const LonLat normalized = LonLat{lonDeg, 95.0}.normalized();
    QVERIFY(std::abs(normalized.lonDeg - expectedLonDeg) < 1e-12);
    QCOMPARE(normalized.latDeg, 90.0);
}

QTEST_APPLESS_MAIN(TestMercator)
#include "tst_mercator.moc"
