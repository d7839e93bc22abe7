// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/crstransformer.h"

#include "gis/proj/projcontext.h"

#include <proj.h>

#include <cmath>

namespace infrasight::gis {

struct CrsTransformer::Private
{
    Crs source;
    Crs target;
    ProjObjectPtr operation;
    PJ_CONTEXT *context = nullptr; // the context `operation` is assigned to
    // What PROJ complained about while choosing operations (e.g. a grid file it could not
    // find); it explains later transform failures better than the errno text.
    QString creationError;

    // PROJ objects use the context they are assigned to for errors and caches; a transformer
    // moved to another thread must switch to that thread's context before use.
    PJ_CONTEXT *bindToCurrentThread()
    {
        PJ_CONTEXT *current = ProjContext::current();
        if (current != context && current) {
            proj_assign_context(operation.get(), current);
            context = current;
        }
        return context;
    }

    QString errorDetail(PJ_CONTEXT *current, int errorCode) const
    {
        const QString detail = ProjContext::lastErrorDetail(current, errorCode);
        return creationError.isEmpty() ? detail : creationError + QStringLiteral("; ") + detail;
    }

    ~Private()
    {
        if (operation) {
            bindToCurrentThread();
        }
    }

    Private() = default;
    Private(const Private &) = delete;
    Private &operator=(const Private &) = delete;
    Private(Private &&) = delete;
    Private &operator=(Private &&) = delete;
};

CrsTransformer::CrsTransformer(std::unique_ptr<Private> data)
    : m_d(std::move(data))
{}

CrsTransformer::CrsTransformer(CrsTransformer &&other) noexcept = default;
CrsTransformer &CrsTransformer::operator=(CrsTransformer &&other) noexcept = default;
CrsTransformer::~CrsTransformer() = default;

Result<CrsTransformer> CrsTransformer::create(const Crs &source, const Crs &target)
{
    if (!source.isValid() || !target.isValid()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("cannot transform from an invalid CRS or to one"));
    }
    PJ_CONTEXT *context = ProjContext::current();
    if (!context) {
        return fail(ErrorCode::Projection, QStringLiteral("could not create a PROJ context"));
    }
    const QByteArray from = source.definition().toUtf8();
    const QByteArray to = target.definition().toUtf8();
    ProjContext::clearLastError();
    ProjObjectPtr raw(proj_create_crs_to_crs(context, from.constData(), to.constData(), nullptr));
    if (!raw) {
        return fail(ErrorCode::Projection,
                    QStringLiteral("no transformation from %1 to %2")
                        .arg(source.definition(), target.definition()),
                    ProjContext::lastErrorDetail(context));
    }
    ProjObjectPtr normalized(proj_normalize_for_visualization(context, raw.get()));
    if (!normalized) {
        return fail(ErrorCode::Projection,
                    QStringLiteral("cannot normalise the axis order from %1 to %2")
                        .arg(source.definition(), target.definition()),
                    ProjContext::lastErrorDetail(context));
    }
    auto data = std::make_unique<Private>();
    data->source = source;
    data->target = target;
    data->operation = std::move(normalized);
    data->context = context;
    data->creationError = ProjContext::lastLoggedError();
    return CrsTransformer(std::move(data));
}

const Crs &CrsTransformer::source() const
{
    return m_d->source;
}

const Crs &CrsTransformer::target() const
{
    return m_d->target;
}

Result<QPointF> CrsTransformer::transform(QPointF point, Direction direction) const
{
    QPointF result = point;
    Result<void> done = transform(std::span<QPointF>(&result, 1), direction);
    if (!done) {
        return tl::unexpected(std::move(done.error()));
    }
    return result;
}

Result<void> CrsTransformer::transform(std::span<QPointF> points, Direction direction) const
{
    if (points.empty()) {
        return {};
    }
    PJ_CONTEXT *context = m_d->bindToCurrentThread();
    PJ *operation = m_d->operation.get();
    proj_errno_reset(operation);
    ProjContext::clearLastError();
    const PJ_DIRECTION projDirection = direction == Direction::Forward ? PJ_FWD : PJ_INV;
    // QPointF is two packed doubles: hand PROJ strided views of x and y, transform in place.
    constexpr size_t Stride = sizeof(QPointF);
    const size_t count = points.size();
    proj_trans_generic(operation,
                       projDirection,
                       &points[0].rx(),
                       Stride,
                       count,
                       &points[0].ry(),
                       Stride,
                       count,
                       nullptr,
                       0,
                       0,
                       nullptr,
                       0,
                       0);
    for (size_t i = 0; i < count; ++i) {
        const QPointF &p = points[i];
        // PROJ marks a failed point with HUGE_VAL (infinity).
        if (!std::isfinite(p.x()) || !std::isfinite(p.y())) {
            return fail(ErrorCode::Projection,
                        QStringLiteral("cannot transform point %1 of %2 from %3 to %4")
                            .arg(i)
                            .arg(count)
                            .arg(direction == Direction::Forward ? m_d->source.definition()
                                                                 : m_d->target.definition(),
                                 direction == Direction::Forward ? m_d->target.definition()
                                                                 : m_d->source.definition()),
                        m_d->errorDetail(context, proj_errno(operation)));
        }
    }
    return {};
}

} // namespace infrasight::gis
