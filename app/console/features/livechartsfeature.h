// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/chartopener.h"
#include "ui/widgets/featuremodule.h"

#include <QObject>

#include <memory>

class QDockWidget;

namespace infrasight::data {
class DbClient;
class PgReadingRepository;
} // namespace infrasight::data

namespace infrasight::models {
class TimeSeriesModel;
}

namespace infrasight::ui {
class LiveChartPanel;
}

namespace infrasight::app {

/// The live charts: a Live Chart dock at the bottom, beside Activity and the attribute table.
/// Offers a ChartOpener (alarms, asset details and alarm markers open their sensor's chart
/// through it) and its TimeSeriesModel.
class LiveChartsFeature final : public QObject, public ui::FeatureModule, public ui::ChartOpener
{
    Q_OBJECT

public:
    /// The client must outlive the feature.
    explicit LiveChartsFeature(data::DbClient &client);
    ~LiveChartsFeature() override;

    QString name() const override { return QStringLiteral("live charts"); }

    void start(ui::Workbench &workbench) override;
    void stop() override;

    /// Charts a sensor and brings the dock forward.
    void showChart(qint64 sensorId) override;

private:
    std::unique_ptr<data::PgReadingRepository> m_repository;
    std::unique_ptr<models::TimeSeriesModel> m_series;
    ui::Workbench *m_workbench = nullptr;
    ui::LiveChartPanel *m_panel = nullptr; ///< owned by its dock
    QDockWidget *m_dock = nullptr;
};

} // namespace infrasight::app
