// SPDX-License-Identifier: GPL-3.0-or-later
// The alarm rules of migration 0004, run by the real server: readings go in by INSERT as the
// ingest path writes them, and the alarms are read back as a console would read them.
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "tests/support/pgtestdatabase.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <optional>

using namespace infrasight;
using namespace infrasight::data;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
QByteArray describe(const Result<T> &result)
{
    if (result) {
        return {};
    }
    return (result.error().toString() + u" / SQLSTATE "_s + result.error().sqlState).toUtf8();
}

} // namespace

// Checks a Result (evaluated once) and prints the error when it failed.
#define QVERIFY_OK(expression)                                                                     \
    do {                                                                                           \
        const auto &checked_ = (expression);                                                       \
        QVERIFY2(checked_, describe(checked_).constData());                                        \
    } while (false)

/// A migrated database of its own, the test's clock (readings are stamped base + seconds, so a
/// test controls their order) and login roles in the infrasight groups, dropped at the end.
class AlarmDb
{
public:
    static std::unique_ptr<AlarmDb> create();
    ~AlarmDb();
    AlarmDb(const AlarmDb &) = delete;
    AlarmDb &operator=(const AlarmDb &) = delete;

    PgConnection &sql() { return *m_owner; }

    /// A first value of a statement, or nothing (with a warning) if it failed or returned no row.
    std::optional<qint64> number(const QString &statement, const QVariantList &params = {});

    /// A sensor of kind noise at a point, with its own limits (NULL where not given).
    qint64 addSensor(const QString &code,
                     const QVariant &warnHigh,
                     const QVariant &critHigh,
                     double hysteresis,
                     double lon = 7.4246,
                     double lat = 43.7396);

    /// Inserts values for one sensor in ONE statement, one second apart, after every earlier one.
    bool feed(qint64 sensor, const QList<double> &values);

    /// Connects as a new login of infrasight_<group>; its name is loginOf(group).
    std::unique_ptr<PgConnection> connectAs(const QString &group);

    QString loginOf(const QString &group) const { return m_database->name() + u"_"_s + group; }

    int alarmCount(qint64 sensor);

    /// A sensor with a warning limit of 70 (hysteresis 1) and a reading of 75: the id of the
    /// one new alarm that raised.
    std::optional<qint64> openAlarm(const QString &code);

    /// One column of alarm_tick(escalate_after), or nothing (with a warning) if it failed.
    std::optional<qint64> tick(const QString &column, const QString &escalateAfter = u"15 min"_s);

private:
    AlarmDb() = default;

    std::optional<tests::PgTestDatabase> m_database;
    std::unique_ptr<PgConnection> m_owner;
    QStringList m_logins;
    QDateTime m_clock;
};

std::unique_ptr<AlarmDb> AlarmDb::create()
{
    std::unique_ptr<AlarmDb> db(new AlarmDb);
    auto database = tests::PgTestDatabase::create();
    if (!database) {
        qWarning("%s", describe(database).constData());
        return nullptr;
    }
    db->m_database.emplace(std::move(*database));
    auto owner = PgConnection::open(db->m_database->conninfo());
    if (!owner) {
        qWarning("%s", describe(owner).constData());
        return nullptr;
    }
    db->m_owner = std::move(*owner);
    if (auto migrated = MigrationRunner(*db->m_owner).migrate(); !migrated) {
        qWarning("%s", describe(migrated).constData());
        return nullptr;
    }
    // Readings start an hour ago, whole seconds, so that everything stays in today's partitions
    // or yesterday's and in the past.
    auto start = db->m_owner->exec(u"SELECT date_trunc('second', now()) - interval '1 hour'"_s);
    if (!start || start->rowCount() != 1) {
        qWarning("%s", describe(start).constData());
        return nullptr;
    }
    db->m_clock = start->value(0, 0).toDateTime();
    return db;
}

AlarmDb::~AlarmDb()
{
    for (const QString &login : std::as_const(m_logins)) {
        if (auto dropped = m_owner->exec(u"DROP ROLE IF EXISTS "_s + quoteIdentifier(login));
            !dropped) {
            qWarning("cannot drop %s: %s", qPrintable(login), describe(dropped).constData());
        }
    }
}

std::optional<qint64> AlarmDb::number(const QString &statement, const QVariantList &params)
{
    auto result = m_owner->exec(statement, params);
    if (!result || result->rowCount() < 1) {
        qWarning("%s: %s", qPrintable(statement), describe(result).constData());
        return std::nullopt;
    }
    return result->toInt(0, 0);
}

qint64 AlarmDb::addSensor(const QString &code,
                          const QVariant &warnHigh,
                          const QVariant &critHigh,
                          double hysteresis,
                          double lon,
                          double lat)
{
    return number(u"INSERT INTO sensor (code, kind, unit, warn_high, crit_high, hysteresis, geom) "
                  "VALUES ($1, 'noise', 'dB', $2::float8, $3::float8, $4, "
                  "        ST_SetSRID(ST_MakePoint($5, $6), 4326)) RETURNING id"_s,
                  {code, warnHigh, critHigh, hysteresis, lon, lat})
        .value_or(0);
}

