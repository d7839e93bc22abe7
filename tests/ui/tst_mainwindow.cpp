// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/coordinatelabel.h"
#include "ui/widgets/logindialog.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/theme.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using infrasight::ui::ConnectionIndicator;
using infrasight::ui::LoginDialog;
using infrasight::ui::MainWindow;
using infrasight::ui::MapCanvas;
using infrasight::ui::Theme;
using State = infrasight::ui::ConnectionIndicator::State;

Q_DECLARE_METATYPE(infrasight::ui::ConnectionIndicator::State)

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void centralWidgetIsTheMapArea();
    void menusAreInOperatorOrder();
    void docksSurroundTheMap();
    void indicatorShowsEachState_data();
    void indicatorShowsEachState();
    void everyStateHasItsOwnColourAndWord();
    void stateChangesAreLoggedOnce();
    void loginDialogNeverStoresThePassword();
    void workOfflineCancelsTheLogin();
    void loginIsDismissedWithoutCancelling();
    void darkThemeIsAppliedAndRemembered();
    void mapViewIsRemembered();

private:
    static bool imageContainsColor(const QImage &image, const QColor &color);

    QTemporaryDir m_settingsDir;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // Settings of this test only, in a directory we can read back.
    QCoreApplication::setOrganizationName(QStringLiteral("infrasight-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestMainWindow::init()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestMainWindow::centralWidgetIsTheMapArea()
{
    auto *map = qobject_cast<MapCanvas *>(m_window->centralWidget());
    QVERIFY(map != nullptr);
    QCOMPARE(map, m_window->mapArea());
    m_window->setCityName(QStringLiteral("Monaco"));
    QCOMPARE(map->cityName(), QStringLiteral("Monaco"));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Monaco")));
    QCOMPARE(MapCanvas::defaultAttribution(), QStringLiteral("© OpenStreetMap contributors"));
    QCOMPARE(map->attribution(), MapCanvas::defaultAttribution());
    // The map commands that work with the canvas are enabled.
    for (const char *name : {"zoomInAction",
                             "zoomOutAction",
                             "zoomHomeAction",
                             "zoomRectangleAction",
                             "mapSourceAction",
                             "panTool"}) {
        auto *action = m_window->findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(action != nullptr, name);
        QVERIFY2(action->isEnabled(), name);
    }
    const double zoom = map->viewport().zoom();
    m_window->findChild<QAction *>(QStringLiteral("zoomInAction"))->trigger();
    QCOMPARE(map->viewport().zoom(), std::min(zoom + 1.0, 20.0));
    // The cursor position over the map shows in the status bar.
    QTest::mouseMove(map, QPoint(map->width() / 2, map->height() / 2));
    QTRY_VERIFY(m_window->coordinateLabel()->text().contains(QStringLiteral("° E")));
    QVERIFY(m_window->coordinateLabel()->text().contains(QStringLiteral("° N")));
    // The map area takes most of the window, as it should in an operations console.
    QVERIFY(map->width() > m_window->width() / 2);
    QVERIFY(map->height() > m_window->height() / 2);
}

void TestMainWindow::menusAreInOperatorOrder()
{
    QStringList titles;
    const auto actions = m_window->menuBar()->actions();
    for (const QAction *action : actions) {
        titles << action->text().remove(u'&');
    }
    QCOMPARE(titles,
             QStringList({QStringLiteral("File"),
                          QStringLiteral("View"),
                          QStringLiteral("Layers"),
                          QStringLiteral("Tools"),
                          QStringLiteral("Help")}));
    auto *quit = m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit != nullptr);
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("connectAction")) != nullptr);
}

void TestMainWindow::docksSurroundTheMap()
{
    // The window's own docks, and one a feature adds on the right (as Alarms and Details are).
    QDockWidget *right = m_window->addDock(QStringLiteral("rightDock"),
                                           QStringLiteral("Right"),
                                           new QLabel,
                                           {Qt::RightDockWidgetArea});
    QCOMPARE(m_window->dockWidgetArea(m_window->layersDock()), Qt::LeftDockWidgetArea);
    QCOMPARE(m_window->dockWidgetArea(right), Qt::RightDockWidgetArea);
    QCOMPARE(m_window->dockWidgetArea(m_window->activityDock()), Qt::BottomDockWidgetArea);
    for (QDockWidget *dock : {m_window->layersDock(), right, m_window->activityDock()}) {
        QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
        // Every dock can be brought back from the View menu after closing it.
        dock->close();
        QVERIFY(!dock->isVisible());
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
    }
}

