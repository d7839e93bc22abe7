// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/readingrecords.h"
#include "data/statement.h"
#include "gis/core/result.h"

#include <QList>

namespace infrasight::data {

/// The statements live charts send, and the decoders of their results. Raw readings come from
/// reading (its key (sensor_id, ts) serves every range), long ranges from the rollups reading_1m
/// and reading_1h that the ingest trigger keeps current. Times are ms since the epoch. Stateless
/// and thread-safe.
class ReadingQueries
{
public:
    /// Where a range's points come from.
    using Source = ReadingSource;

    /// The sensors' codes, kinds, units, limits, intervals and newest values, in id order.
    static Statement sensors(const QList<qint64> &sensorIds);
    [[nodiscard]] static Result<QList<SensorChartInfo>> decodeSensors(const QueryResult &result);

    /// The readings (or rollup buckets: their mean, minimum and maximum) of the sensors with
    /// fromMs <= time < toMs, per sensor in time order.
    static Statement
    history(const QList<qint64> &sensorIds, Source source, qint64 fromMs, qint64 toMs);

    /// The raw readings newer than afterMs (live updates), per sensor in time order.
    static Statement since(const QList<qint64> &sensorIds, qint64 afterMs);

    /// Decodes history() and since(): one entry per sensor that has points, in id order.
    [[nodiscard]] static Result<QList<SensorSamples>> decodeSamples(const QueryResult &result);
};

} // namespace infrasight::data
