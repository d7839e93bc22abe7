// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "tests/support/pgtestdatabase.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <latch>
#include <optional>
#include <thread>

using namespace infrasight;
using namespace infrasight::data;
using namespace Qt::StringLiterals;

namespace {

// Every table of schema v1 (the names other layers write SQL against).
const QStringList SchemaTables{
    u"department"_s,
    u"crew"_s,
    u"asset_type"_s,
    u"asset"_s,
    u"sensor"_s,
    u"reading"_s,
    u"reading_1m"_s,
    u"reading_1h"_s,
    u"vehicle_position"_s,
    u"alarm_rule"_s,
    u"alarm"_s,
    u"geofence"_s,
    u"geofence_event"_s,
    u"work_order"_s,
    u"work_order_event"_s,
    u"budget"_s,
    u"budget_entry"_s,
    u"audit_log"_s,
    u"schema_migrations"_s,
};

QString describe(const Error &error)
{
    return error.toString() + u" [SQLSTATE "_s + error.sqlState + u']';
}

template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : describe(result.error()).toUtf8();
}

QList<int> versionsOf(const QList<Migration> &migrations)
{
    QList<int> versions;
    for (const Migration &migration : migrations) {
        versions << migration.version;
    }
    return versions;
}

// Collects notifications for a while: until `expected` arrived and then `quietMs` more, so that
// an extra notification would be seen too.
QList<PgNotification> collectNotifications(PgConnection &listener, int expected, int quietMs = 400)
{
    QList<PgNotification> received;
    QDeadlineTimer deadline(10000);
    std::optional<QDeadlineTimer> quiet;
    while (!deadline.hasExpired() && !(quiet && quiet->hasExpired())) {
        auto batch = listener.pollNotifications();
        if (!batch) {
            qWarning("%s", qPrintable(batch.error().toString()));
            break;
        }
        received += *batch;
        if (!quiet && received.size() >= expected) {
            quiet.emplace(quietMs);
        }
        QThread::msleep(10);
    }
    return received;
}

} // namespace

// Checks a Result and prints the error when it failed.
#define QVERIFY_OK(result) QVERIFY2(result, why(result).constData())

class TestMigrationRunner : public QObject
{
    Q_OBJECT

private:
    struct Db
    {
        std::optional<tests::PgTestDatabase> database;
        std::unique_ptr<PgConnection> connection;
    };

    // A fresh database and a superuser connection to it; empty members on failure (with a warning).
    static Db freshDatabase();
    static std::optional<qint64>
    scalar(PgConnection &connection, const QString &sql, const QVariantList &params = {});

private Q_SLOTS:
    void init();
    void compiledMigrationsAreNumberedFromOne();
    void migratesEmptyDatabaseToLatest();
    void secondRunChangesNothing();
    void concurrentRunnersApplyEachMigrationOnce();
    void refusesNewerSchema();
    void refusesChangedMigration_data();
    void refusesChangedMigration();
    void failedMigrationIsRolledBack();
    void readingPartitionsCoverHistoryAndComingWeek();
    void geofenceRefusesSelfIntersectingPolygon();
    void updateBumpsVersion();
    void sensorTelemetryIsNoEdit();
    void oneStatementSendsOneNotification();
    void bulkInsertSendsOneBulkNotification();
};

TestMigrationRunner::Db TestMigrationRunner::freshDatabase()
{
    Db db;
    auto database = tests::PgTestDatabase::create();
    if (!database) {
        qWarning("%s", qPrintable(database.error().toString()));
        return db;
    }
    auto connection = PgConnection::open(database->conninfo());
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().toString()));
        return db;
    }
    db.database.emplace(std::move(*database));
    db.connection = std::move(*connection);
    return db;
}

std::optional<qint64> TestMigrationRunner::scalar(PgConnection &connection,
                                                  const QString &sql,
                                                  const QVariantList &params)
{
    auto result = connection.exec(sql, params);
    if (!result || result->rowCount() != 1) {
        qWarning("%s: %s", qPrintable(sql), why(result).constData());
        return std::nullopt;
    }
    return result->toInt(0, 0);
}

