// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/layerpanel.h"

#include "models/layermodel.h"
#include "ui/widgets/layerstyledialog.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

namespace infrasight::ui {

namespace {

QToolButton *actionButton(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return button;
}

} // namespace

LayerPanel::LayerPanel(models::LayerModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    Q_ASSERT(m_model);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("layerTree"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Map layers"));
    m_view->expandAll();

    m_upAction = new QAction(tr("Up"), this);
    m_upAction->setToolTip(tr("Draw the layer above the one before it in its group"));
    m_downAction = new QAction(tr("Down"), this);
    m_downAction->setToolTip(tr("Draw the layer below the one after it in its group"));
    m_styleAction = new QAction(tr("Style…"), this);
    m_styleAction->setToolTip(tr("Symbol, colours, widths and zoom range of the layer"));
    m_zoomAction = new QAction(tr("Zoom to layer"), this);
    m_zoomAction->setToolTip(tr("Show all of the layer's assets on the map"));
    m_resetAction = new QAction(tr("Reset"), this);
    m_resetAction->setToolTip(tr("Restore the default style, visibility and order of every layer"));

    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setObjectName(QStringLiteral("opacitySlider"));
    m_opacity->setRange(0, 100);
    m_opacity->setPageStep(10);
    m_opacity->setAccessibleName(tr("Layer opacity"));
    m_opacityValue = new QLabel(this);
    m_opacityValue->setObjectName(QStringLiteral("opacityValue"));
    // Room for "100 %" so that the slider does not jump while it moves.
    m_opacityValue->setMinimumWidth(
        m_opacityValue->fontMetrics().horizontalAdvance(tr("%1 %").arg(100)));
    m_opacityValue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *opacityLabel = new QLabel(tr("&Opacity:"), this);
    opacityLabel->setBuddy(m_opacity);

    auto *opacityRow = new QHBoxLayout;
    opacityRow->addWidget(opacityLabel);
    opacityRow->addWidget(m_opacity, 1);
    opacityRow->addWidget(m_opacityValue);

    auto *buttons = new QGridLayout;
    buttons->addWidget(actionButton(m_upAction, QStringLiteral("upButton"), this), 0, 0);
    buttons->addWidget(actionButton(m_downAction, QStringLiteral("downButton"), this), 0, 1);
    buttons->addWidget(actionButton(m_styleAction, QStringLiteral("styleButton"), this), 0, 2);
    buttons->addWidget(actionButton(m_zoomAction, QStringLiteral("zoomButton"), this), 1, 0, 1, 2);
    buttons->addWidget(actionButton(m_resetAction, QStringLiteral("resetButton"), this), 1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(opacityRow);
    layout->addLayout(buttons);

    connect(m_upAction, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_downAction, &QAction::triggered, this, [this] { moveCurrent(1); });
    connect(m_styleAction, &QAction::triggered, this, &LayerPanel::editCurrentStyle);
    connect(m_zoomAction, &QAction::triggered, this, [this] {
        if (const QString key = currentLayerKey(); !key.isEmpty()) {
            Q_EMIT zoomToLayerRequested(key);
        }
    });
    connect(m_resetAction, &QAction::triggered, this, &LayerPanel::confirmReset);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int percent) {
        m_opacityValue->setText(tr("%1 %").arg(percent));
        if (const QString key = currentLayerKey(); !key.isEmpty()) {
            m_model->setOpacity(key, percent / 100.0);
        }
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &LayerPanel::showContextMenu);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(models::LayerModel::IsGroupRole).toBool()) {
            editCurrentStyle();
        }
    });
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &LayerPanel::handleCurrentChanged);
    connect(m_model, &models::LayerModel::layerChanged, this, &LayerPanel::handleLayerChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LayerPanel::handleModelReset);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &LayerPanel::updateControls);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);

    updateControls();
}

QString LayerPanel::currentLayerKey() const
{
    return m_view->currentIndex().data(models::LayerModel::KeyRole).toString();
}

void LayerPanel::setCurrentLayerKey(const QString &key)
{
    const QModelIndex index = m_model->indexOfLayer(key);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

void LayerPanel::moveCurrent(int delta)
{
    if (const QString key = currentLayerKey(); !key.isEmpty()) {
        m_model->moveLayer(key, delta);
        m_view->scrollTo(m_view->currentIndex());
    }
}

void LayerPanel::editCurrentStyle()
{
    const QString key = currentLayerKey();
    if (key.isEmpty()) {
        return;
    }
    // Modeless (open(), not exec()): the map keeps updating, and Apply shows the style at once.
    auto *dialog = new LayerStyleDialog(m_model->layer(key), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog,
            &LayerStyleDialog::applied,
            m_model,
            [model = m_model](const models::LayerDefinition &layer) { model->setLayer(layer); });
    connect(dialog, &QDialog::accepted, m_model, [model = m_model, dialog] {
        model->setLayer(dialog->layer());
    });
    dialog->open();
}

void LayerPanel::confirmReset()
{
    auto *box = new QMessageBox(QMessageBox::Question,
                                tr("Reset layers"),
                                tr("Restore the default style, visibility and order of every "
                                   "layer? Your changes to the layers are lost."),
                                QMessageBox::Reset | QMessageBox::Cancel,
                                this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Reset) {
            m_model->resetToDefaults();
        }
    });
    box->open();
}

void LayerPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
    }
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_upAction);
    menu->addAction(m_downAction);
    menu->addSeparator();
    menu->addAction(m_styleAction);
    menu->addAction(m_zoomAction);
    menu->addSeparator();
    menu->addAction(m_resetAction);
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void LayerPanel::handleCurrentChanged()
{
    const QString key = currentLayerKey();
    updateControls();
    if (key != m_currentKey) {
        m_currentKey = key;
        Q_EMIT currentLayerChanged(key);
    }
}

void LayerPanel::handleLayerChanged(const QString &key)
{
    if (key == currentLayerKey()) {
        updateControls();
    }
}

void LayerPanel::handleModelReset()
{
    m_view->expandAll();
    // The selection went with the reset; the layer is usually still there.
    const QString previous = m_currentKey;
    setCurrentLayerKey(previous);
    if (currentLayerKey() != previous) {
        handleCurrentChanged();
    }
    updateControls();
}

void LayerPanel::updateControls()
{
    const QModelIndex index = m_view->currentIndex();
    const bool isLayer = index.isValid() && !index.data(models::LayerModel::IsGroupRole).toBool();
    m_upAction->setEnabled(isLayer && index.row() > 0);
    m_downAction->setEnabled(isLayer && index.row() < m_model->rowCount(index.parent()) - 1);
    m_styleAction->setEnabled(isLayer);
    m_zoomAction->setEnabled(isLayer);
    m_opacity->setEnabled(isLayer);

    const int percent
        = isLayer ? int(std::lround(index.data(models::LayerModel::OpacityRole).toDouble() * 100.0))
                  : 100;
    const QSignalBlocker blocker(m_opacity);
    m_opacity->setValue(percent);
    m_opacityValue->setText(isLayer ? tr("%1 %").arg(percent) : QString());
}

} // namespace infrasight::ui
