// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/lonlat.h"
#include "gis/core/result.h"
#include "ui/render/mapsettings.h"
#include "ui/render/mapviewport.h"
#include "ui/render/tilesource.h"

#include <QCursor>
#include <QFuture>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QPointer>
#include <QRect>
#include <QRectF>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QLabel;

namespace infrasight::render {
class LayerRenderScheduler;
class TileLayer;
} // namespace infrasight::render

namespace infrasight::ui {

class MapTool;

/// The map: a Web Mercator view (zoom 0-20) of a tile source, with wheel zoom anchored under the
/// cursor (mouse wheel and trackpad), drag pan, keyboard pan and zoom (arrows, +/-, Home for the
/// city extent), double-click zoom and zoom to a rectangle (Shift+drag, or plain drag while the
/// zoom-rectangle mode is on). A scale bar, the source's attribution (always visible,
/// bottom-right, a link to the OpenStreetMap copyright page) and a label naming the source sit
/// on top of the map.
///
/// Painting never waits for a tile: the tile layer is composed into a cached image at the last
/// settled view; while the view moves that image is drawn moved (and scaled while zooming),
/// and at a whole zoom level the strips it does not cover are painted straight from the tiles
/// at hand (a plain copy, cheap). Tile requests and the recomposition are coalesced by a
/// zero-timeout timer. The recomposition runs off the GUI thread: the timer slot takes a
/// TileLayer::Snapshot, bumps a generation number, cancels the running job and starts a
/// TileCompositor job with QtConcurrent; its image is taken on the GUI thread only if no newer
/// job started meanwhile (a composition for an older view is never shown). Until it arrives
/// the previous image stays, moved and scaled to the view. HiDPI: the cache has the device
/// pixel ratio, tiles are drawn pixel for pixel at integral zooms.
///
/// On top of the basemap the canvas draws, in this order: the vector layers (the
/// LayerRenderScheduler's finished images, rendered off the GUI thread for the canvas's view and
/// moved and scaled while the view changes), the geofences and alarm markers given to it, the
/// overlay painters (the selection), the active tool's feedback, then the scale bar, the
/// attribution and the labels. Mouse and key events go to the active MapTool first; what it
/// leaves is handled as above (pan, zoom, Escape).
///
/// A settled view (the composed basemap and every layer image made for the view on screen) is
/// drawn by render::MapRenderer's stages from mapSettings(), the code path of a headless render
/// or a PDF export, so the screen and an export of the same view match pixel for pixel; only
/// the frames of a moving view take the shortcuts above. The attribution is drawn by the
/// renderer too; the attribution label over it only carries the link, tooltip and cursor.
/// GUI thread only.
class MapCanvas : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapCanvas)

