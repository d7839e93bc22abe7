// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/alarmrecords.h"
#include "data/statement.h"
#include "gis/core/result.h"

#include <QList>

namespace infrasight::data {

/// The statements the console's alarm list sends, and the decoder of their results. Steps of an
/// alarm go through the database's functions (alarm_acknowledge() ...), which record who and when
/// and which the GRANTs allow to operators only. Stateless and thread-safe.
class AlarmQueries
{
public:
    /// The open alarms (new, acknowledged, shelved), critical first, newest first, at most limit.
    static Statement openAlarms(int limit);
    [[nodiscard]] static Result<QList<AlarmRecord>> decodeAlarms(const QueryResult &result);

    /// Acknowledges an alarm at the version the operator saw, with an optional comment. Fails
    /// (SQLSTATE 40001) when someone changed the alarm since, 42501 for a role without the right.
    static Statement acknowledge(qint64 alarmId, int expectedVersion, const QString &comment);
};

} // namespace infrasight::data
