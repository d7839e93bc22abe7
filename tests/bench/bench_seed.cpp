// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: building the demo city from an OSM extract and adding synthetic assets by COPY.
// Usage: bench_seed [--db CONNINFO] [--osm FILE] [--scale N] [--seed N]
// Without --db it creates (and drops) a database on the server of INFRASIGHT_TEST_DSN.
// The acceptance figure of the foundation issue: --scale 1000000 in <= 60 s.
#include "app/shared/democitysource.h"
#include "data/pgconnection.h"
#include "data/seed/democityseeder.h"
#include "tests/support/migrateddatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

#include <optional>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

int failWith(const QString &what, const Error &error)
{
    QTextStream(stderr) << "bench_seed: " << what << ": " << error.toString() << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"infrasight.gis.debug=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s, u"libpq connection string."_s, u"conninfo"_s);
    const QCommandLineOption osmOption(u"osm"_s,
                                       u"OSM extract."_s,
                                       u"file"_s,
                                       qEnvironmentVariable("INFRASIGHT_SOURCE_DIR")
                                           + u"/../shared/data/osm/monaco.osm.pbf"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"Synthetic assets."_s, u"n"_s, u"1000000"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Random seed."_s, u"n"_s, u"1"_s);
    parser.addOptions({dbOption, osmOption, scaleOption, seedOption});
    parser.process(app);

    QElapsedTimer timer;
    timer.start();
    auto bench = tests::MigratedDatabase::open(parser.value(dbOption));
    if (!bench) {
        return failWith(u"no database"_s, bench.error());
    }
    data::PgConnection &db = bench->connection();
    const double migrateS = double(timer.elapsed()) / 1000.0;

    auto source = app::DemoCitySource::open(parser.value(osmOption));
    if (!source) {
        return failWith(u"cannot read the extract"_s, source.error());
    }
    data::DemoCityOptions options;
    options.seed = parser.value(seedOption).toULongLong();
    source->applyTo(options);
    data::DemoCitySeeder seeder(db, options);
    timer.start();
    if (auto seeded = seeder.seedCity(source->featureSource()); !seeded) {
        return failWith(u"seeding failed"_s, seeded.error());
    }
    const double cityS = double(timer.elapsed()) / 1000.0;

    const qint64 scale = parser.value(scaleOption).toLongLong();
    timer.start();
    auto added = seeder.addSyntheticAssets(scale);
    if (!added) {
        return failWith(u"adding synthetic assets failed"_s, added.error());
    }
    const double scaleS = double(timer.elapsed()) / 1000.0;

    QTextStream out(stdout);
    const auto row = [&out](const QString &step, double seconds, double rowsPerSecond) {
        out << u"%1 %2 %3\n"_s.arg(step, -40)
                   .arg(seconds, 8, 'f', 2)
                   .arg(rowsPerSecond > 0 ? QString::number(rowsPerSecond, 'f', 0) : QString(), 10);
    };
    out << u"%1 %2 %3\n"_s.arg(u"step"_s, -40).arg(u"seconds"_s, 8).arg(u"rows/s"_s, 10);
    row(u"connect and migrate (from zero)"_s, migrateS, 0);
    row(u"seed city from "_s + options.sourceName, cityS, 0);
    row(u"add %1 synthetic assets"_s.arg(*added), scaleS, scaleS > 0 ? double(*added) / scaleS : 0);
    return 0;
}
