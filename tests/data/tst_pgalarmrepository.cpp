// SPDX-License-Identifier: GPL-3.0-or-later
// The alarm repository against a real database: alarms the rules raise are listed critical
// first and announced on channel "alarm"; an operator's acknowledgement is recorded with who;
// a viewer's is refused and changes nothing; a stale version is a conflict.
#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "data/repositories/changefeed.h"
#include "data/repositories/pgalarmrepository.h"
#include "tests/support/awaitreply.h"
#include "tests/support/migrateddatabase.h"
#include "tests/support/resultcheck.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace infrasight;
using infrasight::data::AlarmRecord;
using infrasight::data::DbClient;
using infrasight::data::PgAlarmRepository;
using infrasight::tests::awaitReply;
using infrasight::tests::MigratedDatabase;
using namespace Qt::StringLiterals;

class TestPgAlarmRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void raisedAlarmsAreListedCriticalFirstAndAnnounced();
    void operatorAcknowledgementIsRecorded();
    void viewerAcknowledgementIsRefused();
    void staleVersionIsAConflict();

private:
    /// A connected client logged in as a new member of the group (operator, viewer).
    std::unique_ptr<DbClient> clientAs(const QString &group);
    [[nodiscard]] bool feed(const QString &sensor, double value);
    static Result<QList<AlarmRecord>> openAlarms(PgAlarmRepository &alarms);
    static Result<void> acknowledge(PgAlarmRepository &alarms, const AlarmRecord &alarm);
    static const AlarmRecord *newAlarmOf(const QList<AlarmRecord> &alarms, const QString &source);

    QString loginOf(const QString &group) const { return m_logins.value(group); }

    std::optional<MigratedDatabase> m_database;
    data::PgConnection *m_sql = nullptr;
    QHash<QString, QString> m_logins;
};

void TestPgAlarmRepository::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_sql = &m_database->connection();
    QVERIFY(m_sql->execScript(
        u"INSERT INTO sensor (code, kind, unit, warn_high, crit_high, hysteresis) VALUES "
        "('NS-00001', 'noise', 'dB(A)', 70, 80, 1), ('NS-00002', 'noise', 'dB(A)', 70, 80, 1)"_s));
}

