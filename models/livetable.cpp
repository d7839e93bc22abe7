// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/livetable.h"

#include "data/repositories/changefeed.h"
#include "data/repositories/repository.h"

#include <utility>

namespace infrasight::models {

LiveTable::LiveTable(data::Repository &repository,
                     const QString &channel,
                     std::chrono::milliseconds delay,
                     Reader reader)
    : m_feed(repository.changes())
    , m_reader(std::move(reader))
    , m_channel(channel)
{
    Q_ASSERT(m_reader);
    m_timer.setSingleShot(true);
    m_timer.setInterval(delay);
    connect(&m_timer, &QTimer::timeout, this, &LiveTable::refresh);
    connect(&m_feed,
            &data::ChangeFeed::changed,
            this,
            [this](const QString &changed, const QString &payload) {
                if (changed == m_channel && (!m_accept || m_accept(changed, payload))) {
                    refreshSoon();
                }
            });
    // Changes made while the feed was away were never notified: read everything again.
    connect(&m_feed, &data::ChangeFeed::becameLive, this, &LiveTable::refresh);
    m_feed.watch(channel);
    if (m_feed.isLive()) {
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
