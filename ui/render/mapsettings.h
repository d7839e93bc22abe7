// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/alarmmarkerpainter.h"
#include "ui/render/geofencepainter.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/render/mapviewport.h"
#include "ui/render/scalebar.h"
#include "ui/render/tilelayer.h"
#include "ui/render/tilesource.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QSizeF>
#include <QString>

#include <optional>

namespace infrasight::render {

/// Everything MapRenderer needs to draw one map, as one value (QGIS's QgsMapSettings): the
/// view, the output's resolution, the basemap tiles, the vector layers and the overlays. Build
/// it, then hand it over: the renderer only reads it, and every member is a value or
/// implicitly shared (tile images, feature blocks), so a copy may go to another thread.
///
/// Units: the viewport is in logical pixels (1/96 inch on paper) at its device pixel ratio;
/// for a print the ratio is dpi / 96 (viewportForDevice()), so symbols, pens and text keep
/// their size in millimetres whatever the resolution.
struct MapSettings
{
    static constexpr double ScreenDpi = 96.0;

    /// How the vector layers reach the device. Raster: one image per layer (what the canvas
    /// shows, pixel for pixel). Vector: painted straight on the device, so a PDF keeps lines
    /// and polygons as paths (point symbols stay small images). Auto: Vector on every paint
    /// engine but the raster one (QImage, QPixmap, widgets), i.e. on PDF, SVG, QPicture.
    enum class LayerDrawing { Auto, Raster, Vector };

    /// Which tiles the basemap should come from (basemapViewport()). ForDpi: from the zoom
    /// level that matches dpi (zoom + round(log2(dpi / 96)), up to the source's maximum), so a
    /// 300 dpi print is sharp. ScreenZoom: the viewport's own zoom, tiles scaled up; use it with
    /// the public OpenStreetMap servers, whose policy forbids what amounts to a bulk download
    /// (TECH_NOTES.md 5.1).
    enum class TileResolution { ForDpi, ScreenZoom };

    MapViewport viewport;
    /// The output's dots per inch: 96 for a screen (HiDPI is the viewport's pixel ratio).
    double dpi = ScreenDpi;
    TileResolution tileResolution = TileResolution::ForDpi;

    /// The basemap: tiles with where they go, for basemapViewport() of the source (a
    /// TileLayer::snapshot() or BasemapLoader::load()). Empty: the background only.
    TileLayer::Snapshot basemap;
    /// Under the tiles and where none is.
    QColor background = DefaultBackground;

    /// The vector layers, bottom first (what LayerRenderScheduler::setLayers() takes).
    QList<LayerRenderInput> layers;
    LayerDrawing layerDrawing = LayerDrawing::Auto;

    /// Over the layers: the geofences, then the alarm markers (critical on top).
    QList<GeofenceShape> geofences;
    QList<AlarmMarker> alarmMarkers;

    /// Always drawn bottom-right (DESIGN.md 5: visible on screen and in print); the source's
    /// attribution, defaultAttribution() when it names none.
    QString attribution = defaultAttribution();
    /// Drawn bottom-left when set (ScaleBar::forViewport(viewport)).
    std::optional<ScaleBar> scaleBar;
    /// For the attribution, the scale bar and fence names (point sizes at 96 dpi logical).
    QFont font;

    static inline const QColor DefaultBackground = QColor(0xe6, 0xe4, 0xe0);

    /// "© OpenStreetMap contributors".
    static QString defaultAttribution();

    /// The view of centreMeters at zoom that fills deviceSize device pixels of a device with
    /// dpi dots per inch: deviceSize * 96 / dpi logical pixels at pixel ratio dpi / 96.
    static MapViewport
    viewportForDevice(QPointF centerMeters, double zoom, QSizeF deviceSize, double dpi);

    /// The view the basemap tiles are taken for: viewport itself, or for a print with
    /// TileResolution::ForDpi the same extent and device size at a zoom higher by
    /// round(log2(dpi / 96)) levels (never beyond source.maxZoom), with 2^levels times the
    /// logical size at 1 / 2^levels of the pixel ratio.
    MapViewport basemapViewport(const TileSourceInfo &source) const;
};

} // namespace infrasight::render
