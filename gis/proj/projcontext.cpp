// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/projcontext.h"

#include "gis/core/logging.h"

#include <proj.h>

namespace infrasight::gis {

namespace {

// PROJ's error codes are generic ("Unknown error (code 4096)"); the message it logs just
// before ("crs not found", "could not find required grid(s)") says what went wrong. The log
// callback runs on the thread using the context, so one slot per thread suffices.
thread_local QString lastProjErrorMessage;

void logProjMessage(void * /*appData*/, int level, const char *message)
{
    // PROJ logs every failed lookup as an error; callers get those as Error values, so the log
    // only needs them for debugging.
    qCDebug(lcGis) << "PROJ" << level << message;
    if (level == PJ_LOG_ERROR) {
        lastProjErrorMessage = QString::fromUtf8(message);
    }
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

void ProjContext::clearLastError()
{
    lastProjErrorMessage.clear();
}

QString ProjContext::lastLoggedError()
{
    return lastProjErrorMessage;
}

QString ProjContext::lastErrorDetail(pj_ctx *context, int errorCode)
{
    if (!lastProjErrorMessage.isEmpty()) {
        return lastProjErrorMessage;
    }
    const int error = errorCode != 0 ? errorCode : (context ? proj_context_errno(context) : 0);
    const char *text = error != 0 ? proj_context_errno_string(context, error) : nullptr;
    return text ? QString::fromUtf8(text) : QStringLiteral("unknown PROJ error");
}

} // namespace infrasight::gis
