// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ctl/commandcontext.h"

#include "data/pgconnection.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace infrasight::app {

namespace {

QString dbOptionName()
{
    return QStringLiteral("db");
}

QString dataDirOptionName()
{
    return QStringLiteral("data-dir");
}

QString oneLine(QString text)
{
    text.replace(u'\n', u' ');
    return text.simplified();
}

} // namespace

void CommandContext::addDatabaseOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
        dbOptionName(),
        QStringLiteral("Database to use: a libpq URI (postgresql://host/db), a key=value string "
                       "or service=NAME. Default: $INFRASIGHT_DB, else the embedded database."),
        QStringLiteral("conninfo")));
}

void CommandContext::addDataDirectoryOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
        dataDirOptionName(),
        QStringLiteral("Directory of the embedded database. Default: $INFRASIGHT_DATA_DIR, else "
                       "$XDG_DATA_HOME/infrasight."),
        QStringLiteral("dir")));
}

std::optional<int> CommandContext::parseDatabaseCommand(QCommandLineParser &parser,
                                                        const QString &name,
                                                        const QStringList &arguments)
{
    addDatabaseOption(parser);
    addDataDirectoryOption(parser);
    QTextStream err(stderr);
    if (!parser.parse(QStringList{QStringLiteral("infrasightctl ") + name} + arguments)) {
        err << parser.errorText() << Qt::endl;
        return int(ExitCode::Usage);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return int(ExitCode::Success);
    }
    if (parser.isSet(dbOptionName()) && parser.isSet(dataDirOptionName())) {
        err << "give --db or --data-dir, not both" << Qt::endl;
        return int(ExitCode::Usage);
    }
    return std::nullopt;
}

CommandContext::CommandContext(const QCommandLineParser &parser)
{
    if (parser.optionNames().contains(dbOptionName())) {
        m_explicitConninfo = parser.value(dbOptionName());
    }
    if (parser.optionNames().contains(dataDirOptionName())) {
        m_dataDirectory = parser.value(dataDirOptionName());
    }
    // An explicit --data-dir means the embedded database, whatever the environment says.
    if (m_explicitConninfo.isEmpty() && m_dataDirectory.isEmpty()) {
        m_explicitConninfo = qEnvironmentVariable("INFRASIGHT_DB");
    }
}

data::LocalCluster CommandContext::cluster() const
{
    return data::LocalCluster(m_dataDirectory);
}

Result<QString> CommandContext::resolveConninfo() const
{
    if (!m_explicitConninfo.isEmpty()) {
        return m_explicitConninfo;
    }
    data::LocalCluster embedded = cluster();
    return embedded.ensureRunning();
}

Result<std::unique_ptr<data::PgConnection>> CommandContext::connect() const
{
    auto conninfo = resolveConninfo();
    if (!conninfo) {
        return tl::unexpected(conninfo.error());
    }
    auto connection = data::PgConnection::open(*conninfo);
    if (!connection && connection.error().code == ErrorCode::Authentication) {
        Error error = connection.error();
        error.message += QStringLiteral(
            "; put the password in ~/.pgpass (or PGPASSWORD) — infrasightctl never asks for it");
        return tl::unexpected(error);
    }
    return connection;
}

int CommandContext::reportError(const Error &error)
{
    QTextStream err(stderr);
    err << QStringLiteral("infrasightctl: ") << oneLine(error.toString()) << Qt::endl;
    return int(ExitCode::Failure);
}

int CommandContext::reportUsageError(const QString &problem, const QString &usage)
{
    QTextStream err(stderr);
    err << QStringLiteral("infrasightctl: ") << problem << Qt::endl << Qt::endl << usage;
    return int(ExitCode::Usage);
}

void CommandContext::print(const QString &line)
{
    QTextStream out(stdout);
    out << line << Qt::endl;
}

} // namespace infrasight::app
