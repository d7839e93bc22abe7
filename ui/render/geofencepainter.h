// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"
#include "ui/render/mapviewport.h"

#include <QColor>
#include <QPainterPath>
#include <QString>

#include <span>

class QPainter;

namespace infrasight::render {

/// One geofence to draw: its shape (lon/lat degrees, EPSG:4326) and how it looks.
struct GeofenceShape
{
    qint64 id = 0;
    gis::MultiPolygon shape;
    QColor colour;
    bool active = true; ///< an inactive fence is drawn dashed, with a lighter fill
    QString name;       ///< drawn in the fence where it is wide enough

    friend bool operator==(const GeofenceShape &, const GeofenceShape &) = default;
};

/// Draws geofences over the map: each in its colour with a light fill, an inactive one dashed,
/// and its name where the fence is wide enough to hold it. Pure QPainter work on values: any
/// thread, any device (vectors on a QPdfWriter).
class GeofencePainter
{
public:
    enum class Names { Shown, Hidden };

    /// The fence's rings in logical pixels of view (odd-even fill: holes stay open).
    static QPainterPath path(const gis::MultiPolygon &shape, const MapViewport &view);

    /// Every fence but skipId (0: none) that reaches into view, in the order given, with the
    /// painter's font for the names.
    static void paint(QPainter &painter,
                      const MapViewport &view,
                      std::span<const GeofenceShape> fences,
                      qint64 skipId = 0,
                      Names names = Names::Shown);
};

} // namespace infrasight::render