bool AlarmDb::feed(qint64 sensor, const QList<double> &values)
{
    QVariantList list;
    for (double v : values) {
        list << v;
    }
    auto inserted = m_owner->exec(u"INSERT INTO reading (sensor_id, ts, value) "
                                  "SELECT $1, $2::timestamptz + make_interval(secs => u.i), u.v "
                                  "FROM unnest($3::float8[]) WITH ORDINALITY AS u(v, i)"_s,
                                  {sensor, m_clock, QVariant(list)});
    m_clock = m_clock.addSecs(values.size() + 1);
    if (!inserted) {
        qWarning("feed failed: %s", describe(inserted).constData());
        return false;
    }
    return inserted->affectedRows() == values.size();
}

std::unique_ptr<PgConnection> AlarmDb::connectAs(const QString &group)
{
    const QString login = loginOf(group);
    const QString secret = QUuid::createUuid().toString(QUuid::Id128);
    // Role DDL has no parameters: the server quotes name and password into the statement.
    auto ddl = m_owner->exec(u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', "
                             "$1::text, $2::text, 'infrasight_' || $3::text)"_s,
                             {login, secret, group});
    if (!ddl) {
        qWarning("%s", describe(ddl).constData());
        return nullptr;
    }
    if (auto created = m_owner->execScript(ddl->text(0, 0)); !created) {
        qWarning("%s", describe(created).constData());
        return nullptr;
    }
    m_logins << login;
    auto connection = PgConnection::open(m_database->conninfoAs(login, secret));
    if (!connection) {
        qWarning("%s", describe(connection).constData());
        return nullptr;
    }
    return std::move(*connection);
}

int AlarmDb::alarmCount(qint64 sensor)
{
    return int(number(u"SELECT count(*) FROM alarm WHERE sensor_id = $1"_s, {sensor}).value_or(-1));
}

std::optional<qint64> AlarmDb::openAlarm(const QString &code)
{
    const qint64 sensor = addSensor(code, 70.0, QVariant(), 1.0);
    if (!sensor || !feed(sensor, {75})) {
        return std::nullopt;
    }
    return number(u"SELECT id FROM alarm WHERE sensor_id = $1 AND state = 'new'"_s, {sensor});
}

std::optional<qint64> AlarmDb::tick(const QString &column, const QString &escalateAfter)
{
    // The column is one of the test's constants, quoted as an identifier all the same.
    return number(u"SELECT "_s + quoteIdentifier(column) + u" FROM alarm_tick($1::interval)"_s,
                  {escalateAfter});
}

class TestAlarmRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thresholdBreachRaisesOnceAndClears();
    void warningEscalatesToCriticalOnTheSameAlarm();
    void spikeWithinOneBatchIsNotLost();
    void rateOfChangeRaises();
    void operatorAcknowledgesViewerCannot();
    void illegalTransitionsAreRefused();
    void shelvedAlarmReturnsAfterItsTime();
    void offlineSensorRaisesAndResolvesOnData();
    void maintenanceWindowSuppresses();
    void unacknowledgedCriticalEscalates();
    void aggregateRuleCountsSensorsInADistrict();
    void compositeRuleCombinesRules();
    void raisedAlarmIsNotified();
    void retentionDropsOldPartitionsOnly();
};

void TestAlarmRules::thresholdBreachRaisesOnceAndClears()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-1"_s, 70.0, QVariant(), 2.0);
    QVERIFY(sensor);

    QVERIFY(db->feed(sensor, {55, 60, 65, 69.9}));
    QCOMPARE(db->alarmCount(sensor), 0);
    QVERIFY(db->feed(sensor, {70.5}));
    QCOMPARE(db->alarmCount(sensor), 1);

    // 200 values jittering across the limit but never below limit - hysteresis (68): one alarm.
    // Half one statement each, half in one statement.
    QList<double> jitter;
    for (int i = 0; i < 200; ++i) {
        jitter << 68.2 + (i * 7 % 37) / 10.0; // 68.2 .. 71.8
    }
    for (int i = 0; i < 100; ++i) {
        QVERIFY(db->feed(sensor, {jitter[i]}));
    }
    QVERIFY(db->feed(sensor, jitter.mid(100)));
    QCOMPARE(db->alarmCount(sensor), 1);

    auto open = db->sql().exec(u"SELECT id, state, severity, rule_id IS NULL, value, message "
                               "FROM alarm WHERE sensor_id = $1"_s,
                               {sensor});
    QVERIFY_OK(open);
    const qint64 first = open->toInt(0, 0);
    QCOMPARE(open->text(0, 1), u"new"_s);
    QCOMPARE(open->text(0, 2), u"warning"_s);
    QVERIFY(open->value(0, 3).toBool()); // the sensor's own limit, no rule row
    QCOMPARE(open->toDouble(0, 4), 70.5);
    QVERIFY2(open->text(0, 5).contains(u"NS-1"_s), qPrintable(open->text(0, 5)));

    // Back inside by more than the hysteresis: resolved by the system.
    QVERIFY(db->feed(sensor, {67.5}));
    auto resolved = db->sql().exec(u"SELECT state, resolved_by, resolved_at IS NOT NULL "
                                   "FROM alarm WHERE id = $1"_s,
                                   {first});
    QVERIFY_OK(resolved);
    QCOMPARE(resolved->text(0, 0), u"resolved"_s);
    QCOMPARE(resolved->text(0, 1), u"system"_s);
    QVERIFY(resolved->value(0, 2).toBool());

    // Normal values raise nothing; a later breach is a new alarm.
    QVERIFY(db->feed(sensor, {60, 62, 69}));
    QCOMPARE(db->alarmCount(sensor), 1);
    QVERIFY(db->feed(sensor, {74}));
    QCOMPARE(db->alarmCount(sensor), 2);
    auto second = db->number(u"SELECT count(*) FROM alarm WHERE sensor_id = $1 AND state = 'new' "
                             "AND id <> $2"_s,
                             {sensor, first});
    QCOMPARE(second, std::optional<qint64>(1));
}

