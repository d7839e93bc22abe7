// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace infrasight::models {
class TimeSeriesModel;
}

namespace infrasight::ui {

class TrendChartView;

/// The Live Chart dock's content: the range (15 min, 1 h, 24 h, 7 d), a table of the charted
/// sensors (colour, code, last value, data age; Del removes one), and one chart per unit, one
/// above the other, on the same time axis and with the shared cursor. The charts follow the
/// clock: they are drawn again once per pixel column's worth of time (15 min on 800 px: every
/// 1.1 s; never more often than 10 times a second), so new readings show within a column, and at
/// once when sensors, limits or the range change. Nothing is drawn while the dock is hidden. The
/// model is borrowed and must outlive the panel. GUI thread only.
class LiveChartPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int FastestRedrawMs = 100;
    static constexpr int SlowestRedrawMs = 5000;

    explicit LiveChartPanel(models::TimeSeriesModel *model, QWidget *parent = nullptr);

    /// Charts a sensor (added to the charts; the dock is raised by the caller).
    void showSensor(qint64 sensorId);

    QList<TrendChartView *> charts() const { return m_charts; }

    QTableView *legendView() const { return m_legend; }

    /// Draws every chart now.
    void redrawNow();

    /// How often the charts follow the clock now.
    int redrawIntervalMs() const { return m_clock.interval(); }

    /// Redraws since the start (for benchmarks).
    qint64 redraws() const { return m_redraws; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuildCharts();
    void removeSelected();
    void updateStatus();

    models::TimeSeriesModel *m_model = nullptr;
    QButtonGroup *m_ranges = nullptr;
    QTableView *m_legend = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_status = nullptr;
    QVBoxLayout *m_chartLayout = nullptr;
    QList<TrendChartView *> m_charts;
    QList<QPair<QString, QList<qint64>>> m_groups; ///< unit -> sensors, as the charts show them
    QTimer m_clock; ///< follows the clock, one pixel column at a time
    QTimer m_soon;  ///< a change of sensors or range, drawn at once (coalesced)
    qint64 m_redraws = 0;
    QString m_problem;
};

} // namespace infrasight::ui
