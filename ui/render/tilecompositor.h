// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/tilelayer.h"

#include <QColor>
#include <QImage>

#include <atomic>

class QPainter;

namespace infrasight::render {

/// Paints a TileLayer::Snapshot. Reentrant and thread-safe: a snapshot holds only implicitly
/// shared images, so composing runs on any thread (MapCanvas runs it with QtConcurrent) while
/// the layer goes on receiving tiles on the GUI thread. The cancel flag is checked between tiles.
class TileCompositor
{
public:
    /// Paints snapshot's pieces with painter (set up for the target, logical pixels). Returns
    /// false if cancel was raised before every piece was drawn (the target is then partial).
    static bool paint(QPainter &painter,
                      const TileLayer::Snapshot &snapshot,
                      const std::atomic_bool *cancel = nullptr);

    /// A new image of the snapshot's viewport (its size in device pixels, its device pixel
    /// ratio) filled with background, then the tiles painted in. Returns a null image if cancel
    /// was raised or the image cannot be allocated. format: Format_RGB32 for an opaque background
    /// gives the fastest blit.
    [[nodiscard]] static QImage compose(const TileLayer::Snapshot &snapshot,
                                        const QColor &background,
                                        const std::atomic_bool *cancel = nullptr,
                                        QImage::Format format
                                        = QImage::Format_ARGB32_Premultiplied);
};

} // namespace infrasight::render
