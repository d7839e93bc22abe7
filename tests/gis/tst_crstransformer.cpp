// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/mercator.h"
#include "gis/proj/crs.h"
#include "gis/proj/crstransformer.h"

#include <QLoggingCategory>
#include <QTest>

#include <cmath>
#include <thread>
#include <vector>

using namespace infrasight::gis;
using infrasight::ErrorCode;

namespace {

// GEOGCS WKT1 of WGS 84, as older tools write it.
const char *const Wgs84Wkt1
    = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
      "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";

// echo "60.1699 24.9414" | cs2cs -f %.6f EPSG:4326 EPSG:3067
constexpr QPointF HelsinkiLonLat(24.9414, 60.1699);
constexpr QPointF HelsinkiTm35Fin(385777.736655, 6672113.187061);

CrsTransformer makeTransformer(const QString &from, const QString &to)
{
    const auto source = Crs::fromString(from);
    const auto target = Crs::fromString(to);
    if (!source || !target) {
        qFatal("test CRS not understood");
    }
    auto transformer = CrsTransformer::create(*source, *target);
    if (!transformer) {
        qFatal("%s", qPrintable(transformer.error().toString()));
    }
    return std::move(*transformer);
}

} // namespace

class TestCrsTransformer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void describesCrs_data();
    void describesCrs();
    void fromEpsgCode();
    void rejectsInvalidCrs_data();
    void rejectsInvalidCrs();
    void transformsHelsinkiToTm35Fin_data();
    void transformsHelsinkiToTm35Fin();
    void webMercatorMatchesClosedForm_data();
    void webMercatorMatchesClosedForm();
    void transformsSpansInPlace();
    void inverseDirectionRoundTrips();
    void failsOnUntransformablePoint();
    void missingGridIsAProjectionError();
    void worksAfterMovingToAnotherThread();
};

void TestCrsTransformer::initTestCase()
{
    // PROJ explains each refused definition at debug level; the tests check the Error values.
    QLoggingCategory::setFilterRules(QStringLiteral("infrasight.gis.debug=false"));
}

void TestCrsTransformer::describesCrs_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("authId");
    QTest::addColumn<bool>("geographic");

    QTest::newRow("epsg-3067") << QStringLiteral("EPSG:3067")
                               << QStringLiteral("ETRS89 / TM35FIN(E,N)")
                               << QStringLiteral("EPSG:3067") << false;
    QTest::newRow("epsg-4326-lower-case-padded")
        << QStringLiteral("  epsg:4326 ") << QStringLiteral("WGS 84") << QStringLiteral("EPSG:4326")
        << true;
    QTest::newRow("wkt1") << QString::fromLatin1(Wgs84Wkt1) << QStringLiteral("WGS 84") << QString()
                          << true;
    QTest::newRow("proj-string-without-type")
        << QStringLiteral("+proj=utm +zone=35 +ellps=GRS80 +units=m") << QStringLiteral("unknown")
        << QString() << false;
}

void TestCrsTransformer::describesCrs()
{
    QFETCH(QString, definition);
    QFETCH(QString, description);
    QFETCH(QString, authId);
    QFETCH(bool, geographic);

    const auto crs = Crs::fromString(definition);
    QVERIFY2(crs.has_value(), qPrintable(crs ? QString() : crs.error().toString()));
    QVERIFY(crs->isValid());
    QCOMPARE(crs->description(), description);
    QCOMPARE(crs->authId(), authId);
    QCOMPARE(crs->isGeographic(), geographic);
}

void TestCrsTransformer::fromEpsgCode()
{
    const auto crs = Crs::fromEpsg(3067);
    QVERIFY(crs.has_value());
    QCOMPARE(crs->authId(), QStringLiteral("EPSG:3067"));
    QVERIFY(*crs == *Crs::fromString(QStringLiteral("EPSG:3067")));
    QVERIFY(!(*crs == Crs::wgs84()));
    QCOMPARE(*Crs::fromEpsg(4326), Crs::wgs84());
    QCOMPARE(Crs::fromEpsg(3857)->description(), Crs::webMercator().description());
    QCOMPARE(Crs::fromEpsg(0).error().code, ErrorCode::InvalidArgument);
}

