// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/commandline.h"

#include <QCoreApplication>

#include <cstring>

namespace infrasight::app {

CommandLine::CommandLine()
    : m_db(QStringList{QStringLiteral("db")},
           QCoreApplication::translate("CommandLine",
                                       "Database to use: a libpq connection string or URI, e.g. "
                                       "\"host=db.example.org dbname=infrasight user=alice\", "
                                       "\"postgresql://alice@db.example.org/infrasight\" or "
                                       "\"service=infrasight\". Passwords come from ~/.pgpass or "
                                       "the login dialog. Without --db the console uses the saved "
                                       "connection, or else its local database, which it starts "
                                       "if needed."),
           QStringLiteral("conninfo"))
    , m_traceState(QStringList{QStringLiteral("trace-state")},
                   QCoreApplication::translate("CommandLine",
                                               "Write each connection state change (\"state: "
                                               "connected\") and a heartbeat every 250 ms to "
                                               "standard error, for monitoring and tests. Also "
                                               "enabled by INFRASIGHT_TRACE_STATE=1."))
    , m_noSeed(QStringList{QStringLiteral("no-seed")},
               QCoreApplication::translate("CommandLine",
                                           "Do not build the demo city when the local database "
                                           "is empty."))
{
    m_parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine",
                                    "Infrasight: GIS operations console for a city's "
                                    "infrastructure."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(m_db);
    m_parser.addOption(m_traceState);
    m_parser.addOption(m_noSeed);
}

bool CommandLine::asksForInformationOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0) {
                return true;
            }
        }
    }
    return false;
}

ConsoleOptions CommandLine::process(const QCoreApplication &application)
{
    m_parser.process(application);
    ConsoleOptions options;
    options.conninfo = m_parser.value(m_db).trimmed();
    options.traceState = m_parser.isSet(m_traceState)
                         || qEnvironmentVariableIntValue("INFRASIGHT_TRACE_STATE") == 1;
    options.seedDemo = !m_parser.isSet(m_noSeed);
    return options;
}

} // namespace infrasight::app
