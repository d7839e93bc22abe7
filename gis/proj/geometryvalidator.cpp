// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/geometryvalidator.h"

#include "gis/core/wkb.h"

#include <algorithm>

#include <geos_c.h>

namespace infrasight::gis {

namespace {

extern "C" void geosMessage(const char *format, void *userdata)
{
    // GEOS formats its messages printf-style; keep the last one for the error we return.
    auto *last = static_cast<QString *>(userdata);
    *last = QString::fromUtf8(format);
}

} // namespace

struct GeometryValidator::Context
{
    GEOSContextHandle_t handle = GEOS_init_r();
    QString lastError;

    Context()
    {
        GEOSContext_setErrorMessageHandler_r(handle, geosMessage, &lastError);
        GEOSContext_setNoticeMessageHandler_r(handle, nullptr, nullptr);
    }

    ~Context() { GEOS_finish_r(handle); }

    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    /// Owns a GEOS geometry.
    struct Deleter
    {
        GEOSContextHandle_t handle;

        void operator()(GEOSGeometry *g) const { GEOSGeom_destroy_r(handle, g); }
    };

    using GeomPtr = std::unique_ptr<GEOSGeometry, Deleter>;

    GeomPtr fromGeometry(const Geometry &geometry)
    {
        const QByteArray wkb = encodeWkb(geometry);
        GEOSWKBReader *reader = GEOSWKBReader_create_r(handle);
        GEOSGeometry *g = GEOSWKBReader_read_r(
            handle, reader, reinterpret_cast<const unsigned char *>(wkb.constData()), wkb.size());
        GEOSWKBReader_destroy_r(handle, reader);
        return GeomPtr(g, Deleter{handle});
    }

    Result<Geometry> toGeometry(const GEOSGeometry *g)
    {
        GEOSWKBWriter *writer = GEOSWKBWriter_create_r(handle);
        size_t size = 0;
        unsigned char *bytes = GEOSWKBWriter_write_r(handle, writer, g, &size);
        GEOSWKBWriter_destroy_r(handle, writer);
        if (bytes == nullptr) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("GEOS could not write the geometry"),
                        lastError);
        }
        auto decoded
            = decodeWkb(QByteArrayView(reinterpret_cast<const char *>(bytes), qsizetype(size)));
        GEOSFree_r(handle, bytes);
        return decoded;
    }

    /// The polygons of a geometry (a Polygon, a MultiPolygon, or those in a collection).
    static MultiPolygon polygonsOf(const Geometry &geometry)
    {
        MultiPolygon out;
        if (const auto *polygon = geometry.as<Polygon>()) {
            out.polygons.push_back(*polygon);
        } else if (const auto *multi = geometry.as<MultiPolygon>()) {
            out = *multi;
        } else if (const auto *collection = geometry.as<GeometryCollection>()) {
            for (const Geometry &part : collection->geometries) {
                const MultiPolygon more = polygonsOf(part);
                out.polygons.insert(out.polygons.end(), more.polygons.begin(), more.polygons.end());
            }
        }
        return out;
    }
};

GeometryValidator::GeometryValidator()
    : m_context(std::make_unique<Context>())
{}

GeometryValidator::~GeometryValidator() = default;

ValidityReport GeometryValidator::check(const MultiPolygon &shape) const
{
    if (shape.polygons.empty()) {
        return {false, QStringLiteral("No area"), std::nullopt};
    }
    // Rings GEOS would refuse to even build: fewer than 3 distinct vertices, or not closed.
    for (const Polygon &polygon : shape.polygons) {
        for (const std::vector<QPointF> &ring : polygon.rings) {
            std::vector<QPointF> distinct;
            for (const QPointF &p : ring) {
                if (std::find(distinct.begin(), distinct.end(), p) == distinct.end()) {
                    distinct.push_back(p);
                }
            }
            if (distinct.size() < 3) {
                return {false,
                        QStringLiteral("Too few points"),
                        ring.empty() ? std::nullopt : std::optional<QPointF>(ring.front())};
            }
            if (ring.front() != ring.back()) {
                return {false, QStringLiteral("Ring not closed"), ring.front()};
            }
        }
    }
    const auto g = m_context->fromGeometry(shape);
    if (!g) {
        return {false, m_context->lastError, std::nullopt};
    }
    char *reason = nullptr;
    GEOSGeometry *location = nullptr;
    const char valid = GEOSisValidDetail_r(m_context->handle, g.get(), 0, &reason, &location);
    ValidityReport report;
    if (valid != 1) {
        report.valid = false;
        report.reason = reason != nullptr ? QString::fromUtf8(reason) : m_context->lastError;
        if (location != nullptr) {
            double x = 0;
            double y = 0;
            if (GEOSGeomGetX_r(m_context->handle, location, &x) == 1
                && GEOSGeomGetY_r(m_context->handle, location, &y) == 1) {
                report.location = QPointF(x, y);
            }
        }
    } else {
        double area = 0;
        if (GEOSArea_r(m_context->handle, g.get(), &area) == 1 && area <= 0) {
            report
                = {false, QStringLiteral("No area"), shape.polygons.front().rings.front().front()};
        }
    }
    if (reason != nullptr) {
        GEOSFree_r(m_context->handle, reason);
    }
    if (location != nullptr) {
        GEOSGeom_destroy_r(m_context->handle, location);
    }
    return report;
}

Result<MultiPolygon> GeometryValidator::repair(const MultiPolygon &shape) const
{
    const auto g = m_context->fromGeometry(shape);
    if (!g) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The shape cannot be read for repair"),
                    m_context->lastError);
    }
    GEOSMakeValidParams *params = GEOSMakeValidParams_create_r(m_context->handle);
    GEOSMakeValidParams_setMethod_r(m_context->handle, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(m_context->handle, params, 0);
    const Context::GeomPtr fixed(GEOSMakeValidWithParams_r(m_context->handle, g.get(), params),
                                 Context::Deleter{m_context->handle});
    GEOSMakeValidParams_destroy_r(m_context->handle, params);
    if (!fixed) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("GEOS could not repair the shape"),
                    m_context->lastError);
    }
    auto geometry = m_context->toGeometry(fixed.get());
    if (!geometry) {
        return tl::unexpected(geometry.error());
    }
    MultiPolygon polygons = Context::polygonsOf(*geometry);
    if (polygons.polygons.empty()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Nothing with an area is left after repair"));
    }
    return polygons;
}

Result<MultiPolygon> GeometryValidator::buffer(const Geometry &shape, double distance) const
{
    const auto g = m_context->fromGeometry(shape);
    if (!g) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The shape cannot be read"),
                    m_context->lastError);
    }
    const Context::GeomPtr grown(
        GEOSBufferWithStyle_r(
            m_context->handle, g.get(), distance, 8, GEOSBUF_CAP_ROUND, GEOSBUF_JOIN_ROUND, 5.0),
        Context::Deleter{m_context->handle});
    if (!grown) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("GEOS could not buffer the shape"),
                    m_context->lastError);
    }
    auto geometry = m_context->toGeometry(grown.get());
    if (!geometry) {
        return tl::unexpected(geometry.error());
    }
    return Context::polygonsOf(*geometry);
}

} // namespace infrasight::gis
