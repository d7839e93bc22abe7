// SPDX-License-Identifier: GPL-3.0-or-later
// The geofence repository against a real PostGIS, with two planners on two connections as two
// consoles would be: a save is announced to the other within 2 s and reads back whole; the
// second of two saves of one fence is a conflict that writes nothing, and the other's version
// can be fetched; the database refuses an invalid shape; the assets inside are listed.
#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "data/repositories/changefeed.h"
#include "data/repositories/pggeofencerepository.h"
#include "tests/support/awaitreply.h"
#include "tests/support/fenceshapes.h"
#include "tests/support/migrateddatabase.h"
#include "tests/support/resultcheck.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::data::DbClient;
using infrasight::data::GeofenceRecord;
using infrasight::data::PgGeofenceRepository;
using infrasight::data::SavedVersion;
using infrasight::tests::awaitReply;
using infrasight::tests::fenceBox;
using infrasight::tests::MigratedDatabase;

class TestPgGeofenceRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void savedFenceIsAnnouncedAndReadsBackWhole();
    void secondSaveIsAConflictThatWritesNothing();
    void removeAtAStaleVersionIsAConflict();
    void invalidShapeIsRefusedByTheDatabase();
    void listsTheAssetsInside();

private:
    static std::unique_ptr<DbClient> connected(const QString &conninfo);
    static Result<QList<GeofenceRecord>> list(PgGeofenceRepository &fences);
    static Result<SavedVersion> save(PgGeofenceRepository &fences, const GeofenceRecord &fence);

    std::optional<MigratedDatabase> m_database;
    QString m_plannerA;
    QString m_plannerB;
    std::unique_ptr<DbClient> m_clientA;
    std::unique_ptr<DbClient> m_clientB;
    std::unique_ptr<PgGeofenceRepository> m_a;
    std::unique_ptr<PgGeofenceRepository> m_b;
};

void TestPgGeofenceRepository::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_plannerA = m_database->createLogin(u"planner"_s);
    m_plannerB = m_database->createLogin(u"planner"_s);
    QVERIFY(!m_plannerA.isEmpty() && !m_plannerB.isEmpty());
}

std::unique_ptr<DbClient> TestPgGeofenceRepository::connected(const QString &conninfo)
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

Result<QList<GeofenceRecord>> TestPgGeofenceRepository::list(PgGeofenceRepository &fences)
{
    return awaitReply<QList<GeofenceRecord>>(
        [&](QObject *context, auto reply) { fences.list(context, reply); });
}

Result<SavedVersion> TestPgGeofenceRepository::save(PgGeofenceRepository &fences,
                                                    const GeofenceRecord &fence)
{
    return awaitReply<SavedVersion>(
        [&](QObject *context, auto reply) { fences.save(fence, context, reply); });
}

void TestPgGeofenceRepository::init()
{
    m_clientA = connected(m_plannerA);
    m_clientB = connected(m_plannerB);
    QCOMPARE(m_clientA->state(), data::ConnectionState::Connected);
    QCOMPARE(m_clientB->state(), data::ConnectionState::Connected);
    m_a = std::make_unique<PgGeofenceRepository>(*m_clientA);
    m_b = std::make_unique<PgGeofenceRepository>(*m_clientB);
}

void TestPgGeofenceRepository::cleanup()
{
    m_a.reset();
    m_b.reset();
    m_clientA.reset();
    m_clientB.reset();
}

void TestPgGeofenceRepository::savedFenceIsAnnouncedAndReadsBackWhole()
{
    QSignalSpy announced(&m_b->changes(), &data::ChangeFeed::changed);
    m_b->changes().watch(u"geofence"_s);
    auto empty = list(*m_b);
    INFRASIGHT_VERIFY_OK(empty);
    QVERIFY(empty->isEmpty());

    GeofenceRecord fence;
    fence.name = u"Port works"_s;
    fence.purpose = u"maintenance_zone"_s;
    fence.rules = QJsonObject{{u"enter"_s, QJsonObject{{u"alarm"_s, u"warning"_s}}}};
    fence.schedule = QJsonObject{
        {u"days"_s, QJsonArray{1, 2, 3, 4, 5}}, {u"from"_s, u"07:00"_s}, {u"to"_s, u"19:00"_s}};
    fence.shape = fenceBox(7.42, 43.73, 0.002);
    QElapsedTimer clock;
    clock.start();
    auto saved = save(*m_a, fence);
    INFRASIGHT_VERIFY_OK(saved);
    QVERIFY(saved->id > 0);
    QCOMPARE(saved->version, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!announced.isEmpty(), 2000);
    qInfo("the other console heard of the new fence after %lld ms", clock.elapsed());
    QCOMPARE(announced.first().at(0).toString(), u"geofence"_s);

    auto seen = list(*m_b);
    INFRASIGHT_VERIFY_OK(seen);
    QCOMPARE(seen->size(), 1);
    QCOMPARE(seen->first().id, saved->id);
    QCOMPARE(seen->first().name, u"Port works"_s);
    QCOMPARE(seen->first().purpose, u"maintenance_zone"_s);
    QCOMPARE(seen->first().rules, fence.rules);
    QCOMPARE(seen->first().schedule, fence.schedule);
    QCOMPARE(seen->first().shape, fence.shape);
    QCOMPARE(seen->first().version, 1);
}

