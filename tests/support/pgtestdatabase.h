// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QString>

namespace infrasight::tests {

/// A throw-away database on the test server that scripts/test starts (INFRASIGHT_TEST_DSN, a
/// key=value libpq string of a superuser on that server). Each instance creates a uniquely named
/// database with PostGIS and drops it again in the destructor, so tests never see each other's
/// rows and may run in parallel.
class PgTestDatabase
{
public:
    /// The server's connection string from the environment, or empty if none is configured.
    static QString serverConninfo();

    /// Creates the database. Fails if no server is configured or the server refuses.
    [[nodiscard]] static Result<PgTestDatabase> create();

    PgTestDatabase(PgTestDatabase &&other) noexcept;
    PgTestDatabase &operator=(PgTestDatabase &&other) = delete;
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;
    ~PgTestDatabase();

    QString name() const { return m_name; }

    /// Connection string for this database as the server's superuser.
    QString conninfo() const;

    /// Connection string for this database as another login role (created by the test).
    QString conninfoAs(const QString &user, const QString &password) const;

private:
    explicit PgTestDatabase(QString name);
    QString m_name;
};

} // namespace infrasight::tests

/// Skips the test when no server is configured, unless INFRASIGHT_TEST_REQUIRE_DB=1 (set by
/// scripts/test), where a missing server is a failure: CI must never skip database tests silently.
#define INFRASIGHT_REQUIRE_TEST_SERVER()                                                           \
    do {                                                                                           \
        if (infrasight::tests::PgTestDatabase::serverConninfo().isEmpty()) {                       \
            if (qEnvironmentVariableIntValue("INFRASIGHT_TEST_REQUIRE_DB") == 1)                   \
                QFAIL("INFRASIGHT_TEST_DSN is not set but INFRASIGHT_TEST_REQUIRE_DB=1");          \
            QSKIP("no test server: run through scripts/test or set INFRASIGHT_TEST_DSN");          \
        }                                                                                          \
    } while (false)
