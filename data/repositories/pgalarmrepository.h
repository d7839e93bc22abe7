// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/alarmrepository.h"
#include "data/repositories/pgrepository.h"

namespace infrasight::data {

/// AlarmRepository over the database client (AlarmQueries' statements, alarm_acknowledge()).
/// GUI thread only.
class PgAlarmRepository final : public PgRepository<AlarmRepository>
{
public:
    using PgRepository::PgRepository;

    Request openAlarms(int limit, QObject *context, Reply<QList<AlarmRecord>> reply) override;
    Request acknowledge(qint64 alarmId,
                        int expectedVersion,
                        const QString &comment,
                        QObject *context,
                        Reply<void> reply) override;
};

} // namespace infrasight::data
