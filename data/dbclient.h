// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/queryresult.h"
#include "data/statement.h"
#include "gis/core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace infrasight::data {

class PgSession;

/// Identifies one submitted statement; never 0.
using QueryId = quint64;

/// The outcome of one statement: its rows, or why it failed.
using QueryOutcome = Result<QueryResult>;

enum class ConnectionState {
    Offline,       ///< not connected and not trying (before open(), after close(), or given up)
    Connecting,    ///< first connection attempt in progress
    Connected,     ///< ready for queries
    Reconnecting,  ///< the connection was lost; retrying with backoff
    NeedsPassword, ///< the server wants a password we do not have; waiting for setPassword()
};

/// The console's database client. Lives on the GUI thread and never blocks it: the libpq
/// connection lives on a thread of its own, statements run there one after another, and results
/// come back as queued signals. LISTEN/NOTIFY arrives as notificationReceived(). When the
/// connection is lost, the client reconnects by itself with backoff (0.5 s doubling to 30 s),
/// re-issues every LISTEN and emits reconnected() so that listeners can catch up on what they
/// missed. Statements submitted while not connected fail at once with ErrorCode::Connection; the
/// caller keeps its data and may retry.
/// All public functions must be called from the thread that owns the client.
class DbClient : public QObject
{
    Q_OBJECT

public:
    explicit DbClient(QObject *parent = nullptr);
    /// Cancels what runs, closes the connection and joins the database thread.
    ~DbClient() override;

    /// Starts connecting with a libpq connection string (URI, key=value or service=NAME).
    void open(const QString &conninfo);
    /// Supplies a password after passwordRequired() and retries. Kept in memory only.
    void setPassword(const QString &password);
    /// Closes the connection; state becomes Offline.
    void close();

    /// Queues a parameterised statement; queryFinished() reports its outcome.
    QueryId submit(const QString &sql,
                   const QVariantList &params = {},
                   ResultFormat format = ResultFormat::Text);
    /// Queues a prepared statement (sql, params and result format); the same as above.
    QueryId submit(const Statement &statement);
    /// Queues a statement whose outcome goes to done, called on this thread, unless context
    /// (required) was destroyed or cancel(id) was called first. This is how repositories answer
    /// their caller only; queryFinished() is emitted as well.
    using Completion = std::function<void(const QueryOutcome &outcome)>;
    QueryId submit(const Statement &statement, QObject *context, Completion done);
    /// Cancels a queued or running statement: it finishes with ErrorCode::Cancelled (unless it had
    /// already completed) and its Completion is dropped. Never blocks.
    void cancel(QueryId id);
    /// Subscribes to a NOTIFY channel; kept across reconnects.
    void listen(const QString &channel);

    ConnectionState state() const { return m_state; }

    QString conninfo() const { return m_conninfo; }

    /// The last connection error, for the status bar and the login dialog.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void stateChanged(infrasight::data::ConnectionState state);
    void queryFinished(infrasight::data::QueryId id, const infrasight::data::QueryOutcome &outcome);
    /// Emitted by every submit(), before the statement is queued: what the console sends (for
    /// logs and for tests that check the SQL).
    void statementSubmitted(infrasight::data::QueryId id,
                            const QString &sql,
                            const QVariantList &params);
    void notificationReceived(const QString &channel, const QString &payload);
    /// The connection came back after a loss; LISTENs are active again. Refresh what you show.
    void reconnected();
    void passwordRequired(const QString &message);

private:
    struct PendingCompletion
    {
        QPointer<QObject> context;
        Completion done;
    };

    void handleStateChanged(infrasight::data::ConnectionState state, const QString &error);
    void handleQueryFinished(infrasight::data::QueryId id,
                             const infrasight::data::QueryOutcome &outcome);

    QThread *m_thread = nullptr;
    PgSession *m_session = nullptr; // lives on m_thread; deleted there when it finishes
    std::atomic<QueryId> m_nextId{1};
    QHash<QueryId, PendingCompletion> m_completions;
    ConnectionState m_state = ConnectionState::Offline;
    QString m_conninfo;
    QString m_lastError;
};

} // namespace infrasight::data

Q_DECLARE_METATYPE(infrasight::data::QueryOutcome)
