// SPDX-License-Identifier: GPL-3.0-or-later
// The Geofences dock's model against a real PostGIS, with two planners on two connections as
// two consoles would be: a save shows at the other within 2 s, and the second of two saves of
// one fence is refused with both versions at hand.
#include "data/dbclient.h"
#include "data/geofencequeries.h"
#include "data/pg/pgconnection.h"
#include "models/geofencelistmodel.h"
#include "tests/support/fenceshapes.h"
#include "tests/support/migrateddatabase.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::data::DbClient;
using infrasight::models::GeofenceListModel;
using infrasight::tests::fenceBox;
using infrasight::tests::MigratedDatabase;

Q_DECLARE_METATYPE(infrasight::data::GeofenceRecord)

class TestGeofenceListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void savedFenceShowsAtTheOtherConsole();
    void secondSaveIsRefusedWithBothVersions();
    void invalidShapeIsRefusedByTheDatabase();
    void listsTheAssetsInside();

private:
    std::unique_ptr<DbClient> connected(const QString &conninfo);

    std::optional<MigratedDatabase> m_database;
    QString m_plannerA;
    QString m_plannerB;
    std::unique_ptr<DbClient> m_a;
    std::unique_ptr<DbClient> m_b;
};

void TestGeofenceListModel::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    qRegisterMetaType<data::GeofenceRecord>();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_plannerA = m_database->createLogin(u"planner"_s);
    m_plannerB = m_database->createLogin(u"planner"_s);
    QVERIFY(!m_plannerA.isEmpty() && !m_plannerB.isEmpty());
}

std::unique_ptr<DbClient> TestGeofenceListModel::connected(const QString &conninfo)
{
    auto client = std::make_unique<DbClient>();
    client->open(conninfo);
    QElapsedTimer clock;
    clock.start();
    while (client->state() != data::ConnectionState::Connected && clock.elapsed() < 10000) {
        QTest::qWait(20);
    }
    return client;
}

void TestGeofenceListModel::init()
{
    m_a = connected(m_plannerA);
    m_b = connected(m_plannerB);
    QCOMPARE(m_a->state(), data::ConnectionState::Connected);
    QCOMPARE(m_b->state(), data::ConnectionState::Connected);
}

void TestGeofenceListModel::cleanup()
{
    m_a.reset();
    m_b.reset();
}

void TestGeofenceListModel::savedFenceShowsAtTheOtherConsole()
{
    GeofenceListModel a(m_a.get());
    GeofenceListModel b(m_b.get());
    QAbstractItemModelTester tester(&b);
    QTRY_VERIFY(a.fences().isEmpty() && b.fences().isEmpty());

    data::GeofenceRecord fence;
    fence.name = u"Port works"_s;
    fence.purpose = u"maintenance_zone"_s;
    fence.rules = QJsonObject{{u"enter"_s, QJsonObject{{u"alarm"_s, u"warning"_s}}}};
    fence.schedule = QJsonObject{
        {u"days"_s, QJsonArray{1, 2, 3, 4, 5}}, {u"from"_s, u"07:00"_s}, {u"to"_s, u"19:00"_s}};
    fence.shape = fenceBox(7.42, 43.73, 0.002);
    QSignalSpy saved(&a, &GeofenceListModel::saved);
    QElapsedTimer clock;
    clock.start();
    a.save(fence);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(b.rowCount(), 1, 2000);
    qInfo("the other console showed the new fence after %lld ms", clock.elapsed());
    const data::GeofenceRecord &seen = b.fences().first();
    QCOMPARE(seen.name, u"Port works"_s);
    QCOMPARE(seen.purpose, u"maintenance_zone"_s);
    QCOMPARE(seen.rules, fence.rules);
    QCOMPARE(seen.schedule, fence.schedule);
    QCOMPARE(seen.shape, fence.shape);
    QCOMPARE(seen.version, 1);
    QCOMPARE(b.data(b.index(0), GeofenceListModel::ColourRole).value<QColor>(),
             GeofenceListModel::purposeColour(u"maintenance_zone"_s));
}

