// SPDX-License-Identifier: GPL-3.0-or-later
// The Alarms dock as an operator works it from the keyboard, against a real database: the
// filter, Space acknowledges the selected alarm (recorded in the database), Enter asks for the
// alarm's asset, and the counts in the status line follow.
#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "data/repositories/pgalarmrepository.h"
#include "models/alarmlistmodel.h"
#include "tests/support/migrateddatabase.h"
#include "ui/widgets/alarmpanel.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>
#include <optional>

using infrasight::models::AlarmListModel;
using infrasight::tests::MigratedDatabase;
using infrasight::ui::AlarmPanel;
using namespace Qt::StringLiterals;

class TestAlarmPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyboardAcknowledgesAndShowsTheAsset();

private:
    std::optional<MigratedDatabase> m_database;
    infrasight::data::PgConnection *m_sql = nullptr;
    qint64 m_assetId = 0;
};

void TestAlarmPanel::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_sql = &m_database->connection();
    QVERIFY(m_sql->execScript(
        u"INSERT INTO asset_type (code, name, geometry_kind) VALUES ('noise_monitor', "
        "'Noise monitor', 'point'); "
        "INSERT INTO asset (type_id, code, geom) SELECT id, 'NM-0001', "
        "ST_SetSRID(ST_MakePoint(7.42, 43.73), 4326) FROM asset_type; "
        "INSERT INTO sensor (asset_id, code, kind, unit, warn_high, crit_high, hysteresis) "
        "SELECT id, 'NS-00001', 'noise', 'dB(A)', 70, 80, 1 FROM asset; "
        "INSERT INTO sensor (code, kind, unit, warn_high, crit_high, hysteresis) "
        "VALUES ('NS-00002', 'noise', 'dB(A)', 70, 80, 1); "
        "INSERT INTO reading (sensor_id, ts, value) SELECT id, now(), "
        "CASE code WHEN 'NS-00001' THEN 86 ELSE 74 END FROM sensor"_s));
    auto asset = m_sql->exec(u"SELECT id FROM asset"_s);
    QVERIFY(asset && asset->rowCount() == 1);
    m_assetId = asset->toInt(0, 0);
}

void TestAlarmPanel::keyboardAcknowledgesAndShowsTheAsset()
{
    infrasight::data::DbClient client;
    client.open(m_database->conninfo());
    infrasight::data::PgAlarmRepository alarms(client);
    AlarmListModel model(alarms);
    AlarmPanel panel(&model);
    panel.resize(700, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView *table = panel.tableView();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 20000);
    QCOMPARE(panel.statusText(), u"1 critical and 1 warning(s) new; 2 open"_s);

    // Critical only: the noise monitor's alarm.
    panel.filterBox()->setCurrentIndex(1);
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(table->model()->index(0, 0).data(AlarmListModel::CriticalRole).toBool());

    // Select it, Enter shows its asset and its sensor's chart, Space acknowledges it.
    table->setFocus();
    table->selectRow(0);
    QSignalSpy asset(&panel, &AlarmPanel::assetRequested);
    QSignalSpy chart(&panel, &AlarmPanel::chartRequested);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(asset.size(), 1);
    QCOMPARE(asset.first().first().toLongLong(), m_assetId);
    QCOMPARE(chart.size(), 1);
    QCOMPARE(chart.first().first().toLongLong(),
             table->model()->index(0, 0).data(AlarmListModel::SensorIdRole).toLongLong());
    QVERIFY(chart.first().first().toLongLong() > 0);
    const qint64 id = table->model()->index(0, 0).data(AlarmListModel::AlarmIdRole).toLongLong();
    QTest::keyClick(table, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(
        panel.statusText(), u"0 critical and 1 warning(s) new; 2 open"_s, 5000);
    auto stored = m_sql->exec(u"SELECT state FROM alarm WHERE id = $1"_s, {id});
    QVERIFY(stored && stored->rowCount() == 1);
    QCOMPARE(stored->text(0, 0), u"acknowledged"_s);

    // New only: the warning is left.
    panel.filterBox()->setCurrentIndex(2);
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(!table->model()->index(0, 0).data(AlarmListModel::CriticalRole).toBool());
}

QTEST_MAIN(TestAlarmPanel)

#include "tst_alarmpanel.moc"
