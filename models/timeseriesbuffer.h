// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>

#include <optional>
#include <vector>

namespace infrasight::models {

/// The last readings of one sensor for a live chart: a ring buffer of (time in ms since the
/// epoch, value) points in time order, with a fixed capacity; once full, each new point pushes
/// out the oldest. Memory is allocated once. Points older than the newest one are refused
/// (a live chart follows the arrival order; history comes from the database). GUI thread, or one
/// thread at a time.
class TimeSeriesBuffer
{
public:
    explicit TimeSeriesBuffer(qsizetype capacity);

    /// Appends a point; false (and nothing changes) when timeMs is older than the newest point.
    /// A point at the same time as the newest replaces its value.
    bool append(qint64 timeMs, double value);

    qsizetype size() const { return m_size; }

    qsizetype capacity() const { return qsizetype(m_points.size()); }

    bool isEmpty() const { return m_size == 0; }

    /// The i-th point, oldest first (0 <= i < size()).
    QPointF at(qsizetype i) const { return m_points[index(i)]; }

    /// Time of the newest point (ms), or 0 when empty.
    qint64 newestTimeMs() const { return m_size == 0 ? 0 : qint64(at(m_size - 1).x()); }

    /// The points with fromMs <= time < toMs, oldest first, copied into a contiguous vector
    /// (found by binary search: cost in proportion to what is returned).
    std::vector<QPointF> window(qint64 fromMs, qint64 toMs) const;

    /// The newest point with time <= timeMs, if any.
    std::optional<QPointF> latestAtOrBefore(qint64 timeMs) const;

    void clear();

private:
    size_t index(qsizetype i) const { return size_t((m_first + i) % capacity()); }

    /// The first position (0..size()) whose time is >= timeMs.
    qsizetype lowerBound(qint64 timeMs) const;

    std::vector<QPointF> m_points;
    qsizetype m_first = 0;
    qsizetype m_size = 0;
};

} // namespace infrasight::models