void TestGeofenceListModel::secondSaveIsRefusedWithBothVersions()
{
    GeofenceListModel a(m_a.get());
    GeofenceListModel b(m_b.get());
    QTRY_VERIFY(!a.fences().isEmpty() && !b.fences().isEmpty());
    // Both planners open version 1 of the fence.
    data::GeofenceRecord ours = a.fences().first();
    data::GeofenceRecord theirs = b.fences().first();
    QCOMPARE(ours.version, theirs.version);

    theirs.name = u"Port works (B)"_s;
    theirs.shape = fenceBox(7.42, 43.73, 0.003);
    QSignalSpy bSaved(&b, &GeofenceListModel::saved);
    b.save(theirs);
    QTRY_COMPARE_WITH_TIMEOUT(bSaved.count(), 1, 5000);

    ours.name = u"Port works (A)"_s;
    ours.shape = fenceBox(7.42, 43.73, 0.001);
    QSignalSpy conflict(&a, &GeofenceListModel::saveConflict);
    QSignalSpy aSaved(&a, &GeofenceListModel::saved);
    a.save(ours);
    QTRY_COMPARE_WITH_TIMEOUT(conflict.count(), 1, 5000);
    QCOMPARE(aSaved.count(), 0);
    const auto mine = conflict.first().at(0).value<data::GeofenceRecord>();
    const auto now = conflict.first().at(1).value<data::GeofenceRecord>();
    QCOMPARE(mine.name, u"Port works (A)"_s);
    QCOMPARE(mine.shape, fenceBox(7.42, 43.73, 0.001));
    QCOMPARE(now.name, u"Port works (B)"_s);
    QCOMPARE(now.shape, fenceBox(7.42, 43.73, 0.003));
    QCOMPARE(now.version, ours.version + 1);
    QVERIFY(now.updatedBy.startsWith(u"planner_"_s));

    // Nothing of A's was written; choosing "keep mine" saves on their version.
    auto row = m_database->connection().exec(u"SELECT name FROM geofence"_s);
    QVERIFY(row);
    QCOMPARE(row->text(0, 0), u"Port works (B)"_s);
    ours.version = now.version;
    a.save(ours);
    QTRY_COMPARE_WITH_TIMEOUT(aSaved.count(), 1, 5000);
    QCOMPARE(aSaved.first().at(1).toInt(), now.version + 1);
}

void TestGeofenceListModel::invalidShapeIsRefusedByTheDatabase()
{
    GeofenceListModel a(m_a.get());
    data::GeofenceRecord bowtie;
    bowtie.name = u"bowtie"_s;
    bowtie.shape = {{gis::Polygon{
        {{{7.42, 43.73}, {7.43, 43.74}, {7.43, 43.73}, {7.42, 43.74}, {7.42, 43.73}}}}}};
    QSignalSpy failed(&a, &GeofenceListModel::saveFailed);
    a.save(bowtie);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QVERIFY2(failed.first().at(0).toString().contains(u"not a valid polygon"_s),
             qPrintable(failed.first().at(0).toString()));
}

void TestGeofenceListModel::listsTheAssetsInside()
{
    QVERIFY(m_database->connection().execScript(
        u"INSERT INTO asset_type (code, name, geometry_kind) VALUES "
        "('hydrant', 'Hydrant', 'point'), ('street_light', 'Street light', 'point');"
        "INSERT INTO asset (type_id, code, name, geom) "
        "SELECT t.id, v.code, v.code, ST_SetSRID(ST_MakePoint(v.x, v.y), 4326) "
        "FROM (VALUES ('hydrant', 'HY-1', 7.4205, 43.7305), ('hydrant', 'HY-2', 7.4208, 43.7302), "
        "             ('street_light', 'SL-1', 7.4203, 43.7308), "
        "             ('street_light', 'SL-OUT', 7.4300, 43.7400)) v(type, code, x, y) "
        "JOIN asset_type t ON t.code = v.type"_s));
    // The fence is A's last save: 0.001 degrees from (7.42, 43.73).
    GeofenceListModel a(m_a.get());
    QTRY_VERIFY(!a.fences().isEmpty());
    QCOMPARE(a.fences().first().shape, fenceBox(7.42, 43.73, 0.001));
    QSignalSpy inside(&a, &GeofenceListModel::assetsInsideArrived);
    a.requestAssetsInside(a.fences().first().id);
    QTRY_COMPARE_WITH_TIMEOUT(inside.count(), 1, 5000);
    const auto assets = inside.first().at(1).value<QList<data::AssetInside>>();
    QStringList codes;
    for (const data::AssetInside &asset : assets) {
        codes << asset.typeCode + u":"_s + asset.code;
    }
    QCOMPARE(codes, (QStringList{u"hydrant:HY-1"_s, u"hydrant:HY-2"_s, u"street_light:SL-1"_s}));
}

QTEST_GUILESS_MAIN(TestGeofenceListModel)
#include "tst_geofencelistmodel.moc"