std::unique_ptr<DbClient> TestPgAlarmRepository::clientAs(const QString &group)
{
    // The login is the last user= of its connection string.
    const QString conninfo = m_database->createLogin(group);
    const QRegularExpressionMatch user = QRegularExpression(u".* user=(\\S+)"_s).match(conninfo);
    if (!user.hasMatch()) {
        return nullptr;
    }
    m_logins.insert(group, user.captured(1));
    auto client = std::make_unique<DbClient>();
    client->open(conninfo);
    const QDeadlineTimer deadline(20000);
    while (client->state() != data::ConnectionState::Connected && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return client;
}

bool TestPgAlarmRepository::feed(const QString &sensor, double value)
{
    static int second = 0;
    auto inserted = m_sql->exec(u"INSERT INTO reading (sensor_id, ts, value) "
                                "SELECT id, now() + make_interval(secs => $3), $2 FROM sensor "
                                "WHERE code = $1"_s,
                                {sensor, value, ++second});
    return inserted && inserted->affectedRows() == 1;
}

Result<QList<AlarmRecord>> TestPgAlarmRepository::openAlarms(PgAlarmRepository &alarms)
{
    return awaitReply<QList<AlarmRecord>>(
        [&](QObject *context, auto reply) { alarms.openAlarms(100, context, reply); });
}

Result<void> TestPgAlarmRepository::acknowledge(PgAlarmRepository &alarms, const AlarmRecord &alarm)
{
    return awaitReply<void>([&](QObject *context, auto reply) {
        alarms.acknowledge(alarm.id, alarm.version, u"crew informed"_s, context, reply);
    });
}

const AlarmRecord *TestPgAlarmRepository::newAlarmOf(const QList<AlarmRecord> &alarms,
                                                     const QString &source)
{
    for (const AlarmRecord &alarm : alarms) {
        if (alarm.source == source && alarm.state == u"new") {
            return &alarm;
        }
    }
    return nullptr;
}

void TestPgAlarmRepository::raisedAlarmsAreListedCriticalFirstAndAnnounced()
{
    auto client = clientAs(u"operator"_s);
    QVERIFY(client && client->state() == data::ConnectionState::Connected);
    PgAlarmRepository alarms(*client);
    QVERIFY(alarms.changes().isLive());
    QSignalSpy changed(&alarms.changes(), &data::ChangeFeed::changed);
    alarms.changes().watch(u"alarm"_s);
    auto none = openAlarms(alarms);
    INFRASIGHT_VERIFY_OK(none);
    QVERIFY(none->isEmpty());

    QVERIFY(feed(u"NS-00001"_s, 75)); // warning
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
    QCOMPARE(changed.first().at(0).toString(), u"alarm"_s);
    QVERIFY(feed(u"NS-00002"_s, 86)); // critical, newer
    auto two = openAlarms(alarms);
    INFRASIGHT_VERIFY_OK(two);
    QCOMPARE(two->size(), 2);
    QCOMPARE(two->at(0).source, u"NS-00002"_s);
    QVERIFY(two->at(0).critical);
    QVERIFY(two->at(0).hasValue);
    QCOMPARE(two->at(0).value, 86.0);
    QCOMPARE(two->at(1).source, u"NS-00001"_s);
    QVERIFY(!two->at(1).critical);
    QCOMPARE(two->at(1).state, u"new"_s);

    // Back to normal: resolved by the rules, gone from the open list.
    QVERIFY(feed(u"NS-00001"_s, 60));
    auto one = openAlarms(alarms);
    INFRASIGHT_VERIFY_OK(one);
    QCOMPARE(one->size(), 1);
    QCOMPARE(one->first().source, u"NS-00002"_s);
}

void TestPgAlarmRepository::operatorAcknowledgementIsRecorded()
{
    auto client = clientAs(u"operator"_s);
    QVERIFY(client);
    PgAlarmRepository alarms(*client);
    auto open = openAlarms(alarms);
    INFRASIGHT_VERIFY_OK(open);
    const AlarmRecord *alarm = newAlarmOf(*open, u"NS-00002"_s);
    QVERIFY(alarm);
    INFRASIGHT_VERIFY_OK(acknowledge(alarms, *alarm));
    auto stored = m_sql->exec(u"SELECT state, acknowledged_by, ack_comment, "
                              "acknowledged_at IS NOT NULL FROM alarm WHERE id = $1"_s,
                              {alarm->id});
    QVERIFY(stored && stored->rowCount() == 1);
    QCOMPARE(stored->text(0, 0), u"acknowledged"_s);
    QCOMPARE(stored->text(0, 1), loginOf(u"operator"_s));
    QCOMPARE(stored->text(0, 2), u"crew informed"_s);
    QVERIFY(stored->value(0, 3).toBool());
    auto after = openAlarms(alarms);
    INFRASIGHT_VERIFY_OK(after);
    QCOMPARE(after->first().acknowledgedBy, loginOf(u"operator"_s));
}

void TestPgAlarmRepository::viewerAcknowledgementIsRefused()
{
    QVERIFY(feed(u"NS-00001"_s, 77)); // a new warning to try it on
    auto client = clientAs(u"viewer"_s);
    QVERIFY(client);
    PgAlarmRepository alarms(*client);
    auto open = openAlarms(alarms);
    INFRASIGHT_VERIFY_OK(open);
    const AlarmRecord *alarm = newAlarmOf(*open, u"NS-00001"_s);
    QVERIFY(alarm);
    const auto refused = acknowledge(alarms, *alarm);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    auto stored = m_sql->exec(u"SELECT state FROM alarm WHERE id = $1"_s, {alarm->id});
    QVERIFY(stored && stored->rowCount() == 1);
    QCOMPARE(stored->text(0, 0), u"new"_s);
}

void TestPgAlarmRepository::staleVersionIsAConflict()
{
    auto client = clientAs(u"operator"_s);
    QVERIFY(client);
    PgAlarmRepository alarms(*client);
    auto open = openAlarms(alarms);
    INFRASIGHT_VERIFY_OK(open);
    const AlarmRecord *alarm = newAlarmOf(*open, u"NS-00001"_s);
    QVERIFY(alarm);
    AlarmRecord stale = *alarm;
    stale.version -= 1;
    const auto refused = acknowledge(alarms, stale);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    auto stored = m_sql->exec(u"SELECT state FROM alarm WHERE id = $1"_s, {alarm->id});
    QVERIFY(stored && stored->rowCount() == 1);
    QCOMPARE(stored->text(0, 0), u"new"_s);
}

QTEST_GUILESS_MAIN(TestPgAlarmRepository)

#include "tst_pgalarmrepository.moc"
