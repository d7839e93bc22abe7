// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/ingest/readingparser.h"
#include "gis/core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <algorithm>
#include <utility>

namespace infrasight::data {

class PgConnection;

/// Stores parsed feed readings: checks each against the sensors (a known code, a unit that
/// converts to the sensor's), converts the value to the sensor's unit and inserts in batches
/// (one INSERT ... SELECT FROM unnest per batch; the reading triggers evaluate the alarm rules
/// per batch). Exact duplicates (same sensor, time and value) are dropped, within the input and
/// against what is stored already (ON CONFLICT DO NOTHING on the reading key); a second,
/// different value for a sensor and time in the same batch is a bad line. Blocking; one thread.
class ReadingIngester
{
public:
    /// Rows per INSERT at least, and at most, unless setBatchSize() says otherwise: prepare()
    /// takes four readings per sensor within these bounds. The rules and rollups cost the
    /// database about as much per sensor in a batch as per reading, so a batch that holds each
    /// sensor once is twice as slow as one that holds it four times (bench_ingest: 39,000 and
    /// 76,000 readings/s for 10,000 sensors).
    static constexpr qsizetype BatchSize = 5000;
    static constexpr qsizetype MaxBatchSize = 50000;

    /// connection must outlive the ingester.
    explicit ReadingIngester(PgConnection &connection);

    /// Reads the sensors' codes and units, and sizes the batches for them. Call once before
    /// add().
    [[nodiscard]] Result<void> prepare();

    /// Queues a reading (and stores the batch once full). ErrorCode::InvalidArgument says why the
    /// reading is bad (nothing is queued then); another code means the database failed.
    [[nodiscard]] Result<void> add(const ReadingLine &reading);

    /// Stores what is queued.
    [[nodiscard]] Result<void> flush();

    /// Rows per INSERT (at least 1).
    void setBatchSize(qsizetype rows)
    {
        m_batchSize = std::max<qsizetype>(1, rows);
        m_batchSizeChosen = true;
    }

    qsizetype batchSize() const { return m_batchSize; }

    /// Readings queued for the next batch.
    qsizetype queued() const { return m_ids.size(); }

    /// Readings stored so far.
    qint64 stored() const { return m_stored; }

    /// Exact duplicates dropped so far (in the input, or already in the database).
    qint64 duplicates() const { return m_duplicates; }

private:
    struct Sensor
    {
        qint64 id = 0;
        QString unit;
    };

    PgConnection &m_connection;
    QHash<QString, Sensor> m_sensors;
    /// The queued batch: (sensor id, ms since epoch) -> value, and the columns to insert.
    QHash<std::pair<qint64, qint64>, double> m_batchKeys;
    QVariantList m_ids;
    QStringList m_times;
    QVariantList m_values;
    qsizetype m_batchSize = BatchSize;
    bool m_batchSizeChosen = false;
    qint64 m_stored = 0;
    qint64 m_duplicates = 0;
};

} // namespace infrasight::data
