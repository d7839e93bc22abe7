// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/identifytool.h"

#include <QMouseEvent>

namespace infrasight::ui {

IdentifyTool::IdentifyTool(MapCanvas *canvas)
    : MapTool(canvas)
{
    setObjectName(QStringLiteral("identifyTool"));
}

IdentifyTool::~IdentifyTool() = default;

bool IdentifyTool::mousePress(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        trackPress(event);
    }
    return false; // the canvas starts a pan; a click without movement pans by nothing
}

bool IdentifyTool::mouseMove(QMouseEvent *event)
{
    trackMove(event);
    return false;
}

bool IdentifyTool::mouseRelease(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && trackRelease(event)) {
        // The point pressed: while the canvas pans the map follows the mouse, so it is still
        // the one under the cursor.
        Q_EMIT identifyRequested(pressMeters(), toleranceMeters(), event->modifiers());
    }
    return false;
}

QCursor IdentifyTool::cursor() const
{
    return Qt::WhatsThisCursor;
}

} // namespace infrasight::ui
