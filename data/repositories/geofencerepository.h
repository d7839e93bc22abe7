// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/geofencerecords.h"
#include "data/repositories/repository.h"

#include <QList>

#include <optional>

class QObject;

namespace infrasight::data {

/// A saved geofence's id and its new version.
struct SavedVersion
{
    qint64 id = 0;
    int version = 0;

    friend bool operator==(const SavedVersion &, const SavedVersion &) = default;
};

/// The geofences as the Geofences dock and the editor read and change them. Asynchronous: every
/// call answers its Reply on the caller's thread (never after cancel() or the context's
/// destruction). Writes name the version the edit started from: when someone else saved or
/// deleted the fence first, nothing is written and the call fails with ErrorCode::Conflict.
/// A shape the database refuses fails with ErrorCode::InvalidArgument, a role without the right
/// with ErrorCode::PermissionDenied. Changes to geofences arrive on channel "geofence" of
/// changes(). GUI thread only.
class GeofenceRepository : public Repository
{
public:
    /// Every fence, by name.
    virtual Request list(QObject *context, Reply<QList<GeofenceRecord>> reply) = 0;
    /// One fence as it is now; std::nullopt when it was deleted.
    virtual Request fetch(qint64 id, QObject *context, Reply<std::optional<GeofenceRecord>> reply)
        = 0;
    /// Inserts a new fence (id 0), else updates it if its version is still fence.version.
    virtual Request save(const GeofenceRecord &fence, QObject *context, Reply<SavedVersion> reply)
        = 0;
    /// Deletes the fence if its version is still expectedVersion.
    virtual Request remove(qint64 id, int expectedVersion, QObject *context, Reply<void> reply) = 0;
    /// The assets inside the fence, by type then code.
    virtual Request assetsInside(qint64 id, QObject *context, Reply<QList<AssetInside>> reply) = 0;
};

} // namespace infrasight::data
