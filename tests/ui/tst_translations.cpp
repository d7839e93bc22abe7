// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/citysummarymodel.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/coordinatelabel.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/mapsourcedialog.h"

#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using infrasight::ui::ConnectionIndicator;
using infrasight::ui::CoordinateLabel;
using infrasight::ui::MainWindow;
using infrasight::ui::MapCanvas;
using infrasight::ui::MapSourceChoice;
using infrasight::ui::MapSourceDialog;

namespace {

/// The keyboard accelerators ("&x") of a menu's entries, lower-case, in menu order.
QStringList accelerators(const QMenu *menu)
{
    QStringList keys;
    for (const QAction *action : menu->actions()) {
        const QString text = action->text();
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&')) {
                continue;
            }
            if (text.at(i + 1) != QLatin1Char('&')) {
                keys.append(text.at(i + 1).toLower());
                break;
            }
            ++i; // "&&" is a literal ampersand
        }
    }
    return keys;
}

} // namespace

/// The widgets' German catalogue (translations/infrasight_ui_de.ts, built into :/i18n).
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void catalogueIsBuiltIn();
    void windowReadsGerman();
    void mapMenuReadsGerman();
    void menuAcceleratorsAreUnique_data();
    void menuAcceleratorsAreUnique();
    void mapSourceDialogReadsGerman();
    void coordinatesReadGerman();
    void mapMessagesReadGerman();

private:
    QTemporaryDir m_settingsDir;
    QTranslator m_translator;
    QTranslator m_modelsTranslator; ///< layer names and table headers (models/)
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    // The same lookup Application::installTranslations() does for LANG=de_DE.UTF-8.
    QVERIFY(m_translator.load(QLocale(QLocale::German, QLocale::Germany),
                              QStringLiteral("infrasight_ui"),
                              QStringLiteral("_"),
                              QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    QVERIFY(m_modelsTranslator.load(QLocale(QLocale::German, QLocale::Germany),
                                    QStringLiteral("infrasight_models"),
                                    QStringLiteral("_"),
                                    QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&m_modelsTranslator));
}

void TestTranslations::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_modelsTranslator);
    QCoreApplication::removeTranslator(&m_translator);
}

void TestTranslations::catalogueIsBuiltIn()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/infrasight_ui_de.qm")));
    QCOMPARE(m_translator.language(), QStringLiteral("de_DE"));
}

void TestTranslations::windowReadsGerman()
{
    MainWindow window;
    auto *file = window.findChild<QMenu *>(QStringLiteral("fileMenu"));
    QVERIFY(file != nullptr);
    QCOMPARE(file->title(), QStringLiteral("&Datei"));
    auto *help = window.findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help != nullptr);
    QCOMPARE(help->title(), QStringLiteral("&Hilfe"));
    QCOMPARE(window.layersDock()->windowTitle(), QStringLiteral("Ebenen"));

    window.setConnectionState(ConnectionIndicator::State::Connected, QStringLiteral("db"));
    QCOMPARE(ConnectionIndicator::textFor(ConnectionIndicator::State::Connected),
             QStringLiteral("Verbunden"));
    QCOMPARE(window.connectionIndicator()->text(), QStringLiteral("Verbunden"));
    QVERIFY(window.activityList()->count() > 0);
    const QString logged = window.activityList()->item(window.activityList()->count() - 1)->text();
    QVERIFY2(logged.contains(QStringLiteral("Datenbank: Verbunden — db")), qPrintable(logged));

    infrasight::models::CitySummary summary;
    summary.types
        = {{QStringLiteral("Manhole"), QStringLiteral("manhole"), QStringLiteral("point"), 3}};
    summary.sensors = 2;
    window.setCitySummary(summary);
    auto *facts = window.findChild<QLabel *>(QStringLiteral("cityFactsLabel"));
    QVERIFY(facts != nullptr);
    QVERIFY2(facts->text().contains(QStringLiteral("Sensoren: 2")), qPrintable(facts->text()));
    QCOMPARE(window.citySummaryModel()->headerData(0, Qt::Horizontal).toString(),
             QStringLiteral("Anlagentyp"));
}

