// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"

namespace infrasight::tests {

/// A square fence of size degrees with its south-west corner at (west, south), counter-clockwise
/// and closed, as the geofence tests draw them.
gis::MultiPolygon fenceBox(double west, double south, double size);

} // namespace infrasight::tests
