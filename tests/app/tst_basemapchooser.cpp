// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/basemapchooser.h"
#include "app/console/settings.h"
#include "ui/render/mbtileswriter.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/mapsourcedialog.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using infrasight::app::BasemapChooser;
using infrasight::app::Settings;
using infrasight::ui::MainWindow;
using infrasight::ui::MapCanvas;
using infrasight::ui::MapSourceChoice;
using infrasight::ui::MapSourceDialog;

class TestBasemapChooser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void automaticShowsTheOfflineBasemapAtOnceAndSaysSo();
    void mbtilesChoiceIsShownAndCorruptFileKeepsTheMap();
    void malformedUrlTemplateGivesAMessage();
    void choiceSurvivesInTheSettings();
    void dialogRefusesAMalformedTemplate();

private:
    bool activityContains(const QString &text) const;

    QTemporaryDir m_dir;
    QString m_basemap;
    MainWindow *m_window = nullptr;
    BasemapChooser *m_chooser = nullptr;
};

void TestBasemapChooser::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("infrasight-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_basemapchooser"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(
        QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    m_basemap = m_dir.filePath(QStringLiteral("monaco.mbtiles"));
    auto writer = infrasight::render::MbtilesWriter::open(m_basemap);
    QVERIFY(writer);
    infrasight::render::MbtilesMetadata metadata;
    metadata.name = QStringLiteral("monaco");
    metadata.bounds = infrasight::gis::GeoBounds(7.35, 43.71, 7.49, 43.77);
    metadata.minZoom = 12;
    metadata.maxZoom = 14;
    QVERIFY((*writer)->writeMetadata(metadata));
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const auto key = infrasight::gis::TileKey::containing({7.4236, 43.7350}, 14);
    QVERIFY((*writer)->writeTiles({{key, png}}));
    qputenv("INFRASIGHT_BASEMAP", m_basemap.toUtf8());
}

void TestBasemapChooser::init()
{
    QSettings().clear();
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_chooser = new BasemapChooser(m_window);
}

void TestBasemapChooser::cleanup()
{
    delete m_chooser;
    m_chooser = nullptr;
    delete m_window;
    m_window = nullptr;
}

bool TestBasemapChooser::activityContains(const QString &text) const
{
    const QListWidget *list = m_window->activityList();
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().contains(text)) {
            return true;
        }
    }
    return false;
}

void TestBasemapChooser::automaticShowsTheOfflineBasemapAtOnceAndSaysSo()
{
    QCOMPARE(BasemapChooser::offlineBasemapPath(), m_basemap);
    MapCanvas *canvas = m_window->mapCanvas();
    m_chooser->start(); // the default choice: automatic
    // No waiting for the network: the offline basemap is on the map while the server is tested.
    QCOMPARE(m_chooser->shown(), MapCanvas::offlineSourceLabel());
    QCOMPARE(canvas->sourceLabel(), QStringLiteral("Offline basemap (MBTiles)"));
    QVERIFY(canvas->findChild<QLabel *>(QStringLiteral("mapSourceLabel"))->isVisible());
    QVERIFY(activityContains(QStringLiteral("showing the offline basemap")));
    // The city is in view (Home: Monaco, inside the basemap's bounds).
    const auto centre
        = canvas->viewport().screenToLonLat(QPointF(canvas->width() / 2.0, canvas->height() / 2.0));
    QVERIFY(std::abs(centre.lonDeg - 7.4245) < 0.01);
    QVERIFY(std::abs(centre.latDeg - 43.738) < 0.01);
    // Then the connection test decides, and the Activity dock says what came of it.
    QTRY_VERIFY_WITH_TIMEOUT(activityContains(QStringLiteral("staying with the offline basemap"))
                                 || activityContains(QStringLiteral("showing OpenStreetMap")),
                             BasemapChooser::ProbeTimeoutMs + 2000);
    if (activityContains(QStringLiteral("showing OpenStreetMap"))) {
        QCOMPARE(canvas->sourceLabel(), MapCanvas::onlineSourceLabel());
    } else {
        QCOMPARE(canvas->sourceLabel(), MapCanvas::offlineSourceLabel());
    }
    QCOMPARE(canvas->attribution(), QStringLiteral("© OpenStreetMap contributors"));
}

