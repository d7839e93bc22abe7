// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/layermodel.h"

#include <QFile>
#include <QHash>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace infrasight::models {

namespace {

// Zoom levels of the map (MapViewport::MinZoom..MaxZoom); settings outside are clamped.
constexpr int LowestZoom = 0;
constexpr int HighestZoom = 20;
// Point layers of a whole city would make a country-wide view query millions of rows.
constexpr int PointMinZoom = 12;
constexpr int LineMinZoom = 13;
constexpr int PolygonMinZoom = 13;
constexpr int BuildingMinZoom = 16;
constexpr int DefaultClusterBelowZoom = 17;
constexpr double MinLineWidth = 0.1;
constexpr double MaxLineWidth = 20.0;
constexpr double MinSymbolSize = 4.0;
constexpr double MaxSymbolSize = 128.0;
constexpr int IconSize = 16;

const QString SettingsRoot = QStringLiteral("layers");
const QString OrderKey = QStringLiteral("layers/order");

QString assetKey(const QString &typeCode)
{
    return QStringLiteral("asset:") + typeCode;
}

/// The pictogram of well-known asset types (resources/symbols/<symbol>.svg). The database's
/// asset_type.symbol is often just the type code, which has no pictogram.
QString symbolOfType(const data::AssetTypeInfo &type)
{
    static const QHash<QString, QString> symbols{
        {QStringLiteral("street_light"), QStringLiteral("lighting")},
        {QStringLiteral("hydrant"), QStringLiteral("hydrant")},
        {QStringLiteral("manhole"), QStringLiteral("manhole")},
        {QStringLiteral("traffic_signal"), QStringLiteral("signal")},
        {QStringLiteral("bus_stop"), QStringLiteral("bus_stop")},
        {QStringLiteral("tree"), QStringLiteral("tree")},
        {QStringLiteral("waste_bin"), QStringLiteral("bin")},
        {QStringLiteral("air_quality_station"), QStringLiteral("sensor")},
        {QStringLiteral("noise_monitor"), QStringLiteral("sensor")},
        {QStringLiteral("traffic_counter"), QStringLiteral("sensor")},
        {QStringLiteral("pressure_logger"), QStringLiteral("sensor")},
        {QStringLiteral("parking_sensor"), QStringLiteral("sensor")},
        {QStringLiteral("tide_gauge"), QStringLiteral("sensor")},
        {QStringLiteral("water_main"), QStringLiteral("main")},
        {QStringLiteral("sewer"), QStringLiteral("sewer")},
    };
    return symbols.value(type.code, type.symbol);
}

/// A colour per pictogram, so that a layer set to a fixed colour (and its legend icon) is
/// still recognisable.
QColor colorOfSymbol(const QString &symbol)
{
    static const QHash<QString, QRgb> colors{
        {QStringLiteral("lighting"), 0xffe0a100},
        {QStringLiteral("hydrant"), 0xffd7263d},
        {QStringLiteral("manhole"), 0xff5f6670},
        {QStringLiteral("signal"), 0xffe4572e},
        {QStringLiteral("bus_stop"), 0xff2f6fd0},
        {QStringLiteral("tree"), 0xff2e7d32},
        {QStringLiteral("bin"), 0xff7b5e3b},
        {QStringLiteral("sensor"), 0xff7e57c2},
        {QStringLiteral("main"), 0xff1f6fb4},
        {QStringLiteral("sewer"), 0xff8a5a2b},
    };
    return QColor::fromRgba(colors.value(symbol, 0xff1f6fb4));
}

LayerDefinition defaultAssetLayer(const data::AssetTypeInfo &type)
{
    LayerDefinition layer;
    layer.key = assetKey(type.code);
    layer.title = type.name.isEmpty() ? type.code : type.name;
    layer.group
        = type.departmentName.isEmpty() ? LayerModel::tr("Other assets") : type.departmentName;
    layer.kind = type.kind;
    layer.typeId = type.id;
    layer.symbol = symbolOfType(type);
    layer.color = colorOfSymbol(layer.symbol);
    layer.maxZoom = HighestZoom;
    switch (type.kind) {
    case gis::FeatureKind::Line:
        layer.minZoom = LineMinZoom;
        layer.colorBy = LayerDefinition::ColorBy::Fixed;
        layer.lineWidth = 2.0;
        if (type.code == u"water_main") {
            layer.color = QColor(0x1f, 0x6f, 0xb4);
            layer.lineWidth = 2.5;
        } else if (type.code == u"sewer") {
            layer.color = QColor(0x8a, 0x5a, 0x2b);
            layer.lineStyle = Qt::DashLine;
        }
        break;
    case gis::FeatureKind::Polygon:
        layer.minZoom = PolygonMinZoom;
        layer.colorBy = LayerDefinition::ColorBy::Fixed;
        layer.fillColor = layer.color;
        layer.fillColor.setAlpha(60);
        break;
    case gis::FeatureKind::Point:
    case gis::FeatureKind::Cluster:
        layer.kind = gis::FeatureKind::Point;
        layer.minZoom = PointMinZoom;
        layer.clusterBelowZoom = DefaultClusterBelowZoom;
        layer.colorBy = LayerDefinition::ColorBy::Status;
        break;
    }
    return layer;
}

QList<LayerDefinition> defaultBaseMapLayers()
{
    LayerDefinition districts;
    districts.key = QStringLiteral("basemap:district");
    districts.title = LayerModel::tr("Districts");
    districts.group = LayerModel::tr("Base map");
    districts.kind = gis::FeatureKind::Polygon;
    districts.basemapTable = QStringLiteral("district");
    districts.colorBy = LayerDefinition::ColorBy::Fixed;
    districts.color = QColor(0x7a, 0x5c, 0x9e);
    districts.fillColor = QColor(0, 0, 0, 0); // outline only
    districts.lineWidth = 2.0;
    districts.lineStyle = Qt::DashLine;
    districts.minZoom = LowestZoom;
    districts.maxZoom = HighestZoom;

    LayerDefinition buildings;
    buildings.key = QStringLiteral("basemap:building");
    buildings.title = LayerModel::tr("Buildings");
    buildings.group = districts.group;
    buildings.kind = gis::FeatureKind::Polygon;
    buildings.basemapTable = QStringLiteral("building");
    buildings.visible = false;
    buildings.colorBy = LayerDefinition::ColorBy::Fixed;
    buildings.color = QColor(0xb8, 0xab, 0x9e);
    buildings.fillColor = QColor(0xe4, 0xdc, 0xd3, 200);
    buildings.lineWidth = 1.0;
    buildings.minZoom = BuildingMinZoom;
    buildings.maxZoom = HighestZoom;
    // Panel order: drawn on top first.
    return {districts, buildings};
}

/// 0 is drawn first (bottom). The base map lies under every asset layer, then areas, lines and
/// points, so that a point is never hidden under a pipe or a park.
int drawingRank(const LayerDefinition &layer)
{
    if (!layer.basemapTable.isEmpty()) {
        return 0;
    }
    switch (layer.kind) {
    case gis::FeatureKind::Polygon:
        return 1;
    case gis::FeatureKind::Line:
        return 2;
    case gis::FeatureKind::Point:
    case gis::FeatureKind::Cluster:
        return 3;
    }
    return 3;
}

QString colorByName(LayerDefinition::ColorBy colorBy)
{
    switch (colorBy) {
    case LayerDefinition::ColorBy::Fixed:
        return QStringLiteral("fixed");
    case LayerDefinition::ColorBy::Status:
        return QStringLiteral("status");
    case LayerDefinition::ColorBy::Condition:
        return QStringLiteral("condition");
    }
    return QStringLiteral("status");
}

LayerDefinition::ColorBy colorByFromName(const QString &name, LayerDefinition::ColorBy fallback)
{
    if (name == u"fixed") {
        return LayerDefinition::ColorBy::Fixed;
    }
    if (name == u"status") {
        return LayerDefinition::ColorBy::Status;
    }
    if (name == u"condition") {
        return LayerDefinition::ColorBy::Condition;
    }
    return fallback;
}

struct PenStyleName
{
    Qt::PenStyle style;
    const char16_t *name;
};

constexpr PenStyleName PenStyleNames[] = {
    {Qt::NoPen, u"none"},
    {Qt::SolidLine, u"solid"},
    {Qt::DashLine, u"dash"},
    {Qt::DotLine, u"dot"},
    {Qt::DashDotLine, u"dashdot"},
    {Qt::DashDotDotLine, u"dashdotdot"},
};

QString penStyleName(Qt::PenStyle style)
{
    for (const PenStyleName &entry : PenStyleNames) {
        if (entry.style == style) {
            return QString::fromUtf16(entry.name);
        }
    }
    return QStringLiteral("solid");
}

Qt::PenStyle penStyleFromName(const QString &name, Qt::PenStyle fallback)
{
    for (const PenStyleName &entry : PenStyleNames) {
        if (name == QStringView(entry.name)) {
            return entry.style;
        }
    }
    return fallback;
}

QString colorText(const QColor &color)
{
    return color.isValid() ? color.name(QColor::HexArgb) : QString();
}

QColor colorFromText(const QString &text, const QColor &fallback)
{
    if (text.isEmpty()) {
        return fallback.isValid() ? fallback : QColor();
    }
    const QColor color(text);
    return color.isValid() ? color : fallback;
}

double finiteOr(double value, double fallback)
{
    return std::isfinite(value) ? value : fallback;
}

/// Keeps operator settings in their ranges, whatever a settings file or a caller says.
void normalise(LayerDefinition &layer)
{
    layer.opacity = std::clamp(finiteOr(layer.opacity, 1.0), 0.0, 1.0);
    layer.minZoom = std::clamp(layer.minZoom, LowestZoom, HighestZoom);
    layer.maxZoom = std::clamp(layer.maxZoom, layer.minZoom, HighestZoom);
    layer.clusterBelowZoom = std::clamp(layer.clusterBelowZoom, LowestZoom, HighestZoom);
    layer.lineWidth = std::clamp(finiteOr(layer.lineWidth, 1.5), MinLineWidth, MaxLineWidth);
    layer.symbolSize = std::clamp(finiteOr(layer.symbolSize, 18.0), MinSymbolSize, MaxSymbolSize);
    if (layer.lineStyle < Qt::NoPen || layer.lineStyle > Qt::DashDotDotLine) {
        layer.lineStyle = Qt::SolidLine;
    }
}

/// Copies what the operator may change; the source fields stay those of target.
void copyOperatorSettings(LayerDefinition &target, const LayerDefinition &source)
{
    target.visible = source.visible;
    target.opacity = source.opacity;
    target.minZoom = source.minZoom;
    target.maxZoom = source.maxZoom;
    target.clusterBelowZoom = source.clusterBelowZoom;
    target.symbol = source.symbol;
    target.colorBy = source.colorBy;
    target.color = source.color;
    target.fillColor = source.fillColor;
    target.lineWidth = source.lineWidth;
    target.lineStyle = source.lineStyle;
    target.symbolSize = source.symbolSize;
}

/// Saves the settings that differ from the defaults and removes the others, so that a
/// better default in a later version reaches everybody who did not choose otherwise.
void saveLayer(const LayerDefinition &layer, const LayerDefinition &defaults)
{
    QSettings settings;
    settings.beginGroup(SettingsRoot + u'/' + layer.key);
    const auto store = [&settings](const QString &name, bool isDefault, const QVariant &value) {
        if (isDefault) {
            settings.remove(name);
        } else {
            settings.setValue(name, value);
        }
    };
    store(QStringLiteral("visible"), layer.visible == defaults.visible, layer.visible);
    store(QStringLiteral("opacity"), layer.opacity == defaults.opacity, layer.opacity);
    store(QStringLiteral("minZoom"), layer.minZoom == defaults.minZoom, layer.minZoom);
    store(QStringLiteral("maxZoom"), layer.maxZoom == defaults.maxZoom, layer.maxZoom);
    store(QStringLiteral("clusterBelowZoom"),
          layer.clusterBelowZoom == defaults.clusterBelowZoom,
          layer.clusterBelowZoom);
    store(QStringLiteral("symbol"), layer.symbol == defaults.symbol, layer.symbol);
    store(QStringLiteral("colorBy"), layer.colorBy == defaults.colorBy, colorByName(layer.colorBy));
    store(QStringLiteral("color"), layer.color == defaults.color, colorText(layer.color));
    store(QStringLiteral("fillColor"),
          layer.fillColor == defaults.fillColor,
          colorText(layer.fillColor));
    store(QStringLiteral("lineWidth"), layer.lineWidth == defaults.lineWidth, layer.lineWidth);
    store(QStringLiteral("lineStyle"),
          layer.lineStyle == defaults.lineStyle,
          penStyleName(layer.lineStyle));
    store(QStringLiteral("symbolSize"), layer.symbolSize == defaults.symbolSize, layer.symbolSize);
    settings.endGroup();
}

void restoreLayer(LayerDefinition &layer)
{
    QSettings settings;
    settings.beginGroup(SettingsRoot + u'/' + layer.key);
    const auto number = [&settings](const QString &name, double fallback) {
        bool ok = false;
        const double value = settings.value(name).toDouble(&ok);
        return ok ? value : fallback;
    };
    const auto integer = [&settings](const QString &name, int fallback) {
        bool ok = false;
        const int value = settings.value(name).toInt(&ok);
        return ok ? value : fallback;
    };
    if (settings.contains(QStringLiteral("visible"))) {
        layer.visible = settings.value(QStringLiteral("visible")).toBool();
    }
    layer.opacity = number(QStringLiteral("opacity"), layer.opacity);
    layer.minZoom = integer(QStringLiteral("minZoom"), layer.minZoom);
    layer.maxZoom = integer(QStringLiteral("maxZoom"), layer.maxZoom);
    layer.clusterBelowZoom = integer(QStringLiteral("clusterBelowZoom"), layer.clusterBelowZoom);
    layer.symbol = settings.value(QStringLiteral("symbol"), layer.symbol).toString();
    layer.colorBy
        = colorByFromName(settings.value(QStringLiteral("colorBy")).toString(), layer.colorBy);
    if (settings.contains(QStringLiteral("color"))) {
        layer.color
            = colorFromText(settings.value(QStringLiteral("color")).toString(), layer.color);
    }
    if (settings.contains(QStringLiteral("fillColor"))) {
        layer.fillColor = colorFromText(settings.value(QStringLiteral("fillColor")).toString(),
                                        layer.fillColor);
    }
    layer.lineWidth = number(QStringLiteral("lineWidth"), layer.lineWidth);
    layer.lineStyle
        = penStyleFromName(settings.value(QStringLiteral("lineStyle")).toString(), layer.lineStyle);
    layer.symbolSize = number(QStringLiteral("symbolSize"), layer.symbolSize);
    settings.endGroup();
    normalise(layer);
}

QIcon paintIcon(const LayerDefinition &layer)
{
    QImage image(IconSize, IconSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    // A faint layer looks faint in the list too, but stays recognisable.
    painter.setOpacity(0.35 + 0.65 * layer.opacity);
    const QColor color = layer.color.isValid() ? layer.color : QColor(0x1f, 0x6f, 0xb4);
    const QRectF box(0.5, 0.5, IconSize - 1.0, IconSize - 1.0);
    switch (layer.kind) {
    case gis::FeatureKind::Line: {
        QPen pen(color, std::clamp(layer.lineWidth, 1.5, 4.0));
        pen.setStyle(layer.lineStyle == Qt::NoPen ? Qt::SolidLine : layer.lineStyle);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.drawLine(QPointF(1.0, IconSize - 4.0), QPointF(IconSize - 1.0, 4.0));
        break;
    }
    case gis::FeatureKind::Polygon:
        painter.setPen(QPen(color, std::clamp(layer.lineWidth, 1.0, 2.0)));
        painter.setBrush(layer.fillColor.isValid() ? layer.fillColor : QColor(Qt::transparent));
        painter.drawRoundedRect(box.adjusted(1.5, 1.5, -1.5, -1.5), 2.0, 2.0);
        break;
    case gis::FeatureKind::Point:
    case gis::FeatureKind::Cluster: {
        painter.setPen(QPen(Qt::white, 1.0));
        painter.setBrush(color);
        painter.drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5));
        // The pictograms are white on transparent (ui/render draws them on a badge the same
        // way); they are only there when the render resources are linked in.
        const QString path = QStringLiteral(":/symbols/%1.svg").arg(layer.symbol);
        if (!layer.symbol.isEmpty() && QFile::exists(path)) {
            const QPixmap symbol = QIcon(path).pixmap(IconSize - 6, IconSize - 6);
            if (!symbol.isNull()) {
                painter.drawPixmap(QRectF(3.0, 3.0, IconSize - 6.0, IconSize - 6.0),
                                   symbol,
                                   QRectF(symbol.rect()));
            }
        }
        break;
    }
    }
    painter.end();
    return QIcon(QPixmap::fromImage(image));
}

