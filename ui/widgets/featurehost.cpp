// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/featurehost.h"

#include "ui/widgets/logging.h"
#include "ui/widgets/workbench.h"

#include <QtGlobal>

namespace infrasight::ui {

FeatureHost::~FeatureHost()
{
    stopAll();
    while (!m_modules.empty()) {
        m_modules.pop_back(); // reverse start order: a module may use an earlier one's objects
    }
}

void FeatureHost::add(std::unique_ptr<FeatureModule> module)
{
    Q_ASSERT(module);
    Q_ASSERT(!m_started);
    m_modules.push_back(std::move(module));
}

void FeatureHost::startAll(Workbench &workbench)
{
    Q_ASSERT(!m_started);
    m_started = true;
    for (const auto &module : m_modules) {
        qCDebug(lcUi) << "starting feature" << module->name();
        module->start(workbench);
    }
    for (const auto &module : m_modules) {
        module->connectFeatures(workbench.services());
    }
}

void FeatureHost::stopAll()
{
    if (!m_started || m_stopped) {
        return;
    }
    m_stopped = true;
    for (auto it = m_modules.rbegin(); it != m_modules.rend(); ++it) {
        qCDebug(lcUi) << "stopping feature" << (*it)->name();
        (*it)->stop();
    }
}

} // namespace infrasight::ui
