// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/xyztilesource.h"

#include "gis/core/mercator.h"
#include "gis/core/version.h"
#include "ui/render/logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkCacheMetaData>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>
#include <optional>

namespace infrasight::render {

namespace {

constexpr char CancelledProperty[] = "infrasightCancelled";

/// Decodes a tile body off the GUI thread. An @2x tile (twice the logical size) gets device
/// pixel ratio 2 so it paints at the logical tile size without scaling on a HiDPI screen.
std::optional<QImage> decodeTile(const QByteArray &body, int tileSizePx)
{
    QImage image = QImage::fromData(body);
    if (image.isNull() || image.width() != image.height()) {
        return std::nullopt;
    }
    image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (image.width() >= 2 * tileSizePx) {
        image.setDevicePixelRatio(static_cast<qreal>(image.width()) / tileSizePx);
    }
    return image;
}

/// True for a cache entry that holds a 200 answer.
bool isGoodEntry(const QNetworkCacheMetaData &metaData)
{
    return metaData.isValid()
           && metaData.attributes().value(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
}

bool isConnectionFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
        return true;
    default:
        return false;
    }
}

} // namespace

struct XyzTileSource::Private
{
    XyzTileSource *q = nullptr;
    XyzTileSourceOptions options;
    QNetworkAccessManager *network = nullptr;
    QString cacheDirectory;
    bool highDpi = false;

    QList<gis::TileKey> wanted; ///< the last request() set, most important first
    QList<gis::TileKey> queue;  ///< wanted, not yet on the wire, not decoding
    QHash<gis::TileKey, QNetworkReply *> inFlight;
    QSet<gis::TileKey> decoding;
    QHash<gis::TileKey, int> attempts;     ///< retries used so far
    QHash<gis::TileKey, qint64> retryAtMs; ///< clock time before which a retry waits
    QHash<gis::TileKey, qint64> failedAtMs;
    QHash<gis::TileKey, QUrl> lastUrl; ///< the URL last fetched for a tile
    QElapsedTimer clock;
    QTimer retryTimer;
    QTimer refusedTimer;                         ///< reports refused keys from the event loop
    QList<QPair<gis::TileKey, QString>> refused; ///< keys request() will not fetch, with why
    bool reportedUnreachable = false;

    void pump();
    void start(const gis::TileKey &key);
    void finished(QNetworkReply *reply, const gis::TileKey &key);
    void retryOrFail(const gis::TileKey &key, const QString &reason);
    void markFailed(const gis::TileKey &key, const QString &reason);
    bool serveStale(const gis::TileKey &key, const QString &reason);
    void cancelAll();
    static void cancelReply(QNetworkReply *reply);
    bool recentlyFailed(const gis::TileKey &key);
};

XyzTileSource::XyzTileSource(XyzTileSourceOptions options, QObject *parent)
    : TileSource(parent)
    , m_d(std::make_unique<Private>())
{
    m_d->q = this;
    m_d->options = std::move(options);
    m_d->options.maxRequestsInFlight = std::max(1, m_d->options.maxRequestsInFlight);
    m_d->cacheDirectory = m_d->options.cacheDirectory.isEmpty() ? TileDiskCache::defaultDirectory()
                                                                : m_d->options.cacheDirectory;
    m_d->network = new QNetworkAccessManager(this);
    // The manager owns the cache (QNetworkAccessManager::setCache takes ownership).
    m_d->network->setCache(new TileDiskCache(m_d->cacheDirectory, m_d->options.cacheMaximumBytes));
    m_d->clock.start();
    m_d->retryTimer.setSingleShot(true);
    connect(&m_d->retryTimer, &QTimer::timeout, this, [this] { m_d->pump(); });
    m_d->refusedTimer.setSingleShot(true);
    m_d->refusedTimer.setInterval(0);
    connect(&m_d->refusedTimer, &QTimer::timeout, this, [this] {
        for (const auto &[key, reason] : std::exchange(m_d->refused, {})) {
            Q_EMIT tileFailed(key, reason);
        }
    });
}

