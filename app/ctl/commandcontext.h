// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/localcluster.h"
#include "gis/core/result.h"

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace infrasight::data {
class PgConnection;
}

namespace infrasight::app {

/// Exit codes of infrasightctl (documented in its --help and the README).
enum class ExitCode : int {
    Success = 0,    ///< the command did what was asked
    Failure = 1,    ///< it failed; a one-line reason went to stderr
    Usage = 2,      ///< unknown command or option, missing argument; usage went to stderr
    NotRunning = 3, ///< `db status`: the embedded database is not running
    BadInput = 4,   ///< `ingest`: some lines were bad (each reported); the good ones are stored
};

/// The options the database commands share and how they resolve to a database:
///   --db CONN       a libpq URI, key=value string or service=NAME (pg_service.conf)
///   --data-dir DIR  the embedded cluster's base directory (default: LocalCluster's)
/// Resolution order: --db, else --data-dir (the embedded cluster there), else the INFRASIGHT_DB
/// environment variable, else the embedded cluster in its default directory, started if needed.
/// Passwords come from ~/.pgpass or PGPASSWORD (libpq), never from our own files. Blocking: meant
/// for the command-line tool.
class CommandContext
{
public:
    /// Adds --db to a subcommand's parser.
    static void addDatabaseOption(QCommandLineParser &parser);
    /// Adds --data-dir to a subcommand's parser.
    static void addDataDirectoryOption(QCommandLineParser &parser);

    /// Adds --db and --data-dir, then parses a subcommand's arguments ("infrasightctl <name>").
    /// Returns the exit code to end with (after printing the parser's error, the help, or that
    /// --db and --data-dir exclude each other), or nothing when the command goes on.
    static std::optional<int> parseDatabaseCommand(QCommandLineParser &parser,
                                                   const QString &name,
                                                   const QStringList &arguments);

    /// Reads the options from a parser that has parsed its arguments (options it lacks are unset).
    explicit CommandContext(const QCommandLineParser &parser);

    /// --db, else INFRASIGHT_DB unless --data-dir is given; empty when the embedded database is
    /// meant.
    QString explicitConninfo() const { return m_explicitConninfo; }

    bool usesEmbeddedDatabase() const { return m_explicitConninfo.isEmpty(); }

    /// The embedded cluster for --data-dir (or the default directory). Does no I/O.
    data::LocalCluster cluster() const;

    /// The connection string to use; starts the embedded cluster if that is the one meant.
    [[nodiscard]] Result<QString> resolveConninfo() const;

    /// resolveConninfo(), then connects.
    [[nodiscard]] Result<std::unique_ptr<data::PgConnection>> connect() const;

    /// Prints "infrasightctl: <message> (<detail>)" on one line to stderr; returns Failure.
    static int reportError(const Error &error);
    /// Prints the problem and the usage text to stderr; returns Usage.
    static int reportUsageError(const QString &problem, const QString &usage);
    /// Prints a line to stdout.
    static void print(const QString &line);

private:
    QString m_explicitConninfo;
    QString m_dataDirectory;
};

} // namespace infrasight::app
