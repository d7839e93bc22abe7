// SPDX-License-Identifier: GPL-3.0-or-later
// The live chart's series against a real database through PgReadingRepository: a sensor's
// history and limits load, new readings arrive by NOTIFY, the drawn points keep every extreme and
// never exceed two per pixel column, and the long ranges come from the rollups.
#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "data/repositories/pgreadingrepository.h"
#include "models/timeseriesmodel.h"
#include "tests/support/migrateddatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <optional>

using infrasight::data::DbClient;
using infrasight::models::TimeSeriesModel;
using infrasight::tests::MigratedDatabase;
using namespace Qt::StringLiterals;

class TestLiveReadings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void historyAndLimitsLoad();
    void liveReadingsArriveByNotify();
    void drawnPointsKeepExtremesAtTwoPerColumn();
    void longRangesComeFromRollups();

private:
    /// Waits until the model has the sensor's code and its history.
    [[nodiscard]] bool waitLoaded(TimeSeriesModel &model);
    qint64 sensorId(const QString &code) const;

    std::optional<MigratedDatabase> m_database;
    infrasight::data::PgConnection *m_sql = nullptr;
    std::unique_ptr<DbClient> m_client;
    std::unique_ptr<infrasight::data::PgReadingRepository> m_repository;
};

void TestLiveReadings::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_sql = &m_database->connection();
    QVERIFY(m_sql->execScript(
        u"INSERT INTO sensor (code, kind, unit, warn_low, warn_high, crit_low, crit_high, "
        "hysteresis, sample_interval) VALUES "
        "('WP-00001', 'water_pressure', 'bar', 2, 6, 1.5, 7, 0.1, '1 second'), "
        "('WP-00002', 'water_pressure', 'bar', 2, 6, 1.5, 7, 0.1, '1 second'), "
        "('NS-00001', 'noise', 'dB(A)', NULL, 70, NULL, 80, 1, '1 minute');"
        // Ten minutes at 1 Hz around 4 bar, one spike to 9.5 and one dip to 0.5; and one reading
        // before the 15 minutes that must not be drawn.
        "INSERT INTO reading (sensor_id, ts, value) "
        "SELECT s.id, now() - make_interval(secs => g), "
        "       CASE g WHEN 300 THEN 9.5 WHEN 200 THEN 0.5 ELSE 4 + 0.1 * sin(g) END "
        "FROM sensor s, generate_series(1, 600) g WHERE s.code = 'WP-00001';"
        "INSERT INTO reading (sensor_id, ts, value) "
        "SELECT id, now() - interval '20 minutes', 3.3 FROM sensor WHERE code = 'WP-00001';"
        // Ten hours of noise, two readings a minute (50 and 60 dB: a mean of 55), 15 min ago on.
        "INSERT INTO reading (sensor_id, ts, value) "
        "SELECT s.id, date_trunc('minute', now()) - interval '15 minutes' "
        "             - make_interval(mins => g) + make_interval(secs => v.s), v.value "
        "FROM sensor s, generate_series(0, 599) g, (VALUES (10, 50.0), (40, 60.0)) v(s, value) "
        "WHERE s.code = 'NS-00001';"_s));
}

void TestLiveReadings::init()
{
    m_client = std::make_unique<DbClient>();
    QSignalSpy connected(m_client.get(), &DbClient::stateChanged);
    m_client->open(m_database->conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(m_client->state() == infrasight::data::ConnectionState::Connected,
                             10000);
    m_repository = std::make_unique<infrasight::data::PgReadingRepository>(*m_client);
}

void TestLiveReadings::cleanup()
{
    m_repository.reset();
    m_client.reset();
}

qint64 TestLiveReadings::sensorId(const QString &code) const
{
    auto id = m_sql->exec(u"SELECT id FROM sensor WHERE code = $1"_s, {code});
    return id && id->rowCount() == 1 ? id->toInt(0, 0) : 0;
}

bool TestLiveReadings::waitLoaded(TimeSeriesModel &model)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        bool ready = !model.isLoading();
        for (int row = 0; row < model.rowCount(); ++row) {
            ready = ready && !model.info(row).code.isEmpty();
        }
        if (ready) {
            return true;
        }
        QTest::qWait(20);
    }
    return false;
}

