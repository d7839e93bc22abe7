// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/mapviewport.h"

#include "gis/core/mercator.h"

#include <algorithm>
#include <cmath>

namespace infrasight::render {

namespace {

double clampZoom(double zoom)
{
    if (!std::isfinite(zoom)) {
        return MapViewport::MinZoom;
    }
    return std::clamp(zoom, MapViewport::MinZoom, MapViewport::MaxZoom);
}

QPointF clampToWorld(QPointF meters)
{
    const double x = std::isfinite(meters.x()) ? meters.x() : 0.0;
    const double y = std::isfinite(meters.y()) ? meters.y() : 0.0;
    return {std::clamp(x, -gis::HalfWorldMeters, gis::HalfWorldMeters),
            std::clamp(y, -gis::HalfWorldMeters, gis::HalfWorldMeters)};
}

} // namespace

MapViewport::MapViewport(QPointF centerMeters, double zoom, QSize sizePx, qreal devicePixelRatio)
    : m_centerMeters(clampToWorld(centerMeters))
    , m_zoom(clampZoom(zoom))
    , m_sizePx(sizePx.expandedTo(QSize(1, 1)))
    , m_devicePixelRatio(devicePixelRatio > 0.0 ? devicePixelRatio : 1.0)
{}

double MapViewport::metersPerPixel() const
{
    return gis::metersPerPixel(m_zoom);
}

QRectF MapViewport::extentMeters() const
{
    const double mpp = metersPerPixel();
    const double halfW = m_sizePx.width() * mpp / 2.0;
    const double halfH = m_sizePx.height() * mpp / 2.0;
    return QRectF(QPointF(m_centerMeters.x() - halfW, m_centerMeters.y() - halfH),
                  QPointF(m_centerMeters.x() + halfW, m_centerMeters.y() + halfH));
}

QPointF MapViewport::metersToScreen(QPointF meters) const
{
    const double mpp = metersPerPixel();
    return {m_sizePx.width() / 2.0 + (meters.x() - m_centerMeters.x()) / mpp,
            m_sizePx.height() / 2.0 - (meters.y() - m_centerMeters.y()) / mpp};
}

QPointF MapViewport::screenToMeters(QPointF screenPx) const
{
    const double mpp = metersPerPixel();
    return {m_centerMeters.x() + (screenPx.x() - m_sizePx.width() / 2.0) * mpp,
            m_centerMeters.y() - (screenPx.y() - m_sizePx.height() / 2.0) * mpp};
}

QPointF MapViewport::lonLatToScreen(gis::LonLat position) const
{
    return metersToScreen(gis::lonLatToMercatorMeters(position));
}

gis::LonLat MapViewport::screenToLonLat(QPointF screenPx) const
{
    return gis::mercatorMetersToLonLat(screenToMeters(screenPx));
}

MapViewport MapViewport::withCenter(QPointF centerMeters) const
{
    return MapViewport(centerMeters, m_zoom, m_sizePx, m_devicePixelRatio);
}

MapViewport MapViewport::withZoom(double zoom) const
{
    return MapViewport(m_centerMeters, zoom, m_sizePx, m_devicePixelRatio);
}

MapViewport MapViewport::withSize(QSize sizePx, qreal devicePixelRatio) const
{
    return MapViewport(m_centerMeters, m_zoom, sizePx, devicePixelRatio);
}

MapViewport MapViewport::zoomedAt(double delta, QPointF anchorScreenPx) const
{
    const QPointF anchorMeters = screenToMeters(anchorScreenPx);
    const double zoom = clampZoom(m_zoom + delta);
    const double mpp = gis::metersPerPixel(zoom);
    // Solve metersToScreen(anchorMeters) == anchorScreenPx at the new zoom for the centre.
    const QPointF center(anchorMeters.x() - (anchorScreenPx.x() - m_sizePx.width() / 2.0) * mpp,
                         anchorMeters.y() + (anchorScreenPx.y() - m_sizePx.height() / 2.0) * mpp);
    return MapViewport(center, zoom, m_sizePx, m_devicePixelRatio);
}

MapViewport MapViewport::pannedBy(QPointF screenDeltaPx) const
{
    const double mpp = metersPerPixel();
    // The map follows the mouse: dragging right moves the centre west.
    return withCenter(QPointF(m_centerMeters.x() - screenDeltaPx.x() * mpp,
                              m_centerMeters.y() + screenDeltaPx.y() * mpp));
}

MapViewport MapViewport::fittedTo(const QRectF &extentMeters) const
{
    const QRectF extent = extentMeters.normalized();
    if (!extent.isValid() || extent.width() <= 0.0 || extent.height() <= 0.0) {
        return withCenter(extent.center());
    }
    const double mpp
        = std::max(extent.width() / m_sizePx.width(), extent.height() / m_sizePx.height());
    return MapViewport(
        extent.center(), gis::zoomForMetersPerPixel(mpp), m_sizePx, m_devicePixelRatio);
}

int MapViewport::tileZoom(int minZoom, int maxZoom) const
{
    const int nearest = static_cast<int>(std::lround(m_zoom));
    return std::clamp(nearest, minZoom, std::max(minZoom, maxZoom));
}

QList<gis::TileKey> MapViewport::visibleTiles(int minZoom, int maxZoom) const
{
    const int z = tileZoom(minZoom, maxZoom);
    const int tilesPerSide = 1 << z;
    const double tileMeters = 2.0 * gis::HalfWorldMeters / tilesPerSide;
    const QRectF extent = extentMeters();
    // Column from the west edge, row from the north edge; a tile whose edge only touches the
    // view is not visible.
    const auto column = [&](double xMeters) {
        return (xMeters + gis::HalfWorldMeters) / tileMeters;
    };
    const auto row = [&](double yMeters) {
        return (gis::HalfWorldMeters - yMeters) / tileMeters;
    };
    constexpr double Epsilon = 1e-9;
    const int x0
        = std::clamp(static_cast<int>(std::floor(column(extent.left()))), 0, tilesPerSide - 1);
    const int x1 = std::clamp(
        static_cast<int>(std::ceil(column(extent.right()) - Epsilon)) - 1, 0, tilesPerSide - 1);
    const int y0
        = std::clamp(static_cast<int>(std::floor(row(extent.bottom()))), 0, tilesPerSide - 1);
    const int y1 = std::clamp(
        static_cast<int>(std::ceil(row(extent.top()) - Epsilon)) - 1, 0, tilesPerSide - 1);

    struct Candidate
    {
        double distance;
        gis::TileKey key;
    };

    QList<Candidate> candidates;
    candidates.reserve(static_cast<qsizetype>(x1 - x0 + 1) * (y1 - y0 + 1));
    const double centerColumn = column(m_centerMeters.x());
    const double centerRow = row(m_centerMeters.y());
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const double dx = x + 0.5 - centerColumn;
            const double dy = y + 0.5 - centerRow;
            candidates.append({dx * dx + dy * dy, gis::TileKey(z, x, y)});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.distance < b.distance;
    });
    QList<gis::TileKey> keys;
    keys.reserve(candidates.size());
    for (const auto &candidate : candidates) {
        keys.append(candidate.key);
    }
    return keys;
}

QRectF MapViewport::tileScreenRect(const gis::TileKey &key) const
{
    // Through world pixels at the view's zoom so that integral zooms give exact tile edges.
    const double scale = std::exp2(m_zoom - key.z()) * gis::DefaultTileSizePx;
    const QPointF centerWorld = gis::mercatorMetersToWorldPixel(m_centerMeters, m_zoom);
    const double left = key.x() * scale - centerWorld.x() + m_sizePx.width() / 2.0;
    const double top = key.y() * scale - centerWorld.y() + m_sizePx.height() / 2.0;
    return QRectF(left, top, scale, scale);
}

} // namespace infrasight::render
