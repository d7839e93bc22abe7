// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/geofencelistmodel.h"

#include "data/geofencequeries.h"
#include "models/logging.h"

#include <QColor>

namespace infrasight::models {

GeofenceListModel::GeofenceListModel(data::DbClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    Q_ASSERT(client);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(RefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &GeofenceListModel::refresh);
    connect(client, &data::DbClient::queryFinished, this, &GeofenceListModel::handleFinished);
    connect(client,
            &data::DbClient::notificationReceived,
            this,
            [this](const QString &channel, const QString &) {
                if (channel == u"geofence" && !m_refresh.isActive()) {
                    m_refresh.start();
                }
            });
    connect(client, &data::DbClient::stateChanged, this, [this](data::ConnectionState state) {
        if (state == data::ConnectionState::Connected) {
            refresh();
        }
    });
    client->listen(QStringLiteral("geofence"));
    if (client->state() == data::ConnectionState::Connected) {
        refresh();
    }
}

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
    if (m_listQuery != 0) {
        m_refreshAgain = true;
        return;
    }
    m_listQuery = m_client->submit(data::GeofenceQueries::list());
}

void GeofenceListModel::save(const data::GeofenceRecord &fence)
{
    const data::Statement statement = fence.id == 0 ? data::GeofenceQueries::insert(fence)
                                                    : data::GeofenceQueries::update(fence);
    m_saves.insert(m_client->submit(statement), PendingSave{fence, false});
}

void GeofenceListModel::remove(qint64 id, int version)
{
    m_removals.insert(m_client->submit(data::GeofenceQueries::remove(id, version)), id);
}

void GeofenceListModel::requestAssetsInside(qint64 id)
{
    m_insideQueries.insert(m_client->submit(data::GeofenceQueries::assetsInside(id)), id);
}

void GeofenceListModel::handleFinished(data::QueryId id, const data::QueryOutcome &outcome)
{
    if (id == m_listQuery) {
        m_listQuery = 0;
        const auto fences
            = outcome ? data::GeofenceQueries::decodeFences(*outcome)
                      : Result<QList<data::GeofenceRecord>>(tl::unexpected(outcome.error()));
        if (fences) {
            apply(*fences);
        } else if (fences.error().code != ErrorCode::Connection) {
            qCWarning(lcModels) << "geofence list failed:" << fences.error().toString();
        }
        if (std::exchange(m_refreshAgain, false)) {
            refresh();
        }
        return;
    }
    if (auto save = m_saves.find(id); save != m_saves.end()) {
        PendingSave pending = save.value();
        m_saves.erase(save);
        finishSave(std::move(pending), outcome);
        return;
    }
    if (auto inside = m_insideQueries.find(id); inside != m_insideQueries.end()) {
        const qint64 fenceId = inside.value();
        m_insideQueries.erase(inside);
        const auto assets = outcome
                                ? data::GeofenceQueries::decodeAssetsInside(*outcome)
                                : Result<QList<data::AssetInside>>(tl::unexpected(outcome.error()));
        Q_EMIT assetsInsideArrived(fenceId, assets ? *assets : QList<data::AssetInside>{});
        return;
    }
    if (auto removal = m_removals.find(id); removal != m_removals.end()) {
        const qint64 fenceId = removal.value();
        m_removals.erase(removal);
        if (outcome && outcome->rowCount() > 0) {
            Q_EMIT removed(fenceId);
        } else {
            Q_EMIT saveFailed(
                outcome ? tr("The geofence was changed by someone else meanwhile; "
                             "it was not deleted.")
                        : tr("The geofence could not be deleted: %1").arg(outcome.error().message));
        }
        refresh();
    }
}

void GeofenceListModel::finishSave(PendingSave pending, const data::QueryOutcome &outcome)
{
    if (pending.fetchingTheirs) {
        data::GeofenceRecord theirs;
        if (outcome) {
            if (auto rows = data::GeofenceQueries::decodeFences(*outcome);
                rows && !rows->isEmpty()) {
                theirs = rows->first();
            }
        }
        Q_EMIT saveConflict(pending.ours, theirs);
        return;
    }
    if (!outcome) {
        const Error &error = outcome.error();
        QString message;
        if (error.code == ErrorCode::PermissionDenied) {
            message = tr("You may not edit geofences (your database role lacks the right).");
        } else if (error.sqlState == u"23514") {
            message = tr("The database refused the shape: it is not a valid polygon.");
        } else {
            message = tr("The geofence could not be saved: %1").arg(error.message);
        }
        Q_EMIT saveFailed(message);
        return;
    }
    const auto written = data::GeofenceQueries::decodeSaved(*outcome);
    if (!written) {
        // Someone else saved first: fetch theirs, write nothing.
        const qint64 fenceId = pending.ours.id;
        pending.fetchingTheirs = true;
        m_saves.insert(m_client->submit(data::GeofenceQueries::fetch(fenceId)), pending);
        return;
    }
    Q_EMIT saved(written->first, written->second);
    refresh();
}

void GeofenceListModel::apply(QList<data::GeofenceRecord> fences)
{
    beginResetModel();
    m_fences = std::move(fences);
    endResetModel();
    Q_EMIT refreshed();
}

} // namespace infrasight::models
