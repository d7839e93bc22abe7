// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/cityrecords.h"
#include "data/repositories/repository.h"

class QObject;

namespace infrasight::data {

/// What the console asks about the connected database as a whole: its schema version and the
/// city's summary. Asynchronous: every call answers its Reply on the caller's thread (never
/// after cancel() or the context's destruction). Bulk changes to assets (seeding, imports)
/// arrive on channel "asset" of changes() with "bulk" in the payload; they change the counts.
/// GUI thread only.
class CityRepository : public Repository
{
public:
    /// The highest migration applied; ErrorCode::NotFound when the database has no Infrasight
    /// schema at all.
    virtual Request schemaVersion(QObject *context, Reply<int> reply) = 0;
    /// The asset types with their counts (kept by triggers, never counted here), the sensors,
    /// the open work orders and the city's name.
    virtual Request summary(QObject *context, Reply<CitySummary> reply) = 0;
};

} // namespace infrasight::data
