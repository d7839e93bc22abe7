// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geobounds.h"
#include "gis/core/osmfeature.h"
#include "gis/core/result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <optional>

namespace infrasight::data {

class PgConnection;

/// What to generate and how.
struct DemoCityOptions
{
    /// The same seed gives the same city, row for row (for the same extract and referenceTime).
    quint64 seed = 1;
    /// Replace a city that is already there (assets, sensors, work orders, budgets, alarms,
    /// readings and the base map) instead of refusing.
    bool replace = false;
    /// "Now" for the generated history: budgets are for referenceTime's fiscal (calendar) year,
    /// work orders cover the 12 months before it. Invalid means today, 00:00 UTC, so that the
    /// same seed gives the same city all day.
    QDateTime referenceTime;
    /// Name of the extract for basemap.extract (e.g. the file name).
    QString sourceName;
    /// The extract's bounding box (from the file header). Without it the extent of the data is
    /// used. Generated assets never leave it.
    std::optional<gis::GeoBounds> bounds;
};

/// Counts of the rows the seeder wrote, by table ("asset", "basemap.road", ...), in a fixed
/// order for printing.
using SeedSummary = QList<QPair<QString, qint64>>;

/// Builds the demo city (DESIGN.md section 7): loads an OpenStreetMap extract into the basemap
/// schema and generates a living city on its real streets: street lights, hydrants, manholes,
/// water mains and sewers along the streets, traffic signals at junctions, sensors with real units
/// and thresholds, departments, crews, budgets and 12 months of work-order history. Real street
/// furniture in the extract (highway=street_lamp, emergency=fire_hydrant, manhole=*, ...) becomes
/// assets with their osm_id and tags. addSyntheticAssets() adds many more for benchmarks.
///
/// Deterministic: every random choice is a hash of (seed, row key) computed by the server
/// (hashint8extended) or a SeedRandom stream, never random(), so evaluation order cannot change
/// the result.
///
/// Blocking; borrows the connection (schema migrated to 0002 or later, a role that owns the
/// schema or a superuser; not inside a transaction). One seeder per connection and thread.
/// Long work reports progress and stops at the next check after cancel becomes true, rolling
/// back (ErrorCode::Cancelled); to interrupt a running statement too, also call
/// PgConnection::requestCancel().
class DemoCitySeeder
{
public:
    /// phase: what is being done ("loading base map", "street lights", ...); total < 0 if unknown.
    using ProgressCallback = std::function<void(const QString &phase, qint64 done, qint64 total)>;
    /// Fills the next feature and returns true, or returns false at the end (gis::OsmReader's
    /// readNext() has this shape; the seeder reuses one feature for all calls).
    using FeatureSource = std::function<Result<bool>(gis::OsmFeature &feature)>;

    DemoCitySeeder(PgConnection &connection, DemoCityOptions options);

    void setProgressCallback(ProgressCallback callback);
    /// The flag is polled, never written; it must outlive the seeder's calls.
    void setCancelFlag(const std::atomic_bool *cancel);

    /// Loads the extract and generates the city, all in one transaction: on any failure nothing
    /// changes. Fails with ErrorCode::Conflict if the database already holds assets and
    /// options.replace is false.
    [[nodiscard]] Result<void> seedCity(const FeatureSource &source);

    /// Adds count synthetic point assets (street lights, manholes, bins, ...) spread along the
    /// base map's streets, with COPY, in one transaction. Needs a loaded base map. Audit and
    /// NOTIFY triggers are switched off for the load where the role may do so (see the .cpp);
    /// one bulk NOTIFY on channel "asset" is sent instead. Returns the number of rows added.
    /// count must be between 1 and MaxSyntheticAssets.
    [[nodiscard]] Result<qint64> addSyntheticAssets(qint64 count);

    /// Row counts of the tables the seeder fills.
    [[nodiscard]] Result<SeedSummary> summary();

    static constexpr qint64 MaxSyntheticAssets = 2'000'000;

private:
    /// One statement of a generation phase, run in order with progress reported per step.
    struct Step
    {
        QString phase;
        QString sql;
        QVariantList params;
    };

    [[nodiscard]] Result<void> checkCancelled() const;
    /// Runs steps in order, reporting progress; finalPhase is reported when all are done.
    [[nodiscard]] Result<void> runSteps(const QList<Step> &steps, const QString &finalPhase);
    [[nodiscard]] Result<void>
    exec(const QString &phase, const QString &sql, const QVariantList &params = {});
    [[nodiscard]] Result<void> prepareSession();
    [[nodiscard]] Result<void> clearExisting();
    [[nodiscard]] Result<void> loadBasemap(const FeatureSource &source);
    [[nodiscard]] Result<void> generateOrganisation();
    [[nodiscard]] Result<void> generateAssets();
    [[nodiscard]] Result<void> generateSensors();
    [[nodiscard]] Result<void> generateWorkOrders();
    void report(const QString &phase, qint64 done, qint64 total) const;

    PgConnection &m_connection;
    DemoCityOptions m_options;
    ProgressCallback m_progress;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace infrasight::data
