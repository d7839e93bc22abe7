// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ingest/unitconverter.h"

#include <array>

namespace infrasight::data {

namespace {

enum class Quantity {
    Concentration,
    SoundLevel,
    TrafficFlow,
    Pressure,
    Share,
    Length,
    Temperature
};

/// value in the quantity's base unit = value * factor + offset.
struct Unit
{
    const char16_t *name;
    Quantity quantity;
    double factor;
    double offset;
};

// Base units: µg/m³, dB(A), vehicles/h, bar, %, m, °C.
constexpr std::array Units{
    Unit{u"µg/m³", Quantity::Concentration, 1.0, 0.0},
    Unit{u"ug/m3", Quantity::Concentration, 1.0, 0.0},
    Unit{u"µg/m3", Quantity::Concentration, 1.0, 0.0},
    Unit{u"mg/m³", Quantity::Concentration, 1000.0, 0.0},
    Unit{u"mg/m3", Quantity::Concentration, 1000.0, 0.0},
    Unit{u"dB(A)", Quantity::SoundLevel, 1.0, 0.0},
    Unit{u"dBA", Quantity::SoundLevel, 1.0, 0.0},
    Unit{u"vehicles/h", Quantity::TrafficFlow, 1.0, 0.0},
    Unit{u"veh/h", Quantity::TrafficFlow, 1.0, 0.0},
    Unit{u"vehicles/min", Quantity::TrafficFlow, 60.0, 0.0},
    Unit{u"veh/min", Quantity::TrafficFlow, 60.0, 0.0},
    Unit{u"bar", Quantity::Pressure, 1.0, 0.0},
    Unit{u"mbar", Quantity::Pressure, 1e-3, 0.0},
    Unit{u"hPa", Quantity::Pressure, 1e-3, 0.0},
    Unit{u"kPa", Quantity::Pressure, 1e-2, 0.0},
    Unit{u"Pa", Quantity::Pressure, 1e-5, 0.0},
    Unit{u"psi", Quantity::Pressure, 0.0689475729, 0.0},
    Unit{u"%", Quantity::Share, 1.0, 0.0},
    Unit{u"ratio", Quantity::Share, 100.0, 0.0},
    Unit{u"m", Quantity::Length, 1.0, 0.0},
    Unit{u"cm", Quantity::Length, 0.01, 0.0},
    Unit{u"mm", Quantity::Length, 0.001, 0.0},
    Unit{u"km", Quantity::Length, 1000.0, 0.0},
    Unit{u"ft", Quantity::Length, 0.3048, 0.0},
    Unit{u"°C", Quantity::Temperature, 1.0, 0.0},
    Unit{u"degC", Quantity::Temperature, 1.0, 0.0},
    Unit{u"°F", Quantity::Temperature, 5.0 / 9.0, -32.0 * 5.0 / 9.0},
    Unit{u"degF", Quantity::Temperature, 5.0 / 9.0, -32.0 * 5.0 / 9.0},
    Unit{u"K", Quantity::Temperature, 1.0, -273.15},
};

const Unit *find(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const Unit &unit : Units) {
        if (trimmed == QStringView(unit.name)) {
            return &unit;
        }
    }
    return nullptr;
}

} // namespace

std::optional<double> UnitConverter::convert(double value, QStringView from, QStringView to)
{
    if (from.trimmed().isEmpty() || from.trimmed() == to.trimmed()) {
        return value;
    }
    const Unit *source = find(from);
    const Unit *target = find(to);
    if (source == nullptr || target == nullptr || source->quantity != target->quantity) {
        return std::nullopt;
    }
    const double base = value * source->factor + source->offset;
    return (base - target->offset) / target->factor;
}

bool UnitConverter::isKnown(QStringView unit)
{
    return find(unit) != nullptr;
}

} // namespace infrasight::data
