// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureset.h"

namespace infrasight::gis {

FeatureSet::FeatureSet()
{
    // All empty sets share one instance, so a default FeatureSet costs no allocation.
    static const std::shared_ptr<const Data> empty = std::make_shared<const Data>();
    m_data = empty;
}

FeatureSet::FeatureSet(std::vector<Feature> features, QString crs)
{
    auto data = std::make_shared<Data>();
    for (const Feature &feature : features) {
        data->bounds.extend(feature.geometry.boundingBox());
        data->pointCount += feature.geometry.pointCount();
    }
    data->features = std::move(features);
    data->crs = std::move(crs);
    m_data = std::move(data);
}

} // namespace infrasight::gis
