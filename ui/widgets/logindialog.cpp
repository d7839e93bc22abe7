// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/logindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace infrasight::ui {

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_serverLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_userEdit(new QLineEdit(this))
    , m_passwordEdit(new QLineEdit(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Database Login"));
    setMinimumWidth(420);

    auto *heading = new QLabel(tr("<b>The database asks for your password.</b>"), this);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serverLabel->setWordWrap(true);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setVisible(false);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    // Keep the password out of clipboards and input-method histories.
    m_passwordEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData
                                        | Qt::ImhNoPredictiveText);

    auto *hint = new QLabel(tr("Your password is not saved. To log in without this dialog, add "
                               "an entry to ~/.pgpass."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), m_serverLabel);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log In"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Work Offline"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_userEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_messageLabel);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    setUser({});
}

void LoginDialog::setServer(const QString &server)
{
    m_server = server;
    m_serverLabel->setText(server);
}

void LoginDialog::setUser(const QString &user)
{
    const QString name = user.isEmpty() ? QSettings().value(lastUserKey()).toString() : user;
    m_userEdit->setText(name);
    (name.isEmpty() ? m_userEdit : m_passwordEdit)->setFocus();
    updateButtons();
}

void LoginDialog::setMessage(const QString &message)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
}

QString LoginDialog::user() const
{
    return m_userEdit->text().trimmed();
}

QString LoginDialog::server() const
{
    return m_server;
}

QString LoginDialog::lastUserKey()
{
    return QStringLiteral("login/lastUser");
}

void LoginDialog::accept()
{
    if (user().isEmpty()) {
        return;
    }
    // Only the user name is remembered; the password goes to the caller and nowhere else.
    QSettings().setValue(lastUserKey(), user());
    const QString password = m_passwordEdit->text();
    m_passwordEdit->clear();
    QDialog::accept();
    Q_EMIT loginRequested(user(), password);
}

void LoginDialog::reject()
{
    m_passwordEdit->clear();
    QDialog::reject();
}

void LoginDialog::updateButtons()
{
    auto *box = findChild<QDialogButtonBox *>();
    if (box != nullptr) {
        box->button(QDialogButtonBox::Ok)->setEnabled(!user().isEmpty());
    }
}

} // namespace infrasight::ui