void TestPgGeofenceRepository::secondSaveIsAConflictThatWritesNothing()
{
    auto fences = list(*m_a);
    INFRASIGHT_VERIFY_OK(fences);
    QVERIFY(!fences->isEmpty());
    // Both planners open version 1 of the fence.
    GeofenceRecord ours = fences->first();
    GeofenceRecord theirs = ours;

    theirs.name = u"Port works (B)"_s;
    theirs.shape = fenceBox(7.42, 43.73, 0.003);
    INFRASIGHT_VERIFY_OK(save(*m_b, theirs));

    ours.name = u"Port works (A)"_s;
    ours.shape = fenceBox(7.42, 43.73, 0.001);
    auto refused = save(*m_a, ours);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    auto row = m_database->connection().exec(u"SELECT name FROM geofence"_s);
    QVERIFY(row);
    QCOMPARE(row->text(0, 0), u"Port works (B)"_s);

    auto now = awaitReply<std::optional<GeofenceRecord>>(
        [&](QObject *context, auto reply) { m_a->fetch(ours.id, context, reply); });
    INFRASIGHT_VERIFY_OK(now);
    QVERIFY(now->has_value());
    QCOMPARE((*now)->name, u"Port works (B)"_s);
    QCOMPARE((*now)->shape, fenceBox(7.42, 43.73, 0.003));
    QCOMPARE((*now)->version, ours.version + 1);
    QVERIFY((*now)->updatedBy.startsWith(u"planner_"_s));

    // "Keep mine" saves on their version.
    ours.version = (*now)->version;
    auto kept = save(*m_a, ours);
    INFRASIGHT_VERIFY_OK(kept);
    QCOMPARE(kept->version, ours.version + 1);
}

void TestPgGeofenceRepository::removeAtAStaleVersionIsAConflict()
{
    GeofenceRecord pier;
    pier.name = u"Pier"_s;
    pier.purpose = u"restricted_area"_s;
    pier.shape = fenceBox(7.425, 43.735, 0.001);
    auto saved = save(*m_a, pier);
    INFRASIGHT_VERIFY_OK(saved);
    const auto remove = [&](int version) {
        return awaitReply<void>(
            [&](QObject *context, auto reply) { m_b->remove(saved->id, version, context, reply); });
    };
    auto stale = remove(saved->version + 5);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::Conflict);
    INFRASIGHT_VERIFY_OK(remove(saved->version));
    auto gone = awaitReply<std::optional<GeofenceRecord>>(
        [&](QObject *context, auto reply) { m_a->fetch(saved->id, context, reply); });
    INFRASIGHT_VERIFY_OK(gone);
    QVERIFY(!gone->has_value());
}

void TestPgGeofenceRepository::invalidShapeIsRefusedByTheDatabase()
{
    GeofenceRecord bowtie;
    bowtie.name = u"bowtie"_s;
    bowtie.shape = {{gis::Polygon{
        {{{7.42, 43.73}, {7.43, 43.74}, {7.43, 43.73}, {7.42, 43.74}, {7.42, 43.73}}}}}};
    auto refused = save(*m_a, bowtie);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    auto rows = m_database->connection().exec(u"SELECT count(*) FROM geofence "
                                              "WHERE name = 'bowtie'"_s);
    QVERIFY(rows);
    QCOMPARE(rows->toInt(0, 0), 0);
}

void TestPgGeofenceRepository::listsTheAssetsInside()
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
    // The fence A kept: 0.001 degrees from (7.42, 43.73).
    auto fences = list(*m_a);
    INFRASIGHT_VERIFY_OK(fences);
    const GeofenceRecord *port = nullptr;
    for (const GeofenceRecord &fence : *fences) {
        port = fence.name == u"Port works (A)"_s ? &fence : port;
    }
    QVERIFY(port);
    QCOMPARE(port->shape, fenceBox(7.42, 43.73, 0.001));
    auto assets = awaitReply<QList<data::AssetInside>>(
        [&](QObject *context, auto reply) { m_a->assetsInside(port->id, context, reply); });
    INFRASIGHT_VERIFY_OK(assets);
    QStringList codes;
    for (const data::AssetInside &asset : *assets) {
        codes << asset.typeCode + u":"_s + asset.code;
    }
    QCOMPARE(codes, (QStringList{u"hydrant:HY-1"_s, u"hydrant:HY-2"_s, u"street_light:SL-1"_s}));
}

QTEST_GUILESS_MAIN(TestPgGeofenceRepository)
#include "tst_pggeofencerepository.moc"
