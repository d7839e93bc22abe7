// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/cityrepository.h"
#include "data/repositories/pgrepository.h"

namespace infrasight::data {

class QueryResult;

/// CityRepository over the database client. GUI thread only.
class PgCityRepository final : public PgRepository<CityRepository>
{
public:
    using PgRepository::PgRepository;

    Request schemaVersion(QObject *context, Reply<int> reply) override;
    Request summary(QObject *context, Reply<CitySummary> reply) override;

    /// Decodes the summary statement's one row (public for the repository's test).
    [[nodiscard]] static Result<CitySummary> decodeSummary(const QueryResult &result);
};

} // namespace infrasight::data
