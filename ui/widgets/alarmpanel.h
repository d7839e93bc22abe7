// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace infrasight::models {
class AlarmListModel;
}

namespace infrasight::ui {

/// The Alarms dock's content: the open alarms (critical first, newest first), a filter (all,
/// critical only, new only), a status line with the counts, and Acknowledge. From the keyboard:
/// Up/Down choose, Space acknowledges the selected alarms, Ctrl+Return asks for a comment first,
/// Enter (or a double click) shows the alarm's asset and its sensor's live chart. A refused
/// acknowledgement (a viewer's, or someone else was faster) is shown in the status line. The model
/// is borrowed and must outlive the panel. GUI thread only.
class AlarmPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AlarmPanel(models::AlarmListModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_view; }

    QComboBox *filterBox() const { return m_filter; }

    /// The status line's text ("2 critical, 5 warnings new; 9 open", or the last refusal).
    QString statusText() const;

    /// Acknowledges the selected alarms that are new (with a comment, if given).
    void acknowledgeSelected(const QString &comment = {});

Q_SIGNALS:
    /// The operator asked to see the asset of an alarm (Enter, double click)...
    void assetRequested(qint64 assetId);
    /// ... and, for a sensor's alarm, its live chart.
    void chartRequested(qint64 sensorId);

private:
    void askForCommentAndAcknowledge();
    void applyFilter();
    void updateStatus();
    void activate(const QModelIndex &index);

    models::AlarmListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_filter = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_acknowledge = nullptr;
    QString m_problem; ///< the last refusal, shown until the next change of the list
};

} // namespace infrasight::ui
