// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeseriesmodel.h"

#include "data/repositories/changefeed.h"
#include "models/decimation.h"
#include "models/errormessage.h"
#include "models/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace infrasight::models {

namespace {

/// Colours that stay apart on a light and on a dark chart (Tableau 10).
constexpr std::array<QRgb, 10> SeriesColours = {0x4e79a7,
                                                0xf28e2b,
                                                0x59a14f,
                                                0xe15759,
                                                0x76b7b2,
                                                0xedc948,
                                                0xb07aa1,
                                                0xff9da7,
                                                0x9c755f,
                                                0xbab0ac};

/// A sensor is stale after this many of its intervals without a reading.
constexpr qint64 StaleIntervals = 3;

QString formatAge(qint64 ageMs)
{
    if (ageMs < 0) {
        return QStringLiteral("—");
    }
    const qint64 seconds = ageMs / 1000;
    if (seconds < 120) {
        return TimeSeriesModel::tr("%1 s").arg(seconds);
    }
    if (seconds < 2 * 3600) {
        return TimeSeriesModel::tr("%1 min").arg(seconds / 60);
    }
    if (seconds < 2 * 86400) {
        return TimeSeriesModel::tr("%1 h").arg(seconds / 3600);
    }
    return TimeSeriesModel::tr("%1 d").arg(seconds / 86400);
}

} // namespace

TimeSeriesModel::TimeSeriesModel(data::ReadingRepository &repository, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
    , m_live(repository,
             QStringLiteral("reading"),
             std::chrono::milliseconds(RefreshDelayMs),
             this,
             &TimeSeriesModel::fetchNew)
{
    m_live.setFilter(
        [this](const QString &, const QString &payload) { return acceptReadings(payload); });
    m_ageTick.setInterval(1000);
    connect(&m_ageTick, &QTimer::timeout, this, &TimeSeriesModel::tick);
    connect(&repository.changes(), &data::ChangeFeed::becameLive, this, [this] {
        // What arrived while the connection was down was not notified: read the whole range.
        fetchHistory(ids());
    });
}

TimeSeriesModel::~TimeSeriesModel() = default;

int TimeSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.size());
}

int TimeSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimeSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Series &series = *m_series.at(size_t(index.row()));
    const data::SensorChartInfo &info = series.info;
    const qint64 age = dataAgeMs(index.row());
    const bool stale = age < 0 || age > StaleIntervals * info.sampleIntervalMs;
    switch (role) {
    case SensorIdRole:
        return info.id;
    case StaleRole:
        return stale;
    case Qt::DecorationRole:
        return index.column() == SensorColumn ? QVariant(series.colour) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == AgeColumn && stale) {
            return tr("No reading for more than %n interval(s) of this sensor",
                      nullptr,
                      int(StaleIntervals));
        }
        return info.kind;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SensorColumn:
            return info.code.isEmpty() ? tr("Sensor %1").arg(info.id) : info.code;
        case ValueColumn:
            return std::isnan(info.lastValue)
                       ? QString()
                       : QStringLiteral("%1 %2")
                             .arg(QLocale().toString(info.lastValue, 'g', 5), info.unit)
                             .trimmed();
        case AgeColumn:
            return formatAge(age);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant TimeSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case SensorColumn:
        return tr("Sensor");
    case ValueColumn:
        return tr("Value");
    case AgeColumn:
        return tr("Data age");
    case ColumnCount:
        break;
    }
    return {};
}

void TimeSeriesModel::addSensor(qint64 sensorId)
{
    if (sensorId <= 0 || rowOf(sensorId) >= 0 || int(m_series.size()) >= MaxSeries) {
        return;
    }
    auto series = std::make_unique<Series>();
    series->info.id = sensorId;
    series->colour = QColor(SeriesColours.at(size_t(m_nextColour++) % SeriesColours.size()));
    const int row = int(m_series.size());
    beginInsertRows({}, row, row);
    m_series.push_back(std::move(series));
    endInsertRows();
    m_repository.sensors(
        {sensorId}, this, [this](const Result<QList<data::SensorChartInfo>> &sensors) {
            handleSensors(sensors);
        });
    fetchHistory({sensorId});
    m_ageTick.start();
    Q_EMIT seriesChanged();
}

