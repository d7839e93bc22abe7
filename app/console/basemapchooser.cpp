// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/basemapchooser.h"

#include "app/console/logging.h"
#include "app/console/settings.h"
#include "data/localcluster.h"
#include "gis/core/mercator.h"
#include "models/errormessage.h"
#include "ui/render/tilesourcefactory.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/mapcanvas.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QUrl>

namespace infrasight::app {

namespace {

QIcon problemIcon()
{
    return QIcon(QStringLiteral(":/icons/connection-offline.svg"));
}

/// The extract the demo city and its basemap come from (as Application::demoExtractPath()).
QString demoExtractName()
{
    const QString fromEnvironment = qEnvironmentVariable("INFRASIGHT_DEMO_OSM");
    const QString path
        = fromEnvironment.isEmpty() ? QStringLiteral("monaco.osm.pbf") : fromEnvironment;
    return QFileInfo(path).baseName().toLower();
}

} // namespace

BasemapChooser::BasemapChooser(ui::MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_probeTimeout.setSingleShot(true);
    m_probeTimeout.setInterval(ProbeTimeoutMs);
    connect(&m_probeTimeout, &QTimer::timeout, this, [this] {
        m_probe.abort();
        handleProbeResult(false, tr("no answer within %1 s").arg(ProbeTimeoutMs / 1000.0));
    });
    connect(&m_probe, &QTcpSocket::connected, this, [this] {
        m_probe.abort();
        handleProbeResult(true, {});
    });
    connect(&m_probe, &QTcpSocket::errorOccurred, this, [this] {
        handleProbeResult(false, m_probe.errorString());
    });
    connect(m_window->mapCanvas(),
            &ui::MapCanvas::sourceError,
            this,
            &BasemapChooser::handleSourceError);
    connect(m_window, &ui::MainWindow::mapSourceDialogRequested, this, &BasemapChooser::openDialog);
}

BasemapChooser::~BasemapChooser()
{
    m_probe.abort();
}

QString BasemapChooser::offlineBasemapPath()
{
    if (const QString path = qEnvironmentVariable("INFRASIGHT_BASEMAP"); !path.isEmpty()) {
        return path;
    }
    return QDir(data::LocalCluster::defaultBaseDirectory())
        .filePath(QStringLiteral("basemap/%1.mbtiles").arg(demoExtractName()));
}

void BasemapChooser::start()
{
    apply(Settings::mapSource());
}

void BasemapChooser::apply(const ui::MapSourceChoice &choice)
{
    m_choice = choice;
    m_probing = false;
    m_probeTimeout.stop();
    m_probe.abort();
    switch (choice.kind) {
    case ui::MapSourceChoice::Kind::Automatic: {
        // Something on the map at once: the offline basemap while the tile server is tested.
        if (QFileInfo(offlineBasemapPath()).isFile()) {
            showMbtiles(offlineBasemapPath(), tr("while testing whether the tile server answers"));
        }
        const QUrl url(QString::fromLatin1(render::TileSourceFactory::OpenStreetMapUrl));
        m_probing = true;
        m_probeTimeout.start();
        m_probe.connectToHost(url.host(), static_cast<quint16>(url.port(443)));
        break;
    }
    case ui::MapSourceChoice::Kind::OpenStreetMap:
        showOnline(tr("chosen in View > Map > Map Source"));
        break;
    case ui::MapSourceChoice::Kind::CustomUrl:
        showCustomUrl(choice);
        break;
    case ui::MapSourceChoice::Kind::MbTiles:
        showMbtiles(choice.mbtilesPath, tr("chosen in View > Map > Map Source"));
        break;
    }
}

void BasemapChooser::openDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ui::MapSourceDialog(m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setChoice(Settings::mapSource());
    m_dialog->setOfflineBasemapPath(offlineBasemapPath());
    connect(m_dialog,
            &ui::MapSourceDialog::choiceAccepted,
            this,
            [this](const ui::MapSourceChoice &choice) {
                Settings::saveMapSource(choice);
                apply(choice);
            });
    m_dialog->open();
}

void BasemapChooser::handleProbeResult(bool reachable, const QString &detail)
{
    if (!m_probing) {
        return;
    }
    m_probing = false;
    m_probeTimeout.stop();
    if (reachable) {
        showOnline(tr("the tile server is reachable"));
        return;
    }
    qCInfo(lcConsole).noquote() << "tile server not reachable:" << detail;
    if (m_shown == ui::MapCanvas::offlineSourceLabel()) {
        report(tr("Map: the OpenStreetMap tile server is not reachable (%1); staying with the "
                  "offline basemap.")
                   .arg(detail));
        return;
    }
    showOffline(tr("the OpenStreetMap tile server is not reachable (%1)").arg(detail));
}

void BasemapChooser::handleSourceError(const QString &message)
{
    // Automatic choice, online source, server gone: the offline basemap takes over.
    if (m_choice.kind == ui::MapSourceChoice::Kind::Automatic && m_online
        && QFileInfo(offlineBasemapPath()).isFile()) {
        showOffline(message);
    }
}

void BasemapChooser::showOnline(const QString &why)
{
    auto settings = render::TileSourceFactory::openStreetMap();
    settings.cacheMaximumBytes = Settings::tileCacheMaximumBytes();
    auto source = render::TileSourceFactory::create(settings);
    if (!source) {
        report(models::ErrorMessage::failed(tr("Map: OpenStreetMap tiles cannot be used"),
                                            source.error()),
               true);
        m_window->mapCanvas()->setSourceMessage(models::ErrorMessage::describe(source.error()));
        return;
    }
    m_online = true;
    m_shown = ui::MapCanvas::onlineSourceLabel();
    m_window->mapCanvas()->setSource(std::move(*source), m_shown);
    report(tr("Map: showing OpenStreetMap tiles (%1).").arg(why));
    Q_EMIT sourceShown(m_shown);
}

void BasemapChooser::showOffline(const QString &why)
{
    const QString path = offlineBasemapPath();
    if (!QFileInfo(path).isFile()) {
        // Nothing better to show: OpenStreetMap, which will say that it cannot load tiles.
        report(tr("Map: %1, and there is no offline basemap at %2. Build it with: "
                  "infrasightctl tiles build --osm CITY.osm.pbf --out %2 (scripts/demo does "
                  "this for Monaco), or set INFRASIGHT_BASEMAP.")
                   .arg(why, path),
               true);
        showOnline(tr("no offline basemap"));
        m_window->mapCanvas()->setSourceMessage(tr("Tile server not reachable; no offline "
                                                   "basemap at %1")
                                                    .arg(path));
        return;
    }
    showMbtiles(path, why);
}

void BasemapChooser::showCustomUrl(const ui::MapSourceChoice &choice)
{
    auto settings = render::TileSourceFactory::customUrl(choice.urlTemplate, choice.attribution);
    settings.cacheMaximumBytes = Settings::tileCacheMaximumBytes();
    auto source = render::TileSourceFactory::create(settings);
    if (!source) {
        report(models::ErrorMessage::failed(tr("Map: the tile URL template cannot be used"),
                                            source.error()),
               true);
        m_window->mapCanvas()->setSourceMessage(models::ErrorMessage::describe(source.error()));
        return;
    }
    m_online = false;
    m_shown = (*source)->info().name;
    m_window->mapCanvas()->setSource(std::move(*source), m_shown);
    report(tr("Map: showing tiles from %1.").arg(choice.urlTemplate));
    Q_EMIT sourceShown(m_shown);
}

void BasemapChooser::showMbtiles(const QString &path, const QString &why)
{
    auto source = render::TileSourceFactory::create(render::TileSourceFactory::mbTiles(path));
    if (!source) {
        report(models::ErrorMessage::failed(tr("Map: the MBTiles file cannot be used"),
                                            source.error()),
               true);
        m_window->mapCanvas()->setSourceMessage(models::ErrorMessage::describe(source.error()));
        return;
    }
    const render::TileSourceInfo info = (*source)->info();
    m_online = false;
    m_shown = ui::MapCanvas::offlineSourceLabel();
    ui::MapCanvas *canvas = m_window->mapCanvas();
    canvas->setSource(std::move(*source), m_shown);
    if (info.bounds && info.bounds->isValid() && !m_zoomedHome) {
        // Home stays on the city if the basemap covers it; else it is the basemap's extent.
        const gis::LonLat city = gis::mercatorMetersToLonLat(canvas->homeExtent().center());
        if (!info.bounds->contains(city)) {
            const QPointF southWest
                = gis::lonLatToMercatorMeters({info.bounds->westDeg(), info.bounds->southDeg()});
            const QPointF northEast
                = gis::lonLatToMercatorMeters({info.bounds->eastDeg(), info.bounds->northDeg()});
            canvas->setHomeExtent(QRectF(southWest, northEast).normalized());
        }
        if (!canvas->hasChosenView()) {
            canvas->zoomHome(); // the first start; later the saved view stays
        }
        m_zoomedHome = true;
    }
    report(
        tr("Map: showing the offline basemap %1 (%2).").arg(QDir::toNativeSeparators(path), why));
    Q_EMIT sourceShown(m_shown);
}

void BasemapChooser::report(const QString &line, bool problem)
{
    qCInfo(lcConsole).noquote() << line;
    m_window->logActivity(line, problem ? problemIcon() : QIcon());
}

} // namespace infrasight::app
