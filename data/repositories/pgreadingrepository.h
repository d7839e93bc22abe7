// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/pgrepository.h"
#include "data/repositories/readingrepository.h"

namespace infrasight::data {

/// ReadingRepository over the database client (ReadingQueries' statements). GUI thread only.
class PgReadingRepository final : public PgRepository<ReadingRepository>
{
public:
    using PgRepository::PgRepository;

    Request sensors(const QList<qint64> &sensorIds,
                    QObject *context,
                    Reply<QList<SensorChartInfo>> reply) override;
    Request history(const QList<qint64> &sensorIds,
                    ReadingSource source,
                    qint64 fromMs,
                    qint64 toMs,
                    QObject *context,
                    Reply<QList<SensorSamples>> reply) override;
    Request since(const QList<qint64> &sensorIds,
                  qint64 afterMs,
                  QObject *context,
                  Reply<QList<SensorSamples>> reply) override;
};

} // namespace infrasight::data
