// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/readingrecords.h"
#include "data/repositories/repository.h"

#include <QList>

class QObject;

namespace infrasight::data {

/// The sensors' readings as the live charts read them. Times are ms since the epoch.
/// Asynchronous: every call answers its Reply on the caller's thread (never after cancel() or
/// the context's destruction). New readings are announced on channel "reading" of changes(),
/// one NOTIFY per stored batch with the batch's oldest time as "from" (ISO 8601) in its JSON
/// payload. GUI thread only.
class ReadingRepository : public Repository
{
public:
    /// The sensors' codes, kinds, units, limits, intervals and newest values, in id order.
    virtual Request
    sensors(const QList<qint64> &sensorIds, QObject *context, Reply<QList<SensorChartInfo>> reply)
        = 0;
    /// The readings (or rollup buckets) of the sensors with fromMs <= time < toMs: one entry
    /// per sensor that has points, in id order, each in time order.
    virtual Request history(const QList<qint64> &sensorIds,
                            ReadingSource source,
                            qint64 fromMs,
                            qint64 toMs,
                            QObject *context,
                            Reply<QList<SensorSamples>> reply)
        = 0;
    /// The raw readings newer than afterMs, as history() gives them.
    virtual Request since(const QList<qint64> &sensorIds,
                          qint64 afterMs,
                          QObject *context,
                          Reply<QList<SensorSamples>> reply)
        = 0;
};

} // namespace infrasight::data