void TestAlarmRules::warningEscalatesToCriticalOnTheSameAlarm()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-2"_s, 70.0, 80.0, 1.0);
    QVERIFY(sensor);

    QVERIFY(db->feed(sensor, {60, 72}));
    auto warning
        = db->sql().exec(u"SELECT id, severity FROM alarm WHERE sensor_id = $1"_s, {sensor});
    QVERIFY_OK(warning);
    QCOMPARE(warning->rowCount(), 1);
    QCOMPARE(warning->text(0, 1), u"warning"_s);
    const qint64 id = warning->toInt(0, 0);

    QVERIFY(db->feed(sensor, {85}));
    QVERIFY(db->feed(sensor, {79.5, 81, 79.2})); // inside the critical band: nothing new
    auto critical = db->sql().exec(u"SELECT id, severity, value, state FROM alarm "
                                   "WHERE sensor_id = $1"_s,
                                   {sensor});
    QVERIFY_OK(critical);
    QCOMPARE(critical->rowCount(), 1);
    QCOMPARE(critical->toInt(0, 0), id);
    QCOMPARE(critical->text(0, 1), u"critical"_s);
    QCOMPARE(critical->toDouble(0, 2), 85.0);
    QCOMPARE(critical->text(0, 3), u"new"_s);

    // Down to the warning band: still the same open (critical) alarm; below warning: resolved.
    QVERIFY(db->feed(sensor, {75}));
    auto state = u"SELECT state || '/' || severity FROM alarm WHERE id = $1"_s;
    auto stillOpen = db->sql().exec(state, {id});
    QVERIFY_OK(stillOpen);
    QCOMPARE(stillOpen->text(0, 0), u"new/critical"_s);
    QVERIFY(db->feed(sensor, {68.5}));
    auto cleared = db->sql().exec(state, {id});
    QVERIFY_OK(cleared);
    QCOMPARE(cleared->text(0, 0), u"resolved/critical"_s);
    QCOMPARE(db->alarmCount(sensor), 1);
}

void TestAlarmRules::spikeWithinOneBatchIsNotLost()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-3"_s, 70.0, 80.0, 1.0);
    QVERIFY(sensor);
    QVERIFY(db->feed(sensor, {60, 90, 61, 62}));
    auto spike = db->sql().exec(u"SELECT severity, state, value, resolved_by FROM alarm "
                                "WHERE sensor_id = $1"_s,
                                {sensor});
    QVERIFY_OK(spike);
    QCOMPARE(spike->rowCount(), 1);
    QCOMPARE(spike->text(0, 0), u"critical"_s);
    QCOMPARE(spike->text(0, 1), u"resolved"_s);
    QCOMPARE(spike->toDouble(0, 2), 90.0);
    QCOMPARE(spike->text(0, 3), u"system"_s);

    // The rollups and the latest value saw every reading.
    auto rollup = db->sql().exec(u"SELECT sum(n), max(max), min(min) FROM reading_1m "
                                 "WHERE sensor_id = $1"_s,
                                 {sensor});
    QVERIFY_OK(rollup);
    QCOMPARE(rollup->toInt(0, 0), 4);
    QCOMPARE(rollup->toDouble(0, 1), 90.0);
    QCOMPARE(rollup->toDouble(0, 2), 60.0);
    auto hour = db->number(u"SELECT sum(n) FROM reading_1h WHERE sensor_id = $1"_s, {sensor});
    QCOMPARE(hour, std::optional<qint64>(4));
    auto latest
        = db->sql().exec(u"SELECT last_value FROM sensor_live WHERE sensor_id = $1"_s, {sensor});
    QVERIFY_OK(latest);
    QCOMPARE(latest->toDouble(0, 0), 62.0);
}

