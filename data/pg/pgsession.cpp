// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/pg/pgsession.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

namespace infrasight::data {

Q_DECLARE_LOGGING_CATEGORY(lcPg)

namespace {
constexpr int FirstBackoffMs = 500;
constexpr int MaxBackoffMs = 30000;
} // namespace

PgSession::PgSession()
{
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &PgSession::connectNow);
}

PgSession::~PgSession()
{
    delete m_notifier;
}

void PgSession::cancel(QueryId id)
{
    std::lock_guard lock(m_mutex);
    if (id == m_running && m_connection) {
        m_connection->requestCancel();
    } else {
        m_cancelled.insert(id);
    }
}

void PgSession::requestStop()
{
    m_stop = true;
    std::lock_guard lock(m_mutex);
    if (m_running != 0 && m_connection) {
        m_connection->requestCancel();
    }
}

void PgSession::open(const QString &conninfo, const QString &password)
{
    m_conninfo = conninfo;
    m_password = password;
    m_wanted = true;
    m_backoffMs = 0;
    m_reconnectTimer->stop();
    setConnection(nullptr);
    Q_EMIT stateChanged(
        m_wasConnected ? ConnectionState::Reconnecting : ConnectionState::Connecting, {});
    connectNow();
}

void PgSession::close()
{
    m_wanted = false;
    m_reconnectTimer->stop();
    setConnection(nullptr);
    Q_EMIT stateChanged(ConnectionState::Offline, {});
}

void PgSession::connectNow()
{
    if (!m_wanted || m_stop) {
        return;
    }
    auto connection = PgConnection::open(m_conninfo, m_password, &m_stop);
    if (!connection) {
        const Error &error = connection.error();
        if (error.code == ErrorCode::Cancelled) {
            return;
        }
        if (error.code == ErrorCode::Authentication) {
            // Retrying with the same credentials cannot help; wait for setPassword().
            m_wanted = false;
            Q_EMIT stateChanged(ConnectionState::NeedsPassword, error.detail);
            return;
        }
        qCInfo(lcPg) << "connection attempt failed:" << error.toString();
        Q_EMIT stateChanged(m_wasConnected ? ConnectionState::Reconnecting
                                           : ConnectionState::Connecting,
                            error.toString());
        scheduleReconnect();
        return;
    }
    for (const QString &channel : std::as_const(m_channels)) {
        if (auto listened = (*connection)->listen(channel); !listened) {
            qCWarning(lcPg) << "LISTEN" << channel << "failed:" << listened.error().toString();
        }
    }
    setConnection(std::move(*connection));
    m_backoffMs = 0;
    const bool isReconnect = m_wasConnected;
    m_wasConnected = true;
    Q_EMIT stateChanged(ConnectionState::Connected, {});
    if (isReconnect) {
        Q_EMIT reconnected();
    }
}

void PgSession::scheduleReconnect()
{
    m_backoffMs = m_backoffMs == 0 ? FirstBackoffMs : std::min(m_backoffMs * 2, MaxBackoffMs);
    m_reconnectTimer->start(m_backoffMs);
}

void PgSession::setConnection(std::unique_ptr<PgConnection> connection)
{
    delete m_notifier;
    m_notifier = nullptr;
    {
        std::lock_guard lock(m_mutex);
        m_connection = std::move(connection);
    }
    if (m_connection && m_connection->socket() >= 0) {
        m_notifier = new QSocketNotifier(m_connection->socket(), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &PgSession::readNotifications);
    }
}

void PgSession::connectionLost(const QString &error)
{
    qCWarning(lcPg) << "lost the database connection:" << error;
    setConnection(nullptr);
    if (!m_wanted || m_stop) {
        return;
    }
    Q_EMIT stateChanged(ConnectionState::Reconnecting, error);
    scheduleReconnect();
}

void PgSession::readNotifications()
{
    if (!m_connection) {
        return;
    }
    auto received = m_connection->pollNotifications();
    if (!received) {
        connectionLost(received.error().toString());
        return;
    }
    for (const PgNotification &notification : std::as_const(*received)) {
        Q_EMIT notificationReceived(notification.channel, notification.payload);
    }
}

void PgSession::run(QueryId id, const QString &sql, const QVariantList &params, ResultFormat format)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled.remove(id)) {
            Q_EMIT queryFinished(id, fail(ErrorCode::Cancelled, QStringLiteral("cancelled")));
            return;
        }
        m_running = id;
    }
    if (!m_connection) {
        {
            std::lock_guard lock(m_mutex);
            m_running = 0;
        }
        Q_EMIT queryFinished(
            id, fail(ErrorCode::Connection, QStringLiteral("not connected to the database")));
        return;
    }
    // The notifier must not fire while libpq reads the statement's result on the same socket.
    m_notifier->setEnabled(false);
    QueryOutcome outcome = m_connection->exec(sql, params, format);
    {
        std::lock_guard lock(m_mutex);
        m_running = 0;
    }
    if (!outcome && outcome.error().code == ErrorCode::Connection) {
        Q_EMIT queryFinished(id, outcome);
        connectionLost(outcome.error().toString());
        return;
    }
    m_notifier->setEnabled(true);
    Q_EMIT queryFinished(id, outcome);
    // Notifications that arrived with the result are queued inside libpq; deliver them now.
    readNotifications();
}

void PgSession::listen(const QString &channel)
{
    if (m_channels.contains(channel)) {
        return;
    }
    m_channels << channel;
    if (m_connection) {
        if (auto listened = m_connection->listen(channel); !listened) {
            if (listened.error().code == ErrorCode::Connection) {
                connectionLost(listened.error().toString());
            } else {
                qCWarning(lcPg) << "LISTEN" << channel << "failed:" << listened.error().toString();
            }
        }
    }
}

} // namespace infrasight::data