void TestMigrationRunner::init()
{
    // A warning means something went wrong even if every check passed.
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestMigrationRunner::compiledMigrationsAreNumberedFromOne()
{
    const QList<Migration> migrations = MigrationRunner::available();
    QVERIFY(!migrations.isEmpty());
    QCOMPARE(migrations.first().version, 1);
    QCOMPARE(migrations.first().name, u"core"_s);
    QVERIFY(migrations.first().sql.contains("CREATE TABLE asset"));
    for (qsizetype i = 1; i < migrations.size(); ++i) {
        QVERIFY2(migrations[i].version > migrations[i - 1].version, "sorted, no duplicates");
    }
    QCOMPARE(MigrationRunner::latestVersion(), migrations.last().version);
    for (const Migration &migration : migrations) {
        QCOMPARE(migration.checksum.size(), 64);
        QCOMPARE(migration.checksum, Migration::fromSql(0, {}, migration.sql).checksum);
    }
}

void TestMigrationRunner::migratesEmptyDatabaseToLatest()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    MigrationRunner runner(*db.connection);

    auto before = runner.currentVersion();
    QVERIFY_OK(before);
    QCOMPARE(*before, 0);

    QList<int> announced;
    runner.setProgressCallback([&announced](const Migration &m) { announced << m.version; });
    QElapsedTimer timer;
    timer.start();
    auto report = runner.migrate();
    const qint64 elapsedMs = timer.elapsed();
    QVERIFY_OK(report);

    const QList<Migration> migrations = MigrationRunner::available();
    QCOMPARE(report->applied, versionsOf(migrations));
    QCOMPARE(announced, versionsOf(migrations));
    QCOMPARE(report->finalVersion, MigrationRunner::latestVersion());
    auto after = runner.currentVersion();
    QVERIFY_OK(after);
    QCOMPARE(*after, MigrationRunner::latestVersion());
    // Generous for a shared 2-core machine; the schema loads in about a second.
    QVERIFY2(elapsedMs < 30000, qPrintable(u"migrate() took %1 ms"_s.arg(elapsedMs)));

    for (const QString &table : SchemaTables) {
        auto exists
            = db.connection->exec(u"SELECT to_regclass($1) IS NOT NULL"_s, {u"public."_s + table});
        QVERIFY_OK(exists);
        QVERIFY2(exists->value(0, 0).toBool(), qPrintable(table + u" is missing"_s));
    }

    auto rows
        = db.connection->exec(u"SELECT version, name, checksum, applied_at IS NOT NULL, applied_by "
                              "FROM schema_migrations ORDER BY version"_s);
    QVERIFY_OK(rows);
    QCOMPARE(rows->rowCount(), migrations.size());
    for (int row = 0; row < rows->rowCount(); ++row) {
        QCOMPARE(rows->toInt(row, 0), migrations[row].version);
        QCOMPARE(rows->text(row, 1), migrations[row].name);
        QCOMPARE(rows->text(row, 2), migrations[row].checksum);
        QVERIFY(rows->value(row, 3).toBool());
        QCOMPARE(rows->text(row, 4), db.connection->user());
    }
}

void TestMigrationRunner::secondRunChangesNothing()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    MigrationRunner runner(*db.connection);
    auto first = runner.migrate();
    QVERIFY_OK(first);

    const QString snapshotSql
        = u"SELECT (SELECT string_agg(version || ':' || checksum || ':' || applied_at, ',' "
          "                           ORDER BY version) FROM schema_migrations),"
          "       (SELECT count(*) FROM pg_class),"
          "       (SELECT count(*) FROM pg_proc)"_s;
    auto before = db.connection->exec(snapshotSql);
    QVERIFY_OK(before);

    bool called = false;
    runner.setProgressCallback([&called](const Migration &) { called = true; });
    auto second = runner.migrate();
    QVERIFY_OK(second);
    QVERIFY(second->applied.isEmpty());
    QCOMPARE(second->finalVersion, first->finalVersion);
    QVERIFY(!called);

    auto after = db.connection->exec(snapshotSql);
    QVERIFY_OK(after);
    for (int column = 0; column < 3; ++column) {
        QCOMPARE(after->text(0, column), before->text(0, column));
    }
}

