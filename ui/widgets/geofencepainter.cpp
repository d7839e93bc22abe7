// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/geofencepainter.h"

#include "models/geofencelistmodel.h"

namespace infrasight::ui {

QList<render::GeofenceShape> GeofencePainter::shapes(const models::GeofenceListModel &fences)
{
    QList<render::GeofenceShape> shapes;
    shapes.reserve(fences.rowCount());
    for (int row = 0; row < fences.rowCount(); ++row) {
        const data::GeofenceRecord &fence = fences.fences().at(row);
        shapes.append(
            {fence.id,
             fence.shape,
             fences.data(fences.index(row), models::GeofenceListModel::ColourRole).value<QColor>(),
             fence.active,
             fence.name});
    }
    return shapes;
}

void GeofencePainter::paint(QPainter &painter,
                            const render::MapViewport &view,
                            const models::GeofenceListModel &fences,
                            qint64 skipId,
                            bool names)
{
    render::GeofencePainter::paint(painter,
                                   view,
                                   shapes(fences),
                                   skipId,
                                   names ? render::GeofencePainter::Names::Shown
                                         : render::GeofencePainter::Names::Hidden);
}

} // namespace infrasight::ui