void TestMainWindow::indicatorShowsEachState_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("text");

    QTest::newRow("starting-local")
        << State::Starting << QStringLiteral("Starting local database…");
    QTest::newRow("connecting") << State::Connecting << QStringLiteral("Connecting…");
    QTest::newRow("connected") << State::Connected << QStringLiteral("Connected");
    QTest::newRow("reconnecting") << State::Reconnecting << QStringLiteral("Reconnecting…");
    QTest::newRow("offline") << State::Offline << QStringLiteral("Offline");
    QTest::newRow("needs-password") << State::NeedsPassword << QStringLiteral("Password required");
}

void TestMainWindow::indicatorShowsEachState()
{
    QFETCH(State, state);
    QFETCH(QString, text);

    ConnectionIndicator *indicator = m_window->connectionIndicator();
    QVERIFY(m_window->statusBar()->isAncestorOf(indicator));
    QVERIFY(indicator->isVisible());

    m_window->setConnectionState(state, QStringLiteral("postgres@127.0.0.1:5432"));
    QCOMPARE(m_window->connectionState(), state);
    QCOMPARE(indicator->text(), text);
    QVERIFY(indicator->toolTip().contains(text));
    QVERIFY(indicator->toolTip().contains(QStringLiteral("postgres@127.0.0.1:5432")));
    QCOMPARE(indicator->color(), ConnectionIndicator::colorFor(state));

    // What the operator sees: the lamp is painted in the state's colour.
    const QImage image = indicator->grab().toImage();
    QVERIFY2(imageContainsColor(image, ConnectionIndicator::colorFor(state)),
             qPrintable(ConnectionIndicator::colorFor(state).name()));
    // The word fits: the indicator is at least as wide as its text.
    QVERIFY(indicator->width() >= indicator->fontMetrics().horizontalAdvance(text));
}

void TestMainWindow::everyStateHasItsOwnColourAndWord()
{
    const QList<State> states{State::Starting,
                              State::Connected,
                              State::Reconnecting,
                              State::Offline,
                              State::NeedsPassword};
    QSet<QRgb> colours;
    QSet<QString> words;
    for (const State state : states) {
        colours.insert(ConnectionIndicator::colorFor(state).rgb());
        words.insert(ConnectionIndicator::textFor(state));
    }
    QCOMPARE(colours.size(), states.size());
    QCOMPARE(words.size(), states.size());
    // Connecting and Starting share the "working on it" colour but not the word.
    QVERIFY(ConnectionIndicator::textFor(State::Connecting)
            != ConnectionIndicator::textFor(State::Starting));
}

void TestMainWindow::stateChangesAreLoggedOnce()
{
    QListWidget *activity = m_window->activityList();
    const int before = activity->count();
    m_window->setConnectionState(State::Connected, QStringLiteral("server-a"));
    m_window->setConnectionState(State::Connected, QStringLiteral("server-a"));
    m_window->setConnectionState(State::Reconnecting,
                                 QStringLiteral("server closed the connection"));
    QCOMPARE(activity->count(), before + 2);
    QVERIFY(activity->item(activity->count() - 1)->text().contains(QStringLiteral("Reconnecting")));
    QVERIFY(activity->item(activity->count() - 1)
                ->text()
                .contains(QStringLiteral("server closed the connection")));
}

