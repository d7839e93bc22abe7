// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/logging.h"

namespace infrasight::gis {
Q_LOGGING_CATEGORY(lcGis, "infrasight.gis")
} // namespace infrasight::gis
