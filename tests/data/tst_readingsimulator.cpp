// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated feed: repeatable for a seed, plausible values with the city's daily rhythm,
// rare spikes, and about one sensor in fifty dropping out partway through a run.
#include "data/simulation/readingsimulator.h"

#include <QTest>
#include <QTimeZone>

using infrasight::data::ReadingLine;
using infrasight::data::ReadingSimulator;
using namespace Qt::StringLiterals;

namespace {

QList<ReadingSimulator::Sensor> sensors(int count, const QString &kind)
{
    QList<ReadingSimulator::Sensor> list;
    for (int i = 0; i < count; ++i) {
        list.append({u"S-%1"_s.arg(i), kind, i});
    }
    return list;
}

QDateTime monacoTime(int hour)
{
    return QDateTime(
        QDate(2026, 12, 2), QTime(hour, 30), QTimeZone(QByteArrayLiteral("Europe/Monaco")));
}

} // namespace

class TestReadingSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameReadings();
    void valuesArePlausible_data();
    void valuesArePlausible();
    void trafficFollowsTheDay();
    void aFewSensorsDropOut();
    void binsFillAndAreEmptied();
};

void TestReadingSimulator::sameSeedSameReadings()
{
    ReadingSimulator a(7);
    ReadingSimulator b(7);
    ReadingSimulator other(8);
    for (ReadingSimulator *s : {&a, &b, &other}) {
        s->setSensors(sensors(20, u"noise"_s));
    }
    const QDateTime at = monacoTime(10);
    const QList<ReadingLine> first = a.next(20, at, 5.0);
    const QList<ReadingLine> second = b.next(20, at, 5.0);
    const QList<ReadingLine> third = other.next(20, at, 5.0);
    QCOMPARE(first.size(), 20);
    bool anyDifferent = false;
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(first[i].sensorCode, second[i].sensorCode);
        QCOMPARE(first[i].value, second[i].value);
        anyDifferent = anyDifferent || first[i].value != third[i].value;
    }
    QVERIFY(anyDifferent);
    // One reading per sensor and instant, however many are asked for.
    QCOMPARE(a.next(100, at.addSecs(1), 6.0).size(), 20);
}

void TestReadingSimulator::valuesArePlausible_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("noise") << u"noise"_s << 20.0 << 130.0;
    QTest::newRow("water_pressure") << u"water_pressure"_s << 0.0 << 16.0;
    QTest::newRow("parking_occupancy") << u"parking_occupancy"_s << 0.0 << 100.0;
    QTest::newRow("tide_level") << u"tide_level"_s << -3.0 << 3.0;
}

void TestReadingSimulator::valuesArePlausible()
{
    QFETCH(QString, kind);
    QFETCH(double, low);
    QFETCH(double, high);
    ReadingSimulator simulator;
    simulator.setSensors(sensors(200, kind));
    double sum = 0.0;
    int count = 0;
    for (int hour = 0; hour < 24; ++hour) {
        for (const ReadingLine &r : simulator.next(200, monacoTime(hour), 1.0)) {
            QVERIFY2(r.value >= low && r.value <= high, qPrintable(QString::number(r.value)));
            QVERIFY(r.unit.isEmpty()); // the sensor's own unit
            sum += r.value;
            ++count;
        }
    }
    QCOMPARE(count, 200 * 24);
    const double mean = sum / count;
    QVERIFY2(mean > low && mean < high, qPrintable(QString::number(mean)));
}

void TestReadingSimulator::trafficFollowsTheDay()
{
    const double night = ReadingSimulator::typicalValue(u"traffic_count"_s, monacoTime(3));
    const double morning = ReadingSimulator::typicalValue(u"traffic_count"_s, monacoTime(8));
    const double afternoon = ReadingSimulator::typicalValue(u"traffic_count"_s, monacoTime(14));
    QVERIFY(morning > night);
    QVERIFY(afternoon > night);
    const double saturday = ReadingSimulator::typicalValue(u"traffic_count"_s,
                                                           monacoTime(14).addDays(3)); // 2026-12-05
    QVERIFY(saturday < afternoon);
}

void TestReadingSimulator::aFewSensorsDropOut()
{
    ReadingSimulator simulator;
    const QList<ReadingSimulator::Sensor> list = sensors(5000, u"noise"_s);
    int early = 0;
    int late = 0;
    for (const ReadingSimulator::Sensor &sensor : list) {
        early += simulator.hasDroppedOut(sensor, 10.0) ? 1 : 0;
        late += simulator.hasDroppedOut(sensor, 600.0) ? 1 : 0;
    }
    QCOMPARE(early, 0);
    QVERIFY2(late >= 50 && late <= 150, qPrintable(QString::number(late))); // about 2 %
    simulator.setSensors(list);
    QVERIFY(simulator.next(5000, monacoTime(12), 600.0).size() == 5000 - late);
}

void TestReadingSimulator::binsFillAndAreEmptied()
{
    // Over a week, every bin rises, is emptied (a drop of more than half) and never sticks at
    // the top; across the city only a few bins are over 95 % at one time.
    ReadingSimulator simulator;
    const QList<ReadingSimulator::Sensor> bins = sensors(200, u"bin_fill"_s);
    for (const ReadingSimulator::Sensor &bin : bins) {
        int emptied = 0;
        int risingSteps = 0;
        double previous = simulator.binFill(bin, monacoTime(0));
        for (int hour = 1; hour <= 7 * 24; ++hour) {
            const double fill = simulator.binFill(bin, monacoTime(0).addSecs(hour * 3600));
            QVERIFY(fill >= 0.0 && fill <= 100.0);
            emptied += fill < previous - 50.0 ? 1 : 0;
            risingSteps += fill > previous ? 1 : 0;
            previous = fill;
        }
        QVERIFY2(emptied >= 2, qPrintable(bin.code));
        QVERIFY(risingSteps > 7 * 24 * 3 / 4);
    }
    int overfull = 0;
    for (const ReadingSimulator::Sensor &bin : bins) {
        overfull += simulator.binFill(bin, monacoTime(12)) > 95.0 ? 1 : 0;
    }
    QVERIFY2(overfull <= 20, qPrintable(QString::number(overfull)));
}

QTEST_APPLESS_MAIN(TestReadingSimulator)

#include "tst_readingsimulator.moc"
