// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/tileurltemplate.h"

#include <QSet>

namespace infrasight::render {

namespace {

const QStringList &knownPlaceholders()
{
    static const QStringList names{QStringLiteral("z"),
                                   QStringLiteral("x"),
                                   QStringLiteral("y"),
                                   QStringLiteral("-y"),
                                   QStringLiteral("s"),
                                   QStringLiteral("r")};
    return names;
}

QString substitute(const QString &text,
                   const QStringList &subdomains,
                   const gis::TileKey &key,
                   bool highDpi)
{
    QString out = text;
    out.replace(QStringLiteral("{z}"), QString::number(key.z()));
    out.replace(QStringLiteral("{x}"), QString::number(key.x()));
    out.replace(QStringLiteral("{-y}"), QString::number((1 << key.z()) - 1 - key.y()));
    out.replace(QStringLiteral("{y}"), QString::number(key.y()));
    out.replace(QStringLiteral("{r}"), highDpi ? QStringLiteral("@2x") : QString());
    if (!subdomains.isEmpty()) {
        // The same subdomain for a tile every time, so a cached entry is found again.
        const auto index = static_cast<qsizetype>(
            (static_cast<unsigned>(key.x()) + static_cast<unsigned>(key.y()))
            % static_cast<unsigned>(subdomains.size()));
        out.replace(QStringLiteral("{s}"), subdomains.at(index));
    }
    return out;
}

} // namespace

Result<TileUrlTemplate> TileUrlTemplate::parse(const QString &text, const QStringList &subdomains)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The tile URL template is empty."));
    }
    const qsizetype schemeEnd = trimmed.indexOf(QStringLiteral("://"));
    const QString scheme = schemeEnd > 0 ? trimmed.left(schemeEnd).toLower() : QString();
    if (scheme != u"https" && scheme != u"http") {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The tile URL template must start with https:// or http://."),
                    trimmed);
    }

    QSet<QString> found;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c == u'}') {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The tile URL template has an unmatched '}' at position %1.")
                            .arg(i + 1),
                        trimmed);
        }
        if (c != u'{') {
            continue;
        }
        const qsizetype close = trimmed.indexOf(u'}', i + 1);
        const qsizetype nextOpen = trimmed.indexOf(u'{', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The tile URL template has an unmatched '{' at position %1.")
                            .arg(i + 1),
                        trimmed);
        }
        const QString name = trimmed.mid(i + 1, close - i - 1);
        if (!knownPlaceholders().contains(name)) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The tile URL template has an unknown placeholder {%1}; "
                                       "use {z}, {x}, {y} (or {-y}), {s} and {r}.")
                            .arg(name),
                        trimmed);
        }
        found.insert(name);
        i = close;
    }
    for (const QString &name : {QStringLiteral("z"), QStringLiteral("x")}) {
        if (!found.contains(name)) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The tile URL template has no {%1} placeholder.").arg(name),
                        trimmed);
        }
    }
    if (!found.contains(QStringLiteral("y")) && !found.contains(QStringLiteral("-y"))) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The tile URL template has no {y} placeholder."),
                    trimmed);
    }

    TileUrlTemplate result;
    result.m_text = trimmed;
    if (found.contains(QStringLiteral("s"))) {
        for (const QString &subdomain : subdomains) {
            if (!subdomain.trimmed().isEmpty()) {
                result.m_subdomains.append(subdomain.trimmed());
            }
        }
        if (result.m_subdomains.isEmpty()) {
            result.m_subdomains = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        }
    }
    result.m_hasRetinaPlaceholder = found.contains(QStringLiteral("r"));
    result.m_alwaysHighDpi = trimmed.contains(QStringLiteral("@2x"));

    const QUrl sample = result.url(gis::TileKey(1, 1, 1), false);
    if (!sample.isValid()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The tile URL template does not give a valid URL: %1")
                        .arg(sample.errorString()),
                    trimmed);
    }
    if (sample.host().isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The tile URL template has no host name."),
                    trimmed);
    }
    return result;
}

QUrl TileUrlTemplate::url(const gis::TileKey &key, bool highDpi) const
{
    return QUrl(substitute(m_text, m_subdomains, key, highDpi), QUrl::StrictMode);
}

} // namespace infrasight::render