void TestBasemapChooser::mbtilesChoiceIsShownAndCorruptFileKeepsTheMap()
{
    MapCanvas *canvas = m_window->mapCanvas();
    MapSourceChoice choice;
    choice.kind = MapSourceChoice::Kind::MbTiles;
    choice.mbtilesPath = m_basemap;
    m_chooser->apply(choice);
    QCOMPARE(canvas->sourceLabel(), MapCanvas::offlineSourceLabel());
    QVERIFY(canvas->source() != nullptr);
    QVERIFY(canvas->sourceMessage().isEmpty());

    const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.mbtiles"));
    QFile file(corrupt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, '\x01'));
    file.close();
    auto *before = canvas->source();
    choice.mbtilesPath = corrupt;
    m_chooser->apply(choice);
    QVERIFY(canvas->sourceMessage().contains(QStringLiteral("corrupt.mbtiles")));
    QVERIFY(activityContains(QStringLiteral("MBTiles file cannot be used")));
    QCOMPARE(canvas->source(), before); // the map keeps what it had
    const double zoom = canvas->viewport().zoom();
    canvas->zoomIn();
    QCOMPARE(canvas->viewport().zoom(), zoom + 1.0);
}

void TestBasemapChooser::malformedUrlTemplateGivesAMessage()
{
    MapSourceChoice choice;
    choice.kind = MapSourceChoice::Kind::CustomUrl;
    choice.urlTemplate = QStringLiteral("https://tiles.example.org/{z}/{x}.png");
    m_chooser->apply(choice);
    QVERIFY(m_window->mapCanvas()->sourceMessage().contains(QStringLiteral("{y}")));
    QVERIFY(activityContains(QStringLiteral("tile URL template cannot be used")));
}

void TestBasemapChooser::choiceSurvivesInTheSettings()
{
    QCOMPARE(Settings::mapSource().kind, MapSourceChoice::Kind::Automatic);
    MapSourceChoice choice;
    choice.kind = MapSourceChoice::Kind::CustomUrl;
    choice.urlTemplate = QStringLiteral("https://{s}.tiles.example.org/{z}/{x}/{y}.png");
    choice.attribution = QStringLiteral("© Example");
    Settings::saveMapSource(choice);
    QCOMPARE(Settings::mapSource(), choice);
    QCOMPARE(QSettings().value(QStringLiteral("map/source")).toString(), QStringLiteral("url"));
    QCOMPARE(Settings::tileCacheMaximumBytes(), 500LL * 1024 * 1024);
}

void TestBasemapChooser::dialogRefusesAMalformedTemplate()
{
    MapSourceDialog dialog(m_window);
    QSignalSpy accepted(&dialog, &MapSourceDialog::choiceAccepted);
    MapSourceChoice choice;
    choice.kind = MapSourceChoice::Kind::CustomUrl;
    choice.urlTemplate = QStringLiteral("ftp://tiles.example.org/{z}/{x}/{y}.png");
    dialog.setChoice(choice);
    dialog.open();
    dialog.accept();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("mapSourceError"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    dialog.findChild<QLineEdit *>(QStringLiteral("urlTemplateEdit"))
        ->setText(QStringLiteral("https://tiles.example.org/{z}/{x}/{y}.png"));
    dialog.accept();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(accepted.first().first().value<MapSourceChoice>().urlTemplate,
             QStringLiteral("https://tiles.example.org/{z}/{x}/{y}.png"));
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestBasemapChooser)
#include "tst_basemapchooser.moc"
