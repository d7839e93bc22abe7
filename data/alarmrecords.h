// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values AlarmQueries decodes from query results.

#include <QDateTime>
#include <QMetaType>
#include <QPointF>
#include <QString>

namespace infrasight::data {

/// An alarm as the alarm list shows it.
struct AlarmRecord
{
    qint64 id = 0;
    bool critical = false; ///< severity critical, else warning
    QString state;         ///< new, acknowledged, shelved (the open states)
    QDateTime raisedAt;    ///< UTC
    QString source;        ///< the sensor's code, else the asset's, else "system"
    QString message;
    double value = 0.0;
    bool hasValue = false;
    qint64 assetId = 0;     ///< 0: none
    qint64 sensorId = 0;    ///< 0: none
    int version = 0;        ///< for acknowledge(): refused when someone changed the alarm since
    QString acknowledgedBy; ///< the database login, empty until acknowledged
    bool escalated = false; ///< a critical alarm nobody acknowledged in time
    /// Where the map shows it (EPSG:3857 metres): the sensor's position, else a point of its
    /// asset; hasPosition is false for alarms of neither (system alarms).
    QPointF positionMeters;
    bool hasPosition = false;

    friend bool operator==(const AlarmRecord &, const AlarmRecord &) = default;
};

} // namespace infrasight::data

Q_DECLARE_METATYPE(infrasight::data::AlarmRecord)
