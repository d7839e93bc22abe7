// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to gis/proj: owning handles for PROJ objects and the per-thread PROJ context.
// Declares the PROJ types without including proj.h, so that this header may appear in other
// gis/proj headers without leaking PROJ upwards.

#include <QString>

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

    /// Forgets the calling thread's last PROJ error message; call before an operation whose
    /// failure you will report with lastErrorDetail().
    static void clearLastError();

    /// What went wrong, for Error::detail: the last error PROJ logged on this thread since
    /// clearLastError(), else the text of errorCode (or of the context's errno if 0).
    static QString lastErrorDetail(pj_ctx *context, int errorCode = 0);

    /// The last error PROJ logged on this thread since clearLastError(); empty if none.
    static QString lastLoggedError();
};

} // namespace infrasight::gis
