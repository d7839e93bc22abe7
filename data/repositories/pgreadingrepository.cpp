// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pgreadingrepository.h"

#include "data/readingqueries.h"

namespace infrasight::data {

Request PgReadingRepository::sensors(const QList<qint64> &sensorIds,
                                     QObject *context,
                                     Reply<QList<SensorChartInfo>> reply)
{
    return call(ReadingQueries::sensors(sensorIds),
                context,
                &ReadingQueries::decodeSensors,
                std::move(reply));
}

Request PgReadingRepository::history(const QList<qint64> &sensorIds,
                                     ReadingSource source,
                                     qint64 fromMs,
                                     qint64 toMs,
                                     QObject *context,
                                     Reply<QList<SensorSamples>> reply)
{
    return call(ReadingQueries::history(sensorIds, source, fromMs, toMs),
                context,
                &ReadingQueries::decodeSamples,
                std::move(reply));
}

Request PgReadingRepository::since(const QList<qint64> &sensorIds,
                                   qint64 afterMs,
                                   QObject *context,
                                   Reply<QList<SensorSamples>> reply)
{
    return call(ReadingQueries::since(sensorIds, afterMs),
                context,
                &ReadingQueries::decodeSamples,
                std::move(reply));
}

} // namespace infrasight::data
