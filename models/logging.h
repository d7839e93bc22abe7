// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace infrasight::models {
Q_DECLARE_LOGGING_CATEGORY(lcModels)
} // namespace infrasight::models
