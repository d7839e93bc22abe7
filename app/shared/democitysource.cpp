// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shared/democitysource.h"

#include "gis/proj/gdalsetup.h"
#include "gis/proj/osmreader.h"

#include <QFileInfo>

namespace infrasight::app {

namespace {

data::OsmFeatureRecord::Layer toRecordLayer(gis::OsmLayerKind kind)
{
    switch (kind) {
    case gis::OsmLayerKind::Points:
        return data::OsmFeatureRecord::Layer::Points;
    case gis::OsmLayerKind::Lines:
        return data::OsmFeatureRecord::Layer::Lines;
    case gis::OsmLayerKind::MultiLineStrings:
        return data::OsmFeatureRecord::Layer::MultiLineStrings;
    case gis::OsmLayerKind::MultiPolygons:
        return data::OsmFeatureRecord::Layer::MultiPolygons;
    case gis::OsmLayerKind::OtherRelations:
        return data::OsmFeatureRecord::Layer::OtherRelations;
    }
    return data::OsmFeatureRecord::Layer::OtherRelations;
}

data::OsmFeatureRecord::ElementType toRecordType(gis::OsmElementType type)
{
    switch (type) {
    case gis::OsmElementType::Node:
        return data::OsmFeatureRecord::ElementType::Node;
    case gis::OsmElementType::Way:
        return data::OsmFeatureRecord::ElementType::Way;
    case gis::OsmElementType::Relation:
        return data::OsmFeatureRecord::ElementType::Relation;
    }
    return data::OsmFeatureRecord::ElementType::Relation;
}

} // namespace

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
    , m_feature(std::make_unique<gis::OsmFeature>())
    , m_fileName(std::move(fileName))
{}

DemoCitySource::DemoCitySource(DemoCitySource &&) noexcept = default;
DemoCitySource &DemoCitySource::operator=(DemoCitySource &&) noexcept = default;
DemoCitySource::~DemoCitySource() = default;

void DemoCitySource::applyTo(data::DemoCityOptions &options) const
{
    options.sourceName = m_fileName;
    if (const auto bounds = m_reader->headerBounds()) {
        options.bounds = data::LonLatBox{
            bounds->minLonDeg, bounds->minLatDeg, bounds->maxLonDeg, bounds->maxLatDeg};
    }
}

data::DemoCitySeeder::FeatureSource DemoCitySource::featureSource()
{
    return [reader = m_reader.get(),
            feature = m_feature.get()](data::OsmFeatureRecord &record) -> Result<bool> {
        auto more = reader->readNext(*feature);
        if (!more || !*more) {
            return more;
        }
        record.layer = toRecordLayer(feature->layer);
        record.elementType = toRecordType(feature->elementType);
        record.osmId = feature->osmId;
        record.wkb = std::move(feature->wkb);
        record.tags = std::move(feature->tags);
        return true;
    };
}

} // namespace infrasight::app
