// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ctl/seedcommand.h"

#include "app/ctl/commandcontext.h"
#include "app/shared/democitysource.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "data/seed/democityseeder.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

#include <atomic>
#include <csignal>

namespace infrasight::app {

namespace {

std::atomic_bool s_interrupted{false};

extern "C" void onInterrupt(int)
{
    s_interrupted.store(true);
}

// Prints phase changes and about every tenth of a known total, so a log stays readable.
class ProgressPrinter
{
public:
    void operator()(const QString &phase, qint64 done, qint64 total)
    {
        const int decile = total > 0 ? int(done * 10 / total) : -1;
        if (phase == m_phase && decile == m_decile && total > 0) {
            return;
        }
        if (phase == m_phase && total <= 0 && m_timer.isValid() && m_timer.elapsed() < 1000) {
            return;
        }
        m_phase = phase;
        m_decile = decile;
        m_timer.start();
        if (!m_clock.isValid()) {
            m_clock.start();
        }
        QTextStream err(stderr);
        err << '[' << QString::number(double(m_clock.elapsed()) / 1000.0, 'f', 1) << " s] " << phase
            << ": " << done;
        if (total > 0) {
            err << " / " << total;
        }
        err << Qt::endl;
    }

private:
    QString m_phase;
    int m_decile = -2;
    QElapsedTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace

int runSeedCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Builds the demo city from an OpenStreetMap extract (© OpenStreetMap "
                       "contributors, ODbL) and/or adds synthetic assets for benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption osmOption(QStringLiteral("osm"),
                                       QStringLiteral("OpenStreetMap extract to build the city "
                                                      "from (.osm.pbf or .osm)."),
                                       QStringLiteral("file"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Random seed; the same seed gives the same "
                                                       "city (default 1)."),
                                        QStringLiteral("n"),
                                        QStringLiteral("1"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
                                         QStringLiteral("Add n synthetic assets (up to 2000000) "
                                                        "spread over the city, for benchmarks."),
                                         QStringLiteral("n"));
    const QCommandLineOption replaceOption(QStringLiteral("replace"),
                                           QStringLiteral("Replace the city already in the "
                                                          "database."));
    parser.addOptions({osmOption, seedOption, scaleOption, replaceOption});
    if (const auto done
        = CommandContext::parseDatabaseCommand(parser, QStringLiteral("seed"), arguments)) {
        return *done;
    }
    QTextStream err(stderr);
    QTextStream out(stdout);
    bool ok = false;
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        err << "--seed needs a non-negative integer" << Qt::endl;
        return 2;
    }
    qint64 scale = 0;
    if (parser.isSet(scaleOption)) {
        scale = parser.value(scaleOption).toLongLong(&ok);
        if (!ok || scale < 1 || scale > data::DemoCitySeeder::MaxSyntheticAssets) {
            err << "--scale needs a number between 1 and "
                << data::DemoCitySeeder::MaxSyntheticAssets << Qt::endl;
            return 2;
        }
    }
    if (!parser.isSet(osmOption) && scale == 0) {
        err << "nothing to do: give --osm FILE and/or --scale N" << Qt::endl;
        return 2;
    }

    const CommandContext context(parser);
    auto connection = context.connect();
    if (!connection) {
        return CommandContext::reportError(connection.error());
    }
    data::PgConnection &db = **connection;
    data::MigrationRunner migrations(db);
    if (auto migrated = migrations.migrate(); !migrated) {
        err << "cannot migrate the database: " << migrated.error().toString() << Qt::endl;
        return 1;
    }

    // GDAL reports every ring cut at the extract's edge at debug level; expected and harmless
    // (shared/data/osm/README.md), so keep it out of the progress unless the user asks for it.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("infrasight.gis.debug=false"));
    }
    s_interrupted.store(false);
    const auto previousHandler = std::signal(SIGINT, onInterrupt);
    ProgressPrinter printer;

    data::DemoCityOptions options;
    options.seed = seed;
    options.replace = parser.isSet(replaceOption);
    int status = 0;
    QElapsedTimer timer;
    double citySeconds = -1;
    double scaleSeconds = -1;

    if (parser.isSet(osmOption)) {
        const QString path = parser.value(osmOption);
        auto source = DemoCitySource::open(path);
        if (!source) {
            err << "cannot read " << path << ": " << source.error().toString() << Qt::endl;
            std::signal(SIGINT, previousHandler);
            return 1;
        }
        source->applyTo(options);
        data::DemoCitySeeder seeder(db, options);
        seeder.setProgressCallback(std::ref(printer));
        seeder.setCancelFlag(&s_interrupted);
        timer.start();
        auto seeded = seeder.seedCity(source->featureSource());
        citySeconds = double(timer.elapsed()) / 1000.0;
        if (!seeded) {
            err << "seeding failed, nothing was changed: " << seeded.error().toString() << Qt::endl;
            if (seeded.error().code == ErrorCode::Conflict) {
                err << "pass --replace to replace the city that is there" << Qt::endl;
            }
            status = 1;
        }
    }

    if (status == 0 && scale > 0) {
        data::DemoCitySeeder seeder(db, options);
        seeder.setProgressCallback(std::ref(printer));
        seeder.setCancelFlag(&s_interrupted);
        timer.start();
        auto added = seeder.addSyntheticAssets(scale);
        scaleSeconds = double(timer.elapsed()) / 1000.0;
        if (!added) {
            err << "adding synthetic assets failed, nothing was changed: "
                << added.error().toString() << Qt::endl;
            status = 1;
        }
    }
    std::signal(SIGINT, previousHandler);
    if (status != 0) {
        return status;
    }

    data::DemoCitySeeder seeder(db, options);
    auto summary = seeder.summary();
    if (!summary) {
        err << "cannot count the rows: " << summary.error().toString() << Qt::endl;
        return 1;
    }
    for (const auto &[table, count] : *summary) {
        out << qSetFieldWidth(20) << Qt::left << table << qSetFieldWidth(0) << count << '\n';
    }
    if (citySeconds >= 0) {
        out << "city seeded in " << QString::number(citySeconds, 'f', 1) << " s\n";
    }
    if (scaleSeconds >= 0) {
        out << scale << " synthetic assets added in " << QString::number(scaleSeconds, 'f', 1)
            << " s\n";
    }
    out << "Map data © OpenStreetMap contributors (ODbL)" << Qt::endl;
    return 0;
}

} // namespace infrasight::app