XyzTileSource::~XyzTileSource()
{
    m_d->cancelAll();
}

QByteArray XyzTileSource::userAgent()
{
    return QByteArray("Infrasight/") + VersionString + " (+" + ProjectUrl + ")";
}

TileSourceInfo XyzTileSource::info() const
{
    TileSourceInfo info;
    info.name = m_d->options.name;
    info.attribution = m_d->options.attribution;
    info.minZoom = m_d->options.minZoom;
    info.maxZoom = m_d->options.maxZoom;
    info.tileSizePx = gis::DefaultTileSizePx;
    info.offersHighDpi = m_d->options.urlTemplate.offersHighDpi();
    return info;
}

QUrl XyzTileSource::tileUrl(const gis::TileKey &key, bool highDpi) const
{
    return m_d->options.urlTemplate.url(key, highDpi);
}

QString XyzTileSource::cacheDirectory() const
{
    return m_d->cacheDirectory;
}

int XyzTileSource::requestsInFlight() const
{
    return static_cast<int>(m_d->inFlight.size());
}

void XyzTileSource::request(const QList<gis::TileKey> &keys, qreal devicePixelRatio)
{
    m_d->highDpi = m_d->options.urlTemplate.offersHighDpi() && devicePixelRatio >= 1.5;

    QList<gis::TileKey> wanted;
    QList<gis::TileKey> refused;
    QSet<gis::TileKey> seen;
    for (const gis::TileKey &key : keys) {
        if (seen.contains(key)) {
            continue;
        }
        seen.insert(key);
        if (!key.isValid() || key.z() < m_d->options.minZoom || key.z() > m_d->options.maxZoom
            || m_d->recentlyFailed(key)) {
            refused.append(key);
        } else {
            wanted.append(key);
        }
    }

    // Abort what the view no longer needs: never spend the server's bandwidth on tiles the
    // user has panned away from.
    const auto inFlight = m_d->inFlight;
    for (auto it = inFlight.cbegin(); it != inFlight.cend(); ++it) {
        if (!seen.contains(it.key())) {
            m_d->inFlight.remove(it.key());
            m_d->cancelReply(it.value());
        }
    }
    for (auto it = m_d->retryAtMs.begin(); it != m_d->retryAtMs.end();) {
        if (!seen.contains(it.key())) {
            m_d->attempts.remove(it.key());
            it = m_d->retryAtMs.erase(it);
        } else {
            ++it;
        }
    }

    m_d->wanted = wanted;
    m_d->queue.clear();
    for (const gis::TileKey &key : std::as_const(wanted)) {
        if (!m_d->inFlight.contains(key) && !m_d->decoding.contains(key)) {
            m_d->queue.append(key);
        }
    }
    m_d->pump();

    for (const gis::TileKey &key : std::as_const(refused)) {
        const QString reason = key.isValid() && m_d->recentlyFailed(key)
                                   ? QStringLiteral("failed recently; not asked for again yet")
                                   : QStringLiteral("outside the source's zoom range");
        // Told from the event loop: a receiver that calls request() from its slot must not
        // re-enter this one.
        m_d->refused.append({key, reason});
    }
    if (!m_d->refused.isEmpty()) {
        m_d->refusedTimer.start();
    }
}

void XyzTileSource::cancelAll()
{
    m_d->cancelAll();
}

void XyzTileSource::Private::cancelAll()
{
    wanted.clear();
    queue.clear();
    retryAtMs.clear();
    attempts.clear();
    retryTimer.stop();
    const auto replies = std::exchange(inFlight, {});
    for (QNetworkReply *reply : replies) {
        cancelReply(reply);
    }
}

void XyzTileSource::Private::cancelReply(QNetworkReply *reply)
{
    reply->setProperty(CancelledProperty, true);
    reply->abort();
    reply->deleteLater();
}

