// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/lonlat.h"
#include "gis/core/result.h"
#include "gis/proj/crstransformer.h"

#include <QString>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;

namespace infrasight::ui {

/// Status-bar widget: the map position under the cursor in lon/lat and in a projected CRS the
/// operator chooses from a combo box (EPSG:3857, UTM 32N, Lambert-93, Finland's ETRS-TM35FIN,
/// or "Custom…", any CRS string PROJ understands). The transformation goes through PROJ
/// (gis/proj). A CRS PROJ does not understand gives a clear message and the previous CRS stays.
/// GUI thread only.
class CoordinateLabel : public QWidget
{
    Q_OBJECT

public:
    explicit CoordinateLabel(QWidget *parent = nullptr);
    ~CoordinateLabel() override;

    /// Shows position (from MapCanvas::cursorPositionChanged).
    void setPosition(const infrasight::gis::LonLat &position);
    /// Shows that the cursor is not over the map.
    void clearPosition();

    /// Uses the CRS definition ("EPSG:32632", a PROJ string, WKT). On failure the previous CRS
    /// stays and the error says why (also emitted as crsError()).
    [[nodiscard]] Result<void> setCrs(const QString &definition);
    /// The CRS definition in use.
    QString crs() const;

    /// The text shown (for tests and the accessibility name).
    QString text() const;

    QComboBox *crsCombo() const { return m_combo; }

Q_SIGNALS:
    /// A CRS could not be used; message is for the operator.
    void crsError(const QString &message);

private:
    void handleComboActivated(int index);
    void askForCustomCrs();
    void refresh();
    void selectCurrentInCombo();

    QLabel *m_label = nullptr;
    QComboBox *m_combo = nullptr;
    std::optional<gis::CrsTransformer> m_transformer;
    QString m_crs;
    std::optional<gis::LonLat> m_position;
};

} // namespace infrasight::ui
