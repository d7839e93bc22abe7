// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>

#include <typeindex>
#include <typeinfo>

namespace infrasight::ui {

/// The objects feature modules offer one another, found by type (Qt Creator's object pool):
/// the map feature offers its AssetMapController, the live charts a ChartOpener, and a feature
/// that wants them looks them up in FeatureModule::connectFeatures(). A feature depends on the
/// type it asks for, never on the feature that offers it, and copes with it being absent.
/// Borrowed pointers: a feature removes what it offered in stop(). GUI thread only.
class ServiceRegistry
{
public:
    /// Offers service under type T (one per type; a second offer replaces the first).
    template<typename T>
    void add(T &service)
    {
        m_services.insert(std::type_index(typeid(T)), static_cast<void *>(&service));
    }

    template<typename T>
    void remove()
    {
        m_services.remove(std::type_index(typeid(T)));
    }

    /// The service offered under type T, or nullptr when no feature offers one.
    template<typename T>
    T *find() const
    {
        return static_cast<T *>(m_services.value(std::type_index(typeid(T)), nullptr));
    }

    bool isEmpty() const { return m_services.isEmpty(); }

private:
    QHash<std::type_index, void *> m_services;
};

} // namespace infrasight::ui
