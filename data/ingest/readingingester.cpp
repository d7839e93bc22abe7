// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ingest/readingingester.h"

#include "data/ingest/unitconverter.h"
#include "data/pgconnection.h"

namespace infrasight::data {

ReadingIngester::ReadingIngester(PgConnection &connection)
    : m_connection(connection)
{}

Result<void> ReadingIngester::prepare()
{
    auto sensors
        = m_connection.exec(QStringLiteral("SELECT code, id, coalesce(unit, '') FROM sensor"));
    if (!sensors) {
        return tl::unexpected(sensors.error());
    }
    m_sensors.clear();
    m_sensors.reserve(sensors->rowCount());
    for (int row = 0; row < sensors->rowCount(); ++row) {
        m_sensors.insert(sensors->text(row, 0),
                         Sensor{sensors->toInt(row, 1), sensors->text(row, 2)});
    }
    if (!m_batchSizeChosen) {
        m_batchSize = std::clamp(qsizetype(4) * m_sensors.size(), BatchSize, MaxBatchSize);
    }
    return {};
}

Result<void> ReadingIngester::add(const ReadingLine &reading)
{
    const auto sensor = m_sensors.constFind(reading.sensorCode);
    if (sensor == m_sensors.cend()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unknown sensor \"%1\"").arg(reading.sensorCode));
    }
    const std::optional<double> value
        = UnitConverter::convert(reading.value, reading.unit, sensor->unit);
    if (!value) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unit \"%1\" does not convert to the sensor's \"%2\"")
                        .arg(reading.unit, sensor->unit));
    }
    const std::pair key{sensor->id, reading.time.toMSecsSinceEpoch()};
    if (const auto queued = m_batchKeys.constFind(key); queued != m_batchKeys.cend()) {
        if (*queued == *value) {
            ++m_duplicates;
            return {};
        }
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("sensor \"%1\" already has the value %2 at %3")
                        .arg(reading.sensorCode)
                        .arg(*queued)
                        .arg(reading.time.toString(Qt::ISODateWithMs)));
    }
    m_batchKeys.insert(key, *value);
    m_ids.push_back(sensor->id);
    m_times.push_back(reading.time.toUTC().toString(Qt::ISODateWithMs));
    m_values.push_back(*value);
    if (m_ids.size() >= m_batchSize) {
        return flush();
    }
    return {};
}

Result<void> ReadingIngester::flush()
{
    if (m_ids.isEmpty()) {
        return {};
    }
    auto inserted = m_connection.exec(
        QStringLiteral("INSERT INTO reading (sensor_id, ts, value) "
                       "SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::float8[]) "
                       "ON CONFLICT (sensor_id, ts) DO NOTHING"),
        {m_ids, m_times, m_values});
    if (!inserted) {
        return tl::unexpected(inserted.error());
    }
    m_stored += inserted->affectedRows();
    m_duplicates += m_ids.size() - inserted->affectedRows();
    m_batchKeys.clear();
    m_ids.clear();
    m_times.clear();
    m_values.clear();
    return {};
}

} // namespace infrasight::data
