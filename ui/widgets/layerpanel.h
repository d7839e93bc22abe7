// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QModelIndex;
class QPoint;
class QSlider;
class QTreeView;

namespace infrasight::models {
class LayerModel;
}

namespace infrasight::ui {

/// The Layers dock's content: the layers of a LayerModel as a tree of groups (departments, the
/// base map), always expanded, with a check box per layer and group for visibility; below it,
/// for the current layer, its opacity (0-100 %) and the buttons Up, Down (the order within the
/// group; the top of the list is drawn on top), Style… (LayerStyleDialog; Apply and OK change
/// the model), Zoom to layer and Reset (every layer back to its default style, after asking).
/// The same actions are in the tree's context menu; a double click opens the style. The model is
/// borrowed and must outlive the panel. GUI thread only.
class LayerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LayerPanel(models::LayerModel *model, QWidget *parent = nullptr);

    /// The key of the selected layer; empty when a group or nothing is selected.
    QString currentLayerKey() const;
    /// Selects the layer with this key (nothing for an unknown key).
    void setCurrentLayerKey(const QString &key);

Q_SIGNALS:
    /// The operator asked to see the whole of this layer's features.
    void zoomToLayerRequested(const QString &key);
    /// The selected layer changed; empty when a group or nothing is selected.
    void currentLayerChanged(const QString &key);

private:
    void moveCurrent(int delta);
    void editCurrentStyle();
    void confirmReset();
    void showContextMenu(const QPoint &position);
    void handleCurrentChanged();
    void handleLayerChanged(const QString &key);
    void handleModelReset();
    void updateControls();

    models::LayerModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QSlider *m_opacity = nullptr;
    QLabel *m_opacityValue = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QAction *m_styleAction = nullptr;
    QAction *m_zoomAction = nullptr;
    QAction *m_resetAction = nullptr;
    QString m_currentKey; ///< kept across model resets
};

} // namespace infrasight::ui
