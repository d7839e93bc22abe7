// SPDX-License-Identifier: GPL-3.0-or-later
// A throw-away feature module, written here and nowhere else, puts a dock, a View action, a map
// tool and a status widget into the real main window through the Workbench, finds another
// module's service, keeps the window open over unsaved work, and shuts down cleanly in reverse
// order, without MainWindow or Application knowing it.
#include "ui/widgets/featurehost.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/maptool.h"
#include "ui/widgets/serviceregistry.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

/// What the modules saw, in order: "start:notes", "connect:notes", "stop:notes".
QStringList g_log;

/// A service one module offers and the other looks up.
class Clock
{
public:
    QString now() const { return u"12:00"_s; }
};

class ClockModule final : public ui::FeatureModule
{
public:
    QString name() const override { return u"clock"_s; }

    void start(ui::Workbench &workbench) override
    {
        g_log << u"start:clock"_s;
        m_workbench = &workbench;
        workbench.services().add<Clock>(m_clock);
    }

    void stop() override
    {
        g_log << u"stop:clock"_s;
        m_workbench->services().remove<Clock>();
    }

private:
    Clock m_clock;
    ui::Workbench *m_workbench = nullptr;
};

class NotesTool final : public ui::MapTool
{
public:
    using MapTool::MapTool;
};

class NotesModule final : public ui::FeatureModule
{
public:
    QString name() const override { return u"notes"_s; }

    void start(ui::Workbench &workbench) override
    {
        g_log << u"start:notes"_s;
        m_workbench = &workbench;
        m_editor = new QLabel(u"notes"_s);
        dock = workbench.addDock(u"notesDock"_s, u"Notes"_s, m_editor, {Qt::RightDockWidgetArea});
        action = new QAction(u"Show &Notes"_s, workbench.windowWidget());
        action->setObjectName(u"showNotesAction"_s);
        workbench.addMenuAction(ui::Workbench::Menu::View, action);
        tool = new NotesTool(workbench.mapCanvas());
        toolAction = new QAction(u"&Annotate"_s, workbench.windowWidget());
        toolAction->setStatusTip(u"Click to leave a note"_s);
        workbench.addMapTool(toolAction, tool);
        status = new QLabel(u"3 notes"_s);
        workbench.addStatusWidget(status);
        workbench.addCloseGuard([this] { return !unsaved; });
    }

    void connectFeatures(ui::ServiceRegistry &services) override
    {
        g_log << u"connect:notes"_s;
        clock = services.find<Clock>();
        missing = services.find<NotesTool>() == nullptr;
    }

    void stop() override
    {
        g_log << u"stop:notes"_s;
        // The window and the clock module still exist while modules stop.
        windowAliveAtStop = !m_editor.isNull();
    }

    QPointer<QDockWidget> dock;
    QPointer<QAction> action;
    QPointer<QAction> toolAction;
    QPointer<QLabel> status;
    NotesTool *tool = nullptr;
    Clock *clock = nullptr;
    bool missing = false;
    bool unsaved = false;
    bool windowAliveAtStop = false;

private:
    ui::Workbench *m_workbench = nullptr;
    QPointer<QLabel> m_editor;
};

} // namespace

class TestFeatureModule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void moduleRegistersAndShutsDownCleanly();
    void closeGuardKeepsTheWindowOpen();
};

void TestFeatureModule::initTestCase()
{
    QCoreApplication::setOrganizationName(u"infrasight-tests"_s);
    QCoreApplication::setApplicationName(u"tst_featuremodule"_s);
}

void TestFeatureModule::init()
{
    QSettings().clear();
    g_log.clear();
}

void TestFeatureModule::moduleRegistersAndShutsDownCleanly()
{
    auto window = std::make_unique<ui::MainWindow>();
    auto host = std::make_unique<ui::FeatureHost>();
    host->add(std::make_unique<ClockModule>());
    auto notesModule = std::make_unique<NotesModule>();
    NotesModule *notes = notesModule.get();
    host->add(std::move(notesModule));
    host->startAll(*window);
    window->restoreDockLayout();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));

    // Start in order, then connect: the clock was there to be found, nothing else was offered.
    QCOMPARE(g_log, (QStringList{u"start:clock"_s, u"start:notes"_s, u"connect:notes"_s}));
    QVERIFY(notes->clock != nullptr);
    QCOMPARE(notes->clock->now(), u"12:00"_s);
    QVERIFY(notes->missing);

    // The dock is in the window, right of the map, with its toggle in the View menu.
    QVERIFY(notes->dock);
    QCOMPARE(window->dockWidgetArea(notes->dock), Qt::RightDockWidgetArea);
    QVERIFY(notes->dock->isVisible());
    QMenu *view = nullptr;
    for (QAction *menu : window->menuBar()->actions()) {
        view = menu->text().remove(u'&') == u"View"_s ? menu->menu() : view;
    }
    QVERIFY(view);
    QVERIFY(view->actions().contains(notes->dock->toggleViewAction()));
    QVERIFY(view->actions().contains(notes->action.data()));
    notes->dock->close();
    notes->dock->toggleViewAction()->trigger();
    QVERIFY(notes->dock->isVisible());

    // The tool is checkable, exclusive with Pan, and activates itself on the map.
    QVERIFY(notes->toolAction->isCheckable());
    QVERIFY(notes->toolAction->toolTip().contains(u"Click to leave a note"_s));
    notes->toolAction->trigger();
    QCOMPARE(window->mapCanvas()->tool(), notes->tool);
    QVERIFY(notes->toolAction->isChecked());
    window->mapCanvas()->setTool(nullptr);
    QVERIFY(!notes->toolAction->isChecked());

    // The status widget sits left of the window's own.
    QVERIFY(notes->status);
    QVERIFY(notes->status->isVisible());
    QCOMPARE(notes->status->parentWidget()->window(), window.get());

    // Stop in reverse order while everything exists; the window goes, then the modules.
    host->stopAll();
    host->stopAll(); // idempotent
    QCOMPARE(g_log.mid(3), (QStringList{u"stop:notes"_s, u"stop:clock"_s}));
    QVERIFY(notes->windowAliveAtStop);
    QVERIFY(window->services().find<Clock>() == nullptr);
    window.reset();
    QVERIFY(notes->dock.isNull());
    host.reset();
}

void TestFeatureModule::closeGuardKeepsTheWindowOpen()
{
    ui::MainWindow window;
    ui::FeatureHost host;
    auto notesModule = std::make_unique<NotesModule>();
    NotesModule *notes = notesModule.get();
    host.add(std::move(notesModule));
    host.startAll(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    notes->unsaved = true;
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    notes->unsaved = false;
    QVERIFY(window.close());
    host.stopAll();
}

QTEST_MAIN(TestFeatureModule)
#include "tst_featuremodule.moc"