void TestMigrationRunner::concurrentRunnersApplyEachMigrationOnce()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);

    // Both connections are open before either starts, so the latch releases them together.
    std::unique_ptr<PgConnection> connections[2];
    for (auto &connection : connections) {
        auto opened = PgConnection::open(db.database->conninfo());
        QVERIFY_OK(opened);
        connection = std::move(*opened);
    }
    std::optional<Result<MigrationReport>> reports[2];
    std::latch start(2);
    {
        std::jthread workers[2];
        for (int i = 0; i < 2; ++i) {
            workers[i] = std::jthread([&, i] {
                MigrationRunner runner(*connections[i]);
                start.arrive_and_wait();
                reports[i].emplace(runner.migrate());
            });
        }
    }

    QList<int> appliedTogether;
    for (const auto &report : reports) {
        QVERIFY(report.has_value());
        QVERIFY_OK(*report);
        QCOMPARE((*report)->finalVersion, MigrationRunner::latestVersion());
        appliedTogether += (*report)->applied;
    }
    std::sort(appliedTogether.begin(), appliedTogether.end());
    QCOMPARE(appliedTogether, versionsOf(MigrationRunner::available()));
    const auto recorded = scalar(*db.connection, u"SELECT count(*) FROM schema_migrations"_s);
    QCOMPARE(recorded, std::optional<qint64>(MigrationRunner::available().size()));
}

void TestMigrationRunner::refusesNewerSchema()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    // A runner with no migrations only creates schema_migrations.
    auto prepared = MigrationRunner(*db.connection, {}).migrate();
    QVERIFY_OK(prepared);
    const int future = MigrationRunner::latestVersion() + 1;
    auto inserted = db.connection->exec(
        u"INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, 'future', $2)"_s,
        {future, QString(64, u'0')});
    QVERIFY_OK(inserted);

    MigrationRunner runner(*db.connection);
    auto refused = runner.migrate();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::SchemaTooNew);
    QVERIFY2(refused.error().message.contains(QString::number(future)),
             qPrintable(refused.error().message));

    auto version = runner.currentVersion();
    QVERIFY_OK(version);
    QCOMPARE(*version, future);
    QCOMPARE(scalar(*db.connection, u"SELECT count(*) FROM schema_migrations"_s),
             std::optional<qint64>(1));
    QCOMPARE(scalar(*db.connection,
                    u"SELECT count(*) FROM pg_class WHERE relname IN ('asset', 'alarm')"_s),
             std::optional<qint64>(0));
}

void TestMigrationRunner::refusesChangedMigration_data()
{
    QTest::addColumn<bool>("editDatabase");
    QTest::newRow("checksum-edited-in-database") << true;
    QTest::newRow("file-edited-in-program") << false;
}

void TestMigrationRunner::refusesChangedMigration()
{
    QFETCH(bool, editDatabase);
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    auto migrated = MigrationRunner(*db.connection).migrate();
    QVERIFY_OK(migrated);

    QList<Migration> migrations = MigrationRunner::available();
    if (editDatabase) {
        auto edited = db.connection->exec(
            u"UPDATE schema_migrations SET checksum = md5(checksum) WHERE version = 1"_s);
        QVERIFY_OK(edited);
    } else {
        migrations[0] = Migration::fromSql(1, u"core"_s, migrations[0].sql + "\n-- edited\n");
    }
    const QString snapshotSql
        = u"SELECT string_agg(version || checksum, ',' ORDER BY version) FROM schema_migrations"_s;
    auto before = db.connection->exec(snapshotSql);
    QVERIFY_OK(before);

    MigrationRunner runner(*db.connection, migrations);
    auto refused = runner.migrate();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(u"0001_core"_s), qPrintable(refused.error().message));

    auto after = db.connection->exec(snapshotSql);
    QVERIFY_OK(after);
    QCOMPARE(after->text(0, 0), before->text(0, 0));
}

