// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/coordinatelabel.h"

#include "gis/proj/crs.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>

namespace infrasight::ui {

namespace {

struct CrsPreset
{
    const char *definition;
    const char *label;
};

constexpr CrsPreset Presets[] = {
    {"EPSG:3857", "EPSG:3857 Web Mercator"},
    {"EPSG:32632", "EPSG:32632 UTM 32N (Monaco)"},
    {"EPSG:2154", "EPSG:2154 Lambert-93 (France)"},
    {"EPSG:3067", "EPSG:3067 ETRS-TM35FIN (Finland)"},
};

QString customEntry()
{
    return QStringLiteral("custom");
}

} // namespace

CoordinateLabel::CoordinateLabel(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("coordinateLabel"));
    m_label->setObjectName(QStringLiteral("coordinateText"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(
        QStringLiteral("00.000000° E, 00.000000° N   0 000 000.0 E  0 000 000.0 N")));
    m_combo->setObjectName(QStringLiteral("coordinateCrsCombo"));
    m_combo->setToolTip(tr("Coordinate system of the projected position"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const CrsPreset &preset : Presets) {
        m_combo->addItem(QString::fromUtf8(preset.label), QString::fromUtf8(preset.definition));
    }
    m_combo->addItem(tr("Custom…"), customEntry());
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    connect(m_combo, &QComboBox::activated, this, &CoordinateLabel::handleComboActivated);
    (void)setCrs(QString::fromUtf8(Presets[0].definition));
    refresh();
}

CoordinateLabel::~CoordinateLabel() = default;

void CoordinateLabel::setPosition(const gis::LonLat &position)
{
    m_position = position;
    refresh();
}

void CoordinateLabel::clearPosition()
{
    m_position.reset();
    refresh();
}

Result<void> CoordinateLabel::setCrs(const QString &definition)
{
    const QString trimmed = definition.trimmed();
    auto crs = gis::Crs::fromString(trimmed);
    if (!crs) {
        const QString message = tr("“%1” is not a coordinate system PROJ knows: %2. The "
                                   "coordinates stay in %3.")
                                    .arg(trimmed, crs.error().message, m_crs);
        Q_EMIT crsError(message);
        selectCurrentInCombo();
        return fail(ErrorCode::InvalidArgument, message, crs.error().detail);
    }
    auto transformer = gis::CrsTransformer::create(gis::Crs::wgs84(), *crs);
    if (!transformer) {
        const QString message = tr("No transformation from longitude/latitude to “%1”: %2. The "
                                   "coordinates stay in %3.")
                                    .arg(trimmed, transformer.error().message, m_crs);
        Q_EMIT crsError(message);
        selectCurrentInCombo();
        return fail(ErrorCode::InvalidArgument, message, transformer.error().detail);
    }
    m_transformer.emplace(std::move(*transformer));
    m_crs = trimmed;
    selectCurrentInCombo();
    refresh();
    return {};
}

QString CoordinateLabel::crs() const
{
    return m_crs;
}

QString CoordinateLabel::text() const
{
    return m_label->text();
}

void CoordinateLabel::handleComboActivated(int index)
{
    const QString definition = m_combo->itemData(index).toString();
    if (definition == customEntry()) {
        askForCustomCrs();
        return;
    }
    (void)setCrs(definition);
}

void CoordinateLabel::askForCustomCrs()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Coordinate System"));
    dialog->setLabelText(tr("Any coordinate system PROJ understands, e.g. EPSG:25832, "
                            "“+proj=utm +zone=33 +datum=WGS84” or WKT:"));
    dialog->setTextValue(m_crs);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        auto set = setCrs(text);
        if (!set) {
            auto *box = new QMessageBox(QMessageBox::Warning,
                                        tr("Coordinate System"),
                                        set.error().message,
                                        QMessageBox::Ok,
                                        this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    connect(dialog, &QInputDialog::rejected, this, &CoordinateLabel::selectCurrentInCombo);
    dialog->open();
}

void CoordinateLabel::selectCurrentInCombo()
{
    int index = m_combo->findData(m_crs);
    if (index < 0 && !m_crs.isEmpty()) {
        // A custom CRS gets its own entry above "Custom…".
        const int customIndex = m_combo->findData(customEntry());
        m_combo->insertItem(customIndex, m_crs, m_crs);
        index = customIndex;
    }
    m_combo->setCurrentIndex(index);
}

void CoordinateLabel::refresh()
{
    if (!m_position) {
        m_label->setText(tr("Move the cursor over the map"));
        return;
    }
    const QLocale locale;
    const gis::LonLat position = *m_position;
    const QString lonLat = tr("%1° %2, %3° %4")
                               .arg(locale.toString(std::abs(position.lonDeg), 'f', 6),
                                    position.lonDeg < 0 ? tr("W") : tr("E"),
                                    locale.toString(std::abs(position.latDeg), 'f', 6),
                                    position.latDeg < 0 ? tr("S") : tr("N"));
    QString projected;
    if (m_transformer) {
        auto point = m_transformer->transform(QPointF(position.lonDeg, position.latDeg));
        projected = point ? tr("%1 E  %2 N")
                                .arg(locale.toString(point->x(), 'f', 1),
                                     locale.toString(point->y(), 'f', 1))
                          : tr("outside %1").arg(m_crs);
    }
    m_label->setText(projected.isEmpty() ? lonLat : lonLat + QStringLiteral("   ") + projected);
}

} // namespace infrasight::ui