void TestAlarmRules::rateOfChangeRaises()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-4"_s, QVariant(), QVariant(), 0);
    QVERIFY(sensor);
    auto rule = db->number(u"INSERT INTO alarm_rule (name, kind, sensor_id, params, severity) "
                           "VALUES ('Sudden change', 'rate_of_change', $1, "
                           "        '{\"max_per_minute\": 60}', 'critical') RETURNING id"_s,
                           {sensor});
    QVERIFY(rule);

    // One second apart: 0.5 per second = 30 per minute, below the limit, in two batches.
    QVERIFY(db->feed(sensor, {50, 50.5, 51}));
    QVERIFY(db->feed(sensor, {51.5})); // two seconds after 51 (feed leaves a gap): 15 per minute
    QCOMPARE(db->alarmCount(sensor), 0);
    QVERIFY(db->feed(sensor, {52, 55})); // 3 in one second: 180 per minute
    auto raised = db->sql().exec(u"SELECT rule_id, severity, value, message FROM alarm "
                                 "WHERE sensor_id = $1"_s,
                                 {sensor});
    QVERIFY_OK(raised);
    QCOMPARE(raised->rowCount(), 1);
    QCOMPARE(raised->toInt(0, 0), *rule);
    QCOMPARE(raised->text(0, 1), u"critical"_s);
    QCOMPARE(raised->toDouble(0, 2), 180.0);
    QVERIFY2(raised->text(0, 3).contains(u"per minute"_s), qPrintable(raised->text(0, 3)));
}

void TestAlarmRules::operatorAcknowledgesViewerCannot()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const auto id = db->openAlarm(u"NS-5"_s);
    QVERIFY(id);

    auto viewer = db->connectAs(u"viewer"_s);
    QVERIFY(viewer);
    auto planner = db->connectAs(u"planner"_s);
    QVERIFY(planner);
    auto op = db->connectAs(u"operator"_s);
    QVERIFY(op);

    // A viewer (and a planner, who edits assets) may read alarms but not acknowledge them, by
    // the function or by a direct UPDATE.
    QVERIFY_OK(viewer->exec(u"SELECT count(*) FROM alarm"_s));
    const QString acknowledge = u"SELECT state, version FROM alarm_acknowledge($1, $2)"_s;
    const QString direct = u"UPDATE alarm SET state = 'acknowledged' WHERE id = $1"_s;
    for (PgConnection *refused : {viewer.get(), planner.get()}) {
        auto byFunction = refused->exec(acknowledge, {*id, u"seen"_s});
        QVERIFY(!byFunction);
        QCOMPARE(byFunction.error().code, ErrorCode::PermissionDenied);
        auto byUpdate = refused->exec(direct, {*id});
        QVERIFY(!byUpdate);
        QCOMPARE(byUpdate.error().code, ErrorCode::PermissionDenied);
    }
    auto untouched = db->sql().exec(u"SELECT state, version FROM alarm WHERE id = $1"_s, {*id});
    QVERIFY_OK(untouched);
    QCOMPARE(untouched->text(0, 0), u"new"_s);
    QCOMPARE(untouched->toInt(0, 1), 1);

    // A stale version is a conflict, not a silent overwrite.
    auto stale = op->exec(u"SELECT * FROM alarm_acknowledge($1, $2, $3)"_s, {*id, u"x"_s, 7});
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::Conflict);

    auto acknowledged = op->exec(u"SELECT state, version FROM alarm_acknowledge($1, $2, $3)"_s,
                                 {*id, u"crew informed"_s, 1});
    QVERIFY_OK(acknowledged);
    QCOMPARE(acknowledged->text(0, 0), u"acknowledged"_s);
    QCOMPARE(acknowledged->toInt(0, 1), 2);

    auto row = db->sql().exec(u"SELECT acknowledged_by, acknowledged_at IS NOT NULL, ack_comment, "
                              "       acknowledged_at <= now() "
                              "FROM alarm WHERE id = $1"_s,
                              {*id});
    QVERIFY_OK(row);
    QCOMPARE(row->text(0, 0), db->loginOf(u"operator"_s));
    QVERIFY(row->value(0, 1).toBool());
    QCOMPARE(row->text(0, 2), u"crew informed"_s);
    QVERIFY(row->value(0, 3).toBool());

    // The operator goes on through the lifecycle; each step has its who and comment.
    QVERIFY_OK(op->exec(u"SELECT alarm_resolve($1, $2)"_s, {*id, u"lamp replaced"_s}));
    QVERIFY_OK(op->exec(u"SELECT alarm_close($1, $2)"_s, {*id, u"done"_s}));
    auto steps = db->sql().exec(u"SELECT state, resolved_by, resolve_comment, closed_by, "
                                "       close_comment, closed_at IS NOT NULL "
                                "FROM alarm WHERE id = $1"_s,
                                {*id});
    QVERIFY_OK(steps);
    QCOMPARE(steps->text(0, 0), u"closed"_s);
    QCOMPARE(steps->text(0, 1), db->loginOf(u"operator"_s));
    QCOMPARE(steps->text(0, 2), u"lamp replaced"_s);
    QCOMPARE(steps->text(0, 3), db->loginOf(u"operator"_s));
    QCOMPARE(steps->text(0, 4), u"done"_s);
    QVERIFY(steps->value(0, 5).toBool());
}

