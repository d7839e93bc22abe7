// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace infrasight::app {

/// Reads and edits libpq connection strings without libpq, for what the console shows and saves:
/// "key=value" strings (values may be single-quoted, with backslash escapes) and
/// postgresql:// / postgres:// URIs. Strings it cannot read pass through unchanged, except that
/// anything that might be a password is never shown or saved.
class ConnInfo
{
public:
    explicit ConnInfo(QString conninfo);

    QString text() const { return m_text; }

    bool isUri() const;

    /// The value of a keyword (user, host, port, dbname, service), empty if not given.
    QString value(const QString &keyword) const;

    /// The string with any password removed (password=… or the :secret@ of a URI), for saving.
    QString withoutPassword() const;
    /// The string with the user replaced or added.
    QString withUser(const QString &user) const;
    /// A short description for the status bar: "alice@db.example.org:5432/infrasight" or
    /// "service infrasight"; never contains a password.
    QString describe() const;

private:
    using Pairs = QList<QPair<QString, QString>>;
    /// Parses key=value pairs; false if the text is not in that form.
    bool parsePairs(Pairs &pairs) const;
    static QString joinPairs(const Pairs &pairs);

    QString m_text;
};

} // namespace infrasight::app
