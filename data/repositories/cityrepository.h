// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/cityrecords.h"
#include "data/repositories/request.h"

class QObject;

namespace infrasight::data {

class ChangeFeed;

/// What the console asks about the connected database as a whole: its schema version and the
/// city's summary. Asynchronous: every call answers its Reply on the caller's thread (never
/// after cancel() or the context's destruction). GUI thread only.
class CityRepository
{
public:
    virtual ~CityRepository() = default;

    /// Bulk changes to assets (seeding, imports) arrive on channel "asset" with "bulk" in the
    /// payload; they change the counts.
    virtual ChangeFeed &changes() = 0;

    /// The highest migration applied; ErrorCode::NotFound when the database has no Infrasight
    /// schema at all.
    virtual Request schemaVersion(QObject *context, Reply<int> reply) = 0;
    /// The asset types with their counts (kept by triggers, never counted here), the sensors,
    /// the open work orders and the city's name.
    virtual Request summary(QObject *context, Reply<CitySummary> reply) = 0;
};

} // namespace infrasight::data