void TestAlarmRules::illegalTransitionsAreRefused()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const auto id = db->openAlarm(u"NS-6"_s);
    QVERIFY(id);
    auto op = db->connectAs(u"operator"_s);
    QVERIFY(op);

    auto closeNew = op->exec(u"SELECT alarm_close($1, 'skip')"_s, {*id});
    QVERIFY(!closeNew);
    QCOMPARE(closeNew.error().sqlState, u"23514"_s);
    QVERIFY2(closeNew.error().message.contains(u"from new to closed"_s),
             qPrintable(closeNew.error().message));
    auto shelvedInThePast
        = op->exec(u"SELECT alarm_shelve($1, now() - interval '1 minute')"_s, {*id});
    QVERIFY(!shelvedInThePast);
    QCOMPARE(shelvedInThePast.error().sqlState, u"23514"_s);

    QVERIFY_OK(op->exec(u"SELECT alarm_resolve($1, 'fixed')"_s, {*id}));
    QVERIFY_OK(op->exec(u"SELECT alarm_close($1, 'done')"_s, {*id}));
    for (const QString &statement : {u"SELECT alarm_acknowledge($1, 'late')"_s,
                                     u"SELECT alarm_resolve($1, 'again')"_s,
                                     u"UPDATE alarm SET state = 'acknowledged' WHERE id = $1"_s}) {
        auto refused = op->exec(statement, {*id});
        QVERIFY2(!refused, qPrintable(statement));
        QCOMPARE(refused.error().sqlState, u"23514"_s);
    }
    auto missing = op->exec(u"SELECT alarm_acknowledge($1, 'who?')"_s, {*id + 1000});
    QVERIFY(!missing);
    QCOMPARE(missing.error().sqlState, u"P0002"_s);
    auto still
        = db->sql().exec(u"SELECT state, ack_comment IS NULL FROM alarm WHERE id = $1"_s, {*id});
    QVERIFY_OK(still);
    QCOMPARE(still->text(0, 0), u"closed"_s);
    QVERIFY(still->value(0, 1).toBool());
}

void TestAlarmRules::shelvedAlarmReturnsAfterItsTime()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const auto id = db->openAlarm(u"NS-7"_s);
    QVERIFY(id);
    auto op = db->connectAs(u"operator"_s);
    QVERIFY(op);

    QVERIFY_OK(op->exec(u"SELECT alarm_acknowledge($1, 'seen')"_s, {*id}));
    auto shelved = op->exec(u"SELECT state, shelved_by, shelve_comment, shelved_from "
                            "FROM alarm_shelve($1, now() + interval '1 hour', 'works tonight')"_s,
                            {*id});
    QVERIFY_OK(shelved);
    QCOMPARE(shelved->text(0, 0), u"shelved"_s);
    QCOMPARE(shelved->text(0, 1), db->loginOf(u"operator"_s));
    QCOMPARE(shelved->text(0, 2), u"works tonight"_s);
    QCOMPARE(shelved->text(0, 3), u"acknowledged"_s);

    QCOMPARE(db->tick(u"unshelved"_s), std::optional<qint64>(0));
    // Time passes (the owner moves the end into the past; the state does not change by that).
    QVERIFY_OK(db->sql().exec(u"UPDATE alarm SET shelved_until = now() - interval '1 second' "
                              "WHERE id = $1"_s,
                              {*id}));
    QCOMPARE(db->tick(u"unshelved"_s), std::optional<qint64>(1));
    auto back = db->sql().exec(u"SELECT state, acknowledged_by, ack_comment FROM alarm "
                               "WHERE id = $1"_s,
                               {*id});
    QVERIFY_OK(back);
    QCOMPARE(back->text(0, 0), u"acknowledged"_s);
    QCOMPARE(back->text(0, 1), db->loginOf(u"operator"_s)); // not re-stamped by the system
    QCOMPARE(back->text(0, 2), u"seen"_s);
}

