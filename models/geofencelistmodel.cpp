// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/geofencelistmodel.h"

#include "models/errormessage.h"
#include "models/logging.h"

#include <QColor>

namespace infrasight::models {

GeofenceListModel::GeofenceListModel(data::GeofenceRepository &repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
    , m_live(repository,
             QStringLiteral("geofence"),
             std::chrono::milliseconds(RefreshDelayMs),
             this,
             &GeofenceListModel::read)
{}

int GeofenceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fences.size());
}

QColor GeofenceListModel::purposeColour(const QString &purpose)
{
    if (purpose == u"restricted_area") {
        return QColor(0xd3, 0x2f, 0x2f);
    }
    if (purpose == u"maintenance_zone") {
        return QColor(0xef, 0x8f, 0x00);
    }
    if (purpose == u"district") {
        return QColor(0x3a, 0x6e, 0xa5);
    }
    return QColor(0x6a, 0x3d, 0x9a);
}

QVariant GeofenceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const data::GeofenceRecord &f = m_fences.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return f.name;
    case Qt::ToolTipRole:
        return tr("%1, version %2, saved by %3").arg(f.name).arg(f.version).arg(f.updatedBy);
    case Qt::DecorationRole:
    case ColourRole:
        return f.colour.isEmpty() ? purposeColour(f.purpose) : QColor(f.colour);
    case FenceIdRole:
        return f.id;
    case PurposeRole:
        return f.purpose;
    case VersionRole:
        return f.version;
    default:
        return {};
    }
}

const data::GeofenceRecord *GeofenceListModel::fence(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_fences.at(row);
}

int GeofenceListModel::rowOf(qint64 id) const
{
    for (qsizetype row = 0; row < m_fences.size(); ++row) {
        if (m_fences.at(row).id == id) {
            return int(row);
        }
    }
    return -1;
}

void GeofenceListModel::refresh()
{
    m_live.refresh();
}

data::Request GeofenceListModel::read(const LiveTable::Done &done)
{
    return m_repository.list(
        this,
        LiveTable::answer<QList<data::GeofenceRecord>>(
            done,
            [this](QList<data::GeofenceRecord> fences) { apply(std::move(fences)); },
            [](const Error &error) {
                qCWarning(lcModels) << "geofence list failed:" << error.toString();
            }));
}

void GeofenceListModel::save(const data::GeofenceRecord &fence)
{
    m_repository.save(fence, this, [this, fence](const Result<data::SavedVersion> &saved) {
        handleSaved(fence, saved);
    });
}

void GeofenceListModel::remove(qint64 id, int version)
{
    m_repository.remove(id, version, this, [this, id](const Result<void> &removed) {
        if (removed) {
            Q_EMIT this->removed(id);
        } else {
            Q_EMIT saveFailed(removed.error().code == ErrorCode::Conflict
                                  ? tr("The geofence was changed by someone else meanwhile; "
                                       "it was not deleted.")
                                  : ErrorMessage::failed(tr("The geofence could not be deleted"),
                                                         removed.error()));
        }
        refresh();
    });
}

void GeofenceListModel::requestAssetsInside(qint64 id)
{
    m_repository.assetsInside(id, this, [this, id](const Result<QList<data::AssetInside>> &assets) {
        Q_EMIT assetsInsideArrived(id, assets ? *assets : QList<data::AssetInside>{});
    });
}

void GeofenceListModel::handleSaved(const data::GeofenceRecord &ours,
                                    const Result<data::SavedVersion> &saved)
{
    if (saved) {
        Q_EMIT this->saved(saved->id, saved->version);
        refresh();
        return;
    }
    const Error &error = saved.error();
    if (error.code == ErrorCode::Conflict) {
        // Someone else saved first: nothing was written; show theirs beside ours.
        m_repository.fetch(
            ours.id, this, [this, ours](const Result<std::optional<data::GeofenceRecord>> &now) {
                Q_EMIT saveConflict(ours, now && now->has_value() ? **now : data::GeofenceRecord{});
            });
        return;
    }
    QString message;
    if (error.code == ErrorCode::PermissionDenied) {
        message = tr("You may not edit geofences (your database role lacks the right).");
    } else if (error.code == ErrorCode::InvalidArgument) {
        message = tr("The database refused the shape: it is not a valid polygon.");
    } else {
        message = ErrorMessage::failed(tr("The geofence could not be saved"), error);
    }
    Q_EMIT saveFailed(message);
}

void GeofenceListModel::apply(QList<data::GeofenceRecord> fences)
{
    beginResetModel();
    m_fences = std::move(fences);
    endResetModel();
    Q_EMIT refreshed();
}

} // namespace infrasight::models
