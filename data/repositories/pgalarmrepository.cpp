// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pgalarmrepository.h"

#include "data/alarmqueries.h"
#include "data/repositories/pgcall.h"

namespace infrasight::data {

PgAlarmRepository::PgAlarmRepository(DbClient &client)
    : m_client(client)
    , m_changes(client)
{
}

Request PgAlarmRepository::openAlarms(int limit,
                                      QObject *context,
                                      Reply<QList<AlarmRecord>> reply)
{
    return pgCall<QList<AlarmRecord>>(m_client,
                                      AlarmQueries::openAlarms(limit),
                                      context,
                                      &AlarmQueries::decodeAlarms,
                                      std::move(reply));
}

Request PgAlarmRepository::acknowledge(qint64 alarmId,
                                       int expectedVersion,
                                       const QString &comment,
                                       QObject *context,
                                       Reply<void> reply)
{
    return pgCall<void>(m_client,
                        AlarmQueries::acknowledge(alarmId, expectedVersion, comment),
                        context,
                        &ignoreRows,
                        std::move(reply));
}

} // namespace infrasight::data
