// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/projcontext.h"

#include "gis/core/logging.h"

#include <proj.h>

namespace infrasight::gis {

namespace {

void logProjMessage(void * /*appData*/, int level, const char *message)
{
    // PROJ reports every failed lookup as an error; we return those as Error values, so the
    // log only needs them for debugging.
    qCDebug(lcGis) << "PROJ" << level << message;
}

struct ContextDeleter
{
    void operator()(PJ_CONTEXT *context) const noexcept { proj_context_destroy(context); }
};

} // namespace

void ProjObjectDeleter::operator()(PJconsts *object) const noexcept
{
    proj_destroy(object);
}

pj_ctx *ProjContext::current()
{
    thread_local std::unique_ptr<PJ_CONTEXT, ContextDeleter> context = [] {
        std::unique_ptr<PJ_CONTEXT, ContextDeleter> created(proj_context_create());
        if (created) {
            proj_log_func(created.get(), nullptr, logProjMessage);
            proj_context_set_enable_network(created.get(), 0);
        }
        return created;
    }();
    return context.get();
}

const char *ProjContext::lastErrorString(pj_ctx *context)
{
    const int error = proj_context_errno(context);
    const char *text = error != 0 ? proj_context_errno_string(context, error) : nullptr;
    return text ? text : "unknown PROJ error";
}

} // namespace infrasight::gis
