// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureblockbuilder.h"

#include "gis/core/featureblockdata.h"
#include "gis/core/mercator.h"
#include "gis/core/wkb.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <optional>
#include <variant>

namespace infrasight::gis {

namespace {

// The fast path: byte order 1 (little endian), type 1 (Point), x, y; optionally with the EWKB
// SRID flag and a 4-byte SRID before the coordinates.
constexpr qsizetype WkbPointBytes = 21;
constexpr qsizetype EwkbPointBytes = 25;
constexpr quint32 EwkbSridPointType = 0x20000001U;

bool isFinite(QPointF lonLat)
{
    return std::isfinite(lonLat.x()) && std::isfinite(lonLat.y());
}

QPointF toMeters(QPointF lonLat)
{
    return lonLatToMercatorMeters(LonLat{lonLat.x(), lonLat.y()});
}

/// The little-endian 2D point of a 21- or 25-byte (E)WKB point, or nothing if bytes is
/// something else (then the general decoder takes it).
std::optional<QPointF> fastLittleEndianPoint(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype coordinates = 0;
    if (bytes.size() == WkbPointBytes && data[0] == 1
        && qFromLittleEndian<quint32>(data + 1) == 1) {
        coordinates = 5;
    } else if (bytes.size() == EwkbPointBytes && data[0] == 1
               && qFromLittleEndian<quint32>(data + 1) == EwkbSridPointType) {
        coordinates = 9;
    } else {
        return std::nullopt;
    }
    return QPointF(qFromLittleEndian<double>(data + coordinates),
                   qFromLittleEndian<double>(data + coordinates + 8));
}

QString kindName(FeatureKind kind)
{
    switch (kind) {
    case FeatureKind::Point:
        return QStringLiteral("point");
    case FeatureKind::Line:
        return QStringLiteral("line");
    case FeatureKind::Polygon:
        return QStringLiteral("polygon");
    case FeatureKind::Cluster:
        return QStringLiteral("cluster");
    }
    return {};
}

using Parts = std::vector<const std::vector<QPointF> *>;

/// The parts of a line or polygon geometry that fits kind (empty parts left out), or false if
/// the geometry does not fit the kind.
bool collectParts(const Geometry &geometry, FeatureKind kind, Parts &parts)
{
    const auto addPart = [&parts](const std::vector<QPointF> &points) {
        if (!points.empty()) {
            parts.push_back(&points);
        }
    };
    if (kind == FeatureKind::Line) {
        if (const auto *line = geometry.as<LineString>()) {
            addPart(line->points);
            return true;
        }
        if (const auto *multi = geometry.as<MultiLineString>()) {
            for (const LineString &member : multi->lineStrings) {
                addPart(member.points);
            }
            return true;
        }
        return false;
    }
    if (kind == FeatureKind::Polygon) {
        if (const auto *polygon = geometry.as<Polygon>()) {
            for (const auto &ring : polygon->rings) {
                addPart(ring);
            }
            return true;
        }
        if (const auto *multi = geometry.as<MultiPolygon>()) {
            for (const Polygon &member : multi->polygons) {
                for (const auto &ring : member.rings) {
                    addPart(ring);
                }
            }
            return true;
        }
    }
    return false;
}

} // namespace

struct FeatureBlockBuilder::Data
{
    FeatureBlock::Data block;

    void addFeature(qint64 id, AssetStatus status, std::uint8_t condition)
    {
        block.ids.push_back(id);
        block.statuses.push_back(status);
        block.conditions.push_back(condition);
    }

    void addPosition(QPointF meters)
    {
        block.positions.push_back(meters);
        block.bounds.extend(meters);
    }

    void startFeatureParts()
    {
        if (block.featureParts.empty()) {
            block.featureParts.push_back(0);
            block.partStarts.push_back(0);
        }
    }

    void endPart() { block.partStarts.push_back(quint32(block.positions.size())); }

    void endFeatureParts() { block.featureParts.push_back(quint32(block.partStarts.size() - 1)); }
};

FeatureBlockBuilder::FeatureBlockBuilder(FeatureKind kind)
    : d(std::make_unique<Data>())
{
    d->block.kind = kind;
}

FeatureBlockBuilder::~FeatureBlockBuilder() = default;
FeatureBlockBuilder::FeatureBlockBuilder(FeatureBlockBuilder &&) noexcept = default;
FeatureBlockBuilder &FeatureBlockBuilder::operator=(FeatureBlockBuilder &&) noexcept = default;

void FeatureBlockBuilder::reserve(qsizetype features)
{
    const auto n = size_t(std::max<qsizetype>(features, 0));
    FeatureBlock::Data &block = d->block;
    switch (block.kind) {
    case FeatureKind::Point:
        block.positions.reserve(n);
        break;
    case FeatureKind::Line:
    case FeatureKind::Polygon:
        block.featureParts.reserve(n + 1);
        block.partStarts.reserve(n + 1);
        break;
    case FeatureKind::Cluster:
        block.positions.reserve(n);
        block.cells.reserve(n);
        block.counts.reserve(n);
        block.faultyCounts.reserve(n);
        block.statuses.reserve(n);
        return;
    }
    block.ids.reserve(n);
    block.statuses.reserve(n);
    block.conditions.reserve(n);
}

Result<void> FeatureBlockBuilder::addWkb(qint64 id,
                                         AssetStatus status,
                                         std::uint8_t condition,
                                         QByteArrayView wkb)
{
    const FeatureKind kind = d->block.kind;
    if (kind == FeatureKind::Point) {
        if (const auto lonLat = fastLittleEndianPoint(wkb)) {
            if (isFinite(*lonLat)) {
                addPoint(id, status, condition, toMeters(*lonLat));
            }
            return {};
        }
    }

    const Result<Geometry> decoded = decodeWkb(wkb);
    if (!decoded) {
        return tl::unexpected(decoded.error());
    }
    const Geometry &geometry = *decoded;
    const auto wrongKind = [&] {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("invalid WKB: geometry type %1 at byte offset 1 does not fit a "
                                   "%2 layer")
                        .arg(int(geometry.type()))
                        .arg(kindName(kind)));
    };

