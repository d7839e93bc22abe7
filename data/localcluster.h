// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace infrasight::data {

/// A private PostgreSQL 15 cluster for one person: the embedded default database of the console
/// and of infrasightctl when no other database is given (DESIGN.md section 7).
///
/// Layout under the base directory (default: $XDG_DATA_HOME/infrasight, i.e.
/// QStandardPaths::GenericDataLocation + "/infrasight"; INFRASIGHT_DATA_DIR overrides the default,
/// an explicit constructor argument overrides both):
///   pgdata/          the cluster (initdb -E UTF8 --locale=C.UTF-8, trust on the Unix socket only)
///   run/             the Unix socket directory; the server never listens on TCP
///   postgresql.log   the server log
///
/// The server runs as the calling user. initdb and postgres refuse to run as root, so when the
/// caller is root the cluster is run as the `postgres` system account (runuser), the directories
/// are owned by that account, and every ancestor of the base directory gets the "others may
/// traverse" bit (o+x, never read) so that account can reach it. The socket itself is private
/// (mode 0700): only the server account and root may connect.
///
/// Every call that touches the cluster blocks the calling thread while external programs run
/// (initdb, pg_ctl) — up to timeout() per program. Call it from the command-line tool or a worker
/// thread, never from the GUI thread. An instance holds no handles and may be used from any one
/// thread at a time; start() and stop() of concurrent processes on the same base directory are
/// serialised by a lock file.
class LocalCluster
{
public:
    /// The port number in the socket name (.s.PGSQL.5432); no TCP port is opened.
    static constexpr int Port = 5432;

    /// What status() found. Directories are absolute paths.
    struct Status
    {
        bool initialized = false; ///< pgdata holds a cluster
        bool running = false;     ///< a postmaster runs on pgdata (pg_ctl status)
        qint64 pid = 0;           ///< the postmaster's process id, 0 when not running
        QString baseDirectory;
        QString clusterDirectory;
        QString socketDirectory;
        QString logFile;
        QString dataVersion;   ///< major version of the cluster files (PG_VERSION), e.g. "15"
        QString serverVersion; ///< version of the server binaries, e.g. "15.20"
    };

    enum class StartOutcome { Started, AlreadyRunning };
    enum class StopOutcome { Stopped, WasNotRunning };

    /// baseDirectory empty = defaultBaseDirectory(); binDirectory empty = findBinDirectory().
    /// Does no I/O.
    explicit LocalCluster(QString baseDirectory = {}, QString binDirectory = {});

    /// INFRASIGHT_DATA_DIR if set, else QStandardPaths::GenericDataLocation + "/infrasight".
    static QString defaultBaseDirectory();

    /// The directory holding initdb, pg_ctl and postgres: explicitDir if not empty, else
    /// INFRASIGHT_PG_BINDIR, else /usr/lib/postgresql/15/bin, else `pg_config --bindir`.
    /// Fails with ErrorCode::NotFound (naming the Debian packages to install) if the chosen
    /// directory lacks the programs. Blocks for at most a few seconds (pg_config).
    [[nodiscard]] static Result<QString> findBinDirectory(const QString &explicitDir = {});

    /// The name of the database start() creates and conninfo() names.
    static QString databaseName();

    QString baseDirectory() const { return m_baseDirectory; }

    QString clusterDirectory() const;
    QString socketDirectory() const;
    QString logFile() const;

    /// The operating-system account the server runs as, which is also the cluster's superuser
    /// role: "postgres" when the caller is root, else the caller's own login name.
    QString serverUser() const;

    /// libpq key=value string for the infrasight database on the socket, e.g.
    /// "host=/home/ada/.local/share/infrasight/run port=5432 dbname=infrasight user=ada".
    /// Values are quoted where libpq needs it. Does no I/O: the cluster may be stopped.
    QString conninfo() const;

    /// Maximum time each external program (initdb, pg_ctl, ...) may take; default 120 s.
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// Creates the directories and runs initdb unless pgdata already holds a cluster.
    /// Returns true if it created the cluster. Fails if the directory cannot be created, holds
    /// something that is not a cluster, holds a cluster of another major version, or initdb fails.
    [[nodiscard]] Result<bool> initIfNeeded();

    /// Initialises if needed, starts the server (pg_ctl start -w) on the Unix socket only and
    /// returns once it accepts connections, then creates the infrasight database if it does not
    /// exist. Already running is success (AlreadyRunning; the database is still ensured).
    [[nodiscard]] Result<StartOutcome> start();

    /// Stops the server (fast shutdown: sessions are disconnected, nothing is lost) and waits
    /// until it has gone. Not running (or never initialised) is success (WasNotRunning).
    [[nodiscard]] Result<StopOutcome> stop();

    /// Reports the state without changing anything. Fails only if the server binaries are
    /// missing or a program cannot be run.
    [[nodiscard]] Result<Status> status() const;

    /// start(), then conninfo(): what a client needs to use the embedded default.
    [[nodiscard]] Result<QString> ensureRunning();

private:
    struct ProcessOutput
    {
        int exitCode = 0;
        QString standardOutput;
        QString standardError;
    };

    [[nodiscard]] Result<QString> binDirectory() const;
    [[nodiscard]] Result<QString> program(const QString &name) const;
    [[nodiscard]] Result<ProcessOutput> runAsServerUser(const QString &program,
                                                        const QStringList &arguments) const;
    [[nodiscard]] Result<void> prepareDirectories() const;
    [[nodiscard]] Result<void> ensureDatabase() const;
    [[nodiscard]] Result<void> checkPaths() const;

    QString m_baseDirectory;
    QString m_explicitBinDirectory;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(120)};
};

} // namespace infrasight::data
