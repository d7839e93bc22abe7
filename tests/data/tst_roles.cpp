// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "tests/support/pgtestdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <map>
#include <optional>

using namespace infrasight;
using namespace infrasight::data;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray()
                  : (result.error().toString() + u" [SQLSTATE "_s + result.error().sqlState + u']')
                        .toUtf8();
}

// The domain tables whose contents must not change when a write is refused.
const QStringList WatchedTables{
    u"department"_s,
    u"crew"_s,
    u"asset_type"_s,
    u"asset"_s,
    u"sensor"_s,
    u"reading"_s,
    u"alarm_rule"_s,
    u"alarm"_s,
    u"geofence"_s,
    u"work_order"_s,
    u"work_order_event"_s,
    u"budget"_s,
    u"budget_entry"_s,
    u"audit_log"_s,
};

} // namespace

// Checks a Result and prints the error when it failed.
#define QVERIFY_OK(result) QVERIFY2(result, why(result).constData())

/// A migrated throw-away database with seed rows, and login roles in the infrasight groups.
/// Roles are global to the cluster, so their names carry the database's unique name, and the
/// destructor drops them again (before the database itself goes).
class RoleFixture
{
public:
    static std::unique_ptr<RoleFixture> create();
    ~RoleFixture();
    RoleFixture(const RoleFixture &) = delete;
    RoleFixture &operator=(const RoleFixture &) = delete;

    PgConnection &owner() { return *m_owner; }

    /// Connects as a new login role that is a member of infrasight_<group>; null on failure.
    std::unique_ptr<PgConnection> loginAs(const QString &group);

    QString loginName(const QString &group) const { return m_database->name() + u'_' + group; }

    /// The contents of every watched table, to prove that a refused statement changed nothing.
    QString fingerprint();

    qint64 assetId = 0;
    qint64 assetTypeId = 0;
    qint64 alarmId = 0;
    qint64 workOrderId = 0;
    qint64 budgetId = 0;

private:
    RoleFixture() = default;
    bool seed();

    std::optional<tests::PgTestDatabase> m_database;
    std::unique_ptr<PgConnection> m_owner;
    QStringList m_roles;
};

std::unique_ptr<RoleFixture> RoleFixture::create()
{
    std::unique_ptr<RoleFixture> fixture(new RoleFixture);
    auto database = tests::PgTestDatabase::create();
    if (!database) {
        qWarning("%s", why(database).constData());
        return nullptr;
    }
    fixture->m_database.emplace(std::move(*database));
    auto owner = PgConnection::open(fixture->m_database->conninfo());
    if (!owner) {
        qWarning("%s", why(owner).constData());
        return nullptr;
    }
    fixture->m_owner = std::move(*owner);
    auto migrated = MigrationRunner(*fixture->m_owner).migrate();
    if (!migrated) {
        qWarning("%s", why(migrated).constData());
        return nullptr;
    }
    if (!fixture->seed()) {
        return nullptr;
    }
    return fixture;
}

RoleFixture::~RoleFixture()
{
    if (!m_owner) {
        return;
    }
    for (const QString &role : std::as_const(m_roles)) {
        // DROP ROLE takes no parameters; the name is ours and quoted as an identifier.
        if (auto dropped = m_owner->exec(u"DROP ROLE IF EXISTS "_s + quoteIdentifier(role));
            !dropped) {
            qWarning("could not drop role %s: %s", qPrintable(role), why(dropped).constData());
        }
    }
}

