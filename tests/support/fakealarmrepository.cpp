// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakealarmrepository.h"

namespace infrasight::tests {

data::Request FakeAlarmRepository::openAlarms(int limit,
                                              QObject *context,
                                              data::Reply<QList<data::AlarmRecord>> reply)
{
    lastLimit = limit;
    return lists.take(context, std::move(reply));
}

data::Request FakeAlarmRepository::acknowledge(qint64 alarmId,
                                               int expectedVersion,
                                               const QString &comment,
                                               QObject *context,
                                               data::Reply<void> reply)
{
    acknowledged.append({alarmId, expectedVersion, comment});
    return acknowledgements.take(context, std::move(reply));
}

} // namespace infrasight::tests
