// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <functional>
#include <utility>

namespace infrasight::data {

/// Where a repository call delivers its outcome: called once, on the caller's thread, with the
/// typed value or the Error, and never after the call was cancelled or its context destroyed.
template<typename T>
using Reply = std::function<void(Result<T>)>;

/// A handle on one asynchronous repository call. cancel() stops it: the server statement is
/// cancelled where one runs, and the Reply is not called any more. Copyable; a default-made
/// Request refers to nothing. Cancelling a call that already answered does nothing.
/// GUI thread only (the thread the call was made on).
class Request
{
public:
    Request() = default;

    explicit Request(std::function<void()> cancel)
        : m_cancel(std::move(cancel))
    {}

    void cancel()
    {
        if (auto cancel = std::exchange(m_cancel, {})) {
            cancel();
        }
    }

    /// True until cancel() (whether or not the call answered meanwhile).
    bool isValid() const { return bool(m_cancel); }

private:
    std::function<void()> m_cancel;
};

} // namespace infrasight::data
