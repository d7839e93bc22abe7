// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/application.h"
#include "app/console/conninfo.h"
#include "data/pgconnection.h"
#include "tests/support/pgtestdatabase.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/logindialog.h"
#include "ui/widgets/mainwindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using infrasight::app::Application;
using infrasight::app::ConnInfo;
using infrasight::app::ConsoleOptions;
using infrasight::tests::PgTestDatabase;
using State = infrasight::ui::ConnectionIndicator::State;

/// The console in-process against the test server, driven through its window as an operator.
class TestApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void logsInWithPasswordAndNeverStoresIt();
    void savesChosenConnectionWithoutPassword();

private:
    static void submitLogin(infrasight::ui::LoginDialog *dialog, const QString &password);

    QTemporaryDir m_settingsDir;
};

void TestApplication::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    Application::setIdentity();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestApplication::submitLogin(infrasight::ui::LoginDialog *dialog, const QString &password)
{
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QVERIFY(edit != nullptr);
    QTest::keyClicks(edit, password);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons != nullptr);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void TestApplication::logsInWithPasswordAndNeverStoresIt()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = PgTestDatabase::create();
    QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().toString()));

    // A login role of its own (roles are server-wide: the name carries the database's).
    const QString role = database->name() + QStringLiteral("_operator");
    const QString secret = QStringLiteral("c0ntrol-r00m-secret");
    auto admin = infrasight::data::PgConnection::open(database->conninfo());
    QVERIFY2(admin.has_value(), qPrintable(admin ? QString() : admin.error().toString()));
    // Role names cannot be bound as parameters; both values are fixed by this test.
    auto created = (*admin)->execScript(
        QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD '%2'").arg(role, secret));
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().toString()));
    auto dropRole = qScopeGuard([&] {
        (void)(*admin)->execScript(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(role));
    });

    ConsoleOptions options;
    options.conninfo = ConnInfo(database->conninfo()).withUser(role);
    {
        Application console(options);
        console.start();
        infrasight::ui::MainWindow *window = console.mainWindow();
        QVERIFY(window != nullptr);
        QVERIFY(window->isVisible());

        // The server wants a password: the login dialog comes up, the user filled in.
        QTRY_VERIFY_WITH_TIMEOUT(
            window->loginDialog() != nullptr && window->loginDialog()->isVisible(), 20000);
        QCOMPARE(window->connectionState(), State::NeedsPassword);
        QCOMPARE(window->loginDialog()->user(), role);

        // A wrong password: asked again, with the server's reason.
        submitLogin(window->loginDialog(), QStringLiteral("wrong"));
        QTRY_VERIFY_WITH_TIMEOUT(window->loginDialog()->isVisible(), 20000);
        QCOMPARE(window->connectionState(), State::NeedsPassword);

        // The right one: connected, dialog gone.
        submitLogin(window->loginDialog(), secret);
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 20000);
        QVERIFY(!window->loginDialog()->isVisible());
        window->close();
        console.shutdown();
    }

    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray contents = file.readAll();
    QVERIFY2(contents.contains(role.toUtf8()), contents.constData()); // the last user is kept
    QVERIFY2(!contents.contains(secret.toUtf8()), contents.constData());
    QVERIFY2(!contents.contains("wrong"), contents.constData());
}

void TestApplication::savesChosenConnectionWithoutPassword()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = PgTestDatabase::create();
    QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().toString()));
    const QString secret = QStringLiteral("hunter2-not-for-files");
    // The test server trusts its superuser from this host, so the password is simply unused.
    const QString typed = database->conninfo() + QStringLiteral(" password=") + secret;

    ConsoleOptions options;
    options.conninfo = database->conninfo();
    {
        Application console(options);
        console.start();
        infrasight::ui::MainWindow *window = console.mainWindow();
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 20000);

        // File > Connect to Database…, as an operator would.
        auto *connectAction = window->findChild<QAction *>(QStringLiteral("connectAction"));
        QVERIFY(connectAction != nullptr);
        connectAction->trigger();
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<QInputDialog *>()) != nullptr
                    && dialog->isVisible());
        QSignalSpy states(window->connectionIndicator(),
                          &infrasight::ui::ConnectionIndicator::stateChanged);
        dialog->setTextValue(typed);
        dialog->accept();
        // Connected again on the new connection (the indicator reports changes only).
        QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty()
                                     && states.constLast().at(0).value<State>() == State::Connected,
                                 20000);
        window->close();
        console.shutdown();
    }

    QSettings settings;
    settings.sync();
    const QString saved = settings.value(QStringLiteral("connection/conninfo")).toString();
    QCOMPARE(saved, ConnInfo(typed).withoutPassword());
    QVERIFY(saved.contains(database->name()));
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains(secret.toUtf8()), "a password reached the settings file");

    // The next start without --db uses the saved connection, not the local database.
    {
        Application console(ConsoleOptions{});
        console.start();
        infrasight::ui::MainWindow *window = console.mainWindow();
        QCOMPARE(window->connectionState(), State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 20000);
        window->close();
        console.shutdown();
    }
    settings.remove(QStringLiteral("connection/conninfo"));
}

QTEST_MAIN(TestApplication)
#include "tst_application.moc"
