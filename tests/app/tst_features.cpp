// SPDX-License-Identifier: GPL-3.0-or-later
// The console's real feature modules in the real window, with no database (the client never
// connects): where each puts its docks, the tools in operator order, the menus in German with
// unique accelerators, the services they offer one another, and a clean stop and teardown.
#include "app/console/features/alarmsfeature.h"
#include "app/console/features/assetmapfeature.h"
#include "app/console/features/geofencesfeature.h"
#include "app/console/features/livechartsfeature.h"
#include "data/dbclient.h"
#include "models/alarmlistmodel.h"
#include "models/timeseriesmodel.h"
#include "ui/widgets/alarmpanel.h"
#include "ui/widgets/assetdetailspanel.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/attributetablepanel.h"
#include "ui/widgets/chartopener.h"
#include "ui/widgets/charts/livechartpanel.h"
#include "ui/widgets/featurehost.h"
#include "ui/widgets/geofencepanel.h"
#include "ui/widgets/identifytool.h"
#include "ui/widgets/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

/// The dock a feature put a panel into.
QDockWidget *dockOf(QWidget *panel)
{
    return panel != nullptr ? qobject_cast<QDockWidget *>(panel->parentWidget()) : nullptr;
}

QMenu *menuNamed(const ui::MainWindow &window, const QString &title)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text().remove(u'&') == title) {
            return menu->menu();
        }
    }
    return nullptr;
}

/// The entries of a menu without separators, '&' removed.
QStringList entries(const QMenu *menu)
{
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator()) {
            texts << action->text().remove(u'&');
        }
    }
    return texts;
}

/// The keyboard accelerators ("&x") of a menu's entries, lower-case.
QStringList accelerators(const QMenu *menu)
{
    QStringList keys;
    for (const QAction *action : menu->actions()) {
        const QString text = action->text();
        const qsizetype at = text.indexOf(u'&');
        if (at >= 0 && at + 1 < text.size() && text.at(at + 1) != u'&') {
            keys << text.at(at + 1).toLower();
        }
    }
    return keys;
}

/// The console's window with its four features, as Application builds it.
struct Console
{
    data::DbClient client; // never opened: every read fails at once, nothing is shown
    std::unique_ptr<ui::MainWindow> window = std::make_unique<ui::MainWindow>();
    std::unique_ptr<ui::FeatureHost> features = std::make_unique<ui::FeatureHost>();

    Console()
    {
        features->add(std::make_unique<app::AlarmsFeature>(client));
        features->add(std::make_unique<app::AssetMapFeature>(client));
        features->add(std::make_unique<app::LiveChartsFeature>(client));
        features->add(std::make_unique<app::GeofencesFeature>(client));
        features->startAll(*window);
        window->restoreDockLayout();
    }

    ~Console()
    {
        features->stopAll();
        window.reset();
        features.reset();
    }

    template<typename T>
    T *find() const
    {
        return window->services().find<T>();
    }
};

} // namespace

class TestFeatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void docksSurroundTheMap();
    void toolsAreInOperatorOrder();
    void featuresFindEachOther();
    void menusReadGermanWithUniqueAccelerators_data();
    void menusReadGermanWithUniqueAccelerators();
    void stopAndTeardownAreClean();

private:
    QTemporaryDir m_settingsDir;
    QTranslator m_ui;
    QTranslator m_console;
};

void TestFeatures::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestFeatures::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_ui);
    QCoreApplication::removeTranslator(&m_console);
}

void TestFeatures::docksSurroundTheMap()
{
    Console console;
    console.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
    ui::MainWindow &window = *console.window;
    QDockWidget *alarms = dockOf(console.find<ui::AlarmPanel>());
    QDockWidget *details = dockOf(console.find<ui::AssetDetailsPanel>());
    QDockWidget *table = dockOf(console.find<ui::AttributeTablePanel>());
    QDockWidget *chart = dockOf(console.find<ui::LiveChartPanel>());
    QDockWidget *fences = dockOf(window.findChild<ui::GeofencePanel *>());
    for (QDockWidget *dock : {alarms, details, table, chart, fences}) {
        QVERIFY(dock != nullptr);
    }
    QCOMPARE(window.dockWidgetArea(window.layersDock()), Qt::LeftDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(fences), Qt::LeftDockWidgetArea);
    QCOMPARE(window.tabifiedDockWidgets(window.layersDock()), QList<QDockWidget *>{fences});
    QCOMPARE(window.dockWidgetArea(alarms), Qt::RightDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(details), Qt::RightDockWidgetArea);
    QVERIFY(alarms->geometry().bottom() < details->geometry().top()); // Alarms above Details
    QCOMPARE(window.dockWidgetArea(table), Qt::BottomDockWidgetArea);
    QCOMPARE(window.tabifiedDockWidgets(window.activityDock()), QList<QDockWidget *>{table});
    QCOMPARE(window.dockWidgetArea(chart), Qt::BottomDockWidgetArea);
    QVERIFY(window.tabifiedDockWidgets(chart).isEmpty()); // beside the tabs, not a third one
    QVERIFY(chart->isVisible());
    // Every dock can be brought back from the View menu after closing it.
    const QList<QAction *> view = menuNamed(window, u"View"_s)->actions();
    for (QDockWidget *dock : {window.layersDock(), alarms, details, window.activityDock(), chart}) {
        QVERIFY2(view.contains(dock->toggleViewAction()), qPrintable(dock->objectName()));
        QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
        dock->close();
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
    }
}

