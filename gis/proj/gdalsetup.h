// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace infrasight::gis {

/// Registers GDAL's drivers once and routes GDAL's error messages to the infrasight.gis logging
/// category. Call from app/ (or a test's main) before any worker thread opens a dataset.
/// Thread-safe and idempotent.
void setupGdal();

} // namespace infrasight::gis
