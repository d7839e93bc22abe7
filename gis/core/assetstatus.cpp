// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/assetstatus.h"

#include <array>

namespace infrasight::gis {

namespace {

constexpr std::array<QStringView, AssetStatusCount - 1> codes{
    u"active", u"inactive", u"faulty", u"planned", u"retired"};

} // namespace

AssetStatus assetStatusFromCode(QStringView code)
{
    for (size_t i = 0; i < codes.size(); ++i) {
        if (codes[i] == code) {
            return AssetStatus(i);
        }
    }
    return AssetStatus::Unknown;
}

QString assetStatusCode(AssetStatus status)
{
    const auto index = size_t(status);
    return index < codes.size() ? codes[index].toString() : QString();
}

} // namespace infrasight::gis
