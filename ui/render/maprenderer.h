// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"
#include "ui/render/mapsettings.h"

#include <QImage>
#include <QList>
#include <QRectF>

#include <atomic>

class QPainter;
class QPaintDevice;

namespace infrasight::render {

/// What a headless render hands back: the image (null if nothing could be drawn) and every
/// problem met on the way. A map drawn with some errors (a layer failed) is still returned;
/// errors are never swallowed.
struct MapRenderResult
{
    QImage image;
    QList<Error> errors;

    bool hasErrors() const { return !errors.isEmpty(); }
};

/// Draws a complete map from one MapSettings value, with no widget: the basemap, the vector
/// layers, the geofences, the alarm markers, the scale bar and the attribution, in that order,
/// on any QPainter device (a QImage, a widget, a QPdfWriter). The one composition code path:
/// MapCanvas draws a settled view with the same stages (paintPrepared(), paintOverlays(),
/// paintDecorations()), only the layer images come from its LayerRenderScheduler.
///
/// Reentrant and thread-safe: each call reads its own settings value (tile images and feature
/// blocks are implicitly shared and read-only), so it runs on a worker thread as well as on
/// the GUI thread. Nothing here waits for tiles: the settings carry the basemap as a tile
/// snapshot (see BasemapLoader to load one). The cancel flag is checked between tiles,
/// between layers and every few thousand features.
///
/// Errors: an exception from a layer's drawing, an image that cannot be allocated, a
/// cancellation are all reported as Error values (code Internal, or Cancelled), never turned
/// into a silently empty picture.
class MapRenderer
{
public:
    /// Images already rendered for settings.viewport, at its device pixel ratio.
    struct Prepared
    {
        QImage basemap; ///< null: the background colour only
        QImage layers;  ///< every vector layer composed (LayerCompositor); null: none
    };

    /// The map as a new Format_ARGB32_Premultiplied image of the viewport's device size, with
    /// its device pixel ratio set.
    [[nodiscard]] static MapRenderResult render(const MapSettings &settings,
                                                const std::atomic_bool *cancel = nullptr);

    /// Paints the map into target (in painter's coordinates, e.g. device pixels of a
    /// QPdfWriter page), scaling the viewport's logical pixels to it and clipping to it. The
    /// painter's state is restored afterwards. Returns the problems met (empty: all drawn).
    [[nodiscard]] static QList<Error> paint(QPainter &painter,
                                            const MapSettings &settings,
                                            const QRectF &target,
                                            const std::atomic_bool *cancel = nullptr);

    /// The stages, painter set up for the viewport's logical pixels.

    /// The basemap image and the layer image (or the background where there is none).
    static void
    paintPrepared(QPainter &painter, const MapSettings &settings, const Prepared &prepared);
    /// The geofences and the alarm markers.
    static void paintOverlays(QPainter &painter, const MapSettings &settings);
    /// The scale bar (bottom-left) and the attribution (bottom-right).
    static void paintDecorations(QPainter &painter, const MapSettings &settings);

    /// Where the attribution plate goes, in logical pixels of settings.viewport, for text
    /// measured on device (nullptr: the screen).
    static QRectF attributionRect(const MapSettings &settings, const QPaintDevice *device);

    /// The basemap snapshot composed over background into a new Format_RGB32 image of the
    /// snapshot viewport's device size (the canvas composes its cache with it too). Fails with
    /// Cancelled, or Internal when the image cannot be allocated or drawing threw.
    [[nodiscard]] static Result<QImage> composeBasemap(const TileLayer::Snapshot &snapshot,
                                                       const QColor &background,
                                                       const std::atomic_bool *cancel = nullptr);

    /// One vector layer as an image for viewport (VectorLayerRenderer::render()); fails with
    /// Cancelled, or Internal (naming the layer) when the image cannot be allocated or drawing
    /// threw. LayerRenderScheduler's jobs render with it.
    [[nodiscard]] static Result<QImage> renderLayer(const MapViewport &viewport,
                                                    const LayerRenderInput &layer,
                                                    const std::atomic_bool *cancel = nullptr);

    /// True if paint() draws the layers as vectors on painter's device.
    static bool drawsLayersAsVectors(const QPainter &painter, const MapSettings &settings);
};

} // namespace infrasight::render
