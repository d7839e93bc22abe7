// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/alarmrepository.h"
#include "tests/support/fakechangefeed.h"
#include "tests/support/fakereplies.h"

namespace infrasight::tests {

/// An AlarmRepository fed by the test: it holds the calls until the test answers them.
class FakeAlarmRepository final : public data::AlarmRepository
{
public:
    /// What acknowledge() was asked.
    struct Acknowledgement
    {
        qint64 alarmId = 0;
        int version = 0;
        QString comment;
    };

    data::ChangeFeed &changes() override { return feed; }

    data::Request
    openAlarms(int limit, QObject *context, data::Reply<QList<data::AlarmRecord>> reply) override;
    data::Request acknowledge(qint64 alarmId,
                              int expectedVersion,
                              const QString &comment,
                              QObject *context,
                              data::Reply<void> reply) override;

    FakeChangeFeed feed;
    FakeReplies<QList<data::AlarmRecord>> lists;
    FakeReplies<void> acknowledgements;
    QList<Acknowledgement> acknowledged;
    int lastLimit = 0;
};

} // namespace infrasight::tests
