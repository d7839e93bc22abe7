// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values AssetQueries decodes from query results. Positions are EPSG:3857 metres.

#include "gis/core/assetstatus.h"
#include "gis/core/featureblock.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace infrasight::data {

/// One row of asset_type, with its department and a row estimate (never an exact count).
struct AssetTypeInfo
{
    qint64 id = 0;
    QString code;                                    ///< "street_light"
    QString name;                                    ///< "Street light"
    gis::FeatureKind kind = gis::FeatureKind::Point; ///< Point, Line or Polygon
    QString symbol;         ///< symbol name, e.g. "lighting" (resources/symbols/<symbol>.svg)
    QString departmentCode; ///< "STL", empty when none
    QString departmentName; ///< "Street Lighting", empty when none
};

/// An asset in a list: identify hits, cluster members, locator results.
struct AssetSummary
{
    qint64 id = 0;
    qint64 typeId = 0;
    QString code;
    QString name;
    QString typeName;
    QString street;
    gis::AssetStatus status = gis::AssetStatus::Unknown;
    QPointF positionMeters; ///< a representative point (the point, or a point on the line/area)
    QRectF extentMeters;    ///< the geometry's bounding box (zero size for a point)
    double distanceMeters = 0.0; ///< identify: distance from the click, in EPSG:3857 metres
};

/// One field of an asset's record, in display order.
struct AssetField
{
    QString name;  ///< column or "attributes.<key>"
    QString value; ///< as text; empty for NULL
};

/// A sensor on an asset with its last value.
struct AssetSensorInfo
{
    qint64 id = 0;
    QString code;
    QString kind;
    QString unit;
    double lastValue = 0.0;
    bool hasLastValue = false;
    QDateTime lastSeen; ///< invalid when never seen
};

/// An open work order on an asset.
struct AssetWorkOrderInfo
{
    qint64 id = 0;
    QString code;
    QString title;
    QString status;
    QString priority;
    QDateTime due; ///< invalid when none
};

/// One change of an asset from audit_log.
struct AssetHistoryEntry
{
    QDateTime at;
    QString user;
    QString action;  ///< INSERT, UPDATE, DELETE
    QString changes; ///< "status: active -> faulty; condition: 2 -> 4" (changed fields only)
};

/// The attribute table's query: what to show, filtered and sorted by the server.
struct AttributeQuery
{
    QList<qint64> typeIds; ///< empty: all types
    QString text;          ///< matches code, name or street (ILIKE, trigram-indexed); empty: all
    QList<qint64> onlyIds; ///< non-empty: only these assets (e.g. "selected only")
    bool onlyIdsActive = false;
    QString sortColumn = QStringLiteral("code"); ///< one of AssetQueries::attributeColumns()
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
};

} // namespace infrasight::data

Q_DECLARE_METATYPE(infrasight::data::AssetSummary)
