// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/layerstyledialog.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace infrasight::ui {

namespace {

// The map's zoom levels (MapViewport::MinZoom..MaxZoom).
constexpr int LowestZoom = 0;
constexpr int HighestZoom = 20;
constexpr int SwatchSize = 16;

struct SymbolChoice
{
    const char *name;  ///< resources/symbols/<name>.svg; "none" draws a plain dot
    const char *label; ///< translated through QT_TRANSLATE_NOOP
};

constexpr SymbolChoice SymbolChoices[] = {
    {"lighting", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Street light")},
    {"signal", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Traffic signal")},
    {"hydrant", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Hydrant")},
    {"manhole", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Manhole")},
    {"bus_stop", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Bus stop")},
    {"tree", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Tree")},
    {"bin", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Waste bin")},
    {"sensor", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Sensor")},
    {"main", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Water main")},
    {"sewer", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "Sewer")},
    {"none", QT_TRANSLATE_NOOP("infrasight::ui::LayerStyleDialog", "None (plain dot)")},
};

/// The pictogram as the map shows it: white on a dark badge (the SVGs are white on transparent).
QIcon symbolIcon(const QString &name)
{
    QPixmap pixmap(SwatchSize, SwatchSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x3c, 0x44, 0x4f));
    painter.drawEllipse(QRectF(0.5, 0.5, SwatchSize - 1.0, SwatchSize - 1.0));
    const QString path = QStringLiteral(":/symbols/%1.svg").arg(name);
    if (QFile::exists(path)) {
        const QPixmap symbol = QIcon(path).pixmap(SwatchSize - 4, SwatchSize - 4);
        painter.drawPixmap(2, 2, symbol);
    } else {
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPointF(SwatchSize / 2.0, SwatchSize / 2.0), 3.0, 3.0);
    }
    painter.end();
    return QIcon(pixmap);
}

QSpinBox *zoomSpinBox(QWidget *parent, const QString &objectName)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(LowestZoom, HighestZoom);
    return spin;
}

} // namespace

LayerStyleDialog::LayerStyleDialog(const models::LayerDefinition &layer, QWidget *parent)
    : QDialog(parent)
    , m_layer(layer)
    , m_color(layer.color)
    , m_fillColor(layer.fillColor)
{
    setWindowTitle(tr("Style of %1").arg(layer.title));
    auto *form = new QFormLayout;

    switch (layer.kind) {
    case gis::FeatureKind::Point:
    case gis::FeatureKind::Cluster:
        addPointRows(form);
        break;
    case gis::FeatureKind::Line:
        addLineRows(form, false);
        break;
    case gis::FeatureKind::Polygon:
        addLineRows(form, true);
        m_fillColorButton = new QPushButton(this);
        m_fillColorButton->setObjectName(QStringLiteral("fillColorButton"));
        showColor(m_fillColorButton, m_fillColor);
        connect(m_fillColorButton, &QPushButton::clicked, this, [this] {
            chooseColor(m_fillColorButton, &m_fillColor, true);
        });
        form->addRow(tr("&Fill colour:"), m_fillColorButton);
        break;
    }

    m_minZoom = zoomSpinBox(this, QStringLiteral("minZoomSpin"));
    m_maxZoom = zoomSpinBox(this, QStringLiteral("maxZoomSpin"));
    m_minZoom->setToolTip(tr("The layer is hidden when the map is zoomed out further"));
    m_maxZoom->setToolTip(tr("The layer is hidden when the map is zoomed in further"));
    // A minimum above the maximum cannot be entered: each bounds the other.
    connect(m_minZoom, &QSpinBox::valueChanged, m_maxZoom, &QSpinBox::setMinimum);
    connect(m_maxZoom, &QSpinBox::valueChanged, m_minZoom, &QSpinBox::setMaximum);
    const int minZoom = std::clamp(layer.minZoom, LowestZoom, HighestZoom);
    m_minZoom->setValue(minZoom);
    m_maxZoom->setValue(std::clamp(layer.maxZoom, minZoom, HighestZoom));
    form->addRow(tr("Shown from &zoom:"), m_minZoom);
    form->addRow(tr("Shown up to z&oom:"), m_maxZoom);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] {
        Q_EMIT applied(this->layer());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
}

void LayerStyleDialog::addPointRows(QFormLayout *form)
{
    m_symbol = new QComboBox(this);
    m_symbol->setObjectName(QStringLiteral("symbolCombo"));
    for (const SymbolChoice &choice : SymbolChoices) {
        const QString name = QString::fromLatin1(choice.name);
        m_symbol->addItem(symbolIcon(name), tr(choice.label), name);
    }
    // A symbol the list does not know (from the database's catalogue) stays selectable.
    const bool none = m_layer.symbol.isEmpty() || m_layer.symbol == u"none";
    int current = m_symbol->findData(none ? QStringLiteral("none") : m_layer.symbol);
    if (current < 0) {
        m_symbol->addItem(symbolIcon(m_layer.symbol), m_layer.symbol, m_layer.symbol);
        current = m_symbol->count() - 1;
    }
    m_symbol->setCurrentIndex(current);
    form->addRow(tr("&Symbol:"), m_symbol);

    m_symbolSize = new QDoubleSpinBox(this);
    m_symbolSize->setObjectName(QStringLiteral("symbolSizeSpin"));
    m_symbolSize->setRange(6.0, 64.0);
    m_symbolSize->setDecimals(0);
    m_symbolSize->setSuffix(tr(" px"));
    m_symbolSize->setValue(m_layer.symbolSize);
    form->addRow(tr("Symbol si&ze:"), m_symbolSize);

    m_colorBy = new QComboBox(this);
    m_colorBy->setObjectName(QStringLiteral("colorByCombo"));
    m_colorBy->addItem(tr("Fixed colour"), int(models::LayerDefinition::ColorBy::Fixed));
    m_colorBy->addItem(tr("Status"), int(models::LayerDefinition::ColorBy::Status));
    m_colorBy->addItem(tr("Condition"), int(models::LayerDefinition::ColorBy::Condition));
    m_colorBy->setCurrentIndex(std::max(0, m_colorBy->findData(int(m_layer.colorBy))));
    form->addRow(tr("Colour &by:"), m_colorBy);

    m_colorButton = new QPushButton(this);
    m_colorButton->setObjectName(QStringLiteral("colorButton"));
    showColor(m_colorButton, m_color);
    connect(m_colorButton, &QPushButton::clicked, this, [this] {
        chooseColor(m_colorButton, &m_color, false);
    });
    form->addRow(tr("&Colour:"), m_colorButton);
    connect(m_colorBy, &QComboBox::currentIndexChanged, this, [this] { updateColorByState(); });
    updateColorByState();

    m_clusterBelowZoom = zoomSpinBox(this, QStringLiteral("clusterBelowZoomSpin"));
    m_clusterBelowZoom->setSpecialValueText(tr("Never"));
    m_clusterBelowZoom->setToolTip(
        tr("Below this zoom the layer shows clusters with counts instead of every asset"));
    m_clusterBelowZoom->setValue(m_layer.clusterBelowZoom);
    form->addRow(tr("Cl&uster below zoom:"), m_clusterBelowZoom);
}

void LayerStyleDialog::addLineRows(QFormLayout *form, bool outline)
{
    m_colorButton = new QPushButton(this);
    m_colorButton->setObjectName(QStringLiteral("colorButton"));
    showColor(m_colorButton, m_color);
    connect(m_colorButton, &QPushButton::clicked, this, [this, outline] {
        chooseColor(m_colorButton, &m_color, outline);
    });
    form->addRow(outline ? tr("&Outline colour:") : tr("&Colour:"), m_colorButton);

    m_lineWidth = new QDoubleSpinBox(this);
    m_lineWidth->setObjectName(QStringLiteral("lineWidthSpin"));
    m_lineWidth->setRange(0.5, 12.0);
    m_lineWidth->setSingleStep(0.5);
    m_lineWidth->setDecimals(1);
    m_lineWidth->setSuffix(tr(" px"));
    m_lineWidth->setValue(m_layer.lineWidth);
    form->addRow(outline ? tr("Outline &width:") : tr("&Width:"), m_lineWidth);

    m_lineStyle = new QComboBox(this);
    m_lineStyle->setObjectName(QStringLiteral("lineStyleCombo"));
    m_lineStyle->addItem(tr("Solid"), int(Qt::SolidLine));
    m_lineStyle->addItem(tr("Dashed"), int(Qt::DashLine));
    m_lineStyle->addItem(tr("Dotted"), int(Qt::DotLine));
    m_lineStyle->addItem(tr("Dash-dot"), int(Qt::DashDotLine));
    m_lineStyle->addItem(tr("Dash-dot-dot"), int(Qt::DashDotDotLine));
    if (outline) {
        m_lineStyle->addItem(tr("No outline"), int(Qt::NoPen));
    }
    m_lineStyle->setCurrentIndex(std::max(0, m_lineStyle->findData(int(m_layer.lineStyle))));
    form->addRow(outline ? tr("Outline st&yle:") : tr("St&yle:"), m_lineStyle);
}

void LayerStyleDialog::chooseColor(QPushButton *button, QColor *color, bool withAlpha)
{
    // Not QColorDialog::getColor(): no nested event loop, and the dialog stays a child of ours.
    auto *dialog = new QColorDialog(color->isValid() ? *color : QColor(Qt::black), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QColorDialog::DontUseNativeDialog);
    dialog->setOption(QColorDialog::ShowAlphaChannel, withAlpha);
    dialog->setWindowTitle(tr("Layer colour"));
    connect(dialog, &QColorDialog::colorSelected, this, [button, color](const QColor &chosen) {
        if (chosen.isValid()) {
            *color = chosen;
            showColor(button, chosen);
        }
    });
    dialog->open();
}

void LayerStyleDialog::showColor(QPushButton *button, const QColor &color)
{
    QPixmap swatch(SwatchSize, SwatchSize);
    swatch.fill(Qt::white);
    QPainter painter(&swatch);
    // A checker shows through a transparent colour.
    painter.fillRect(0, 0, SwatchSize / 2, SwatchSize / 2, Qt::lightGray);
    painter.fillRect(SwatchSize / 2, SwatchSize / 2, SwatchSize / 2, SwatchSize / 2, Qt::lightGray);
    if (color.isValid()) {
        painter.fillRect(swatch.rect(), color);
    }
    painter.setPen(Qt::darkGray);
    painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    painter.end();
    button->setIcon(QIcon(swatch));
    button->setText(color.isValid()
                        ? color.name(color.alpha() < 255 ? QColor::HexArgb : QColor::HexRgb)
                        : tr("None"));
}

void LayerStyleDialog::updateColorByState()
{
    // The fixed colour only matters when features are not coloured by status or condition.
    m_colorButton->setEnabled(m_colorBy->currentData().toInt()
                              == int(models::LayerDefinition::ColorBy::Fixed));
}

models::LayerDefinition LayerStyleDialog::layer() const
{
    models::LayerDefinition result = m_layer;
    result.color = m_color;
    result.minZoom = m_minZoom->value();
    result.maxZoom = m_maxZoom->value();
    if (m_symbol) {
        const QString symbol = m_symbol->currentData().toString();
        result.symbol = symbol == u"none" ? QString() : symbol;
        result.symbolSize = m_symbolSize->value();
        result.colorBy = models::LayerDefinition::ColorBy(m_colorBy->currentData().toInt());
        result.clusterBelowZoom = m_clusterBelowZoom->value();
    }
    if (m_lineWidth) {
        result.lineWidth = m_lineWidth->value();
        result.lineStyle = Qt::PenStyle(m_lineStyle->currentData().toInt());
    }
    if (m_fillColorButton) {
        result.fillColor = m_fillColor;
    }
    return result;
}

bool LayerStyleDialog::edit(models::LayerDefinition &layer, QWidget *parent)
{
    LayerStyleDialog dialog(layer, parent);
    bool changed = false;
    connect(&dialog,
            &LayerStyleDialog::applied,
            &dialog,
            [&layer, &changed](const models::LayerDefinition &applied) {
                layer = applied;
                changed = true;
            });
    if (dialog.exec() == QDialog::Accepted) {
        layer = dialog.layer();
        changed = true;
    }
    return changed;
}

} // namespace infrasight::ui
