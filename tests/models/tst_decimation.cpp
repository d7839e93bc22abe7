// SPDX-License-Identifier: GPL-3.0-or-later
// What a live chart and a history chart draw: min/max per pixel column never loses an extreme
// and holds at most two points per column; LTTB keeps the shape (the spike, the ends) in the
// asked number of points; the ring buffer keeps the newest points in order.
#include "models/decimation.h"
#include "models/timeseriesbuffer.h"

#include <QTest>

#include <cmath>
#include <limits>

using infrasight::models::Decimation;
using infrasight::models::TimeSeriesBuffer;

namespace {

/// n points a second apart: a daily-like wave with noise, one spike at spikeIndex.
std::vector<QPointF> series(int n, int spikeIndex)
{
    std::vector<QPointF> points;
    points.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const double noise = std::sin(i * 12.9898) * 0.3;
        const double y = (i == spikeIndex) ? 50.0 : 10.0 + 3.0 * std::sin(i / 500.0) + noise;
        points.emplace_back(1000.0 * i, y);
    }
    return points;
}

bool inXOrder(const std::vector<QPointF> &points)
{
    return std::is_sorted(
        points.cbegin(), points.cend(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
}

} // namespace

class TestDecimation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minMaxKeepsEveryExtreme_data();
    void minMaxKeepsEveryExtreme();
    void minMaxKeepsGapsAndDropsOutside();
    void minMaxTakesPointsOutOfOrder();
    void lttbKeepsShape_data();
    void lttbKeepsShape();
    void lttbLeavesShortSeries();
    void bufferKeepsNewestInOrder();
    void bufferWindowAndLatePoints();
};

void TestDecimation::minMaxKeepsEveryExtreme_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("columns");
    QTest::newRow("1M-points-800px") << 1'000'000 << 800;
    QTest::newRow("fewer-points-than-columns") << 300 << 1000;
    QTest::newRow("one-column") << 5000 << 1;
}

void TestDecimation::minMaxKeepsEveryExtreme()
{
    QFETCH(int, count);
    QFETCH(int, columns);
    const std::vector<QPointF> points = series(count, count / 3);
    const double x0 = points.front().x();
    const double x1 = points.back().x() + 1.0;
    const std::vector<QPointF> shown = Decimation::minMaxPerColumn(points, x0, x1, columns);
    QVERIFY(inXOrder(shown));
    QVERIFY(qsizetype(shown.size()) <= 2 * columns);
    // Per column, the lowest and highest of the full series are both shown.
    const double width = (x1 - x0) / columns;
    std::vector<double> low(size_t(columns), std::numeric_limits<double>::max());
    std::vector<double> high(size_t(columns), std::numeric_limits<double>::lowest());
    for (const QPointF &p : points) {
        const auto c = size_t(std::min(int((p.x() - x0) / width), columns - 1));
        low[c] = std::min(low[c], p.y());
        high[c] = std::max(high[c], p.y());
    }
    std::vector<int> perColumn(size_t(columns), 0);
    std::vector<double> shownLow(size_t(columns), std::numeric_limits<double>::max());
    std::vector<double> shownHigh(size_t(columns), std::numeric_limits<double>::lowest());
    for (const QPointF &p : shown) {
        const auto c = size_t(std::min(int((p.x() - x0) / width), columns - 1));
        ++perColumn[c];
        shownLow[c] = std::min(shownLow[c], p.y());
        shownHigh[c] = std::max(shownHigh[c], p.y());
    }
    for (size_t c = 0; c < size_t(columns); ++c) {
        QVERIFY(perColumn[c] <= 2);
        QCOMPARE(shownLow[c], low[c]);
        QCOMPARE(shownHigh[c], high[c]);
    }
    QVERIFY(std::any_of(shown.cbegin(), shown.cend(), [](QPointF p) { return p.y() == 50.0; }));
}

void TestDecimation::minMaxKeepsGapsAndDropsOutside()
{
    const double nan = std::nan("");
    const std::vector<QPointF> points{
        {-5, 1}, {0, 2}, {1, 3}, {2, nan}, {3, 4}, {9, 5}, {10, 6}, {11, 7}};
    const std::vector<QPointF> shown = Decimation::minMaxPerColumn(points, 0, 10, 2);
    // Column [0, 5): 2 and 3, then the gap, then 4 alone; column [5, 10): 5. 10 and 11 are out.
    QCOMPARE(shown.size(), size_t(5));
    QCOMPARE(shown[0], QPointF(0, 2));
    QCOMPARE(shown[1], QPointF(1, 3));
    QVERIFY(std::isnan(shown[2].y()));
    QCOMPARE(shown[3], QPointF(3, 4));
    QCOMPARE(shown[4], QPointF(9, 5));
}