bool RoleFixture::seed()
{
    auto id = [this](const QString &sql, const QVariantList &params = {}) -> qint64 {
        auto result = m_owner->exec(sql, params);
        if (!result || result->rowCount() != 1) {
            qWarning("seed failed: %s: %s", qPrintable(sql), why(result).constData());
            return 0;
        }
        return result->toInt(0, 0);
    };
    const qint64 department
        = id(u"INSERT INTO department (code, name) VALUES ('STREETS', 'Streets') RETURNING id"_s);
    assetTypeId = id(u"INSERT INTO asset_type (code, name, geometry_kind, department_id) "
                     "VALUES ('street_light', 'Street light', 'point', $1) RETURNING id"_s,
                     {department});
    assetId = id(u"INSERT INTO asset (type_id, code, name, street, geom) "
                 "VALUES ($1, 'SL-0001', 'Lamp 1', 'Boulevard des Moulins', "
                 "        ST_SetSRID(ST_MakePoint(7.4246, 43.7396), 4326)) RETURNING id"_s,
                 {assetTypeId});
    const qint64 sensor = id(u"INSERT INTO sensor (asset_id, code, kind, unit, geom) "
                             "VALUES ($1, 'NOISE-1', 'noise', 'dB', "
                             "        ST_SetSRID(ST_MakePoint(7.4246, 43.7396), 4326)) "
                             "RETURNING id"_s,
                             {assetId});
    const qint64 rule = id(u"INSERT INTO alarm_rule (name, kind, sensor_id, params, severity) "
                           "VALUES ('Too loud', 'threshold', $1, '{\"high\": 85}', 'warning') "
                           "RETURNING id"_s,
                           {sensor});
    alarmId = id(u"INSERT INTO alarm (rule_id, source_kind, sensor_id, asset_id, severity, value, "
                 "                   message) "
                 "VALUES ($1, 'sensor', $2, $3, 'warning', 91.5, 'Noise above 85 dB') "
                 "RETURNING id"_s,
                 {rule, sensor, assetId});
    budgetId = id(u"INSERT INTO budget (department_id, fiscal_year, category, allocated) "
                  "VALUES ($1, 2026, 'maintenance', 250000.00) RETURNING id"_s,
                  {department});
    workOrderId = id(u"INSERT INTO work_order (title, asset_id, alarm_id, department_id, "
                     "                        estimated_cost) "
                     "VALUES ('Replace lamp', $1, $2, $3, 120.50) RETURNING id"_s,
                     {assetId, alarmId, department});
    return department && assetTypeId && assetId && sensor && rule && alarmId && budgetId
           && workOrderId;
}

std::unique_ptr<PgConnection> RoleFixture::loginAs(const QString &group)
{
    const QString role = loginName(group);
    const QString password = QString::number(QRandomGenerator::global()->generate64(), 36);
    // CREATE ROLE takes no parameters: let the server quote name and password with format().
    auto statement = m_owner->exec(
        u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', $1::text, $2::text, $3::text)"_s,
        {role, password, u"infrasight_"_s + group});
    if (!statement) {
        qWarning("%s", why(statement).constData());
        return nullptr;
    }
    if (auto created = m_owner->execScript(statement->text(0, 0)); !created) {
        qWarning("%s", why(created).constData());
        return nullptr;
    }
    m_roles << role;
    auto connection = PgConnection::open(m_database->conninfoAs(role, password));
    if (!connection) {
        qWarning("%s", why(connection).constData());
        return nullptr;
    }
    return std::move(*connection);
}

QString RoleFixture::fingerprint()
{
    QStringList parts;
    for (const QString &table : WatchedTables) {
        // Table names are the constants above, not input.
        auto digest = m_owner->exec(u"SELECT count(*) || ':' || "
                                    "coalesce(md5(string_agg(to_jsonb(t)::text, '|' ORDER BY "
                                    "to_jsonb(t)::text)), '') FROM "_s
                                    + quoteIdentifier(table) + u" t"_s);
        parts << table + u'='
                     + (digest ? digest->text(0, 0)
                               : u"error: "_s + QString::fromUtf8(why(digest)));
    }
    return parts.join(u'\n');
}

class TestRoles : public QObject
{
    Q_OBJECT

private:
    // For the rows of parametersRoundTripUnchanged.
    std::unique_ptr<RoleFixture> m_shared;
    std::unique_ptr<PgConnection> m_sharedPlanner;

private Q_SLOTS:
    void init();
    void cleanupTestCase();
    void viewerReadsEverything();
    void viewerCannotWrite();
    void operatorSetsAssetStatusAndIsAudited();
    void operatorCannotEditAssetGeometry();
    void operatorAcknowledgesAlarmViewerCannot();
    void operatorWorkOrdersManagerCosts();
    void plannerInsertsGeofence();
    void nobodyButOwnerModifiesAuditLog();
    void parametersRoundTripUnchanged_data();
    void parametersRoundTripUnchanged();
};

void TestRoles::init()
{
    // A warning means something went wrong even if every check passed.
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestRoles::cleanupTestCase()
{
    m_sharedPlanner.reset();
    m_shared.reset();
}

void TestRoles::viewerReadsEverything()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto viewer = fixture->loginAs(u"viewer"_s);
    QVERIFY(viewer);
    QStringList tables = WatchedTables;
    tables << u"reading_1m"_s << u"reading_1h"_s << u"vehicle_position"_s << u"geofence_event"_s
           << u"schema_migrations"_s;
    for (const QString &table : std::as_const(tables)) {
        auto read = viewer->exec(u"SELECT count(*) FROM "_s + quoteIdentifier(table));
        QVERIFY2(read, qPrintable(table + u": "_s + QString::fromUtf8(why(read))));
    }
    MigrationRunner runner(*viewer);
    auto version = runner.currentVersion();
    QVERIFY_OK(version);
    QCOMPARE(*version, MigrationRunner::latestVersion());
}

