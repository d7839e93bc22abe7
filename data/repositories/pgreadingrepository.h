// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/pgchangefeed.h"
#include "data/repositories/readingrepository.h"

namespace infrasight::data {

class DbClient;

/// ReadingRepository over the database client (ReadingQueries' statements). The client must
/// outlive the repository. GUI thread only.
class PgReadingRepository final : public ReadingRepository
{
public:
    explicit PgReadingRepository(DbClient &client);

    ChangeFeed &changes() override { return m_changes; }

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

private:
    DbClient &m_client;
    PgChangeFeed m_changes;
};

} // namespace infrasight::data
