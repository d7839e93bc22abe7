// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/geofencerecords.h"
#include "data/repositories/geofencerepository.h"
#include "models/livetable.h"

#include <QAbstractListModel>
#include <QList>

namespace infrasight::models {

/// The geofences, by name, for the Geofences dock and the map: read again 200 ms after a change
/// on channel "geofence" (another console's save shows within well under 2 s) and after a
/// reconnect. Saves name the version the edit started from; when someone else saved first,
/// nothing is written and saveConflict() carries both versions for the planner to choose.
/// GUI thread; never waits on the database.
class GeofenceListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        FenceIdRole = Qt::UserRole + 1,
        PurposeRole,
        VersionRole,
        ColourRole, ///< QColor: the fence's own colour, else its purpose's
    };

    static constexpr int RefreshDelayMs = 200;

    /// The repository (and its change feed) must outlive the model.
    explicit GeofenceListModel(data::GeofenceRepository &repository, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const QList<data::GeofenceRecord> &fences() const { return m_fences; }

    /// The fence with that id, or nullptr.
    const data::GeofenceRecord *fence(qint64 id) const;
    int rowOf(qint64 id) const;

    /// The colour a purpose is drawn in when a fence has none of its own.
    static QColor purposeColour(const QString &purpose);

    void refresh();

    /// Saves a fence: a new one (id 0) is inserted, an existing one updated if its version is
    /// still fence.version. Answers with saved() or saveFailed() / saveConflict().
    void save(const data::GeofenceRecord &fence);
    /// Deletes a fence at the version shown.
    void remove(qint64 id, int version);
    /// Asks for the assets inside a fence; answers with assetsInsideArrived().
    void requestAssetsInside(qint64 id);

Q_SIGNALS:
    void refreshed();
    void saved(qint64 id, int version);
    /// ours: what the planner tried to save; theirs: the row as it is now (id 0 if deleted).
    void saveConflict(const data::GeofenceRecord &ours, const data::GeofenceRecord &theirs);
    void saveFailed(const QString &message);
    /// remove() deleted the fence.
    void removed(qint64 id);
    void assetsInsideArrived(qint64 id, const QList<data::AssetInside> &assets);

private:
    data::Request read(const LiveTable::Done &done);
    void handleSaved(const data::GeofenceRecord &ours, const Result<data::SavedVersion> &saved);
    void apply(QList<data::GeofenceRecord> fences);

    data::GeofenceRepository &m_repository;
    QList<data::GeofenceRecord> m_fences;
    LiveTable m_live;
};

} // namespace infrasight::models
