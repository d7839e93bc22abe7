// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace infrasight::ui {

/// Numeric entry of a geofence's shape: the vertices as text (gis::coordinatetext: one
/// "lon lat" per line, an empty line before each hole, "part" before each further polygon),
/// or a circle by its centre and its radius in metres (geodesic). OK is refused, with the line
/// and the reason, while the text does not parse; nothing changes until it does. shape() is the
/// result; addsPart() says whether it joins the current shape instead of replacing it.
class GeofenceCoordinatesDialog : public QDialog
{
    Q_OBJECT

public:
    /// current: the shape being edited, shown as text to start from.
    explicit GeofenceCoordinatesDialog(const gis::MultiPolygon &current, QWidget *parent = nullptr);

    gis::MultiPolygon shape() const { return m_shape; }

    bool addsPart() const;

    /// The text of the Vertices page (for tests and the caller).
    QPlainTextEdit *textEdit() const { return m_text; }

    /// Why OK was refused, empty while nothing is wrong.
    QString errorText() const;

    void accept() override;

private:
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QDoubleSpinBox *m_lon = nullptr;
    QDoubleSpinBox *m_lat = nullptr;
    QDoubleSpinBox *m_radius = nullptr;
    QCheckBox *m_addPart = nullptr;
    QLabel *m_error = nullptr;
    gis::MultiPolygon m_shape;
};

} // namespace infrasight::ui
