// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QMetaType>
#include <QString>

namespace infrasight::gis {

/// A coordinate reference system as a plain value: the definition PROJ understands plus
/// what PROJ said about it when it was checked. Holds no PROJ object, so it is cheap to copy
/// and may be passed between threads freely.
class Crs
{
public:
    /// An invalid CRS.
    Crs() = default;

    /// Checks a definition with PROJ and returns the CRS. Accepts an authority code
    /// ("EPSG:3067"), WKT (1 or 2), PROJJSON, or a PROJ string ("+proj=utm +zone=35
    /// +ellps=GRS80"; "+type=crs" is added if missing). Fails with ErrorCode::InvalidArgument
    /// if the text is empty, PROJ cannot parse it, or it is not a CRS (e.g. a bare operation);
    /// Error::detail holds PROJ's message. Uses the calling thread's PROJ context (may read
    /// proj.db; does not touch the network).
    [[nodiscard]] static Result<Crs> fromString(const QString &definition);

    /// fromString("EPSG:<code>").
    [[nodiscard]] static Result<Crs> fromEpsg(int code);

    /// WGS 84 longitude/latitude (EPSG:4326), without asking PROJ.
    static Crs wgs84();
    /// Web Mercator (EPSG:3857), without asking PROJ.
    static Crs webMercator();

    bool isValid() const { return !m_definition.isEmpty(); }

    /// The definition as passed to PROJ (trimmed; "+type=crs" appended to PROJ strings).
    const QString &definition() const { return m_definition; }

    /// PROJ's name for the CRS, e.g. "ETRS89 / TM35FIN(E,N)"; empty for an invalid CRS.
    const QString &description() const { return m_description; }

    /// "AUTHORITY:CODE" if the definition carries an identifier (codes and most WKT do,
    /// PROJ strings do not); empty otherwise.
    const QString &authId() const { return m_authId; }

    /// True for a geographic (lon/lat) CRS.
    bool isGeographic() const { return m_geographic; }

    /// Same authority id if both have one, otherwise same definition text.
    friend bool operator==(const Crs &a, const Crs &b);

private:
    QString m_definition;
    QString m_description;
    QString m_authId;
    bool m_geographic = false;
};

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::Crs)