bool XyzTileSource::Private::recentlyFailed(const gis::TileKey &key)
{
    const auto it = failedAtMs.constFind(key);
    if (it == failedAtMs.cend()) {
        return false;
    }
    if (clock.elapsed() - it.value() > options.failedRetryAfterSecs * 1000LL) {
        failedAtMs.erase(it);
        return false;
    }
    return true;
}

void XyzTileSource::Private::pump()
{
    const qint64 now = clock.elapsed();
    qint64 nextRetry = std::numeric_limits<qint64>::max();
    for (auto it = queue.begin(); it != queue.end();) {
        if (inFlight.size() >= options.maxRequestsInFlight) {
            break;
        }
        const qint64 retryAt = retryAtMs.value(*it, 0);
        if (retryAt > now) {
            nextRetry = std::min(nextRetry, retryAt);
            ++it;
            continue;
        }
        const gis::TileKey key = *it;
        it = queue.erase(it);
        start(key);
    }
    for (const gis::TileKey &key : std::as_const(queue)) {
        const qint64 retryAt = retryAtMs.value(key, 0);
        if (retryAt > now) {
            nextRetry = std::min(nextRetry, retryAt);
        }
    }
    if (nextRetry != std::numeric_limits<qint64>::max()) {
        retryTimer.start(static_cast<int>(std::max<qint64>(0, nextRetry - now)));
    }
}

void XyzTileSource::Private::start(const gis::TileKey &key)
{
    retryAtMs.remove(key);
    QNetworkRequest request(options.urlTemplate.url(key, highDpi));
    lastUrl.insert(key, request.url());
    request.setHeader(QNetworkRequest::UserAgentHeader, XyzTileSource::userAgent());
    // PreferNetwork uses a fresh cache entry without a request and revalidates a stale one
    // with If-None-Match / If-Modified-Since. AlwaysNetwork would send "no-cache": never.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::PreferNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, true);
    request.setTransferTimeout(options.transferTimeoutMs);
    QNetworkReply *reply = network->get(request);
    inFlight.insert(key, reply);
    QObject::connect(
        reply, &QNetworkReply::finished, q, [this, reply, key] { finished(reply, key); });
}

