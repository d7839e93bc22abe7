// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"
#include "gis/core/featureblock.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QList>
#include <QString>

#include <memory>

namespace infrasight::models {

/// One map layer: where its features come from and how the operator set it up.
struct LayerDefinition
{
    enum class ColorBy { Fixed, Status, Condition };

    QString key;   ///< "asset:street_light" (by type code, stable across databases),
                   ///< "basemap:district", "basemap:building"
    QString title; ///< "Street light"
    QString group; ///< "Street Lighting" (the department), "Base map", "Other assets"
    gis::FeatureKind kind = gis::FeatureKind::Point;
    qint64 typeId = 0;    ///< asset type id; 0 for base map layers
    QString basemapTable; ///< "district" or "building" for base map layers

    // Set by the operator and persisted per user (QSettings "layers/<key>/...").
    bool visible = true;
    double opacity = 1.0; ///< 0..1
    int minZoom = 0;
    int maxZoom = 20;
    int clusterBelowZoom = 17; ///< points only
    QString symbol;            ///< points: symbol name (resources/symbols/<symbol>.svg)
    ColorBy colorBy = ColorBy::Status;
    QColor color;           ///< fixed colour, line colour, polygon outline
    QColor fillColor;       ///< polygons
    double lineWidth = 1.5; ///< logical pixels
    Qt::PenStyle lineStyle = Qt::SolidLine;
    double symbolSize = 18.0; ///< logical pixels

    /// True if visible and zoom lies in [minZoom, maxZoom].
    bool showsAt(double zoom) const;

    friend bool operator==(const LayerDefinition &, const LayerDefinition &) = default;
};

/// The map's layers as a two-level tree for the Layers panel: groups (departments, "Base map")
/// holding layers. Column 0 is the title, checkable for visibility (a group's check state is
/// its layers'). Rows are listed as the panel shows them, drawn-on-top first (as in QGIS): point
/// groups, then lines, polygons and the base map group last; layers() gives drawing order,
/// bottom first. setAssetTypes() builds one layer per asset type plus the base map layers
/// (districts, buildings) with sensible default styles (symbol by type, colour by status), then
/// restores what the operator saved. Every change is saved at once to QSettings.
/// GUI thread only.
class LayerModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerModel)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< QString; empty for group rows
        IsGroupRole,                ///< bool
        OpacityRole,                ///< double 0..1, editable through setData
        KindRole,                   ///< int(gis::FeatureKind)
    };

    explicit LayerModel(QObject *parent = nullptr);
    ~LayerModel() override;

    /// Rebuilds the layers from the database's asset types and restores saved settings.
    void setAssetTypes(const QList<data::AssetTypeInfo> &types);

    /// All layers in drawing order (bottom first).
    QList<LayerDefinition> layers() const;
    /// The layer with this key; a default LayerDefinition (empty key) when unknown.
    LayerDefinition layer(const QString &key) const;
    /// The layer of an asset type, or an empty key.
    QString keyOfType(qint64 typeId) const;
    /// Replaces a layer's operator settings (matched by key), saves them and emits
    /// layerChanged(); the source fields (title, kind, typeId, ...) are kept.
    void setLayer(const LayerDefinition &layer);
    void setVisible(const QString &key, bool visible);
    void setOpacity(const QString &key, double opacity);
    /// Moves a layer delta rows within its group (delta < 0: up the list, drawn above the
    /// others); saves the order.
    void moveLayer(const QString &key, int delta);
    /// Restores the default style and visibility of every layer.
    void resetToDefaults();

    QModelIndex indexOfLayer(const QString &key) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    /// The set or order of layers changed.
    void layersChanged();
    /// One layer's settings changed (visibility, opacity, zooms, style).
    void layerChanged(const QString &key);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace infrasight::models
