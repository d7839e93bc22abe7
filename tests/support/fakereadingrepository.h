// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/readingrepository.h"
#include "tests/support/fakechangefeed.h"
#include "tests/support/fakereplies.h"

namespace infrasight::tests {

/// A ReadingRepository fed by the test: it records what it was asked and holds the calls until
/// the test answers them.
class FakeReadingRepository final : public data::ReadingRepository
{
public:
    /// What history() or since() was asked (since(): source Raw, toMs 0).
    struct ReadCall
    {
        QList<qint64> sensorIds;
        data::ReadingSource source = data::ReadingSource::Raw;
        qint64 fromMs = 0;
        qint64 toMs = 0;
    };

    data::ChangeFeed &changes() override { return feed; }

    data::Request sensors(const QList<qint64> &sensorIds,
                          QObject *context,
                          data::Reply<QList<data::SensorChartInfo>> reply) override;
    data::Request history(const QList<qint64> &sensorIds,
                          data::ReadingSource source,
                          qint64 fromMs,
                          qint64 toMs,
                          QObject *context,
                          data::Reply<QList<data::SensorSamples>> reply) override;
    data::Request since(const QList<qint64> &sensorIds,
                        qint64 afterMs,
                        QObject *context,
                        data::Reply<QList<data::SensorSamples>> reply) override;

    FakeChangeFeed feed;
    FakeReplies<QList<data::SensorChartInfo>> infos;
    FakeReplies<QList<data::SensorSamples>> histories;
    FakeReplies<QList<data::SensorSamples>> news;
    QList<QList<qint64>> infoCalls;
    QList<ReadCall> historyCalls;
    QList<ReadCall> sinceCalls; ///< fromMs holds afterMs
};

} // namespace infrasight::tests
