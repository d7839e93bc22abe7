// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: sensor readings ingested through infrasightctl ingest's path (ReadingIngester:
// unit conversion, batched INSERT ... FROM unnest, the database's rules evaluated per batch by
// the reading trigger) with every kind of rule on: sensor thresholds with hysteresis, a rate of
// change rule, an offline rule, an aggregate rule and a composite rule. For each sensor count it
// prints the sustained readings per second over --seconds, and, measured while that ingest runs
// (on its own connection and thread), the latency from the INSERT of a breaching reading of a
// sensor of its own to the NOTIFY of that sensor's alarm at a listening console client
// (DbClient), p50/p95.
//
// Usage: bench_ingest [--db CONNINFO] [--sensors 1000,10000] [--seconds 60] [--alarms 20]
//                     [--batch ROWS]
// Without --db it creates (and drops) a database on the server of INFRASIGHT_TEST_DSN.
// Acceptance: >= 50,000 readings/s sustained for 60 s; alarm latency p95 <= 2 s.
#include "data/dbclient.h"
#include "data/ingest/readingingester.h"
#include "data/pgconnection.h"
#include "tests/support/benchfigures.h"
#include "tests/support/migrateddatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <optional>
#include <thread>
#include <vector>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::tests::parseCounts;
using infrasight::tests::percentile;

