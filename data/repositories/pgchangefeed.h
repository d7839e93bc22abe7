// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/changefeed.h"

namespace infrasight::data {

class DbClient;

/// The database's change feed: LISTEN through the DbClient (kept across reconnects), its
/// NOTIFYs as changed(), and becameLive() on every (re)connection. The client must outlive the
/// feed. GUI thread only.
class PgChangeFeed : public ChangeFeed
{
    Q_OBJECT

public:
    explicit PgChangeFeed(DbClient &client, QObject *parent = nullptr);

    bool isLive() const override;
    void watch(const QString &channel) override;

private:
    DbClient &m_client;
};

} // namespace infrasight::data