void TestRoles::viewerCannotWrite()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto viewer = fixture->loginAs(u"viewer"_s);
    QVERIFY(viewer);
    const QString before = fixture->fingerprint();

    const QList<std::pair<QString, QVariantList>> writes{
        {u"INSERT INTO department (code, name) VALUES ($1, $2)"_s, {u"X"_s, u"X"_s}},
        {u"UPDATE department SET name = $1"_s, {u"X"_s}},
        {u"INSERT INTO asset (type_id, code, geom) VALUES ($1, 'X', 'SRID=4326;POINT(7 43)')"_s,
         {fixture->assetTypeId}},
        {u"UPDATE asset SET status = 'faulty' WHERE id = $1"_s, {fixture->assetId}},
        {u"DELETE FROM asset WHERE id = $1"_s, {fixture->assetId}},
        {u"UPDATE sensor SET last_value = 1"_s, {}},
        {u"INSERT INTO reading (sensor_id, ts, value) VALUES (1, now(), 1)"_s, {}},
        {u"UPDATE alarm SET state = 'acknowledged' WHERE id = $1"_s, {fixture->alarmId}},
        {u"DELETE FROM alarm_rule"_s, {}},
        {u"INSERT INTO geofence (name, geom) "
         "VALUES ('x', 'SRID=4326;MULTIPOLYGON(((7 43,7.1 43,7.1 43.1,7 43)))')"_s,
         {}},
        {u"INSERT INTO work_order (title) VALUES ('x')"_s, {}},
        {u"UPDATE work_order SET status = 'done' WHERE id = $1"_s, {fixture->workOrderId}},
        {u"INSERT INTO work_order_event (work_order_id, note) VALUES ($1, 'x')"_s,
         {fixture->workOrderId}},
        {u"UPDATE budget SET allocated = 0 WHERE id = $1"_s, {fixture->budgetId}},
        {u"INSERT INTO budget_entry (budget_id, amount, kind) VALUES ($1, 1, 'expense')"_s,
         {fixture->budgetId}},
        {u"DELETE FROM audit_log"_s, {}},
        {u"INSERT INTO audit_log (table_name, action) VALUES ('asset', 'DELETE')"_s, {}},
        {u"TRUNCATE asset CASCADE"_s, {}},
        {u"DROP TABLE asset CASCADE"_s, {}},
        {u"CREATE TABLE public.intruder (id integer)"_s, {}},
        {u"SELECT reading_ensure_partitions(current_date, 30)"_s, {}},
    };
    for (const auto &[sql, params] : writes) {
        auto refused = viewer->exec(sql, params);
        QVERIFY2(!refused, qPrintable(u"viewer was allowed: "_s + sql));
        QVERIFY2(refused.error().code == ErrorCode::PermissionDenied,
                 qPrintable(sql + u" -> "_s + QString::fromUtf8(why(refused))));
    }
    QCOMPARE(fixture->fingerprint(), before);
}

void TestRoles::operatorSetsAssetStatusAndIsAudited()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto op = fixture->loginAs(u"operator"_s);
    QVERIFY(op);
    auto lastAudit = fixture->owner().exec(u"SELECT coalesce(max(id), 0) FROM audit_log"_s);
    QVERIFY_OK(lastAudit);
    const qint64 auditBefore = lastAudit->toInt(0, 0);

    auto updated = op->exec(u"UPDATE asset SET status = $1, condition = $2 "
                            "WHERE id = $3 AND version = $4 RETURNING version"_s,
                            {u"faulty"_s, 2, fixture->assetId, 1});
    QVERIFY_OK(updated);
    QCOMPARE(updated->rowCount(), 1);
    QCOMPARE(updated->toInt(0, 0), 2);

    auto audit = fixture->owner().exec(
        u"SELECT table_name, row_id, action, db_user, before ->> 'status', after ->> 'status', "
        "       (after ->> 'version')::int "
        "FROM audit_log WHERE id > $1 ORDER BY id"_s,
        {auditBefore});
    QVERIFY_OK(audit);
    QCOMPARE(audit->rowCount(), 1);
    QCOMPARE(audit->text(0, 0), u"asset"_s);
    QCOMPARE(audit->toInt(0, 1), fixture->assetId);
    QCOMPARE(audit->text(0, 2), u"UPDATE"_s);
    QCOMPARE(audit->text(0, 3), fixture->loginName(u"operator"_s));
    QCOMPARE(audit->text(0, 4), u"active"_s);
    QCOMPARE(audit->text(0, 5), u"faulty"_s);
    QCOMPARE(audit->toInt(0, 6), 2);
}

