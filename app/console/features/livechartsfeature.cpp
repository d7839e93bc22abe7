// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/features/livechartsfeature.h"

#include "data/repositories/pgreadingrepository.h"
#include "models/timeseriesmodel.h"
#include "ui/widgets/charts/livechartpanel.h"
#include "ui/widgets/serviceregistry.h"
#include "ui/widgets/workbench.h"

#include <QDockWidget>
#include <QMainWindow>

namespace infrasight::app {

LiveChartsFeature::LiveChartsFeature(data::DbClient &client)
    : m_repository(std::make_unique<data::PgReadingRepository>(client))
{}

LiveChartsFeature::~LiveChartsFeature() = default;

void LiveChartsFeature::start(ui::Workbench &workbench)
{
    m_workbench = &workbench;
    m_series = std::make_unique<models::TimeSeriesModel>(*m_repository);
    m_panel = new ui::LiveChartPanel(m_series.get(), workbench.windowWidget());
    m_panel->setObjectName(QStringLiteral("liveChartPanel"));
    // Beside the Activity and Attribute Table tabs, not a third tab, with room for a few
    // charts.
    m_dock = workbench.addDock(
        QStringLiteral("liveChartDock"),
        tr("Live Chart"),
        m_panel,
        {Qt::BottomDockWidgetArea, nullptr, workbench.activityDock(), Qt::Horizontal});
    m_dock->show();
    if (auto *window = qobject_cast<QMainWindow *>(workbench.windowWidget())) {
        window->resizeDocks({m_dock}, {260}, Qt::Vertical);
    }
    workbench.services().add<ui::ChartOpener>(*this);
    workbench.services().add<models::TimeSeriesModel>(*m_series);
    workbench.services().add<ui::LiveChartPanel>(*m_panel);
}

void LiveChartsFeature::stop()
{
    m_workbench->services().remove<ui::ChartOpener>();
    m_workbench->services().remove<models::TimeSeriesModel>();
    m_workbench->services().remove<ui::LiveChartPanel>();
}

void LiveChartsFeature::showChart(qint64 sensorId)
{
    m_panel->showSensor(sensorId);
    m_dock->show();
    m_dock->raise();
}

} // namespace infrasight::app
