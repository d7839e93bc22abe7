// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace infrasight::gis {
Q_DECLARE_LOGGING_CATEGORY(lcGis)
} // namespace infrasight::gis
