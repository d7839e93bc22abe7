// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QString>

namespace infrasight::tests {

/// Prepares a test's temporary directory to hold a private PostgreSQL cluster: mode 0755 and,
/// when the test runs as root, owned by the 'postgres' account that the server then runs as
/// (initdb and postgres refuse root). Fails with a clear message if that account is missing.
[[nodiscard]] Result<void> prepareServerDirectory(const QString &path);

} // namespace infrasight::tests