void TestCrsTransformer::rejectsInvalidCrs_data()
{
    QTest::addColumn<QString>("definition");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("unknown-epsg-code") << QStringLiteral("EPSG:999999");
    QTest::newRow("gibberish") << QStringLiteral("not a crs at all");
    QTest::newRow("unknown-projection") << QStringLiteral("+proj=nosuchprojection +ellps=GRS80");
    QTest::newRow("truncated-wkt") << QStringLiteral("GEOGCS[\"WGS 84\",DATUM[");
    QTest::newRow("operation-not-crs")
        << QStringLiteral("urn:ogc:def:coordinateOperation:EPSG::16035"); // UTM 35N
}

void TestCrsTransformer::rejectsInvalidCrs()
{
    QFETCH(QString, definition);

    const auto crs = Crs::fromString(definition);
    QVERIFY(!crs.has_value());
    QCOMPARE(crs.error().code, ErrorCode::InvalidArgument);
    QVERIFY(crs.error().message.contains(definition.trimmed()));

    // An invalid CRS cannot be used to build a transformer either.
    const auto transformer = CrsTransformer::create(Crs(), Crs::wgs84());
    QVERIFY(!transformer.has_value());
    QCOMPARE(transformer.error().code, ErrorCode::InvalidArgument);
}

void TestCrsTransformer::transformsHelsinkiToTm35Fin_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("target");

    QTest::newRow("epsg-codes") << QStringLiteral("EPSG:4326") << QStringLiteral("EPSG:3067");
    QTest::newRow("wkt1-source") << QString::fromLatin1(Wgs84Wkt1) << QStringLiteral("EPSG:3067");
    QTest::newRow("proj-string-target")
        << QStringLiteral("EPSG:4326")
        << QStringLiteral("+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0 +units=m");
}

void TestCrsTransformer::transformsHelsinkiToTm35Fin()
{
    QFETCH(QString, source);
    QFETCH(QString, target);

    const CrsTransformer transformer = makeTransformer(source, target);
    // Lon first, although EPSG:4326 officially has latitude first.
    const auto projected = transformer.transform(HelsinkiLonLat);
    QVERIFY2(projected.has_value(),
             qPrintable(projected ? QString() : projected.error().toString()));
    QVERIFY2(std::abs(projected->x() - HelsinkiTm35Fin.x()) < 1e-3,
             qPrintable(QString::number(projected->x(), 'f', 6)));
    QVERIFY2(std::abs(projected->y() - HelsinkiTm35Fin.y()) < 1e-3,
             qPrintable(QString::number(projected->y(), 'f', 6)));
}

void TestCrsTransformer::webMercatorMatchesClosedForm_data()
{
    QTest::addColumn<QPointF>("lonLat");

    QTest::newRow("origin") << QPointF(0, 0);
    QTest::newRow("monaco") << QPointF(7.4246, 43.7384);
    QTest::newRow("helsinki") << HelsinkiLonLat;
    QTest::newRow("buenos-aires") << QPointF(-58.3816, -34.6037);
    QTest::newRow("near-antimeridian") << QPointF(179.9, -16.5);
    QTest::newRow("high-latitude") << QPointF(-40.0, 80.0);
}

void TestCrsTransformer::webMercatorMatchesClosedForm()
{
    QFETCH(QPointF, lonLat);

    const auto transformer = CrsTransformer::create(Crs::wgs84(), Crs::webMercator());
    QVERIFY(transformer.has_value());
    const auto projected = transformer->transform(lonLat);
    QVERIFY(projected.has_value());
    const QPointF closedForm = lonLatToMercatorMeters({lonLat.x(), lonLat.y()});
    QVERIFY2(std::abs(projected->x() - closedForm.x()) < 1e-6,
             qPrintable(QString::number(projected->x() - closedForm.x())));
    QVERIFY2(std::abs(projected->y() - closedForm.y()) < 1e-6,
             qPrintable(QString::number(projected->y() - closedForm.y())));
}

