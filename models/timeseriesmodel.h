// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/readingrecords.h"
#include "data/repositories/readingrepository.h"
#include "models/livetable.h"
#include "models/timeseriesbuffer.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace infrasight::models {

/// The series of the live chart dock: one row per sensor, with its colour, last value and data
/// age, and the numbers its charts draw (no QtCharts types here). For 15 min and 1 h the raw
/// readings are kept in a ring buffer per sensor and drawn decimated to min/max per pixel column,
/// so every spike shows; for 24 h and 7 d the 1-minute or 1-hour rollups are fetched and drawn
/// through LTTB, with the raw readings that arrived since appended. New readings come on the
/// repository's "reading" changes (one per ingest statement, a burst read as one fetch of what
/// is newer, through a LiveTable), and the whole range again after a reconnect. The time cursor
/// that all charts share lives here too. Never blocks. GUI thread only.
class TimeSeriesModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesModel)

public:
    enum Column { SensorColumn, ValueColumn, AgeColumn, ColumnCount };

    enum class Range { Minutes15, Hour1, Hours24, Days7 };
    Q_ENUM(Range)

    /// Qt::UserRole + 1: the sensor id (qint64); + 2: stale (bool: no reading for three of its
    /// intervals).
    static constexpr int SensorIdRole = Qt::UserRole + 1;
    static constexpr int StaleRole = Qt::UserRole + 2;
    /// Sensors charted at most.
    static constexpr int MaxSeries = 64;
    /// Raw points kept per sensor: an hour at 10 Hz, and some.
    static constexpr qsizetype LiveCapacity = 40'000;
    /// NOTIFYs within this time are read as one fetch.
    static constexpr int RefreshDelayMs = 100;

    /// The repository (and its change feed) must outlive the model.
    explicit TimeSeriesModel(data::ReadingRepository &repository, QObject *parent = nullptr);
    ~TimeSeriesModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Charts a sensor (nothing happens when it is charted already or MaxSeries are).
    void addSensor(qint64 sensorId);
    void removeSensor(qint64 sensorId);
    void clear();

    /// The row of a sensor, or -1.
    int rowOf(qint64 sensorId) const;

    /// What the sensor is; its code is empty until the database answered.
    const data::SensorChartInfo &info(int row) const { return m_series.at(row)->info; }

    QColor colour(int row) const { return m_series.at(row)->colour; }

    /// The time span the charts show, ending now; changing it fetches the history again.
    void setRange(Range range);

    Range range() const { return m_range; }

    static qint64 rangeMs(Range range);

    /// True for the ranges drawn from raw readings with min/max per pixel column.
    bool isRaw() const { return m_range == Range::Minutes15 || m_range == Range::Hour1; }

    /// The clock the charts follow (ms since the epoch).
    static qint64 nowMs();

    /// The points to draw for a row over [x0, x1) on `columns` pixel columns: never more than two
    /// per column (raw ranges: min/max per column; rollups: LTTB to one per column).
    std::vector<QPointF> pointsToDraw(int row, double x0, double x1, int columns) const;

    /// The newest value at or before timeMs (within the range), for the cursor's readout.
    std::optional<QPointF> valueAt(int row, qint64 timeMs) const;

    /// Ms since the sensor's newest reading (-1: none yet).
    qint64 dataAgeMs(int row) const;

    /// The shared time cursor (ms since the epoch; 0: none).
    void setCursorTime(qint64 timeMs);

    qint64 cursorTime() const { return m_cursorTimeMs; }

    /// Loading history (after addSensor() or setRange()).
    bool isLoading() const { return m_historyInFlight > 0; }

    /// Readings taken in by live fetches since the start (for tests and benchmarks).
    qint64 livePointsReceived() const { return m_livePoints; }

Q_SIGNALS:
    /// Series, their limits, the range or the history changed: charts should draw again soon.
    void seriesChanged();
    /// Live readings were appended: charts show them at their next redraw.
    void pointsArrived();
    void cursorTimeChanged(qint64 timeMs);
    void loadingChanged(bool loading);
    /// A fetch failed; for the status line.
    void failed(const QString &message);

private:
    struct Series
    {
        data::SensorChartInfo info;
        QColor colour;
        TimeSeriesBuffer raw{LiveCapacity};
        std::vector<QPointF> rollup; ///< long ranges: bucket means, oldest first
        qint64 rollupEndMs = 0;      ///< raw points before this are in the rollup
    };

    /// Notes where a "reading" change reaches back to; true when there is something to fetch.
    bool acceptReadings(const QString &payload);
    void fetchHistory(const QList<qint64> &sensorIds);
    data::Request fetchNew(const LiveTable::Done &done);
    void handleSensors(const Result<QList<data::SensorChartInfo>> &sensors);
    void handleHistory(int generation, const Result<QList<data::SensorSamples>> &samples);
    void applySamples(const QList<data::SensorSamples> &samples, bool history);
    Series *find(qint64 sensorId);
    QList<qint64> ids() const;
    data::ReadingSource source() const;
    void emitValuesChanged();
    void tick();

    data::ReadingRepository &m_repository;
    std::vector<std::unique_ptr<Series>> m_series;
    Range m_range = Range::Minutes15;
    qint64 m_cursorTimeMs = 0;
    int m_nextColour = 0;

    QTimer m_ageTick;         ///< the Age column moves on each second
    qint64 m_fetchFromMs = 0; ///< fetchNew() reads readings newer than this (0: none due)
    LiveTable m_live;         ///< coalesces "reading" changes into fetchNew()
    int m_historyInFlight = 0;
    int m_generation = 0; ///< counts setRange() and clear(): older history answers are dropped
    qint64 m_livePoints = 0;
    qint64 m_historyFetchedMs = 0; ///< when the rollups were last read
};

} // namespace infrasight::models
