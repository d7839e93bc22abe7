// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/lonlat.h"
#include "gis/core/tilekey.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSize>

namespace infrasight::render {

/// What the map shows: a centre in EPSG:3857 metres, a fractional zoom (0..MaxZoom, 256-px tiles)
/// and a widget size in logical pixels at a device pixel ratio. An immutable value: changing the
/// view makes a new viewport, so render jobs can take a copy. Screen pixels have their origin at
/// the top-left of the widget, y down.
class MapViewport
{
public:
    static constexpr double MinZoom = 0.0;
    static constexpr double MaxZoom = 20.0;

    MapViewport() = default;
    MapViewport(QPointF centerMeters, double zoom, QSize sizePx, qreal devicePixelRatio = 1.0);

    QPointF centerMeters() const { return m_centerMeters; }

    double zoom() const { return m_zoom; }

    QSize sizePx() const { return m_sizePx; }

    qreal devicePixelRatio() const { return m_devicePixelRatio; }

    /// EPSG:3857 metres per logical pixel.
    double metersPerPixel() const;
    /// The visible area in EPSG:3857 metres (y up: top() is the south edge, as QRectF allows).
    QRectF extentMeters() const;

    QPointF metersToScreen(QPointF meters) const;
    QPointF screenToMeters(QPointF screenPx) const;
    QPointF lonLatToScreen(gis::LonLat position) const;
    gis::LonLat screenToLonLat(QPointF screenPx) const;

    /// The same view with another centre / zoom / size (zoom clamped, centre kept in the world).
    MapViewport withCenter(QPointF centerMeters) const;
    MapViewport withZoom(double zoom) const;
    MapViewport withSize(QSize sizePx, qreal devicePixelRatio) const;
    /// Zooms by delta levels keeping the map point under anchorScreenPx fixed on screen (wheel
    /// zoom anchored under the cursor).
    MapViewport zoomedAt(double delta, QPointF anchorScreenPx) const;
    /// Moves the map by a screen offset (drag pan: the map follows the mouse).
    MapViewport pannedBy(QPointF screenDeltaPx) const;
    /// The view that shows extentMeters whole, centred, in this size.
    MapViewport fittedTo(const QRectF &extentMeters) const;

    /// The integer zoom whose tiles this view draws (nearest, clamped to [minZoom, maxZoom]).
    int tileZoom(int minZoom = 0, int maxZoom = 19) const;
    /// The tiles covering the view at tileZoom(), nearest to the centre first.
    QList<gis::TileKey> visibleTiles(int minZoom = 0, int maxZoom = 19) const;
    /// Where a tile goes on screen, in logical pixels.
    QRectF tileScreenRect(const gis::TileKey &key) const;

    friend bool operator==(const MapViewport &, const MapViewport &) = default;

private:
    QPointF m_centerMeters;
    double m_zoom = 2.0;
    QSize m_sizePx{256, 256};
    qreal m_devicePixelRatio = 1.0;
};

} // namespace infrasight::render