Qt::CheckState checkStateOf(const QList<LayerDefinition> &layers)
{
    const auto visible = std::count_if(
        layers.cbegin(), layers.cend(), [](const auto &layer) { return layer.visible; });
    if (visible == 0) {
        return Qt::Unchecked;
    }
    return visible == layers.size() ? Qt::Checked : Qt::PartiallyChecked;
}

/// Internal ids of indexes: 0 for a group row, group row + 1 for a layer row.
constexpr quintptr GroupId = 0;

} // namespace

bool LayerDefinition::showsAt(double zoom) const
{
    return visible && zoom >= minZoom && zoom <= maxZoom;
}

struct LayerModel::Private
{
    struct Group
    {
        QString name;
        QList<LayerDefinition> layers; ///< panel order: drawn on top first
    };

    QList<Group> groups; ///< panel order
    QHash<QString, LayerDefinition> defaults;
    QList<data::AssetTypeInfo> types;
    mutable QHash<QString, QIcon> icons;

    struct Position
    {
        int group = -1;
        int row = -1;

        bool isValid() const { return group >= 0; }
    };

    Position find(const QString &key) const
    {
        if (key.isEmpty()) {
            return {};
        }
        for (int g = 0; g < groups.size(); ++g) {
            const QList<LayerDefinition> &layers = groups.at(g).layers;
            for (int r = 0; r < layers.size(); ++r) {
                if (layers.at(r).key == key) {
                    return {g, r};
                }
            }
        }
        return {};
    }

