// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/layermodel.h"

#include <QColor>
#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QPushButton;
class QSpinBox;

namespace infrasight::ui {

/// Edits the style of one map layer. What it offers depends on the layer's kind: points get a
/// pictogram, its size, how features are coloured (fixed, by status, by condition) with the fixed
/// colour and the zoom below which they cluster; lines a colour, width and pen style; areas an
/// outline colour, width and style and a fill colour with transparency. Every layer has the zoom
/// range in which it shows. Ranges are fixed by the widgets (no minimum zoom above the maximum),
/// so the result is always a valid definition. Apply emits applied() and keeps the dialog open;
/// OK accepts. GUI thread only.
class LayerStyleDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LayerStyleDialog(const models::LayerDefinition &layer, QWidget *parent = nullptr);

    /// The layer given to the constructor with the style the widgets show.
    models::LayerDefinition layer() const;

    /// Shows the dialog modally. When the operator presses OK (or Apply), layer receives the
    /// edited style and the result is true; on Cancel without Apply it is left alone.
    static bool edit(models::LayerDefinition &layer, QWidget *parent);

Q_SIGNALS:
    /// The operator pressed Apply: the style to show now, the dialog stays open.
    void applied(const infrasight::models::LayerDefinition &layer);

private:
    void addPointRows(QFormLayout *form);
    void addLineRows(QFormLayout *form, bool outline);
    void chooseColor(QPushButton *button, QColor *color, bool withAlpha);
    static void showColor(QPushButton *button, const QColor &color);
    void updateColorByState();

    models::LayerDefinition m_layer;
    QColor m_color;
    QColor m_fillColor;
    QComboBox *m_symbol = nullptr;
    QDoubleSpinBox *m_symbolSize = nullptr;
    QComboBox *m_colorBy = nullptr;
    QPushButton *m_colorButton = nullptr;
    QPushButton *m_fillColorButton = nullptr;
    QDoubleSpinBox *m_lineWidth = nullptr;
    QComboBox *m_lineStyle = nullptr;
    QSpinBox *m_minZoom = nullptr;
    QSpinBox *m_maxZoom = nullptr;
    QSpinBox *m_clusterBelowZoom = nullptr;
};

} // namespace infrasight::ui