void TestAlarmRules::offlineSensorRaisesAndResolvesOnData()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-8"_s, QVariant(), QVariant(), 0);
    const qint64 healthy = db->addSensor(u"NS-9"_s, QVariant(), QVariant(), 0);
    QVERIFY(sensor && healthy);
    auto rule = db->number(u"INSERT INTO alarm_rule (name, kind, sensor_kind, params) "
                           "VALUES ('Silent', 'offline', 'noise', '{\"intervals\": 3}') "
                           "RETURNING id"_s);
    QVERIFY(rule);
    // Sample interval 1 minute: the last reading 10 minutes ago is more than 3 intervals old.
    QVERIFY_OK(db->sql().exec(u"INSERT INTO reading (sensor_id, ts, value) "
                              "VALUES ($1, now() - interval '10 minutes', 50), "
                              "       ($2, now() - interval '30 seconds', 50)"_s,
                              {sensor, healthy}));
    QCOMPARE(db->alarmCount(sensor), 0);

    QCOMPARE(db->tick(u"raised"_s), std::optional<qint64>(1));
    auto offline = db->sql().exec(u"SELECT id, rule_id, state, message FROM alarm "
                                  "WHERE sensor_id = $1"_s,
                                  {sensor});
    QVERIFY_OK(offline);
    QCOMPARE(offline->rowCount(), 1);
    QCOMPARE(offline->toInt(0, 1), *rule);
    QCOMPARE(offline->text(0, 2), u"new"_s);
    QVERIFY2(offline->text(0, 3).contains(u"no data since"_s), qPrintable(offline->text(0, 3)));
    QCOMPARE(db->alarmCount(healthy), 0);

    // One alarm per outage, however often the tick runs.
    QCOMPARE(db->tick(u"raised"_s), std::optional<qint64>(0));
    QCOMPARE(db->tick(u"raised"_s), std::optional<qint64>(0));
    QCOMPARE(db->alarmCount(sensor), 1);

    // Data again: resolved on ingest, no tick needed.
    QVERIFY_OK(db->sql().exec(
        u"INSERT INTO reading (sensor_id, ts, value) VALUES ($1, now(), 51)"_s, {sensor}));
    auto resolved = db->sql().exec(u"SELECT state, resolved_by, resolve_comment FROM alarm "
                                   "WHERE id = $1"_s,
                                   {offline->toInt(0, 0)});
    QVERIFY_OK(resolved);
    QCOMPARE(resolved->text(0, 0), u"resolved"_s);
    QCOMPARE(resolved->text(0, 1), u"system"_s);
    QCOMPARE(resolved->text(0, 2), u"data arrived again"_s);
    QVERIFY(db->tick(u"raised"_s));
    QCOMPARE(db->alarmCount(sensor), 1);
}

void TestAlarmRules::maintenanceWindowSuppresses()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-10"_s, 70.0, QVariant(), 1.0);
    QVERIFY(sensor);
    auto op = db->connectAs(u"operator"_s);
    QVERIFY(op);
    auto window
        = op->exec(u"INSERT INTO maintenance_window (sensor_id, starts_at, ends_at, reason) "
                   "VALUES ($1, now() - interval '2 hours', now() + interval '1 hour', "
                   "        'calibration') RETURNING id"_s,
                   {sensor});
    QVERIFY_OK(window);

    QVERIFY(db->feed(sensor, {60, 80, 85, 72}));
    QVERIFY(db->feed(sensor, {90}));
    QCOMPARE(db->alarmCount(sensor), 0);

    // The window ends: a condition still present raises at the next reading.
    QVERIFY_OK(op->exec(u"UPDATE maintenance_window SET ends_at = starts_at + interval '1 minute' "
                        "WHERE id = $1"_s,
                        {window->toInt(0, 0)}));
    QVERIFY(db->feed(sensor, {88}));
    QCOMPARE(db->alarmCount(sensor), 1);
}

void TestAlarmRules::unacknowledgedCriticalEscalates()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-11"_s, 70.0, 80.0, 1.0);
    QVERIFY(sensor);
    // raised_at is the time of the breaching reading: now, so that it is not yet due.
    QVERIFY_OK(db->sql().exec(
        u"INSERT INTO reading (sensor_id, ts, value) VALUES ($1, now(), 95)"_s, {sensor}));
    auto id = db->number(u"SELECT id FROM alarm WHERE sensor_id = $1 AND severity = 'critical'"_s,
                         {sensor});
    QVERIFY(id);

    const QString escalated = u"escalated"_s;
    const QString tenMinutes = u"10 minutes"_s;
    QCOMPARE(db->tick(escalated, tenMinutes), std::optional<qint64>(0));
    QVERIFY_OK(db->sql().exec(u"UPDATE alarm SET raised_at = now() - interval '11 minutes' "
                              "WHERE id = $1"_s,
                              {*id}));
    QCOMPARE(db->tick(escalated, tenMinutes), std::optional<qint64>(1));
    auto first = db->sql().exec(u"SELECT escalated_at FROM alarm WHERE id = $1"_s, {*id});
    QVERIFY_OK(first);
    QVERIFY(!first->value(0, 0).isNull());

    // Once only.
    QCOMPARE(db->tick(escalated, tenMinutes), std::optional<qint64>(0));
    auto again = db->sql().exec(u"SELECT escalated_at FROM alarm WHERE id = $1"_s, {*id});
    QVERIFY_OK(again);
    QCOMPARE(again->value(0, 0), first->value(0, 0));

    // An acknowledged critical alarm is not escalated.
    const qint64 other = db->addSensor(u"NS-12"_s, 70.0, 80.0, 1.0);
    QVERIFY(db->feed(other, {95}));
    QVERIFY_OK(db->sql().exec(u"UPDATE alarm SET state = 'acknowledged', "
                              "       raised_at = now() - interval '1 hour' "
                              "WHERE sensor_id = $1"_s,
                              {other}));
    QCOMPARE(db->tick(escalated, tenMinutes), std::optional<qint64>(0));
}