    QStringList panelOrder() const
    {
        QStringList keys;
        for (const Group &group : groups) {
            for (const LayerDefinition &layer : group.layers) {
                keys.append(layer.key);
            }
        }
        return keys;
    }

    /// The layers with their defaults, grouped and ordered as the panel shows them.
    void build()
    {
        QList<LayerDefinition> assetLayers;
        for (const data::AssetTypeInfo &type : std::as_const(types)) {
            if (!type.code.isEmpty()) {
                assetLayers.append(defaultAssetLayer(type));
            }
        }
        // Points on top of lines on top of areas; types keep the database's order otherwise.
        std::stable_sort(assetLayers.begin(), assetLayers.end(), [](const auto &a, const auto &b) {
            return drawingRank(a) > drawingRank(b);
        });

        groups.clear();
        defaults.clear();
        icons.clear();
        QHash<QString, int> groupRank; // the highest-drawn kind of the group's layers
        for (const LayerDefinition &layer : std::as_const(assetLayers)) {
            if (defaults.contains(layer.key)) {
                continue; // the same type code twice; the first wins
            }
            defaults.insert(layer.key, layer);
            auto it = std::find_if(groups.begin(), groups.end(), [&layer](const Group &group) {
                return group.name == layer.group;
            });
            if (it == groups.end()) {
                groups.append(Group{layer.group, {}});
                it = std::prev(groups.end());
                groupRank.insert(layer.group, drawingRank(layer));
            }
            it->layers.append(layer);
        }
        const QString otherGroup = tr("Other assets");
        std::stable_sort(groups.begin(), groups.end(), [&](const Group &a, const Group &b) {
            const int rankA = groupRank.value(a.name);
            const int rankB = groupRank.value(b.name);
            if (rankA != rankB) {
                return rankA > rankB;
            }
            if ((a.name == otherGroup) != (b.name == otherGroup)) {
                return b.name == otherGroup;
            }
            return a.name.localeAwareCompare(b.name) < 0;
        });

        Group baseMap{tr("Base map"), defaultBaseMapLayers()};
        for (const LayerDefinition &layer : std::as_const(baseMap.layers)) {
            defaults.insert(layer.key, layer);
        }
        groups.append(baseMap);
    }

