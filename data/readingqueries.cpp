// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/readingqueries.h"

namespace infrasight::data {

namespace {

/// A timestamptz column as ms since the epoch.
QString epochMs(const QString &column)
{
    return QStringLiteral("(extract(epoch FROM %1) * 1000)::bigint").arg(column);
}

double nanIfNull(const QueryResult &result, int row, int column)
{
    return result.isNull(row, column) ? std::nan("") : result.toDouble(row, column);
}

} // namespace

Statement ReadingQueries::sensors(const QList<qint64> &sensorIds)
{
    return {QStringLiteral("SELECT s.id, s.code, s.kind, coalesce(s.unit, ''), s.warn_low, "
                           "s.warn_high, s.crit_low, s.crit_high, "
                           "(extract(epoch FROM s.sample_interval) * 1000)::bigint, %1, "
                           "l.last_value "
                           "FROM sensor s JOIN sensor_live l ON l.sensor_id = s.id "
                           "WHERE s.id = ANY($1::bigint[]) ORDER BY s.id")
                .arg(epochMs(QStringLiteral("l.last_seen"))),
            {idArray(sensorIds)},
            ResultFormat::Text};
}

Result<QList<SensorChartInfo>> ReadingQueries::decodeSensors(const QueryResult &result)
{
    if (auto columns = result.expectColumns(11, u"sensors"); !columns) {
        return tl::unexpected(columns.error());
    }
    QList<SensorChartInfo> sensors;
    sensors.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        SensorChartInfo info;
        info.id = result.toInt(row, 0);
        info.code = result.text(row, 1);
        info.kind = result.text(row, 2);
        info.unit = result.text(row, 3);
        info.warnLow = nanIfNull(result, row, 4);
        info.warnHigh = nanIfNull(result, row, 5);
        info.critLow = nanIfNull(result, row, 6);
        info.critHigh = nanIfNull(result, row, 7);
        info.sampleIntervalMs = result.toInt(row, 8, 60'000);
        info.lastSeenMs = result.toInt(row, 9, 0);
        info.lastValue = nanIfNull(result, row, 10);
        sensors.append(info);
    }
    return sensors;
}

Statement
ReadingQueries::history(const QList<qint64> &sensorIds, Source source, qint64 fromMs, qint64 toMs)
{
    if (source == Source::Raw) {
        return {QStringLiteral("SELECT sensor_id, %1, value, NULL::float8, NULL::float8 "
                               "FROM reading WHERE sensor_id = ANY($1::bigint[]) "
                               "AND ts >= to_timestamp($2 / 1000.0) "
                               "AND ts < to_timestamp($3 / 1000.0) ORDER BY sensor_id, ts")
                    .arg(epochMs(QStringLiteral("ts"))),
                {idArray(sensorIds), fromMs, toMs},
                ResultFormat::Text};
    }
    const QString table
        = source == Source::Minutes ? QStringLiteral("reading_1m") : QStringLiteral("reading_1h");
    return {QStringLiteral("SELECT sensor_id, %1, sum / nullif(n, 0), min, max "
                           "FROM %2 WHERE sensor_id = ANY($1::bigint[]) "
                           "AND bucket >= to_timestamp($2 / 1000.0) "
                           "AND bucket < to_timestamp($3 / 1000.0) ORDER BY sensor_id, bucket")
                .arg(epochMs(QStringLiteral("bucket")), table),
            {idArray(sensorIds), fromMs, toMs},
            ResultFormat::Text};
}

Statement ReadingQueries::since(const QList<qint64> &sensorIds, qint64 afterMs)
{
    return {QStringLiteral("SELECT sensor_id, %1, value, NULL::float8, NULL::float8 "
                           "FROM reading WHERE sensor_id = ANY($1::bigint[]) "
                           "AND ts > to_timestamp($2 / 1000.0) ORDER BY sensor_id, ts")
                .arg(epochMs(QStringLiteral("ts"))),
            {idArray(sensorIds), afterMs},
            ResultFormat::Text};
}

Result<QList<SensorSamples>> ReadingQueries::decodeSamples(const QueryResult &result)
{
    if (auto columns = result.expectColumns(5, u"readings"); !columns) {
        return tl::unexpected(columns.error());
    }
    QList<SensorSamples> samples;
    for (int row = 0; row < result.rowCount(); ++row) {
        const qint64 sensorId = result.toInt(row, 0);
        if (samples.isEmpty() || samples.back().sensorId != sensorId) {
            samples.append(SensorSamples{sensorId, {}, {}, {}});
        }
        SensorSamples &series = samples.back();
        const double value = nanIfNull(result, row, 2);
        series.points.emplace_back(double(result.toInt(row, 1)), value);
        if (!result.isNull(row, 3)) {
            series.minimum.push_back(result.toDouble(row, 3));
            series.maximum.push_back(nanIfNull(result, row, 4));
        }
    }
    return samples;
}

} // namespace infrasight::data
