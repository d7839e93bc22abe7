// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/livetable.h"

#include "data/repositories/changefeed.h"

#include <utility>

namespace infrasight::models {

LiveTable::LiveTable(data::ChangeFeed &feed,
                     const QStringList &channels,
                     Reader reader,
                     QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_reader(std::move(reader))
    , m_channels(channels)
{
    Q_ASSERT(m_reader);
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultDelay);
    connect(&m_timer, &QTimer::timeout, this, &LiveTable::refresh);
    connect(&feed,
            &data::ChangeFeed::changed,
            this,
            [this](const QString &channel, const QString &payload) {
                if (m_channels.contains(channel) && (!m_accept || m_accept(channel, payload))) {
                    refreshSoon();
                }
            });
    // Changes made while the feed was away were never notified: read everything again.
    connect(&feed, &data::ChangeFeed::becameLive, this, &LiveTable::refresh);
    for (const QString &channel : channels) {
        feed.watch(channel);
    }
    if (feed.isLive()) {
        // After the owner's constructor: its reader may touch members not yet made.
        QTimer::singleShot(0, this, &LiveTable::refresh);
    }
}

LiveTable::~LiveTable()
{
    stop();
}

void LiveTable::setDelay(std::chrono::milliseconds delay)
{
    m_timer.setInterval(delay);
}

void LiveTable::setFilter(std::function<bool(const QString &, const QString &)> accept)
{
    m_accept = std::move(accept);
}

void LiveTable::refresh()
{
    m_timer.stop();
    if (m_reading) {
        m_again = true;
        return;
    }
    if (!m_feed.isLive()) {
        return;
    }
    m_reading = true;
    ++m_reads;
    const quint64 generation = ++m_generation;
    m_request = m_reader([this, generation] { finishRead(generation); });
}

void LiveTable::refreshSoon()
{
    if (m_reading) {
        m_again = true;
    } else if (!m_timer.isActive()) {
        m_timer.start();
    }
}

void LiveTable::stop()
{
    m_timer.stop();
    m_again = false;
    ++m_generation;
    m_reading = false;
    m_request.cancel();
}

void LiveTable::finishRead(quint64 generation)
{
    if (generation != m_generation) {
        return;
    }
    m_reading = false;
    m_request = {};
    if (std::exchange(m_again, false)) {
        refresh();
    }
}

} // namespace infrasight::models
