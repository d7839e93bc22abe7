// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/tilelayer.h"

#include "ui/render/tilecompositor.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPainter>

#include <cmath>

namespace infrasight::render {

namespace {

constexpr qint64 DefaultCacheBytes = 256LL * 1024 * 1024;
/// How many zoom levels up a stand-in may come from (a grandparent is 4x blown up already).
constexpr int MaxAncestorLevels = 4;
/// A failed tile is asked for again after this long (the XYZ source keeps its own failed set).
constexpr qint64 FailedRetryAfterMs = 5LL * 60 * 1000;

/// rect with its edges on device pixels, so an unscaled tile is copied pixel for pixel.
QRectF snappedToDevicePixels(const QRectF &rect, qreal dpr)
{
    const qreal left = std::round(rect.left() * dpr) / dpr;
    const qreal top = std::round(rect.top() * dpr) / dpr;
    const qreal right = std::round(rect.right() * dpr) / dpr;
    const qreal bottom = std::round(rect.bottom() * dpr) / dpr;
    return {QPointF(left, top), QPointF(right, bottom)};
}

} // namespace

struct TileLayer::Private
{
    std::unique_ptr<TileSource> source;
    TileSourceInfo info;
    mutable QCache<gis::TileKey, QImage> cache;
    /// Tiles the source could not deliver, with the time they failed (clock); asked for again
    /// only after FailedRetryAfterMs so a server outage does not leave holes for ever.
    QHash<gis::TileKey, qint64> failedAtMs;
    QElapsedTimer clock;
    QList<gis::TileKey> lastRequest;
    qreal lastDpr = 0.0;
    bool requestedOnce = false;
    QSet<gis::TileKey> pending;

    bool hasFailed(const gis::TileKey &key)
    {
        const auto it = failedAtMs.constFind(key);
        if (it == failedAtMs.cend()) {
            return false;
        }
        if (clock.elapsed() - it.value() > FailedRetryAfterMs) {
            failedAtMs.erase(it);
            return false;
        }
        return true;
    }

    /// The tiles viewport shows from this source (empty far below the source's zooms, and
    /// only those inside its bounds).
    QList<gis::TileKey> tilesFor(const MapViewport &viewport) const;

    bool wantsHighDpi(qreal dpr) const { return info.offersHighDpi && dpr >= 1.5; }