void TestRoles::operatorCannotEditAssetGeometry()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto op = fixture->loginAs(u"operator"_s);
    QVERIFY(op);
    const QString before = fixture->fingerprint();

    const QList<std::pair<QString, QVariantList>> edits{
        {u"UPDATE asset SET geom = ST_SetSRID(ST_MakePoint($1, $2), 4326) WHERE id = $3"_s,
         {7.43, 43.74, fixture->assetId}},
        {u"UPDATE asset SET attributes = '{\"watts\": 90}' WHERE id = $1"_s, {fixture->assetId}},
        {u"UPDATE asset SET name = 'Renamed' WHERE id = $1"_s, {fixture->assetId}},
        {u"DELETE FROM asset WHERE id = $1"_s, {fixture->assetId}},
        {u"INSERT INTO geofence (name, geom) "
         "VALUES ('x', 'SRID=4326;MULTIPOLYGON(((7 43,7.1 43,7.1 43.1,7 43)))')"_s,
         {}},
        {u"UPDATE alarm SET severity = 'critical', message = 'x' WHERE id = $1"_s,
         {fixture->alarmId}},
        {u"UPDATE work_order SET actual_cost = 1 WHERE id = $1"_s, {fixture->workOrderId}},
    };
    for (const auto &[sql, params] : edits) {
        auto refused = op->exec(sql, params);
        QVERIFY2(!refused, qPrintable(u"operator was allowed: "_s + sql));
        QVERIFY2(refused.error().code == ErrorCode::PermissionDenied,
                 qPrintable(sql + u" -> "_s + QString::fromUtf8(why(refused))));
    }
    QCOMPARE(fixture->fingerprint(), before);
}

void TestRoles::operatorAcknowledgesAlarmViewerCannot()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto viewer = fixture->loginAs(u"viewer"_s);
    QVERIFY(viewer);
    auto op = fixture->loginAs(u"operator"_s);
    QVERIFY(op);
    const QString acknowledge = u"UPDATE alarm SET state = 'acknowledged', ack_comment = $1 "
                                "WHERE id = $2 AND version = $3 RETURNING version"_s;

    auto refused = viewer->exec(acknowledge, {u"seen"_s, fixture->alarmId, 1});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);

    auto acknowledged = op->exec(acknowledge, {u"crew informed"_s, fixture->alarmId, 1});
    QVERIFY_OK(acknowledged);
    QCOMPARE(acknowledged->rowCount(), 1);

    auto row = fixture->owner().exec(u"SELECT state, ack_comment, acknowledged_by, "
                                     "       acknowledged_at IS NOT NULL, version "
                                     "FROM alarm WHERE id = $1"_s,
                                     {fixture->alarmId});
    QVERIFY_OK(row);
    QCOMPARE(row->text(0, 0), u"acknowledged"_s);
    QCOMPARE(row->text(0, 1), u"crew informed"_s);
    QCOMPARE(row->text(0, 2), fixture->loginName(u"operator"_s));
    QVERIFY(row->value(0, 3).toBool());
    QCOMPARE(row->toInt(0, 4), 2);

    // Shelving needs an end; resolving works; a closed alarm stays closed.
    auto shelvedForever
        = op->exec(u"UPDATE alarm SET state = 'shelved' WHERE id = $1"_s, {fixture->alarmId});
    QVERIFY(!shelvedForever);
    QCOMPARE(shelvedForever.error().sqlState, u"23514"_s);
    auto resolved = op->exec(u"UPDATE alarm SET state = 'resolved', resolve_comment = $1 "
                             "WHERE id = $2"_s,
                             {u"lamp replaced"_s, fixture->alarmId});
    QVERIFY_OK(resolved);
    auto closed
        = op->exec(u"UPDATE alarm SET state = 'closed' WHERE id = $1"_s, {fixture->alarmId});
    QVERIFY_OK(closed);
    auto reopened = op->exec(u"UPDATE alarm SET state = 'new' WHERE id = $1"_s, {fixture->alarmId});
    QVERIFY(!reopened);
    QCOMPARE(reopened.error().sqlState, u"23514"_s);
}

