// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/alarmrecords.h"
#include "data/repositories/repository.h"

#include <QList>
#include <QString>

class QObject;

namespace infrasight::data {

/// The alarms as the operator's list reads and changes them. Every call is asynchronous: it
/// returns at once and answers its Reply on the caller's thread (never after cancel() or the
/// context's destruction). Steps of an alarm go through the database, which records who and
/// when and refuses what the caller's role may not do (ErrorCode::PermissionDenied) or what
/// someone else changed first (ErrorCode::Conflict). Changes to alarms arrive on channel
/// "alarm" of changes(). GUI thread only.
class AlarmRepository : public Repository
{
public:
    /// The open alarms (new, acknowledged, shelved), critical first, newest first, at most limit.
    virtual Request openAlarms(int limit, QObject *context, Reply<QList<AlarmRecord>> reply) = 0;

    /// Acknowledges an alarm at the version the operator saw, with an optional comment.
    virtual Request acknowledge(qint64 alarmId,
                                int expectedVersion,
                                const QString &comment,
                                QObject *context,
                                Reply<void> reply)
        = 0;
};

} // namespace infrasight::data
