// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/mapviewport.h"

#include <QString>

namespace infrasight::render {

/// The label patterns of a ScaleBar, "%1" standing for the number; the canvas passes translated
/// ones.
struct ScaleBarUnits
{
    QString kilometres = QStringLiteral("%1 km");
    QString metres = QStringLiteral("%1 m");
};

/// A scale bar: the longest nice round ground distance (1, 2 or 5 x 10^n metres) that fits a
/// maximum length, with its label. A plain value; MapRenderer draws it bottom-left.
struct ScaleBar
{
    double lengthPx = 0.0; ///< logical pixels; 0: no bar (no valid resolution)
    double meters = 0.0;   ///< the ground distance the bar stands for
    QString text;          ///< "500 m", "2 km" (numbers in the default QLocale)

    /// The bar for a ground resolution (metres per logical pixel), at most maxLengthPx long.
    static ScaleBar
    forResolution(double groundMetersPerPixel, double maxLengthPx, const ScaleBarUnits &units = {});
    /// The bar for viewport: ground resolution at the latitude of its centre.
    static ScaleBar forViewport(const MapViewport &viewport,
                                double maxLengthPx = DefaultMaxLengthPx,
                                const ScaleBarUnits &units = {});

    static constexpr double DefaultMaxLengthPx = 120.0;

    friend bool operator==(const ScaleBar &, const ScaleBar &) = default;
};

} // namespace infrasight::render
