// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/request.h"
#include "gis/core/result.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTest>

#include <optional>
#include <utility>

namespace infrasight::tests {

/// Makes one asynchronous repository call and runs the event loop until it answers, for tests
/// of the repositories themselves: start(context, reply) makes the call. Returns the answer, or
/// an ErrorCode::Internal error when none came within timeoutMs.
template<typename T, typename Start>
Result<T> awaitReply(Start start, int timeoutMs = 10000)
{
    std::optional<Result<T>> answer;
    QObject context;
    start(&context, data::Reply<T>([&answer](Result<T> result) { answer = std::move(result); }));
    const QDeadlineTimer deadline(timeoutMs);
    while (!answer && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    if (!answer) {
        return fail(ErrorCode::Internal, QStringLiteral("no answer within %1 ms").arg(timeoutMs));
    }
    return std::move(*answer);
}

} // namespace infrasight::tests
