// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/geofencerepository.h"
#include "data/repositories/pgrepository.h"

namespace infrasight::data {

/// GeofenceRepository over the database client (GeofenceQueries' statements). GUI thread only.
class PgGeofenceRepository final : public PgRepository<GeofenceRepository>
{
public:
    using PgRepository::PgRepository;

    Request list(QObject *context, Reply<QList<GeofenceRecord>> reply) override;
    Request fetch(qint64 id, QObject *context, Reply<std::optional<GeofenceRecord>> reply) override;
    Request save(const GeofenceRecord &fence, QObject *context, Reply<SavedVersion> reply) override;
    Request remove(qint64 id, int expectedVersion, QObject *context, Reply<void> reply) override;
    Request assetsInside(qint64 id, QObject *context, Reply<QList<AssetInside>> reply) override;
};

} // namespace infrasight::data