    /// True if image is the right kind for dpr (an 1x tile is upgraded on a HiDPI screen).
    bool isCurrent(const QImage &image, qreal dpr) const
    {
        return !wantsHighDpi(dpr) || image.devicePixelRatio() >= 2.0;
    }
};

QList<gis::TileKey> TileLayer::Private::tilesFor(const MapViewport &viewport) const
{
    if (!source || viewport.zoom() < info.minZoom - 1.5) {
        return {};
    }
    QList<gis::TileKey> keys = viewport.visibleTiles(info.minZoom, info.maxZoom);
    if (info.bounds) {
        keys.removeIf(
            [&](const gis::TileKey &key) { return !key.boundsLonLat().intersects(*info.bounds); });
    }
    return keys;
}

TileLayer::TileLayer(QObject *parent)
    : QObject(parent)
    , m_d(std::make_unique<Private>())
{
    m_d->cache.setMaxCost(DefaultCacheBytes);
    m_d->clock.start();
}

TileLayer::~TileLayer()
{
    if (m_d->source) {
        m_d->source->cancelAll();
    }
}

void TileLayer::setSource(std::unique_ptr<TileSource> source)
{
    if (m_d->source) {
        m_d->source->cancelAll();
        m_d->source->disconnect(this);
    }
    m_d->source = std::move(source);
    m_d->cache.clear();
    m_d->failedAtMs.clear();
    m_d->lastRequest.clear();
    m_d->requestedOnce = false;
    m_d->pending.clear();
    m_d->info = m_d->source ? m_d->source->info() : TileSourceInfo{};
    if (!m_d->source) {
        Q_EMIT changed();
        return;
    }
    connect(m_d->source.get(),
            &TileSource::tileReady,
            this,
            [this](const gis::TileKey &key, const QImage &image) {
                m_d->failedAtMs.remove(key);
                m_d->cache.insert(key, new QImage(image), image.sizeInBytes());
                m_d->pending.remove(key);
                Q_EMIT changed();
            });
    connect(m_d->source.get(),
            &TileSource::tileFailed,
            this,
            [this](const gis::TileKey &key, const QString &) {
                m_d->failedAtMs.insert(key, m_d->clock.elapsed());
                m_d->pending.remove(key);
                Q_EMIT changed();
            });
    connect(m_d->source.get(), &TileSource::sourceError, this, &TileLayer::sourceError);
    Q_EMIT changed();
}

TileSource *TileLayer::source() const
{
    return m_d->source.get();
}

void TileLayer::setCacheLimitBytes(qint64 bytes)
{
    m_d->cache.setMaxCost(static_cast<qsizetype>(std::max<qint64>(bytes, 0)));
}

void TileLayer::update(const MapViewport &viewport)
{
    if (!m_d->source) {
        return;
    }
    const qreal dpr = viewport.devicePixelRatio();
    QList<gis::TileKey> missing;
    for (const gis::TileKey &key : m_d->tilesFor(viewport)) {
        if (m_d->hasFailed(key)) {
            continue;
        }
        const QImage *image = m_d->cache.object(key);
        if (!image || !m_d->isCurrent(*image, dpr)) {
            missing.append(key);
        }
    }
    m_d->pending = QSet<gis::TileKey>(missing.cbegin(), missing.cend());
    if (!m_d->requestedOnce || missing != m_d->lastRequest || dpr != m_d->lastDpr) {
        m_d->requestedOnce = true;
        m_d->lastRequest = missing;
        m_d->lastDpr = dpr;
        m_d->source->request(missing, dpr);
    }
}

TileLayer::Snapshot TileLayer::snapshot(const MapViewport &viewport) const
{
    Snapshot snapshot;
    snapshot.viewport = viewport;
    const QList<gis::TileKey> keys = m_d->tilesFor(viewport);
    if (keys.isEmpty()) {
        snapshot.complete = !m_d->source;
        return snapshot;
    }
    const qreal dpr = viewport.devicePixelRatio();
    const bool integralZoom = std::abs(viewport.zoom() - std::round(viewport.zoom())) < 1e-9;
    const auto target = [&](const gis::TileKey &key) {
        const QRectF rect = viewport.tileScreenRect(key);
        return integralZoom ? snappedToDevicePixels(rect, dpr) : rect;
    };

    snapshot.pieces.reserve(keys.size());
    for (const gis::TileKey &key : keys) {
        const QRectF rect = target(key);
        if (const QImage *image = m_d->cache.object(key)) {
            // Same size in device pixels at an integral zoom: a plain copy, no filtering.
            const bool exact = integralZoom && std::abs(rect.width() * dpr - image->width()) < 1e-6;
            snapshot.pieces.append({*image, QRectF(image->rect()), rect, !exact});
            if (!m_d->isCurrent(*image, dpr)) {
                snapshot.complete = false;
            }
            continue;
        }
        snapshot.complete = false;
        bool drawn = false;
        for (int up = 1; up <= MaxAncestorLevels && up <= key.z(); ++up) {
            const gis::TileKey ancestor = key.ancestorAt(key.z() - up);
            const QImage *image = m_d->cache.object(ancestor);
            if (!image) {
                continue;
            }
            const int factor = 1 << up;
            const qreal part = static_cast<qreal>(image->width()) / factor;
            const QRectF sourceRect((key.x() - ancestor.x() * factor) * part,
                                    (key.y() - ancestor.y() * factor) * part,
                                    part,
                                    part);
            snapshot.pieces.append({*image, sourceRect, rect, true});
            drawn = true;
            break;
        }
        if (drawn) {
            continue;
        }
        // Zooming out: the children loaded before stand in, shrunk.
        for (const gis::TileKey &child : key.children()) {
            if (const QImage *image = child.isValid() ? m_d->cache.object(child) : nullptr) {
                snapshot.pieces.append({*image, QRectF(image->rect()), target(child), true});
            }
        }
    }
    return snapshot;
}

bool TileLayer::paint(QPainter &painter, const MapViewport &viewport) const
{
    const Snapshot pieces = snapshot(viewport);
    TileCompositor::paint(painter, pieces);
    return pieces.complete;
}

int TileLayer::pendingCount() const
{
    return static_cast<int>(m_d->pending.size());
}

} // namespace infrasight::render