void TestAlarmRules::aggregateRuleCountsSensorsInADistrict()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    auto district = db->number(
        u"INSERT INTO basemap.district (osm_id, osm_type, name, admin_level, geom) "
        "VALUES (1, 'r', 'Monaco-Ville', 10, "
        "        ST_Multi(ST_MakeEnvelope(7.420, 43.725, 7.430, 43.735, 4326))) RETURNING id"_s);
    QVERIFY(district);
    QList<qint64> inside;
    for (int i = 0; i < 3; ++i) {
        inside << db->addSensor(u"IN-%1"_s.arg(i), 70.0, QVariant(), 1.0, 7.421 + i * 0.002, 43.73);
    }
    const qint64 outside = db->addSensor(u"OUT-1"_s, 70.0, QVariant(), 1.0, 7.45, 43.74);
    auto rule = db->number(u"INSERT INTO alarm_rule (name, kind, params, severity) "
                           "VALUES ('Noisy quarter', 'aggregate', "
                           "        '{\"sensor_kind\": \"noise\", \"min_count\": 3}', 'critical') "
                           "RETURNING id"_s);
    QVERIFY(rule);
    const QString aggregateAlarms
        = u"SELECT count(*) FROM alarm WHERE rule_id = $1 AND state = 'new'"_s;

    QVERIFY(db->feed(inside[0], {75}));
    QVERIFY(db->feed(inside[1], {76}));
    QVERIFY(db->feed(outside, {77}));
    QCOMPARE(db->number(aggregateAlarms, {*rule}), std::optional<qint64>(0));

    QVERIFY(db->feed(inside[2], {78}));
    auto raised = db->sql().exec(u"SELECT id, district_id, source_kind, severity, value, message "
                                 "FROM alarm WHERE rule_id = $1"_s,
                                 {*rule});
    QVERIFY_OK(raised);
    QCOMPARE(raised->rowCount(), 1);
    QCOMPARE(raised->toInt(0, 1), *district);
    QCOMPARE(raised->text(0, 2), u"system"_s);
    QCOMPARE(raised->text(0, 3), u"critical"_s);
    QCOMPARE(raised->toDouble(0, 4), 3.0);
    QVERIFY2(raised->text(0, 5).contains(u"Monaco-Ville"_s), qPrintable(raised->text(0, 5)));

    // Still three (another reading in breach) -> no second alarm; one clears -> resolved.
    QVERIFY(db->feed(inside[0], {79}));
    QVERIFY(db->tick(u"raised"_s));
    QCOMPARE(db->number(u"SELECT count(*) FROM alarm WHERE rule_id = $1"_s, {*rule}),
             std::optional<qint64>(1));
    QVERIFY(db->feed(inside[1], {50}));
    auto cleared = db->sql().exec(u"SELECT state, resolved_by FROM alarm WHERE id = $1"_s,
                                  {raised->toInt(0, 0)});
    QVERIFY_OK(cleared);
    QCOMPARE(cleared->text(0, 0), u"resolved"_s);
    QCOMPARE(cleared->text(0, 1), u"system"_s);
}

void TestAlarmRules::compositeRuleCombinesRules()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 pressure = db->addSensor(u"P-1"_s, QVariant(), QVariant(), 0);
    const qint64 noise = db->addSensor(u"N-1"_s, QVariant(), QVariant(), 0);
    QVERIFY(pressure && noise);
    auto high = db->number(u"INSERT INTO alarm_rule (name, kind, sensor_id, params) "
                           "VALUES ('P high', 'threshold', $1, '{\"high\": 6}') RETURNING id"_s,
                           {pressure});
    auto loud = db->number(u"INSERT INTO alarm_rule (name, kind, sensor_id, params) "
                           "VALUES ('N loud', 'threshold', $1, '{\"high\": 80}') RETURNING id"_s,
                           {noise});
    QVERIFY(high && loud);
    auto both = db->number(u"INSERT INTO alarm_rule (name, kind, params, severity) "
                           "VALUES ('Burst main', 'composite', "
                           "        jsonb_build_object('op', 'and', 'rules', "
                           "                           jsonb_build_array($1::bigint, $2::bigint)),"
                           "        'critical') RETURNING id"_s,
                           {*high, *loud});
    QVERIFY(both);
    const QString open = u"SELECT count(*) FROM alarm WHERE rule_id = $1 AND state = 'new'"_s;

    QVERIFY(db->feed(pressure, {7}));
    QCOMPARE(db->number(open, {*high}), std::optional<qint64>(1));
    QCOMPARE(db->number(open, {*both}), std::optional<qint64>(0));
    QVERIFY(db->feed(noise, {85}));
    QCOMPARE(db->number(open, {*both}), std::optional<qint64>(1));
    QVERIFY(db->feed(pressure, {5}));
    QCOMPARE(db->number(open, {*both}), std::optional<qint64>(0));
    QCOMPARE(db->number(u"SELECT count(*) FROM alarm WHERE rule_id = $1 AND state = 'resolved'"_s,
                        {*both}),
             std::optional<qint64>(1));
}

