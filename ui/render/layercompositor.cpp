// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/layercompositor.h"

#include <QPainter>
#include <QtMath>

#include <algorithm>

namespace infrasight::render {

QImage
LayerCompositor::compose(const MapViewport &viewport, std::span<const Layer> layers, QImage reuse)
{
    const qreal dpr = viewport.devicePixelRatio();
    const QSize devicePixels(qCeil(viewport.sizePx().width() * dpr),
                             qCeil(viewport.sizePx().height() * dpr));
    QImage composite = std::move(reuse);
    if (composite.size() != devicePixels
        || composite.format() != QImage::Format_ARGB32_Premultiplied) {
        composite = QImage(devicePixels, QImage::Format_ARGB32_Premultiplied);
    }
    if (composite.isNull()) {
        return {};
    }
    composite.setDevicePixelRatio(dpr);
    composite.fill(Qt::transparent);
    QPainter painter(&composite);
    for (const Layer &layer : layers) {
        if (isPainted(layer)) {
            painter.setOpacity(std::min<qreal>(layer.opacity, 1.0));
            painter.drawImage(QPointF(0, 0), layer.image);
        }
    }
    painter.end();
    return composite;
}

} // namespace infrasight::render
