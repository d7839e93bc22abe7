// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/tilediskcache.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace infrasight::render {

namespace {

bool statesLifetime(const QNetworkCacheMetaData &metaData)
{
    for (const auto &[name, value] : metaData.rawHeaders()) {
        const QByteArray lower = name.toLower();
        if (lower == "expires") {
            return true;
        }
        if (lower == "cache-control") {
            const QByteArray directives = value.toLower();
            if (directives.contains("max-age") || directives.contains("no-cache")
                || directives.contains("must-revalidate")) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

TileDiskCache::TileDiskCache(const QString &directory, qint64 maximumBytes, QObject *parent)
    : QNetworkDiskCache(parent)
{
    QDir().mkpath(directory);
    setCacheDirectory(directory);
    setMaximumCacheSize(maximumBytes > 0 ? maximumBytes : DefaultMaximumBytes);
}

QString TileDiskCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
           + QStringLiteral("/tiles");
}

QNetworkCacheMetaData TileDiskCache::withFreshnessFloor(QNetworkCacheMetaData metaData)
{
    if (metaData.isValid() && !statesLifetime(metaData)) {
        metaData.setExpirationDate(QDateTime::currentDateTimeUtc().addSecs(FreshnessFloorSecs));
    }
    return metaData;
}

QIODevice *TileDiskCache::prepare(const QNetworkCacheMetaData &metaData)
{
    return QNetworkDiskCache::prepare(withFreshnessFloor(metaData));
}

void TileDiskCache::updateMetaData(const QNetworkCacheMetaData &metaData)
{
    QNetworkDiskCache::updateMetaData(withFreshnessFloor(metaData));
}

} // namespace infrasight::render