void TestMigrationRunner::failedMigrationIsRolledBack()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    const int broken = MigrationRunner::latestVersion() + 1;
    QList<Migration> migrations = MigrationRunner::available();
    migrations << Migration::fromSql(broken,
                                     u"broken"_s,
                                     "CREATE TABLE rollback_probe (id integer);\n"
                                     "INSERT INTO rollback_probe VALUES (1);\n"
                                     "ALTER TABLE asset ADD COLUMN rollback_probe integer;\n"
                                     "SELECT no_such_function();\n");

    MigrationRunner runner(*db.connection, migrations);
    auto failed = runner.migrate();
    QVERIFY(!failed);
    QCOMPARE(failed.error().sqlState, u"42883"_s); // undefined_function
    const QString expected = u"migration %1_broken failed"_s.arg(broken, 4, 10, QChar(u'0'));
    QVERIFY2(failed.error().message.startsWith(expected), qPrintable(failed.error().message));

    // The migrations before it stay; nothing of the broken one remains.
    auto version = runner.currentVersion();
    QVERIFY_OK(version);
    QCOMPARE(*version, MigrationRunner::latestVersion());
    QCOMPARE(scalar(*db.connection,
                    u"SELECT count(*) FROM schema_migrations WHERE version = $1"_s,
                    {broken}),
             std::optional<qint64>(0));
    QCOMPARE(
        scalar(*db.connection, u"SELECT count(*) FROM pg_class WHERE relname = 'rollback_probe'"_s),
        std::optional<qint64>(0));
    QCOMPARE(scalar(*db.connection,
                    u"SELECT count(*) FROM pg_attribute "
                    "WHERE attrelid = 'asset'::regclass AND attname = 'rollback_probe'"_s),
             std::optional<qint64>(0));

    // The connection is usable and the advisory lock was released: another session gets it.
    auto other = PgConnection::open(db.database->conninfo());
    QVERIFY_OK(other);
    auto taken = (*other)->exec(u"SELECT pg_try_advisory_lock($1::bigint)"_s,
                                {QVariant::fromValue(MigrationRunner::AdvisoryLockKey)});
    QVERIFY_OK(taken);
    QVERIFY(taken->value(0, 0).toBool());
}

void TestMigrationRunner::readingPartitionsCoverHistoryAndComingWeek()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    auto migrated = MigrationRunner(*db.connection).migrate();
    QVERIFY_OK(migrated);
    PgConnection &c = *db.connection;

    const QString partitionOf = u"WITH r AS (INSERT INTO reading (sensor_id, ts, value) VALUES (1, "
                                u"now() + $1::interval, 1)"
                                " RETURNING tableoid) SELECT tableoid::regclass::text FROM r"_s;
    for (const QString &offset : {u"-400 days"_s, u"-32 days"_s, u"0"_s, u"6 days"_s}) {
        auto stored = c.exec(partitionOf, {offset});
        QVERIFY_OK(stored);
        QVERIFY2(stored->text(0, 0).startsWith(u"reading_p"_s),
                 qPrintable(offset + u" went to "_s + stored->text(0, 0)));
    }
    // Far in the future: the DEFAULT partition takes it; creating its day moves the row over.
    auto later = c.exec(partitionOf, {u"60 days"_s});
    QVERIFY_OK(later);
    QCOMPARE(later->text(0, 0), u"reading_default"_s);
    auto created = scalar(
        c,
        u"SELECT reading_ensure_partitions(((now() + interval '60 days') AT TIME ZONE 'UTC')::date, 1)"_s);
    QCOMPARE(created, std::optional<qint64>(1));
    QCOMPARE(scalar(c, u"SELECT count(*) FROM reading_default"_s), std::optional<qint64>(0));
    QCOMPARE(scalar(c, u"SELECT count(*) FROM reading"_s), std::optional<qint64>(5));

    // Idempotent: everything up to a week ahead exists already.
    QCOMPARE(
        scalar(c,
               u"SELECT reading_ensure_partitions((now() AT TIME ZONE 'UTC')::date - 400, 407)"_s),
        std::optional<qint64>(0));
}

