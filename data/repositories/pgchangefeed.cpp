// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pgchangefeed.h"

#include "data/dbclient.h"

namespace infrasight::data {

PgChangeFeed::PgChangeFeed(DbClient &client, QObject *parent)
    : ChangeFeed(parent)
    , m_client(client)
{
    connect(&client, &DbClient::notificationReceived, this, &ChangeFeed::changed);
    connect(&client, &DbClient::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Connected) {
            Q_EMIT becameLive();
        }
    });
}

bool PgChangeFeed::isLive() const
{
    return m_client.state() == ConnectionState::Connected;
}

void PgChangeFeed::watch(const QString &channel)
{
    m_client.listen(channel);
}

} // namespace infrasight::data
