// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geobounds.h"
#include "gis/core/osmfeature.h"
#include "gis/core/result.h"

#include <QHash>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace infrasight::gis {

/// Reads an OpenStreetMap extract (.osm.pbf or .osm XML) through GDAL's OSM driver with
/// interleaved reading (GDALDataset::GetNextFeature), the only mode the driver documents as
/// correct for reading every layer of a file.
///
/// Call gis::setupGdal() once before open(). One reader belongs to one thread (GDAL datasets are
/// not thread-safe). Reading blocks on file I/O; the driver keeps its node index in temporary
/// files under CPL_TMPDIR (or the system temporary directory) and removes them on destruction.
class OsmReader
{
public:
    /// Opens the file. Fails with ErrorCode::NotFound if it does not exist and with
    /// ErrorCode::Gdal if GDAL cannot read it as OSM data.
    [[nodiscard]] static Result<std::unique_ptr<OsmReader>> open(const QString &path);

    ~OsmReader();
    OsmReader(const OsmReader &) = delete;
    OsmReader &operator=(const OsmReader &) = delete;

    /// Reads the next feature with a geometry into feature (features without a geometry, or with
    /// one gis::decodeWkb() cannot read, are skipped). Returns false at the end of the file.
    /// Fails with ErrorCode::Gdal if a geometry cannot be exported.
    [[nodiscard]] Result<bool> readNext(OsmFeature &feature);

    /// How far reading has got, 0 to 1, as the driver estimates it.
    double progress() const;

    /// The bounding box from the file header, if the file has one.
    std::optional<GeoBounds> headerBounds() const;

    /// Parses GDAL's other_tags text (hstore syntax: "key"=>"value","k2"=>"v2", with backslash
    /// escapes inside the quotes). Malformed trailing text is ignored.
    static QHash<QString, QString> parseOtherTags(QStringView text);

private:
    struct Private;
    explicit OsmReader(std::unique_ptr<Private> d);
    std::unique_ptr<Private> m_d;
};

} // namespace infrasight::gis