void TestCrsTransformer::transformsSpansInPlace()
{
    const CrsTransformer transformer
        = makeTransformer(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:3857"));
    std::vector<QPointF> points;
    for (int i = 0; i < 1000; ++i) {
        points.emplace_back(-179.0 + i * 0.358, -80.0 + i * 0.16);
    }
    std::vector<QPointF> expected;
    for (const QPointF &p : points) {
        expected.push_back(lonLatToMercatorMeters({p.x(), p.y()}));
    }
    QVERIFY(transformer.transform(std::span<QPointF>(points)).has_value());
    for (size_t i = 0; i < points.size(); ++i) {
        QVERIFY(std::abs(points[i].x() - expected[i].x()) < 1e-6);
        QVERIFY(std::abs(points[i].y() - expected[i].y()) < 1e-6);
    }
    QVERIFY(transformer.transform(std::span<QPointF>()).has_value());
}

void TestCrsTransformer::inverseDirectionRoundTrips()
{
    const CrsTransformer transformer
        = makeTransformer(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:3067"));
    const auto lonLat = transformer.transform(HelsinkiTm35Fin, CrsTransformer::Direction::Inverse);
    QVERIFY(lonLat.has_value());
    QVERIFY(std::abs(lonLat->x() - HelsinkiLonLat.x()) < 1e-8);
    QVERIFY(std::abs(lonLat->y() - HelsinkiLonLat.y()) < 1e-8);
    QCOMPARE(transformer.source().authId(), QStringLiteral("EPSG:4326"));
    QCOMPARE(transformer.target().authId(), QStringLiteral("EPSG:3067"));
}

void TestCrsTransformer::failsOnUntransformablePoint()
{
    const CrsTransformer transformer
        = makeTransformer(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:3067"));
    std::vector<QPointF> points{HelsinkiLonLat, QPointF(std::nan(""), 60.0), HelsinkiLonLat};
    const auto result = transformer.transform(std::span<QPointF>(points));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Projection);
    QVERIFY2(result.error().message.contains(QStringLiteral("point 1 of 3")),
             qPrintable(result.error().message));
}

void TestCrsTransformer::missingGridIsAProjectionError()
{
    // A datum shift through a grid file that is not installed: PROJ must not be allowed to
    // crash or to return coordinates silently.
    const auto source = Crs::fromString(
        QStringLiteral("+proj=longlat +ellps=clrk66 +nadgrids=infrasight_missing_grid.gsb"));
    QVERIFY2(source.has_value(), qPrintable(source ? QString() : source.error().toString()));
    const auto transformer = CrsTransformer::create(*source, Crs::wgs84());
    if (!transformer) {
        QCOMPARE(transformer.error().code, ErrorCode::Projection);
        return;
    }
    const auto result = transformer->transform(QPointF(24.0, 60.0));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Projection);
    QVERIFY2(result.error().detail.contains(QStringLiteral("grid")),
             qPrintable(result.error().toString()));
}

void TestCrsTransformer::worksAfterMovingToAnotherThread()
{
    CrsTransformer transformer
        = makeTransformer(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:3067"));
    QPointF projected;
    bool ok = false;
    std::thread worker([&] {
        // Used, then destroyed, on a thread with its own PROJ context.
        const CrsTransformer moved = std::move(transformer);
        const auto result = moved.transform(HelsinkiLonLat);
        ok = result.has_value();
        projected = result.value_or(QPointF());
    });
    worker.join();
    QVERIFY(ok);
    QVERIFY(std::abs(projected.x() - HelsinkiTm35Fin.x()) < 1e-3);
    QVERIFY(std::abs(projected.y() - HelsinkiTm35Fin.y()) < 1e-3);
}

QTEST_APPLESS_MAIN(TestCrsTransformer)
#include "tst_crstransformer.moc"
