// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/pg/pghandles.h"
#include "data/queryresult.h"
#include "gis/core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace infrasight::data {

/// One NOTIFY as the server delivered it.
struct PgNotification
{
    QString channel;
    QString payload;
    int senderPid = 0;
};

/// One libpq connection, used by exactly one thread at a time (libpq's rule). All calls block the
/// calling thread while the server works: call them from the database thread, the command-line
/// tool or a test, never from the GUI thread. Its header is public, the implementation stays in
/// data/pg/ with the rest of libpq. requestCancel() is the exception: it may be called
/// from any thread to cancel the statement running now.
class PgConnection
{
public:
    /// Connects with a libpq connection string: a URI, "key=value" pairs or "service=NAME";
    /// multi-host strings with target_session_attrs pass through unchanged. password, if not empty,
    /// overrides ~/.pgpass for this connection only and is never written anywhere.
    /// stop, if given, is polled while connecting so that a shutdown is not held up by a dead host.
    /// Fails with ErrorCode::Authentication when the server wants a password we do not have.
    [[nodiscard]] static Result<std::unique_ptr<PgConnection>> open(const QString &conninfo,
                                                                    const QString &password = {},
                                                                    const std::atomic_bool *stop
                                                                    = nullptr);

    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    /// Runs one parameterised statement ($1, $2, ... bound from params; see encodePgParams).
    [[nodiscard]] Result<QueryResult> exec(const QString &sql,
                                           const QVariantList &params = {},
                                           ResultFormat format = ResultFormat::Text);

    /// Runs a script of several statements with no parameters (migrations, fixed DDL only: never
    /// pass text that came from a user).
    [[nodiscard]] Result<void> execScript(const QString &sql);

    /// Runs "COPY ... FROM STDIN". produce() fills the next chunk and returns false when there is
    /// nothing more; an empty chunk with true is skipped. Returns the number of rows copied.
    [[nodiscard]] Result<qint64> copyIn(const QString &copySql,
                                        const std::function<bool(QByteArray &chunk)> &produce);

    /// Runs "COPY ... TO STDOUT"; consume() gets each row's bytes and may return false to stop.
    [[nodiscard]] Result<qint64> copyOut(const QString &copySql,
                                         const std::function<bool(const QByteArray &row)> &consume);

    /// LISTEN on a channel (quoted as an identifier, so any text is safe).
    [[nodiscard]] Result<void> listen(const QString &channel);

    /// Reads what the server has sent without blocking and returns the notifications received so
    /// far. Fails with ErrorCode::Connection if the connection is broken.
    [[nodiscard]] Result<QList<PgNotification>> pollNotifications();

    /// Cancels the statement running on this connection now, from any thread. Harmless if idle.
    void requestCancel();

    bool isBroken() const;
    /// The socket to watch for incoming notifications, or -1.
    int socket() const;
    int backendPid() const;
    QString user() const;
    QString database() const;
    /// e.g. 150018 for 15.18
    int serverVersion() const;

private:
    explicit PgConnection(PgConnPtr conn);
    Error lastError(ErrorCode fallback, const QString &what) const;
    Result<QueryResult> takeResult(PgResultPtr result, ResultFormat format, const QString &sql);

    PgConnPtr m_conn;
    std::mutex m_cancelMutex;
    PgCancelPtr m_cancel;
};

/// Quotes text as an SQL identifier ("a""b"), for the few places where a name cannot be a
/// parameter (LISTEN, CREATE DATABASE). Never use it for values.
QString quoteIdentifier(const QString &name);

} // namespace infrasight::data
