// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pgalarmrepository.h"

#include "data/alarmqueries.h"

namespace infrasight::data {

Request PgAlarmRepository::openAlarms(int limit, QObject *context, Reply<QList<AlarmRecord>> reply)
{
    return call(
        AlarmQueries::openAlarms(limit), context, &AlarmQueries::decodeAlarms, std::move(reply));
}

Request PgAlarmRepository::acknowledge(qint64 alarmId,
                                       int expectedVersion,
                                       const QString &comment,
                                       QObject *context,
                                       Reply<void> reply)
{
    return call(AlarmQueries::acknowledge(alarmId, expectedVersion, comment),
                context,
                &ignoreRows,
                std::move(reply));
}

} // namespace infrasight::data
