// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/mapsettings.h"

#include <algorithm>
#include <cmath>

namespace infrasight::render {

QString MapSettings::defaultAttribution()
{
    return QStringLiteral("© OpenStreetMap contributors");
}

MapViewport
MapSettings::viewportForDevice(QPointF centerMeters, double zoom, QSizeF deviceSize, double dpi)
{
    const double ratio = dpi > 0.0 ? dpi / ScreenDpi : 1.0;
    const QSize logical = (deviceSize / ratio).toSize();
    return MapViewport(centerMeters, zoom, logical, ratio);
}

MapViewport MapSettings::basemapViewport(const TileSourceInfo &source) const
{
    if (tileResolution == TileResolution::ScreenZoom || !(dpi > ScreenDpi)) {
        return viewport;
    }
    const int headroom
        = std::max(0, source.maxZoom - viewport.tileZoom(source.minZoom, source.maxZoom));
    const int levels = std::clamp(int(std::lround(std::log2(dpi / ScreenDpi))), 0, headroom);
    if (levels == 0) {
        return viewport;
    }
    const int factor = 1 << levels;
    return MapViewport(viewport.centerMeters(),
                       viewport.zoom() + levels,
                       viewport.sizePx() * factor,
                       viewport.devicePixelRatio() / factor);
}

} // namespace infrasight::render