void TestMigrationRunner::geofenceRefusesSelfIntersectingPolygon()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    auto migrated = MigrationRunner(*db.connection).migrate();
    QVERIFY_OK(migrated);

    const QString insert = u"INSERT INTO geofence (name, purpose, geom) "
                           "VALUES ($1, 'maintenance_zone', ST_Multi(ST_GeomFromText($2, 4326)))"_s;
    auto bowtie = db.connection->exec(
        insert,
        {u"bowtie"_s, u"POLYGON((7.41 43.73, 7.42 43.74, 7.42 43.73, 7.41 43.74, 7.41 43.73))"_s});
    QVERIFY(!bowtie);
    QCOMPARE(bowtie.error().sqlState, u"23514"_s); // check_violation
    QVERIFY2(bowtie.error().message.contains(u"geofence_geom_valid"_s),
             qPrintable(bowtie.error().message));
    QCOMPARE(scalar(*db.connection, u"SELECT count(*) FROM geofence"_s), std::optional<qint64>(0));

    auto square = db.connection->exec(
        insert,
        {u"square"_s, u"POLYGON((7.41 43.73, 7.42 43.73, 7.42 43.74, 7.41 43.74, 7.41 43.73))"_s});
    QVERIFY_OK(square);
    QCOMPARE(scalar(*db.connection, u"SELECT count(*) FROM geofence"_s), std::optional<qint64>(1));
}

void TestMigrationRunner::updateBumpsVersion()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    auto migrated = MigrationRunner(*db.connection).migrate();
    QVERIFY_OK(migrated);
    PgConnection &c = *db.connection;

    auto id = scalar(c,
                     u"INSERT INTO department (code, name) VALUES ($1, $2) RETURNING id"_s,
                     {u"WATER"_s, u"Water"_s});
    QVERIFY(id);
    QCOMPARE(scalar(c, u"SELECT version FROM department WHERE id = $1"_s, {*id}),
             std::optional<qint64>(1));

    const QString update
        = u"UPDATE department SET name = $1 WHERE id = $2 AND version = $3 RETURNING version"_s;
    auto first = c.exec(update, {u"Water and Sewers"_s, *id, 1});
    QVERIFY_OK(first);
    QCOMPARE(first->rowCount(), 1);
    QCOMPARE(first->toInt(0, 0), 2);
    // A client that still holds version 1 changes nothing: someone else was first.
    auto stale = c.exec(update, {u"Stale edit"_s, *id, 1});
    QVERIFY_OK(stale);
    QCOMPARE(stale->rowCount(), 0);
    // The server owns the version, whatever a client writes into it.
    auto forced
        = c.exec(u"UPDATE department SET version = 100 WHERE id = $1 RETURNING version"_s, {*id});
    QVERIFY_OK(forced);
    QCOMPARE(forced->toInt(0, 0), 3);
    auto row = c.exec(u"SELECT name, updated_by FROM department WHERE id = $1"_s, {*id});
    QVERIFY_OK(row);
    QCOMPARE(row->text(0, 0), u"Water and Sewers"_s);
    QCOMPARE(row->text(0, 1), c.user());
}

void TestMigrationRunner::sensorTelemetryIsNoEdit()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    auto migrated = MigrationRunner(*db.connection).migrate();
    QVERIFY_OK(migrated);
    PgConnection &c = *db.connection;

    auto id = scalar(c,
                     u"INSERT INTO sensor (code, kind, unit, warn_high) "
                     "VALUES ('NOISE-7', 'noise', 'dB', 70) RETURNING id"_s);
    QVERIFY(id);
    const QString auditCount
        = u"SELECT count(*) FROM audit_log WHERE table_name = 'sensor' AND row_id = $1"_s;
    QCOMPARE(scalar(c, auditCount, {*id}), std::optional<qint64>(1));

    // The ingest path writes the latest value many times a second: no version, no audit row.
    for (double value : {61.5, 64.0, 72.25}) {
        auto telemetry = c.exec(u"UPDATE sensor SET last_value = $1, last_seen = now() "
                                "WHERE id = $2 RETURNING version"_s,
                                {value, *id});
        QVERIFY_OK(telemetry);
        QCOMPARE(telemetry->toInt(0, 0), 1);
    }
    QCOMPARE(scalar(c, auditCount, {*id}), std::optional<qint64>(1));

    // A threshold change is an edit.
    auto edited = c.exec(u"UPDATE sensor SET warn_high = $1 WHERE id = $2 AND version = 1 "
                         "RETURNING version"_s,
                         {75.0, *id});
    QVERIFY_OK(edited);
    QCOMPARE(edited->rowCount(), 1);
    QCOMPARE(edited->toInt(0, 0), 2);
    QCOMPARE(scalar(c, auditCount, {*id}), std::optional<qint64>(2));
}

