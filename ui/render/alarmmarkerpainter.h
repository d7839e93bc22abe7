// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/mapviewport.h"

#include <QPointF>

#include <optional>
#include <span>

class QPainter;

namespace infrasight::render {

/// An alarm on the map.
struct AlarmMarker
{
    qint64 id = 0;
    QPointF meters;            ///< EPSG:3857
    bool critical = false;     ///< else warning
    bool acknowledged = false; ///< someone took it on: drawn hollow
};

/// Draws alarm markers over the map, severity by shape and colour so that it reads without
/// colour too: critical is a red triangle, a warning an amber diamond; new alarms are filled,
/// acknowledged ones hollow. Critical markers are drawn last, on top. Any thread (paints on the
/// given painter only).
class AlarmMarkerPainter
{
public:
    /// Half the marker's size in logical pixels.
    static constexpr double RadiusPx = 9.0;

    static void
    paint(QPainter &painter, const MapViewport &viewport, std::span<const AlarmMarker> markers);

    /// The marker under a screen position (logical pixels), critical ones first; none when no
    /// marker is within RadiusPx.
    static std::optional<AlarmMarker>
    hit(const MapViewport &viewport, std::span<const AlarmMarker> markers, QPointF screen);
};

} // namespace infrasight::render
