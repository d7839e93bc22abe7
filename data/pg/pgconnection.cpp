// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/pgconnection.h"

#include "data/pg/pgtypes.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>

#include <libpq-fe.h>

#include <poll.h>

namespace infrasight::data {

Q_LOGGING_CATEGORY(lcPg, "infrasight.data.pg")

namespace {

// A host that never answers must not hold up start-up or shutdown for long; libpq enforces
// connect_timeout only in its blocking connect, so the polling loop keeps its own deadline.
constexpr int ConnectTimeoutMs = 15000;

ErrorCode codeForSqlState(const QString &sqlState)
{
    if (sqlState == u"42501") {
        return ErrorCode::PermissionDenied;
    }
    if (sqlState == u"57014") {
        return ErrorCode::Cancelled;
    }
    if (sqlState.startsWith(u"28")) {
        return ErrorCode::Authentication;
    }
    if (sqlState.startsWith(u"08") || sqlState == u"57P01" || sqlState == u"57P02"
        || sqlState == u"57P03") {
        return ErrorCode::Connection;
    }
    if (sqlState == u"40001") {
        return ErrorCode::Conflict;
    }
    return ErrorCode::Query;
}

QString field(const PGresult *result, int code)
{
    const char *value = PQresultErrorField(result, code);
    return value ? QString::fromUtf8(value) : QString();
}

Error errorFromResult(const PGresult *result, const QString &sql)
{
    Error error;
    error.sqlState = field(result, PG_DIAG_SQLSTATE);
    error.code = codeForSqlState(error.sqlState);
    error.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    if (error.message.isEmpty()) {
        error.message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    }
    QStringList detail;
    if (const QString d = field(result, PG_DIAG_MESSAGE_DETAIL); !d.isEmpty()) {
        detail << d;
    }
    if (const QString h = field(result, PG_DIAG_MESSAGE_HINT); !h.isEmpty()) {
        detail << QStringLiteral("hint: ") + h;
    }
    if (const QString w = field(result, PG_DIAG_CONTEXT); !w.isEmpty()) {
        detail << QStringLiteral("context: ") + w;
    }
    error.detail = detail.join(QStringLiteral("; "));
    qCDebug(lcPg) << "statement failed:" << error.sqlState << error.message << "in"
                  << sql.left(200);
    return error;
}

} // namespace

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

Result<std::unique_ptr<PgConnection>>
PgConnection::open(const QString &conninfo, const QString &password, const std::atomic_bool *stop)
{
    const QByteArray info = conninfo.toUtf8();
    const QByteArray pass = password.toUtf8();
    // expand_dbname=1: "dbname" holds the whole connection string (URI, key=value or
    // service=NAME), so every libpq feature, multi-host and target_session_attrs included,
    // passes through untouched. Keywords after it override it.
    std::vector<const char *> keys{"dbname", "fallback_application_name"};
    std::vector<const char *> values{info.constData(), "infrasight"};
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(pass.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    PgConnPtr conn(PQconnectStartParams(keys.data(), values.data(), 1));
    if (!conn) {
        return fail(ErrorCode::Internal, QStringLiteral("libpq could not allocate a connection"));
    }
    auto connectError = [&conn]() {
        const QString message = QString::fromUtf8(PQerrorMessage(conn.get())).trimmed();
        const ErrorCode code = PQconnectionNeedsPassword(conn.get()) ? ErrorCode::Authentication
                               : message.contains(u"password authentication failed")
                                   ? ErrorCode::Authentication
                                   : ErrorCode::Connection;
        return fail(code, QStringLiteral("could not connect to the database"), message);
    };
    if (PQstatus(conn.get()) == CONNECTION_BAD) {
        return connectError();
    }

    QDeadlineTimer deadline(ConnectTimeoutMs);
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK) {
        if (status == PGRES_POLLING_FAILED) {
            return connectError();
        }
        // The socket may change between PQconnectPoll calls (libpq docs), so ask every time.
        pollfd pfd{
            PQsocket(conn.get()), short(status == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        int ready = 0;
        while (ready == 0) {
            if (stop && stop->load()) {
                return fail(ErrorCode::Cancelled, QStringLiteral("connection attempt cancelled"));
            }
            if (deadline.hasExpired()) {
                return fail(ErrorCode::Connection,
                            QStringLiteral("could not connect to the database"),
                            QStringLiteral("timed out after %1 s").arg(ConnectTimeoutMs / 1000));
            }
            ready = ::poll(&pfd, 1, 100);
        }
        status = PQconnectPoll(conn.get());
    }
    return std::unique_ptr<PgConnection>(new PgConnection(std::move(conn)));
}

PgConnection::PgConnection(PgConnPtr conn)
    : m_conn(std::move(conn))
    , m_cancel(PQgetCancel(m_conn.get()))
{
    PQsetClientEncoding(m_conn.get(), "UTF8");
    // Server notices (and the FATAL text of a terminated session) go to our log, not to stderr.
    PQsetNoticeProcessor(
        m_conn.get(),
        [](void *, const char *message) {
            qCDebug(lcPg) << "server notice:" << QString::fromUtf8(message).trimmed();
        },
        nullptr);
}

PgConnection::~PgConnection()
{
    std::lock_guard lock(m_cancelMutex);
    m_cancel.reset();
}

Error PgConnection::lastError(ErrorCode fallback, const QString &what) const
{
    const bool broken = PQstatus(m_conn.get()) == CONNECTION_BAD;
    return Error{broken ? ErrorCode::Connection : fallback,
                 what,
                 QString::fromUtf8(PQerrorMessage(m_conn.get())).trimmed(),
                 {}};
}

Result<QueryResult>
PgConnection::takeResult(PgResultPtr result, ResultFormat format, const QString &sql)
{
    if (!result) {
        return tl::unexpected(lastError(ErrorCode::Connection, QStringLiteral("no result")));
    }
    switch (PQresultStatus(result.get())) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_SINGLE_TUPLE:
        break;
    default: {
        Error error = errorFromResult(result.get(), sql);
        if (PQstatus(m_conn.get()) == CONNECTION_BAD) {
            error.code = ErrorCode::Connection;
        }
        return tl::unexpected(error);
    }
    }
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    QStringList names;
    QList<quint32> types;
    names.reserve(columns);
    types.reserve(columns);
    for (int c = 0; c < columns; ++c) {
        names << QString::fromUtf8(PQfname(result.get(), c));
        types << PQftype(result.get(), c);
    }
    QList<QByteArray> cells;
    cells.reserve(qsizetype(rows) * columns);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result.get(), r, c)) {
                cells << QByteArray();
            } else {
                // Never null, also for an empty value: a null QByteArray means SQL NULL.
                cells << QByteArray(PQgetvalue(result.get(), r, c),
                                    PQgetlength(result.get(), r, c));
            }
        }
    }
    const QByteArray affected = PQcmdTuples(result.get());
    return QueryResult(std::move(names),
                       std::move(types),
                       format,
                       std::move(cells),
                       affected.isEmpty() ? -1 : affected.toLongLong());
}

