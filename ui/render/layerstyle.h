// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/assetstatus.h"
#include "gis/core/featureblock.h"

#include <QColor>
#include <QString>

#include <cstdint>

namespace infrasight::render {

/// How one vector layer is drawn. A plain value, safe to copy into render jobs.
struct LayerStyle
{
    enum class ColorBy { Fixed, Status, Condition };

    gis::FeatureKind kind = gis::FeatureKind::Point;
    /// Points: the pictogram, resources/symbols/<symbol>.svg (":/symbols/<symbol>.svg"); empty or
    /// unknown draws a plain dot.
    QString symbol;
    ColorBy colorBy = ColorBy::Status;
    QColor color = QColor(0x1f, 0x6f, 0xb4);         ///< fixed colour; line colour; polygon outline
    QColor fillColor = QColor(0x1f, 0x6f, 0xb4, 60); ///< polygons
    double lineWidth = 1.5;                          ///< logical pixels
    Qt::PenStyle lineStyle = Qt::SolidLine;
    double symbolSize = 18.0; ///< logical pixels

    /// The colour of a feature: color, or by status / condition.
    QColor featureColor(gis::AssetStatus status, std::uint8_t condition) const;

    /// The status palette (active green, faulty red, planned blue, inactive and retired grey).
    static QColor statusColor(gis::AssetStatus status);
    /// The condition ramp, 1 (very good, green) .. 5 (very poor, red); 0 (unknown) grey.
    static QColor conditionColor(std::uint8_t condition);

    friend bool operator==(const LayerStyle &, const LayerStyle &) = default;
};

} // namespace infrasight::render
