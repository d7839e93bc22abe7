// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/alarmqueries.h"

#include "gis/core/mercator.h"

namespace infrasight::data {

Statement AlarmQueries::openAlarms(int limit)
{
    return {QStringLiteral(
                "SELECT a.id, a.severity = 'critical', a.state, a.raised_at, "
                "coalesce(s.code, t.code, 'system'), coalesce(a.message, ''), a.value, "
                "coalesce(a.asset_id, s.asset_id, 0), coalesce(a.sensor_id, 0), a.version, "
                "coalesce(a.acknowledged_by, ''), a.escalated_at IS NOT NULL, "
                "ST_X(p.pt), ST_Y(p.pt) "
                "FROM alarm a "
                "LEFT JOIN sensor s ON s.id = a.sensor_id "
                "LEFT JOIN asset t ON t.id = coalesce(a.asset_id, s.asset_id) "
                "LEFT JOIN LATERAL (SELECT coalesce(s.geom, ST_PointOnSurface(t.geom)) AS pt) p "
                "ON true "
                "WHERE a.state IN ('new', 'acknowledged', 'shelved') "
                "ORDER BY a.severity = 'critical' DESC, a.raised_at DESC, a.id DESC LIMIT $1"),
            {limit},
            ResultFormat::Text};
}

Result<QList<AlarmRecord>> AlarmQueries::decodeAlarms(const QueryResult &result)
{
    if (auto columns = result.expectColumns(14, u"alarms"); !columns) {
        return tl::unexpected(columns.error());
    }
    QList<AlarmRecord> alarms;
    alarms.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        AlarmRecord alarm;
        alarm.id = result.toInt(row, 0);
        alarm.critical = result.value(row, 1).toBool();
        alarm.state = result.text(row, 2);
        alarm.raisedAt = result.value(row, 3).toDateTime();
        alarm.source = result.text(row, 4);
        alarm.message = result.text(row, 5);
        alarm.hasValue = !result.isNull(row, 6);
        alarm.value = result.toDouble(row, 6);
        alarm.assetId = result.toInt(row, 7);
        alarm.sensorId = result.toInt(row, 8);
        alarm.version = int(result.toInt(row, 9));
        alarm.acknowledgedBy = result.text(row, 10);
        alarm.escalated = result.value(row, 11).toBool();
        alarm.hasPosition = !result.isNull(row, 12);
        if (alarm.hasPosition) {
            alarm.positionMeters = gis::lonLatToMercatorMeters(
                gis::LonLat{result.toDouble(row, 12), result.toDouble(row, 13)});
        }
        alarms.append(alarm);
    }
    return alarms;
}

Statement AlarmQueries::acknowledge(qint64 alarmId, int expectedVersion, const QString &comment)
{
    return {QStringLiteral("SELECT (alarm_acknowledge($1, nullif($2, ''), $3)).id"),
            {alarmId, comment, expectedVersion},
            ResultFormat::Text};
}

} // namespace infrasight::data
