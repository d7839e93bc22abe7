// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakeassetrepository.h"

namespace infrasight::tests {

data::Request FakeAssetRepository::locate(const QString &text,
                                          int limit,
                                          QObject *context,
                                          data::Reply<QList<data::AssetSummary>> reply)
{
    Q_UNUSED(limit);
    searched.append(text);
    return searches.take(context, std::move(reply));
}

QStringList FakeAssetRepository::attributeColumns() const
{
    return {QStringLiteral("id"),
            QStringLiteral("code"),
            QStringLiteral("name"),
            QStringLiteral("type"),
            QStringLiteral("street"),
            QStringLiteral("status"),
            QStringLiteral("condition"),
            QStringLiteral("install_date"),
            QStringLiteral("updated_at")};
}

data::Request FakeAssetRepository::attributePage(const data::AttributeQuery &query,
                                                 int offset,
                                                 int limit,
                                                 QObject *context,
                                                 data::Reply<QList<QStringList>> reply)
{
    pageCalls.append({query, offset, limit});
    return pages.take(context, std::move(reply));
}

data::Request FakeAssetRepository::attributeEstimate(const data::AttributeQuery &query,
                                                     QObject *context,
                                                     data::Reply<qint64> reply)
{
    Q_UNUSED(query);
    return estimates.take(context, std::move(reply));
}

} // namespace infrasight::tests
