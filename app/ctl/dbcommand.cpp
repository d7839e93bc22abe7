// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ctl/dbcommand.h"

#include "app/ctl/commandcontext.h"
#include "data/localcluster.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"

#include <QCommandLineParser>

namespace infrasight::app {

namespace {

using data::LocalCluster;
using data::MigrationRunner;
using data::PgConnection;

QString migrationName(int version, const QString &name)
{
    return QStringLiteral("%1_%2").arg(version, 4, 10, QChar(u'0')).arg(name);
}

/// Prints the schema version and the number of assets of a database; Failure if it cannot.
int printSchemaState(PgConnection &connection)
{
    MigrationRunner runner(connection);
    auto version = runner.currentVersion();
    if (!version) {
        return CommandContext::reportError(version.error());
    }
    const int latest = MigrationRunner::latestVersion();
    QString line
        = QStringLiteral("schema version: %1 (this program: %2)").arg(*version).arg(latest);
    if (*version < latest) {
        line += QStringLiteral(" - run 'infrasightctl db migrate'");
    } else if (*version > latest) {
        line += QStringLiteral(" - newer than this program");
    }
    CommandContext::print(line);
    auto hasAssets
        = connection.exec(QStringLiteral("SELECT to_regclass('public.asset') IS NOT NULL"));
    if (!hasAssets) {
        return CommandContext::reportError(hasAssets.error());
    }
    qint64 assets = 0;
    if (hasAssets->value(0, 0).toBool()) {
        auto count = connection.exec(QStringLiteral("SELECT count(*) FROM public.asset"));
        if (!count) {
            return CommandContext::reportError(count.error());
        }
        assets = count->toInt(0, 0);
    }
    CommandContext::print(QStringLiteral("assets: %1").arg(assets));
    return int(ExitCode::Success);
}

int start(const CommandContext &context)
{
    LocalCluster cluster = context.cluster();
    auto started = cluster.start();
    if (!started) {
        return CommandContext::reportError(started.error());
    }
    CommandContext::print(
        *started == LocalCluster::StartOutcome::Started
            ? QStringLiteral("started the embedded database in %1").arg(cluster.baseDirectory())
            : QStringLiteral("the embedded database in %1 is already running")
                  .arg(cluster.baseDirectory()));
    CommandContext::print(QStringLiteral("connection: %1").arg(cluster.conninfo()));
    return int(ExitCode::Success);
}

int stop(const CommandContext &context)
{
    LocalCluster cluster = context.cluster();
    auto stopped = cluster.stop();
    if (!stopped) {
        return CommandContext::reportError(stopped.error());
    }
    CommandContext::print(
        *stopped == LocalCluster::StopOutcome::Stopped
            ? QStringLiteral("stopped the embedded database in %1").arg(cluster.baseDirectory())
            : QStringLiteral("the embedded database in %1 was not running")
                  .arg(cluster.baseDirectory()));
    return int(ExitCode::Success);
}

int status(const CommandContext &context)
{
    if (!context.usesEmbeddedDatabase()) {
        auto connection = context.connect();
        if (!connection) {
            return CommandContext::reportError(connection.error());
        }
        const int serverVersion = (*connection)->serverVersion();
        CommandContext::print(QStringLiteral("database: %1 as %2 on PostgreSQL %3.%4")
                                  .arg((*connection)->database(),
                                       (*connection)->user(),
                                       QString::number(serverVersion / 10000),
                                       QString::number(serverVersion % 10000)));
        return printSchemaState(**connection);
    }
    const LocalCluster cluster = context.cluster();
    auto state = cluster.status();
    if (!state) {
        return CommandContext::reportError(state.error());
    }
    CommandContext::print(QStringLiteral("data directory: %1").arg(state->baseDirectory));
    CommandContext::print(QStringLiteral("state: %1")
                              .arg(state->running
                                       ? QStringLiteral("running (pid %1)").arg(state->pid)
                                   : state->initialized ? QStringLiteral("stopped")
                                                        : QStringLiteral("not created yet")));
    CommandContext::print(QStringLiteral("server: PostgreSQL %1")
                              .arg(state->serverVersion.isEmpty() ? QStringLiteral("(not found)")
                                                                  : state->serverVersion));
    CommandContext::print(QStringLiteral("socket: %1").arg(state->socketDirectory));
    CommandContext::print(QStringLiteral("log: %1").arg(state->logFile));
    CommandContext::print(QStringLiteral("connection: %1").arg(cluster.conninfo()));
    if (!state->running) {
        return int(ExitCode::NotRunning);
    }
    auto connection = PgConnection::open(cluster.conninfo());
    if (!connection) {
        return CommandContext::reportError(connection.error());
    }
    return printSchemaState(**connection);
}

int migrate(const CommandContext &context)
{
    auto connection = context.connect();
    if (!connection) {
        return CommandContext::reportError(connection.error());
    }
    MigrationRunner runner(**connection);
    runner.setProgressCallback([](const data::Migration &migration) {
        CommandContext::print(QStringLiteral("applying migration %1")
                                  .arg(migrationName(migration.version, migration.name)));
    });
    auto report = runner.migrate();
    if (!report) {
        return CommandContext::reportError(report.error());
    }
    if (report->applied.isEmpty()) {
        CommandContext::print(
            QStringLiteral("nothing to do: the schema is at version %1").arg(report->finalVersion));
    } else {
        CommandContext::print(QStringLiteral("applied %1 migration(s): the schema is at version %2")
                                  .arg(report->applied.size())
                                  .arg(report->finalVersion));
    }
    return int(ExitCode::Success);
}

int url(const CommandContext &context)
{
    CommandContext::print(context.cluster().conninfo());
    return int(ExitCode::Success);
}

} // namespace

QString dbCommandUsage()
{
    return QStringLiteral(
        "Usage: infrasightctl db <action> [options]\n"
        "\n"
        "Actions:\n"
        "  start     Start the embedded database (created on first use) and wait until it\n"
        "            accepts connections. Already running is fine.\n"
        "  stop      Stop the embedded database. Not running is fine.\n"
        "  status    Show the embedded database (or --db): state, schema version, asset count.\n"
        "            Exit status 3 when the embedded database is not running.\n"
        "  migrate   Apply the schema migrations the database lacks: --db, else $INFRASIGHT_DB,\n"
        "            else the embedded database (started if needed).\n"
        "  url       Print the libpq connection string of the embedded database.\n"
        "\n"
        "Options:\n"
        "  --db <conninfo>   (status, migrate) libpq URI, key=value string or service=NAME\n"
        "  --data-dir <dir>  directory of the embedded database\n"
        "                    (default $INFRASIGHT_DATA_DIR, else $XDG_DATA_HOME/infrasight)\n"
        "  -h, --help        show this help\n");
}

int runDbCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    CommandContext::addDatabaseOption(parser);
    CommandContext::addDataDirectoryOption(parser);
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("what to do"));
    if (!parser.parse(QStringList{QStringLiteral("infrasightctl db")} + arguments)) {
        return CommandContext::reportUsageError(parser.errorText(), dbCommandUsage());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        CommandContext::print(dbCommandUsage().trimmed());
        return int(ExitCode::Success);
    }
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        return CommandContext::reportUsageError(QStringLiteral("db needs an action"),
                                                dbCommandUsage());
    }
    if (words.size() > 1) {
        return CommandContext::reportUsageError(
            QStringLiteral("unexpected argument '%1'").arg(words.at(1)), dbCommandUsage());
    }
    const QString action = words.first();
    const bool takesDb = action == QStringLiteral("status") || action == QStringLiteral("migrate");
    if (parser.isSet(QStringLiteral("db")) && !takesDb) {
        return CommandContext::reportUsageError(
            QStringLiteral("--db does not apply to 'db %1': it manages the embedded database only")
                .arg(action),
            dbCommandUsage());
    }
    if (parser.isSet(QStringLiteral("db")) && parser.isSet(QStringLiteral("data-dir"))) {
        return CommandContext::reportUsageError(QStringLiteral("give --db or --data-dir, not both"),
                                                dbCommandUsage());
    }
    // INFRASIGHT_DB names the default database for status and migrate; start, stop and url are
    // always about the embedded one, so they read only --data-dir.
    const CommandContext context(parser);
    if (action == QStringLiteral("start")) {
        return start(context);
    }
    if (action == QStringLiteral("stop")) {
        return stop(context);
    }
    if (action == QStringLiteral("status")) {
        return status(context);
    }
    if (action == QStringLiteral("migrate")) {
        return migrate(context);
    }
    if (action == QStringLiteral("url")) {
        return url(context);
    }
    return CommandContext::reportUsageError(QStringLiteral("unknown action 'db %1'").arg(action),
                                            dbCommandUsage());
}

} // namespace infrasight::app
