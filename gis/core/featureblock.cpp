// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureblock.h"

#include "gis/core/featureblockdata.h"

#include <algorithm>

namespace infrasight::gis {

namespace {

template<typename T>
qsizetype vectorBytes(const std::vector<T> &values)
{
    return qsizetype(values.capacity() * sizeof(T));
}

} // namespace

FeatureBlock::FeatureBlock()
{
    // Every empty block shares one Data, so default-constructed blocks cost no allocation.
    static const std::shared_ptr<const Data> empty = std::make_shared<const Data>();
    d = empty;
}

FeatureBlock::FeatureBlock(std::shared_ptr<const Data> data)
    : d(std::move(data))
{}

FeatureKind FeatureBlock::kind() const
{
    return d->kind;
}

qsizetype FeatureBlock::size() const
{
    return d->size();
}

qint64 FeatureBlock::id(qsizetype i) const
{
    return d->kind == FeatureKind::Cluster ? 0 : d->ids[size_t(i)];
}

AssetStatus FeatureBlock::status(qsizetype i) const
{
    return d->statuses[size_t(i)];
}

std::uint8_t FeatureBlock::condition(qsizetype i) const
{
    return d->kind == FeatureKind::Cluster ? 0 : d->conditions[size_t(i)];
}

QPointF FeatureBlock::point(qsizetype i) const
{
    switch (d->kind) {
    case FeatureKind::Point:
    case FeatureKind::Cluster:
        return d->positions[size_t(i)];
    case FeatureKind::Line:
    case FeatureKind::Polygon:
        return d->positions[d->partStarts[d->featureParts[size_t(i)]]];
    }
    return {};
}

int FeatureBlock::clusterCount(qsizetype i) const
{
    return d->kind == FeatureKind::Cluster ? d->counts[size_t(i)] : 0;
}

int FeatureBlock::clusterFaultyCount(qsizetype i) const
{
    return d->kind == FeatureKind::Cluster ? d->faultyCounts[size_t(i)] : 0;
}

TileKey FeatureBlock::clusterCell(qsizetype i) const
{
    return d->kind == FeatureKind::Cluster ? d->cells[size_t(i)] : TileKey();
}

int FeatureBlock::partCount(qsizetype i) const
{
    if (d->kind != FeatureKind::Line && d->kind != FeatureKind::Polygon) {
        return 0;
    }
    return int(d->featureParts[size_t(i) + 1] - d->featureParts[size_t(i)]);
}

std::span<const QPointF> FeatureBlock::part(qsizetype i, int p) const
{
    const size_t partIndex = d->featureParts[size_t(i)] + size_t(p);
    const quint32 begin = d->partStarts[partIndex];
    const quint32 end = d->partStarts[partIndex + 1];
    return {d->positions.data() + begin, size_t(end - begin)};
}

const BoundingBox &FeatureBlock::bounds() const
{
    return d->bounds;
}

qint64 FeatureBlock::featureCount() const
{
    return d->featureCount;
}

qsizetype FeatureBlock::memoryBytes() const
{
    return qsizetype(sizeof(Data)) + vectorBytes(d->ids) + vectorBytes(d->statuses)
           + vectorBytes(d->conditions) + vectorBytes(d->positions) + vectorBytes(d->featureParts)
           + vectorBytes(d->partStarts) + vectorBytes(d->cells) + vectorBytes(d->counts)
           + vectorBytes(d->faultyCounts);
}

qsizetype FeatureBlock::indexOf(qint64 id) const
{
    const auto found = std::find(d->ids.cbegin(), d->ids.cend(), id);
    return found == d->ids.cend() ? -1 : qsizetype(found - d->ids.cbegin());
}

} // namespace infrasight::gis
