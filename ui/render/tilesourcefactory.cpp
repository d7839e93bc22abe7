// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/tilesourcefactory.h"

#include "ui/render/mbtilessource.h"
#include "ui/render/tileurltemplate.h"
#include "ui/render/xyztilesource.h"

#include <algorithm>

namespace infrasight::render {

TileSourceSettings TileSourceFactory::openStreetMap()
{
    TileSourceSettings settings;
    settings.kind = TileSourceSettings::Kind::OpenStreetMap;
    settings.urlTemplate = QString::fromLatin1(OpenStreetMapUrl);
    settings.name = QStringLiteral("OpenStreetMap");
    settings.attribution = QString::fromUtf8(OpenStreetMapAttribution);
    settings.maxZoom = 19;
    return settings;
}

TileSourceSettings TileSourceFactory::customUrl(const QString &urlTemplate,
                                                const QString &attribution)
{
    TileSourceSettings settings;
    settings.kind = TileSourceSettings::Kind::CustomUrl;
    settings.urlTemplate = urlTemplate;
    settings.attribution = attribution;
    return settings;
}

TileSourceSettings TileSourceFactory::mbTiles(const QString &path)
{
    TileSourceSettings settings;
    settings.kind = TileSourceSettings::Kind::MbTiles;
    settings.mbtilesPath = path;
    return settings;
}

QString TileSourceFactory::kindKey(TileSourceSettings::Kind kind)
{
    switch (kind) {
    case TileSourceSettings::Kind::OpenStreetMap:
        return QStringLiteral("osm");
    case TileSourceSettings::Kind::CustomUrl:
        return QStringLiteral("url");
    case TileSourceSettings::Kind::MbTiles:
        return QStringLiteral("mbtiles");
    }
    return {};
}

std::optional<TileSourceSettings::Kind> TileSourceFactory::kindFromKey(const QString &key)
{
    for (const auto kind : {TileSourceSettings::Kind::OpenStreetMap,
                            TileSourceSettings::Kind::CustomUrl,
                            TileSourceSettings::Kind::MbTiles}) {
        if (kindKey(kind) == key) {
            return kind;
        }
    }
    return std::nullopt;
}

Result<std::unique_ptr<TileSource>> TileSourceFactory::create(const TileSourceSettings &settings)
{
    if (settings.kind == TileSourceSettings::Kind::MbTiles) {
        if (settings.mbtilesPath.trimmed().isEmpty()) {
            return fail(ErrorCode::InvalidArgument, QStringLiteral("No MBTiles file is chosen."));
        }
        auto source = MbTilesSource::open(settings.mbtilesPath);
        if (!source) {
            return tl::unexpected(source.error());
        }
        return std::unique_ptr<TileSource>(std::move(*source));
    }

    const bool osm = settings.kind == TileSourceSettings::Kind::OpenStreetMap;
    const TileSourceSettings preset = osm ? openStreetMap() : settings;
    auto urlTemplate = TileUrlTemplate::parse(preset.urlTemplate, preset.subdomains);
    if (!urlTemplate) {
        return tl::unexpected(urlTemplate.error());
    }
    XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.name
        = preset.name.trimmed().isEmpty() ? urlTemplate->url({0, 0, 0}, false).host() : preset.name;
    options.attribution = preset.attribution;
    options.maxZoom = std::clamp(preset.maxZoom, 0, 22);
    options.cacheDirectory = settings.cacheDirectory;
    options.cacheMaximumBytes = settings.cacheMaximumBytes;
    return std::unique_ptr<TileSource>(std::make_unique<XyzTileSource>(std::move(options)));
}

} // namespace infrasight::render
