// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"
#include "ui/render/mapviewport.h"
#include "ui/render/tilelayer.h"
#include "ui/render/tilesource.h"

#include <QFuture>
#include <QList>
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>

namespace infrasight::render {

/// The basemap of one view, loaded for a headless render.
struct LoadedBasemap
{
    /// What to put in MapSettings::basemap; pieces for every tile that arrived (nearest cached
    /// ancestors stand in for tiles that failed, as on screen).
    TileLayer::Snapshot snapshot;
    /// Tiles that failed or did not arrive in time, problems the source reported, a cancel.
    QList<Error> errors;
};

/// How long BasemapLoader::load() waits, and how to stop it early.
struct BasemapLoadOptions
{
    /// A load still missing tiles after this long resolves with what it has (and an Error).
    std::chrono::milliseconds timeout{30000};
    /// Raised from any thread, the load resolves (with a Cancelled error) within PollMs.
    std::shared_ptr<const std::atomic_bool> cancel;
};

/// Loads every tile a view needs for a headless render (a PDF report, `infrasightctl report`),
/// so the render itself never waits: load() returns a QFuture that resolves once each tile
/// arrived or failed, the time-out passed or the cancel flag was raised. No nested event loop,
/// no blocking: the tiles come through the source's signals on the loader's thread.
///
/// Thread: create, use and destroy the loader on one thread that runs an event loop (the GUI
/// thread of the console, the main thread of a command-line tool). The future resolves on that
/// thread: continue with QFuture::then(context, ...) there, or wait for it from another
/// thread (a worker preparing a report); never waitForFinished() on the loader's own thread,
/// which would never get the tiles. MBTiles reads are synchronous underneath but still arrive
/// through the source's worker thread; an XYZ source fetches over the network with its disk
/// cache and usage-policy limits.
///
/// The loader owns its source: give it one of its own (TileSourceFactory makes one), not the
/// canvas's, since a source serves one request set at a time.
class BasemapLoader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BasemapLoader)

public:
    /// How often the cancel flag is looked at while a load waits.
    static constexpr int PollMs = 50;

    explicit BasemapLoader(std::unique_ptr<TileSource> source, QObject *parent = nullptr);
    /// Resolves a load still waiting with a Cancelled error.
    ~BasemapLoader() override;

    TileSourceInfo info() const;

    /// Asks for the tiles view shows (use MapSettings::basemapViewport() for a print) and
    /// resolves with their snapshot. A load started while another waits replaces it (the
    /// earlier one resolves at once with a Cancelled error). Already loaded tiles are kept in
    /// memory, so loading the same view again resolves at once.
    [[nodiscard]] QFuture<LoadedBasemap> load(const MapViewport &view,
                                              const BasemapLoadOptions &options = {});

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace infrasight::render
