// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/tilecompositor.h"

#include <QPainter>

namespace infrasight::render {

bool TileCompositor::paint(QPainter &painter,
                           const TileLayer::Snapshot &snapshot,
                           const std::atomic_bool *cancel)
{
    painter.save();
    bool done = true;
    for (const TileLayer::Snapshot::Piece &piece : snapshot.pieces) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            done = false;
            break;
        }
        painter.setRenderHint(QPainter::SmoothPixmapTransform, piece.smooth);
        painter.drawImage(piece.target, piece.image, piece.source);
    }
    painter.restore();
    return done;
}

QImage TileCompositor::compose(const TileLayer::Snapshot &snapshot,
                               const QColor &background,
                               const std::atomic_bool *cancel,
                               QImage::Format format)
{
    const qreal dpr = snapshot.viewport.devicePixelRatio();
    const QSize devicePixels = (QSizeF(snapshot.viewport.sizePx()) * dpr).toSize();
    if (devicePixels.isEmpty() || (cancel && cancel->load(std::memory_order_relaxed))) {
        return {};
    }
    QImage image(devicePixels, format);
    if (image.isNull()) {
        return {}; // out of memory (MapRenderer::composeBasemap() reports it)
    }
    image.setDevicePixelRatio(dpr);
    image.fill(background);
    QPainter painter(&image);
    if (dpr < 1.0) {
        // QPainter takes a pixel ratio below 1 as 1 (a print's basemap from tiles a few zoom
        // levels up has one): scale to the snapshot's logical pixels by hand.
        painter.scale(dpr, dpr);
    }
    if (!paint(painter, snapshot, cancel)) {
        return {};
    }
    painter.end();
    return image;
}

} // namespace infrasight::render
