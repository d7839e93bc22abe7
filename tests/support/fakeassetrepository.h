// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/assetrepository.h"
#include "tests/support/fakechangefeed.h"
#include "tests/support/fakereplies.h"

namespace infrasight::tests {

/// An AssetRepository fed by the test: it records what it was asked and holds the calls until
/// the test answers them.
class FakeAssetRepository final : public data::AssetRepository
{
public:
    /// What attributePage() was asked.
    struct PageCall
    {
        data::AttributeQuery query;
        int offset = 0;
        int limit = 0;
    };

    data::ChangeFeed &changes() override { return feed; }

    data::Request locate(const QString &text,
                         int limit,
                         QObject *context,
                         data::Reply<QList<data::AssetSummary>> reply) override;
    QStringList attributeColumns() const override;
    data::Request attributePage(const data::AttributeQuery &query,
                                int offset,
                                int limit,
                                QObject *context,
                                data::Reply<QList<QStringList>> reply) override;
    data::Request attributeEstimate(const data::AttributeQuery &query,
                                    QObject *context,
                                    data::Reply<qint64> reply) override;

    FakeChangeFeed feed;
    FakeReplies<QList<data::AssetSummary>> searches;
    FakeReplies<QList<QStringList>> pages;
    FakeReplies<qint64> estimates;
    QStringList searched; ///< the texts locate() was asked for
    QList<PageCall> pageCalls;
};

} // namespace infrasight::tests
