// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/request.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <utility>

namespace infrasight::tests {

/// The calls of one kind a fake repository received and has not answered yet. A test answers
/// them when it likes (answerNext(), answerAll()), so it can check what a model does while a
/// call runs, and that a cancelled call's answer never arrives. With setAutoAnswer() every call
/// is answered at the next turn of the event loop with a value the test set.
template<typename T>
class FakeReplies
{
public:
    struct Call
    {
        QPointer<QObject> context;
        data::Reply<T> reply;
        std::shared_ptr<bool> cancelled;
    };

    /// Records a call; returns the Request that cancels it.
    data::Request take(QObject *context, data::Reply<T> reply)
    {
        ++m_calls;
        auto cancelled = std::make_shared<bool>(false);
        if (m_auto) {
            QTimer::singleShot(0, context, [reply = std::move(reply), cancelled, value = *m_auto] {
                if (!*cancelled) {
                    reply(value);
                }
            });
        } else {
            m_pending.append(Call{context, std::move(reply), cancelled});
        }
        return data::Request([cancelled] { *cancelled = true; });
    }

    /// Answers every later call with value, asynchronously.
    void setAutoAnswer(Result<T> value) { m_auto = std::make_unique<Result<T>>(std::move(value)); }

    /// Answers the oldest call held; false when none is held. A cancelled call or one whose
    /// context is gone is dropped unanswered, as the real repository does.
    bool answerNext(const Result<T> &value)
    {
        if (m_pending.isEmpty()) {
            return false;
        }
        Call call = m_pending.takeFirst();
        if (!*call.cancelled && call.context) {
            call.reply(value);
        }
        return true;
    }

    void answerAll(const Result<T> &value)
    {
        while (answerNext(value)) {
        }
    }

    /// Calls held, cancelled ones included.
    qsizetype pending() const { return m_pending.size(); }

    /// Calls held and not cancelled.
    qsizetype running() const
    {
        qsizetype n = 0;
        for (const Call &call : m_pending) {
            n += *call.cancelled ? 0 : 1;
        }
        return n;
    }

    /// Calls received in all.
    int calls() const { return m_calls; }

private:
    QList<Call> m_pending;
    std::unique_ptr<Result<T>> m_auto;
    int m_calls = 0;
};

} // namespace infrasight::tests
