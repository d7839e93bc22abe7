// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/dbclient.h"
#include "data/pgconnection.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>

class QSocketNotifier;
class QTimer;

namespace infrasight::data {

/// The database thread's side of DbClient: owns the PgConnection, runs statements one at a time,
/// watches the socket for NOTIFY and reconnects with backoff. Lives on DbClient's thread; the
/// public slots are invoked through queued calls. cancel() and requestStop() are the only
/// functions that may be called from another thread.
class PgSession : public QObject
{
    Q_OBJECT

public:
    PgSession();
    ~PgSession() override;

    // Thread-safe.
    void cancel(QueryId id);
    void requestStop();

public Q_SLOTS:
    void open(const QString &conninfo, const QString &password);
    void close();
    void run(infrasight::data::QueryId id,
             const QString &sql,
             const QVariantList &params,
             infrasight::data::ResultFormat format);
    void listen(const QString &channel);

Q_SIGNALS:
    void stateChanged(infrasight::data::ConnectionState state, const QString &error);
    void queryFinished(infrasight::data::QueryId id, const infrasight::data::QueryOutcome &outcome);
    void notificationReceived(const QString &channel, const QString &payload);
    void reconnected();

private:
    void connectNow();
    void setConnection(std::unique_ptr<PgConnection> connection);
    void connectionLost(const QString &error);
    void readNotifications();
    void scheduleReconnect();

    QString m_conninfo;
    QString m_password;
    QStringList m_channels;
    bool m_wasConnected = false;
    bool m_wanted = false;
    int m_backoffMs = 0;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_reconnectTimer = nullptr;

    std::atomic_bool m_stop{false};
    std::mutex m_mutex; // guards m_connection's identity, m_running and m_cancelled
    std::unique_ptr<PgConnection> m_connection;
    QueryId m_running = 0;
    QSet<QueryId> m_cancelled;
};

} // namespace infrasight::data
