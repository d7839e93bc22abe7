// SPDX-License-Identifier: GPL-3.0-or-later
// Numeric entry of a fence's vertices: what a planner types, what is refused and on which line.
#include "gis/core/coordinatetext.h"

#include <QTest>

using namespace infrasight::gis;
using Reason = coordinatetext::ParseError::Reason;

Q_DECLARE_METATYPE(infrasight::gis::MultiPolygon)
Q_DECLARE_METATYPE(Reason)

namespace {

std::vector<QPointF> ring(std::initializer_list<QPointF> points)
{
    std::vector<QPointF> r(points);
    r.push_back(r.front());
    return r;
}

} // namespace

class TestCoordinateText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWhatPlannersType_data();
    void parsesWhatPlannersType();
    void refusesWithTheLine_data();
    void refusesWithTheLine();
    void formatReadsBack();
};

void TestCoordinateText::parsesWhatPlannersType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<MultiPolygon>("expected");
    const auto triangle = ring({{7.42, 43.73}, {7.43, 43.73}, {7.425, 43.74}});
    QTest::newRow("spaces") << "7.42 43.73\n7.43 43.73\n7.425 43.74"
                            << MultiPolygon{{Polygon{{triangle}}}};
    QTest::newRow("commas-and-blanks") << "  7.42, 43.73\n7.43 ,43.73 \n\t7.425;43.74\n\n"
                                       << MultiPolygon{{Polygon{{triangle}}}};
    QTest::newRow("closing-vertex-repeated")
        << "7.42 43.73\n7.43 43.73\n7.425 43.74\n7.42 43.73" << MultiPolygon{{Polygon{{triangle}}}};
    QTest::newRow("crlf-and-comment")
        << "# quay\r\n7.42 43.73 # south-west\r\n7.43 43.73\r\n7.425 43.74\r\n"
        << MultiPolygon{{Polygon{{triangle}}}};
    const auto shell = ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    const auto hole = ring({{2, 2}, {4, 2}, {4, 4}});
    QTest::newRow("hole-after-empty-line")
        << "0 0\n10 0\n10 10\n0 10\n\n2 2\n4 2\n4 4" << MultiPolygon{{Polygon{{shell, hole}}}};
    QTest::newRow("second-part") << "0 0\n10 0\n10 10\n0 10\npart\n20 0\n21 0\n21 1"
                                 << MultiPolygon{{Polygon{{shell}},
                                                  Polygon{{ring({{20, 0}, {21, 0}, {21, 1}})}}}};
    QTest::newRow("antimeridian-limits")
        << "-180 -90\n180 -90\n180 90"
        << MultiPolygon{{Polygon{{ring({{-180, -90}, {180, -90}, {180, 90}})}}}};
}

void TestCoordinateText::parsesWhatPlannersType()
{
    QFETCH(QString, text);
    QFETCH(MultiPolygon, expected);
    const auto parsed = coordinatetext::parse(text);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().text));
    QCOMPARE(*parsed, expected);
}

void TestCoordinateText::refusesWithTheLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<Reason>("reason");
    QTest::newRow("word-for-a-number")
        << "7.42 43.73\n7.43 north\n7.425 43.74" << 2 << Reason::NotANumber;
    QTest::newRow("sql-in-a-field")
        << "7.42 43.73\n7.43 43.73\n1); DROP TABLE geofence; -- 2" << 3 << Reason::WrongCount;
    QTest::newRow("three-numbers")
        << "7.42 43.73 12\n7.43 43.73\n7.425 43.74" << 1 << Reason::WrongCount;
    QTest::newRow("one-number") << "7.42 43.73\n7.43\n7.425 43.74" << 2 << Reason::WrongCount;
    QTest::newRow("longitude-past-180")
        << "180.0001 43.73\n7.43 43.73\n7.425 43.74" << 1 << Reason::OutOfRange;
    QTest::newRow("latitude-past-90")
        << "7.42 43.73\n7.43 -90.5\n7.425 43.74" << 2 << Reason::OutOfRange;
    QTest::newRow("not-a-number-nan")
        << "nan 43.73\n7.43 43.73\n7.425 43.74" << 1 << Reason::NotANumber;
    QTest::newRow("two-vertices") << "7.42 43.73\n7.43 43.73\n" << 2 << Reason::TooFewVertices;
    QTest::newRow("hole-of-two-distinct")
        << "0 0\n10 0\n10 10\n\n2 2\n4 2\n2 2\n4 2" << 8 << Reason::TooFewVertices;
    QTest::newRow("nothing") << "\n  \n# only a comment\n" << 0 << Reason::Empty;
}

void TestCoordinateText::refusesWithTheLine()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(Reason, reason);
    const auto parsed = coordinatetext::parse(text);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().line, line);
    QCOMPARE(parsed.error().reason, reason);
}

void TestCoordinateText::formatReadsBack()
{
    const MultiPolygon shape{
        {Polygon{{ring({{7.4212345, 43.7312345}, {7.43, 43.73}, {7.43, 43.74}}),
                  ring({{7.428, 43.732}, {7.429, 43.732}, {7.429, 43.733}})}},
         Polygon{{ring({{7.44, 43.75}, {7.45, 43.75}, {7.45, 43.76}})}}}};
    const QString text = coordinatetext::format(shape);
    QVERIFY(text.contains(u"\npart\n"));
    const auto parsed = coordinatetext::parse(text);
    QVERIFY(parsed);
    QCOMPARE(*parsed, shape);
}

QTEST_APPLESS_MAIN(TestCoordinateText)
#include "tst_coordinatetext.moc"
