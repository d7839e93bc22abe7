// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/mapsourcedialog.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

namespace infrasight::ui {
class MainWindow;
}

namespace infrasight::app {

/// Puts the basemap the settings name on the window's map canvas and says which one it shows
/// (on the map and in the Activity dock). The automatic choice uses OpenStreetMap's tile server
/// when it is reachable and the offline basemap (MBTiles) otherwise: while a short connection
/// test to the tile server runs, the offline basemap is shown if it exists, and if the online
/// source later reports the server unreachable, the canvas falls back to it. Also runs the
/// View > Map > Map Source dialog. Never blocks. GUI thread only.
class BasemapChooser : public QObject
{
    Q_OBJECT

public:
    /// The host and port the automatic choice tests (tile.openstreetmap.org:443).
    static constexpr int ProbeTimeoutMs = 2500;

    explicit BasemapChooser(ui::MainWindow *window, QObject *parent = nullptr);
    ~BasemapChooser() override;

    /// The offline basemap: INFRASIGHT_BASEMAP, else <data directory>/basemap/<demo extract's
    /// name>.mbtiles (where scripts/demo builds it;
    /// ~/.local/share/infrasight/basemap/monaco.mbtiles).
    static QString offlineBasemapPath();

    /// Applies the saved choice (Settings::mapSource()).
    void start();
    /// Applies choice now (does not save it).
    void apply(const ui::MapSourceChoice &choice);
    /// Opens the Map Source dialog (non-modal); an accepted choice is saved and applied.
    void openDialog();

    /// What the canvas shows: "OpenStreetMap", "Offline basemap (MBTiles)", a template's name;
    /// empty while nothing is shown.
    QString shown() const { return m_shown; }

Q_SIGNALS:
    /// The canvas shows another source now.
    void sourceShown(const QString &label);

private:
    void showOnline(const QString &why);
    void showOffline(const QString &why);
    void showCustomUrl(const ui::MapSourceChoice &choice);
    void showMbtiles(const QString &path, const QString &why);
    void handleProbeResult(bool reachable, const QString &detail);
    void handleSourceError(const QString &message);
    void report(const QString &line, bool problem = false);

    ui::MainWindow *m_window;
    ui::MapSourceChoice m_choice;
    QString m_shown;
    QTcpSocket m_probe;
    QTimer m_probeTimeout;
    bool m_probing = false;
    bool m_online = false; ///< the automatic choice shows the online source
    bool m_zoomedHome = false;
    QPointer<ui::MapSourceDialog> m_dialog;
};

} // namespace infrasight::app
