// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>

namespace infrasight::gis {

/// An asset's status as the database stores it (asset.status CHECK constraint), as a small
/// number for compact feature storage and styling. Unknown stands for anything else.
enum class AssetStatus : std::uint8_t {
    Active = 0,
    Inactive = 1,
    Faulty = 2,
    Planned = 3,
    Retired = 4,
    Unknown = 5,
};

/// The number of AssetStatus values (for tables indexed by status).
inline constexpr int AssetStatusCount = 6;

/// "active" -> Active, ...; anything else -> Unknown.
AssetStatus assetStatusFromCode(QStringView code);

/// The database code: Active -> "active"; Unknown -> "".
QString assetStatusCode(AssetStatus status);

} // namespace infrasight::gis
