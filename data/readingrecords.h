// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values ReadingQueries decodes from query results.

#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QString>

#include <cmath>
#include <vector>

namespace infrasight::data {

/// Where a chart range's points come from: the raw readings, or the 1-minute or 1-hour rollups.
enum class ReadingSource { Raw, Minutes, Hours };

/// A sensor as a chart needs it: what it measures, in what unit, and its own limits (NaN: none).
struct SensorChartInfo
{
    qint64 id = 0;
    QString code;
    QString kind;
    QString unit;
    double warnLow = std::nan("");
    double warnHigh = std::nan("");
    double critLow = std::nan("");
    double critHigh = std::nan("");
    qint64 sampleIntervalMs = 60'000;
    qint64 lastSeenMs = 0; ///< ms since the epoch of its newest reading, 0: never
    double lastValue = std::nan("");
};

/// One sensor's readings over a time range, oldest first: x is ms since the epoch, y the value
/// (from a rollup: the bucket's mean, with its minimum and maximum beside it).
struct SensorSamples
{
    qint64 sensorId = 0;
    std::vector<QPointF> points;
    std::vector<double> minimum; ///< rollups only: same length as points
    std::vector<double> maximum; ///< rollups only
};

} // namespace infrasight::data

Q_DECLARE_METATYPE(infrasight::data::SensorChartInfo)
