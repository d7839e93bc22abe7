// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakechangefeed.h"

namespace infrasight::tests {

FakeChangeFeed::FakeChangeFeed(bool live, QObject *parent)
    : ChangeFeed(parent)
    , m_live(live)
{}

void FakeChangeFeed::watch(const QString &channel)
{
    if (!m_watched.contains(channel)) {
        m_watched.append(channel);
    }
}

void FakeChangeFeed::setLive(bool live)
{
    const bool became = live && !m_live;
    m_live = live;
    if (became) {
        Q_EMIT becameLive();
    }
}

void FakeChangeFeed::notify(const QString &channel, const QString &payload)
{
    Q_EMIT changed(channel, payload);
}

} // namespace infrasight::tests
