// SPDX-License-Identifier: GPL-3.0-or-later
// infrasightctl: the headless command-line tool. Each command is one line in the table below;
// it gets the words after its name and returns an ExitCode (app/ctl/commandcontext.h).
#include "app/ctl/commandcontext.h"
#include "app/ctl/dbcommand.h"
#include "app/ctl/ingestcommand.h"
#include "app/ctl/maintaincommand.h"
#include "app/ctl/seedcommand.h"
#include "app/ctl/simulatecommand.h"
#include "app/ctl/tilescommand.h"
#include "gis/core/version.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QStringList>

#include <memory>

namespace {

using infrasight::app::CommandContext;
using infrasight::app::ExitCode;

int runVersionCommand(const QStringList &arguments);

struct Command
{
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const Command Commands[] = {
    {"db",
     "db start|stop|status|migrate|url",
     "Run the embedded database; show and migrate any database",
     infrasight::app::runDbCommand},
    {"seed",
     "seed --osm FILE [--scale N]",
     "Build the demo city from an OpenStreetMap extract",
     infrasight::app::runSeedCommand},
    {"ingest",
     "ingest [--format jsonl|csv] < FILE",
     "Store sensor readings from standard input; report bad lines",
     infrasight::app::runIngestCommand},
    {"maintain",
     "maintain [--every SECONDS] [--retention]",
     "Run the scheduled alarm rules, partitions and retention",
     infrasight::app::runMaintainCommand},
    {"simulate",
     "simulate [--rate R] [--duration S]",
     "Write realistic sensor readings for the city",
     infrasight::app::runSimulateCommand},
    {"tiles",
     "tiles build --osm FILE --out FILE",
     "Render the offline basemap (MBTiles) from an OSM extract",
     infrasight::app::runTilesCommand},
    {"version", "version", "Print the version", runVersionCommand},
};

QString usage()
{
    QString text = QStringLiteral("Usage: infrasightctl <command> [options]\n\n"
                                  "Infrasight's command-line tool; needs no display.\n\n"
                                  "Commands:\n");
    for (const Command &command : Commands) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.synopsis), -34)
                    .arg(QString::fromLatin1(command.summary));
    }
    text += QStringLiteral(
        "\nRun 'infrasightctl <command> --help' for the options of a command.\n\n"
        "Options:\n"
        "  -h, --help     Show this help\n"
        "  -v, --version  Print the version\n\n"
        "Environment:\n"
        "  INFRASIGHT_DB         database for commands that take --db when none is given\n"
        "  INFRASIGHT_DATA_DIR   directory of the embedded database\n"
        "                        (default $XDG_DATA_HOME/infrasight)\n"
        "  INFRASIGHT_PG_BINDIR  PostgreSQL server programs (default "
        "/usr/lib/postgresql/15/bin)\n\n"
        "Exit status:\n"
        "  0 success; 1 failure (one line on stderr says why); 2 usage error;\n"
        "  3 'db status': the embedded database is not running;\n"
        "  4 'ingest': some lines were bad (the good ones are stored).\n");
    return text;
}

int runVersionCommand(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        return CommandContext::reportUsageError(QStringLiteral("version takes no arguments"),
                                                usage());
    }
    CommandContext::print(
        QStringLiteral("infrasightctl %1").arg(QString::fromLatin1(infrasight::VersionString)));
    return int(ExitCode::Success);
}

} // namespace

int main(int argc, char *argv[])
{
    // "tiles" draws text, which needs a QGuiApplication; offscreen, so no display is needed.
    const bool drawsText = argc > 1 && qstrcmp(argv[1], "tiles") == 0;
    if (drawsText && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    const std::unique_ptr<QCoreApplication> app
        = drawsText ? std::make_unique<QGuiApplication>(argc, argv)
                    : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("infrasightctl"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(infrasight::VersionString));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        return CommandContext::reportUsageError(QStringLiteral("no command given"), usage());
    }
    const QString first = arguments.first();
    if (first == QStringLiteral("-h") || first == QStringLiteral("--help")
        || first == QStringLiteral("help")) {
        CommandContext::print(usage().trimmed());
        return int(ExitCode::Success);
    }
    if (first == QStringLiteral("-v") || first == QStringLiteral("--version")) {
        return runVersionCommand({});
    }
    for (const Command &command : Commands) {
        if (first == QLatin1StringView(command.name)) {
            return command.run(arguments.mid(1));
        }
    }
    return CommandContext::reportUsageError(QStringLiteral("unknown command '%1'").arg(first),
                                            usage());
}
