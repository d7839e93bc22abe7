// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/featureblock.h"
#include "ui/render/layerstyle.h"
#include "ui/render/mapviewport.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QSet>

#include <atomic>

class QPainter;

namespace infrasight::render {

/// Draws one vector layer's feature blocks for a viewport. Reentrant and thread-safe (render jobs
/// call it from worker threads, one layer per job). Points are pre-rendered sprites from the
/// SymbolAtlas (a round badge in the feature colour with the type's white pictogram) drawn with
/// drawImage; lines are polylines per part, polygons one odd-even path per feature; clusters are
/// discs sized by count with the count as text (a red ring when members are faulty). Features
/// outside the view are skipped; a line or polygon present in several blocks (tiles) is drawn
/// once. The cancel flag is checked every few thousand features.
class VectorLayerRenderer
{
public:
    /// A transparent Format_ARGB32_Premultiplied image of the viewport's device size and pixel
    /// ratio with the layer drawn in; a null image if cancel was raised or the image cannot be
    /// allocated (MapRenderer::renderLayer() tells the two apart and reports the failure).
    [[nodiscard]] static QImage render(const MapViewport &viewport,
                                       const QList<gis::FeatureBlock> &blocks,
                                       const LayerStyle &style,
                                       const std::atomic_bool *cancel = nullptr);

    /// Draws the layer with painter (logical pixels of viewport); returns false if cancelled.
    static bool paint(QPainter &painter,
                      const MapViewport &viewport,
                      const QList<gis::FeatureBlock> &blocks,
                      const LayerStyle &style,
                      const std::atomic_bool *cancel = nullptr);

    /// Outlines the features whose id is in ids (the selection) on top of the map: a halo around
    /// points, a wide translucent stroke along lines and polygon outlines. Cheap enough to run on
    /// the GUI thread every frame for a few thousand features.
    static void paintHighlight(QPainter &painter,
                               const MapViewport &viewport,
                               const QList<gis::FeatureBlock> &blocks,
                               const QSet<qint64> &ids,
                               const QColor &color);
};

} // namespace infrasight::render