void TestMainWindow::loginDialogNeverStoresThePassword()
{
    const QString secret = QStringLiteral("Tr0ub4dor&3-secret");
    QSignalSpy loginSpy(m_window, &MainWindow::loginRequested);

    m_window->setServerName(QStringLiteral("127.0.0.1:5432/infrasight"));
    m_window->askForLogin(QStringLiteral("alice"),
                          QStringLiteral("password authentication failed for user \"alice\""));
    LoginDialog *dialog = m_window->loginDialog();
    QVERIFY(dialog != nullptr);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->server(), QStringLiteral("127.0.0.1:5432/infrasight"));
    QCOMPARE(dialog->user(), QStringLiteral("alice"));
    // The window stays live: the dialog is window-modal via open(), not a nested exec() loop.
    QVERIFY(m_window->isVisible());

    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QVERIFY(password != nullptr);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, secret);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons != nullptr);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);

    QCOMPARE(loginSpy.count(), 1);
    QCOMPARE(loginSpy.at(0).at(0).toString(), QStringLiteral("alice"));
    QCOMPARE(loginSpy.at(0).at(1).toString(), secret);
    QVERIFY(!dialog->isVisible());
    QVERIFY(password->text().isEmpty());

    // Closing the window writes layout settings too; then read back what is on disk.
    m_window->close();
    QSettings settings;
    settings.sync();
    QCOMPARE(settings.value(LoginDialog::lastUserKey()).toString(), QStringLiteral("alice"));
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("alice"));
    QVERIFY2(!contents.contains(secret.toUtf8()), contents.constData());
    QVERIFY(!contents.toLower().contains("password"));
}

void TestMainWindow::workOfflineCancelsTheLogin()
{
    QSignalSpy cancelSpy(m_window, &MainWindow::loginCancelled);
    QSignalSpy loginSpy(m_window, &MainWindow::loginRequested);
    m_window->askForLogin(QStringLiteral("bob"), {});
    LoginDialog *dialog = m_window->loginDialog();
    QVERIFY(dialog != nullptr);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(cancelSpy.count(), 1);
    QCOMPARE(loginSpy.count(), 0);
    QVERIFY(!dialog->isVisible());
}

void TestMainWindow::loginIsDismissedWithoutCancelling()
{
    QSignalSpy cancelSpy(m_window, &MainWindow::loginCancelled);
    m_window->askForLogin(QStringLiteral("carol"), {});
    QVERIFY(m_window->loginDialog()->isVisible());
    // e.g. the connection succeeded through ~/.pgpass after all
    m_window->dismissLogin();
    QVERIFY(!m_window->loginDialog()->isVisible());
    QCOMPARE(cancelSpy.count(), 0);
}

void TestMainWindow::darkThemeIsAppliedAndRemembered()
{
    const QColor nativeWindow = QApplication::palette().color(QPalette::Window);
    auto *dark = m_window->findChild<QAction *>(QStringLiteral("darkThemeAction"));
    QVERIFY(dark != nullptr);
    QVERIFY(!dark->isChecked());

    dark->trigger();
    QCOMPARE(Theme::current(), Theme::Kind::Dark);
    QCOMPARE(Theme::saved(), Theme::Kind::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
    // Text stays readable on the dark window colour.
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightnessF() > 0.7);

    dark->trigger();
    QCOMPARE(Theme::current(), Theme::Kind::Native);
    QCOMPARE(Theme::saved(), Theme::Kind::Native);
    QCOMPARE(QApplication::palette().color(QPalette::Window), nativeWindow);
}

bool TestMainWindow::imageContainsColor(const QImage &image, const QColor &color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            if (rgb.pixel(x, y) == color.rgb()) {
                return true;
            }
        }
    }
    return false;
}

void TestMainWindow::mapViewIsRemembered()
{
    MapCanvas *map = m_window->mapCanvas();
    const infrasight::render::MapViewport wanted(QPointF(826000.0, 5423000.0), 16.5, map->size());
    map->setViewport(wanted);
    QVERIFY(map->hasChosenView());
    m_window->close(); // saves the layout and the view
    delete m_window;
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    const infrasight::render::MapViewport restored = m_window->mapCanvas()->viewport();
    QCOMPARE(restored.zoom(), 16.5);
    QVERIFY(std::abs(restored.centerMeters().x() - 826000.0) < 1e-6);
    QVERIFY(std::abs(restored.centerMeters().y() - 5423000.0) < 1e-6);
    QSettings().remove(QStringLiteral("map"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
