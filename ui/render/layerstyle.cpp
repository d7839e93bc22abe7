// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/layerstyle.h"

#include <array>

namespace infrasight::render {

namespace {

// Indexed by AssetStatus: active, inactive, faulty, planned, retired, unknown.
constexpr std::array<QRgb, gis::AssetStatusCount> StatusPalette{
    0xff2e9d4a, // active: green
    0xff8a9097, // inactive: grey
    0xffd7263d, // faulty: red
    0xff2f6fd0, // planned: blue
    0xff4b5057, // retired: dark grey
    0xffb4b8bd, // unknown: light grey
};

// Indexed by condition 0 (unknown) .. 5 (very poor): grey, then green -> yellow -> red.
constexpr std::array<QRgb, 6> ConditionRamp{
    0xffb4b8bd,
    0xff2e9d4a,
    0xff8cbf3f,
    0xffeebf2a,
    0xfff07b2c,
    0xffd7263d,
};

} // namespace

QColor LayerStyle::featureColor(gis::AssetStatus status, std::uint8_t condition) const
{
    switch (colorBy) {
    case ColorBy::Fixed:
        return color;
    case ColorBy::Status:
        return statusColor(status);
    case ColorBy::Condition:
        return conditionColor(condition);
    }
    return color;
}

QColor LayerStyle::statusColor(gis::AssetStatus status)
{
    const auto index = size_t(status);
    return QColor::fromRgb(
        StatusPalette[index < StatusPalette.size() ? index : size_t(gis::AssetStatus::Unknown)]);
}

QColor LayerStyle::conditionColor(std::uint8_t condition)
{
    return QColor::fromRgb(ConditionRamp[condition < ConditionRamp.size() ? condition : 0]);
}

} // namespace infrasight::render