void TestRoles::operatorWorkOrdersManagerCosts()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto op = fixture->loginAs(u"operator"_s);
    QVERIFY(op);
    auto manager = fixture->loginAs(u"manager"_s);
    QVERIFY(manager);

    auto created = op->exec(u"INSERT INTO work_order (title, asset_id, alarm_id, priority) "
                            "VALUES ($1, $2, $3, 'high') RETURNING id, code"_s,
                            {u"Lamp flickers"_s, fixture->assetId, fixture->alarmId});
    QVERIFY_OK(created);
    const qint64 order = created->toInt(0, 0);
    QVERIFY2(created->text(0, 1).startsWith(u"WO-"_s), qPrintable(created->text(0, 1)));
    auto event = op->exec(u"INSERT INTO work_order_event (work_order_id, kind, status, note) "
                          "VALUES ($1, 'status', 'assigned', $2) RETURNING by_user"_s,
                          {order, u"crew 3 on the way"_s});
    QVERIFY_OK(event);
    QCOMPARE(event->text(0, 0), fixture->loginName(u"operator"_s));
    auto assigned = op->exec(u"UPDATE work_order SET status = 'assigned' WHERE id = $1"_s, {order});
    QVERIFY_OK(assigned);

    auto opCost = op->exec(u"UPDATE work_order SET actual_cost = 10 WHERE id = $1"_s, {order});
    QVERIFY(!opCost);
    QCOMPARE(opCost.error().code, ErrorCode::PermissionDenied);
    auto managerCost = manager->exec(
        u"UPDATE work_order SET actual_cost = $1, budget_id = $2 WHERE id = $3 RETURNING version"_s,
        {u"345.67"_s, fixture->budgetId, order});
    QVERIFY_OK(managerCost);
    QCOMPARE(managerCost->toInt(0, 0), 3);
    auto entry = manager->exec(u"INSERT INTO budget_entry (budget_id, work_order_id, amount, kind) "
                               "VALUES ($1, $2, $3, 'expense') RETURNING amount"_s,
                               {fixture->budgetId, order, u"345.67"_s});
    QVERIFY_OK(entry);
    QCOMPARE(entry->text(0, 0), u"345.67"_s);
    auto managerStatus
        = manager->exec(u"UPDATE work_order SET status = 'done' WHERE id = $1"_s, {order});
    QVERIFY(!managerStatus);
    QCOMPARE(managerStatus.error().code, ErrorCode::PermissionDenied);
}

void TestRoles::plannerInsertsGeofence()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto planner = fixture->loginAs(u"planner"_s);
    QVERIFY(planner);

    auto inserted = planner->exec(
        u"INSERT INTO geofence (name, purpose, geom) "
        "VALUES ($1, 'maintenance_zone', ST_Multi(ST_GeomFromText($2, 4326))) RETURNING id"_s,
        {u"Port Hercule works"_s,
         u"POLYGON((7.419 43.733, 7.424 43.733, 7.424 43.737, 7.419 43.737, 7.419 43.733))"_s});
    QVERIFY_OK(inserted);
    auto moved = planner->exec(
        u"UPDATE asset SET geom = ST_SetSRID(ST_MakePoint($1, $2), 4326) WHERE id = $3"_s,
        {7.4250, 43.7400, fixture->assetId});
    QVERIFY_OK(moved);
    QCOMPARE(moved->affectedRows(), 1);

    auto budget
        = planner->exec(u"UPDATE budget SET allocated = 1 WHERE id = $1"_s, {fixture->budgetId});
    QVERIFY(!budget);
    QCOMPARE(budget.error().code, ErrorCode::PermissionDenied);
    auto acknowledge = planner->exec(u"UPDATE alarm SET state = 'acknowledged' WHERE id = $1"_s,
                                     {fixture->alarmId});
    QVERIFY(!acknowledge);
    QCOMPARE(acknowledge.error().code, ErrorCode::PermissionDenied);
}

