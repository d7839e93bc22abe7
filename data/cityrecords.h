// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values about the connected city as a whole.

#include <QList>
#include <QString>

namespace infrasight::data {

/// One asset type with the number of its assets.
struct AssetTypeCount
{
    QString name;         ///< "Street light"
    QString code;         ///< "street_light"; also the symbol's resource name
    QString geometryKind; ///< "point", "line" or "polygon"
    qint64 count = 0;

    friend bool operator==(const AssetTypeCount &, const AssetTypeCount &) = default;
};

/// What the console shows about the connected city.
struct CitySummary
{
    QList<AssetTypeCount> types; ///< by count, then name; empty types too
    qint64 sensors = 0;
    qint64 openWorkOrders = 0;
    QString cityName; ///< from the base map's places or districts; empty when there is none

    friend bool operator==(const CitySummary &, const CitySummary &) = default;
};

} // namespace infrasight::data
