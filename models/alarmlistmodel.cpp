// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alarmlistmodel.h"

#include "models/errormessage.h"
#include "models/logging.h"

#include <QColor>
#include <QLocale>

namespace infrasight::models {

AlarmListModel::AlarmListModel(data::AlarmRepository &repository, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
    , m_live(repository,
             QStringLiteral("alarm"),
             std::chrono::milliseconds(RefreshDelayMs),
             this,
             &AlarmListModel::read)
{}

AlarmListModel::~AlarmListModel() = default;

int AlarmListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alarms.size());
}

int AlarmListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlarmListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const data::AlarmRecord &a = m_alarms.at(index.row());
    switch (role) {
    case AlarmIdRole:
        return a.id;
    case AssetIdRole:
        return a.assetId;
    case CriticalRole:
        return a.critical;
    case SensorIdRole:
        return a.sensorId;
    case Qt::ToolTipRole:
        return a.acknowledgedBy.isEmpty()
                   ? a.message
                   : tr("%1\nAcknowledged by %2").arg(a.message, a.acknowledgedBy);
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn) {
            return a.critical ? QColor(0xd0, 0x21, 0x21) : QColor(0xf0, 0xa0, 0x20);
        }
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeverityColumn:
            return a.escalated ? tr("Critical (escalated)")
                               : (a.critical ? tr("Critical") : tr("Warning"));
        case StateColumn:
            return a.state == u"new"            ? tr("New")
                   : a.state == u"acknowledged" ? tr("Acknowledged")
                                                : tr("Shelved");
        case RaisedColumn: {
            // Today's alarms by their time alone: the column stays narrow in a side dock.
            const QDateTime local = a.raisedAt.toLocalTime();
            return local.date() == QDate::currentDate()
                       ? QLocale().toString(local.time(), QStringLiteral("HH:mm:ss"))
                       : QLocale().toString(local, QLocale::ShortFormat);
        }
        case SourceColumn:
            return a.source;
        case MessageColumn:
            return a.message;
        case ValueColumn:
            return a.hasValue ? QLocale().toString(a.value, 'g', 6) : QString();
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant AlarmListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case SeverityColumn:
        return tr("Severity");
    case StateColumn:
        return tr("State");
    case RaisedColumn:
        return tr("Raised");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    case ValueColumn:
        return tr("Value");
    case ColumnCount:
        break;
    }
    return {};
}

int AlarmListModel::rowOf(qint64 alarmId) const
{
    for (int row = 0; row < m_alarms.size(); ++row) {
        if (m_alarms.at(row).id == alarmId) {
            return row;
        }
    }
    return -1;
}

void AlarmListModel::refresh()
{
    m_live.refresh();
}

data::Request AlarmListModel::read(const LiveTable::Done &done)
{
    return m_repository.openAlarms(
        MaxAlarms,
        this,
        LiveTable::answer<QList<data::AlarmRecord>>(
            done,
            [this](QList<data::AlarmRecord> alarms) { apply(std::move(alarms)); },
            [this](const Error &error) {
                qCWarning(lcModels) << "alarm list failed:" << error.toString();
                Q_EMIT actionFailed(
                    ErrorMessage::failed(tr("The alarm list could not be read"), error));
            }));
}

void AlarmListModel::acknowledge(const QList<qint64> &alarmIds, const QString &comment)
{
    for (const qint64 id : alarmIds) {
        const int row = rowOf(id);
        if (row < 0 || m_alarms.at(row).state != u"new") {
            continue;
        }
        m_repository.acknowledge(
            id, m_alarms.at(row).version, comment, this, [this](const Result<void> &outcome) {
                handleAcknowledged(outcome);
            });
    }
}

void AlarmListModel::handleAcknowledged(const Result<void> &outcome)
{
    if (!outcome) {
        const Error &error = outcome.error();
        QString message;
        if (error.code == ErrorCode::PermissionDenied) {
            message = tr("You may not acknowledge alarms (your database role lacks the right).");
        } else if (error.code == ErrorCode::Conflict) {
            message = tr("The alarm was changed by someone else meanwhile; the list shows it "
                         "as it is now.");
        } else {
            message = ErrorMessage::failed(tr("The alarm could not be acknowledged"), error);
        }
        Q_EMIT actionFailed(message);
    }
    refresh();
}

void AlarmListModel::apply(QList<data::AlarmRecord> alarms)
{
    if (alarms != m_alarms) {
        beginResetModel();
        m_alarms = std::move(alarms);
        endResetModel();
    }
    int critical = 0;
    int warnings = 0;
    QSet<qint64> seen;
    for (const data::AlarmRecord &a : std::as_const(m_alarms)) {
        seen.insert(a.id);
        if (a.state == u"new") {
            (a.critical ? critical : warnings) += 1;
            if (a.critical && m_loadedOnce && !m_seen.contains(a.id)) {
                Q_EMIT criticalRaised(a.id);
            }
        }
    }
    m_seen = std::move(seen);
    m_loadedOnce = true;
    m_newCritical = critical;
    m_newWarnings = warnings;
    Q_EMIT countsChanged(m_newCritical, m_newWarnings, openCount());
    Q_EMIT refreshed();
}

} // namespace infrasight::models
