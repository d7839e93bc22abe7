// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the locator's statement (AssetQueries::locate, issue "Asset layers ...", point 6) on
// a city of N assets: the time of each search for realistic texts typed into the search box
// (code prefixes, street names and parts of them, street names with a typo, asset names), taken
// from the assets themselves, with their p50, p95 and maximum. Each text is searched once to
// warm the cache, then --repeat times.
//
// Usage: bench_locator [--dsn SERVER] [--assets 1000000] [--queries 50] [--repeat 3]
//        bench_locator --db CONNINFO [--assets N] [--queries 50] [--repeat 3]
// Without --db it creates a database on the server (--dsn, else INFRASIGHT_TEST_DSN), migrates
// it, fills it with N synthetic assets on 210 street names (generate_series, triggers off as in
// a bulk load) and drops it at the end. With --db it searches an existing database as it is
// (e.g. the seeded demo city), or, given --assets too, migrates it and adds the assets first
// (kept, for repeated runs and EXPLAIN). Acceptance: p95 <= 300 ms at 1,000,000 assets.
#include "data/assetqueries.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "models/locatormodel.h"
#include "tests/support/pgtestdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

/// No server to run on: ctest counts the run as skipped (SKIP_RETURN_CODE).
constexpr int SkipExitCode = 77;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int report(const QString &what, const Error &error)
{
    QTextStream(stderr) << "bench_locator: " << what << ": " << error.toString() << Qt::endl;
    return 1;
}

