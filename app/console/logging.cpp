// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/logging.h"

namespace infrasight::app {
Q_LOGGING_CATEGORY(lcConsole, "infrasight.console", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConsoleState, "infrasight.console.state", QtInfoMsg)
} // namespace infrasight::app
