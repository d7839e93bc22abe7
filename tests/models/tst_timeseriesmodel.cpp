// SPDX-License-Identifier: GPL-3.0-or-later
// The live chart's series fed plain samples through a fake repository: what a new sensor asks
// for, live readings fetched once per burst from the oldest batch, answers for an older range
// dropped, the whole range read again after a reconnect, the points drawn, rows and cursor.
#include "models/timeseriesmodel.h"
#include "tests/support/fakereadingrepository.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::data::ReadingSource;
using infrasight::data::SensorChartInfo;
using infrasight::data::SensorSamples;
using infrasight::models::TimeSeriesModel;
using infrasight::tests::FakeReadingRepository;

namespace {

SensorChartInfo sensor(qint64 id, const QString &code)
{
    SensorChartInfo info;
    info.id = id;
    info.code = code;
    info.kind = u"water_pressure"_s;
    info.unit = u"bar"_s;
    info.warnHigh = 6.0;
    info.critLow = 1.5;
    info.sampleIntervalMs = 1000;
    return info;
}

/// count readings of a sensor a second apart, the newest endMs, at value(i).
SensorSamples samples(qint64 sensorId, qint64 endMs, int count, double (*value)(int))
{
    SensorSamples s;
    s.sensorId = sensorId;
    for (int i = count - 1; i >= 0; --i) {
        s.points.emplace_back(double(endMs - i * 1000), value(i));
    }
    return s;
}

double steady(int i)
{
    // Around 4 bar, one spike and one dip.
    return i == 300 ? 9.5 : (i == 200 ? 0.5 : 4.0 + 0.1 * std::sin(i));
}

QString readingPayload(qint64 fromMs)
{
    return u"{\"from\": \"%1\"}"_s.arg(
        QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).toString(Qt::ISODateWithMs));
}

} // namespace

class TestTimeSeriesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newSensorAsksForItsDetailsAndHistory();
    void drawnPointsKeepExtremesAtTwoPerColumn();
    void liveReadingsAreFetchedOncePerBurst();
    void readingsWithoutSeriesAreNotFetched();
    void olderRangeAnswersAreDropped();
    void reconnectReadsTheWholeRangeAgain();
    void failuresAreReported();
    void rowsPassTheModelTester();
    void cursorIsShared();
};

void TestTimeSeriesModel::newSensorAsksForItsDetailsAndHistory()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    QCOMPARE(repository.feed.watched(), QStringList{u"reading"_s});
    QSignalSpy loading(&model, &TimeSeriesModel::loadingChanged);
    const qint64 before = TimeSeriesModel::nowMs();
    model.addSensor(7);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, TimeSeriesModel::SensorColumn).data().toString(), u"Sensor 7"_s);
    QCOMPARE(repository.infoCalls, QList<QList<qint64>>{{7}});
    QCOMPARE(repository.historyCalls.size(), 1);
    const auto &history = repository.historyCalls.first();
    QCOMPARE(history.sensorIds, QList<qint64>{7});
    QCOMPARE(history.source, ReadingSource::Raw);
    QVERIFY(history.fromMs >= before - TimeSeriesModel::rangeMs(TimeSeriesModel::Range::Minutes15));
    QVERIFY(history.toMs > TimeSeriesModel::nowMs());
    QVERIFY(model.isLoading());
    QCOMPARE(loading.size(), 1);

    repository.infos.answerNext(QList{sensor(7, u"WP-00001"_s)});
    QCOMPARE(model.index(0, TimeSeriesModel::SensorColumn).data().toString(), u"WP-00001"_s);
    QCOMPARE(model.info(0).warnHigh, 6.0);
    const qint64 now = TimeSeriesModel::nowMs();
    repository.histories.answerNext(QList{samples(7, now - 1000, 600, steady)});
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.last().first().toBool(), false);
    QCOMPARE(model.info(0).lastSeenMs, now - 1000);
    QCOMPARE(model.info(0).lastValue, steady(0));
    QVERIFY(model.index(0, TimeSeriesModel::ValueColumn).data().toString().endsWith(u" bar"_s));
    QVERIFY(model.dataAgeMs(0) >= 1000 && model.dataAgeMs(0) < 5000);
    QVERIFY(!model.index(0, 0).data(TimeSeriesModel::StaleRole).toBool());
}

