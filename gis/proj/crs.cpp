// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/crs.h"

#include "gis/proj/projcontext.h"

#include <proj.h>

namespace infrasight::gis {

Result<Crs> Crs::fromString(const QString &definition)
{
    QString text = definition.trimmed();
    if (text.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("empty CRS definition"));
    }
    // A PROJ string without +type=crs describes an operation, not a CRS.
    if ((text.startsWith(u'+') || text.startsWith(u"proj=")) && !text.contains(u"type=crs")) {
        text += QStringLiteral(" +type=crs");
    }

    PJ_CONTEXT *context = ProjContext::current();
    if (!context) {
        return fail(ErrorCode::Projection, QStringLiteral("could not create a PROJ context"));
    }
    const QByteArray utf8 = text.toUtf8();
    ProjContext::clearLastError();
    const ProjObjectPtr object(proj_create(context, utf8.constData()));
    if (!object) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("PROJ does not understand the CRS \"%1\"").arg(definition),
                    ProjContext::lastErrorDetail(context));
    }
    if (proj_is_crs(object.get()) == 0) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not a coordinate reference system").arg(definition));
    }

    Crs crs;
    crs.m_definition = text;
    crs.m_description = QString::fromUtf8(proj_get_name(object.get()));
    const char *authority = proj_get_id_auth_name(object.get(), 0);
    const char *code = proj_get_id_code(object.get(), 0);
    if (authority && code) {
        crs.m_authId = QString::fromUtf8(authority) + u':' + QString::fromUtf8(code);
    }
    const PJ_TYPE type = proj_get_type(object.get());
    crs.m_geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
                       || type == PJ_TYPE_GEOGRAPHIC_CRS;
    return crs;
}

Result<Crs> Crs::fromEpsg(int code)
{
    return fromString(QStringLiteral("EPSG:%1").arg(code));
}

Crs Crs::wgs84()
{
    Crs crs;
    crs.m_definition = QStringLiteral("EPSG:4326");
    crs.m_description = QStringLiteral("WGS 84");
    crs.m_authId = crs.m_definition;
    crs.m_geographic = true;
    return crs;
}

Crs Crs::webMercator()
{
    Crs crs;
    crs.m_definition = QStringLiteral("EPSG:3857");
    crs.m_description = QStringLiteral("WGS 84 / Pseudo-Mercator");
    crs.m_authId = crs.m_definition;
    return crs;
}

bool operator==(const Crs &a, const Crs &b)
{
    if (!a.m_authId.isEmpty() && !b.m_authId.isEmpty()) {
        return a.m_authId == b.m_authId;
    }
    return a.m_definition == b.m_definition;
}

} // namespace infrasight::gis