void TestRoles::nobodyButOwnerModifiesAuditLog()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto fixture = RoleFixture::create();
    QVERIFY(fixture);
    auto admin = fixture->loginAs(u"admin"_s);
    QVERIFY(admin);

    // The admin may change domain data (and is audited for it) ...
    auto department
        = admin->exec(u"INSERT INTO department (code, name) VALUES ($1, $2) RETURNING id"_s,
                      {u"PARKS"_s, u"Parks"_s});
    QVERIFY_OK(department);
    auto read = admin->exec(u"SELECT db_user FROM audit_log WHERE table_name = 'department' "
                            "AND row_id = $1"_s,
                            {department->toInt(0, 0)});
    QVERIFY_OK(read);
    QCOMPARE(read->rowCount(), 1);
    QCOMPARE(read->text(0, 0), fixture->loginName(u"admin"_s));

    // ... but not the trail itself.
    const QString before = fixture->fingerprint();
    const QStringList tampering{
        u"UPDATE audit_log SET db_user = 'somebody_else'"_s,
        u"DELETE FROM audit_log"_s,
        u"INSERT INTO audit_log (table_name, row_id, action) VALUES ('asset', 1, 'DELETE')"_s,
        u"TRUNCATE audit_log"_s,
        u"ALTER TABLE audit_log DISABLE TRIGGER ALL"_s,
        u"ALTER TABLE asset DISABLE TRIGGER asset_audit_update"_s,
    };
    for (const QString &sql : tampering) {
        auto refused = admin->exec(sql);
        QVERIFY2(!refused, qPrintable(u"admin was allowed: "_s + sql));
        QVERIFY2(refused.error().code == ErrorCode::PermissionDenied,
                 qPrintable(sql + u" -> "_s + QString::fromUtf8(why(refused))));
    }
    QCOMPARE(fixture->fingerprint(), before);
}

void TestRoles::parametersRoundTripUnchanged_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("sql-injection") << u"Robert'); DROP TABLE asset;--"_s;
    QTest::newRow("placeholders") << u"$1 $2::text $$ $tag$ ?"_s;
    QTest::newRow("backslashes") << u"C:\\new\\table \\' \\\\ E'\\x41'"_s;
    QTest::newRow("quotes") << u"\"double\" 'single' `back` ''"_s;
    QTest::newRow("format-specifiers") << u"%s %I %L %1 {0}"_s;
    QTest::newRow("unicode") << u"Zürich – 東京 🚦 \u00a0 \u200b ﷽"_s;
    QTest::newRow("json-and-notify") << u"{\"op\":\"DELETE\",\"ids\":[1]}'); NOTIFY asset, 'x"_s;
    QTest::newRow("newlines") << u"line 1\nline 2\r\n\ttab"_s;
}

void TestRoles::parametersRoundTripUnchanged()
{
    QFETCH(QString, text);
    INFRASIGHT_REQUIRE_TEST_SERVER();
    // The rows share one database and one planner login: only the text differs.
    if (!m_shared) {
        m_shared = RoleFixture::create();
        QVERIFY(m_shared);
        m_sharedPlanner = m_shared->loginAs(u"planner"_s);
    }
    QVERIFY(m_sharedPlanner);
    PgConnection &c = *m_sharedPlanner;

    const QString code = u"RT-"_s + QString::fromLatin1(QTest::currentDataTag());
    auto inserted = c.exec(u"INSERT INTO asset (type_id, code, name, street, attributes, geom) "
                           "VALUES ($1, $2, $3, $3, jsonb_build_object('note', $3::text), "
                           "        ST_SetSRID(ST_MakePoint(7.42, 43.73), 4326)) "
                           "RETURNING id"_s,
                           {m_shared->assetTypeId, code, text});
    QVERIFY_OK(inserted);
    const qint64 id = inserted->toInt(0, 0);

    auto read = c.exec(u"SELECT name, street, attributes ->> 'note', "
                       "       (SELECT count(*) FROM asset WHERE name = $2) "
                       "FROM asset WHERE id = $1"_s,
                       {id, text});
    QVERIFY_OK(read);
    QCOMPARE(read->text(0, 0), text);
    QCOMPARE(read->text(0, 1), text);
    QCOMPARE(read->text(0, 2), text);
    QCOMPARE(read->toInt(0, 3), 1);

    auto audited = m_shared->owner().exec(
        u"SELECT after ->> 'name' FROM audit_log WHERE table_name = 'asset' AND row_id = $1"_s,
        {id});
    QVERIFY_OK(audited);
    QCOMPARE(audited->text(0, 0), text);

    auto tables = m_shared->owner().exec(
        u"SELECT count(*) FROM pg_class WHERE relname IN ('asset', 'audit_log', 'geofence')"_s);
    QVERIFY_OK(tables);
    QCOMPARE(tables->toInt(0, 0), 3);
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
