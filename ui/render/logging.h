// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace infrasight::render {
Q_DECLARE_LOGGING_CATEGORY(lcRender)
} // namespace infrasight::render
