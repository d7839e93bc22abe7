// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/mapviewport.h"
#include "ui/render/tilesource.h"

#include <QCache>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QSet>

#include <memory>

class QPainter;

namespace infrasight::render {

/// The basemap layer of a map view: asks its TileSource for the tiles a viewport needs, keeps
/// decoded tiles in a memory cache (cost in bytes, default 256 MB) and paints them. While a tile
/// is missing, the nearest cached ancestor (parent, grandparent, ...) stands in, scaled, or
/// cached children when zooming out, so the map never flashes empty.
/// Lives on the GUI thread; paint() never blocks and never waits for a tile. snapshot() takes
/// what a viewport shows as a value that TileCompositor paints on any thread.
class TileLayer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TileLayer)

public:
    explicit TileLayer(QObject *parent = nullptr);
    ~TileLayer() override;

    /// Replaces the source (the layer takes ownership); cached tiles of the old one are dropped.
    void setSource(std::unique_ptr<TileSource> source);
    TileSource *source() const;

    void setCacheLimitBytes(qint64 bytes);

    /// Requests what viewport needs (visible tiles first). Call when the view has settled or
    /// changed; cheap when nothing changed.
    void update(const MapViewport &viewport);

    /// What a viewport shows, as an immutable value: the cached tiles (implicitly shared
    /// images, safe to read on another thread) with where they go, stand-ins included.
    struct Snapshot
    {
        struct Piece
        {
            QImage image;
            QRectF source;       ///< in image pixels
            QRectF target;       ///< in the viewport's logical pixels
            bool smooth = false; ///< scaled: draw with SmoothPixmapTransform
        };

        MapViewport viewport;
        QList<Piece> pieces;  ///< in painting order
        bool complete = true; ///< every visible tile at its own zoom (nothing stood in)
    };

    /// The pieces to paint for viewport from the tiles cached now; cheap (no pixel is copied).
    Snapshot snapshot(const MapViewport &viewport) const;

    /// Paints the tiles for viewport with painter (already set up for the widget or image):
    /// TileCompositor::paint(painter, snapshot(viewport)).
    /// Returns true if every visible tile was drawn at its own zoom (nothing stood in).
    bool paint(QPainter &painter, const MapViewport &viewport) const;

    /// The number of visible tiles still missing for the last update().
    int pendingCount() const;

Q_SIGNALS:
    /// New tiles arrived; repaint.
    void changed();
    /// The source reported a problem (forwarded from TileSource::sourceError).
    void sourceError(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace infrasight::render