    /// Applies the saved order (within groups) and every layer's saved settings.
    void restore()
    {
        const QStringList order = QSettings().value(OrderKey).toStringList();
        if (!order.isEmpty()) {
            for (Group &group : groups) {
                // Layers the saved order does not know keep their place after the known ones.
                std::stable_sort(group.layers.begin(),
                                 group.layers.end(),
                                 [&order](const LayerDefinition &a, const LayerDefinition &b) {
                                     const auto rank = [&order](const QString &key) {
                                         const qsizetype i = order.indexOf(key);
                                         return i < 0 ? std::numeric_limits<qsizetype>::max() : i;
                                     };
                                     return rank(a.key) < rank(b.key);
                                 });
            }
        }
        for (Group &group : groups) {
            for (LayerDefinition &layer : group.layers) {
                restoreLayer(layer);
            }
        }
    }
};

LayerModel::LayerModel(QObject *parent)
    : QAbstractItemModel(parent)
    , d(std::make_unique<Private>())
{
    // The base map layers exist before the database has said which asset types it has.
    d->build();
    d->restore();
}

LayerModel::~LayerModel() = default;

void LayerModel::setAssetTypes(const QList<data::AssetTypeInfo> &types)
{
    beginResetModel();
    d->types = types;
    d->build();
    d->restore();
    endResetModel();
    Q_EMIT layersChanged();
}

