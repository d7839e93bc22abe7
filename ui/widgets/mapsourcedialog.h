// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace infrasight::ui {

/// The basemap the operator chose: automatic (OpenStreetMap when reachable, else the offline
/// basemap), one of the tile source presets, a URL template or an MBTiles file.
struct MapSourceChoice
{
    enum class Kind { Automatic, OpenStreetMap, CustomUrl, MbTiles };

    Kind kind = Kind::Automatic;
    QString urlTemplate; ///< CustomUrl
    QString attribution; ///< CustomUrl; empty means "© OpenStreetMap contributors"
    QString mbtilesPath; ///< MbTiles

    friend bool operator==(const MapSourceChoice &, const MapSourceChoice &) = default;
};

/// View > Map Source…: a small dialog to pick the basemap. Opened with open() (never a nested
/// event loop); choiceAccepted() carries the answer. GUI thread only.
class MapSourceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MapSourceDialog(QWidget *parent = nullptr);

    void setChoice(const MapSourceChoice &choice);
    MapSourceChoice choice() const;

    /// Where the automatic choice's offline basemap is, shown as a hint.
    void setOfflineBasemapPath(const QString &path);

    void accept() override;

Q_SIGNALS:
    void choiceAccepted(const infrasight::ui::MapSourceChoice &choice);

private:
    void updateEnabled();
    void browseMbtiles();

    QButtonGroup *m_group = nullptr;
    QRadioButton *m_automatic = nullptr;
    QRadioButton *m_osm = nullptr;
    QRadioButton *m_url = nullptr;
    QRadioButton *m_mbtiles = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_attributionEdit = nullptr;
    QLineEdit *m_mbtilesEdit = nullptr;
    QLabel *m_automaticHint = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace infrasight::ui
