// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logging.h"

namespace infrasight::models {
Q_LOGGING_CATEGORY(lcModels, "infrasight.models")
} // namespace infrasight::models
