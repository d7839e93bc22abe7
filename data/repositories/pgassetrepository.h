// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/assetrepository.h"
#include "data/repositories/pgrepository.h"

namespace infrasight::data {

/// AssetRepository over the database client (AssetQueries' statements). GUI thread only.
class PgAssetRepository final : public PgRepository<AssetRepository>
{
public:
    using PgRepository::PgRepository;

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
};

} // namespace infrasight::data
