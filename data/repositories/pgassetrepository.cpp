// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pgassetrepository.h"

#include "data/assetqueries.h"

namespace infrasight::data {

Request PgAssetRepository::locate(const QString &text,
                                  int limit,
                                  QObject *context,
                                  Reply<QList<AssetSummary>> reply)
{
    return call(AssetQueries::locate(text, limit),
                context,
                &AssetQueries::decodeSummaries,
                std::move(reply));
}

QStringList PgAssetRepository::attributeColumns() const
{
    return AssetQueries::attributeColumns();
}

Request PgAssetRepository::attributePage(const AttributeQuery &query,
                                         int offset,
                                         int limit,
                                         QObject *context,
                                         Reply<QList<QStringList>> reply)
{
    return call(
        AssetQueries::attributePage(query, offset, limit),
        context,
        [columns = int(AssetQueries::attributeColumns().size())](
            const QueryResult &result) -> Result<QList<QStringList>> {
            if (auto shape = result.expectColumns(columns, u"attribute page"); !shape) {
                return tl::unexpected(shape.error());
            }
            QList<QStringList> rows;
            rows.reserve(result.rowCount());
            for (int row = 0; row < result.rowCount(); ++row) {
                QStringList values;
                values.reserve(columns);
                for (int column = 0; column < columns; ++column) {
                    values.push_back(result.text(row, column));
                }
                rows.push_back(std::move(values));
            }
            return rows;
        },
        std::move(reply));
}

Request PgAssetRepository::attributeEstimate(const AttributeQuery &query,
                                             QObject *context,
                                             Reply<qint64> reply)
{
    return call(AssetQueries::attributeEstimate(query),
                context,
                &AssetQueries::decodeEstimate,
                std::move(reply));
}

} // namespace infrasight::data
