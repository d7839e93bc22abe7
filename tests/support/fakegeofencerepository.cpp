// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakegeofencerepository.h"

namespace infrasight::tests {

data::Request FakeGeofenceRepository::list(QObject *context,
                                           data::Reply<QList<data::GeofenceRecord>> reply)
{
    return lists.take(context, std::move(reply));
}

data::Request FakeGeofenceRepository::fetch(qint64 id,
                                            QObject *context,
                                            data::Reply<std::optional<data::GeofenceRecord>> reply)
{
    fetched.append(id);
    return fetches.take(context, std::move(reply));
}

data::Request FakeGeofenceRepository::save(const data::GeofenceRecord &fence,
                                           QObject *context,
                                           data::Reply<data::SavedVersion> reply)
{
    saved.append(fence);
    return saves.take(context, std::move(reply));
}

data::Request FakeGeofenceRepository::remove(qint64 id,
                                             int expectedVersion,
                                             QObject *context,
                                             data::Reply<void> reply)
{
    removed.append({id, expectedVersion});
    return removals.take(context, std::move(reply));
}

data::Request FakeGeofenceRepository::assetsInside(qint64 id,
                                                   QObject *context,
                                                   data::Reply<QList<data::AssetInside>> reply)
{
    Q_UNUSED(id);
    return insides.take(context, std::move(reply));
}

} // namespace infrasight::tests
