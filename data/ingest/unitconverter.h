// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace infrasight::data {

/// Converts a reading's value from the unit a feed sent to the unit its sensor stores (the
/// sensor table's unit). Knows the units of the city's sensors and their usual variants:
/// concentration (µg/m³, mg/m³, ug/m3), sound level (dB(A), dBA), traffic (vehicles/h, veh/h,
/// vehicles/min), pressure (bar, mbar, hPa, kPa, Pa, psi), share (%, ratio), length (m, cm, mm,
/// km, ft) and temperature (°C, degC, °F, K). Units are matched exactly after trimming, except
/// for the ASCII spellings listed. Stateless and thread-safe.
class UnitConverter
{
public:
    /// The value in unit `to`; no value when either unit is unknown or they measure different
    /// things (bar to %). An empty `from` means the sensor's own unit: the value is returned
    /// unchanged. Units that are the same (after aliases) return the value unchanged.
    static std::optional<double> convert(double value, QStringView from, QStringView to);

    /// True if the unit is one the converter knows.
    static bool isKnown(QStringView unit);
};

} // namespace infrasight::data
