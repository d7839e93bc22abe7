// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/featuremodule.h"

#include <QObject>

#include <memory>

class QDockWidget;

namespace infrasight::data {
class DbClient;
class PgAlarmRepository;
} // namespace infrasight::data

namespace infrasight::models {
class AlarmListModel;
}

namespace infrasight::ui {
class AlarmPanel;
class AlarmSound;
} // namespace infrasight::ui

namespace infrasight::app {

/// The operator's alarms: the Alarms dock (right), the new-alarm counts in the status bar, the
/// dock brought forward and an optional chime (View > Sound for Critical Alarms) for a new
/// critical alarm. Offers the AlarmListModel (the map draws its markers); an alarm opens its
/// asset (AssetMapController) and its sensor's chart (ChartOpener) where those are offered.
class AlarmsFeature final : public QObject, public ui::FeatureModule
{
    Q_OBJECT

public:
    /// The client must outlive the feature.
    explicit AlarmsFeature(data::DbClient &client);
    ~AlarmsFeature() override;

    QString name() const override { return QStringLiteral("alarms"); }

    void start(ui::Workbench &workbench) override;
    void connectFeatures(ui::ServiceRegistry &services) override;
    void stop() override;

private:
    std::unique_ptr<data::PgAlarmRepository> m_repository;
    std::unique_ptr<models::AlarmListModel> m_alarms;
    ui::Workbench *m_workbench = nullptr;
    ui::AlarmPanel *m_panel = nullptr; ///< owned by its dock
    QDockWidget *m_dock = nullptr;
    ui::AlarmSound *m_sound = nullptr; ///< owned by the window
};

} // namespace infrasight::app
