// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/conninfo.h"

#include <QUrl>

namespace infrasight::app {

namespace {

/// The parts of a postgresql:// URI: scheme://[userinfo@]hosts[/dbname][?query].
struct UriParts
{
    QString scheme;   // "postgresql://"
    QString userInfo; // percent-encoded "user[:password]"
    bool hasUserInfo = false;
    QString hosts; // "host1:5432,host2"
    QString path;  // percent-encoded dbname, without the '/'
    bool hasPath = false;
    QList<QPair<QString, QString>> query; // percent-encoded
};

bool splitUri(const QString &text, UriParts &parts)
{
    for (const QString &scheme : {QStringLiteral("postgresql://"), QStringLiteral("postgres://")}) {
        if (text.startsWith(scheme, Qt::CaseInsensitive)) {
            parts.scheme = text.left(scheme.size());
            break;
        }
    }
    if (parts.scheme.isEmpty()) {
        return false;
    }
    QString rest = text.mid(parts.scheme.size());
    const qsizetype queryStart = rest.indexOf(u'?');
    if (queryStart >= 0) {
        const QStringList items = rest.mid(queryStart + 1).split(u'&', Qt::SkipEmptyParts);
        for (const QString &item : items) {
            const qsizetype equals = item.indexOf(u'=');
            parts.query.append({equals < 0 ? item : item.left(equals),
                                equals < 0 ? QString() : item.mid(equals + 1)});
        }
        rest.truncate(queryStart);
    }
    const qsizetype slash = rest.indexOf(u'/');
    if (slash >= 0) {
        parts.hasPath = true;
        parts.path = rest.mid(slash + 1);
        rest.truncate(slash);
    }
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0) {
        parts.hasUserInfo = true;
        parts.userInfo = rest.left(at);
        rest = rest.mid(at + 1);
    }
    parts.hosts = rest;
    return true;
}

QString joinUri(const UriParts &parts)
{
    QString text = parts.scheme;
    if (parts.hasUserInfo && !parts.userInfo.isEmpty()) {
        text += parts.userInfo + u'@';
    }
    text += parts.hosts;
    if (parts.hasPath) {
        text += u'/' + parts.path;
    }
    QStringList items;
    for (const auto &[key, value] : parts.query) {
        items << key + u'=' + value;
    }
    if (!items.isEmpty()) {
        text += u'?' + items.join(u'&');
    }
    return text;
}

QString percentDecoded(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

QString percentEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

ConnInfo::ConnInfo(QString conninfo)
    : m_text(std::move(conninfo))
{}

bool ConnInfo::isUri() const
{
    UriParts parts;
    return splitUri(m_text, parts);
}

QString ConnInfo::value(const QString &keyword) const
{
    UriParts parts;
    if (splitUri(m_text, parts)) {
        for (const auto &[key, value] : parts.query) {
            if (key == keyword) {
                return percentDecoded(value);
            }
        }
        if (keyword == QStringLiteral("user")) {
            return percentDecoded(parts.userInfo.section(u':', 0, 0));
        }
        if (keyword == QStringLiteral("dbname")) {
            return percentDecoded(parts.path);
        }
        const QString firstHost = parts.hosts.section(u',', 0, 0);
        // "[::1]:5432" keeps its brackets in the host part
        const qsizetype portColon = firstHost.lastIndexOf(u':');
        const bool hasPort = portColon > firstHost.lastIndexOf(u']');
        if (keyword == QStringLiteral("host")) {
            return percentDecoded(hasPort ? firstHost.left(portColon) : firstHost);
        }
        if (keyword == QStringLiteral("port")) {
            return hasPort ? firstHost.mid(portColon + 1) : QString();
        }
        return {};
    }
    Pairs pairs;
    if (!parsePairs(pairs)) {
        return {};
    }
    QString found;
    for (const auto &[key, value] : pairs) {
        if (key == keyword) {
            found = value; // libpq: the last occurrence wins
        }
    }
    return found;
}

QString ConnInfo::withoutPassword() const
{
    UriParts parts;
    if (splitUri(m_text, parts)) {
        parts.userInfo = parts.userInfo.section(u':', 0, 0);
        parts.query.removeIf([](const auto &item) { return item.first == u"password"; });
        return joinUri(parts);
    }
    Pairs pairs;
    if (!parsePairs(pairs)) {
        // Unreadable: rather lose the string than keep a password in it.
        return m_text.contains(QStringLiteral("password"), Qt::CaseInsensitive) ? QString()
                                                                                : m_text;
    }
    pairs.removeIf([](const auto &pair) { return pair.first == u"password"; });
    return joinPairs(pairs);
}

QString ConnInfo::withUser(const QString &user) const
{
    UriParts parts;
    if (splitUri(m_text, parts)) {
        const qsizetype colon = parts.userInfo.indexOf(u':');
        parts.userInfo
            = percentEncoded(user) + (colon >= 0 ? parts.userInfo.mid(colon) : QString());
        parts.hasUserInfo = true;
        parts.query.removeIf([](const auto &item) { return item.first == u"user"; });
        return joinUri(parts);
    }
    Pairs pairs;
    if (!parsePairs(pairs)) {
        return m_text;
    }
    pairs.removeIf([](const auto &pair) { return pair.first == u"user"; });
    pairs.append({QStringLiteral("user"), user});
    return joinPairs(pairs);
}

QString ConnInfo::describe() const
{
    const QString service = value(QStringLiteral("service"));
    const QString user = value(QStringLiteral("user"));
    QString host = value(QStringLiteral("host"));
    const QString port = value(QStringLiteral("port"));
    const QString dbname = value(QStringLiteral("dbname"));
    if (host.isEmpty() && !service.isEmpty()) {
        return user.isEmpty() ? QStringLiteral("service %1").arg(service)
                              : QStringLiteral("%1@service %2").arg(user, service);
    }
    if (host.startsWith(u'/')) {
        host = QStringLiteral("local socket");
    } else if (host.isEmpty()) {
        host = QStringLiteral("localhost");
    }
    QString text = user.isEmpty() ? host : user + u'@' + host;
    if (!port.isEmpty()) {
        text += u':' + port;
    }
    if (!dbname.isEmpty()) {
        text += u'/' + dbname;
    }
    return text;
}

bool ConnInfo::parsePairs(Pairs &pairs) const
{
    const QString &s = m_text;
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto skipSpace = [&] {
        while (i < n && s.at(i).isSpace()) {
            ++i;
        }
    };
    while (true) {
        skipSpace();
        if (i >= n) {
            return true;
        }
        const qsizetype keyStart = i;
        while (i < n && (s.at(i).isLetterOrNumber() || s.at(i) == u'_')) {
            ++i;
        }
        const QString key = s.mid(keyStart, i - keyStart);
        skipSpace();
        if (key.isEmpty() || i >= n || s.at(i) != u'=') {
            return false;
        }
        ++i;
        skipSpace();
        QString value;
        if (i < n && s.at(i) == u'\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = s.at(i++);
                if (c == u'\\' && i < n) {
                    value += s.at(i++);
                } else if (c == u'\'') {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed) {
                return false;
            }
        } else {
            while (i < n && !s.at(i).isSpace()) {
                const QChar c = s.at(i++);
                if (c == u'\\' && i < n) {
                    value += s.at(i++);
                } else {
                    value += c;
                }
            }
        }
        pairs.append({key, value});
    }
}

QString ConnInfo::joinPairs(const Pairs &pairs)
{
    QStringList items;
    for (const auto &[key, value] : pairs) {
        const bool needsQuotes = value.isEmpty() || value.contains(u' ') || value.contains(u'\'')
                                 || value.contains(u'\\') || value.contains(u'\t');
        QString quoted = value;
        if (needsQuotes) {
            quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
            quoted = u'\'' + quoted + u'\'';
        }
        items << key + u'=' + quoted;
    }
    return items.join(u' ');
}

} // namespace infrasight::app
