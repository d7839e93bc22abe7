// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/tilediskcache.h"
#include "ui/render/tilesource.h"
#include "ui/render/tileurltemplate.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

namespace infrasight::render {

/// How an XyzTileSource fetches and caches. Defaults follow the OSM tile usage policy
/// (TECH_NOTES.md section 2); tests shorten the times.
struct XyzTileSourceOptions
{
    TileUrlTemplate urlTemplate;
    QString name;
    QString attribution;
    int minZoom = 0;
    int maxZoom = 19;
    /// Disk cache directory; empty means TileDiskCache::defaultDirectory().
    QString cacheDirectory;
    qint64 cacheMaximumBytes = TileDiskCache::DefaultMaximumBytes;
    /// Requests on the wire at once (visible tiles first).
    int maxRequestsInFlight = 6;
    /// No byte for this long gives up the request (then it is retried).
    int transferTimeoutMs = 15000;
    /// Further attempts after a 5xx, 429, time-out or connection failure.
    int maxRetries = 2;
    /// Wait before the first retry; doubled for each further one.
    int retryBaseDelayMs = 1000;
    /// A failed tile is not asked for again for this long.
    int failedRetryAfterSecs = 300;
};

/// Raster tiles from an XYZ URL template over HTTP(S), polite to the server:
/// - one QNetworkAccessManager with a TileDiskCache (HTTP freshness, 7-day floor, conditional
///   requests on stale entries); never AlwaysNetwork, so never "Cache-Control: no-cache" or
///   "Pragma: no-cache";
/// - userAgent() on every request (never Qt's default);
/// - at most maxRequestsInFlight on the wire, in the order request() gives; tiles that leave
///   the request set are aborted; nothing is prefetched;
/// - 5xx, 429, time-outs and connection failures are retried with doubling back-off, then the
///   tile fails and stays in a small failed set; only a 200 whose body decodes as an image
///   stays in the disk cache (an error answer's entry is removed);
/// - bodies are decoded with QtConcurrent; the owning (GUI) thread never waits.
/// Lives on the thread that creates it; emits tileReady/tileFailed/sourceError there.
class XyzTileSource : public TileSource
{
    Q_OBJECT

public:
    explicit XyzTileSource(XyzTileSourceOptions options, QObject *parent = nullptr);
    ~XyzTileSource() override;

    /// "Infrasight/<version> (+<project URL>)", sent on every request.
    static QByteArray userAgent();

    TileSourceInfo info() const override;
    void request(const QList<gis::TileKey> &keys, qreal devicePixelRatio) override;
    void cancelAll() override;

    /// The URL fetched for key (highDpi: the @2x variant where the template offers one).
    QUrl tileUrl(const gis::TileKey &key, bool highDpi) const;
    /// The disk cache directory in use.
    QString cacheDirectory() const;
    /// Requests on the wire now.
    int requestsInFlight() const;

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace infrasight::render
