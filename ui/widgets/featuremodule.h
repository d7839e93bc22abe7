// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace infrasight::ui {

class ServiceRegistry;
class Workbench;

/// One feature of the console (the map and its layers, alarms, live charts, geofences, ...),
/// with Qt Creator's plugin lifecycle: the FeatureHost starts every module in a fixed order,
/// then lets each connect to the others, and stops them in the reverse order before any is
/// destroyed. A module owns what it makes (repositories, models, widgets not handed to the
/// window) and puts itself into the window only through the Workbench, so adding a feature
/// touches no other feature's files and no window code. GUI thread only.
class FeatureModule
{
public:
    virtual ~FeatureModule() = default;

    /// A short stable name for logs ("alarms").
    virtual QString name() const = 0;

    /// Called once, in start order: create the docks, actions, tools and settings, and offer
    /// services in workbench.services().
    virtual void start(Workbench &workbench) = 0;

    /// Called once after every module started (Qt Creator's extensionsInitialized): find the
    /// services of other features and connect to them. Each may be absent.
    virtual void connectFeatures(ServiceRegistry &services) { static_cast<void>(services); }

    /// Called once, in reverse start order, while every module and the window still exist
    /// (Qt Creator's aboutToShutdown): cancel what runs, save settings, withdraw services.
    virtual void stop() = 0;
};

} // namespace infrasight::ui
