// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace infrasight::data {

/// Tells live models when what they show may have changed: a change on a watched channel (the
/// database's NOTIFY), and each time the feed becomes live (the first connection and every
/// reconnect, after which changes made meanwhile were never notified). The database's feed is
/// PgChangeFeed; tests feed their models through a fake. GUI thread only.
class ChangeFeed : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// True while reads can be sent (connected).
    virtual bool isLive() const = 0;
    /// Asks for changed() on a channel from now on, kept across reconnects. Watching a channel
    /// twice is harmless.
    virtual void watch(const QString &channel) = 0;

Q_SIGNALS:
    /// Something changed on channel; payload is the channel's JSON (ids, operation) or empty.
    void changed(const QString &channel, const QString &payload);
    /// The feed became live: whatever a model shows may be stale, read it again.
    void becameLive();
};

} // namespace infrasight::data
