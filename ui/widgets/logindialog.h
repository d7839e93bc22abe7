// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>

class QLabel;
class QLineEdit;

namespace infrasight::ui {

/// Asks for the database login when the server wants a password. The password lives only in the
/// line edit and in the loginRequested() signal: it is never written to a file of ours (a
/// ~/.pgpass entry is the way to skip this dialog, as in every PostgreSQL tool). Only the user
/// name is remembered in QSettings (key "login/lastUser") for the next start. Show it with open(),
/// never exec(): the console keeps running while the dialog is up. GUI thread only.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);

    /// The server the login is for, as shown to the operator (never contains a password).
    void setServer(const QString &server);
    /// Pre-fills the user name; when empty, the last user name entered is used.
    void setUser(const QString &user);
    /// The server's reason, e.g. "password authentication failed for user …".
    void setMessage(const QString &message);

    QString user() const;
    QString server() const;

    /// Settings key that holds the last user name.
    static QString lastUserKey();

Q_SIGNALS:
    /// The operator confirmed; the password field is cleared right after this signal.
    void loginRequested(const QString &user, const QString &password);

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    void updateButtons();

    QLabel *m_serverLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QString m_server;
};

} // namespace infrasight::ui
