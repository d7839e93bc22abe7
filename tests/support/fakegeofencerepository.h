// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/geofencerepository.h"
#include "tests/support/fakechangefeed.h"
#include "tests/support/fakereplies.h"

namespace infrasight::tests {

/// A GeofenceRepository fed by the test: it holds the calls until the test answers them (or
/// answers them itself where the test said so with setAutoAnswer()).
class FakeGeofenceRepository final : public data::GeofenceRepository
{
public:
    data::ChangeFeed &changes() override { return feed; }

    data::Request list(QObject *context, data::Reply<QList<data::GeofenceRecord>> reply) override;
    data::Request fetch(qint64 id,
                        QObject *context,
                        data::Reply<std::optional<data::GeofenceRecord>> reply) override;
    data::Request save(const data::GeofenceRecord &fence,
                       QObject *context,
                       data::Reply<data::SavedVersion> reply) override;
    data::Request
    remove(qint64 id, int expectedVersion, QObject *context, data::Reply<void> reply) override;
    data::Request
    assetsInside(qint64 id, QObject *context, data::Reply<QList<data::AssetInside>> reply) override;

    FakeChangeFeed feed;
    FakeReplies<QList<data::GeofenceRecord>> lists;
    FakeReplies<std::optional<data::GeofenceRecord>> fetches;
    FakeReplies<data::SavedVersion> saves;
    FakeReplies<void> removals;
    FakeReplies<QList<data::AssetInside>> insides;
    QList<data::GeofenceRecord> saved;     ///< what save() was given, in order
    QList<qint64> fetched;                 ///< ids fetch() was asked for
    QList<std::pair<qint64, int>> removed; ///< (id, version) remove() was asked for
};

} // namespace infrasight::tests
