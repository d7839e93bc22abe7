// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shared/democitysource.h"

#include "gis/proj/gdalsetup.h"
#include "gis/proj/osmreader.h"

#include <QFileInfo>

namespace infrasight::app {

Result<DemoCitySource> DemoCitySource::open(const QString &path)
{
    gis::setupGdal();
    auto reader = gis::OsmReader::open(path);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    return DemoCitySource(std::move(*reader), QFileInfo(path).fileName());
}

DemoCitySource::DemoCitySource(std::unique_ptr<gis::OsmReader> reader, QString fileName)
    : m_reader(std::move(reader))
    , m_fileName(std::move(fileName))
{}

DemoCitySource::DemoCitySource(DemoCitySource &&) noexcept = default;
DemoCitySource &DemoCitySource::operator=(DemoCitySource &&) noexcept = default;
DemoCitySource::~DemoCitySource() = default;

void DemoCitySource::applyTo(data::DemoCityOptions &options) const
{
    options.sourceName = m_fileName;
    if (const auto bounds = m_reader->headerBounds()) {
        options.bounds = *bounds;
    }
}

data::DemoCitySeeder::FeatureSource DemoCitySource::featureSource()
{
    return [reader = m_reader.get()](gis::OsmFeature &feature) {
        return reader->readNext(feature);
    };
}

} // namespace infrasight::app
