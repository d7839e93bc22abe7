// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/pgconnection.h"
#include "gis/core/result.h"
#include "tests/support/pgtestdatabase.h"

#include <QString>

#include <memory>
#include <optional>

namespace infrasight::tests {

/// A database migrated to the latest schema and open on one connection: the one a benchmark was
/// given with --db, else a scratch PgTestDatabase on the test server (INFRASIGHT_TEST_DSN),
/// dropped again when this object goes (what most database tests start from).
class MigratedDatabase
{
public:
    /// conninfo empty: a scratch database. Fails with what went wrong (no server configured,
    /// connection refused, migration failed).
    [[nodiscard]] static Result<MigratedDatabase> open(const QString &conninfo);

    MigratedDatabase(MigratedDatabase &&) noexcept = default;
    MigratedDatabase &operator=(MigratedDatabase &&) noexcept = default;
    MigratedDatabase(const MigratedDatabase &) = delete;
    MigratedDatabase &operator=(const MigratedDatabase &) = delete;
    ~MigratedDatabase();

    QString conninfo() const { return m_conninfo; }

    /// True when the database was made for this run (and is dropped at the end).
    bool isScratch() const { return m_scratch.has_value(); }

    data::PgConnection &connection() const { return *m_connection; }

    /// Connection string for a login role of the test's own (scratch databases only).
    QString conninfoAs(const QString &user, const QString &password) const
    {
        return m_scratch ? m_scratch->conninfoAs(user, password) : QString();
    }

    /// Creates a login role in infrasight_<group> ("planner", "operator", ...) with a random
    /// name and password, and returns its connection string (scratch databases only; empty if
    /// it could not be made).
    QString createLogin(const QString &group) const;

private:
    MigratedDatabase() = default;

    std::optional<PgTestDatabase> m_scratch;
    QString m_conninfo;
    std::unique_ptr<data::PgConnection> m_connection;
};

} // namespace infrasight::tests
