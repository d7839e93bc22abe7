// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakereadingrepository.h"

namespace infrasight::tests {

data::Request FakeReadingRepository::sensors(const QList<qint64> &sensorIds,
                                             QObject *context,
                                             data::Reply<QList<data::SensorChartInfo>> reply)
{
    infoCalls.append(sensorIds);
    return infos.take(context, std::move(reply));
}

data::Request FakeReadingRepository::history(const QList<qint64> &sensorIds,
                                             data::ReadingSource source,
                                             qint64 fromMs,
                                             qint64 toMs,
                                             QObject *context,
                                             data::Reply<QList<data::SensorSamples>> reply)
{
    historyCalls.append({sensorIds, source, fromMs, toMs});
    return histories.take(context, std::move(reply));
}

data::Request FakeReadingRepository::since(const QList<qint64> &sensorIds,
                                           qint64 afterMs,
                                           QObject *context,
                                           data::Reply<QList<data::SensorSamples>> reply)
{
    sinceCalls.append({sensorIds, data::ReadingSource::Raw, afterMs, 0});
    return news.take(context, std::move(reply));
}

} // namespace infrasight::tests
