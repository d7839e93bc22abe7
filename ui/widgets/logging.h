// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace infrasight::ui {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace infrasight::ui
