// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace infrasight::data {

class PgConnection;

/// One numbered SQL migration, as the program carries it.
struct Migration
{
    int version = 0;  ///< the NNNN of NNNN_name.sql
    QString name;     ///< the name part: "core" for 0001_core.sql
    QByteArray sql;   ///< the file's bytes (UTF-8)
    QString checksum; ///< SHA-256 of sql, lower-case hex

    /// Builds a migration and computes its checksum.
    static Migration fromSql(int version, QString name, QByteArray sql);
};

/// What migrate() did.
struct MigrationReport
{
    QList<int> applied;   ///< versions applied by this call, ascending; empty: nothing to do
    int finalVersion = 0; ///< the database's version afterwards
};

/// Brings a database's schema up to the version this program knows (DESIGN.md section 4).
///
/// Migrations are the files ":/migrations/NNNN_name.sql" compiled into the program
/// (data/migrations/), applied in ascending order, each in its own transaction, and recorded
/// in public.schema_migrations with the SHA-256 of the file. A session advisory lock serialises
/// concurrent runners on one database (several consoles starting at once): the second waits and
/// then finds nothing to do.
///
/// Blocking: every call waits for the server. Use it from the command-line tool, a worker thread
/// or a test, never the GUI thread. The runner borrows the connection, which must outlive it and
/// must not be in a transaction; it is not thread-safe (one runner per connection and thread).
class MigrationRunner
{
public:
    /// Called before each migration is applied.
    using ProgressCallback = std::function<void(const Migration &migration)>;

    /// A runner for the migrations compiled into the program (available()).
    explicit MigrationRunner(PgConnection &connection);
    /// A runner for the given migrations instead, e.g. to test a failing one.
    MigrationRunner(PgConnection &connection, QList<Migration> migrations);

    /// The migrations compiled into the program, sorted by version. Files whose name is not
    /// NNNN_name.sql are ignored with a warning.
    static QList<Migration> available();
    /// The highest version in available(), 0 if there is none.
    static int latestVersion();

    /// The highest version this runner's migrations reach.
    int targetVersion() const;

    void setProgressCallback(ProgressCallback callback);

    /// Applies every migration the database lacks, each in its own transaction. Creates
    /// schema_migrations if missing. Holds a session advisory lock on the database while it runs
    /// (released at the end, also on error); while another runner holds it, this call waits
    /// (PgConnection::requestCancel() from another thread ends the wait with ErrorCode::Cancelled).
    /// Fails, changing nothing, with ErrorCode::SchemaTooNew if the database has a version above
    /// targetVersion() (a newer program migrated it); with ErrorCode::Conflict if an applied
    /// migration's checksum differs from the program's or a recorded version is unknown to it;
    /// with ErrorCode::Internal if two migrations share a version. If a migration fails, its
    /// transaction is rolled back, the versions before it stay applied, and the error names it
    /// ("migration 0002_basemap failed: ...", with the server's SQLSTATE and detail).
    [[nodiscard]] Result<MigrationReport> migrate();

    /// The database's schema version: the highest recorded version, 0 for an empty database.
    /// Needs only SELECT on schema_migrations, so any infrasight role may ask.
    [[nodiscard]] Result<int> currentVersion();

    /// The key of the session advisory lock that migrate() holds (pg_advisory_lock(bigint)).
    static constexpr qint64 AdvisoryLockKey = 0x496e667261536d67; // "InfraSmg"

private:
    [[nodiscard]] Result<MigrationReport> migrateLocked();
    [[nodiscard]] Result<void> apply(const Migration &migration);

    PgConnection &m_connection;
    QList<Migration> m_migrations;
    ProgressCallback m_progress;
};

} // namespace infrasight::data