QList<LayerDefinition> LayerModel::layers() const
{
    // Drawing order: by kind (base map, areas, lines, points), then the panel's order upwards.
    QList<LayerDefinition> all;
    for (const Private::Group &group : std::as_const(d->groups)) {
        all.append(group.layers);
    }
    std::reverse(all.begin(), all.end());
    std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return drawingRank(a) < drawingRank(b);
    });
    return all;
}

LayerDefinition LayerModel::layer(const QString &key) const
{
    const Private::Position position = d->find(key);
    if (!position.isValid()) {
        return {};
    }
    return d->groups.at(position.group).layers.at(position.row);
}

QString LayerModel::keyOfType(qint64 typeId) const
{
    if (typeId == 0) {
        return {};
    }
    for (const Private::Group &group : std::as_const(d->groups)) {
        for (const LayerDefinition &layer : group.layers) {
            if (layer.typeId == typeId) {
                return layer.key;
            }
        }
    }
    return {};
}

void LayerModel::setLayer(const LayerDefinition &layer)
{
    const Private::Position position = d->find(layer.key);
    if (!position.isValid()) {
        return;
    }
    LayerDefinition &current = d->groups[position.group].layers[position.row];
    LayerDefinition changed = current;
    copyOperatorSettings(changed, layer);
    normalise(changed);
    if (changed == current) {
        return;
    }
    current = changed;
    saveLayer(current, d->defaults.value(current.key));
    d->icons.remove(current.key);
    const QModelIndex layerIndex = createIndex(position.row, 0, quintptr(position.group + 1));
    Q_EMIT dataChanged(layerIndex, layerIndex);
    const QModelIndex groupIndex = createIndex(position.group, 0, GroupId);
    Q_EMIT dataChanged(groupIndex, groupIndex, {Qt::CheckStateRole});
    Q_EMIT layerChanged(current.key);
}