public:
    /// The source label for an MBTiles basemap and for the online OpenStreetMap tiles.
    static QString offlineSourceLabel();
    static QString onlineSourceLabel();
    /// "© OpenStreetMap contributors": the attribution shown when the source names none.
    static QString defaultAttribution();
    /// Where the attribution links to.
    static QString copyrightUrl();

    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// Replaces the tile source (the canvas takes ownership; nullptr shows no tiles). label
    /// says which source this is ("Offline basemap (MBTiles)"); empty uses the source's name.
    void setSource(std::unique_ptr<render::TileSource> source, const QString &label = {});
    render::TileSource *source() const;

    render::TileLayer *tileLayer() const { return m_tiles.get(); }

    /// The vector layers drawn over the basemap (owned by the canvas; its viewport follows the
    /// canvas's). Give it the layers with setLayers().
    render::LayerRenderScheduler *layerScheduler() const { return m_layerScheduler.get(); }

    /// Called at every paint after the vector layers, in logical pixels of the view; keep it
    /// cheap. Overlays are drawn in the order of their Overlay value; an empty function
    /// removes one.
    using OverlayPainter = std::function<void(QPainter &, const render::MapViewport &)>;
    enum class Overlay { Geofences = 10, Selection = 20 };
    void setOverlayPainter(Overlay overlay, OverlayPainter painter);

    /// The geofences and the alarm markers drawn over the layers (under the overlay painters),
    /// as values, so that mapSettings() carries them into an export.
    void setGeofences(const QList<render::GeofenceShape> &fences);
    void setAlarmMarkers(const QList<render::AlarmMarker> &markers);

    /// What the canvas shows now, as one value for render::MapRenderer: the view, the tiles at
    /// hand (render::TileLayer::snapshot()), the layers, geofences, alarm markers, scale bar,
    /// attribution, background and font. The overlay painters and the tool are not in it.
    render::MapSettings mapSettings() const;

    /// The tool that gets the mouse and key events first (not owned; nullptr: plain pan and
    /// zoom). The previous tool is deactivated, the new one activated; its cursor is shown.
    void setTool(MapTool *tool);
    MapTool *tool() const;
    /// Shows the active tool's cursor again (a tool whose cursor() changed calls this).
    void updateToolCursor();

    /// The label naming the source shown on the map.
    QString sourceLabel() const;
    /// The attribution shown on the map (plain text).
    QString attribution() const;

    /// The last problem the source reported (empty when none), also shown on the map.
    QString sourceMessage() const { return m_sourceMessage; }

    /// Shows a problem with the map source on the map (empty hides it).
    void setSourceMessage(const QString &message);

    /// The city or area the console is set up for (shown top-left on the map).
    void setCityName(const QString &name);

    QString cityName() const { return m_cityName; }

    /// One line under the city name, e.g. "Connecting to the database…" (empty hides it).
    void setMessage(const QString &message);

    QString message() const { return m_message; }

    render::MapViewport viewport() const { return m_viewport; }

    /// Shows the view (its size is replaced by the widget's).
    void setViewport(const render::MapViewport &viewport);

    /// Shows the view saved at the last session (centre in EPSG:3857 metres, zoom), also before
    /// the widget is shown; Home no longer replaces it at the first real size.
    void restoreView(QPointF centerMeters, double zoom);

    /// True once a view was restored, set or changed by the operator.
    bool hasChosenView() const { return m_viewChosen; }

    /// The extent Home returns to, in EPSG:3857 metres.
    void setHomeExtent(const QRectF &extentMeters);

    QRectF homeExtent() const { return m_homeExtent; }

    /// While on, a plain left drag draws a zoom rectangle instead of panning.
    void setZoomRectangleMode(bool on);

    bool zoomRectangleMode() const { return m_zoomRectangleMode; }

    /// Increases every time a recomposition of the tiles starts (a new view or new tiles).
    quint64 generation() const { return m_generation; }

    /// The generation of the composed image on screen; equals generation() once the newest
    /// recomposition arrived (0: none yet).
    quint64 composedGeneration() const { return m_composedGeneration; }

    /// True while a recomposition is asked for or runs, until its image is taken.
    bool isRendering() const { return m_rendering || m_renderTimer.isActive(); }

    /// The scale bar's length in logical pixels and its label ("500 m", "2 km") for the view.
    using ScaleBar = render::ScaleBar;

    ScaleBar scaleBar() const;
    /// The scale bar for a ground resolution: the longest nice round distance (1, 2, 5 x 10^n
    /// metres) not longer than maxLengthPx.
    static ScaleBar scaleBarFor(double groundMetersPerPixel, double maxLengthPx);

    QSize sizeHint() const override;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    /// Shows the home extent whole, at the largest whole zoom level that fits it.
    void zoomHome();
    /// Shows extentMeters whole.
    void zoomToExtent(const QRectF &extentMeters);
    /// Recomposes the tiles at the next turn of the event loop (coalesced).
    void requestRender();

