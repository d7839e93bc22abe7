// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/citysummarymodel.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/mainwindow.h"

#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using infrasight::ui::ConnectionIndicator;
using infrasight::ui::MainWindow;

/// The widgets' German catalogue (translations/infrasight_ui_de.ts, built into :/i18n).
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void catalogueIsBuiltIn();
    void windowReadsGerman();

private:
    QTemporaryDir m_settingsDir;
    QTranslator m_translator;
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
}

void TestTranslations::cleanupTestCase()
{
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

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