void TestLiveReadings::historyAndLimitsLoad()
{
    TimeSeriesModel model(*m_repository);
    model.addSensor(sensorId(u"WP-00001"_s));
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 1);
    const auto &info = model.info(0);
    QCOMPARE(info.code, u"WP-00001"_s);
    QCOMPARE(info.unit, u"bar"_s);
    QCOMPARE(info.warnHigh, 6.0);
    QCOMPARE(info.critLow, 1.5);
    QCOMPARE(info.sampleIntervalMs, 1000);
    QCOMPARE(model.index(0, TimeSeriesModel::SensorColumn).data().toString(), u"WP-00001"_s);
    QVERIFY(model.index(0, TimeSeriesModel::ValueColumn).data().toString().endsWith(u" bar"_s));
    // The newest reading is a second old.
    QVERIFY2(model.dataAgeMs(0) >= 0 && model.dataAgeMs(0) < 5000,
             qPrintable(QString::number(model.dataAgeMs(0))));
    // The 15 minutes hold the ten minutes of readings, not the one 20 minutes ago.
    const qint64 now = TimeSeriesModel::nowMs();
    const std::vector<QPointF> all
        = model.pointsToDraw(0, double(now - 15 * 60'000), double(now), 100'000);
    QCOMPARE(all.size(), size_t(600));
    QVERIFY(std::none_of(all.begin(), all.end(), [](QPointF p) { return p.y() == 3.3; }));
}

void TestLiveReadings::liveReadingsArriveByNotify()
{
    TimeSeriesModel model(*m_repository);
    const qint64 id = sensorId(u"WP-00002"_s);
    model.addSensor(id);
    QVERIFY(waitLoaded(model));
    QSignalSpy arrived(&model, &TimeSeriesModel::pointsArrived);
    // Another writer (a feed) stores three readings in one statement, then one more.
    QVERIFY(m_sql->exec(u"INSERT INTO reading (sensor_id, ts, value) "
                        "SELECT $1, now() - make_interval(secs => g), 3 + g FROM "
                        "generate_series(1, 3) g"_s,
                        {id}));
    QVERIFY(m_sql->exec(u"INSERT INTO reading (sensor_id, ts, value) VALUES ($1, now(), 4.25)"_s,
                        {id}));
    QTRY_COMPARE_WITH_TIMEOUT(model.livePointsReceived(), 4, 5000);
    QVERIFY(arrived.size() >= 1);
    QCOMPARE(model.info(0).lastValue, 4.25);
    QCOMPARE(model.index(0, TimeSeriesModel::ValueColumn).data().toString(),
             QLocale().toString(4.25, 'g', 5) + u" bar"_s);
    const std::optional<QPointF> newest = model.valueAt(0, TimeSeriesModel::nowMs() + 1000);
    QVERIFY(newest);
    QCOMPARE(newest->y(), 4.25);
}

void TestLiveReadings::drawnPointsKeepExtremesAtTwoPerColumn()
{
    TimeSeriesModel model(*m_repository);
    model.addSensor(sensorId(u"WP-00001"_s));
    QVERIFY(waitLoaded(model));
    const qint64 now = TimeSeriesModel::nowMs();
    for (int columns : {50, 120, 333}) {
        const std::vector<QPointF> drawn
            = model.pointsToDraw(0, double(now - 15 * 60'000), double(now), columns);
        QVERIFY2(drawn.size() <= size_t(2 * columns),
                 qPrintable(u"%1 points for %2 columns"_s.arg(drawn.size()).arg(columns)));
        const auto [low, high] = std::minmax_element(
            drawn.begin(), drawn.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
        QCOMPARE(high->y(), 9.5); // the spike and the dip survive any width
        QCOMPARE(low->y(), 0.5);
    }
}

void TestLiveReadings::longRangesComeFromRollups()
{
    TimeSeriesModel model(*m_repository);
    model.addSensor(sensorId(u"NS-00001"_s));
    QVERIFY(waitLoaded(model));
    // 15 minutes: the raw readings stopped 15 minutes ago, so at most the edge shows.
    const qint64 now = TimeSeriesModel::nowMs();
    QVERIFY(model.pointsToDraw(0, double(now - 15 * 60'000), double(now), 1000).size() <= 2);

    QSignalSpy loading(&model, &TimeSeriesModel::loadingChanged);
    model.setRange(TimeSeriesModel::Range::Hours24);
    QVERIFY(waitLoaded(model));
    std::vector<QPointF> minutes
        = model.pointsToDraw(0, double(now - 24 * 3'600'000), double(now), 5000);
    QCOMPARE(minutes.size(), size_t(600)); // one mean per minute bucket
    QVERIFY(std::all_of(minutes.begin(), minutes.end(), [](QPointF p) { return p.y() == 55.0; }));
    // Narrower than the data: LTTB, one point per column at most.
    QCOMPARE(model.pointsToDraw(0, double(now - 24 * 3'600'000), double(now), 200).size(),
             size_t(200));

    model.setRange(TimeSeriesModel::Range::Days7);
    QVERIFY(waitLoaded(model));
    const std::vector<QPointF> hours
        = model.pointsToDraw(0, double(now - 7 * 24 * 3'600'000LL), double(now), 5000);
    QVERIFY2(hours.size() >= 10 && hours.size() <= 11, qPrintable(QString::number(hours.size())));
}

QTEST_GUILESS_MAIN(TestLiveReadings)
#include "tst_livereadings.moc"