void TestDecimation::minMaxTakesPointsOutOfOrder()
{
    // Late readings merged behind newer ones: still two points per column, every extreme.
    std::vector<QPointF> points;
    for (int i = 0; i < 1000; ++i) {
        points.emplace_back((i * 379) % 1000, std::sin(i * 0.1) + (i == 500 ? 9.0 : 0.0));
    }
    const std::vector<QPointF> shown = Decimation::minMaxPerColumn(points, 0, 1000, 40);
    QVERIFY(shown.size() <= 80);
    QVERIFY(std::is_sorted(
        shown.cbegin(), shown.cend(), [](QPointF a, QPointF b) { return a.x() < b.x(); }));
    QVERIFY(std::any_of(shown.cbegin(), shown.cend(), [](QPointF p) { return p.y() > 8.0; }));
}

void TestDecimation::lttbKeepsShape_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("threshold");
    QTest::newRow("1M-to-2000") << 1'000'000 << 2000;
    QTest::newRow("10k-to-300") << 10'000 << 300;
    QTest::newRow("4-to-3") << 4 << 3;
}

void TestDecimation::lttbKeepsShape()
{
    QFETCH(int, count);
    QFETCH(int, threshold);
    const std::vector<QPointF> points = series(count, count / 2);
    const std::vector<QPointF> shown = Decimation::lttb(points, threshold);
    QCOMPARE(qsizetype(shown.size()), qsizetype(threshold));
    QCOMPARE(shown.front(), points.front());
    QCOMPARE(shown.back(), points.back());
    QVERIFY(inXOrder(shown));
    QVERIFY(std::any_of(shown.cbegin(), shown.cend(), [](QPointF p) { return p.y() == 50.0; }));
    // Every point shown is a point of the series (no invented values).
    for (const QPointF &p : shown) {
        const auto i = size_t(std::lround(p.x() / 1000.0));
        QCOMPARE(points[i], p);
    }
}

void TestDecimation::lttbLeavesShortSeries()
{
    const std::vector<QPointF> points = series(100, 50);
    QCOMPARE(Decimation::lttb(points, 100).size(), size_t(100));
    QCOMPARE(Decimation::lttb(points, 2).size(), size_t(100));
    QVERIFY(Decimation::lttb({}, 10).empty());
}

void TestDecimation::bufferKeepsNewestInOrder()
{
    TimeSeriesBuffer buffer(5);
    QVERIFY(buffer.isEmpty());
    for (int i = 0; i < 12; ++i) {
        QVERIFY(buffer.append(1000 * i, i));
    }
    QCOMPARE(buffer.size(), qsizetype(5));
    QCOMPARE(buffer.capacity(), qsizetype(5));
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(buffer.at(i), QPointF(1000.0 * (7 + i), 7 + i));
    }
    QCOMPARE(buffer.newestTimeMs(), qint64(11000));
    buffer.clear();
    QVERIFY(buffer.isEmpty());
    QVERIFY(buffer.append(5, 1.0));
    QCOMPARE(buffer.at(0), QPointF(5, 1.0));
}

void TestDecimation::bufferWindowAndLatePoints()
{
    TimeSeriesBuffer buffer(100);
    for (int i = 0; i < 150; ++i) {
        QVERIFY(buffer.append(100 * i, i));
    }
    // A late point is refused, the same time replaces the value.
    QVERIFY(!buffer.append(100 * 148, -1.0));
    QVERIFY(buffer.append(100 * 149, 999.0));
    QCOMPARE(buffer.at(buffer.size() - 1).y(), 999.0);
    const std::vector<QPointF> window = buffer.window(100 * 60, 100 * 70);
    QCOMPARE(window.size(), size_t(10));
    QCOMPARE(window.front(), QPointF(100.0 * 60, 60));
    QCOMPARE(window.back(), QPointF(100.0 * 69, 69));
    // Before the oldest kept point, after the newest, and empty ranges.
    QCOMPARE(buffer.window(0, 100 * 55).size(), size_t(5));
    QVERIFY(buffer.window(100 * 200, 100 * 300).empty());
    QVERIFY(buffer.window(100 * 70, 100 * 60).empty());
}

QTEST_APPLESS_MAIN(TestDecimation)

#include "tst_decimation.moc"