void TestTranslations::mapMenuReadsGerman()
{
    MainWindow window;
    auto *map = window.findChild<QMenu *>(QStringLiteral("mapMenu"));
    QVERIFY(map != nullptr);
    QCOMPARE(map->title(), QStringLiteral("&Karte"));
    const auto actionText = [&window](const QString &name) {
        auto *action = window.findChild<QAction *>(name);
        return action != nullptr ? action->text() : QStringLiteral("<no %1>").arg(name);
    };
    QCOMPARE(actionText(QStringLiteral("zoomHomeAction")), QStringLiteral("Auf &Stadt zoomen"));
    QCOMPARE(actionText(QStringLiteral("zoomRectangleAction")),
             QStringLiteral("Auf &Rechteck zoomen"));
    QCOMPARE(actionText(QStringLiteral("mapSourceAction")), QStringLiteral("Karten&quelle…"));
    QCOMPARE(actionText(QStringLiteral("zoomInAction")), QStringLiteral("Ver&größern"));
    QCOMPARE(actionText(QStringLiteral("panTool")), QStringLiteral("&Verschieben"));
    auto *home = window.findChild<QAction *>(QStringLiteral("zoomHomeAction"));
    QCOMPARE(home->statusTip(), QStringLiteral("Die ganze Stadt zeigen (Pos1 auf der Karte)"));
}

void TestTranslations::menuAcceleratorsAreUnique_data()
{
    QTest::addColumn<QString>("menuName");
    QTest::newRow("file") << QStringLiteral("fileMenu");
    QTest::newRow("view") << QStringLiteral("viewMenu");
    QTest::newRow("view-map") << QStringLiteral("mapMenu");
    QTest::newRow("tools") << QStringLiteral("toolsMenu");
    QTest::newRow("help") << QStringLiteral("helpMenu");
}

void TestTranslations::menuAcceleratorsAreUnique()
{
    QFETCH(QString, menuName);
    MainWindow window;
    auto *menu = window.findChild<QMenu *>(menuName);
    QVERIFY(menu != nullptr);
    const QStringList keys = accelerators(menu);
    QVERIFY2(!keys.isEmpty(), qPrintable(menuName));
    QStringList unique = keys;
    unique.removeDuplicates();
    QVERIFY2(unique.size() == keys.size(), qPrintable(keys.join(QLatin1Char(' '))));
}

void TestTranslations::mapSourceDialogReadsGerman()
{
    MapSourceDialog dialog;
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Kartenquelle"));
    auto *automatic = dialog.findChild<QRadioButton *>(QStringLiteral("automaticSource"));
    QVERIFY(automatic != nullptr);
    QCOMPARE(automatic->text(),
             QStringLiteral("&Automatisch: OpenStreetMap, wenn erreichbar, sonst die "
                            "Offline-Grundkarte"));
    auto *mbtiles = dialog.findChild<QRadioButton *>(QStringLiteral("mbtilesSource"));
    QVERIFY(mbtiles != nullptr);
    QCOMPARE(mbtiles->text(), QStringLiteral("&MBTiles-Datei (offline)"));

    // A missing file is refused in German and the dialog is not accepted.
    const QString missing = QStringLiteral("/nonexistent/city.mbtiles");
    MapSourceChoice choice;
    choice.kind = MapSourceChoice::Kind::MbTiles;
    choice.mbtilesPath = missing;
    dialog.setChoice(choice);
    QSignalSpy accepted(&dialog, &MapSourceDialog::choiceAccepted);
    dialog.accept();
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("mapSourceError"));
    QVERIFY(error != nullptr);
    QVERIFY(!error->isHidden());
    QCOMPARE(error->text(), QStringLiteral("Es gibt keine Datei „%1“.").arg(missing));
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.result() != QDialog::Accepted);
}

void TestTranslations::coordinatesReadGerman()
{
    // A German operator also has German number formatting (decimal comma).
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CoordinateLabel label;
    QCOMPARE(label.text(), QStringLiteral("Bewegen Sie den Mauszeiger über die Karte"));
    label.setPosition({7.42, 43.73});
    const QString monaco = label.text();
    label.setPosition({-3.7, -12.05});
    const QString southWest = label.text();
    QLocale::setDefault(previous);
    QVERIFY2(monaco.startsWith(QStringLiteral("7,420000° O; 43,730000° N")), qPrintable(monaco));
    QVERIFY2(monaco.endsWith(QStringLiteral(" N")) && monaco.contains(QStringLiteral(" O  ")),
             qPrintable(monaco));
    QVERIFY2(southWest.startsWith(QStringLiteral("3,700000° W; 12,050000° S")),
             qPrintable(southWest));
}

void TestTranslations::mapMessagesReadGerman()
{
    QCOMPARE(MapCanvas::offlineSourceLabel(), QStringLiteral("Offline-Grundkarte (MBTiles)"));

    MainWindow window;
    Q_EMIT window.mapCanvas()->sourceError(QStringLiteral("HTTP 503"));
    QVERIFY(window.activityList()->count() > 0);
    const QString logged = window.activityList()->item(window.activityList()->count() - 1)->text();
    QVERIFY2(logged.contains(QStringLiteral("Karte: HTTP 503")), qPrintable(logged));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
