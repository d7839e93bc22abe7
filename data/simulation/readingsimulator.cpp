// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/simulation/readingsimulator.h"

#include "data/pgconnection.h"
#include "data/seed/seedrandom.h"

#include <QTimeZone>

#include <cmath>
#include <numbers>

namespace infrasight::data {

namespace {

struct Profile
{
    const char16_t *kind;
    double typical;
    double spread;
    double minimum;
    double maximum;
};

// Typical values and spreads of the demo city's sensors (the seeder's catalogue).
constexpr Profile Profiles[] = {
    {u"air_quality", 12.0, 8.0, 0.0, 500.0},
    {u"noise", 58.0, 6.0, 20.0, 130.0},
    {u"traffic_count", 450.0, 300.0, 0.0, 5000.0},
    {u"water_pressure", 4.2, 0.8, 0.0, 16.0},
    {u"parking_occupancy", 65.0, 30.0, 0.0, 100.0},
    {u"bin_fill", 45.0, 40.0, 0.0, 100.0},
    {u"tide_level", 0.0, 0.3, -3.0, 3.0},
};

const Profile &profileOf(const QString &kind)
{
    for (const Profile &profile : Profiles) {
        if (kind == QStringView(profile.kind)) {
            return profile;
        }
    }
    return Profiles[1];
}

/// One of fifty sensors drops out; it goes silent between 30 s and 10 min into the run.
constexpr int DropoutOneIn = 50;
constexpr double SpikeChance = 0.002;

} // namespace

ReadingSimulator::ReadingSimulator(quint64 seed)
    : m_seed(seed)
{}

Result<void> ReadingSimulator::load(PgConnection &connection)
{
    auto sensors = connection.exec(QStringLiteral("SELECT code, kind FROM sensor ORDER BY id"));
    if (!sensors) {
        return tl::unexpected(sensors.error());
    }
    QList<Sensor> loaded;
    loaded.reserve(sensors->rowCount());
    for (int row = 0; row < sensors->rowCount(); ++row) {
        loaded.append({sensors->text(row, 0), sensors->text(row, 1), row});
    }
    setSensors(std::move(loaded));
    return {};
}

void ReadingSimulator::setSensors(QList<Sensor> sensors)
{
    m_sensors = std::move(sensors);
    m_cursor = 0;
}

double ReadingSimulator::hash(quint64 a, quint64 b) const
{
    return SeedRandom::hashUnit(m_seed, a, b);
}

double ReadingSimulator::typicalValue(const QString &kind, const QDateTime &at)
{
    const Profile &profile = profileOf(kind);
    const QDateTime local = at.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Monaco")));
    const double hour = local.time().msecsSinceStartOfDay() / 3'600'000.0;
    const bool weekend = local.date().dayOfWeek() >= 6;
    constexpr double pi = std::numbers::pi;
    double cycle = 0.0;
    if (kind == u"tide_level") {
        cycle = std::sin(2.0 * pi * at.toSecsSinceEpoch() / (12.42 * 3600.0)); // semidiurnal
    } else if (kind == u"water_pressure") {
        cycle = -0.5 * std::sin(2.0 * pi * (hour - 2.0) / 24.0); // lower while the city draws water
    } else {
        // Busy by day, quiet at night, with a morning and an evening peak.
        cycle = 0.6 * std::sin(pi * std::clamp((hour - 6.0) / 16.0, 0.0, 1.0))
                + 0.3 * std::exp(-std::pow(hour - 8.5, 2.0))
                + 0.3 * std::exp(-std::pow(hour - 18.0, 2.0)) - 0.5;
        if (weekend) {
            cycle -= 0.2;
        }
    }
    return std::clamp(profile.typical + profile.spread * cycle, profile.minimum, profile.maximum);
}

double ReadingSimulator::binFill(const Sensor &sensor, const QDateTime &at) const
{
    // A sawtooth: each bin fills at its own pace (full in 1 to 3 days) from its own starting
    // point, and is emptied to 2 % when it would pass 98 % (the collection round), so a few bins
    // are over their limits at any time and their alarms clear when they are emptied.
    const double fullAfterSeconds = 86'400.0 * (1.0 + 2.0 * hash(quint64(sensor.index), 13));
    const double phase
        = hash(quint64(sensor.index), 17) + double(at.toSecsSinceEpoch()) / fullAfterSeconds;
    const double jitter = (hash(quint64(sensor.index), quint64(at.toSecsSinceEpoch())) - 0.5);
    return std::clamp(2.0 + 96.0 * (phase - std::floor(phase)) + jitter, 0.0, 100.0);
}

bool ReadingSimulator::hasDroppedOut(const Sensor &sensor, double elapsedSeconds) const
{
    if (hash(quint64(sensor.index), 7) >= 1.0 / DropoutOneIn) {
        return false;
    }
    return elapsedSeconds >= 30.0 + hash(quint64(sensor.index), 11) * 570.0;
}

QList<ReadingLine> ReadingSimulator::next(int count, const QDateTime &at, double elapsedSeconds)
{
    QList<ReadingLine> readings;
    if (m_sensors.isEmpty()) {
        return readings;
    }
    // At most one reading per sensor and instant (the reading key is sensor and time).
    count = int(std::min<qsizetype>(count, m_sensors.size()));
    readings.reserve(count);
    const quint64 step = quint64(at.toMSecsSinceEpoch());
    for (int taken = 0; taken < count; ++taken) {
        const Sensor &sensor = m_sensors.at(m_cursor);
        m_cursor = (m_cursor + 1) % m_sensors.size();
        if (hasDroppedOut(sensor, elapsedSeconds)) {
            continue;
        }
        const Profile &profile = profileOf(sensor.kind);
        const double noise = (hash(quint64(sensor.index), step) - 0.5) * 0.3 * profile.spread;
        const double drift
            = (hash(quint64(sensor.index), 3) - 0.5) * profile.spread * elapsedSeconds / 3600.0;
        const double spike = hash(quint64(sensor.index), step ^ 0x5bd1e995) < SpikeChance
                                 ? 3.0 * profile.spread
                                 : 0.0;
        ReadingLine reading;
        reading.sensorCode = sensor.code;
        reading.time = at;
        reading.value = sensor.kind == u"bin_fill"
                            ? binFill(sensor, at)
                            : std::clamp(typicalValue(sensor.kind, at) + noise + drift + spike,
                                         profile.minimum,
                                         profile.maximum);
        readings.append(reading);
    }
    return readings;
}

} // namespace infrasight::data
