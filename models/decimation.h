// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>

#include <span>
#include <vector>

namespace infrasight::models {

/// Reduces a time series to what a chart of a given width can show, so that a redraw costs in
/// proportion to the chart's width, not to the data's length (DESIGN 6). Points are (x, y) with
/// x ascending (time in ms); NaN y values are gaps and are kept as such. Stateless, thread-safe.
class Decimation
{
public:
    /// Largest-Triangle-Three-Buckets (Steinarsson 2013): at most `threshold` points that keep
    /// the series' visual shape (peaks and troughs), the first and the last point always among
    /// them. Returns the input unchanged when it has no more than threshold points or threshold
    /// is below 3. For history, where the shape matters more than every extreme.
    static std::vector<QPointF> lttb(std::span<const QPointF> points, int threshold);

    /// Min/max per pixel column: the x range [x0, x1) is cut into `columns` equal columns and
    /// each column keeps its lowest and highest point, in x order (one when they coincide), so
    /// no extreme is ever lost and a series never holds more than two points per column. A gap
    /// (NaN) is kept and ends its column's run. Points outside [x0, x1) are dropped. For live
    /// charts, where every spike must show.
    static std::vector<QPointF>
    minMaxPerColumn(std::span<const QPointF> points, double x0, double x1, int columns);
};

} // namespace infrasight::models
