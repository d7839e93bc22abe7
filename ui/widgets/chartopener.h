// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace infrasight::ui {

/// Opens a sensor's live chart and brings it forward: the service the live charts offer to the
/// features whose items have sensors (alarms, asset details, alarm markers).
class ChartOpener
{
public:
    virtual ~ChartOpener() = default;
    virtual void showChart(qint64 sensorId) = 0;
};

} // namespace infrasight::ui
