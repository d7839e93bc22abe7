// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to gis/proj: owning handles for PROJ objects and the per-thread PROJ context.
// Declares the PROJ types without including proj.h, so that this header may appear in other
// gis/proj headers without leaking PROJ upwards.

#include <memory>

struct pj_ctx;   // PJ_CONTEXT in proj.h
struct PJconsts; // PJ in proj.h

namespace infrasight::gis {

struct ProjObjectDeleter
{
    void operator()(PJconsts *object) const noexcept;
};

/// Owns a PJ (CRS, operation ...). Destroy it on the thread that last used it.
using ProjObjectPtr = std::unique_ptr<PJconsts, ProjObjectDeleter>;

/// The calling thread's PROJ context: one per thread, created on first use (network access
/// off, PROJ messages routed to the infrasight.gis logging category at debug level) and
/// destroyed when the thread ends. Never share the returned pointer with another thread.
/// PROJ objects must not outlive the context they are assigned to: do not keep them in
/// thread_local storage.
class ProjContext
{
public:
    /// The context of the calling thread; nullptr only if PROJ could not allocate one.
    static pj_ctx *current();

    /// The text of the context's last error (proj_context_errno_string), e.g. for Error::detail.
    static const char *lastErrorString(pj_ctx *context);
};

} // namespace infrasight::gis
