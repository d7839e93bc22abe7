// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/alarmrecords.h"
#include "data/repositories/alarmrepository.h"
#include "models/livetable.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace infrasight::models {

/// The operator's alarm list: the open alarms (new, acknowledged, shelved), critical first and
/// newest first, as the repository has them. A LiveTable reads the list again a moment after
/// each change on "alarm" (a burst of changes is one read), after every (re)connect, and after
/// an acknowledgement. acknowledge() goes through the repository at the version shown, which
/// records who and when; a refusal (a viewer, someone else was faster) comes back as
/// actionFailed() and changes nothing. Never blocks. GUI thread only.
class AlarmListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmListModel)

public:
    enum Column {
        SeverityColumn,
        StateColumn,
        RaisedColumn,
        SourceColumn,
        ValueColumn,
        MessageColumn, ///< last: it takes the width that is left
        ColumnCount
    };

    /// Qt::UserRole + 1: the alarm id (qint64); + 2: the asset id (0: none); + 3: critical (bool);
    /// + 4: the sensor id (0: none).
    static constexpr int AlarmIdRole = Qt::UserRole + 1;
    static constexpr int AssetIdRole = Qt::UserRole + 2;
    static constexpr int CriticalRole = Qt::UserRole + 3;
    static constexpr int SensorIdRole = Qt::UserRole + 4;
    /// Open alarms listed at most.
    static constexpr int MaxAlarms = 2000;
    /// Changes within this time are read as one.
    static constexpr int RefreshDelayMs = 200;

    /// The repository (and its change feed) must outlive the model.
    explicit AlarmListModel(data::AlarmRepository &repository, QObject *parent = nullptr);
    ~AlarmListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The alarm of a row (0 <= row < rowCount()).
    const data::AlarmRecord &alarm(int row) const { return m_alarms.at(row); }

    /// The row of an alarm, or -1.
    int rowOf(qint64 alarmId) const;

    /// Reads the list again now.
    void refresh();

    /// Acknowledges the alarms that are new, each at the version shown, with one comment.
    void acknowledge(const QList<qint64> &alarmIds, const QString &comment = {});

    /// New (unacknowledged) critical and warning alarms, and all open ones.
    int newCritical() const { return m_newCritical; }

    int newWarnings() const { return m_newWarnings; }

    int openCount() const { return int(m_alarms.size()); }

Q_SIGNALS:
    /// The list was read again (rows may have changed).
    void refreshed();
    /// The counts changed.
    void countsChanged(int newCritical, int newWarnings, int open);
    /// A new critical alarm appeared (for a sound or a flash).
    void criticalRaised(qint64 alarmId);
    /// An acknowledgement (or the list) failed; message for the operator.
    void actionFailed(const QString &message);

private:
    data::Request read(const LiveTable::Done &done);
    void handleAcknowledged(const Result<void> &outcome);
    void apply(QList<data::AlarmRecord> alarms);

    data::AlarmRepository &m_repository;
    QList<data::AlarmRecord> m_alarms;
    LiveTable m_live;
    QSet<qint64> m_seen; ///< alarms listed before (a critical one not among them is new)
    bool m_loadedOnce = false;
    int m_newCritical = 0;
    int m_newWarnings = 0;
};

} // namespace infrasight::models
