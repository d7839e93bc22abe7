// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/gdalsetup.h"

#include "gis/core/logging.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace infrasight::gis {

namespace {

void CPL_STDCALL logGdalError(CPLErr level, CPLErrorNum number, const char *message)
{
    // GDAL's OSM driver warns about rings cut off at the extract's edge; those are expected and
    // are logged at debug level only.
    if (level == CE_Failure || level == CE_Fatal) {
        qCWarning(lcGis).nospace() << "GDAL error " << number << ": " << message;
    } else {
        qCDebug(lcGis).nospace() << "GDAL " << number << ": " << message;
    }
}

} // namespace

void setupGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(logGdalError);
    });
}

} // namespace infrasight::gis
