// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/changefeed.h"

#include <QStringList>

namespace infrasight::tests {

/// A change feed the test drives: setLive() and notify() stand for the database's connection
/// and its NOTIFYs. Records the channels watched.
class FakeChangeFeed : public data::ChangeFeed
{
    Q_OBJECT

public:
    explicit FakeChangeFeed(bool live = true, QObject *parent = nullptr);

    bool isLive() const override { return m_live; }

    void watch(const QString &channel) override;

    /// Going live emits becameLive(), as a (re)connection does.
    void setLive(bool live);
    /// A NOTIFY on channel.
    void notify(const QString &channel, const QString &payload = {});

    QStringList watched() const { return m_watched; }

private:
    bool m_live = true;
    QStringList m_watched;
};

} // namespace infrasight::tests