void XyzTileSource::Private::finished(QNetworkReply *reply, const gis::TileKey &key)
{
    if (reply->property(CancelledProperty).toBool()) {
        return; // aborted on purpose; already deleted later and out of inFlight
    }
    reply->deleteLater();
    if (inFlight.value(key) == reply) {
        inFlight.remove(key);
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QUrl url = reply->request().url();
    QAbstractNetworkCache *cache = network->cache();

    if (error == QNetworkReply::NoError && status == 200) {
        const QByteArray body = reply->readAll();
        decoding.insert(key);
        QtConcurrent::run([body] {
            return decodeTile(body, gis::DefaultTileSizePx);
        }).then(q, [this, key, url](const std::optional<QImage> &image) {
            decoding.remove(key);
            if (!image) {
                // A 200 that is not an image must not stay in the cache.
                network->cache()->remove(url);
                markFailed(key, QStringLiteral("the server sent data that is not an image"));
            } else {
                attempts.remove(key);
                failedAtMs.remove(key);
                reportedUnreachable = false;
                Q_EMIT q->tileReady(key, *image);
            }
            pump();
        });
        pump();
        return;
    }
    // Qt reports the cached entry's status (200) when a revalidation fails, so the error code
    // decides what kind of failure this is; the status only where it is the server's own.
    const bool fromCache = reply->attribute(QNetworkRequest::SourceIsFromCacheAttribute).toBool();
    const bool serverError = (error >= QNetworkReply::InternalServerError
                              && error <= QNetworkReply::UnknownServerError)
                             || (!fromCache && (status >= 500 || status == 429));
    const bool contentError = (error >= QNetworkReply::ContentAccessDenied
                               && error <= QNetworkReply::UnknownContentError)
                              || (!fromCache && status >= 400 && status < 500);
    if (serverError || contentError) {
        // An error answer never stays in the cache. A good earlier (stale) entry stays for a
        // server error, so the tile can still be shown; a 4xx says the tile is gone.
        if (contentError || !isGoodEntry(cache->metaData(url))) {
            cache->remove(url);
        }
        const QString reason
            = fromCache
                  ? reply->errorString()
                  : QStringLiteral("HTTP %1 %2 for %3")
                        .arg(status)
                        .arg(
                            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
                            url.toDisplayString());
        if (serverError) {
            retryOrFail(key, reason);
        } else {
            markFailed(key, reason);
        }
    } else if (error == QNetworkReply::OperationCanceledError
               || error == QNetworkReply::TimeoutError) {
        retryOrFail(key,
                    QStringLiteral("no answer from %1 within %2 s")
                        .arg(url.host())
                        .arg(options.transferTimeoutMs / 1000.0));
    } else if (isConnectionFailure(error)) {
        const QString reason = QStringLiteral("cannot reach the tile server %1:%2 (%3)")
                                   .arg(url.host())
                                   .arg(url.port(url.scheme() == u"https" ? 443 : 80))
                                   .arg(reply->errorString());
        retryOrFail(key, reason);
    } else {
        markFailed(key, reply->errorString());
    }
    pump();
}

void XyzTileSource::Private::retryOrFail(const gis::TileKey &key, const QString &reason)
{
    const int used = attempts.value(key, 0);
    if (used < options.maxRetries && wanted.contains(key)) {
        attempts.insert(key, used + 1);
        const qint64 delay = static_cast<qint64>(options.retryBaseDelayMs) << used;
        retryAtMs.insert(key, clock.elapsed() + delay);
        qCDebug(lcRender) << "tile" << key << "retry" << used + 1 << "in" << delay
                          << "ms:" << reason;
        // Back in the queue at its place in the request order.
        const qsizetype wantedIndex = wanted.indexOf(key);
        qsizetype insertAt = 0;
        while (insertAt < queue.size() && wanted.indexOf(queue.at(insertAt)) < wantedIndex) {
            ++insertAt;
        }
        queue.insert(insertAt, key);
        return;
    }
    const QString message
        = used > 0 ? QStringLiteral("%1, gave up after %2 attempts").arg(reason).arg(used + 1)
                   : reason;
    if (reason.startsWith(QStringLiteral("cannot reach")) && !reportedUnreachable) {
        reportedUnreachable = true;
        Q_EMIT q->sourceError(QStringLiteral("Map tiles are unavailable: ") + message);
    }
    if (!serveStale(key, message)) {
        markFailed(key, message);
    }
}

bool XyzTileSource::Private::serveStale(const gis::TileKey &key, const QString &reason)
{
    // The server is down or failing: a stale copy beats a hole in the map. It is not asked
    // for again until failedRetryAfterSecs have passed.
    QAbstractNetworkCache *cache = network->cache();
    const QUrl url = lastUrl.value(key);
    if (!isGoodEntry(cache->metaData(url))) {
        return false;
    }
    const std::unique_ptr<QIODevice> stored(cache->data(url));
    if (!stored) {
        return false;
    }
    const QByteArray body = stored->readAll();
    attempts.remove(key);
    retryAtMs.remove(key);
    failedAtMs.insert(key, clock.elapsed());
    decoding.insert(key);
    qCDebug(lcRender) << "tile" << key << "shown from a stale cache entry:" << reason;
    QtConcurrent::run([body] {
        return decodeTile(body, gis::DefaultTileSizePx);
    }).then(q, [this, key, reason](const std::optional<QImage> &image) {
        decoding.remove(key);
        if (image) {
            Q_EMIT q->tileReady(key, *image);
        } else {
            markFailed(key, reason);
        }
        pump();
    });
    return true;
}

void XyzTileSource::Private::markFailed(const gis::TileKey &key, const QString &reason)
{
    attempts.remove(key);
    retryAtMs.remove(key);
    failedAtMs.insert(key, clock.elapsed());
    qCDebug(lcRender) << "tile" << key << "failed:" << reason;
    Q_EMIT q->tileFailed(key, reason);
}

} // namespace infrasight::render
