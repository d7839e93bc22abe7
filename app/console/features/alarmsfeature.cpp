// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/features/alarmsfeature.h"

#include "data/repositories/pgalarmrepository.h"
#include "models/alarmlistmodel.h"
#include "ui/widgets/alarmpanel.h"
#include "ui/widgets/alarmsound.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/chartopener.h"
#include "ui/widgets/serviceregistry.h"
#include "ui/widgets/workbench.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>

namespace infrasight::app {

AlarmsFeature::AlarmsFeature(data::DbClient &client)
    : m_repository(std::make_unique<data::PgAlarmRepository>(client))
{}

AlarmsFeature::~AlarmsFeature() = default;

void AlarmsFeature::start(ui::Workbench &workbench)
{
    m_workbench = &workbench;
    m_alarms = std::make_unique<models::AlarmListModel>(*m_repository);
    m_panel = new ui::AlarmPanel(m_alarms.get(), workbench.windowWidget());
    m_panel->setObjectName(QStringLiteral("alarmPanel"));
    m_dock = workbench.addDock(
        QStringLiteral("alarmsDock"), tr("Alarms"), m_panel, {Qt::RightDockWidgetArea});

    // The counts stay in sight in the status bar, whatever docks are open.
    auto *counts = new QLabel(workbench.windowWidget());
    counts->setObjectName(QStringLiteral("alarmCountLabel"));
    workbench.addStatusWidget(counts);
    const auto showCounts = [counts](int critical, int warnings, int open) {
        counts->setText(tr("Alarms: %1 critical, %2 warning(s) new").arg(critical).arg(warnings));
        counts->setToolTip(tr("%n open alarm(s)", nullptr, open));
        counts->setStyleSheet(critical > 0 ? QStringLiteral("color: #d02121; font-weight: bold")
                                           : QString());
    };
    connect(m_alarms.get(), &models::AlarmListModel::countsChanged, counts, showCounts);
    showCounts(m_alarms->newCritical(), m_alarms->newWarnings(), m_alarms->openCount());
    connect(m_alarms.get(), &models::AlarmListModel::criticalRaised, m_dock, [this] {
        m_dock->show();
        m_dock->raise();
    });

    // The chime, off until the operator turns it on; the choice is kept.
    m_sound = new ui::AlarmSound(workbench.windowWidget());
    connect(m_alarms.get(),
            &models::AlarmListModel::criticalRaised,
            m_sound,
            &ui::AlarmSound::criticalRaised);
    auto *sound = new QAction(tr("&Sound for Critical Alarms"), workbench.windowWidget());
    sound->setObjectName(QStringLiteral("alarmSoundAction"));
    sound->setCheckable(true);
    sound->setChecked(m_sound->isEnabled());
    sound->setStatusTip(tr("Chime when a new critical alarm arrives"));
    connect(sound, &QAction::toggled, m_sound, &ui::AlarmSound::setEnabled);
    workbench.addMenuAction(ui::Workbench::Menu::View, sound);

    workbench.services().add<models::AlarmListModel>(*m_alarms);
    workbench.services().add<ui::AlarmPanel>(*m_panel);
}

void AlarmsFeature::connectFeatures(ui::ServiceRegistry &services)
{
    if (auto *assets = services.find<ui::AssetMapController>()) {
        connect(m_panel,
                &ui::AlarmPanel::assetRequested,
                assets,
                &ui::AssetMapController::showAssetById);
    }
    if (auto *charts = services.find<ui::ChartOpener>()) {
        connect(m_panel, &ui::AlarmPanel::chartRequested, m_panel, [charts](qint64 id) {
            charts->showChart(id);
        });
    }
}

void AlarmsFeature::stop()
{
    m_workbench->services().remove<models::AlarmListModel>();
    m_workbench->services().remove<ui::AlarmPanel>();
}

} // namespace infrasight::app