namespace {

int failWith(const QString &what, const Error &error)
{
    QTextStream(stderr) << "bench_ingest: " << what << ": " << error.toString() << Qt::endl;
    return 1;
}

/// count pressure loggers with thresholds, and one rule of every other kind for them.
Result<void> createSensors(data::PgConnection &db, int count)
{
    return db
        .execScript(u"TRUNCATE sensor, reading, reading_1m, reading_1h, alarm, alarm_rule, "
                    "sensor_state, alarm_rule_state RESTART IDENTITY CASCADE"_s)
        .and_then([&] {
            return db
                .exec(u"INSERT INTO sensor (code, kind, unit, warn_low, warn_high, crit_low, "
                      "crit_high, hysteresis, sample_interval, geom) "
                      "SELECT 'WP-' || lpad(g::text, 6, '0'), 'water_pressure', 'bar', 2.0, 6.0, "
                      "1.5, 7.0, 0.1, interval '1 second', "
                      "ST_SetSRID(ST_MakePoint(7.41 + (g % 100) * 3e-4, 43.72 + (g / 100) * 3e-4), "
                      "4326) FROM generate_series(1, $1::int) g"_s,
                      {count})
                .map([](auto &&) {});
        })
        .and_then([&] {
            return db.execScript(
                u"INSERT INTO alarm_rule (name, kind, sensor_kind, params, severity) VALUES "
                "('Pressure jump', 'rate_of_change', 'water_pressure', "
                "'{\"max_per_minute\": 2.5, \"hysteresis\": 0.2}', 'warning'), "
                "('Logger silent', 'offline', 'water_pressure', '{\"intervals\": 30}', "
                "'warning'), "
                "('Low pressure area', 'aggregate', 'water_pressure', "
                "'{\"sensor_kind\": \"water_pressure\", \"min_count\": 5}', 'critical'); "
                "INSERT INTO alarm_rule (name, kind, params, severity) "
                "SELECT 'Jump while silent', 'composite', jsonb_build_object('op', 'and', "
                "'rules', jsonb_agg(id::text)), 'critical' FROM alarm_rule "
                "WHERE kind IN ('rate_of_change', 'offline'); "
                "ANALYZE sensor"_s);
        });
}

struct Throughput
{
    qint64 readings = 0;
    double seconds = 0.0;
};

/// Feeds every sensor one reading per round, through ReadingIngester, for `seconds`.
Result<Throughput> feed(data::PgConnection &db, int sensors, double seconds, int batch)
{
    data::ReadingIngester ingester(db);
    if (batch > 0) {
        ingester.setBatchSize(batch);
    }
    if (auto prepared = ingester.prepare(); !prepared) {
        return tl::unexpected(prepared.error());
    }
    QStringList codes;
    codes.reserve(sensors);
    for (int i = 1; i <= sensors; ++i) {
        codes << u"WP-%1"_s.arg(i, 6, 10, QChar(u'0'));
    }
    // Rounds a second apart, ending now: a day of history is plenty for 60 s at 10k sensors.
    const int rounds = int(std::ceil(seconds * 50'000.0 / sensors)) + 1;
    QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-rounds - 5);
    QElapsedTimer timer;
    timer.start();
    Throughput result;
    data::ReadingLine reading;
    reading.unit = u"bar"_s;
    for (int round = 0; timer.elapsed() < qint64(seconds * 1000.0); ++round) {
        at = at.addSecs(1);
        for (int i = 0; i < sensors; ++i) {
            reading.sensorCode = codes.at(i);
            reading.time = at;
            // Normal pressure with a slow wave; a few sensors breach for a while.
            reading.value = 4.0 + 0.5 * std::sin((round + i) * 0.05)
                            + ((i % 97 == 0 && round % 40 < 5) ? 3.5 : 0.0);
            if (auto added = ingester.add(reading); !added) {
                return tl::unexpected(added.error());
            }
        }
        result.readings += sensors;
    }
    if (auto flushed = ingester.flush(); !flushed) {
        return tl::unexpected(flushed.error());
    }
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.readings = ingester.stored();
    return result;
}

/// While the feed runs: inserts one breaching reading for each of `count` probe sensors (ids
/// from firstProbe), spread over `seconds`, and times each until its own alarm's NOTIFY reaches
/// a client that listens as a console does (the feed's alarms come on the same channel).
Result<std::vector<double>> alarmLatencies(
    const QString &conninfo, data::PgConnection &db, qint64 firstProbe, int count, double seconds)
{
    data::DbClient console;
    console.listen(u"alarm"_s);
    console.open(conninfo);
    QElapsedTimer waiting;
    waiting.start();
    while (console.state() != data::ConnectionState::Connected && waiting.elapsed() < 30000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    if (console.state() != data::ConnectionState::Connected) {
        return fail(ErrorCode::Connection, u"the listening client did not connect"_s);
    }
    QList<QPair<qint64, QVariantList>> arrivals; // ms since the probe's INSERT, alarm ids
    QElapsedTimer timer;
    QObject::connect(&console,
                     &data::DbClient::notificationReceived,
                     [&](const QString &channel, const QString &payload) {
                         if (channel != u"alarm" || !timer.isValid()) {
                             return;
                         }
                         const QJsonArray ids
                             = QJsonDocument::fromJson(payload.toUtf8())[u"ids"_s].toArray();
                         arrivals.append({timer.nsecsElapsed(), ids.toVariantList()});
                     });
    std::vector<double> latencies;
    const qint64 spacingMs = qint64(seconds * 1000.0 / (count + 1));
    for (int i = 0; i < count; ++i) {
        QElapsedTimer pause;
        pause.start();
        while (pause.elapsed() < spacingMs) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        }
        const qint64 sensor = firstProbe + i;
        arrivals.clear();
        timer.start();
        auto breached = db.exec(u"INSERT INTO reading (sensor_id, ts, value) "
                                "VALUES ($1, now(), 9.5) ON CONFLICT DO NOTHING"_s,
                                {sensor});
        if (!breached) {
            return tl::unexpected(breached.error());
        }
        std::optional<double> latency;
        while (!latency && timer.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            for (const auto &[atNs, ids] : std::as_const(arrivals)) {
                // Is the probe's alarm among them? (The feed raises alarms too.)
                auto mine = db.exec(u"SELECT count(*) FROM alarm "
                                    "WHERE id = ANY ($1::bigint[]) AND sensor_id = $2"_s,
                                    {ids, sensor});
                if (mine && mine->toInt(0, 0) > 0) {
                    latency = double(atNs) / 1e6;
                    break;
                }
            }
            arrivals.clear();
        }
        if (!latency) {
            return fail(ErrorCode::Internal, u"no alarm NOTIFY within 10 s"_s);
        }
        latencies.push_back(*latency);
    }
    timer.invalidate();
    return latencies;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"infrasight.*.debug=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s, u"libpq connection string."_s, u"conninfo"_s);
    const QCommandLineOption sensorsOption(
        u"sensors"_s, u"Sensor counts, comma-separated."_s, u"n,n"_s, u"1000,10000"_s);
    const QCommandLineOption secondsOption(
        u"seconds"_s, u"How long to feed each count."_s, u"s"_s, u"60"_s);
    const QCommandLineOption alarmsOption(
        u"alarms"_s, u"Alarms timed per count."_s, u"n"_s, u"20"_s);
    const QCommandLineOption batchOption(
        u"batch"_s, u"Rows per INSERT (0: the ingester's choice)."_s, u"rows"_s, u"0"_s);
    parser.addOptions({dbOption, sensorsOption, secondsOption, alarmsOption, batchOption});
    parser.process(app);
    const double seconds = std::max(0.5, parser.value(secondsOption).toDouble());
    const int alarms = std::max(1, parser.value(alarmsOption).toInt());

    auto bench = tests::MigratedDatabase::open(parser.value(dbOption));
    if (!bench) {
        return failWith(u"no database"_s, bench.error());
    }
    data::PgConnection &db = bench->connection();
    QTextStream out(stdout);
    out << "sensors  readings   seconds  readings/s  alarm p50 ms  alarm p95 ms (during the ingest)"
        << Qt::endl;
    for (const qint64 count : parseCounts(parser.value(sensorsOption))) {
        const int sensors = int(count);
        // Sensors 1..count are fed; the next `alarms` are the latency probes.
        if (auto created = createSensors(db, sensors + alarms); !created) {
            return failWith(u"cannot create sensors"_s, created.error());
        }
        Result<Throughput> fed = fail(ErrorCode::Internal, u"the feed did not run"_s);
        std::thread feeder([&] {
            auto connection = data::PgConnection::open(bench->conninfo());
            fed = connection
                      ? feed(**connection, sensors, seconds, parser.value(batchOption).toInt())
                      : Result<Throughput>(tl::unexpected(connection.error()));
        });
        const Result<std::vector<double>> latencies
            = alarmLatencies(bench->conninfo(), db, sensors + 1, alarms, seconds);
        feeder.join();
        if (!fed) {
            return failWith(u"ingest failed"_s, fed.error());
        }
        if (!latencies) {
            return failWith(u"alarm latency"_s, latencies.error());
        }
        out << QStringLiteral("%1 %2 %3 %4 %5 %6")
                   .arg(sensors, 7)
                   .arg(fed->readings, 9)
                   .arg(fed->seconds, 9, 'f', 1)
                   .arg(double(fed->readings) / fed->seconds, 11, 'f', 0)
                   .arg(percentile(*latencies, 0.5), 13, 'f', 1)
                   .arg(percentile(*latencies, 0.95), 13, 'f', 1)
            << Qt::endl;
    }
    return 0;
}