void TestFeatures::toolsAreInOperatorOrder()
{
    Console console;
    QCOMPARE(entries(menuNamed(*console.window, u"Tools"_s)),
             (QStringList{u"Pan"_s,
                          u"Identify"_s,
                          u"Select"_s,
                          u"Select in Polygon"_s,
                          u"Move Asset"_s,
                          u"Draw Geofence"_s}));
    QCOMPARE(entries(menuNamed(*console.window, u"Layers"_s)),
             (QStringList{u"Refresh"_s, u"Zoom to Selection"_s, u"Clear Selection"_s}));
    // One tool at a time: choosing Identify, then Pan, leaves no tool on the map.
    auto *identify = console.window->findChild<QAction *>(u"identifyTool"_s);
    QVERIFY(identify);
    identify->trigger();
    QCOMPARE(console.window->mapCanvas()->tool(),
             static_cast<ui::MapTool *>(console.find<ui::AssetMapController>()->identifyTool()));
    console.window->findChild<QAction *>(u"panTool"_s)->trigger();
    QCOMPARE(console.window->mapCanvas()->tool(), nullptr);
    QVERIFY(!identify->isChecked());
}

void TestFeatures::featuresFindEachOther()
{
    Console console;
    console.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
    QVERIFY(console.find<ui::AssetMapController>() != nullptr);
    QVERIFY(console.find<models::AlarmListModel>() != nullptr);
    QVERIFY(console.find<models::TimeSeriesModel>() != nullptr);
    // An alarm's chart request reaches the live charts through their ChartOpener.
    auto *charts = console.find<ui::ChartOpener>();
    QVERIFY(charts != nullptr);
    QDockWidget *chartDock = dockOf(console.find<ui::LiveChartPanel>());
    chartDock->close();
    Q_EMIT console.find<ui::AlarmPanel>()->chartRequested(42);
    QVERIFY(chartDock->isVisible());
    QCOMPARE(console.find<models::TimeSeriesModel>()->rowOf(42), 0);
}

void TestFeatures::menusReadGermanWithUniqueAccelerators_data()
{
    QTest::addColumn<QString>("menu");
    QTest::addColumn<QStringList>("german");
    QTest::newRow("tools") << u"Werkzeuge"_s
                           << QStringList{u"Im Polygon auswählen"_s, u"Anlage versetzen"_s};
    QTest::newRow("layers") << u"Ebenen"_s << QStringList{u"Auswahl aufheben"_s};
    QTest::newRow("view") << u"Ansicht"_s << QStringList{u"Alarme"_s, u"Geofences auf der Karte"_s};
}

void TestFeatures::menusReadGermanWithUniqueAccelerators()
{
    QFETCH(QString, menu);
    QFETCH(QStringList, german);
    if (m_ui.isEmpty()) {
        // The same lookup Application::installTranslations() does for LANG=de_DE.UTF-8.
        const QLocale de(QLocale::German, QLocale::Germany);
        QVERIFY(m_ui.load(de, u"infrasight_ui"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(m_console.load(de, u"infrasight_console"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(QCoreApplication::installTranslator(&m_ui));
        QVERIFY(QCoreApplication::installTranslator(&m_console));
    }
    Console console;
    QMenu *shown = menuNamed(*console.window, menu);
    QVERIFY2(shown != nullptr, qPrintable(menu));
    const QStringList texts = entries(shown);
    for (const QString &text : german) {
        QVERIFY2(texts.contains(text), qPrintable(texts.join(u" | "_s)));
    }
    const QStringList keys = accelerators(shown);
    QVERIFY(!keys.isEmpty());
    QStringList unique = keys;
    unique.removeDuplicates();
    QVERIFY2(unique.size() == keys.size(), qPrintable(keys.join(u' ')));
}

void TestFeatures::stopAndTeardownAreClean()
{
    auto console = std::make_unique<Console>();
    console->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(console->window.get()));
    console->features->stopAll();
    QVERIFY(console->window->services().isEmpty()); // every feature withdrew its services
    QVERIFY(console->window->close());
    console.reset();
}

QTEST_MAIN(TestFeatures)
#include "tst_features.moc"
