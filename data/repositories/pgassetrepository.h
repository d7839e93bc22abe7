// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/assetrepository.h"
#include "data/repositories/pgchangefeed.h"

namespace infrasight::data {

class DbClient;

/// AssetRepository over the database client (AssetQueries' statements). The client must outlive
/// the repository. GUI thread only.
class PgAssetRepository final : public AssetRepository
{
public:
    explicit PgAssetRepository(DbClient &client);

    ChangeFeed &changes() override { return m_changes; }

    Request locate(const QString &text,
                   int limit,
                   QObject *context,
                   Reply<QList<AssetSummary>> reply) override;
    QStringList attributeColumns() const override;
    Request attributePage(const AttributeQuery &query,
                          int offset,
                          int limit,
                          QObject *context,
                          Reply<QList<QStringList>> reply) override;
    Request
    attributeEstimate(const AttributeQuery &query, QObject *context, Reply<qint64> reply) override;

private:
    DbClient &m_client;
    PgChangeFeed m_changes;
};

} // namespace infrasight::data
