// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geobounds.h"
#include "gis/core/result.h"
#include "gis/core/tilekey.h"
#include "ui/render/basemaprenderer.h"

#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace infrasight::render {

/// What to build.
struct TileBuildOptions
{
    gis::GeoBounds bounds; ///< the area to cover (lon/lat degrees)
    int minZoom = 12;
    int maxZoom = 18;
    int scale = 1; ///< 1: 256-px tiles; 2: 512-px (@2x) tiles
    QString name;  ///< the MBTiles "name" metadata
    QString description;
};

/// Where a build has got to.
struct TileBuildProgress
{
    qint64 total = 0;    ///< tiles the build covers
    qint64 present = 0;  ///< of those, found in the file before the build started
    qint64 rendered = 0; ///< rendered and written by this build so far
    double seconds = 0;  ///< since the build started
};

/// Builds an MBTiles basemap: renders every tile of the options' bounds and zoom range that
/// the file does not already hold (so an interrupted build resumes where it stopped), in
/// parallel over the global QThreadPool (one QImage per job, all reading the same immutable
/// BasemapData), encodes them as PNG and writes them from the calling thread in batched
/// transactions. Each finished batch is committed, so a cancelled build keeps its work.
class TileBuilder
{
public:
    using ProgressCallback = std::function<void(const TileBuildProgress &)>;

    explicit TileBuilder(TileBuildOptions options);

    /// The tiles covering bounds at zooms minZoom..maxZoom, zoom by zoom, row by row.
    static std::vector<gis::TileKey>
    tilesFor(const gis::GeoBounds &bounds, int minZoom, int maxZoom);

    /// Called from the calling thread after each written batch.
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    /// When *cancel becomes true the build stops after the batch in flight, keeping the tiles
    /// written so far, and fails with ErrorCode::Cancelled.
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    /// How many of the options' tiles the file at path lacks (all if it does not exist).
    [[nodiscard]] Result<qint64> missingTileCount(const QString &path) const;

    /// Builds into path (created if missing; metadata rewritten). Returns the final progress.
    [[nodiscard]] Result<TileBuildProgress> build(const QString &path,
                                                  const BasemapRenderer &renderer);

private:
    TileBuildOptions m_options;
    ProgressCallback m_progress;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace infrasight::render
