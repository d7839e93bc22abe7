// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/pgtestdatabase.h"

#include "data/pgconnection.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace infrasight::tests {

using data::PgConnection;
using data::quoteIdentifier;

QString PgTestDatabase::serverConninfo()
{
    return qEnvironmentVariable("INFRASIGHT_TEST_DSN");
}

Result<PgTestDatabase> PgTestDatabase::create()
{
    const QString server = serverConninfo();
    if (server.isEmpty()) {
        return fail(ErrorCode::NotFound, QStringLiteral("INFRASIGHT_TEST_DSN is not set"));
    }
    auto admin = PgConnection::open(server + QStringLiteral(" dbname=postgres"));
    if (!admin) {
        return tl::unexpected(admin.error());
    }
    const QString name = QStringLiteral("infrasight_test_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate64(), 0, 36);
    // CREATE DATABASE takes no parameters; the name is ours, not user input.
    if (auto made = (*admin)->exec(QStringLiteral("CREATE DATABASE ") + quoteIdentifier(name));
        !made) {
        return tl::unexpected(made.error());
    }
    PgTestDatabase database(name);
    auto conn = PgConnection::open(database.conninfo());
    if (!conn) {
        return tl::unexpected(conn.error());
    }
    return database;
}

PgTestDatabase::PgTestDatabase(QString name)
    : m_name(std::move(name))
{}

PgTestDatabase::PgTestDatabase(PgTestDatabase &&other) noexcept
    : m_name(std::exchange(other.m_name, QString()))
{}

PgTestDatabase::~PgTestDatabase()
{
    if (m_name.isEmpty()) {
        return;
    }
    if (auto admin = PgConnection::open(serverConninfo() + QStringLiteral(" dbname=postgres"))) {
        const auto dropped
            = (*admin)->exec(QStringLiteral("DROP DATABASE IF EXISTS ") + quoteIdentifier(m_name)
                             + QStringLiteral(" WITH (FORCE)"));
        if (!dropped) {
            qWarning("could not drop test database %s: %s",
                     qPrintable(m_name),
                     qPrintable(dropped.error().toString()));
        }
    }
}

QString PgTestDatabase::conninfo() const
{
    return serverConninfo() + QStringLiteral(" dbname=") + m_name;
}

QString PgTestDatabase::conninfoAs(const QString &user, const QString &password) const
{
    return conninfo() + QStringLiteral(" user=") + user + QStringLiteral(" password=") + password;
}

} // namespace infrasight::tests
