// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/logging.h"

namespace infrasight::ui {
Q_LOGGING_CATEGORY(lcUi, "infrasight.ui")
} // namespace infrasight::ui
