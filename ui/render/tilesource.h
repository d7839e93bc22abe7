// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geobounds.h"
#include "gis/core/tilekey.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace infrasight::render {

/// What a tile source offers, for the canvas, the settings and the attribution label.
struct TileSourceInfo
{
    QString name;        ///< shown to the user, e.g. "OpenStreetMap" or the MBTiles file's name
    QString attribution; ///< always shown on the map, e.g. "© OpenStreetMap contributors"
    int minZoom = 0;
    int maxZoom = 19;
    int tileSizePx = 256;                 ///< logical size of one tile
    bool offersHighDpi = false;           ///< can deliver @2x tiles (tileSizePx * 2 device pixels)
    std::optional<gis::GeoBounds> bounds; ///< where the source has data, if it says
};

/// A source of raster map tiles in the XYZ scheme (gis::TileKey: y grows southwards; MBTiles'
/// TMS rows are flipped inside the MBTiles source). Sources are asynchronous: request() returns
/// at once and each tile arrives later through tileReady() or tileFailed(), on the thread that
/// owns the source (the GUI thread). Decoding and disk access happen off that thread.
/// The interface is kept small on purpose so that another backend (a Qt Location plugin, a
/// vector tile renderer) can sit behind it later.
class TileSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual TileSourceInfo info() const = 0;

    /// Declares the tiles the view needs now, most important first (the canvas orders them
    /// visible-first, nearest to the centre first). Tiles requested earlier that are not in
    /// keys and have not arrived yet are cancelled: a source never spends bandwidth on tiles the
    /// user has panned away from. devicePixelRatio >= 1.5 asks for @2x tiles where offered.
    virtual void request(const QList<gis::TileKey> &keys, qreal devicePixelRatio) = 0;

    /// Cancels everything pending (the view closed or the source is being replaced).
    virtual void cancelAll() = 0;

Q_SIGNALS:
    /// A tile arrived. image has tileSizePx (or 2 * tileSizePx for @2x) pixels per side and its
    /// devicePixelRatio set accordingly.
    void tileReady(const infrasight::gis::TileKey &key, const QImage &image);
    /// A tile cannot be had (404, corrupt data, gave up after retries); do not ask again soon.
    void tileFailed(const infrasight::gis::TileKey &key, const QString &reason);
    /// The source as a whole has a problem worth telling the user (unreachable server, corrupt
    /// file, malformed URL template). The canvas keeps working with what it has.
    void sourceError(const QString &message);
};

} // namespace infrasight::render
