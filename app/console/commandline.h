// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

class QCoreApplication;

namespace infrasight::app {

/// What the console was asked to do on its command line.
struct ConsoleOptions
{
    QString conninfo;        ///< --db: a libpq connection string or URI; empty = saved or local
    bool traceState = false; ///< --trace-state or INFRASIGHT_TRACE_STATE=1
    bool seedDemo = true;    ///< false with --no-seed: an empty local database stays empty
};

/// The console's command line: --db, --trace-state, --no-seed, --help, --version
/// (QCommandLineParser).
class CommandLine
{
public:
    CommandLine();

    /// True when the arguments only ask for --help or --version, which are answered without
    /// opening a display.
    static bool asksForInformationOnly(int argc, char *argv[]);

    /// Parses the application's arguments. --help and --version print and exit(0); an unknown
    /// option prints the error and exits(1), as QCommandLineParser::process() does.
    ConsoleOptions process(const QCoreApplication &application);

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_db;
    QCommandLineOption m_traceState;
    QCommandLineOption m_noSeed;
};

} // namespace infrasight::app
