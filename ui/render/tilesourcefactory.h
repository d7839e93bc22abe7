// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"
#include "ui/render/tilediskcache.h"
#include "ui/render/tilesource.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace infrasight::render {

/// What the settings store about the basemap: one of three presets and its parameters.
struct TileSourceSettings
{
    enum class Kind {
        OpenStreetMap, ///< https://tile.openstreetmap.org/{z}/{x}/{y}.png
        CustomUrl,     ///< urlTemplate (see TileUrlTemplate)
        MbTiles,       ///< the MBTiles file at mbtilesPath
    };

    Kind kind = Kind::OpenStreetMap;
    QString urlTemplate;    ///< CustomUrl only
    QStringList subdomains; ///< CustomUrl only, for {s}; default a, b, c
    QString name;           ///< CustomUrl: shown to the user; default the template's host
    QString attribution;    ///< CustomUrl: shown on the map
    int maxZoom = 19;       ///< CustomUrl
    QString mbtilesPath;    ///< MbTiles only
    /// HTTP disk cache; empty directory means TileDiskCache::defaultDirectory().
    QString cacheDirectory;
    qint64 cacheMaximumBytes = TileDiskCache::DefaultMaximumBytes;
};

/// Builds tile sources from settings: the presets of the basemap setting.
class TileSourceFactory
{
public:
    static constexpr char OpenStreetMapUrl[] = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    static constexpr char OpenStreetMapAttribution[] = "© OpenStreetMap contributors";

    static TileSourceSettings openStreetMap();
    static TileSourceSettings customUrl(const QString &urlTemplate,
                                        const QString &attribution = {});
    static TileSourceSettings mbTiles(const QString &path);

    /// Settings key of a kind: "osm", "url", "mbtiles".
    static QString kindKey(TileSourceSettings::Kind kind);
    static std::optional<TileSourceSettings::Kind> kindFromKey(const QString &key);

    /// A source for settings, owned by the caller (usually handed to TileLayer::setSource).
    /// Fails with a message for the user on a malformed URL template (InvalidArgument) or a
    /// missing or corrupt MBTiles file (NotFound / Io / InvalidArgument). Opening an MBTiles
    /// file reads its metadata synchronously (a few milliseconds).
    [[nodiscard]] static Result<std::unique_ptr<TileSource>>
    create(const TileSourceSettings &settings);
};

} // namespace infrasight::render
