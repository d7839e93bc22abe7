// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/migrateddatabase.h"

#include "data/migrationrunner.h"

#include <QUuid>

namespace infrasight::tests {

Result<MigratedDatabase> MigratedDatabase::open(const QString &conninfo)
{
    MigratedDatabase bench;
    bench.m_conninfo = conninfo;
    if (conninfo.isEmpty()) {
        auto database = PgTestDatabase::create();
        if (!database) {
            Error error = database.error();
            error.message = QStringLiteral("no database (give --db or set INFRASIGHT_TEST_DSN): ")
                            + error.message;
            return tl::unexpected(error);
        }
        bench.m_scratch.emplace(std::move(*database));
        bench.m_conninfo = bench.m_scratch->conninfo();
    }
    auto connection = data::PgConnection::open(bench.m_conninfo);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    bench.m_connection = std::move(*connection);
    data::MigrationRunner migrations(*bench.m_connection);
    if (auto migrated = migrations.migrate(); !migrated) {
        return tl::unexpected(migrated.error());
    }
    return bench;
}

MigratedDatabase::~MigratedDatabase()
{
    // The connection closes before the scratch database is dropped.
    m_connection.reset();
}

QString MigratedDatabase::createLogin(const QString &group) const
{
    if (!m_scratch) {
        return {};
    }
    const QString login
        = group + QStringLiteral("_") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString secret = QUuid::createUuid().toString(QUuid::Id128);
    auto ddl = m_connection->exec(
        QStringLiteral("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', $1::text, "
                       "$2::text, 'infrasight_' || $3::text)"),
        {login, secret, group});
    if (!ddl || !m_connection->execScript(ddl->text(0, 0))) {
        return {};
    }
    return conninfoAs(login, secret);
}

} // namespace infrasight::tests