Q_SIGNALS:
    void viewportChanged(const infrasight::render::MapViewport &viewport);
    /// The position under the mouse cursor.
    void cursorPositionChanged(const infrasight::gis::LonLat &position);
    /// The mouse cursor left the map.
    void cursorLeft();
    /// The tile source reported a problem; the map keeps working with what it has.
    void sourceError(const QString &message);
    /// The zoom-rectangle mode ended (a rectangle was drawn, or Escape).
    void zoomRectangleModeChanged(bool on);
    /// A recomposition's image was taken and is shown (never for a stale generation).
    void rendered(quint64 generation);
    /// setTool() changed the active tool (nullptr: plain pan and zoom).
    void toolChanged(infrasight::ui::MapTool *tool);
    /// The basemap could not be composed or a vector layer not rendered (out of memory, the
    /// drawing threw); the map shows what it has. Never emitted for a cancelled render.
    void renderFailed(const infrasight::Error &error);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// What a recomposition job hands back to the GUI thread.
    struct Composed
    {
        QImage image; ///< null when cancelled or failed
        render::MapViewport viewport;
        quint64 generation = 0;
        std::optional<Error> error; ///< why there is no image (not set when cancelled)
    };

    void changeViewport(const render::MapViewport &viewport);
    /// m_viewport changed: the vector layers follow it.
    void followViewport();
    /// The cursor when nothing is dragged: the zoom-rectangle cross, the tool's, or the hand.
    QCursor restingCursor() const;
    render::MapViewport homeViewport(const render::MapViewport &viewport) const;
    /// Starts a recomposition of the tiles for the current view (cancels the running one).
    void startRender();
    void renderFinished(const Composed &composed);
    /// Drops the running recomposition (the source or the colours changed).
    void cancelRender();
    /// The settings for a paint: mapSettings() without the tile snapshot (not needed there).
    render::MapSettings paintSettings() const;
    /// The basemap and layers of a view that moved since its images were made: the cached
    /// composition moved or scaled, uncovered strips from the tiles, layer images moved.
    void paintMovingView(QPainter &painter, const QRegion &region);
    void layoutOverlays();
    void updateOverlayTexts();
    QColor backgroundColor() const;

    std::unique_ptr<render::TileLayer> m_tiles;
    std::unique_ptr<render::LayerRenderScheduler> m_layerScheduler;
    std::map<Overlay, OverlayPainter> m_overlayPainters;
    QList<render::GeofenceShape> m_geofences;
    QList<render::AlarmMarker> m_alarmMarkers;
    QPointer<MapTool> m_tool;
    QMetaObject::Connection m_toolDestroyed; ///< drops a tool deleted while active
    render::MapViewport m_viewport;
    QRectF m_homeExtent;
    QString m_sourceLabelText;
    QString m_attributionText;
    QString m_sourceMessage;
    QString m_cityName;
    QString m_message;

    /// The tile layer composed at m_cacheViewport (device pixels), and that view.
    QImage m_cache;
    render::MapViewport m_cacheViewport;
    bool m_cacheValid = false;
    bool m_tilesArrived = false; ///< tiles came in since the last composition started
    quint64 m_generation = 0;
    quint64 m_composedGeneration = 0;
    QTimer m_renderTimer;

    /// The composition jobs not known to be finished (the newest last); the destructor waits
    /// for all of them, since each hands its image back with a call queued to the canvas.
    QList<QFuture<void>> m_jobs;
    render::MapViewport m_jobViewport;
    bool m_rendering = false;
    /// The running job's cancel flag (shared with the job, which may outlive a cancel).
    std::shared_ptr<std::atomic_bool> m_cancel;
    /// A drag moved on while a job ran: compose again once it is in.
    bool m_renderAgain = false;

    enum class Drag { None, Pan, Rectangle };
    Drag m_drag = Drag::None;
    QPointF m_dragLast;
    QPoint m_rectangleStart;
    QRect m_rectangle;
    bool m_zoomRectangleMode = false;
    /// False until the view is set or changed while visible: until then a resize fits home.
    bool m_viewChosen = false;

    QLabel *m_attributionLabel = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
};

} // namespace infrasight::ui