Result<QueryResult>
PgConnection::exec(const QString &sql, const QVariantList &params, ResultFormat format)
{
    const QByteArray statement = sql.toUtf8();
    const PgParams p = encodePgParams(params);
    PgResultPtr result(PQexecParams(m_conn.get(),
                                    statement.constData(),
                                    int(params.size()),
                                    p.types.data(),
                                    p.values.data(),
                                    p.lengths.data(),
                                    p.formats.data(),
                                    int(format)));
    return takeResult(std::move(result), format, sql);
}

Result<void> PgConnection::execScript(const QString &sql)
{
    PgResultPtr result(PQexec(m_conn.get(), sql.toUtf8().constData()));
    auto outcome = takeResult(std::move(result), ResultFormat::Text, sql);
    if (!outcome) {
        return tl::unexpected(outcome.error());
    }
    return {};
}

Result<qint64> PgConnection::copyIn(const QString &copySql,
                                    const std::function<bool(QByteArray &chunk)> &produce)
{
    PgResultPtr start(PQexec(m_conn.get(), copySql.toUtf8().constData()));
    if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN) {
        auto outcome = takeResult(std::move(start), ResultFormat::Text, copySql);
        return tl::unexpected(outcome ? Error{ErrorCode::InvalidArgument,
                                              QStringLiteral("not a COPY FROM STDIN statement"),
                                              {},
                                              {}}
                                      : outcome.error());
    }
    QByteArray chunk;
    bool more = true;
    while (more) {
        chunk.clear();
        more = produce(chunk);
        if (!chunk.isEmpty()
            && PQputCopyData(m_conn.get(), chunk.constData(), int(chunk.size())) != 1) {
            return tl::unexpected(lastError(ErrorCode::Connection, QStringLiteral("COPY failed")));
        }
    }
    if (PQputCopyEnd(m_conn.get(), nullptr) != 1) {
        return tl::unexpected(lastError(ErrorCode::Connection, QStringLiteral("COPY failed")));
    }
    Result<QueryResult> outcome = QueryResult();
    while (PgResultPtr next{PQgetResult(m_conn.get())}) {
        outcome = takeResult(std::move(next), ResultFormat::Text, copySql);
    }
    if (!outcome) {
        return tl::unexpected(outcome.error());
    }
    return outcome->affectedRows();
}