    if (kind == FeatureKind::Cluster) {
        return wrongKind();
    }
    if (kind == FeatureKind::Point) {
        std::optional<QPointF> lonLat;
        if (const auto *point = geometry.as<Point>()) {
            lonLat = point->position;
        } else if (const auto *multi = geometry.as<MultiPoint>()) {
            if (!multi->points.empty()) {
                lonLat = multi->points.front();
            }
        } else {
            return wrongKind();
        }
        if (lonLat && isFinite(*lonLat)) {
            addPoint(id, status, condition, toMeters(*lonLat));
        }
        return {};
    }

    Parts parts;
    if (!collectParts(geometry, kind, parts)) {
        return wrongKind();
    }
    if (parts.empty()) {
        return {};
    }
    d->addFeature(id, status, condition);
    d->startFeatureParts();
    for (const std::vector<QPointF> *partLonLat : parts) {
        for (const QPointF &lonLat : *partLonLat) {
            d->addPosition(toMeters(lonLat));
        }
        d->endPart();
    }
    d->endFeatureParts();
    return {};
}

void FeatureBlockBuilder::addPoint(qint64 id,
                                   AssetStatus status,
                                   std::uint8_t condition,
                                   QPointF meters)
{
    Q_ASSERT(d->block.kind == FeatureKind::Point);
    if (d->block.kind != FeatureKind::Point) {
        return;
    }
    d->addFeature(id, status, condition);
    d->addPosition(meters);
}

void FeatureBlockBuilder::addParts(qint64 id,
                                   AssetStatus status,
                                   std::uint8_t condition,
                                   const std::vector<std::vector<QPointF>> &partsMeters)
{
    const FeatureKind kind = d->block.kind;
    Q_ASSERT(kind == FeatureKind::Line || kind == FeatureKind::Polygon);
    if (kind != FeatureKind::Line && kind != FeatureKind::Polygon) {
        return;
    }
    const bool hasPositions = std::any_of(
        partsMeters.cbegin(), partsMeters.cend(), [](const auto &part) { return !part.empty(); });
    if (!hasPositions) {
        return;
    }
    d->addFeature(id, status, condition);
    d->startFeatureParts();
    for (const auto &part : partsMeters) {
        if (part.empty()) {
            continue;
        }
        for (const QPointF &meters : part) {
            d->addPosition(meters);
        }
        d->endPart();
    }
    d->endFeatureParts();
}

void FeatureBlockBuilder::addCluster(const TileKey &cell,
                                     QPointF centroidMeters,
                                     int count,
                                     int faultyCount)
{
    FeatureBlock::Data &block = d->block;
    Q_ASSERT(block.kind == FeatureKind::Cluster);
    if (block.kind != FeatureKind::Cluster) {
        return;
    }
    block.cells.push_back(cell);
    block.counts.push_back(count);
    block.faultyCounts.push_back(faultyCount);
    block.statuses.push_back(faultyCount > 0 ? AssetStatus::Faulty : AssetStatus::Active);
    d->addPosition(centroidMeters);
}

qsizetype FeatureBlockBuilder::size() const
{
    return d->block.size();
}

FeatureBlock FeatureBlockBuilder::build()
{
    FeatureBlock::Data &block = d->block;
    block.ids.shrink_to_fit();
    block.statuses.shrink_to_fit();
    block.conditions.shrink_to_fit();
    block.positions.shrink_to_fit();
    block.featureParts.shrink_to_fit();
    block.partStarts.shrink_to_fit();
    block.cells.shrink_to_fit();
    block.counts.shrink_to_fit();
    block.faultyCounts.shrink_to_fit();
    if (block.kind == FeatureKind::Cluster) {
        block.featureCount = 0;
        for (const qint32 count : block.counts) {
            block.featureCount += count;
        }
    } else {
        block.featureCount = block.size();
    }
    const FeatureKind kind = block.kind;
    auto data = std::make_shared<const FeatureBlock::Data>(std::move(block));
    d->block = FeatureBlock::Data();
    d->block.kind = kind;
    return FeatureBlock(std::move(data));
}

} // namespace infrasight::gis
