// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeseriesbuffer.h"

#include <algorithm>

namespace infrasight::models {

TimeSeriesBuffer::TimeSeriesBuffer(qsizetype capacity)
    : m_points(size_t(std::max<qsizetype>(capacity, 1)))
{}

bool TimeSeriesBuffer::append(qint64 timeMs, double value)
{
    if (m_size > 0) {
        const qint64 newest = newestTimeMs();
        if (timeMs < newest) {
            return false;
        }
        if (timeMs == newest) {
            m_points[index(m_size - 1)].setY(value);
            return true;
        }
    }
    const QPointF point(double(timeMs), value);
    if (m_size < capacity()) {
        m_points[index(m_size)] = point;
        ++m_size;
    } else {
        m_points[size_t(m_first)] = point;
        m_first = (m_first + 1) % capacity();
    }
    return true;
}

qsizetype TimeSeriesBuffer::lowerBound(qint64 timeMs) const
{
    qsizetype low = 0;
    qsizetype high = m_size;
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        if (at(middle).x() < double(timeMs)) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

std::vector<QPointF> TimeSeriesBuffer::window(qint64 fromMs, qint64 toMs) const
{
    std::vector<QPointF> points;
    if (toMs <= fromMs) {
        return points;
    }
    const qsizetype begin = lowerBound(fromMs);
    const qsizetype end = lowerBound(toMs);
    points.reserve(size_t(std::max<qsizetype>(end - begin, 0)));
    for (qsizetype i = begin; i < end; ++i) {
        points.push_back(at(i));
    }
    return points;
}

std::optional<QPointF> TimeSeriesBuffer::latestAtOrBefore(qint64 timeMs) const
{
    // The first point after timeMs, then one back.
    const qsizetype after = lowerBound(timeMs + 1);
    if (after == 0) {
        return std::nullopt;
    }
    return at(after - 1);
}

void TimeSeriesBuffer::clear()
{
    m_first = 0;
    m_size = 0;
}

} // namespace infrasight::models
