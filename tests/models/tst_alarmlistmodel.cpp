// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's alarm list against a real database: alarms the rules raise appear by NOTIFY,
// critical first; an operator's acknowledgement is recorded with who; a viewer's is refused with
// a clear message and changes nothing.
#include "data/dbclient.h"
#include "data/pg/pgconnection.h"
#include "models/alarmlistmodel.h"
#include "tests/support/migrateddatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using infrasight::data::DbClient;
using infrasight::models::AlarmListModel;
using infrasight::tests::MigratedDatabase;
using namespace Qt::StringLiterals;

class TestAlarmListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void raisedAlarmsAppearCriticalFirst();
    void operatorAcknowledgementIsRecorded();
    void viewerAcknowledgementIsRefused();

private:
    /// A client logged in as a new member of the group (operator, viewer).
    std::unique_ptr<DbClient> clientAs(const QString &group);
    [[nodiscard]] bool feed(const QString &sensor, double value);

    QString loginOf(const QString &group) const { return m_logins.value(group); }

    std::optional<MigratedDatabase> m_database;
    infrasight::data::PgConnection *m_sql = nullptr;
    QHash<QString, QString> m_logins;
};

void TestAlarmListModel::initTestCase()
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

std::unique_ptr<DbClient> TestAlarmListModel::clientAs(const QString &group)
{
    const QString login = group + u"_"_s + QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString secret = QUuid::createUuid().toString(QUuid::Id128);
    auto ddl = m_sql->exec(u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', "
                           "$1::text, $2::text, 'infrasight_' || $3::text)"_s,
                           {login, secret, group});
    if (!ddl || !m_sql->execScript(ddl->text(0, 0))) {
        return nullptr;
    }
    m_logins.insert(group, login);
    auto client = std::make_unique<DbClient>();
    client->open(m_database->conninfoAs(login, secret));
    return client;
}

bool TestAlarmListModel::feed(const QString &sensor, double value)
{
    static int second = 0;
    auto inserted = m_sql->exec(u"INSERT INTO reading (sensor_id, ts, value) "
                                "SELECT id, now() + make_interval(secs => $3), $2 FROM sensor "
                                "WHERE code = $1"_s,
                                {sensor, value, ++second});
    return inserted && inserted->affectedRows() == 1;
}

void TestAlarmListModel::raisedAlarmsAppearCriticalFirst()
{
    auto client = clientAs(u"operator"_s);
    QVERIFY(client);
    AlarmListModel model(client.get());
    QAbstractItemModelTester tester(&model);
    QSignalSpy refreshed(&model, &AlarmListModel::refreshed);
    QSignalSpy critical(&model, &AlarmListModel::criticalRaised);
    QVERIFY(refreshed.wait(20000)); // the first read after connecting
    QCOMPARE(model.rowCount(), 0);

    QVERIFY(feed(u"NS-00001"_s, 75)); // warning
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    QCOMPARE(model.newWarnings(), 1);
    QCOMPARE(model.newCritical(), 0);
    QCOMPARE(model.index(0, AlarmListModel::SourceColumn).data().toString(), u"NS-00001"_s);
    QCOMPARE(model.index(0, AlarmListModel::StateColumn).data().toString(), u"New"_s);

    QVERIFY(feed(u"NS-00002"_s, 86)); // critical, newer: first
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
    QCOMPARE(model.index(0, AlarmListModel::SourceColumn).data().toString(), u"NS-00002"_s);
    QVERIFY(model.index(0, 0).data(AlarmListModel::CriticalRole).toBool());
    QCOMPARE(model.index(0, AlarmListModel::ValueColumn).data().toString(), u"86"_s);
    QCOMPARE(model.newCritical(), 1);
    QCOMPARE(critical.size(), 1);
    QCOMPARE(critical.first().first().toLongLong(),
             model.index(0, 0).data(AlarmListModel::AlarmIdRole).toLongLong());

    // Back to normal: resolved by the rules, gone from the open list.
    QVERIFY(feed(u"NS-00001"_s, 60));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    QCOMPARE(model.newWarnings(), 0);
}

void TestAlarmListModel::operatorAcknowledgementIsRecorded()
{
    auto client = clientAs(u"operator"_s);
    QVERIFY(client);
    AlarmListModel model(client.get());
    QAbstractItemModelTester tester(&model);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 1, 20000);
    const int row = model.rowOf(model.index(0, 0).data(AlarmListModel::AlarmIdRole).toLongLong());
    QCOMPARE(row, 0);
    const qint64 id = model.alarm(0).id;
    QCOMPARE(model.alarm(0).state, u"new"_s);
    QSignalSpy failed(&model, &AlarmListModel::actionFailed);
    model.acknowledge({id}, u"crew informed"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model.alarm(model.rowOf(id)).state, u"acknowledged"_s, 5000);
    QVERIFY(failed.isEmpty());
    QCOMPARE(model.newCritical(), 0);
    auto stored = m_sql->exec(u"SELECT state, acknowledged_by, ack_comment, "
                              "acknowledged_at IS NOT NULL FROM alarm WHERE id = $1"_s,
                              {id});
    QVERIFY(stored && stored->rowCount() == 1);
    QCOMPARE(stored->text(0, 0), u"acknowledged"_s);
    QCOMPARE(stored->text(0, 1), loginOf(u"operator"_s));
    QCOMPARE(stored->text(0, 2), u"crew informed"_s);
    QVERIFY(stored->value(0, 3).toBool());
    QCOMPARE(model.alarm(model.rowOf(id)).acknowledgedBy, loginOf(u"operator"_s));
}

void TestAlarmListModel::viewerAcknowledgementIsRefused()
{
    QVERIFY(feed(u"NS-00001"_s, 77)); // a new warning to try it on
    auto client = clientAs(u"viewer"_s);
    QVERIFY(client);
    AlarmListModel model(client.get());
    QTRY_VERIFY_WITH_TIMEOUT(model.newWarnings() == 1, 20000);
    qint64 id = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.alarm(row).state == u"new") {
            id = model.alarm(row).id;
        }
    }
    QVERIFY(id != 0);
    QSignalSpy failed(&model, &AlarmListModel::actionFailed);
    model.acknowledge({id});
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().first().toString().contains(u"may not acknowledge"_s),
             qPrintable(failed.first().first().toString()));
    auto stored = m_sql->exec(u"SELECT state FROM alarm WHERE id = $1"_s, {id});
    QVERIFY(stored && stored->rowCount() == 1);
    QCOMPARE(stored->text(0, 0), u"new"_s);
    QTRY_COMPARE(model.alarm(model.rowOf(id)).state, u"new"_s);
}

QTEST_GUILESS_MAIN(TestAlarmListModel)

#include "tst_alarmlistmodel.moc"
