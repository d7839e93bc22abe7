// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: vehicle positions evaluated per second by the geofence event engine (migration
// 0006) for --vehicles vehicles against --fences fences. The fences are circles and squares of
// 30 to 150 m spread over 6 x 6 km of Helsinki, a third of them with a dwell rule and a tenth with
// an enter alarm; the vehicles drive at 8 to 15 m/s and turn now and then. Each round is one
// second of device time: one INSERT of every vehicle's fix, as `infrasightctl simulate` writes
// them, and the engine evaluates them in that statement's trigger (crossings, hysteresis, dwell,
// schedule, alarms). It prints positions/s over --seconds rounds, per-round p50/p95, and the
// events and alarms written.
//
// Usage: bench_geofence [--db CONNINFO] [--vehicles 1000] [--fences 500] [--seconds 60]
// Without --db it creates (and drops) a database on the server of INFRASIGHT_TEST_DSN.
#include "data/pgconnection.h"
#include "tests/support/benchfigures.h"
#include "tests/support/migrateddatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimeZone>

#include <cmath>
#include <vector>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::tests::percentile;

namespace {

constexpr double West = 24.90;
constexpr double South = 60.15;
constexpr double SizeMetres = 6000.0;
constexpr double MetresPerDegree = 111320.0;
const double MetresPerDegreeLon = MetresPerDegree * std::cos(60.175 * M_PI / 180.0);

int failWith(const QString &what, const Error &error)
{
    QTextStream(stderr) << "bench_geofence: " << what << ": " << error.toString() << Qt::endl;
    return 1;
}

struct Vehicle
{
    double x; // metres east of West
    double y; // metres north of South
    double heading;
    double speed;
};

Result<void> createFences(data::PgConnection &db, int count)
{
    return db
        .execScript(u"DELETE FROM geofence WHERE name LIKE 'Bench %'; "
                    "DELETE FROM vehicle_position WHERE vehicle_code LIKE 'BV-%'; "
                    "DELETE FROM geofence_track WHERE object_id LIKE 'BV-%'; "
                    "SELECT setseed(0.42);"_s)
        .and_then([&] {
            return db
                .exec(u"INSERT INTO geofence (name, purpose, geom, rules) "
                      "SELECT 'Bench ' || g, 'custom', ST_Multi(CASE WHEN g % 2 = 0 "
                      "  THEN ST_Buffer(c::geography, r, 16)::geometry "
                      "  ELSE ST_Envelope(ST_Buffer(c::geography, r, 4)::geometry) END), "
                      "  CASE WHEN g % 10 = 0 THEN '{\"enter\": {\"alarm\": \"warning\"}, "
                      "\"exit\": {}}'::jsonb "
                      "       WHEN g % 3 = 0 THEN '{\"enter\": {}, \"exit\": {}, "
                      "\"dwell\": {\"seconds\": 60}}'::jsonb ELSE '{}'::jsonb END "
                      "FROM (SELECT g, ST_SetSRID(ST_MakePoint($2 + random() * $4 / $5, "
                      "                                        $3 + random() * $4 / $6), 4326) c, "
                      "             30 + random() * 120 r "
                      "      FROM generate_series(1, $1::int) g) f"_s,
                      {count, West, South, SizeMetres, MetresPerDegreeLon, MetresPerDegree})
                .map([](auto &&) {});
        });
}

void drive(std::vector<Vehicle> &vehicles, QRandomGenerator &random)
{
    for (Vehicle &v : vehicles) {
        if (random.bounded(20) == 0) {
            v.heading += (random.generateDouble() - 0.5) * M_PI;
        }
        v.x += std::cos(v.heading) * v.speed;
        v.y += std::sin(v.heading) * v.speed;
        // Turn back at the edge of the area.
        if (v.x < 0 || v.x > SizeMetres || v.y < 0 || v.y > SizeMetres) {
            v.heading += M_PI;
            v.x = std::clamp(v.x, 0.0, SizeMetres);
            v.y = std::clamp(v.y, 0.0, SizeMetres);
        }
    }
}

QString arrayOf(const QStringList &values)
{
    return u"{"_s + values.join(u","_s) + u"}"_s;
}

Result<void> storeRound(data::PgConnection &db,
                        const std::vector<Vehicle> &vehicles,
                        const QDateTime &at,
                        QRandomGenerator &random)
{
    QStringList codes;
    QStringList lons;
    QStringList lats;
    QStringList accuracies;
    codes.reserve(qsizetype(vehicles.size()));
    for (size_t i = 0; i < vehicles.size(); ++i) {
        const Vehicle &v = vehicles[i];
        codes << u"BV-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        lons << QString::number(West + v.x / MetresPerDegreeLon, 'f', 8);
        lats << QString::number(South + v.y / MetresPerDegree, 'f', 8);
        accuracies << QString::number(3 + random.bounded(8));
    }
    return db
        .exec(u"INSERT INTO vehicle_position (vehicle_code, ts, geom, accuracy_m) "
              "SELECT c, $1::timestamptz, ST_SetSRID(ST_MakePoint(x, y), 4326), a "
              "FROM unnest($2::text[], $3::float8[], $4::float8[], $5::real[]) AS v(c, x, y, a)"_s,
              {at.toString(Qt::ISODate),
               arrayOf(codes),
               arrayOf(lons),
               arrayOf(lats),
               arrayOf(accuracies)})
        .map([](auto &&) {});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Positions per second through the geofence engine."_s);
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s, u"Connection string (default: scratch)."_s, u"c"_s);
    const QCommandLineOption vehiclesOption(
        u"vehicles"_s, u"Vehicles (1000)."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption fencesOption(u"fences"_s, u"Fences (500)."_s, u"n"_s, u"500"_s);
    const QCommandLineOption secondsOption(
        u"seconds"_s, u"Rounds of one fix per vehicle (60)."_s, u"n"_s, u"60"_s);
    parser.addOptions({dbOption, vehiclesOption, fencesOption, secondsOption});
    parser.process(app);
    const int vehicleCount = parser.value(vehiclesOption).toInt();
    const int fenceCount = parser.value(fencesOption).toInt();
    const int rounds = parser.value(secondsOption).toInt();
    if (vehicleCount <= 0 || fenceCount <= 0 || rounds <= 0) {
        QTextStream(stderr) << "bench_geofence: counts must be positive numbers" << Qt::endl;
        return 2;
    }

    auto database = tests::MigratedDatabase::open(parser.value(dbOption));
    if (!database) {
        return failWith(u"database"_s, database.error());
    }
    data::PgConnection &db = database->connection();
    if (auto made = createFences(db, fenceCount); !made) {
        return failWith(u"fences"_s, made.error());
    }

    QRandomGenerator random(7);
    std::vector<Vehicle> vehicles(static_cast<size_t>(vehicleCount));
    for (Vehicle &v : vehicles) {
        v = {random.generateDouble() * SizeMetres,
             random.generateDouble() * SizeMetres,
             random.generateDouble() * 2 * M_PI,
             8 + random.generateDouble() * 7};
    }

    QTextStream out(stdout);
    out << "bench_geofence: " << vehicleCount << " vehicles, " << fenceCount << " fences, "
        << rounds << " rounds of one fix per vehicle" << Qt::endl;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-rounds);
    std::vector<double> roundMs;
    QElapsedTimer total;
    total.start();
    for (int round = 0; round < rounds; ++round) {
        drive(vehicles, random);
        QElapsedTimer clock;
        clock.start();
        if (auto stored = storeRound(db, vehicles, start.addSecs(round), random); !stored) {
            return failWith(u"round %1"_s.arg(round), stored.error());
        }
        roundMs.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;

    auto counts = db.exec(
        u"SELECT (SELECT count(*) FROM geofence_event WHERE object_id LIKE 'BV-%'), "
        "(SELECT count(*) FROM geofence_event WHERE object_id LIKE 'BV-%' AND event = 'enter'), "
        "(SELECT count(*) FROM geofence_event WHERE object_id LIKE 'BV-%' AND event = 'dwell'), "
        "(SELECT count(*) FROM alarm WHERE object_id LIKE 'BV-%'), "
        "(SELECT count(*) FROM geofence_state WHERE object_id LIKE 'BV-%')"_s);
    if (!counts) {
        return failWith(u"counts"_s, counts.error());
    }
    const double positions = double(vehicleCount) * rounds;
    out << QString::asprintf("positions evaluated: %.0f in %.2f s = %.0f positions/s\n",
                             positions,
                             seconds,
                             positions / seconds);
    out << QString::asprintf("per round of %d fixes: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
                             vehicleCount,
                             percentile(roundMs, 0.5),
                             percentile(roundMs, 0.95),
                             *std::max_element(roundMs.begin(), roundMs.end()));
    out << "events: " << counts->toInt(0, 0) << " (" << counts->toInt(0, 1) << " enter, "
        << counts->toInt(0, 2) << " dwell), geofence alarms: " << counts->toInt(0, 3)
        << ", vehicles inside a fence now: " << counts->toInt(0, 4) << Qt::endl;
    return 0;
}