void LayerModel::setVisible(const QString &key, bool visible)
{
    LayerDefinition changed = layer(key);
    changed.visible = visible;
    setLayer(changed);
}

void LayerModel::setOpacity(const QString &key, double opacity)
{
    LayerDefinition changed = layer(key);
    changed.opacity = opacity;
    setLayer(changed);
}

void LayerModel::moveLayer(const QString &key, int delta)
{
    const Private::Position position = d->find(key);
    if (!position.isValid() || delta == 0) {
        return;
    }
    QList<LayerDefinition> &layers = d->groups[position.group].layers;
    const int to = std::clamp(position.row + delta, 0, int(layers.size()) - 1);
    if (to == position.row) {
        return;
    }
    const QModelIndex parentIndex = createIndex(position.group, 0, GroupId);
    // beginMoveRows wants the row the item goes before, counted before the move.
    const int destination = to > position.row ? to + 1 : to;
    beginMoveRows(parentIndex, position.row, position.row, parentIndex, destination);
    layers.move(position.row, to);
    endMoveRows();
    QSettings().setValue(OrderKey, d->panelOrder());
    Q_EMIT layersChanged();
}

void LayerModel::resetToDefaults()
{
    beginResetModel();
    QSettings().remove(SettingsRoot);
    d->build();
    endResetModel();
    Q_EMIT layersChanged();
}

