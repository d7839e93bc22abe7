// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/dbclient.h"

#include "data/pg/pgsession.h"

#include <QMetaObject>
#include <QThread>

namespace infrasight::data {

namespace {

void registerMetaTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<QueryId>("infrasight::data::QueryId");
        qRegisterMetaType<QueryOutcome>("infrasight::data::QueryOutcome");
        qRegisterMetaType<ConnectionState>("infrasight::data::ConnectionState");
        qRegisterMetaType<ResultFormat>("infrasight::data::ResultFormat");
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

DbClient::DbClient(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_session(new PgSession)
{
    registerMetaTypes();
    m_thread->setObjectName(QStringLiteral("infrasight-db"));
    m_session->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_session, &QObject::deleteLater);
    connect(m_session, &PgSession::stateChanged, this, &DbClient::handleStateChanged);
    connect(m_session, &PgSession::queryFinished, this, &DbClient::handleQueryFinished);
    connect(m_session, &PgSession::notificationReceived, this, &DbClient::notificationReceived);
    connect(m_session, &PgSession::reconnected, this, &DbClient::reconnected);
    m_thread->start();
}

DbClient::~DbClient()
{
    // Shutdown order: stop connection attempts and the running statement, let the thread's event
    // loop finish (the session is deleted there, closing the connection), then join.
    m_session->requestStop();
    m_thread->quit();
    m_thread->wait();
}

void DbClient::open(const QString &conninfo)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_conninfo = conninfo;
    QMetaObject::invokeMethod(m_session,
                              [session = m_session, conninfo] { session->open(conninfo, {}); });
}

void DbClient::setPassword(const QString &password)
{
    Q_ASSERT(thread() == QThread::currentThread());
    QMetaObject::invokeMethod(m_session, [session = m_session, conninfo = m_conninfo, password] {
        session->open(conninfo, password);
    });
}

void DbClient::close()
{
    Q_ASSERT(thread() == QThread::currentThread());
    QMetaObject::invokeMethod(m_session, &PgSession::close);
}

QueryId DbClient::submit(const QString &sql, const QVariantList &params, ResultFormat format)
{
    Q_ASSERT(thread() == QThread::currentThread());
    const QueryId id = m_nextId++;
    Q_EMIT statementSubmitted(id, sql, params);
    QMetaObject::invokeMethod(m_session, [session = m_session, id, sql, params, format] {
        session->run(id, sql, params, format);
    });
    return id;
}

QueryId DbClient::submit(const Statement &statement)
{
    return submit(statement.sql, statement.params, statement.format);
}

QueryId DbClient::submit(const Statement &statement, QObject *context, Completion done)
{
    Q_ASSERT(context);
    Q_ASSERT(done);
    const QueryId id = submit(statement);
    m_completions.insert(id, PendingCompletion{context, std::move(done)});
    return id;
}

void DbClient::cancel(QueryId id)
{
    m_completions.remove(id);
    m_session->cancel(id);
}

void DbClient::handleQueryFinished(QueryId id, const QueryOutcome &outcome)
{
    if (const auto pending = m_completions.find(id); pending != m_completions.end()) {
        const PendingCompletion completion = std::move(pending.value());
        m_completions.erase(pending);
        if (completion.context) {
            completion.done(outcome);
        }
    }
    Q_EMIT queryFinished(id, outcome);
}

void DbClient::listen(const QString &channel)
{
    Q_ASSERT(thread() == QThread::currentThread());
    QMetaObject::invokeMethod(m_session,
                              [session = m_session, channel] { session->listen(channel); });
}

void DbClient::handleStateChanged(ConnectionState state, const QString &error)
{
    if (!error.isEmpty()) {
        m_lastError = error;
    } else if (state == ConnectionState::Connected) {
        m_lastError.clear();
    }
    if (state == ConnectionState::NeedsPassword) {
        Q_EMIT passwordRequired(error);
    }
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

} // namespace infrasight::data
