// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/settings.h"

#include "app/console/conninfo.h"

#include <QSettings>

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

QString Settings::cityName()
{
    return QSettings().value(QStringLiteral("map/cityName"), QStringLiteral("Monaco")).toString();
}

} // namespace infrasight::app
