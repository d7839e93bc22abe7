// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/scalebar.h"

#include "gis/core/mercator.h"

#include <QLocale>

#include <cmath>

namespace infrasight::render {

ScaleBar
ScaleBar::forResolution(double groundMetersPerPixel, double maxLengthPx, const ScaleBarUnits &units)
{
    if (!(groundMetersPerPixel > 0.0) || !(maxLengthPx > 0.0)) {
        return {};
    }
    const double maxMeters = groundMetersPerPixel * maxLengthPx;
    const double power = std::pow(10.0, std::floor(std::log10(maxMeters)));
    double meters = power;
    for (const double factor : {5.0, 2.0, 1.0}) {
        if (factor * power <= maxMeters) {
            meters = factor * power;
            break;
        }
    }
    const QLocale locale;
    ScaleBar bar;
    bar.lengthPx = meters / groundMetersPerPixel;
    bar.meters = meters;
    if (meters >= 1000.0) {
        bar.text = units.kilometres.arg(locale.toString(qRound64(meters / 1000.0)));
    } else if (meters >= 1.0) {
        bar.text = units.metres.arg(locale.toString(qRound64(meters)));
    } else {
        bar.text = units.metres.arg(locale.toString(meters, 'g', 1));
    }
    return bar;
}

ScaleBar
ScaleBar::forViewport(const MapViewport &viewport, double maxLengthPx, const ScaleBarUnits &units)
{
    const QSizeF size(viewport.sizePx());
    const double latitude
        = viewport.screenToLonLat(QPointF(size.width() / 2.0, size.height() / 2.0)).latDeg;
    return forResolution(gis::groundMetersPerPixel(viewport.zoom(), latitude), maxLengthPx, units);
}

} // namespace infrasight::render
