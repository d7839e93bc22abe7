// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/geofencecoordinatesdialog.h"

#include "gis/core/coordinatetext.h"
#include "gis/proj/fenceshapes.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace infrasight::ui {

namespace {

QString reasonText(const gis::coordinatetext::ParseError &error)
{
    using Reason = gis::coordinatetext::ParseError::Reason;
    const QString typed = error.text.trimmed();
    QString reason;
    switch (error.reason) {
    case Reason::NotANumber:
        reason = GeofenceCoordinatesDialog::tr("“%1” is not a pair of decimal numbers").arg(typed);
        break;
    case Reason::WrongCount:
        reason = GeofenceCoordinatesDialog::tr("“%1” is not one longitude and one latitude")
                     .arg(typed);
        break;
    case Reason::OutOfRange:
        reason = GeofenceCoordinatesDialog::tr(
                     "“%1” is outside the world (longitude ±180, latitude ±90)")
                     .arg(typed);
        break;
    case Reason::TooFewVertices:
        reason = GeofenceCoordinatesDialog::tr("a ring ending here has fewer than 3 vertices");
        break;
    case Reason::Empty:
        return GeofenceCoordinatesDialog::tr("Enter at least three vertices.");
    }
    return GeofenceCoordinatesDialog::tr("Line %1: %2.").arg(error.line).arg(reason);
}

QDoubleSpinBox *degreeBox(double limit, double value, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(-limit, limit);
    box->setDecimals(7);
    box->setSuffix(QStringLiteral(" °"));
    box->setValue(value);
    return box;
}

} // namespace

GeofenceCoordinatesDialog::GeofenceCoordinatesDialog(const gis::MultiPolygon &current,
                                                     QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("geofenceCoordinatesDialog"));
    setWindowTitle(tr("Geofence Coordinates"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);

    auto *vertices = new QWidget(m_tabs);
    auto *verticesLayout = new QVBoxLayout(vertices);
    auto *help = new QLabel(tr("One vertex per line as “longitude latitude” in degrees (WGS 84). "
                               "An empty line starts a hole; a line “part” starts another "
                               "polygon."),
                            vertices);
    help->setWordWrap(true);
    verticesLayout->addWidget(help);
    m_text = new QPlainTextEdit(vertices);
    m_text->setObjectName(QStringLiteral("coordinatesText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(gis::coordinatetext::format(current));
    verticesLayout->addWidget(m_text);
    m_tabs->addTab(vertices, tr("&Vertices"));

    // The circle starts at the middle of the current shape, or of nothing in particular.
    QPointF centre(7.4206, 43.7384);
    if (!current.polygons.empty() && !current.polygons.front().rings.empty()) {
        const auto &shell = current.polygons.front().rings.front();
        QPointF sum;
        for (const QPointF &p : shell) {
            sum += p;
        }
        centre = sum / double(shell.size());
    }
    auto *circle = new QWidget(m_tabs);
    auto *circleLayout = new QFormLayout(circle);
    m_lon = degreeBox(180.0, centre.x(), circle);
    m_lon->setObjectName(QStringLiteral("centreLon"));
    m_lat = degreeBox(90.0, centre.y(), circle);
    m_lat->setObjectName(QStringLiteral("centreLat"));
    m_radius = new QDoubleSpinBox(circle);
    m_radius->setObjectName(QStringLiteral("radiusMetres"));
    m_radius->setRange(1.0, 50000.0);
    m_radius->setDecimals(1);
    m_radius->setSuffix(tr(" m"));
    m_radius->setValue(100.0);
    circleLayout->addRow(tr("Centre &longitude:"), m_lon);
    circleLayout->addRow(tr("Centre l&atitude:"), m_lat);
    circleLayout->addRow(tr("&Radius:"), m_radius);
    m_tabs->addTab(circle, tr("&Circle"));
    layout->addWidget(m_tabs);

    m_addPart = new QCheckBox(tr("Add as another &part (keep the current shape)"), this);
    m_addPart->setObjectName(QStringLiteral("addPartCheck"));
    m_addPart->setEnabled(!current.polygons.empty());
    layout->addWidget(m_addPart);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("coordinatesError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &GeofenceCoordinatesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(460, 420);
}

bool GeofenceCoordinatesDialog::addsPart() const
{
    return m_addPart->isChecked();
}

QString GeofenceCoordinatesDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void GeofenceCoordinatesDialog::accept()
{
    if (m_tabs->currentIndex() == 1) {
        m_shape = {};
        m_shape.polygons.push_back(
            gis::fenceshapes::circle({m_lon->value(), m_lat->value()}, m_radius->value()));
        QDialog::accept();
        return;
    }
    const auto parsed = gis::coordinatetext::parse(m_text->toPlainText());
    if (!parsed) {
        m_error->setText(reasonText(parsed.error()));
        m_error->show();
        return;
    }
    m_error->hide();
    m_error->clear();
    m_shape = *parsed;
    QDialog::accept();
}

} // namespace infrasight::ui
