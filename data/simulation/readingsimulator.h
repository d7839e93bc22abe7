// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/ingest/readingparser.h"
#include "gis/core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace infrasight::data {

class PgConnection;

/// Realistic readings for the city's sensors, for demos and load tests: per sensor kind a typical
/// value and spread, a daily cycle (traffic and noise peak by day, tides twice a day) and a weekly
/// one (quieter weekends), noise, a slow drift of its own, rare spikes, and dropouts: about one
/// sensor in fifty falls silent for good between 30 s and 10 min into the run, so the offline rule
/// has work. Every choice is a hash of the seed, the sensor and the time, so a run is repeatable.
/// Not thread-safe.
class ReadingSimulator
{
public:
    /// A sensor as the simulator knows it.
    struct Sensor
    {
        QString code;
        QString kind;
        int index = 0; ///< position in the list, for the per-sensor choices
    };

    explicit ReadingSimulator(quint64 seed = 1);

    /// Reads the sensors (code, kind) from the database.
    [[nodiscard]] Result<void> load(PgConnection &connection);
    /// Uses these sensors instead (tests).
    void setSensors(QList<Sensor> sensors);

    qsizetype sensorCount() const { return m_sensors.size(); }

    /// The next `count` readings at `at`, taking the sensors in turn (dropped-out sensors give
    /// none). `elapsedSeconds` since the start sets the drift and the dropouts.
    QList<ReadingLine> next(int count, const QDateTime &at, double elapsedSeconds);

    /// The value a sensor of `kind` shows at `at` (the model without noise, spikes or drift).
    static double typicalValue(const QString &kind, const QDateTime &at);

    /// A waste bin's fill level (%) at `at`: it rises at the bin's own pace and drops when the
    /// bin is emptied, so it never stays at 100 %.
    double binFill(const Sensor &sensor, const QDateTime &at) const;

    /// True once the sensor has dropped out (after elapsedSeconds).
    bool hasDroppedOut(const Sensor &sensor, double elapsedSeconds) const;

private:
    double hash(quint64 a, quint64 b) const; ///< in [0, 1)

    quint64 m_seed;
    QList<Sensor> m_sensors;
    qsizetype m_cursor = 0;
};

} // namespace infrasight::data
