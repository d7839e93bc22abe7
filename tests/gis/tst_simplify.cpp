// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/simplify.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <numbers>

using namespace infrasight::gis;

using Points = std::vector<QPointF>;

Q_DECLARE_METATYPE(infrasight::gis::Geometry)

class TestSimplify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void douglasPeucker_data();
    void douglasPeucker();
    void keepsEveryPointFartherThanTolerance();
    void handlesLongLinesWithoutRecursion();
    void simplifiesWholeGeometries_data();
    void simplifiesWholeGeometries();
};

void TestSimplify::douglasPeucker_data()
{
    QTest::addColumn<Points>("input");
    QTest::addColumn<double>("toleranceMeters");
    QTest::addColumn<Points>("expected");

    QTest::newRow("empty") << Points{} << 1.0 << Points{};
    QTest::newRow("single-point") << Points{{1, 1}} << 1.0 << Points{{1, 1}};
    QTest::newRow("two-points-kept") << Points{{0, 0}, {5, 5}} << 100.0 << Points{{0, 0}, {5, 5}};
    QTest::newRow("collinear-middle-dropped")
        << Points{{0, 0}, {1, 0}, {2, 0}, {3, 0}} << 0.1 << Points{{0, 0}, {3, 0}};
    QTest::newRow("small-wiggle-dropped")
        << Points{{0, 0}, {5, 0.4}, {10, 0}} << 0.5 << Points{{0, 0}, {10, 0}};
    QTest::newRow("wiggle-at-tolerance-dropped")
        << Points{{0, 0}, {5, 0.5}, {10, 0}} << 0.5 << Points{{0, 0}, {10, 0}};
    QTest::newRow("wiggle-above-tolerance-kept")
        << Points{{0, 0}, {5, 0.6}, {10, 0}} << 0.5 << Points{{0, 0}, {5, 0.6}, {10, 0}};
    // Classic example: a zig-zag where only the big peak survives.
    QTest::newRow("zigzag-keeps-peak") << Points{{0, 0},
                                                 {1, 0.1},
                                                 {2, -0.1},
                                                 {3, 5},
                                                 {4, 6},
                                                 {5, 7},
                                                 {6, 8.1},
                                                 {7, 9},
                                                 {8, 9},
                                                 {9, 9}}
                                       << 1.0 << Points{{0, 0}, {2, -0.1}, {3, 5}, {7, 9}, {9, 9}};
    QTest::newRow("zero-tolerance-unchanged")
        << Points{{0, 0}, {1, 0}, {2, 0}} << 0.0 << Points{{0, 0}, {1, 0}, {2, 0}};
    QTest::newRow("nan-tolerance-unchanged")
        << Points{{0, 0}, {1, 0}, {2, 0}} << std::nan("") << Points{{0, 0}, {1, 0}, {2, 0}};
    QTest::newRow("closed-ring-stays-closed")
        << Points{{0, 0}, {10, 0}, {10, 10}, {5, 10.1}, {0, 10}, {0, 0}} << 0.5
        << Points{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    QTest::newRow("point-beyond-segment-end-kept")
        << Points{{0, 0}, {12, 0}, {10, 0}} << 1.0 << Points{{0, 0}, {12, 0}, {10, 0}};
}

void TestSimplify::douglasPeucker()
{
    QFETCH(Points, input);
    QFETCH(double, toleranceMeters);
    QFETCH(Points, expected);

    QCOMPARE(simplifyDouglasPeucker(input, toleranceMeters), expected);
}

void TestSimplify::keepsEveryPointFartherThanTolerance()
{
    // A sine wave of 2,000 points with amplitude 100 m: simplified at 1 m, every original point
    // must stay within 1 m of the simplified line, and far fewer points must remain.
    Points wave;
    for (int i = 0; i < 2000; ++i) {
        wave.emplace_back(i * 5.0, 100.0 * std::sin(i * 2.0 * std::numbers::pi / 400.0));
    }
    const double tolerance = 1.0;
    const Points simplified = simplifyDouglasPeucker(wave, tolerance);
    QVERIFY(simplified.size() < wave.size() / 5);
    QCOMPARE(simplified.front(), wave.front());
    QCOMPARE(simplified.back(), wave.back());

    for (const QPointF &p : wave) {
        double best = std::numeric_limits<double>::infinity();
        for (size_t i = 0; i + 1 < simplified.size(); ++i) {
            const QPointF a = simplified[i];
            const QPointF b = simplified[i + 1];
            const QPointF ab = b - a;
            const double t = std::clamp(
                QPointF::dotProduct(p - a, ab) / QPointF::dotProduct(ab, ab), 0.0, 1.0);
            const QPointF d = a + t * ab - p;
            best = std::min(best, std::hypot(d.x(), d.y()));
        }
        QVERIFY2(best <= tolerance + 1e-9, qPrintable(QString::number(best)));
    }
}

void TestSimplify::handlesLongLinesWithoutRecursion()
{
    // A spiral keeps nearly every point: the worst case for a recursive implementation.
    Points spiral;
    for (int i = 0; i < 20000; ++i) {
        const double angle = i * 0.01;
        spiral.emplace_back(angle * 10.0 * std::cos(angle), angle * 10.0 * std::sin(angle));
    }
    const Points simplified = simplifyDouglasPeucker(spiral, 0.001);
    QVERIFY(simplified.size() > 1000);
    QVERIFY(simplified.size() <= spiral.size());
}

void TestSimplify::simplifiesWholeGeometries_data()
{
    QTest::addColumn<Geometry>("input");
    QTest::addColumn<Geometry>("expected");

    const Points square{{0, 0}, {10, 0}, {10, 5}, {10.1, 10}, {0, 10}, {0, 0}};
    const Points squareSimplified{{0, 0}, {10, 0}, {10.1, 10}, {0, 10}, {0, 0}};
    const Points tinyHole{{4, 4}, {4.2, 4}, {4.2, 4.2}, {4, 4}};
    const Points tinyRing{{50, 50}, {50.3, 50}, {50.3, 50.3}, {50, 50}};

    QTest::newRow("point-unchanged") << Geometry(Point{{1, 2}}) << Geometry(Point{{1, 2}});
    QTest::newRow("multipoint-unchanged")
        << Geometry(MultiPoint{{{1, 2}, {1.1, 2}}}) << Geometry(MultiPoint{{{1, 2}, {1.1, 2}}});
    QTest::newRow("linestring") << Geometry(LineString{{{0, 0}, {5, 0.1}, {10, 0}}})
                                << Geometry(LineString{{{0, 0}, {10, 0}}});
    QTest::newRow("polygon-drops-collapsed-hole")
        << Geometry(Polygon{{square, tinyHole}}) << Geometry(Polygon{{squareSimplified}});
    QTest::newRow("polygon-collapsed-exterior-is-empty")
        << Geometry(Polygon{{tinyRing}}) << Geometry(Polygon{});
    QTest::newRow("multipolygon-drops-tiny-part")
        << Geometry(MultiPolygon{{Polygon{{square}}, Polygon{{tinyRing}}}})
        << Geometry(MultiPolygon{{Polygon{{squareSimplified}}}});
    QTest::newRow("multilinestring")
        << Geometry(MultiLineString{{LineString{{{0, 0}, {1, 0.1}, {2, 0}}}}})
        << Geometry(MultiLineString{{LineString{{{0, 0}, {2, 0}}}}});
    QTest::newRow("collection-recurses")
        << Geometry(GeometryCollection{
               {Geometry(LineString{{{0, 0}, {1, 0.1}, {2, 0}}}), Geometry(Point{{3, 3}})}})
        << Geometry(GeometryCollection{
               {Geometry(LineString{{{0, 0}, {2, 0}}}), Geometry(Point{{3, 3}})}});
}

void TestSimplify::simplifiesWholeGeometries()
{
    QFETCH(Geometry, input);
    QFETCH(Geometry, expected);

    QVERIFY(simplifyGeometry(input, 0.5) == expected);
}

QTEST_APPLESS_MAIN(TestSimplify)
#include "tst_simplify.moc"
