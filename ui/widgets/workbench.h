// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>
#include <Qt>

#include <functional>

class QAction;
class QDockWidget;
class QWidget;

namespace infrasight::ui {

class MapCanvas;
class MapTool;
class ServiceRegistry;

/// Where a feature's dock goes in the window.
struct DockPlacement
{
    Qt::DockWidgetArea area = Qt::RightDockWidgetArea;
    /// Tabbed with this dock (behind it unless raise is set).
    QDockWidget *tabbedWith = nullptr;
    /// Else beside this dock, split in this orientation.
    QDockWidget *splitFrom = nullptr;
    Qt::Orientation splitOrientation = Qt::Vertical;
    bool raise = false;
};

/// What the main window offers feature modules to put themselves into it: docks (each with its
/// View menu entry), actions in the menus, map tools (Tools menu and tool bar, one active at a
/// time), tool bar and status bar widgets, a say in whether the window may close, the Activity
/// log, and the registry through which features find each other's services. The window knows
/// no feature by name; everything a feature adds it adds here. Valid from
/// FeatureModule::start() to FeatureModule::stop(). GUI thread only.
class Workbench
{
public:
    enum class Menu { File, View, Layers, Tools, Help };

    /// Returns false to keep the window open (the feature then asks the user, and closes the
    /// window itself once they agree).
    using CloseGuard = std::function<bool()>;

    virtual ~Workbench() = default;

    /// The window: parent for a feature's dialogs and window-wide shortcut actions.
    virtual QWidget *windowWidget() = 0;
    virtual MapCanvas *mapCanvas() const = 0;

    /// Puts content into a new dock (owned by the window); objectName keys its saved place.
    virtual QDockWidget *addDock(const QString &objectName,
                                 const QString &title,
                                 QWidget *content,
                                 const DockPlacement &placement)
        = 0;
    /// The window's own docks, to tab or split a dock with: Activity under the map, Layers
    /// on the left.
    virtual QDockWidget *activityDock() const = 0;
    virtual QDockWidget *layersDock() const = 0;
    /// Adds a page to the window's Layers dock (left), before its City page.
    virtual void addLayersPage(QWidget *page, const QString &title) = 0;

    /// Appends an action to a menu, in the section features fill (View: the display options
    /// above the theme; File: above Quit; the others: at the end).
    virtual void addMenuAction(Menu menu, QAction *action) = 0;
    /// A map tool: its action joins the Tools menu and the tool bar (checkable, exclusive with
    /// Pan and the other tools); triggering it activates tool on the map.
    virtual void addMapTool(QAction *action, MapTool *tool) = 0;
    /// Right end of the tool bar (a search box).
    virtual void addToolBarWidget(QWidget *widget) = 0;
    /// Left end of the status bar's permanent widgets (counts).
    virtual void addStatusWidget(QWidget *widget) = 0;
    virtual void addCloseGuard(CloseGuard guard) = 0;

    virtual void logActivity(const QString &line, const QIcon &icon = {}) = 0;
    virtual void showStatusMessage(const QString &text, int timeoutMs) = 0;

    virtual ServiceRegistry &services() = 0;
};

} // namespace infrasight::ui
