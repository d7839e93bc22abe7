// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/dbclient.h"
#include "data/localcluster.h"
#include "data/pgconnection.h"
#include "tests/support/pgtestdatabase.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace infrasight;
using namespace infrasight::data;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(infrasight::data::ConnectionState)

namespace {

// Collects every statement outcome from the moment it is created, so none is missed.
class Outcomes
{
public:
    explicit Outcomes(DbClient &client)
    {
        QObject::connect(
            &client,
            &DbClient::queryFinished,
            &m_context,
            [this](QueryId id, const QueryOutcome &outcome) { m_outcomes.insert(id, outcome); });
    }

    QueryOutcome wait(QueryId id, int timeoutMs = 20000)
    {
        QElapsedTimer waited;
        waited.start();
        while (!m_outcomes.contains(id) && waited.elapsed() < timeoutMs) {
            QTest::qWait(5);
        }
        return m_outcomes.value(id,
                                fail(ErrorCode::Internal, u"timed out waiting for the query"_s));
    }

private:
    QObject m_context;
    QHash<QueryId, QueryOutcome> m_outcomes;
};

} // namespace

class TestDbClient : public QObject
{
    Q_OBJECT

private:
    std::optional<tests::PgTestDatabase> m_database;
    QString m_applicationName;

    QString conninfo() const
    {
        return m_database->conninfo() + u" application_name="_s + m_applicationName;
    }

    std::unique_ptr<PgConnection> adminConnection() const
    {
        auto connection = PgConnection::open(m_database->conninfo());
        return connection ? std::move(*connection) : nullptr;
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void connectsAndRunsQueries();
    void guiThreadKeepsRunningDuringSlowQuery();
    void notificationRoundTrip();
    void cancelRunningAndQueuedQueries();
    void queriesFailFastWhenOffline();
    void reconnectsAfterConnectionLossAndListensAgain();
    void asksForPasswordAndUsesIt();
    void reconnectsAfterServerRestart();
};

void TestDbClient::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = tests::PgTestDatabase::create();
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
}

void TestDbClient::init()
{
    m_applicationName = u"tst_dbclient_%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
}

void TestDbClient::cleanupTestCase()
{
    m_database.reset();
}

void TestDbClient::connectsAndRunsQueries()
{
    DbClient client;
    Outcomes outcomes(client);
    QSignalSpy states(&client, &DbClient::stateChanged);
    client.open(conninfo());
    QTRY_COMPARE(client.state(), ConnectionState::Connected);
    QCOMPARE(states.first().first().value<ConnectionState>(), ConnectionState::Connecting);

    const QueryId id = client.submit(u"SELECT $1::int + 1, $2::text"_s, {41, u"x'y"_s});
    const QueryOutcome outcome = outcomes.wait(id);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().toString()));
    QCOMPARE(outcome->toInt(0, 0), 42);
    QCOMPARE(outcome->text(0, 1), u"x'y"_s);

    const QueryId bad = client.submit(u"SELECT * FROM no_such_table"_s);
    const QueryOutcome failed = outcomes.wait(bad);
    QVERIFY(!failed);
    QCOMPARE(failed.error().sqlState, u"42P01"_s);
    QCOMPARE(client.state(), ConnectionState::Connected);
}

void TestDbClient::guiThreadKeepsRunningDuringSlowQuery()
{
    DbClient client;
    Outcomes outcomes(client);
    client.open(conninfo());
    QTRY_COMPARE(client.state(), ConnectionState::Connected);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(20);
    QElapsedTimer timer;
    timer.start();
    const QueryId id = client.submit(u"SELECT pg_sleep(1)"_s);
    QVERIFY(timer.elapsed() < 50); // submit() only queues
    QVERIFY(outcomes.wait(id));
    // About 50 ticks in a second; the event loop kept spinning while the server slept.
    QVERIFY2(ticks >= 25, qPrintable(u"only %1 timer ticks during a 1 s query"_s.arg(ticks)));
}

void TestDbClient::notificationRoundTrip()
{
    DbClient client;
    Outcomes outcomes(client);
    client.open(conninfo());
    QTRY_COMPARE(client.state(), ConnectionState::Connected);
    const QString channel = u"asset \"odd\" channel"_s;
    client.listen(channel);
    QVERIFY(outcomes.wait(client.submit(u"SELECT 1"_s))); // LISTEN has run

    QSignalSpy received(&client, &DbClient::notificationReceived);
    auto admin = adminConnection();
    QVERIFY(admin);
    const QString payload = u"{\"op\":\"UPDATE\",\"ids\":[1,2,3],\"name\":\"Ü'\\\"\"}"_s;
    QVERIFY(admin->exec(u"SELECT pg_notify($1, $2)"_s, {channel, payload}));
    QVERIFY(admin->exec(u"SELECT pg_notify($1, 'second')"_s, {channel}));
    QTRY_COMPARE(received.count(), 2);
    QCOMPARE(received.at(0).at(0).toString(), channel);
    QCOMPARE(received.at(0).at(1).toString(), payload);
    QCOMPARE(received.at(1).at(1).toString(), u"second"_s);
}

