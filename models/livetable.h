// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/request.h"
#include "gis/core/result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <utility>

namespace infrasight::data {
class ChangeFeed;
class Repository;
} // namespace infrasight::data

namespace infrasight::models {

/// Keeps a live model's rows fresh, so that no model repeats the LISTEN-and-refresh dance: it
/// watches one channel of its repository's change feed, reads once when the feed becomes live (the
/// first connection and every reconnect), and again a moment after each change (a burst of
/// changes is one read; a change that arrives while a read runs means one more read after it).
/// At most one read is in flight. While the feed is not live nothing is read: the model keeps
/// what it shows.
///
/// The reader sends the read (through the model's repository) and must call done() exactly once
/// when the answer is in, whatever it was; it returns the call's Request so that stop() can
/// cancel it; answer() makes the Reply for that call. The repository (and its feed) must outlive
/// the table. GUI thread only.
class LiveTable : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveTable)

public:
    using Done = std::function<void()>;
    using Reader = std::function<data::Request(Done done)>;

    /// Watches channel of the repository's feed; reads delay after a change.
    LiveTable(data::Repository &repository,
              const QString &channel,
              std::chrono::milliseconds delay,
              Reader reader);

    /// The same, reading with (owner->*read)(done): the model's member that sends the read.
    template<typename Owner>
    LiveTable(data::Repository &repository,
              const QString &channel,
              std::chrono::milliseconds delay,
              Owner *owner,
              data::Request (Owner::*read)(const Done &))
        : LiveTable(repository, channel, delay, [owner, read](const Done &done) {
            return (owner->*read)(done);
        })
    {}

    ~LiveTable() override;

    /// How long after a change the read starts (changes within it are one read).
    void setDelay(std::chrono::milliseconds delay);

    /// Only changes for which accept(channel, payload) is true cause a read (default: all).
    void setFilter(std::function<bool(const QString &channel, const QString &payload)> accept);

    /// Reads now, or right after the read in flight.
    void refresh();
    /// Reads after the delay (coalesced with other changes).
    void refreshSoon();
    /// Cancels the read in flight and any pending one.
    void stop();

    /// The Reply for a reader's repository call: apply(value) when the value came, failed(error)
    /// for an Error other than ErrorCode::Connection (a lost connection is no failure of the
    /// model: the table reads again once the feed is live), and done() whatever the answer.
    template<typename T, typename Apply, typename Fail>
    static data::Reply<T> answer(Done done, Apply apply, Fail failed)
    {
        return [done = std::move(done), apply = std::move(apply), failed = std::move(failed)](
                   Result<T> result) {
            if (result) {
                apply(std::move(*result));
            } else if (result.error().code != ErrorCode::Connection) {
                failed(result.error());
            }
            done();
        };
    }

    bool isReading() const { return m_reading; }

    /// Reads started so far (for tests and logs).
    int readCount() const { return m_reads; }

    data::ChangeFeed &feed() const { return m_feed; }

private:
    void finishRead(quint64 generation);

    data::ChangeFeed &m_feed;
    Reader m_reader;
    std::function<bool(const QString &, const QString &)> m_accept;
    QString m_channel;
    QTimer m_timer;
    data::Request m_request;
    quint64 m_generation = 0; ///< of the read in flight; a stale done() is ignored
    bool m_reading = false;
    bool m_again = false; ///< a change arrived while reading
    int m_reads = 0;
};

} // namespace infrasight::models
