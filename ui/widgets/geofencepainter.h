// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"
#include "ui/render/mapviewport.h"

#include <QPainterPath>

class QPainter;

namespace infrasight::models {
class GeofenceListModel;
}

namespace infrasight::ui {

/// Draws the geofences over the map, for the Geofences overlay and the edit tool: each in its
/// colour (the model's ColourRole) with a light fill, an inactive one dashed, and its name where
/// the fence is wide enough to hold it. GUI thread (it reads the model).
class GeofencePainter
{
public:
    /// The fence's rings in logical pixels of view (odd-even fill: holes stay open).
    static QPainterPath path(const gis::MultiPolygon &shape, const render::MapViewport &view);

    /// Every fence but skipId (0: none) that reaches into view.
    static void paint(QPainter &painter,
                      const render::MapViewport &view,
                      const models::GeofenceListModel &fences,
                      qint64 skipId = 0,
                      bool names = true);
};

} // namespace infrasight::ui