void TestAlarmRules::raisedAlarmIsNotified()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-13"_s, 70.0, QVariant(), 1.0);
    QVERIFY(sensor);
    auto listener = db->connectAs(u"viewer"_s);
    QVERIFY(listener);
    QVERIFY_OK(listener->listen(u"alarm"_s));
    QVERIFY_OK(listener->listen(u"reading"_s));

    QVERIFY(db->feed(sensor, {75, 76}));
    auto id = db->number(u"SELECT id FROM alarm WHERE sensor_id = $1"_s, {sensor});
    QVERIFY(id);

    std::optional<QJsonObject> alarm;
    std::optional<QJsonObject> reading;
    QDeadlineTimer deadline(10000);
    while (!(alarm && reading) && !deadline.hasExpired()) {
        auto received = listener->pollNotifications();
        QVERIFY_OK(received);
        for (const PgNotification &n : std::as_const(*received)) {
            const QJsonObject payload = QJsonDocument::fromJson(n.payload.toUtf8()).object();
            (n.channel == u"alarm"_s ? alarm : reading) = payload;
        }
        QThread::msleep(10);
    }
    QVERIFY(alarm);
    QCOMPARE(alarm->value(u"table"_s).toString(), u"alarm"_s);
    QCOMPARE(alarm->value(u"op"_s).toString(), u"INSERT"_s);
    const QJsonArray ids = alarm->value(u"ids"_s).toArray();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids.at(0).toInteger(), *id);
    QVERIFY(reading);
    QCOMPARE(reading->value(u"count"_s).toInt(), 2);
}

void TestAlarmRules::retentionDropsOldPartitionsOnly()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto db = AlarmDb::create();
    QVERIFY(db);
    const qint64 sensor = db->addSensor(u"NS-14"_s, QVariant(), QVariant(), 0);
    QVERIFY(sensor);
    // 75 days back always lies in a monthly partition that ends more than 30 days ago.
    QVERIFY_OK(db->sql().exec(u"INSERT INTO reading (sensor_id, ts, value) "
                              "VALUES ($1, now() - interval '75 days', 1), "
                              "       ($1, now() - interval '1 day', 2), ($1, now(), 3)"_s,
                              {sensor}));
    auto oldPartition = db->sql().exec(u"SELECT tableoid::regclass::text FROM reading "
                                       "WHERE sensor_id = $1 AND value = 1"_s,
                                       {sensor});
    QVERIFY_OK(oldPartition);
    const QString old = oldPartition->text(0, 0);
    QVERIFY2(old.startsWith(u"reading_p"_s), qPrintable(old));

    auto viewer = db->connectAs(u"viewer"_s);
    QVERIFY(viewer);
    auto refused = viewer->exec(u"SELECT * FROM reading_retention()"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);

    auto admin = db->connectAs(u"admin"_s);
    QVERIFY(admin);
    auto dropped = admin->exec(u"SELECT object, action, row_count FROM "
                               "reading_retention(interval '30 days', interval '60 days')"_s);
    QVERIFY_OK(dropped);
    QStringList droppedPartitions;
    qint64 minuteRows = -1;
    for (int row = 0; row < dropped->rowCount(); ++row) {
        if (dropped->text(row, 1) == u"partition dropped"_s) {
            droppedPartitions << dropped->text(row, 0);
        } else if (dropped->text(row, 0) == u"reading_1m"_s) {
            minuteRows = dropped->toInt(row, 2);
        }
    }
    QVERIFY2(droppedPartitions.contains(old), qPrintable(droppedPartitions.join(u',')));
    QCOMPARE(minuteRows, 1);

    auto left = db->sql().exec(u"SELECT array_agg(value ORDER BY value)::text, "
                               "       to_regclass($2) IS NULL "
                               "FROM reading WHERE sensor_id = $1"_s,
                               {sensor, old});
    QVERIFY_OK(left);
    QCOMPARE(left->text(0, 0), u"{2,3}"_s);
    QVERIFY(left->value(0, 1).toBool());
    QCOMPARE(db->number(u"SELECT count(*) FROM reading_1m WHERE sensor_id = $1"_s, {sensor}),
             std::optional<qint64>(2));
    // Partitions for the days ahead are still there, and the ingest path still works.
    QVERIFY(db->feed(sensor, {4}));
    auto ahead
        = db->number(u"SELECT count(*) FROM pg_class "
                     "WHERE relname = 'reading_p' || to_char((now() AT TIME ZONE 'UTC')::date "
                     "                                       + 7, 'YYYYMMDD')"_s);
    QCOMPARE(ahead, std::optional<qint64>(1));
}

QTEST_GUILESS_MAIN(TestAlarmRules)
#include "tst_alarmrules.moc"
