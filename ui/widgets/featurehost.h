// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/featuremodule.h"

#include <memory>
#include <vector>

namespace infrasight::ui {

class Workbench;

/// Owns the feature modules and runs their lifecycle: add() them in start order, startAll()
/// starts each then connects them all, stopAll() stops them in reverse order, and the host
/// destroys them in reverse order too (stopping first if nobody did). GUI thread only.
class FeatureHost
{
public:
    FeatureHost() = default;
    FeatureHost(const FeatureHost &) = delete;
    FeatureHost &operator=(const FeatureHost &) = delete;
    ~FeatureHost();

    /// Adds a module to start after those added before. Only before startAll().
    void add(std::unique_ptr<FeatureModule> module);

    /// start() of each module in order, then connectFeatures() of each. Once.
    void startAll(Workbench &workbench);
    /// stop() of each started module in reverse order. Idempotent.
    void stopAll();

    bool isStarted() const { return m_started; }

    /// The modules in start order.
    const std::vector<std::unique_ptr<FeatureModule>> &modules() const { return m_modules; }

private:
    std::vector<std::unique_ptr<FeatureModule>> m_modules;
    bool m_started = false;
    bool m_stopped = false;
};

} // namespace infrasight::ui
