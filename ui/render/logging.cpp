// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/logging.h"

namespace infrasight::render {
Q_LOGGING_CATEGORY(lcRender, "infrasight.render")
} // namespace infrasight::render
