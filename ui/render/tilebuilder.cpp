// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/tilebuilder.h"

#include "gis/core/tilerange.h"
#include "ui/render/mbtileswriter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace infrasight::render {

namespace {

QByteArray encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Opaque tiles: RGB PNGs are a quarter smaller than RGBA ones.
    image.convertToFormat(QImage::Format_RGB32).save(&buffer, "PNG");
    return bytes;
}

} // namespace

TileBuilder::TileBuilder(TileBuildOptions options)
    : m_options(std::move(options))
{}

std::vector<gis::TileKey>
TileBuilder::tilesFor(const gis::GeoBounds &bounds, int minZoom, int maxZoom)
{
    std::vector<gis::TileKey> keys;
    for (int z = std::max(0, minZoom); z <= std::min(maxZoom, gis::TileKey::MaxZoom); ++z) {
        const std::vector<gis::TileKey> level = gis::TileRange::covering(bounds, z).tiles();
        keys.insert(keys.end(), level.begin(), level.end());
    }
    return keys;
}

Result<qint64> TileBuilder::missingTileCount(const QString &path) const
{
    const std::vector<gis::TileKey> wanted
        = tilesFor(m_options.bounds, m_options.minZoom, m_options.maxZoom);
    if (!QFileInfo::exists(path)) {
        return qint64(wanted.size());
    }
    auto writer = MbtilesWriter::open(path);
    if (!writer) {
        return tl::unexpected(writer.error());
    }
    auto present = (*writer)->existingTiles(m_options.minZoom, m_options.maxZoom);
    if (!present) {
        return tl::unexpected(present.error());
    }
    return qint64(std::count_if(wanted.begin(), wanted.end(), [&](const gis::TileKey &key) {
        return !present->contains(key);
    }));
}

Result<TileBuildProgress> TileBuilder::build(const QString &path, const BasemapRenderer &renderer)
{
    if (!m_options.bounds.isValid() || m_options.minZoom < 0
        || m_options.minZoom > m_options.maxZoom || m_options.maxZoom > 22) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("invalid bounds or zoom range %1-%2")
                        .arg(m_options.minZoom)
                        .arg(m_options.maxZoom));
    }
    QElapsedTimer clock;
    clock.start();
    auto writer = MbtilesWriter::open(path);
    if (!writer) {
        return tl::unexpected(writer.error());
    }
    MbtilesMetadata metadata;
    metadata.name = m_options.name.isEmpty() ? QFileInfo(path).completeBaseName() : m_options.name;
    metadata.description = m_options.description;
    metadata.bounds = m_options.bounds;
    metadata.minZoom = m_options.minZoom;
    metadata.maxZoom = m_options.maxZoom;
    metadata.centerZoom = std::clamp(15, m_options.minZoom, m_options.maxZoom);
    if (auto written = (*writer)->writeMetadata(metadata); !written) {
        return tl::unexpected(written.error());
    }
    auto present = (*writer)->existingTiles(m_options.minZoom, m_options.maxZoom);
    if (!present) {
        return tl::unexpected(present.error());
    }
    const std::vector<gis::TileKey> wanted
        = tilesFor(m_options.bounds, m_options.minZoom, m_options.maxZoom);
    std::vector<gis::TileKey> missing;
    for (const gis::TileKey &key : wanted) {
        if (!present->contains(key)) {
            missing.push_back(key);
        }
    }
    TileBuildProgress progress;
    progress.total = qint64(wanted.size());
    progress.present = progress.total - qint64(missing.size());
    if (m_progress) {
        m_progress(progress);
    }

    const int scale = m_options.scale;
    const std::atomic_bool *cancel = m_cancel;
    auto isCancelled = [cancel] {
        return cancel && cancel->load();
    };
    using Encoded = std::pair<gis::TileKey, QByteArray>;
    std::function<Encoded(const gis::TileKey &)> renderTile
        = [&renderer, scale, isCancelled](const gis::TileKey &key) -> Encoded {
        if (isCancelled()) {
            return {key, QByteArray()};
        }
        return {key, encodePng(renderer.render(key, scale))};
    };

    // Render batch n+1 on the pool while this thread writes batch n.
    const size_t batchSize
        = size_t(std::max(16, QThreadPool::globalInstance()->maxThreadCount() * 24));
    std::vector<Encoded> pending;
    auto writePending = [&]() -> Result<void> {
        std::erase_if(pending, [](const Encoded &tile) { return tile.second.isEmpty(); });
        if (pending.empty()) {
            return {};
        }
        if (auto written = (*writer)->writeTiles(pending); !written) {
            return tl::unexpected(written.error());
        }
        progress.rendered += qint64(pending.size());
        progress.seconds = double(clock.elapsed()) / 1000.0;
        pending.clear();
        if (m_progress) {
            m_progress(progress);
        }
        return {};
    };
    for (size_t begin = 0; begin < missing.size() && !isCancelled(); begin += batchSize) {
        const std::vector<gis::TileKey> batch(
            missing.begin() + qsizetype(begin),
            missing.begin() + qsizetype(std::min(missing.size(), begin + batchSize)));
        QFuture<Encoded> future = QtConcurrent::mapped(batch, renderTile);
        if (auto written = writePending(); !written) {
            future.waitForFinished();
            return tl::unexpected(written.error());
        }
        future.waitForFinished();
        const QList<Encoded> results = future.results();
        pending.assign(results.begin(), results.end());
    }
    if (auto written = writePending(); !written) {
        return tl::unexpected(written.error());
    }
    progress.seconds = double(clock.elapsed()) / 1000.0;
    if (isCancelled()) {
        return fail(ErrorCode::Cancelled,
                    QStringLiteral("tile build cancelled after %1 of %2 tiles; run it again to "
                                   "resume")
                        .arg(progress.present + progress.rendered)
                        .arg(progress.total));
    }
    return progress;
}

} // namespace infrasight::render