/// The value below which the given share of the sorted timings lies (nearest rank).
double rankValue(const std::vector<double> &sorted, double share)
{
    if (sorted.empty()) {
        return 0.0;
    }
    const auto rank = size_t(std::ceil(share * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

/// Fills an empty migrated database with count assets: six point types, codes "SL-000123" per
/// type, 210 street names, a name on one asset in eight. Triggers are off (a bulk load; the
/// locator needs neither the audit log nor the cluster grid), the trigram indexes are kept.
Result<void> generate(data::PgConnection &db, qint64 count)
{
    const QString script = uR"sql(
INSERT INTO asset_type (code, name, geometry_kind, symbol) VALUES
  ('street_light', 'Street light', 'point', 'lighting'), ('hydrant', 'Hydrant', 'point', 'hydrant'),
  ('manhole', 'Manhole', 'point', 'manhole'), ('waste_bin', 'Waste bin', 'point', 'waste'),
  ('tree', 'Tree', 'point', 'tree'), ('parking_sensor', 'Parking sensor', 'point', 'parking');
CREATE TEMP TABLE bench_street AS
SELECT row_number() OVER () - 1 AS i, k || ' ' || n AS street, n AS word
FROM unnest(ARRAY['Rue', 'Avenue', 'Boulevard', 'Quai', 'Chemin', 'Place', 'Allée']) k,
     unnest(ARRAY['Grimaldi', 'Princesse Caroline', 'Albert 1er', 'de la Costa', 'des Moulins',
                  'Saint-Charles', 'de Monte-Carlo', 'du Port', 'Bellevue', 'des Citronniers',
                  'Pasteur', 'Hector Otto', 'de l''Annonciade', 'Notari', 'Kennedy', 'Louis II',
                  'des Spélugues', 'Crovetto Frères', 'Saint-Martin', 'Prince Pierre',
                  'de la Madone', 'du Portier', 'Princesse Grace', 'de Villaine',
                  'des Orchidées', 'Psalmodi', 'du Rocher', 'Suffren Reymond', 'Terrazzani',
                  'Émile de Loth']) n;
CREATE TEMP TABLE bench_type AS
SELECT row_number() OVER (ORDER BY id) - 1 AS i, id,
       CASE code WHEN 'street_light' THEN 'SL' WHEN 'hydrant' THEN 'HY' WHEN 'manhole' THEN 'MH'
                 WHEN 'waste_bin' THEN 'WB' WHEN 'tree' THEN 'TR' ELSE 'PS' END AS prefix, name
FROM asset_type;
SET session_replication_role = replica;
)sql"_s;
    if (auto prepared = db.execScript(script); !prepared) {
        return tl::unexpected(prepared.error());
    }
    // Row g: type g % 6, number g / 6 + 1 within its type, street by a multiplicative hash so
    // that neighbouring codes lie on different streets.
    auto inserted = db.exec(
        u"INSERT INTO asset (type_id, code, name, street, status, condition, geom) "
        "SELECT t.id, t.prefix || '-' || lpad((g / 6 + 1)::text, 6, '0'), "
        "CASE WHEN g % 8 = 0 THEN t.name || ' ' || s.word || ' ' || (g % 89 + 1) END, s.street, "
        "CASE WHEN g % 25 = 0 THEN 'faulty' ELSE 'active' END, 1 + g % 5, "
        "ST_SetSRID(ST_MakePoint(7.409 + (g * 0.6180339887 - floor(g * 0.6180339887)) * 0.0305, "
        "43.724 + (g * 0.7548776662 - floor(g * 0.7548776662)) * 0.028), 4326) "
        "FROM generate_series(0, $1::bigint - 1) g "
        "JOIN bench_type t ON t.i = g % 6 "
        "JOIN bench_street s ON s.i = (g * 7919) % 210"_s,
        {count});
    if (!inserted) {
        return tl::unexpected(inserted.error());
    }
    return db.execScript(u"SET session_replication_role = origin; ANALYZE asset"_s);
}

/// A word of at least six letters with one inner letter dropped: what a hurried typist sends.
QString withTypo(const QString &text, QRandomGenerator &random)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QStringList longWords;
    for (const QString &word : words) {
        if (word.size() >= 6) {
            longWords << word;
        }
    }
    if (longWords.isEmpty()) {
        return {};
    }
    QString word = longWords.at(random.bounded(int(longWords.size())));
    word.remove(1 + random.bounded(int(word.size()) - 2), 1);
    return word;
}

/// Texts an operator would type, drawn from a sample of the assets: a quarter each code
/// prefixes, streets (whole or a word), streets with a typo and names (or more codes when
/// there are no names).
Result<QStringList> searchTexts(data::PgConnection &db, int wanted)
{
    auto sample = db.exec(u"SELECT code, coalesce(street, ''), coalesce(name, '') FROM asset "
                          "TABLESAMPLE SYSTEM (5) REPEATABLE (42) LIMIT 2000"_s);
    if (!sample) {
        return tl::unexpected(sample.error());
    }
    if (sample->rowCount() == 0) {
        sample = db.exec(u"SELECT code, coalesce(street, ''), coalesce(name, '') FROM asset "
                         "LIMIT 2000"_s);
        if (!sample) {
            return tl::unexpected(sample.error());
        }
    }
    if (sample->rowCount() == 0) {
        return fail(ErrorCode::NotFound, u"the database has no assets"_s);
    }
    QRandomGenerator random(20261122);
    auto pick = [&](int column) {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const QString value = sample->text(random.bounded(sample->rowCount()), column);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return QString();
    };
    QStringList texts;
    int kind = 0;
    while (texts.size() < wanted) {
        QString text;
        switch (kind++ % 4) {
        case 0: { // "SL-00", "HY-00123", "MH-004217"
            const QString code = pick(0);
            text = code.left(std::min<int>(int(code.size()), 4 + random.bounded(6)));
            break;
        }
        case 1: { // "Rue Grimaldi", "Costa", "princesse"
            const QString street = pick(1);
            const QStringList words = street.split(u' ', Qt::SkipEmptyParts);
            if (random.bounded(2) == 0 || words.size() < 2) {
                text = street;
            } else {
                text = words.last();
            }
            if (random.bounded(3) == 0) {
                text = text.toLower();
            }
            break;
        }
        case 2: // "Grimadi", "Pasteu"
            text = withTypo(pick(1), random);
            break;
        default: { // "Hydrant Pasteur 17" or its first two words
            const QString name = pick(2);
            text = name.isEmpty() ? pick(0) : name.section(u' ', 0, random.bounded(2) == 0 ? 1 : 2);
            break;
        }
        }
        if (text.trimmed().size() >= 2) {
            texts << text;
        }
    }
    return texts;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the locator's search statement."_s);
    parser.addHelpOption();
    const QCommandLineOption dsnOption(u"dsn"_s,
                                       u"Server to create the database on (superuser)."_s,
                                       u"conninfo"_s,
                                       qEnvironmentVariable("INFRASIGHT_TEST_DSN"));
    const QCommandLineOption dbOption(
        u"db"_s,
        u"Search this database as it is; with --assets, migrate it and add the assets first "
        "(and keep them)."_s,
        u"conninfo"_s);
    const QCommandLineOption assetsOption(
        u"assets"_s, u"Synthetic assets to generate."_s, u"n"_s, u"1000000"_s);
    const QCommandLineOption queriesOption(
        u"queries"_s, u"Number of search texts."_s, u"n"_s, u"50"_s);
    const QCommandLineOption repeatOption(
        u"repeat"_s, u"Timed runs of each text."_s, u"n"_s, u"3"_s);
    parser.addOptions({dsnOption, dbOption, assetsOption, queriesOption, repeatOption});
    parser.process(app);
    const qint64 assets = parser.value(assetsOption).toLongLong();
    const int queries = std::max(1, parser.value(queriesOption).toInt());
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    std::optional<tests::PgTestDatabase> scratch;
    QString conninfo = parser.value(dbOption);
    if (conninfo.isEmpty()) {
        if (parser.value(dsnOption).isEmpty()) {
            QTextStream(stderr) << "bench_locator: give --db, --dsn or INFRASIGHT_TEST_DSN"
                                << Qt::endl;
            return SkipExitCode;
        }
        qputenv("INFRASIGHT_TEST_DSN", parser.value(dsnOption).toUtf8());
        auto database = tests::PgTestDatabase::create();
        if (!database) {
            return report(u"create database"_s, database.error());
        }
        scratch.emplace(std::move(*database));
        conninfo = scratch->conninfo();
    }
    auto connection = data::PgConnection::open(conninfo);
    if (!connection) {
        return report(u"connect"_s, connection.error());
    }
    data::PgConnection &db = **connection;

    if (scratch || parser.isSet(assetsOption)) {
        data::MigrationRunner runner(db);
        if (auto migrated = runner.migrate(); !migrated) {
            return report(u"migrate"_s, migrated.error());
        }
        QElapsedTimer generating;
        generating.start();
        if (auto made = generate(db, assets); !made) {
            return report(u"generate"_s, made.error());
        }
        out() << "generated " << assets << " assets in " << generating.elapsed() / 1000.0 << " s"
              << Qt::endl;
    }
    auto total = db.exec(u"SELECT count(*) FROM asset"_s);
    if (!total) {
        return report(u"count"_s, total.error());
    }

    auto texts = searchTexts(db, queries);
    if (!texts) {
        return report(u"search texts"_s, texts.error());
    }

    struct Timing
    {
        double ms = 0.0;
        QString text;
        int rows = 0;
    };

    std::vector<Timing> timings;
    for (int run = 0; run <= repeat; ++run) {
        for (const QString &text : *texts) {
            const data::Statement statement
                = data::AssetQueries::locate(text, models::LocatorModel::MaxResults);
            QElapsedTimer timer;
            timer.start();
            auto result = db.exec(statement.sql, statement.params, statement.format);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (!result) {
                return report(u"locate \"%1\""_s.arg(text), result.error());
            }
            if (run > 0) { // run 0 warms the cache
                timings.push_back({ms, text, result->rowCount()});
            }
        }
    }

    std::vector<double> sorted;
    sorted.reserve(timings.size());
    for (const Timing &timing : timings) {
        sorted.push_back(timing.ms);
    }
    std::sort(sorted.begin(), sorted.end());
    const auto slowest
        = std::max_element(timings.begin(), timings.end(), [](const Timing &a, const Timing &b) {
              return a.ms < b.ms;
          });
    QStringList empty;
    for (const Timing &timing : timings) {
        if (timing.rows == 0 && !empty.contains(timing.text)) {
            empty << timing.text;
        }
    }
    out() << "locate on " << total->toInt(0, 0) << " assets: " << texts->size() << " texts x "
          << repeat << " runs (warm)" << Qt::endl;
    out() << QString::asprintf("  p50 %.1f ms  p95 %.1f ms  max %.1f ms",
                               rankValue(sorted, 0.50),
                               rankValue(sorted, 0.95),
                               sorted.back())
          << Qt::endl;
    out() << "  slowest: \"" << slowest->text << "\" (" << slowest->rows << " rows)" << Qt::endl;
    out() << "  texts without a result: " << empty.size() << " of " << texts->size();
    if (!empty.isEmpty()) {
        out() << " (" << empty.join(u" | "_s) << ")";
    }
    out() << Qt::endl;
    out() << "  texts: " << texts->join(u" | "_s) << Qt::endl;
    out() << "acceptance (1M assets): p95 <= 300 ms" << Qt::endl;
    return 0;
}
