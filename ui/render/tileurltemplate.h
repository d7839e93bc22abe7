// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"
#include "gis/core/tilekey.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace infrasight::render {

/// A validated XYZ tile URL template such as "https://tile.openstreetmap.org/{z}/{x}/{y}.png".
///
/// Placeholders: {z}, {x} and {y} (or {-y} for TMS rows, 2^z - 1 - y) are required; {s} picks
/// one of the subdomains (default a, b, c), the same one for a tile every time so the HTTP cache
/// hits; {r} becomes "@2x" for high-dpi requests and "" otherwise. A template that contains a
/// literal "@2x" always delivers high-dpi tiles. The scheme must be https or http.
/// A plain value; thread-safe.
class TileUrlTemplate
{
public:
    TileUrlTemplate() = default;

    /// Checks text and returns the template, or an InvalidArgument Error whose message says
    /// what is wrong in words a user can act on.
    [[nodiscard]] static Result<TileUrlTemplate> parse(const QString &text,
                                                       const QStringList &subdomains = {});

    QString text() const { return m_text; }

    QStringList subdomains() const { return m_subdomains; }

    /// True if the template can give @2x tiles ({r} or a literal "@2x").
    bool offersHighDpi() const { return m_hasRetinaPlaceholder || m_alwaysHighDpi; }

    /// True if every tile is @2x (a literal "@2x" in the template).
    bool alwaysHighDpi() const { return m_alwaysHighDpi; }

    /// The URL of key; highDpi selects "@2x" where {r} is used.
    QUrl url(const gis::TileKey &key, bool highDpi) const;

    bool isValid() const { return !m_text.isEmpty(); }

private:
    QString m_text;
    QStringList m_subdomains;
    bool m_hasRetinaPlaceholder = false;
    bool m_alwaysHighDpi = false;
};

} // namespace infrasight::render
