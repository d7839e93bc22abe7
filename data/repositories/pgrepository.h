// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/dbclient.h"
#include "data/repositories/pgchangefeed.h"
#include "data/repositories/request.h"

#include <QPointer>

#include <utility>

namespace infrasight::data {

/// The part every repository over the database client shares: it implements Interface (a
/// Repository) with the client's change feed, and sends each call's statement with call().
/// An implementation derives from PgRepository<ItsInterface> and adds only its own calls. The
/// client must outlive the repository. GUI thread only.
template<typename Interface>
class PgRepository : public Interface
{
public:
    explicit PgRepository(DbClient &client)
        : m_client(client)
        , m_changes(client)
    {}

    ChangeFeed &changes() final { return m_changes; }

protected:
    /// Sends one statement and answers reply, on the caller's thread, with decode(result) or
    /// the statement's Error. decode is `Result<T>(const QueryResult &)`. The returned Request
    /// cancels the statement and drops the answer. context must be non-null; the answer is
    /// dropped when it is destroyed first.
    template<typename T, typename Decode>
    Request call(const Statement &statement, QObject *context, Decode decode, Reply<T> reply)
    {
        const QueryId id = m_client.submit(
            statement,
            context,
            [decode = std::move(decode), reply = std::move(reply)](const QueryOutcome &outcome) {
                if (!outcome) {
                    reply(tl::unexpected(outcome.error()));
                } else {
                    reply(decode(*outcome));
                }
            });
        return Request([client = QPointer<DbClient>(&m_client), id] {
            if (client) {
                client->cancel(id);
            }
        });
    }

    /// For statements whose rows say nothing: success or the Error.
    static Result<void> ignoreRows(const QueryResult &) { return {}; }

private:
    DbClient &m_client;
    PgChangeFeed m_changes;
};

} // namespace infrasight::data
