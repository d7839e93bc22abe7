// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace infrasight::app {
/// The console's own messages (start-up, shutdown, connection changes).
Q_DECLARE_LOGGING_CATEGORY(lcConsole)
/// One line per connection state change ("state: connected") and a heartbeat, written only with
/// --trace-state or INFRASIGHT_TRACE_STATE=1: a plain-text contract for tests and monitoring.
Q_DECLARE_LOGGING_CATEGORY(lcConsoleState)
} // namespace infrasight::app
