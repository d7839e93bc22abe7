// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/theme.h"

#include <QApplication>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using infrasight::ui::ConnectionIndicator;
using infrasight::ui::MainWindow;
using infrasight::ui::Theme;

/// Runs under Xvfb on the xcb platform (see tests/ui/CMakeLists.txt): shows the main window as
/// an operator would see it and saves what the X server shows to screenshots/ in the build tree.
class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindow_data();
    void mainWindow();

private:
    static int distinctColours(const QImage &image);

    QTemporaryDir m_settingsDir;
};

void TestScreenshot::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("infrasight-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_screenshot"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    if (QGuiApplication::platformName() != QStringLiteral("xcb")) {
        QSKIP("needs an X server: run through ctest, which wraps this test in xvfb-run");
    }
    QVERIFY(QDir().mkpath(QStringLiteral(INFRASIGHT_SCREENSHOT_DIR)));
}

void TestScreenshot::mainWindow_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("native-theme") << false << QStringLiteral("mainwindow.png");
    QTest::newRow("dark-theme") << true << QStringLiteral("mainwindow-dark.png");
}

void TestScreenshot::mainWindow()
{
    QFETCH(bool, dark);
    QFETCH(QString, fileName);

    Theme::apply(dark ? Theme::Kind::Dark : Theme::Kind::Native);
    MainWindow window;
    window.setCityName(QStringLiteral("Monaco"));
    window.setServerName(QStringLiteral("operator@db.infrasight.local:5432/infrasight"));
    window.setConnectionState(ConnectionIndicator::State::Connecting,
                              QStringLiteral("operator@db.infrasight.local:5432/infrasight"));
    window.setConnectionState(ConnectionIndicator::State::Connected,
                              QStringLiteral("operator@db.infrasight.local:5432/infrasight"));
    window.move(0, 0);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1600, 1000));
    // Let the window system finish the first frames before grabbing what the X server shows.
    QTest::qWait(300);

    QScreen *screen = window.screen();
    QVERIFY(screen != nullptr);
    QPixmap shot = screen->grabWindow(window.winId());
    QVERIFY(!shot.isNull());
    const QImage image = shot.toImage();
    QCOMPARE(image.size(), QSize(1600, 1000) * shot.devicePixelRatio());

    const QString path = QDir(QStringLiteral(INFRASIGHT_SCREENSHOT_DIR)).filePath(fileName);
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot saved to %s", qPrintable(path));

    // Not blank: text, docks, the map area, the lamp: many colours, not a flat fill.
    QVERIFY2(distinctColours(image) >= 16, qPrintable(QString::number(distinctColours(image))));
    // The connected lamp is on screen in its own colour.
    const QColor lamp = ConnectionIndicator::colorFor(ConnectionIndicator::State::Connected);
    bool lampFound = false;
    for (int y = image.height() - 40; y < image.height() && !lampFound; ++y) {
        for (int x = image.width() - 400; x < image.width(); ++x) {
            if (image.pixelColor(x, y).rgb() == lamp.rgb()) {
                lampFound = true;
                break;
            }
        }
    }
    QVERIFY2(lampFound, "the green connection lamp is not in the bottom-right status bar");
    Theme::apply(Theme::Kind::Native);
}

int TestScreenshot::distinctColours(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < rgb.height(); y += 3) {
        for (int x = 0; x < rgb.width(); x += 3) {
            colours.insert(rgb.pixel(x, y));
        }
    }
    return int(colours.size());
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
