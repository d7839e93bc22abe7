// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "data/queryresult.h"
#include "gis/core/result.h"
#include "tests/support/pgtestdatabase.h"

#include <QString>
#include <QVariantList>

#include <memory>

namespace infrasight::tests {

/// A migrated throw-away database with a few asset types, for the details and locator tests:
/// assets, sensors and work orders are inserted by plain SQL as another program would.
class AssetTestCity
{
public:
    /// Creates and migrates the database and adds the types "street_light" (Street light) and
    /// "hydrant" (Hydrant).
    [[nodiscard]] static Result<std::unique_ptr<AssetTestCity>> create();

    QString conninfo() const { return m_database.conninfo(); }

    /// Runs one parameterised statement as the superuser.
    [[nodiscard]] Result<data::QueryResult> exec(const QString &sql,
                                                 const QVariantList &params = {});

    /// Inserts one point asset of the type with the given code at lon/lat; returns its id.
    [[nodiscard]] Result<qint64> addAsset(const QString &typeCode,
                                          const QString &code,
                                          const QString &name,
                                          const QString &street,
                                          const QString &attributesJson = QStringLiteral("{}"));

    /// Inserts count assets of a type, codes prefix + "-" + six digits from 1, named
    /// "Lamp <n>", on the given streets in turn.
    [[nodiscard]] Result<void> addSeries(const QString &typeCode,
                                         const QString &prefix,
                                         int count,
                                         const QStringList &streets);

    struct DetailedAssets
    {
        qint64 lamp = 0;    ///< street light SL-000001, see addDetailedAssets()
        qint64 hydrant = 0; ///< hydrant HY-000001 on Rue Grimaldi, nothing attached
    };

    /// Two assets for the details tests. The lamp SL-000001 "Lamp by the Casino" on Place du
    /// Casino, attributes {"lamp": "LED", "height_m": 8}, has the sensors NS-1 (noise, 42.5 dB
    /// two and a half minutes ago) and AQ-1 (air_quality, never seen), the work orders WO-A
    /// (Replace lamp, open, high, due 2026-12-01), WO-B (Paint pole, in_progress, low) and WO-C
    /// (closed), and one update after its insert: status active -> faulty, condition 2 -> 4.
    [[nodiscard]] Result<DetailedAssets> addDetailedAssets();

    /// A client connected to the database (waits up to 20 s); false when it did not connect.
    [[nodiscard]] bool connect(data::DbClient &client) const;

private:
    AssetTestCity(PgTestDatabase database, std::unique_ptr<data::PgConnection> connection);

    PgTestDatabase m_database;
    std::unique_ptr<data::PgConnection> m_connection;
};

} // namespace infrasight::tests
