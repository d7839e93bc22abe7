// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace infrasight::models {
class AssetDetails;
}

namespace infrasight::ui {

/// The Details dock's content. At the top, the candidates of the last identify click, cluster or
/// locator choice ("SL-000123 · Street light · active") under a title such as "3 assets here";
/// the list hides when there is only one. Selecting a candidate loads it into the AssetDetails
/// model, whose parts fill the sections below as they arrive: Attributes (every field and
/// attribute), Sensors (last value, last seen "2 min ago"), Work orders (the open ones) and
/// History (the audit log). "Loading…", errors and a deleted asset are said inline; "Zoom to"
/// asks the map to show the asset. A single asset (a locator choice) is shown the same way:
/// setCandidates({asset}, asset.code). The details model is borrowed and must outlive the panel.
/// GUI thread only.
class AssetDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AssetDetailsPanel(models::AssetDetails *details, QWidget *parent = nullptr);

    /// Shows the candidates under title and loads the first one (emitting candidateChosen()).
    /// An empty list clears the details and shows title alone.
    void setCandidates(const QList<data::AssetSummary> &candidates, const QString &title);
    /// Back to the empty state ("Identify an asset on the map …").
    void clearCandidates();

    const QList<data::AssetSummary> &candidates() const { return m_candidates; }

    /// The candidate whose details are shown; a default summary when none.
    data::AssetSummary currentCandidate() const;

    /// "just now", "5 min ago", "3 h ago", "2 d ago", or the date for older times; "never" for
    /// an invalid time.
    static QString relativeTime(const QDateTime &when, const QDateTime &now);

Q_SIGNALS:
    /// The operator (or setCandidates()) selected a candidate; its details are loading.
    void candidateChosen(qint64 assetId);
    void zoomToRequested(const infrasight::data::AssetSummary &asset);
    /// The operator opened a sensor of the asset (Enter or a double click): show its chart.
    void chartRequested(qint64 sensorId);

private:
    void showCandidate(int row);
    void updateDetails();
    void fillAttributes();
    void fillSensors();
    void fillWorkOrders();
    void fillHistory();
    void updateSectionTitles();

    models::AssetDetails *m_details = nullptr;
    QList<data::AssetSummary> m_candidates;
    QLabel *m_title = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_heading = nullptr;
    QPushButton *m_zoomTo = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_empty = nullptr;
    QTabWidget *m_sections = nullptr;
    QTableWidget *m_attributes = nullptr;
    QTableWidget *m_sensors = nullptr;
    QTableWidget *m_workOrders = nullptr;
    QTableWidget *m_history = nullptr;
    QTimer *m_clock = nullptr; ///< keeps "2 min ago" current
};

} // namespace infrasight::ui