void TestMigrationRunner::oneStatementSendsOneNotification()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    auto migrated = MigrationRunner(*db.connection).migrate();
    QVERIFY_OK(migrated);
    PgConnection &c = *db.connection;

    auto type = scalar(c,
                       u"INSERT INTO asset_type (code, name, geometry_kind) "
                       "VALUES ('street_light', 'Street light', 'point') RETURNING id"_s);
    QVERIFY(type);
    auto inserted
        = c.exec(u"INSERT INTO asset (type_id, code, geom) "
                 "SELECT $1, 'L-' || g, ST_SetSRID(ST_MakePoint(7.42 + g / 1000.0, 43.73), 4326) "
                 "FROM generate_series(1, 4) g RETURNING id"_s,
                 {*type});
    QVERIFY_OK(inserted);
    QCOMPARE(inserted->rowCount(), 4);

    auto listenerOpened = PgConnection::open(db.database->conninfo());
    QVERIFY_OK(listenerOpened);
    PgConnection &listener = **listenerOpened;
    for (const QString &channel : {u"asset"_s, u"audit_log"_s, u"alarm"_s}) {
        auto listening = listener.listen(channel);
        QVERIFY_OK(listening);
    }

    const QList<qint64> ids{inserted->toInt(0, 0), inserted->toInt(1, 0), inserted->toInt(2, 0)};
    auto updated = c.exec(u"UPDATE asset SET status = 'faulty' WHERE id = ANY($1::bigint[])"_s,
                          {QVariant(QVariantList{ids[0], ids[1], ids[2]})});
    QVERIFY_OK(updated);
    QCOMPARE(updated->affectedRows(), 3);

    const QList<PgNotification> received = collectNotifications(listener, 1);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].channel, u"asset"_s);
    QVERIFY(received[0].payload.toUtf8().size() < 8000);
    const QJsonObject payload = QJsonDocument::fromJson(received[0].payload.toUtf8()).object();
    QCOMPARE(payload.value(u"op"_s).toString(), u"UPDATE"_s);
    QCOMPARE(payload.value(u"table"_s).toString(), u"asset"_s);
    QList<qint64> notified;
    for (const QJsonValue &value : payload.value(u"ids"_s).toArray()) {
        notified << value.toInteger();
    }
    QCOMPARE(notified, ids);
    QVERIFY(!payload.contains(u"bulk"_s));
}

void TestMigrationRunner::bulkInsertSendsOneBulkNotification()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    Db db = freshDatabase();
    QVERIFY(db.connection);
    auto migrated = MigrationRunner(*db.connection).migrate();
    QVERIFY_OK(migrated);
    PgConnection &c = *db.connection;

    auto type = scalar(c,
                       u"INSERT INTO asset_type (code, name, geometry_kind) "
                       "VALUES ('hydrant', 'Hydrant', 'point') RETURNING id"_s);
    QVERIFY(type);
    auto listenerOpened = PgConnection::open(db.database->conninfo());
    QVERIFY_OK(listenerOpened);
    PgConnection &listener = **listenerOpened;
    auto listening = listener.listen(u"asset"_s);
    QVERIFY_OK(listening);

    auto inserted
        = c.exec(u"INSERT INTO asset (type_id, code, geom) "
                 "SELECT $1, 'H-' || g, ST_SetSRID(ST_MakePoint(7.40 + g / 100000.0, 43.73), 4326) "
                 "FROM generate_series(1, 1000) g"_s,
                 {*type});
    QVERIFY_OK(inserted);
    QCOMPARE(inserted->affectedRows(), 1000);

    const QList<PgNotification> received = collectNotifications(listener, 1);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].channel, u"asset"_s);
    const QJsonObject payload = QJsonDocument::fromJson(received[0].payload.toUtf8()).object();
    QCOMPARE(payload.value(u"op"_s).toString(), u"INSERT"_s);
    QCOMPARE(payload.value(u"bulk"_s).toBool(), true);
    QCOMPARE(payload.value(u"count"_s).toInteger(), 1000);
    QVERIFY(!payload.contains(u"ids"_s));
}

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