void TestTimeSeriesModel::drawnPointsKeepExtremesAtTwoPerColumn()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    model.addSensor(7);
    const qint64 now = TimeSeriesModel::nowMs();
    repository.histories.answerNext(QList{samples(7, now - 1000, 600, steady)});
    const double x0 = double(now - 15 * 60'000);
    QCOMPARE(model.pointsToDraw(0, x0, double(now), 100'000).size(), size_t(600));
    for (int columns : {50, 120, 333}) {
        const std::vector<QPointF> drawn = model.pointsToDraw(0, x0, double(now), columns);
        QVERIFY2(drawn.size() <= size_t(2 * columns),
                 qPrintable(u"%1 points for %2 columns"_s.arg(drawn.size()).arg(columns)));
        const auto [low, high] = std::minmax_element(
            drawn.begin(), drawn.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
        QCOMPARE(high->y(), 9.5); // the spike and the dip survive any width
        QCOMPARE(low->y(), 0.5);
    }
    QVERIFY(model.pointsToDraw(0, x0, double(now), 0).empty());
}

void TestTimeSeriesModel::liveReadingsAreFetchedOncePerBurst()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    model.addSensor(7);
    model.addSensor(8);
    const qint64 now = TimeSeriesModel::nowMs();
    repository.histories.answerNext(
        QList{samples(7, now - 5000, 10, steady), samples(8, now - 5000, 10, steady)});
    repository.histories.answerNext(QList<SensorSamples>{});
    QSignalSpy arrived(&model, &TimeSeriesModel::pointsArrived);
    // Three batches stored; the second one reaches furthest back (a late feed).
    repository.feed.notify(u"reading"_s, readingPayload(now - 2000));
    repository.feed.notify(u"reading"_s, readingPayload(now - 4000));
    repository.feed.notify(u"reading"_s, readingPayload(now - 1000));
    QTRY_COMPARE(repository.sinceCalls.size(), 1);
    QCOMPARE(repository.sinceCalls.first().sensorIds, (QList<qint64>{7, 8}));
    QCOMPARE(repository.sinceCalls.first().fromMs, now - 4000 - 1);
    SensorSamples fresh;
    fresh.sensorId = 8;
    fresh.points = {{double(now - 500), 4.25}, {double(now), 4.5}};
    repository.news.answerNext(QList{fresh});
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(model.livePointsReceived(), 2);
    QCOMPARE(model.info(1).lastValue, 4.5);
    QCOMPARE(model.valueAt(1, now - 100)->y(), 4.25);
    QTest::qWait(TimeSeriesModel::RefreshDelayMs * 3);
    QCOMPARE(repository.sinceCalls.size(), 1);
}

void TestTimeSeriesModel::readingsWithoutSeriesAreNotFetched()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    repository.feed.notify(u"reading"_s, readingPayload(TimeSeriesModel::nowMs()));
    QTest::qWait(TimeSeriesModel::RefreshDelayMs * 3);
    QVERIFY(repository.sinceCalls.isEmpty());
    QVERIFY(repository.historyCalls.isEmpty());
}

void TestTimeSeriesModel::olderRangeAnswersAreDropped()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    model.addSensor(7);
    model.setRange(TimeSeriesModel::Range::Hours24);
    QCOMPARE(repository.historyCalls.size(), 2);
    QCOMPARE(repository.historyCalls.last().source, ReadingSource::Minutes);
    const qint64 now = TimeSeriesModel::nowMs();
    // The 15-minute answer comes last-but-one: it is for a range no longer shown.
    repository.histories.answerNext(QList{samples(7, now, 5, [](int) { return 99.0; })});
    QVERIFY(model.isLoading());
    QVERIFY(model.pointsToDraw(0, double(now - 3'600'000), double(now + 1), 100).empty());
    SensorSamples minutes;
    minutes.sensorId = 7;
    for (int m = 600; m > 0; --m) {
        minutes.points.emplace_back(double(now - m * 60'000), 55.0);
    }
    repository.histories.answerNext(QList{minutes});
    QVERIFY(!model.isLoading());
    const std::vector<QPointF> drawn
        = model.pointsToDraw(0, double(now - 24 * 3'600'000), double(now), 5000);
    QCOMPARE(drawn.size(), size_t(600));
    QVERIFY(std::all_of(drawn.begin(), drawn.end(), [](QPointF p) { return p.y() == 55.0; }));
    // Narrower than the data: LTTB, one point per column.
    QCOMPARE(model.pointsToDraw(0, double(now - 24 * 3'600'000), double(now), 200).size(),
             size_t(200));
    model.setRange(TimeSeriesModel::Range::Days7);
    QCOMPARE(repository.historyCalls.last().source, ReadingSource::Hours);
}

void TestTimeSeriesModel::reconnectReadsTheWholeRangeAgain()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    model.addSensor(7);
    model.addSensor(9);
    QCOMPARE(repository.historyCalls.size(), 2);
    repository.feed.setLive(false);
    repository.feed.setLive(true);
    QCOMPARE(repository.historyCalls.size(), 3);
    QCOMPARE(repository.historyCalls.last().sensorIds, (QList<qint64>{7, 9}));
}

void TestTimeSeriesModel::failuresAreReported()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    QSignalSpy failed(&model, &TimeSeriesModel::failed);
    model.addSensor(7);
    const Error refused{ErrorCode::Query, u"permission denied for table reading"_s, {}, {}};
    repository.infos.answerNext(tl::unexpected(refused));
    repository.histories.answerNext(tl::unexpected(refused));
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(0).first().toString(),
             u"The sensor could not be read: the database refused the request "
             "(permission denied for table reading)."_s);
    QVERIFY(failed.at(1).first().toString().startsWith(u"The history could not be read: "_s));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.isLoading());
}

void TestTimeSeriesModel::rowsPassTheModelTester()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addSensor(7);
    model.addSensor(8);
    model.addSensor(7); // charted already: no second row
    model.addSensor(0); // no such sensor
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.colour(0) != model.colour(1));
    QCOMPARE(model.rowOf(8), 1);
    model.removeSensor(7);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(8), 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    // An answer for a series that is gone changes nothing.
    repository.infos.answerAll(QList{sensor(7, u"WP-00001"_s)});
    repository.histories.answerAll(QList<SensorSamples>{});
    QCOMPARE(model.rowCount(), 0);
}

void TestTimeSeriesModel::cursorIsShared()
{
    FakeReadingRepository repository;
    TimeSeriesModel model(repository);
    QSignalSpy moved(&model, &TimeSeriesModel::cursorTimeChanged);
    model.setCursorTime(1'000);
    model.setCursorTime(1'000);
    model.setCursorTime(0);
    QCOMPARE(moved.size(), 2);
    QCOMPARE(model.cursorTime(), 0);
}

QTEST_GUILESS_MAIN(TestTimeSeriesModel)
#include "tst_timeseriesmodel.moc"
