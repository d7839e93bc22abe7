// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace infrasight::data {

/// One geofence row as a console shows and edits it (see migration 0006 for what rules and
/// schedule mean). shape is lon/lat (EPSG:4326).
struct GeofenceRecord
{
    qint64 id = 0; ///< 0: not saved yet
    QString name;
    QString purpose
        = QStringLiteral("custom"); ///< maintenance_zone, restricted_area, district, custom
    QString colour;                 ///< "#rrggbb", empty for the purpose's colour
    QJsonObject rules;
    QJsonObject schedule; ///< empty: always active
    bool active = true;
    gis::MultiPolygon shape;
    int version = 0;
    QString updatedBy;
    QDateTime updatedAt;

    friend bool operator==(const GeofenceRecord &, const GeofenceRecord &) = default;
};

/// An asset that lies inside a fence.
struct AssetInside
{
    qint64 id = 0;
    QString code;
    QString typeCode;
    QString typeName;
};

} // namespace infrasight::data