Result<qint64> PgConnection::copyOut(const QString &copySql,
                                     const std::function<bool(const QByteArray &row)> &consume)
{
    PgResultPtr start(PQexec(m_conn.get(), copySql.toUtf8().constData()));
    if (!start || PQresultStatus(start.get()) != PGRES_COPY_OUT) {
        auto outcome = takeResult(std::move(start), ResultFormat::Text, copySql);
        return tl::unexpected(outcome ? Error{ErrorCode::InvalidArgument,
                                              QStringLiteral("not a COPY TO STDOUT statement"),
                                              {},
                                              {}}
                                      : outcome.error());
    }
    qint64 rows = 0;
    bool wanted = true;
    for (;;) {
        char *buffer = nullptr;
        const int length = PQgetCopyData(m_conn.get(), &buffer, 0);
        if (length < 0) {
            break;
        }
        if (wanted) {
            wanted = consume(QByteArray(buffer, length));
            if (!wanted) {
                requestCancel();
            }
        }
        PQfreemem(buffer);
        ++rows;
    }
    Result<QueryResult> outcome = QueryResult();
    while (PgResultPtr next{PQgetResult(m_conn.get())}) {
        outcome = takeResult(std::move(next), ResultFormat::Text, copySql);
    }
    if (!outcome && wanted) {
        return tl::unexpected(outcome.error());
    }
    return rows;
}

Result<void> PgConnection::listen(const QString &channel)
{
    auto outcome = exec(QStringLiteral("LISTEN ") + quoteIdentifier(channel));
    if (!outcome) {
        return tl::unexpected(outcome.error());
    }
    return {};
}

Result<QList<PgNotification>> PgConnection::pollNotifications()
{
    if (PQconsumeInput(m_conn.get()) == 0) {
        return tl::unexpected(
            lastError(ErrorCode::Connection, QStringLiteral("lost the database connection")));
    }
    QList<PgNotification> received;
    // Drain every pending notification, not just one per wake-up (the QGIS listener lag bug).
    while (PGnotify *notify = PQnotifies(m_conn.get())) {
        received.append(PgNotification{
            QString::fromUtf8(notify->relname), QString::fromUtf8(notify->extra), notify->be_pid});
        PQfreemem(notify);
    }
    if (PQstatus(m_conn.get()) == CONNECTION_BAD) {
        return tl::unexpected(
            lastError(ErrorCode::Connection, QStringLiteral("lost the database connection")));
    }
    return received;
}

void PgConnection::requestCancel()
{
    std::lock_guard lock(m_cancelMutex);
    if (m_cancel) {
        char message[256] = {};
        if (PQcancel(m_cancel.get(), message, int(sizeof message)) == 0) {
            qCDebug(lcPg) << "cancel request failed:" << message;
        }
    }
}

bool PgConnection::isBroken() const
{
    return PQstatus(m_conn.get()) == CONNECTION_BAD;
}

int PgConnection::socket() const
{
    return PQsocket(m_conn.get());
}

int PgConnection::backendPid() const
{
    return PQbackendPID(m_conn.get());
}

QString PgConnection::user() const
{
    return QString::fromUtf8(PQuser(m_conn.get()));
}

QString PgConnection::database() const
{
    return QString::fromUtf8(PQdb(m_conn.get()));
}

int PgConnection::serverVersion() const
{
    return PQserverVersion(m_conn.get());
}

} // namespace infrasight::data
