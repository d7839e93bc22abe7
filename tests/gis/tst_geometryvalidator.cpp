// SPDX-License-Identifier: GPL-3.0-or-later
// Fence validation and repair with GEOS, and the shapes the drawing tools make.
#include "gis/proj/fenceshapes.h"
#include "gis/proj/geometryvalidator.h"

#include <QTest>

#include <cmath>

using namespace infrasight::gis;
using namespace Qt::StringLiterals;

namespace {

MultiPolygon multi(std::vector<std::vector<std::vector<QPointF>>> polygons)
{
    MultiPolygon out;
    for (auto &rings : polygons) {
        out.polygons.push_back(Polygon{std::move(rings)});
    }
    return out;
}

double ringArea(const std::vector<QPointF> &ring)
{
    double twice = 0;
    for (size_t i = 0; i + 1 < ring.size(); ++i) {
        twice += ring[i].x() * ring[i + 1].y() - ring[i + 1].x() * ring[i].y();
    }
    return twice / 2;
}

} // namespace

Q_DECLARE_METATYPE(MultiPolygon)

class TestGeometryValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void repairsTheBowtieIntoTwoTriangles();
    void circleIsGeodesic();
    void rectangleFromAnyTwoCorners();
    void corridorHasItsWidth();
};

void TestGeometryValidator::check_data()
{
    QTest::addColumn<MultiPolygon>("shape");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QPointF>("where"); // (NaN, NaN): not checked

    const QPointF any(qQNaN(), qQNaN());
    QTest::newRow("square") << multi({{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}}) << true
                            << QString() << any;
    QTest::newRow("square with a hole") << multi(
        {{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}}}})
                                        << true << QString() << any;
    QTest::newRow("bowtie") << multi({{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}}}) << false
                            << u"Self-intersection"_s << QPointF(5, 5);
    QTest::newRow("hole outside its shell")
        << multi({{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
                   {{20, 20}, {22, 20}, {22, 22}, {20, 22}, {20, 20}}}})
        << false << u"Hole lies outside shell"_s << QPointF(20, 20);
    QTest::newRow("overlapping parts") << multi({{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}},
                                                 {{{5, 5}, {15, 5}, {15, 15}, {5, 15}, {5, 5}}}})
                                       << false << u"Self-intersection"_s << any;
    QTest::newRow("two points") << multi({{{{0, 0}, {10, 0}, {0, 0}, {0, 0}}}}) << false
                                << u"Too few points"_s << QPointF(0, 0);
    QTest::newRow("not closed") << multi({{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}}) << false
                                << u"Ring not closed"_s << QPointF(0, 0);
    QTest::newRow("nothing") << MultiPolygon{} << false << u"No area"_s << any;
}

void TestGeometryValidator::check()
{
    QFETCH(MultiPolygon, shape);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QPointF, where);
    const GeometryValidator geos;
    const ValidityReport report = geos.check(shape);
    QCOMPARE(report.valid, valid);
    QCOMPARE(report.reason, reason);
    if (!std::isnan(where.x())) {
        QVERIFY(report.location.has_value());
        QCOMPARE(*report.location, where);
    }
}

void TestGeometryValidator::repairsTheBowtieIntoTwoTriangles()
{
    const GeometryValidator geos;
    const MultiPolygon bowtie = multi({{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}}});
    auto repaired = geos.repair(bowtie);
    QVERIFY2(repaired, qPrintable(repaired ? QString() : repaired.error().toString()));
    QCOMPARE(repaired->polygons.size(), size_t(2));
    double area = 0;
    for (const Polygon &p : repaired->polygons) {
        area += std::abs(ringArea(p.rings.front()));
    }
    QCOMPARE(area, 50.0);
    QVERIFY(geos.check(*repaired).valid);
}

void TestGeometryValidator::circleIsGeodesic()
{
    const LonLat centre{7.4246, 43.7384}; // Monaco
    const Polygon circle = fenceshapes::circle(centre, 250.0, 72);
    QCOMPARE(circle.rings.size(), size_t(1));
    QCOMPARE(circle.rings.front().size(), size_t(73));
    QCOMPARE(circle.rings.front().front(), circle.rings.front().back());
    for (const QPointF &p : circle.rings.front()) {
        QVERIFY(std::abs(fenceshapes::distanceM(centre, {p.x(), p.y()}) - 250.0) < 1e-6);
    }
    QVERIFY(ringArea(circle.rings.front()) > 0); // counter-clockwise
    QVERIFY(GeometryValidator().check(MultiPolygon{{circle}}).valid);
}

void TestGeometryValidator::rectangleFromAnyTwoCorners()
{
    const Polygon a = fenceshapes::rectangle({7.43, 43.74}, {7.42, 43.73});
    const Polygon b = fenceshapes::rectangle({7.42, 43.73}, {7.43, 43.74});
    QCOMPARE(a, b);
    QCOMPARE(a.rings.front().front(), QPointF(7.42, 43.73));
    QVERIFY(ringArea(a.rings.front()) > 0);
}

void TestGeometryValidator::corridorHasItsWidth()
{
    const GeometryValidator geos;
    // 1 km east along a parallel in Helsinki, 20 m either side.
    const LonLat west{24.93, 60.17};
    const double lonPerKm = 1000.0 / (111412.84 * std::cos(60.17 * M_PI / 180.0));
    const LonLat east{24.93 + lonPerKm, 60.17};
    auto corridor = fenceshapes::corridor({west, east}, 20.0, geos);
    QVERIFY2(corridor, qPrintable(corridor ? QString() : corridor.error().toString()));
    QCOMPARE(corridor->polygons.size(), size_t(1));
    QVERIFY(geos.check(*corridor).valid);
    // The northernmost vertex lies 20 m north of the line (to a few centimetres).
    double north = -90;
    for (const QPointF &p : corridor->polygons.front().rings.front()) {
        north = std::max(north, p.y());
    }
    const double metres
        = fenceshapes::distanceM({24.93 + lonPerKm / 2, 60.17}, {24.93 + lonPerKm / 2, north});
    QVERIFY2(std::abs(metres - 20.0) < 0.1, qPrintable(QString::number(metres)));
    QVERIFY(!fenceshapes::corridor({west}, 20.0, geos));
    QVERIFY(!fenceshapes::corridor({west, east}, 0.0, geos));
}

QTEST_GUILESS_MAIN(TestGeometryValidator)
#include "tst_geometryvalidator.moc"
