// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/alarmrepository.h"
#include "data/repositories/pgchangefeed.h"

namespace infrasight::data {

class DbClient;

/// AlarmRepository over the database client (AlarmQueries' statements, alarm_acknowledge()).
/// The client must outlive the repository. GUI thread only.
class PgAlarmRepository final : public AlarmRepository
{
public:
    explicit PgAlarmRepository(DbClient &client);

    ChangeFeed &changes() override { return m_changes; }

    Request openAlarms(int limit, QObject *context, Reply<QList<AlarmRecord>> reply) override;
    Request acknowledge(qint64 alarmId,
                        int expectedVersion,
                        const QString &comment,
                        QObject *context,
                        Reply<void> reply) override;

private:
    DbClient &m_client;
    PgChangeFeed m_changes;
};

} // namespace infrasight::data
