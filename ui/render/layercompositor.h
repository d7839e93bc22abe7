// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/mapviewport.h"

#include <QImage>

#include <span>

namespace infrasight::render {

/// Blends finished vector layer images (bottom first, each with its opacity) into one image, so
/// that a frame draws one image for all layers. LayerRenderScheduler (for the canvas) and
/// MapRenderer (headless) both compose with it, so the screen and an export blend alike.
/// Reentrant: any thread.
class LayerCompositor
{
public:
    struct Layer
    {
        QImage image;        ///< rendered for the viewport given to compose(); null: skipped
        qreal opacity = 1.0; ///< 0 skips the layer; above 1 counts as 1
    };

    /// A transparent Format_ARGB32_Premultiplied image of viewport's device size and pixel
    /// ratio with layers drawn in. reuse: an image to draw into if it has that size (saves an
    /// allocation per frame; it is overwritten). A null image if the size is empty or cannot
    /// be allocated.
    [[nodiscard]] static QImage
    compose(const MapViewport &viewport, std::span<const Layer> layers, QImage reuse = {});

    /// True if the layer adds anything to a composition.
    static bool isPainted(const Layer &layer)
    {
        return !layer.image.isNull() && layer.opacity > 0.0;
    }
};

} // namespace infrasight::render