void TimeSeriesModel::removeSensor(qint64 sensorId)
{
    const int row = rowOf(sensorId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_series.erase(m_series.begin() + row);
    endRemoveRows();
    if (m_series.empty()) {
        m_ageTick.stop();
    }
    Q_EMIT seriesChanged();
}

void TimeSeriesModel::clear()
{
    if (m_series.empty()) {
        return;
    }
    beginResetModel();
    m_series.clear();
    ++m_generation;
    endResetModel();
    m_ageTick.stop();
    m_nextColour = 0;
    Q_EMIT seriesChanged();
}

int TimeSeriesModel::rowOf(qint64 sensorId) const
{
    for (size_t row = 0; row < m_series.size(); ++row) {
        if (m_series[row]->info.id == sensorId) {
            return int(row);
        }
    }
    return -1;
}

void TimeSeriesModel::setRange(Range range)
{
    if (range == m_range) {
        return;
    }
    m_range = range;
    ++m_generation; // what is still being fetched is for the old range
    for (const auto &series : m_series) {
        series->raw.clear();
        series->rollup.clear();
        series->rollupEndMs = 0;
    }
    fetchHistory(ids());
    Q_EMIT seriesChanged();
}

qint64 TimeSeriesModel::rangeMs(Range range)
{
    switch (range) {
    case Range::Minutes15:
        return 15 * 60'000;
    case Range::Hour1:
        return 3'600'000;
    case Range::Hours24:
        return 24 * 3'600'000;
    case Range::Days7:
        return 7 * 24 * 3'600'000LL;
    }
    return 15 * 60'000;
}

qint64 TimeSeriesModel::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::vector<QPointF> TimeSeriesModel::pointsToDraw(int row, double x0, double x1, int columns) const
{
    const Series &series = *m_series.at(size_t(row));
    if (columns < 1 || x1 <= x0) {
        return {};
    }
    if (isRaw()) {
        const std::vector<QPointF> raw
            = series.raw.window(qint64(std::floor(x0)), qint64(std::ceil(x1)));
        return Decimation::minMaxPerColumn(raw, x0, x1, columns);
    }
    // Rollup means, then the raw readings that arrived after the rollups were read.
    std::vector<QPointF> points;
    const auto first = std::lower_bound(series.rollup.begin(),
                                        series.rollup.end(),
                                        x0,
                                        [](const QPointF &p, double x) { return p.x() < x; });
    for (auto it = first; it != series.rollup.end() && it->x() < x1; ++it) {
        points.push_back(*it);
    }
    const qint64 tailFrom = std::max(series.rollupEndMs, qint64(std::floor(x0)));
    const std::vector<QPointF> tail = series.raw.window(tailFrom, qint64(std::ceil(x1)));
    points.insert(points.end(), tail.begin(), tail.end());
    return Decimation::lttb(points, columns);
}

std::optional<QPointF> TimeSeriesModel::valueAt(int row, qint64 timeMs) const
{
    const Series &series = *m_series.at(size_t(row));
    if (std::optional<QPointF> raw = series.raw.latestAtOrBefore(timeMs);
        raw && (isRaw() || raw->x() >= double(series.rollupEndMs))) {
        return raw;
    }
    const auto after = std::upper_bound(series.rollup.begin(),
                                        series.rollup.end(),
                                        double(timeMs),
                                        [](double x, const QPointF &p) { return x < p.x(); });
    if (after == series.rollup.begin()) {
        return std::nullopt;
    }
    return *(after - 1);
}

qint64 TimeSeriesModel::dataAgeMs(int row) const
{
    const qint64 lastSeen = m_series.at(size_t(row))->info.lastSeenMs;
    return lastSeen <= 0 ? -1 : std::max<qint64>(0, nowMs() - lastSeen);
}

void TimeSeriesModel::setCursorTime(qint64 timeMs)
{
    if (timeMs == m_cursorTimeMs) {
        return;
    }
    m_cursorTimeMs = timeMs;
    Q_EMIT cursorTimeChanged(timeMs);
}

bool TimeSeriesModel::acceptReadings(const QString &payload)
{
    if (m_series.empty()) {
        return false;
    }
    // Read from the oldest reading of the batches announced (a late batch reaches back).
    const QJsonObject object = QJsonDocument::fromJson(payload.toUtf8()).object();
    const QDateTime from = QDateTime::fromString(object.value(u"from").toString(), Qt::ISODate);
    const qint64 windowStart = nowMs() - rangeMs(m_range);
    const qint64 fromMs
        = from.isValid() ? std::max(from.toMSecsSinceEpoch(), windowStart) : windowStart;
    m_fetchFromMs = m_fetchFromMs == 0 ? fromMs : std::min(m_fetchFromMs, fromMs);
    return true;
}

void TimeSeriesModel::fetchHistory(const QList<qint64> &sensorIds)
{
    if (sensorIds.isEmpty()) {
        return;
    }
    const qint64 now = nowMs();
    const qint64 from = now - rangeMs(m_range);
    // Readings stamped a little ahead (a feed's clock) count as now.
    const qint64 to = now + 3'600'000;
    const bool wasLoading = isLoading();
    ++m_historyInFlight;
    m_repository.history(
        sensorIds,
        source(),
        from,
        to,
        this,
        [this, generation = m_generation](const Result<QList<data::SensorSamples>> &samples) {
            handleHistory(generation, samples);
        });
    m_historyFetchedMs = now;
    for (qint64 sensorId : sensorIds) {
        if (Series *series = find(sensorId); series != nullptr && !isRaw()) {
            series->rollupEndMs = std::max(series->rollupEndMs, now);
        }
    }
    if (!wasLoading) {
        Q_EMIT loadingChanged(true);
    }
}

data::Request TimeSeriesModel::fetchNew(const LiveTable::Done &done)
{
    if (m_series.empty() || m_fetchFromMs == 0) {
        done();
        return {};
    }
    // Strictly newer than what the buffers hold up to fromMs - 1 ms.
    const qint64 afterMs = m_fetchFromMs - 1;
    m_fetchFromMs = 0;
    return m_repository.since(
        ids(), afterMs, this, [this, done](const Result<QList<data::SensorSamples>> &samples) {
            if (!samples) {
                qCWarning(lcModels) << "live readings:" << samples.error().message;
            } else {
                applySamples(*samples, false);
            }
            done();
        });
}

void TimeSeriesModel::handleSensors(const Result<QList<data::SensorChartInfo>> &sensors)
{
    if (!sensors) {
        Q_EMIT failed(ErrorMessage::failed(tr("The sensor could not be read"), sensors.error()));
        return;
    }
    for (const data::SensorChartInfo &info : *sensors) {
        if (Series *series = find(info.id)) {
            const qint64 seen = std::max(series->info.lastSeenMs, info.lastSeenMs);
            const double value = seen > info.lastSeenMs ? series->info.lastValue : info.lastValue;
            series->info = info;
            series->info.lastSeenMs = seen;
            series->info.lastValue = value;
        }
    }
    emitValuesChanged();
    Q_EMIT seriesChanged(); // the limits (bands) and the axis title
}

void TimeSeriesModel::handleHistory(int generation,
                                    const Result<QList<data::SensorSamples>> &samples)
{
    --m_historyInFlight;
    if (!isLoading()) {
        Q_EMIT loadingChanged(false);
    }
    if (generation != m_generation) {
        return; // for a range or series no longer shown
    }
    if (!samples) {
        Q_EMIT failed(ErrorMessage::failed(tr("The history could not be read"), samples.error()));
        return;
    }
    applySamples(*samples, true);
}

void TimeSeriesModel::applySamples(const QList<data::SensorSamples> &samples, bool history)
{
    for (const data::SensorSamples &sample : samples) {
        Series *series = find(sample.sensorId);
        if (series == nullptr || sample.points.empty()) {
            continue;
        }
        if (history && !isRaw()) {
            series->rollup = sample.points;
        } else if (history) {
            // Live readings may have come in before the history: put the history under them.
            TimeSeriesBuffer merged(LiveCapacity);
            for (const QPointF &p : sample.points) {
                merged.append(qint64(p.x()), p.y());
            }
            for (qsizetype i = 0; i < series->raw.size(); ++i) {
                merged.append(qint64(series->raw.at(i).x()), series->raw.at(i).y());
            }
            series->raw = std::move(merged);
        } else {
            for (const QPointF &p : sample.points) {
                if (series->raw.append(qint64(p.x()), p.y())) {
                    ++m_livePoints;
                }
            }
        }
        // The newest raw reading is the sensor's last value (rollups hold means).
        if (!series->raw.isEmpty()) {
            const QPointF newest = series->raw.at(series->raw.size() - 1);
            if (qint64(newest.x()) >= series->info.lastSeenMs) {
                series->info.lastSeenMs = qint64(newest.x());
                series->info.lastValue = newest.y();
            }
        }
    }
    emitValuesChanged();
    if (history) {
        Q_EMIT seriesChanged();
    } else {
        Q_EMIT pointsArrived();
    }
}

TimeSeriesModel::Series *TimeSeriesModel::find(qint64 sensorId)
{
    const int row = rowOf(sensorId);
    return row < 0 ? nullptr : m_series[size_t(row)].get();
}

QList<qint64> TimeSeriesModel::ids() const
{
    QList<qint64> list;
    list.reserve(qsizetype(m_series.size()));
    for (const auto &series : m_series) {
        list.append(series->info.id);
    }
    return list;
}

data::ReadingSource TimeSeriesModel::source() const
{
    switch (m_range) {
    case Range::Minutes15:
    case Range::Hour1:
        return data::ReadingSource::Raw;
    case Range::Hours24:
        return data::ReadingSource::Minutes;
    case Range::Days7:
        return data::ReadingSource::Hours;
    }
    return data::ReadingSource::Raw;
}

void TimeSeriesModel::tick()
{
    emitValuesChanged();
    // The rollups' newest bucket fills as readings arrive: read them again once the window has
    // moved by a fortieth (24 h: 36 min), before the raw tail outgrows its buffer.
    if (!isRaw() && !isLoading() && nowMs() - m_historyFetchedMs > rangeMs(m_range) / 40) {
        fetchHistory(ids());
    }
}

void TimeSeriesModel::emitValuesChanged()
{
    if (!m_series.empty()) {
        // From the code on: it arrives with the sensor's details, after its row.
        Q_EMIT dataChanged(index(0, SensorColumn), index(rowCount() - 1, AgeColumn));
    }
}

} // namespace infrasight::models
