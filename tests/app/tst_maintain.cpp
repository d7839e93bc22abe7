// SPDX-License-Identifier: GPL-3.0-or-later
// infrasightctl maintain, the database's scheduled work, run as a deployment runs it: one round
// raises the alarm of a sensor gone silent (with no console open), a repeating run stops cleanly
// on SIGTERM, only an administrator may run it, and bad options are usage errors.
#include "data/pgconnection.h"
#include "tests/support/migrateddatabase.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using infrasight::tests::MigratedDatabase;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestMaintain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneRoundRaisesOfflineAlarm();
    void releasesHeldGeofencePoints();
    void repeatsUntilTerminated();
    void onlyAnAdministratorMayRunIt();
    void refusesBadOptions_data();
    void refusesBadOptions();

private:
    Run maintain(const QStringList &arguments, const QString &conninfo = {}) const;

    std::optional<MigratedDatabase> m_database;
    infrasight::data::PgConnection *m_sql = nullptr;
};

void TestMaintain::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_sql = &m_database->connection();
}

Run TestMaintain::maintain(const QStringList &arguments, const QString &conninfo) const
{
    QProcess process;
    process.start(QStringLiteral(INFRASIGHTCTL_PATH),
                  QStringList{u"maintain"_s,
                              u"--db"_s,
                              conninfo.isEmpty() ? m_database->conninfo() : conninfo}
                      + arguments);
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestMaintain::oneRoundRaisesOfflineAlarm()
{
    // A noise sensor sampled every minute last reported ten minutes ago; the rule allows 3.
    QVERIFY(m_sql->execScript(
        u"INSERT INTO sensor (code, kind, unit) VALUES ('NS-00042', 'noise', 'dB(A)'); "
        "INSERT INTO alarm_rule (name, kind, sensor_kind, params) "
        "VALUES ('Silent noise sensor', 'offline', 'noise', '{\"intervals\": 3}'); "
        "INSERT INTO reading (sensor_id, ts, value) "
        "SELECT id, now() - interval '10 minutes', 55 FROM sensor WHERE code = 'NS-00042'"_s));
    const Run run = maintain({});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"1 raised"_s), qPrintable(run.out + run.err));
    QCOMPARE(run.out.count(u'\n'), 1);
    auto alarm = m_sql->exec(u"SELECT a.state, a.message FROM alarm a JOIN sensor s "
                             "ON s.id = a.sensor_id WHERE s.code = 'NS-00042'"_s);
    QVERIFY(alarm);
    QCOMPARE(alarm->rowCount(), 1);
    QCOMPARE(alarm->text(0, 0), u"new"_s);
    QVERIFY(alarm->text(0, 1).contains(u"no data since"_s));
    // The next round raises nothing new, and the next days' partitions exist.
    const Run again = maintain({u"--retention"_s});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(u"0 raised"_s), qPrintable(again.out));
    QVERIFY2(again.out.contains(u"retention:"_s), qPrintable(again.out));
    auto ahead = m_sql->exec(
        u"SELECT count(*) FROM generate_series(0, 7) d WHERE to_regclass('public.reading_p' "
        "|| to_char((now() AT TIME ZONE 'UTC')::date + d, 'YYYYMMDD')) IS NOT NULL"_s);
    QVERIFY(ahead);
    QCOMPARE(ahead->toInt(0, 0), qint64(8));
}

void TestMaintain::releasesHeldGeofencePoints()
{
    // A van drove into a fence and stopped reporting: its last fixes are held for the late
    // tolerance, and only the tick lets them through (the enter). Its fixes from 40 days ago go
    // with --retention.
    QVERIFY(m_sql->execScript(
        u"INSERT INTO geofence (name, geom) VALUES ('Harbour', "
        "ST_Multi(ST_MakeEnvelope(7.420, 43.730, 7.422, 43.732, 4326))); "
        "INSERT INTO vehicle_position (vehicle_code, ts, geom) "
        "SELECT 'VAN-Q', now() - interval '1 minute' + make_interval(secs => 2 * i), "
        "ST_SetSRID(ST_MakePoint(7.4195 + 0.0002 * i, 43.731), 4326) FROM generate_series(0, 4) i; "
        "INSERT INTO vehicle_position (vehicle_code, ts, geom) VALUES "
        "('VAN-OLD', now() - interval '40 days', ST_SetSRID(ST_MakePoint(7.41, 43.73), 4326))"_s));
    auto events = m_sql->exec(u"SELECT count(*) FROM geofence_event WHERE object_id = 'VAN-Q'"_s);
    QVERIFY(events);
    QCOMPARE(events->toInt(0, 0), qint64(0));
    const Run run = maintain({u"--retention"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"geofences: 1 event(s)"_s), qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"1 vehicle position(s)"_s), qPrintable(run.out + run.err));
    events = m_sql->exec(u"SELECT event FROM geofence_event WHERE object_id = 'VAN-Q'"_s);
    QVERIFY(events);
    QCOMPARE(events->rowCount(), 1);
    QCOMPARE(events->text(0, 0), u"enter"_s);
}

void TestMaintain::repeatsUntilTerminated()
{
    QProcess process;
    process.start(QStringLiteral(INFRASIGHTCTL_PATH),
                  {u"maintain"_s, u"--db"_s, m_database->conninfo(), u"--every"_s, u"1"_s});
    QVERIFY(process.waitForStarted(10000));
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (out.count('\n') < 2 && !deadline.hasExpired()) {
        process.waitForReadyRead(500);
        out += process.readAllStandardOutput();
    }
    QVERIFY2(out.count('\n') >= 2, out.constData());
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestMaintain::onlyAnAdministratorMayRunIt()
{
    const QString login = u"viewer_"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString secret = QUuid::createUuid().toString(QUuid::Id128);
    auto ddl = m_sql->exec(u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE "
                           "infrasight_viewer', $1::text, $2::text)"_s,
                           {login, secret});
    QVERIFY(ddl);
    QVERIFY(m_sql->execScript(ddl->text(0, 0)));
    const Run run = maintain({}, m_database->conninfoAs(login, secret));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"permission denied"_s), qPrintable(run.err));
    QVERIFY(m_sql->execScript(u"DROP ROLE "_s + login));
}

void TestMaintain::refusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("every-zero") << QStringList{u"--every"_s, u"0"_s};
    QTest::newRow("every-text") << QStringList{u"--every"_s, u"soon"_s};
    QTest::newRow("raw-days-negative") << QStringList{u"--retention"_s, u"--raw-days"_s, u"-3"_s};
    QTest::newRow("unknown-option") << QStringList{u"--vacuum"_s};
}

void TestMaintain::refusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(maintain(arguments).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestMaintain)

#include "tst_maintain.moc"
