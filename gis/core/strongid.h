// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QtGlobal>

#include <compare>

namespace infrasight::gis {

/// A typed identifier so that an AssetId cannot be passed where a LayerId is expected:
///   struct AssetTag;  using AssetId = StrongId<AssetTag>;
/// Value 0 means "no id" (database serials start at 1); a default-constructed id is invalid.
template<typename Tag, typename Value = qint64>
class StrongId
{
public:
    constexpr StrongId() = default;

    constexpr explicit StrongId(Value value)
        : m_value(value)
    {}

    constexpr Value value() const { return m_value; }

    constexpr bool isValid() const { return m_value != Value{}; }

    friend constexpr auto operator<=>(const StrongId &, const StrongId &) = default;
    friend constexpr bool operator==(const StrongId &, const StrongId &) = default;

    friend size_t qHash(StrongId id, size_t seed = 0) noexcept { return ::qHash(id.m_value, seed); }

private:
    Value m_value{};
};

} // namespace infrasight::gis
