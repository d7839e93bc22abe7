// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/osmreader.h"

#include "gis/core/logging.h"
#include "gis/core/wkb.h"

#include <QFileInfo>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>

#include <cstring>

#include <ogrsf_frmts.h>

namespace infrasight::gis {

namespace {

QString lastGdalMessage()
{
    return QString::fromUtf8(CPLGetLastErrorMsg());
}

std::optional<OsmLayerKind> layerKind(const char *name)
{
    if (std::strcmp(name, "points") == 0) {
        return OsmLayerKind::Points;
    }
    if (std::strcmp(name, "lines") == 0) {
        return OsmLayerKind::Lines;
    }
    if (std::strcmp(name, "multilinestrings") == 0) {
        return OsmLayerKind::MultiLineStrings;
    }
    if (std::strcmp(name, "multipolygons") == 0) {
        return OsmLayerKind::MultiPolygons;
    }
    if (std::strcmp(name, "other_relations") == 0) {
        return OsmLayerKind::OtherRelations;
    }
    return std::nullopt;
}

// Fields the driver adds that are not OSM tags.
bool isBookkeepingField(const char *name)
{
    return std::strcmp(name, "osm_id") == 0 || std::strcmp(name, "osm_way_id") == 0
           || std::strcmp(name, "other_tags") == 0 || std::strcmp(name, "all_tags") == 0
           || std::strcmp(name, "z_order") == 0;
}

// Reads one double-quoted hstore token starting at text[pos] == '"'; leaves pos after the quote.
std::optional<QString> readQuoted(QStringView text, qsizetype &pos)
{
    if (pos >= text.size() || text[pos] != u'"') {
        return std::nullopt;
    }
    ++pos;
    QString out;
    while (pos < text.size()) {
        const QChar c = text[pos++];
        if (c == u'\\' && pos < text.size()) {
            out.append(text[pos++]);
        } else if (c == u'"') {
            return out;
        } else {
            out.append(c);
        }
    }
    return std::nullopt;
}

void skipSpaces(QStringView text, qsizetype &pos)
{
    while (pos < text.size() && text[pos].isSpace()) {
        ++pos;
    }
}

} // namespace

struct OsmReader::Private
{
    GDALDatasetUniquePtr dataset;
    double progress = 0;
    std::optional<GeoBounds> bounds;
    QByteArray wkb; // reused between features to keep allocations low
};

OsmReader::OsmReader(std::unique_ptr<Private> d)
    : m_d(std::move(d))
{}

OsmReader::~OsmReader() = default;

Result<std::unique_ptr<OsmReader>> OsmReader::open(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        return fail(ErrorCode::NotFound, QStringLiteral("OSM file not found"), path);
    }
    // Restrict the open to the OSM driver so that a file of another format is refused plainly
    // instead of being read as something else.
    const char *const drivers[] = {"OSM", nullptr};
    CPLErrorReset();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(
        path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!dataset) {
        return fail(ErrorCode::Gdal,
                    QStringLiteral("cannot read %1 as OpenStreetMap data").arg(path),
                    lastGdalMessage());
    }
    auto d = std::make_unique<Private>();
    // The driver reports the header's bounding box as every layer's extent without scanning.
    if (OGRLayer *points = dataset->GetLayerByName("points")) {
        OGREnvelope envelope;
        if (points->GetExtent(&envelope, FALSE) == OGRERR_NONE && envelope.IsInit()) {
            d->bounds = GeoBounds(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
        }
    }
    d->dataset = std::move(dataset);
    return std::unique_ptr<OsmReader>(new OsmReader(std::move(d)));
}

Result<bool> OsmReader::readNext(OsmFeature &feature)
{
    for (;;) {
        OGRLayer *layer = nullptr;
        double progress = 0;
        OGRFeatureUniquePtr next(m_d->dataset->GetNextFeature(&layer, &progress, nullptr, nullptr));
        if (!next) {
            m_d->progress = 1.0;
            return false;
        }
        m_d->progress = progress;
        const OGRGeometry *geometry = next->GetGeometryRef();
        const auto kind = layer ? layerKind(layer->GetName()) : std::nullopt;
        if (!kind || !geometry || geometry->IsEmpty()) {
            continue;
        }

        feature.layer = *kind;
        feature.tags.clear();
        const OGRFeatureDefn *definition = next->GetDefnRef();
        const int fieldCount = definition->GetFieldCount();
        qint64 osmId = 0;
        qint64 wayId = 0;
        for (int i = 0; i < fieldCount; ++i) {
            if (!next->IsFieldSetAndNotNull(i)) {
                continue;
            }
            const char *name = definition->GetFieldDefn(i)->GetNameRef();
            if (std::strcmp(name, "osm_id") == 0) {
                osmId = QByteArray(next->GetFieldAsString(i)).toLongLong();
            } else if (std::strcmp(name, "osm_way_id") == 0) {
                wayId = QByteArray(next->GetFieldAsString(i)).toLongLong();
            } else if (std::strcmp(name, "other_tags") == 0) {
                const QHash<QString, QString> other
                    = parseOtherTags(QString::fromUtf8(next->GetFieldAsString(i)));
                for (auto it = other.cbegin(); it != other.cend(); ++it) {
                    feature.tags.insert(it.key(), it.value());
                }
            } else if (!isBookkeepingField(name)) {
                feature.tags.insert(QString::fromUtf8(name),
                                    QString::fromUtf8(next->GetFieldAsString(i)));
            }
        }

        switch (*kind) {
        case OsmLayerKind::Points:
            feature.elementType = OsmElementType::Node;
            feature.osmId = osmId;
            break;
        case OsmLayerKind::Lines:
            feature.elementType = OsmElementType::Way;
            feature.osmId = osmId;
            break;
        case OsmLayerKind::MultiPolygons:
            // An area is either a closed way (osm_way_id) or a multipolygon relation (osm_id).
            feature.elementType = osmId != 0 ? OsmElementType::Relation : OsmElementType::Way;
            feature.osmId = osmId != 0 ? osmId : wayId;
            break;
        case OsmLayerKind::MultiLineStrings:
        case OsmLayerKind::OtherRelations:
            feature.elementType = OsmElementType::Relation;
            feature.osmId = osmId;
            break;
        }

        // Through WKB, the format GDAL exports and gis/core decodes.
        QByteArray &wkb = m_d->wkb;
        wkb.resize(qsizetype(geometry->WkbSize()));
        if (geometry->exportToWkb(
                wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()), wkbVariantIso)
            != OGRERR_NONE) {
            return fail(ErrorCode::Gdal,
                        QStringLiteral("cannot export the geometry of OSM element %1").arg(osmId),
                        lastGdalMessage());
        }
        auto decoded = decodeWkb(wkb);
        if (!decoded) {
            qCDebug(lcGis) << "skipping OSM element" << osmId << decoded.error().message;
            continue;
        }
        feature.geometry = std::move(*decoded);
        return true;
    }
}

double OsmReader::progress() const
{
    return m_d->progress;
}

std::optional<GeoBounds> OsmReader::headerBounds() const
{
    return m_d->bounds;
}

QHash<QString, QString> OsmReader::parseOtherTags(QStringView text)
{
    QHash<QString, QString> tags;
    qsizetype pos = 0;
    for (;;) {
        skipSpaces(text, pos);
        auto key = readQuoted(text, pos);
        if (!key) {
            break;
        }
        skipSpaces(text, pos);
        if (!text.mid(pos).startsWith(u"=>")) {
            break;
        }
        pos += 2;
        skipSpaces(text, pos);
        auto value = readQuoted(text, pos);
        if (!value) {
            break;
        }
        tags.insert(*key, *value);
        skipSpaces(text, pos);
        if (pos >= text.size() || text[pos] != u',') {
            break;
        }
        ++pos;
    }
    return tags;
}

} // namespace infrasight::gis
