// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/charts/livechartpanel.h"

#include "models/timeseriesmodel.h"
#include "ui/widgets/charts/trendchartview.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace infrasight::ui {

using models::TimeSeriesModel;

LiveChartPanel::LiveChartPanel(TimeSeriesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_ranges(new QButtonGroup(this))
    , m_legend(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_status(new QLabel(this))
{
    Q_ASSERT(model);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    const QList<QPair<TimeSeriesModel::Range, QString>> ranges{
        {TimeSeriesModel::Range::Minutes15, tr("15 min")},
        {TimeSeriesModel::Range::Hour1, tr("1 h")},
        {TimeSeriesModel::Range::Hours24, tr("24 h")},
        {TimeSeriesModel::Range::Days7, tr("7 d")},
    };
    for (const auto &[range, text] : ranges) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setChecked(range == model->range());
        button->setToolTip(range == TimeSeriesModel::Range::Hours24
                               ? tr("The last 24 hours, from 1-minute rollups")
                           : range == TimeSeriesModel::Range::Days7
                               ? tr("The last 7 days, from 1-hour rollups")
                               : tr("Live, every reading (min/max per pixel column)"));
        m_ranges->addButton(button, int(range));
        bar->addWidget(button);
    }
    m_ranges->setExclusive(true);
    connect(m_ranges, &QButtonGroup::idClicked, this, [this](int id) {
        m_model->setRange(TimeSeriesModel::Range(id));
    });
    bar->addStretch(1);
    m_status->setObjectName(QStringLiteral("chartStatus"));
    bar->addWidget(m_status);
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Remove every sensor from the charts"));
    connect(clear, &QToolButton::clicked, m_model, &TimeSeriesModel::clear);
    bar->addWidget(clear);

    m_legend->setObjectName(QStringLiteral("chartLegend"));
    m_legend->setModel(model);
    m_legend->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_legend->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_legend->verticalHeader()->hide();
    m_legend->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_legend->horizontalHeader()->setStretchLastSection(true);
    m_legend->setMaximumHeight(fontMetrics().height() * 7);
    auto *remove = new QAction(tr("Remove from Chart"), m_legend);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &LiveChartPanel::removeSelected);
    m_legend->addAction(remove);
    m_legend->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_empty->setText(tr("No sensor charted. Press Enter on an alarm, double-click a sensor in the "
                        "Details panel, or use Identify on an alarm marker on the map."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    auto *charts = new QWidget(this);
    m_chartLayout = new QVBoxLayout(charts);
    m_chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartLayout->setSpacing(2);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(charts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_legend);
    layout->addWidget(m_empty);
    layout->addWidget(scroll, 1);

    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &LiveChartPanel::redrawNow);
    m_soon.setSingleShot(true);
    m_soon.setInterval(30);
    connect(&m_soon, &QTimer::timeout, this, [this] {
        rebuildCharts();
        redrawNow();
    });
    connect(model, &TimeSeriesModel::seriesChanged, &m_soon, qOverload<>(&QTimer::start));
    connect(model, &TimeSeriesModel::loadingChanged, this, &LiveChartPanel::updateStatus);
    connect(model, &TimeSeriesModel::failed, this, [this](const QString &message) {
        m_problem = message;
        updateStatus();
    });
    connect(model, &TimeSeriesModel::modelReset, this, &LiveChartPanel::updateStatus);
    connect(model, &TimeSeriesModel::rowsInserted, this, &LiveChartPanel::updateStatus);
    connect(model, &TimeSeriesModel::rowsRemoved, this, &LiveChartPanel::updateStatus);
    updateStatus();
}

void LiveChartPanel::showSensor(qint64 sensorId)
{
    m_model->addSensor(sensorId);
    const int row = m_model->rowOf(sensorId);
    if (row >= 0) {
        m_legend->selectRow(row);
    }
}

void LiveChartPanel::redrawNow()
{
    if (!isVisible() || m_charts.isEmpty()) {
        m_clock.stop();
        return;
    }
    const qint64 now = TimeSeriesModel::nowMs();
    const qint64 span = TimeSeriesModel::rangeMs(m_model->range());
    for (TrendChartView *chart : std::as_const(m_charts)) {
        chart->redraw(now - span, now);
    }
    ++m_redraws;
    // One pixel column's worth of time until the next redraw.
    const int columns = m_charts.constFirst()->plotColumns();
    const int interval
        = int(std::clamp<qint64>(span / std::max(columns, 1), FastestRedrawMs, SlowestRedrawMs));
    if (m_clock.interval() != interval || !m_clock.isActive()) {
        m_clock.start(interval);
    }
}

void LiveChartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_soon.start(); // what came while hidden
}

void LiveChartPanel::rebuildCharts()
{
    // One chart per unit, in the order the sensors were added.
    QList<QPair<QString, QList<qint64>>> groups;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const data::SensorChartInfo &info = m_model->info(row);
        const QString unit = info.unit.isEmpty() ? info.kind : info.unit;
        auto group = std::find_if(
            groups.begin(), groups.end(), [&](const auto &g) { return g.first == unit; });
        if (group == groups.end()) {
            groups.append({unit, {info.id}});
        } else {
            group->second.append(info.id);
        }
    }
    if (groups == m_groups) {
        return;
    }
    m_groups = groups;
    while (m_charts.size() > groups.size()) {
        delete m_charts.takeLast();
    }
    while (m_charts.size() < groups.size()) {
        auto *chart = new TrendChartView(m_model, this);
        chart->setObjectName(QStringLiteral("trendChart%1").arg(m_charts.size()));
        m_chartLayout->addWidget(chart, 1);
        // Laid out later than made: draw again for the real width (and set the clock by it).
        connect(chart, &TrendChartView::resized, &m_soon, qOverload<>(&QTimer::start));
        m_charts.append(chart);
    }
    for (qsizetype i = 0; i < groups.size(); ++i) {
        m_charts.at(i)->setSensors(groups.at(i).second, groups.at(i).first);
    }
}

void LiveChartPanel::removeSelected()
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_legend->selectionModel()->selectedRows()) {
        ids.append(index.data(TimeSeriesModel::SensorIdRole).toLongLong());
    }
    for (qint64 id : std::as_const(ids)) {
        m_model->removeSensor(id);
    }
}

void LiveChartPanel::updateStatus()
{
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_legend->setVisible(!empty);
    if (!m_problem.isEmpty()) {
        m_status->setText(m_problem);
        m_status->setStyleSheet(QStringLiteral("color: #d02121"));
        m_problem.clear(); // shown until the next change
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->setText(m_model->isLoading() ? tr("Loading history…") : QString());
}

} // namespace infrasight::ui
