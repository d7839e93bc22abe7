// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/boundingbox.h"
#include "gis/core/geometry.h"

#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <memory>
#include <vector>

namespace infrasight::gis {

/// One map feature: a database id, its geometry and a few attributes for labels and styling
/// (keep them small; the full record is fetched on demand).
struct Feature
{
    qint64 id = 0;
    Geometry geometry;
    QVariantMap attributes;
};

/// An immutable snapshot of features in one CRS: what data/ produces and ui/render consumes.
/// Copying is cheap (a shared pointer) and the contents never change, so a FeatureSet may be
/// handed to worker threads and read there concurrently without locks.
class FeatureSet
{
public:
    /// An empty set with no CRS.
    FeatureSet();

    /// Takes the features and computes their bounds. crs names the coordinates' CRS as an
    /// authority id ("EPSG:4326" for lon/lat degrees, "EPSG:3857" for Web Mercator metres).
    FeatureSet(std::vector<Feature> features, QString crs);

    const std::vector<Feature> &features() const { return m_data->features; }

    qsizetype size() const { return qsizetype(m_data->features.size()); }

    bool isEmpty() const { return m_data->features.empty(); }

    const Feature &at(qsizetype index) const { return m_data->features[size_t(index)]; }

    std::vector<Feature>::const_iterator begin() const { return m_data->features.begin(); }

    std::vector<Feature>::const_iterator end() const { return m_data->features.end(); }

    /// Bounds of all geometries, in crs() units; empty if there are no coordinates.
    const BoundingBox &bounds() const { return m_data->bounds; }

    /// Authority id of the coordinates' CRS, e.g. "EPSG:3857"; empty if unknown.
    const QString &crs() const { return m_data->crs; }

    /// Total number of positions in all geometries (a cost estimate for rendering).
    qsizetype pointCount() const { return m_data->pointCount; }

private:
    struct Data
    {
        std::vector<Feature> features;
        BoundingBox bounds;
        QString crs;
        qsizetype pointCount = 0;
    };

    std::shared_ptr<const Data> m_data;
};

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::FeatureSet)