QModelIndex LayerModel::indexOfLayer(const QString &key) const
{
    const Private::Position position = d->find(key);
    if (!position.isValid()) {
        return {};
    }
    return createIndex(position.row, 0, quintptr(position.group + 1));
}

QModelIndex LayerModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, GroupId);
    }
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex LayerModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupId) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, GroupId);
}

int LayerModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(d->groups.size());
    }
    if (parent.column() != 0 || parent.internalId() != GroupId) {
        return 0;
    }
    return int(d->groups.at(parent.row()).layers.size());
}

int LayerModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

QVariant LayerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index)) {
        return {};
    }
    if (index.internalId() == GroupId) {
        const Private::Group &group = d->groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return group.name;
        case Qt::CheckStateRole:
            return checkStateOf(group.layers);
        case KeyRole:
            return QString();
        case IsGroupRole:
            return true;
        default:
            return {};
        }
    }
    const LayerDefinition &layer = d->groups.at(int(index.internalId() - 1)).layers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return layer.title;
    case Qt::CheckStateRole:
        return layer.visible ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole: {
        auto it = d->icons.find(layer.key);
        if (it == d->icons.end()) {
            it = d->icons.insert(layer.key, paintIcon(layer));
        }
        return *it;
    }
    case Qt::ToolTipRole:
        return tr("%1: shown from zoom %2 to %3")
            .arg(layer.title)
            .arg(layer.minZoom)
            .arg(layer.maxZoom);
    case KeyRole:
        return layer.key;
    case IsGroupRole:
        return false;
    case OpacityRole:
        return layer.opacity;
    case KindRole:
        return int(layer.kind);
    default:
        return {};
    }
}

bool LayerModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index)) {
        return false;
    }
    if (index.internalId() == GroupId) {
        if (role != Qt::CheckStateRole) {
            return false;
        }
        // Checking a partly checked group shows all of its layers, as in QGIS.
        const bool visible = Qt::CheckState(value.toInt()) != Qt::Unchecked;
        const int groupRow = index.row();
        QStringList changedKeys;
        for (LayerDefinition &layer : d->groups[groupRow].layers) {
            if (layer.visible != visible) {
                layer.visible = visible;
                saveLayer(layer, d->defaults.value(layer.key));
                changedKeys.append(layer.key);
            }
        }
        if (changedKeys.isEmpty()) {
            return true;
        }
        const int last = int(d->groups.at(groupRow).layers.size()) - 1;
        Q_EMIT dataChanged(this->index(0, 0, index), this->index(last, 0, index), {role});
        Q_EMIT dataChanged(index, index, {role});
        for (const QString &key : std::as_const(changedKeys)) {
            Q_EMIT layerChanged(key);
        }
        return true;
    }
    const QString key = index.data(KeyRole).toString();
    switch (role) {
    case Qt::CheckStateRole:
        setVisible(key, Qt::CheckState(value.toInt()) != Qt::Unchecked);
        return true;
    case OpacityRole: {
        bool ok = false;
        const double opacity = value.toDouble(&ok);
        if (!ok || !std::isfinite(opacity)) {
            return false;
        }
        setOpacity(key, opacity);
        return true;
    }
    default:
        return false;
    }
}

Qt::ItemFlags LayerModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index)) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

} // namespace infrasight::models