void TestDbClient::cancelRunningAndQueuedQueries()
{
    DbClient client;
    Outcomes outcomes(client);
    client.open(conninfo());
    QTRY_COMPARE(client.state(), ConnectionState::Connected);
    QElapsedTimer timer;
    timer.start();
    const QueryId slow = client.submit(u"SELECT pg_sleep(30)"_s);
    const QueryId queued = client.submit(u"SELECT 1"_s);
    client.cancel(queued);
    QTest::qWait(200); // let the slow one start on the server
    client.cancel(slow);
    const QueryOutcome slowOutcome = outcomes.wait(slow);
    QVERIFY(!slowOutcome);
    QCOMPARE(slowOutcome.error().code, ErrorCode::Cancelled);
    QVERIFY(timer.elapsed() < 10000);
    const QueryOutcome queuedOutcome = outcomes.wait(queued);
    QVERIFY(!queuedOutcome);
    QCOMPARE(queuedOutcome.error().code, ErrorCode::Cancelled);
    QVERIFY(outcomes.wait(client.submit(u"SELECT 2"_s)));
}

void TestDbClient::queriesFailFastWhenOffline()
{
    DbClient client;
    Outcomes outcomes(client);
    client.open(u"host=127.0.0.1 port=1 user=nobody dbname=nothing"_s);
    QTRY_VERIFY(!client.lastError().isEmpty());
    QVERIFY(client.state() == ConnectionState::Connecting);
    const QueryOutcome outcome = outcomes.wait(client.submit(u"SELECT 1"_s));
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::Connection);
}

void TestDbClient::reconnectsAfterConnectionLossAndListensAgain()
{
    DbClient client;
    Outcomes outcomes(client);
    client.open(conninfo());
    QTRY_COMPARE(client.state(), ConnectionState::Connected);
    client.listen(u"work_order"_s);
    QVERIFY(outcomes.wait(client.submit(u"SELECT 1"_s)));

    QSignalSpy states(&client, &DbClient::stateChanged);
    QSignalSpy reconnected(&client, &DbClient::reconnected);
    auto admin = adminConnection();
    QVERIFY(admin);
    auto killed = admin->exec(
        u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1"_s,
        {m_applicationName});
    QVERIFY(killed);
    QCOMPARE(killed->toInt(0, 0), 1);

    QTRY_VERIFY_WITH_TIMEOUT(reconnected.count() == 1, 15000);
    QCOMPARE(client.state(), ConnectionState::Connected);
    bool sawReconnecting = false;
    for (const QList<QVariant> &args : std::as_const(states)) {
        sawReconnecting |= args.first().value<ConnectionState>() == ConnectionState::Reconnecting;
    }
    QVERIFY(sawReconnecting);

    // LISTEN was re-issued on the new session.
    QSignalSpy received(&client, &DbClient::notificationReceived);
    QVERIFY(admin->exec(u"NOTIFY work_order, 'after-reconnect'"_s));
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.first().at(1).toString(), u"after-reconnect"_s);
}

void TestDbClient::asksForPasswordAndUsesIt()
{
    auto admin = adminConnection();
    QVERIFY(admin);
    const QString role = u"tst_login_%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
    const QString password = u"s3cret 'with' quotes"_s;
    // CREATE ROLE takes no parameters: format the password as a literal on the server.
    auto sql
        = admin->exec(u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text)"_s,
                      {role, password});
    QVERIFY(sql);
    QVERIFY(admin->execScript(sql->text(0, 0)));

    DbClient client;
    Outcomes outcomes(client);
    QSignalSpy asked(&client, &DbClient::passwordRequired);
    client.open(m_database->conninfo() + u" user="_s + role + u" passfile=/nonexistent"_s);
    QTRY_COMPARE(asked.count(), 1);
    QCOMPARE(client.state(), ConnectionState::NeedsPassword);
    client.setPassword(u"wrong"_s);
    QTRY_COMPARE(asked.count(), 2);
    client.setPassword(password);
    QTRY_COMPARE(client.state(), ConnectionState::Connected);
    const QueryOutcome who = outcomes.wait(client.submit(u"SELECT current_user"_s));
    QVERIFY(who);
    QCOMPARE(who->text(0, 0), role);
    client.close();
    QTRY_COMPARE(client.state(), ConnectionState::Offline);
    QVERIFY(admin->execScript(u"DROP ROLE "_s + quoteIdentifier(role)));
}

void TestDbClient::reconnectsAfterServerRestart()
{
    // A private cluster of our own, so that stopping it disturbs no other test.
    QTemporaryDir base;
    QVERIFY(base.isValid());
    LocalCluster cluster(base.path() + u"/cluster"_s);
    auto started = cluster.start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));

    DbClient client;
    Outcomes outcomes(client);
    client.open(cluster.conninfo());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Connected, 15000);
    client.listen(u"alarm"_s);
    QVERIFY(outcomes.wait(client.submit(u"SELECT 1"_s)));

    QSignalSpy reconnected(&client, &DbClient::reconnected);
    auto stopped = cluster.stop();
    QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Reconnecting, 10000);
    // While the server is down, statements fail at once instead of hanging.
    const QueryOutcome offline = outcomes.wait(client.submit(u"SELECT 1"_s));
    QVERIFY(!offline);
    QCOMPARE(offline.error().code, ErrorCode::Connection);

    started = cluster.start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(reconnected.count() == 1, 40000);
    QCOMPARE(client.state(), ConnectionState::Connected);
    const QueryOutcome online = outcomes.wait(client.submit(u"SELECT 1"_s));
    QVERIFY(online);

    QSignalSpy received(&client, &DbClient::notificationReceived);
    auto admin = PgConnection::open(cluster.conninfo());
    QVERIFY(admin);
    QVERIFY((*admin)->exec(u"NOTIFY alarm, 'back'"_s));
    QTRY_COMPARE(received.count(), 1);
    client.close();
    QVERIFY(cluster.stop());
}

QTEST_GUILESS_MAIN(TestDbClient)
#include "tst_dbclient.moc"
