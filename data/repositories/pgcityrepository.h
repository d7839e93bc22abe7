// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/cityrepository.h"
#include "data/repositories/pgchangefeed.h"

namespace infrasight::data {

class DbClient;
class QueryResult;

/// CityRepository over the database client. The client must outlive the repository. GUI
/// thread only.
class PgCityRepository final : public CityRepository
{
public:
    explicit PgCityRepository(DbClient &client);

    ChangeFeed &changes() override { return m_changes; }

    Request schemaVersion(QObject *context, Reply<int> reply) override;
    Request summary(QObject *context, Reply<CitySummary> reply) override;

    /// Decodes the summary statement's one row (public for the repository's test).
    [[nodiscard]] static Result<CitySummary> decodeSummary(const QueryResult &result);

private:
    DbClient &m_client;
    PgChangeFeed m_changes;
};

} // namespace infrasight::data
