// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/basemaploader.h"

#include <QPromise>
#include <QTimer>

#include <exception>
#include <optional>

namespace infrasight::render {

namespace {

/// Failed tiles named in an error's detail at most (the count says the rest).
constexpr int MaxNamedFailures = 5;

QString keyText(const gis::TileKey &key)
{
    return QStringLiteral("%1/%2/%3").arg(key.z()).arg(key.x()).arg(key.y());
}

} // namespace

struct BasemapLoader::Private
{
    explicit Private(BasemapLoader *owner)
        : poll(owner)
    {}

    QFuture<LoadedBasemap> start(const MapViewport &view, const BasemapLoadOptions &options);
    /// Resolves the waiting load if every tile is in (or finished says why it ends now).
    void check();
    void finish(std::optional<Error> reason);

    TileLayer layer;
    TileSourceInfo info;
    QTimer poll;
    std::optional<QPromise<LoadedBasemap>> promise;
    MapViewport view;
    BasemapLoadOptions options;
    std::chrono::steady_clock::time_point deadline;
    QStringList failures;
    QList<Error> sourceErrors;
};

QFuture<LoadedBasemap> BasemapLoader::Private::start(const MapViewport &loadView,
                                                     const BasemapLoadOptions &loadOptions)
{
    view = loadView;
    options = loadOptions;
    deadline = std::chrono::steady_clock::now() + options.timeout;
    failures.clear();
    sourceErrors.clear();
    promise.emplace();
    promise->start();
    QFuture<LoadedBasemap> future = promise->future();
    try {
        layer.update(view);
    } catch (const std::exception &exception) {
        // A source is outside code: its failure is this load's error, not the caller's crash.
        finish(Error{ErrorCode::Internal,
                     QStringLiteral("the tile source failed to take the request"),
                     QString::fromLocal8Bit(exception.what()),
                     {}});
        return future;
    }
    check(); // every tile cached already: resolved here
    if (promise) {
        poll.start();
    }
    return future;
}

void BasemapLoader::Private::check()
{
    if (!promise) {
        return;
    }
    if (layer.pendingCount() == 0) {
        finish(std::nullopt);
    } else if (options.cancel && options.cancel->load()) {
        finish(Error{
            ErrorCode::Cancelled, QStringLiteral("loading the basemap was cancelled"), {}, {}});
    } else if (std::chrono::steady_clock::now() >= deadline) {
        finish(Error{ErrorCode::Io,
                     QStringLiteral("%1 basemap tiles did not arrive within %2 ms")
                         .arg(layer.pendingCount())
                         .arg(options.timeout.count()),
                     {},
                     {}});
    }
}

void BasemapLoader::Private::finish(std::optional<Error> reason)
{
    poll.stop();
    LoadedBasemap loaded;
    loaded.snapshot = layer.snapshot(view);
    loaded.errors = sourceErrors;
    if (!failures.isEmpty()) {
        QStringList named = failures.mid(0, MaxNamedFailures);
        if (failures.size() > MaxNamedFailures) {
            named.append(QStringLiteral("…"));
        }
        loaded.errors.append(
            Error{ErrorCode::Io,
                  QStringLiteral("%1 basemap tiles could not be loaded").arg(failures.size()),
                  named.join(QStringLiteral("; ")),
                  {}});
    }
    if (reason) {
        loaded.errors.append(*reason);
    }
    // Taken out first: a continuation run at finish() may start the next load.
    QPromise<LoadedBasemap> done = std::move(*promise);
    promise.reset();
    done.addResult(std::move(loaded));
    done.finish();
}

BasemapLoader::BasemapLoader(std::unique_ptr<TileSource> source, QObject *parent)
    : QObject(parent)
    , m_d(std::make_unique<Private>(this))
{
    m_d->info = source ? source->info() : TileSourceInfo{};
    m_d->poll.setInterval(PollMs);
    connect(&m_d->poll, &QTimer::timeout, this, [this] { m_d->check(); });
    if (source) {
        // Connected before the layer's own handlers, so a failure is noted before the layer
        // says the tile is no longer pending.
        connect(source.get(),
                &TileSource::tileFailed,
                this,
                [this](const gis::TileKey &key, const QString &reason) {
                    if (m_d->promise) {
                        m_d->failures.append(keyText(key) + QStringLiteral(": ") + reason);
                    }
                });
        connect(source.get(), &TileSource::sourceError, this, [this](const QString &message) {
            if (m_d->promise) {
                m_d->sourceErrors.append(Error{ErrorCode::Io, message, {}, {}});
            }
        });
    }
    m_d->layer.setSource(std::move(source));
    connect(&m_d->layer, &TileLayer::changed, this, [this] { m_d->check(); });
}

BasemapLoader::~BasemapLoader()
{
    if (m_d->promise) {
        m_d->finish(Error{
            ErrorCode::Cancelled, QStringLiteral("the basemap loader was destroyed"), {}, {}});
    }
}

TileSourceInfo BasemapLoader::info() const
{
    return m_d->info;
}

QFuture<LoadedBasemap> BasemapLoader::load(const MapViewport &view,
                                           const BasemapLoadOptions &options)
{
    if (m_d->promise) {
        m_d->finish(Error{ErrorCode::Cancelled,
                          QStringLiteral("a newer basemap load replaced this one"),
                          {},
                          {}});
    }
    return m_d->start(view, options);
}

} // namespace infrasight::render
