// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/pg/pgconnection.h"
#include "gis/core/result.h"
#include "tests/support/pgtestdatabase.h"

#include <QString>

#include <memory>
#include <optional>

namespace infrasight::tests {

/// The database a benchmark runs on: the one named with --db, else a scratch PgTestDatabase on
/// the test server (INFRASIGHT_TEST_DSN), dropped again when this object goes. Either way it is
/// migrated to the latest schema and open on one connection.
class BenchDatabase
{
public:
    /// conninfo empty: a scratch database. Fails with what went wrong (no server configured,
    /// connection refused, migration failed).
    [[nodiscard]] static Result<BenchDatabase> open(const QString &conninfo);

    BenchDatabase(BenchDatabase &&) noexcept = default;
    BenchDatabase &operator=(BenchDatabase &&) noexcept = default;
    BenchDatabase(const BenchDatabase &) = delete;
    BenchDatabase &operator=(const BenchDatabase &) = delete;
    ~BenchDatabase();

    QString conninfo() const { return m_conninfo; }

    /// True when the database was made for this run (and is dropped at the end).
    bool isScratch() const { return m_scratch.has_value(); }

    data::PgConnection &connection() const { return *m_connection; }

private:
    BenchDatabase() = default;

    std::optional<PgTestDatabase> m_scratch;
    QString m_conninfo;
    std::unique_ptr<data::PgConnection> m_connection;
};

} // namespace infrasight::tests
