// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"
#include "ui/render/geofencepainter.h"
#include "ui/render/mapviewport.h"

#include <QList>
#include <QPainterPath>

class QPainter;

namespace infrasight::models {
class GeofenceListModel;
}

namespace infrasight::ui {

/// The geofence list model's side of render::GeofencePainter, which does the drawing (and is
/// what the canvas's composition and the headless renderer use): takes each fence's shape,
/// colour (the model's ColourRole), state and name from the model. GUI thread (it reads the
/// model).
class GeofencePainter
{
public:
    /// Every fence of the model as a value for render::GeofencePainter or render::MapSettings.
    static QList<render::GeofenceShape> shapes(const models::GeofenceListModel &fences);

    /// render::GeofencePainter::path().
    static QPainterPath path(const gis::MultiPolygon &shape, const render::MapViewport &view)
    {
        return render::GeofencePainter::path(shape, view);
    }

    /// Every fence but skipId (0: none) that reaches into view; names: draw their names.
    static void paint(QPainter &painter,
                      const render::MapViewport &view,
                      const models::GeofenceListModel &fences,
                      qint64 skipId = 0,
                      bool names = true);
};

} // namespace infrasight::ui
