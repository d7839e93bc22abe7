// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkDiskCache>

namespace infrasight::render {

/// The HTTP disk cache for online tiles: a QNetworkDiskCache that applies the OSM tile usage
/// policy's 7-day floor.
///
/// What the floor means here, precisely: the server's own freshness information is honoured as
/// Qt reads it (Cache-Control max-age wins over Expires; no-cache / must-revalidate make every
/// use a conditional request). When a response (a 200, or a 304 that refreshes an entry) states
/// no lifetime at all - neither max-age nor Expires - the entry is fresh for freshnessFloor()
/// (7 days) from the time it was stored or revalidated, instead of Qt's heuristic of 10 % of
/// the time since Last-Modified. An explicit short lifetime is honoured, not stretched: when it
/// has passed, the tile is revalidated with If-None-Match / If-Modified-Since and a 304 refreshes
/// the entry. Stale entries stay on disk for that revalidation; only the size limit evicts
/// (oldest first).
///
/// Not thread-safe (QNetworkDiskCache is not): give it to exactly one QNetworkAccessManager.
class TileDiskCache : public QNetworkDiskCache
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultMaximumBytes = 500LL * 1024 * 1024;
    static constexpr qint64 FreshnessFloorSecs = 7LL * 24 * 3600;

    /// Uses directory (created if missing) with a size limit of maximumBytes.
    explicit TileDiskCache(const QString &directory,
                           qint64 maximumBytes = DefaultMaximumBytes,
                           QObject *parent = nullptr);

    /// QStandardPaths::CacheLocation + "/tiles".
    static QString defaultDirectory();

    /// The lifetime given to entries whose response states none.
    static qint64 freshnessFloor() { return FreshnessFloorSecs; }

    /// metaData with the floor applied (see the class comment); other entries unchanged.
    static QNetworkCacheMetaData withFreshnessFloor(QNetworkCacheMetaData metaData);

    QIODevice *prepare(const QNetworkCacheMetaData &metaData) override;
    void updateMetaData(const QNetworkCacheMetaData &metaData) override;
};

} // namespace infrasight::render
