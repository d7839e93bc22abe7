// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/assettestcity.h"

#include "data/migrationrunner.h"

#include <QTest>

namespace infrasight::tests {

AssetTestCity::AssetTestCity(PgTestDatabase database,
                             std::unique_ptr<data::PgConnection> connection)
    : m_database(std::move(database))
    , m_connection(std::move(connection))
{}

Result<std::unique_ptr<AssetTestCity>> AssetTestCity::create()
{
    auto database = PgTestDatabase::create();
    if (!database) {
        return tl::unexpected(database.error());
    }
    auto connection = data::PgConnection::open(database->conninfo());
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    data::MigrationRunner runner(**connection);
    if (auto migrated = runner.migrate(); !migrated) {
        return tl::unexpected(migrated.error());
    }
    std::unique_ptr<AssetTestCity> city(
        new AssetTestCity(std::move(*database), std::move(*connection)));
    auto types = city->exec(
        QStringLiteral("INSERT INTO asset_type (code, name, geometry_kind, symbol) VALUES "
                       "('street_light', 'Street light', 'point', 'lighting'), "
                       "('hydrant', 'Hydrant', 'point', 'hydrant')"));
    if (!types) {
        return tl::unexpected(types.error());
    }
    return city;
}

Result<data::QueryResult> AssetTestCity::exec(const QString &sql, const QVariantList &params)
{
    return m_connection->exec(sql, params);
}

Result<qint64> AssetTestCity::addAsset(const QString &typeCode,
                                       const QString &code,
                                       const QString &name,
                                       const QString &street,
                                       const QString &attributesJson)
{
    auto inserted = exec(
        QStringLiteral("INSERT INTO asset (type_id, code, name, street, condition, install_date, "
                       "attributes, geom) "
                       "SELECT t.id, $2, nullif($3, ''), nullif($4, ''), 2, DATE '2019-05-14', "
                       "$5::jsonb, ST_SetSRID(ST_MakePoint(7.42, 43.73), 4326) "
                       "FROM asset_type t WHERE t.code = $1 RETURNING id"),
        {typeCode, code, name, street, attributesJson});
    if (!inserted) {
        return tl::unexpected(inserted.error());
    }
    if (inserted->rowCount() != 1) {
        return fail(ErrorCode::NotFound, QStringLiteral("no asset type %1").arg(typeCode));
    }
    return inserted->toInt(0, 0);
}

Result<void> AssetTestCity::addSeries(const QString &typeCode,
                                      const QString &prefix,
                                      int count,
                                      const QStringList &streets)
{
    auto inserted
        = exec(QStringLiteral(
                   "INSERT INTO asset (type_id, code, name, street, geom) "
                   "SELECT t.id, $2 || '-' || lpad(g::text, 6, '0'), 'Lamp ' || g, "
                   "($4::text[])[1 + g % cardinality($4::text[])], "
                   "ST_SetSRID(ST_MakePoint(7.41 + g * 0.00001, 43.73), 4326) "
                   "FROM asset_type t CROSS JOIN generate_series(1, $3::int) g WHERE t.code = $1"),
               {typeCode, prefix, count, streets});
    if (!inserted) {
        return tl::unexpected(inserted.error());
    }
    return {};
}

Result<AssetTestCity::DetailedAssets> AssetTestCity::addDetailedAssets()
{
    auto lamp = addAsset(QStringLiteral("street_light"),
                         QStringLiteral("SL-000001"),
                         QStringLiteral("Lamp by the Casino"),
                         QStringLiteral("Place du Casino"),
                         QStringLiteral(R"({"lamp": "LED", "height_m": 8})"));
    if (!lamp) {
        return tl::unexpected(lamp.error());
    }
    auto hydrant = addAsset(
        QStringLiteral("hydrant"), QStringLiteral("HY-000001"), {}, QStringLiteral("Rue Grimaldi"));
    if (!hydrant) {
        return tl::unexpected(hydrant.error());
    }
    const QStringList statements{
        QStringLiteral("INSERT INTO sensor (asset_id, code, kind, unit, last_value, last_seen) "
                       "VALUES ($1, 'NS-1', 'noise', 'dB', 42.5, now() - interval '150 seconds'), "
                       "($1, 'AQ-1', 'air_quality', 'µg/m³', NULL, NULL)"),
        QStringLiteral("INSERT INTO work_order (code, title, asset_id, priority, status, due) "
                       "VALUES ('WO-A', 'Replace lamp', $1, 'high', 'open', DATE '2026-12-01'), "
                       "('WO-B', 'Paint pole', $1, 'low', 'in_progress', NULL), "
                       "('WO-C', 'Old repair', $1, 'normal', 'closed', NULL)"),
        QStringLiteral("UPDATE asset SET status = 'faulty', condition = 4, version = version + 1 "
                       "WHERE id = $1"),
    };
    for (const QString &sql : statements) {
        if (auto done = exec(sql, {*lamp}); !done) {
            return tl::unexpected(done.error());
        }
    }
    return DetailedAssets{*lamp, *hydrant};
}

bool AssetTestCity::connect(data::DbClient &client) const
{
    client.open(conninfo());
    return QTest::qWaitFor([&client] { return client.state() == data::ConnectionState::Connected; },
                           20000);
}

} // namespace infrasight::tests
