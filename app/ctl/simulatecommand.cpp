// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ctl/simulatecommand.h"

#include "app/ctl/commandcontext.h"
#include "data/ingest/readingingester.h"
#include "data/pgconnection.h"
#include "data/simulation/readingsimulator.h"
#include "data/simulation/vehiclesimulator.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <csignal>

namespace infrasight::app {

namespace {

std::atomic_bool s_stop{false};

extern "C" void onSimulateStop(int)
{
    s_stop.store(true);
}

/// Readings go out in ticks of this length.
constexpr qint64 TickMs = 100;
constexpr qint64 ReportEveryMs = 10'000;
constexpr qint64 VehicleEveryMs = 1000;

} // namespace

int runSimulateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes realistic sensor readings for the city (daily and weekly cycles, "
                       "noise, drift, spikes, dropouts) at a chosen rate, for demos and load "
                       "tests, and drives the crews' vehicles along the city's streets (a "
                       "position per vehicle and second). The alarm rules evaluate the readings "
                       "as they would a real feed."));
    parser.addHelpOption();
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Readings per second (default 1000)."),
                                        QStringLiteral("r"),
                                        QStringLiteral("1000"));
    const QCommandLineOption durationOption(
        QStringLiteral("duration"), QStringLiteral("Stop after s seconds."), QStringLiteral("s"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Random seed (default 1)."),
                                        QStringLiteral("n"),
                                        QStringLiteral("1"));
    const QCommandLineOption noVehiclesOption(QStringLiteral("no-vehicles"),
                                              QStringLiteral("Readings only; no vehicles."));
    parser.addOptions({rateOption, durationOption, seedOption, noVehiclesOption});
    if (const auto done
        = CommandContext::parseDatabaseCommand(parser, QStringLiteral("simulate"), arguments)) {
        return *done;
    }
    QTextStream err(stderr);
    QTextStream out(stdout);
    bool ok = false;
    const int rate = parser.value(rateOption).toInt(&ok);
    if (!ok || rate < 1 || rate > 1'000'000) {
        err << "--rate needs a number of readings per second between 1 and 1000000" << Qt::endl;
        return int(ExitCode::Usage);
    }
    double durationSeconds = 0.0;
    if (parser.isSet(durationOption)) {
        durationSeconds = parser.value(durationOption).toDouble(&ok);
        if (!ok || durationSeconds <= 0.0) {
            err << "--duration needs a positive number of seconds" << Qt::endl;
            return int(ExitCode::Usage);
        }
    }
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        err << "--seed needs a non-negative integer" << Qt::endl;
        return int(ExitCode::Usage);
    }

    const CommandContext context(parser);
    auto connection = context.connect();
    if (!connection) {
        return CommandContext::reportError(connection.error());
    }
    data::PgConnection &db = **connection;
    data::ReadingSimulator simulator(seed);
    if (auto loaded = simulator.load(db); !loaded) {
        return CommandContext::reportError(loaded.error());
    }
    if (simulator.sensorCount() == 0) {
        err << "the database has no sensors to simulate (seed a city first)" << Qt::endl;
        return int(ExitCode::Failure);
    }
    data::VehicleSimulator vehicles(seed);
    if (!parser.isSet(noVehiclesOption)) {
        if (auto loaded = vehicles.load(db); !loaded) {
            return CommandContext::reportError(loaded.error());
        }
    }
    data::ReadingIngester ingester(db);
    if (auto prepared = ingester.prepare(); !prepared) {
        return CommandContext::reportError(prepared.error());
    }
    std::signal(SIGINT, onSimulateStop);
    std::signal(SIGTERM, onSimulateStop);
    err << "simulating " << simulator.sensorCount() << " sensors at " << rate << " readings/s and "
        << vehicles.vehicleCount() << " vehicles on " << vehicles.roadCount()
        << " roads; Ctrl+C stops" << Qt::endl;

    QElapsedTimer clock;
    clock.start();
    qint64 due = 0; // readings owed so far
    qint64 reportedAt = 0;
    qint64 movedAt = 0;
    qint64 positionsStored = 0;
    qint64 tick = 0;
    while (!s_stop.load()) {
        const double elapsed = double(clock.elapsed()) / 1000.0;
        if (durationSeconds > 0.0 && elapsed >= durationSeconds) {
            break;
        }
        due = qint64(elapsed * rate) - (ingester.stored() + ingester.duplicates());
        if (due > 0) {
            const QList<data::ReadingLine> readings = simulator.next(
                int(std::min<qint64>(due, 1'000'000)), QDateTime::currentDateTimeUtc(), elapsed);
            for (const data::ReadingLine &reading : readings) {
                if (auto added = ingester.add(reading); !added) {
                    return CommandContext::reportError(added.error());
                }
            }
            if (auto flushed = ingester.flush(); !flushed) {
                return CommandContext::reportError(flushed.error());
            }
        }
        if (vehicles.vehicleCount() > 0 && clock.elapsed() - movedAt >= VehicleEveryMs) {
            const double moved = double(clock.elapsed() - movedAt) / 1000.0;
            movedAt = clock.elapsed();
            const QList<data::VehiclePosition> positions
                = vehicles.step(moved, QDateTime::currentDateTimeUtc());
            if (auto stored = data::VehicleSimulator::store(db, positions); !stored) {
                return CommandContext::reportError(stored.error());
            }
            positionsStored += positions.size();
        }
        if (clock.elapsed() - reportedAt >= ReportEveryMs) {
            reportedAt = clock.elapsed();
            out << QStringLiteral("[%1 s] %2 readings stored")
                       .arg(reportedAt / 1000)
                       .arg(ingester.stored())
                << Qt::endl;
        }
        ++tick;
        const qint64 next = tick * TickMs;
        if (next > clock.elapsed()) {
            QThread::msleep(quint64(next - clock.elapsed()));
        }
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    out << QStringLiteral("%1 readings stored for %2 sensors in %3 s (%4 per second)")
               .arg(ingester.stored())
               .arg(simulator.sensorCount())
               .arg(seconds, 0, 'f', 1)
               .arg(double(ingester.stored()) / std::max(seconds, 0.001), 0, 'f', 0)
        << Qt::endl;
    out << QStringLiteral("%1 positions stored for %2 vehicles")
               .arg(positionsStored)
               .arg(vehicles.vehicleCount())
        << Qt::endl;
    return int(ExitCode::Success);
}

} // namespace infrasight::app
