// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fenceshapes.h"

namespace infrasight::tests {

gis::MultiPolygon fenceBox(double west, double south, double size)
{
    return {{gis::Polygon{{{{west, south},
                            {west + size, south},
                            {west + size, south + size},
                            {west, south + size},
                            {west, south}}}}}};
}

} // namespace infrasight::tests
