// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/settings.h"

#include "app/console/conninfo.h"

#include <QSettings>

#include <algorithm>
#include <utility>

namespace infrasight::app {

namespace {

QString connectionKey()
{
    return QStringLiteral("connection/conninfo");
}

} // namespace

QString Settings::savedConnection()
{
    return QSettings().value(connectionKey()).toString().trimmed();
}

void Settings::saveConnection(const QString &conninfo)
{
    const QString safe = ConnInfo(conninfo).withoutPassword();
    if (safe.isEmpty()) {
        clearSavedConnection();
        return;
    }
    QSettings().setValue(connectionKey(), safe);
}

void Settings::clearSavedConnection()
{
    QSettings().remove(connectionKey());
}

namespace {

/// Settings words of the map source kinds; stable, written to the file.
constexpr std::pair<ui::MapSourceChoice::Kind, const char *> MapSourceKinds[] = {
    {ui::MapSourceChoice::Kind::Automatic, "auto"},
    {ui::MapSourceChoice::Kind::OpenStreetMap, "osm"},
    {ui::MapSourceChoice::Kind::CustomUrl, "url"},
    {ui::MapSourceChoice::Kind::MbTiles, "mbtiles"},
};

} // namespace

ui::MapSourceChoice Settings::mapSource()
{
    const QSettings settings;
    ui::MapSourceChoice choice;
    const QString kind
        = settings.value(QStringLiteral("map/source"), QStringLiteral("auto")).toString();
    for (const auto &[value, word] : MapSourceKinds) {
        if (kind == QLatin1String(word)) {
            choice.kind = value;
        }
    }
    choice.urlTemplate = settings.value(QStringLiteral("map/urlTemplate")).toString();
    choice.attribution = settings.value(QStringLiteral("map/attribution")).toString();
    choice.mbtilesPath = settings.value(QStringLiteral("map/mbtilesPath")).toString();
    return choice;
}

void Settings::saveMapSource(const ui::MapSourceChoice &choice)
{
    QSettings settings;
    for (const auto &[value, word] : MapSourceKinds) {
        if (choice.kind == value) {
            settings.setValue(QStringLiteral("map/source"), QString::fromLatin1(word));
        }
    }
    settings.setValue(QStringLiteral("map/urlTemplate"), choice.urlTemplate);
    settings.setValue(QStringLiteral("map/attribution"), choice.attribution);
    settings.setValue(QStringLiteral("map/mbtilesPath"), choice.mbtilesPath);
}

qint64 Settings::tileCacheMaximumBytes()
{
    const qint64 megabytes
        = QSettings().value(QStringLiteral("map/tileCacheMegabytes"), 500).toLongLong();
    return std::max<qint64>(megabytes, 10) * 1024 * 1024;
}

QString Settings::cityName()
{
    return QSettings().value(QStringLiteral("map/cityName"), QStringLiteral("Monaco")).toString();
}

} // namespace infrasight::app
