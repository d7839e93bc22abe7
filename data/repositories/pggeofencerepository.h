// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/geofencerepository.h"
#include "data/repositories/pgchangefeed.h"

namespace infrasight::data {

class DbClient;

/// GeofenceRepository over the database client (GeofenceQueries' statements). The client must
/// outlive the repository. GUI thread only.
class PgGeofenceRepository final : public GeofenceRepository
{
public:
    explicit PgGeofenceRepository(DbClient &client);

    ChangeFeed &changes() override { return m_changes; }

    Request list(QObject *context, Reply<QList<GeofenceRecord>> reply) override;
    Request
    fetch(qint64 id, QObject *context, Reply<std::optional<GeofenceRecord>> reply) override;
    Request save(const GeofenceRecord &fence, QObject *context, Reply<SavedVersion> reply) override;
    Request remove(qint64 id, int expectedVersion, QObject *context, Reply<void> reply) override;
    Request assetsInside(qint64 id, QObject *context, Reply<QList<AssetInside>> reply) override;

private:
    DbClient &m_client;
    PgChangeFeed m_changes;
};

} // namespace infrasight::data
