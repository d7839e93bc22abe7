// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/seed/democityseeder.h"
#include "gis/core/result.h"

#include <QString>

#include <memory>

namespace infrasight::gis {
class OsmReader;
} // namespace infrasight::gis

namespace infrasight::app {

/// An OpenStreetMap extract opened for DemoCitySeeder. It joins gis/proj (the reader) and data/
/// (the seeder), which may not include each other, so it lives in the composition root and is
/// shared by infrasightctl, the console and the benchmarks.
/// Reading blocks the calling thread; use one instance on one thread.
class DemoCitySource
{
public:
    /// Opens the extract (registering GDAL's drivers first). Fails with a clear message if the
    /// file is missing or not an OSM file.
    [[nodiscard]] static Result<DemoCitySource> open(const QString &path);

    DemoCitySource(DemoCitySource &&) noexcept;
    DemoCitySource &operator=(DemoCitySource &&) noexcept;
    DemoCitySource(const DemoCitySource &) = delete;
    DemoCitySource &operator=(const DemoCitySource &) = delete;
    ~DemoCitySource();

    /// Sets the options the extract implies: its file name and its header's bounding box.
    void applyTo(data::DemoCityOptions &options) const;

    /// The features one after another, read straight into the seeder's gis::OsmFeature. Valid
    /// while this object lives.
    data::DemoCitySeeder::FeatureSource featureSource();

private:
    DemoCitySource(std::unique_ptr<gis::OsmReader> reader, QString fileName);

    std::unique_ptr<gis::OsmReader> m_reader;
    QString m_fileName;
};

} // namespace infrasight::app
