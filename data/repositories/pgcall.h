// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/dbclient.h"
#include "data/repositories/request.h"

#include <QPointer>

#include <utility>

namespace infrasight::data {

/// Sends one statement for a repository call and answers reply, on the caller's thread, with
/// decode(result) or the statement's Error. decode is `Result<T>(const QueryResult &)`. The
/// returned Request cancels the statement and drops the answer. context must be non-null; the
/// answer is dropped when it is destroyed first. Internal to the Pg repositories.
template<typename T, typename Decode>
Request pgCall(DbClient &client,
               const Statement &statement,
               QObject *context,
               Decode decode,
               Reply<T> reply)
{
    const QueryId id = client.submit(
        statement,
        context,
        [decode = std::move(decode), reply = std::move(reply)](const QueryOutcome &outcome) {
            if (!outcome) {
                reply(tl::unexpected(outcome.error()));
            } else {
                reply(decode(*outcome));
            }
        });
    return Request([client = QPointer<DbClient>(&client), id] {
        if (client) {
            client->cancel(id);
        }
    });
}

/// For statements whose rows say nothing: success or the Error.
inline Result<void> ignoreRows(const QueryResult &)
{
    return {};
}

} // namespace infrasight::data
