// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/mapcanvas.h"

#include "gis/core/mercator.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/render/maprenderer.h"
#include "ui/render/tilelayer.h"
#include "ui/widgets/logging.h"
#include "ui/widgets/maptool.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QRegion>
#include <QResizeEvent>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace infrasight::ui {

namespace {

/// Zoom levels per wheel notch (120 eighths of a degree) and per key press or double-click.
constexpr double ZoomPerNotch = 1.0;
constexpr double ZoomPerStep = 1.0;
/// Trackpad scrolling: pixels of scroll for one zoom level.
constexpr double PixelsPerZoomLevel = 240.0;
/// An arrow key moves the view by this part of its width (or height).
constexpr double KeyPanFraction = 0.125;
/// A zoom rectangle smaller than this (logical pixels, either side) is a click, not a rectangle.
constexpr int MinimumRectanglePx = 5;
constexpr int OverlayMarginPx = 6;
constexpr double ScaleBarMaxPx = 120.0;

/// Monaco, the demo city, until the console sets the city's extent.
QRectF defaultHomeExtent()
{
    const QPointF southWest = gis::lonLatToMercatorMeters({7.4090, 43.7247});
    const QPointF northEast = gis::lonLatToMercatorMeters({7.4399, 43.7519});
    return QRectF(southWest, northEast).normalized();
}

bool isIntegralZoom(const render::MapViewport &viewport)
{
    return std::abs(viewport.zoom() - std::round(viewport.zoom())) < 1e-9;
}

bool sameZoomAndSize(const render::MapViewport &a, const render::MapViewport &b)
{
    return a.zoom() == b.zoom() && a.sizePx() == b.sizePx()
           && a.devicePixelRatio() == b.devicePixelRatio();
}

QString overlayStyle()
{
    return QStringLiteral("QLabel { background: rgba(255, 255, 255, 210); color: #202020; "
                          "padding: 1px 5px; border-radius: 2px; }");
}

/// The attribution label lies over the attribution render::MapRenderer draws: it shows nothing
/// itself, it only makes the text a link (with its tooltip, cursor and accessible text).
QString attributionStyle()
{
    return QStringLiteral("QLabel { background: transparent; color: rgba(0, 0, 0, 0); "
                          "padding: 0px; border: none; }");
}

} // namespace

QString MapCanvas::offlineSourceLabel()
{
    return tr("Offline basemap (MBTiles)");
}

QString MapCanvas::onlineSourceLabel()
{
    return tr("OpenStreetMap");
}

QString MapCanvas::defaultAttribution()
{
    return render::MapSettings::defaultAttribution();
}

QString MapCanvas::copyrightUrl()
{
    return QStringLiteral("https://www.openstreetmap.org/copyright");
}

MapCanvas::MapCanvas(QWidget *parent)
    : QWidget(parent)
    , m_tiles(std::make_unique<render::TileLayer>())
    , m_layerScheduler(std::make_unique<render::LayerRenderScheduler>())
    , m_homeExtent(defaultHomeExtent())
    , m_attributionText(defaultAttribution())
    , m_attributionLabel(new QLabel(this))
    , m_sourceLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mapCanvas"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(restingCursor());
    setMinimumSize(64, 64);

    m_viewport
        = render::MapViewport(QPointF(), 2.0, size(), devicePixelRatioF()).fittedTo(m_homeExtent);
    followViewport();
    connect(m_layerScheduler.get(),
            &render::LayerRenderScheduler::imagesChanged,
            this,
            qOverload<>(&QWidget::update));
    connect(m_layerScheduler.get(),
            &render::LayerRenderScheduler::layerFailed,
            this,
            [this](const QString &, const Error &error) { Q_EMIT renderFailed(error); });

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(0);
    connect(&m_renderTimer, &QTimer::timeout, this, [this] {
        if (m_drag == Drag::Pan && m_cacheValid && sameZoomAndSize(m_cacheViewport, m_viewport)) {
            if (!m_tilesArrived && isIntegralZoom(m_viewport)) {
                // During a drag the cached image moves and the strips it leaves are copied
                // from the tiles; only the tile requests follow the view.
                m_tiles->update(m_viewport);
                return;
            }
            if (m_rendering) {
                // Uncovered strips at a fractional zoom: compose once the running job is in
                // (restarting it at every mouse move would never let one finish).
                m_tiles->update(m_viewport);
                m_renderAgain = true;
                return;
            }
        }
        if (m_rendering && m_jobViewport == m_viewport) {
            // Only tiles arrived: the running job is for this view; compose again after it.
            m_tiles->update(m_viewport);
            m_renderAgain = true;
            return;
        }
        startRender();
    });
    connect(m_tiles.get(), &render::TileLayer::changed, this, [this] {
        m_tilesArrived = true;
        requestRender();
    });
    connect(m_tiles.get(), &render::TileLayer::sourceError, this, [this](const QString &message) {
        setSourceMessage(message);
        Q_EMIT sourceError(message);
    });

    m_attributionLabel->setObjectName(QStringLiteral("attributionLabel"));
    m_attributionLabel->setTextFormat(Qt::RichText);
    m_attributionLabel->setOpenExternalLinks(true);
    m_attributionLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    m_attributionLabel->setCursor(Qt::PointingHandCursor);
    m_attributionLabel->setToolTip(copyrightUrl());
    m_sourceLabel->setObjectName(QStringLiteral("mapSourceLabel"));
    m_sourceLabel->setWordWrap(true);
    m_titleLabel->setObjectName(QStringLiteral("mapTitleLabel"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    if (titleFont.pointSizeF() > 0) {
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    }
    m_titleLabel->setFont(titleFont);
    m_messageLabel->setObjectName(QStringLiteral("mapMessageLabel"));
    m_messageLabel->setWordWrap(true);
    for (QLabel *label : {m_sourceLabel, m_titleLabel, m_messageLabel}) {
        label->setStyleSheet(overlayStyle());
        label->setCursor(Qt::ArrowCursor);
    }
    m_attributionLabel->setStyleSheet(attributionStyle());
    updateOverlayTexts();
}

MapCanvas::~MapCanvas()
{
    // Tools parented to the canvas die after this body: no callback into a canvas half gone.
    disconnect(m_toolDestroyed);
    // The job holds its own snapshot and cancel flag; it stops at the next tile.
    if (m_cancel) {
        m_cancel->store(true);
    }
    for (QFuture<void> &job : m_jobs) {
        job.waitForFinished();
    }
}

void MapCanvas::setSource(std::unique_ptr<render::TileSource> source, const QString &label)
{
    const render::TileSourceInfo info = source ? source->info() : render::TileSourceInfo{};
    m_sourceLabelText = !label.isEmpty() ? label : info.name;
    m_attributionText
        = info.attribution.trimmed().isEmpty() ? defaultAttribution() : info.attribution.trimmed();
    m_sourceMessage.clear();
    cancelRender();
    m_tiles->setSource(std::move(source));
    m_cacheValid = false;
    updateOverlayTexts();
    requestRender();
}

render::TileSource *MapCanvas::source() const
{
    return m_tiles->source();
}

void MapCanvas::setOverlayPainter(Overlay overlay, OverlayPainter painter)
{
    if (painter) {
        m_overlayPainters[overlay] = std::move(painter);
    } else {
        m_overlayPainters.erase(overlay);
    }
    update();
}

void MapCanvas::setGeofences(const QList<render::GeofenceShape> &fences)
{
    m_geofences = fences;
    update();
}

void MapCanvas::setAlarmMarkers(const QList<render::AlarmMarker> &markers)
{
    m_alarmMarkers = markers;
    update();
}

render::MapSettings MapCanvas::paintSettings() const
{
    render::MapSettings settings;
    settings.viewport = m_viewport;
    settings.background = backgroundColor();
    settings.layers = m_layerScheduler->layers();
    settings.geofences = m_geofences;
    settings.alarmMarkers = m_alarmMarkers;
    settings.attribution = m_attributionText;
    settings.scaleBar = scaleBar();
    settings.font = font();
    return settings;
}

render::MapSettings MapCanvas::mapSettings() const
{
    render::MapSettings settings = paintSettings();
    settings.basemap = m_tiles->snapshot(m_viewport);
    return settings;
}

void MapCanvas::setTool(MapTool *tool)
{
    if (tool == m_tool) {
        return;
    }
    if (m_tool) {
        m_tool->deactivate();
    }
    disconnect(m_toolDestroyed);
    m_tool = tool;
    if (m_tool) {
        m_tool->activate();
        m_toolDestroyed = connect(m_tool, &QObject::destroyed, this, [this] {
            // m_tool is null by now: back to plain pan and zoom.
            updateToolCursor();
            update();
            Q_EMIT toolChanged(nullptr);
        });
    }
    if (m_drag == Drag::None) {
        setCursor(restingCursor());
    }
    update();
    Q_EMIT toolChanged(m_tool);
}

MapTool *MapCanvas::tool() const
{
    return m_tool.data();
}

void MapCanvas::updateToolCursor()
{
    if (m_drag == Drag::None) {
        setCursor(restingCursor());
    }
}

QCursor MapCanvas::restingCursor() const
{
    if (m_zoomRectangleMode) {
        return Qt::CrossCursor;
    }
    return m_tool ? m_tool->cursor() : QCursor(Qt::OpenHandCursor);
}

QString MapCanvas::sourceLabel() const
{
    return m_sourceLabelText;
}

QString MapCanvas::attribution() const
{
    return m_attributionText;
}

void MapCanvas::setSourceMessage(const QString &message)
{
    m_sourceMessage = message;
    updateOverlayTexts();
}

void MapCanvas::setCityName(const QString &name)
{
    m_cityName = name;
    updateOverlayTexts();
}

void MapCanvas::setMessage(const QString &message)
{
    m_message = message;
    updateOverlayTexts();
}

void MapCanvas::setViewport(const render::MapViewport &viewport)
{
    changeViewport(viewport.withSize(size(), devicePixelRatioF()));
}

void MapCanvas::restoreView(QPointF centerMeters, double zoom)
{
    m_viewChosen = true;
    changeViewport(render::MapViewport(centerMeters, zoom, size(), devicePixelRatioF()));
}

void MapCanvas::setHomeExtent(const QRectF &extentMeters)
{
    if (extentMeters.isValid()) {
        m_homeExtent = extentMeters.normalized();
        if (!m_viewChosen) {
            m_viewport = homeViewport(m_viewport);
            followViewport();
            requestRender();
        }
    }
}

void MapCanvas::setZoomRectangleMode(bool on)
{
    if (on == m_zoomRectangleMode) {
        return;
    }
    m_zoomRectangleMode = on;
    setCursor(restingCursor());
    Q_EMIT zoomRectangleModeChanged(on);
}

MapCanvas::ScaleBar MapCanvas::scaleBar() const
{
    const double latitude
        = m_viewport.screenToLonLat(QPointF(width() / 2.0, height() / 2.0)).latDeg;
    return scaleBarFor(gis::groundMetersPerPixel(m_viewport.zoom(), latitude), ScaleBarMaxPx);
}

MapCanvas::ScaleBar MapCanvas::scaleBarFor(double groundMetersPerPixel, double maxLengthPx)
{
    return render::ScaleBar::forResolution(
        groundMetersPerPixel, maxLengthPx, {tr("%1 km"), tr("%1 m")});
}

QSize MapCanvas::sizeHint() const
{
    return {800, 600};
}

void MapCanvas::zoomIn()
{
    changeViewport(m_viewport.zoomedAt(ZoomPerStep, QPointF(width() / 2.0, height() / 2.0)));
}

void MapCanvas::zoomOut()
{
    changeViewport(m_viewport.zoomedAt(-ZoomPerStep, QPointF(width() / 2.0, height() / 2.0)));
}

void MapCanvas::zoomHome()
{
    changeViewport(homeViewport(m_viewport));
}

render::MapViewport MapCanvas::homeViewport(const render::MapViewport &viewport) const
{
    // The whole city at a whole zoom level, so that tiles are drawn pixel for pixel.
    const render::MapViewport fitted = viewport.fittedTo(m_homeExtent);
    return fitted.withZoom(std::floor(fitted.zoom() + 1e-6));
}

void MapCanvas::zoomToExtent(const QRectF &extentMeters)
{
    changeViewport(m_viewport.fittedTo(extentMeters));
}

void MapCanvas::requestRender()
{
    if (!m_renderTimer.isActive()) {
        m_renderTimer.start();
    }
}

void MapCanvas::changeViewport(const render::MapViewport &viewport)
{
    if (isVisible()) {
        m_viewChosen = true;
    }
    if (viewport == m_viewport) {
        return;
    }
    m_viewport = viewport;
    followViewport();
    update();
    requestRender();
    Q_EMIT viewportChanged(m_viewport);
}

void MapCanvas::followViewport()
{
    m_layerScheduler->setViewport(m_viewport);
}

void MapCanvas::startRender()
{
    m_tilesArrived = false;
    m_renderAgain = false;
    m_tiles->update(m_viewport);
    if (m_cancel) {
        m_cancel->store(true); // the view moved on: the running job stops at its next tile
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    m_jobViewport = m_viewport;
    m_rendering = true;
    m_jobs.removeIf([](const QFuture<void> &job) { return job.isFinished(); });
    // The image comes back with a call queued to the canvas before the job finishes (not with
    // QFuture::then(this, …), whose continuation may run after the destructor's wait returned
    // and asserts on a canvas already gone): once the destructor has waited for every job, a
    // pending call is a posted event, which dies with the canvas.
    m_jobs.append(QtConcurrent::run([this,
                                     snapshot = m_tiles->snapshot(m_viewport),
                                     background = backgroundColor(),
                                     cancel = m_cancel,
                                     generation] {
        Composed composed;
        composed.viewport = snapshot.viewport;
        composed.generation = generation;
        // The composition a headless render makes too (an opaque RGB32 image: blitting it is a
        // plain copy); a failure comes back as an Error and the old image stays.
        Result<QImage> image
            = render::MapRenderer::composeBasemap(snapshot, background, cancel.get());
        if (image) {
            composed.image = std::move(*image);
        } else if (image.error().code != ErrorCode::Cancelled) {
            composed.error = image.error();
        }
        QMetaObject::invokeMethod(
            this, [this, composed] { renderFinished(composed); }, Qt::QueuedConnection);
    }));
}

void MapCanvas::renderFinished(const Composed &composed)
{
    if (composed.generation != m_generation) {
        return; // stale: a newer job was started for a newer view (or newer tiles)
    }
    m_rendering = false;
    if (!composed.image.isNull()) {
        m_cache = composed.image;
        m_cacheViewport = composed.viewport;
        m_cacheValid = true;
        m_composedGeneration = composed.generation;
        update();
    }
    if (m_renderAgain || m_tilesArrived) {
        requestRender();
    }
    if (composed.error) {
        qCWarning(lcUi) << "the basemap was not composed:" << composed.error->toString();
        Q_EMIT renderFailed(*composed.error);
    }
    if (!composed.image.isNull()) {
        Q_EMIT rendered(composed.generation);
    }
}

void MapCanvas::cancelRender()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    if (m_rendering) {
        ++m_generation; // whatever the running job hands back is dropped
        m_rendering = false;
    }
}

void MapCanvas::paintEvent(QPaintEvent *event)
{
    if (devicePixelRatioF() != m_viewport.devicePixelRatio() || size() != m_viewport.sizePx()) {
        // Moved to a screen with another pixel ratio: the next composition uses it.
        m_viewport = m_viewport.withSize(size(), devicePixelRatioF());
        followViewport();
        requestRender();
    }
    QPainter painter(this);
    painter.setClipRegion(event->region());
    const render::MapSettings settings = paintSettings();
    const std::optional<QImage> layers = m_layerScheduler->settledImage(m_viewport);
    if (m_cacheValid && m_cacheViewport == m_viewport && layers) {
        // A settled view: drawn as a headless render or an export draws it.
        render::MapRenderer::paintPrepared(painter, settings, {m_cache, *layers});
    } else {
        paintMovingView(painter, event->region());
    }
    render::MapRenderer::paintOverlays(painter, settings);
    // The selection and the tool's feedback, drawn directly.
    for (const auto &[overlay, paintOverlay] : m_overlayPainters) {
        painter.save();
        paintOverlay(painter, m_viewport);
        painter.restore();
    }
    if (m_tool) {
        painter.save();
        m_tool->paint(painter, m_viewport);
        painter.restore();
    }
    if (m_drag == Drag::Rectangle && !m_rectangle.isNull()) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, false);
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(50);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5, Qt::DashLine));
        painter.setBrush(fill);
        painter.drawRect(m_rectangle.normalized());
        painter.restore();
    }
    render::MapRenderer::paintDecorations(painter, settings);
}

void MapCanvas::paintMovingView(QPainter &painter, const QRegion &region)
{
    const QRect area = rect();
    QRegion uncovered(area);
    if (m_cacheValid) {
        // Where the cached composition goes in the current view.
        const QRectF extent = m_cacheViewport.extentMeters();
        const QPointF topLeft = m_viewport.metersToScreen(QPointF(extent.left(), extent.bottom()));
        const QPointF bottomRight
            = m_viewport.metersToScreen(QPointF(extent.right(), extent.top()));
        const qreal dpr = m_viewport.devicePixelRatio();
        if (sameZoomAndSize(m_cacheViewport, m_viewport)) {
            // A pan: the cached image moves by whole device pixels (no filtering, no blur).
            const QPointF snapped(std::round(topLeft.x() * dpr) / dpr,
                                  std::round(topLeft.y() * dpr) / dpr);
            painter.drawImage(snapped, m_cache);
            const QRectF placed(snapped, QSizeF(m_cacheViewport.sizePx()));
            // Exact on whole logical pixels; else keep a one-pixel seam painted from the tiles.
            uncovered -= placed == QRectF(placed.toRect())
                             ? placed.toRect()
                             : placed.toAlignedRect().adjusted(1, 1, -1, -1);
        } else {
            // A zoom in progress: the old image, scaled, until the new one is composed (off
            // the GUI thread, a few frames later). Not smoothed: this frame has to be cheap.
            const QRectF target(topLeft, bottomRight);
            painter.fillRect(area, backgroundColor());
            painter.drawImage(target, m_cache);
            const QRect inner = target.toAlignedRect().adjusted(1, 1, -1, -1);
            if (inner.isValid()) {
                uncovered -= inner;
            }
        }
    }
    if (!uncovered.isEmpty()) {
        // Strips the cache does not cover: at a whole zoom level straight from the tiles at
        // hand (a plain copy, never waits); else the background until the job is in.
        painter.save();
        painter.setClipRegion(uncovered.intersected(region));
        painter.fillRect(area, backgroundColor());
        if (isIntegralZoom(m_viewport)) {
            m_tiles->paint(painter, m_viewport);
        }
        painter.restore();
    }
    // The vector layers: finished images only, moved and scaled to this view (never rendered
    // here).
    m_layerScheduler->paint(painter, m_viewport);
}

void MapCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    render::MapViewport resized = m_viewport.withSize(size(), devicePixelRatioF());
    if (!m_viewChosen) {
        resized = homeViewport(resized); // the first real size: show the city
    }
    if (resized != m_viewport) {
        m_viewport = resized;
        followViewport();
        requestRender();
        Q_EMIT viewportChanged(m_viewport);
    }
    layoutOverlays();
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    double delta = 0.0;
    if (!event->pixelDelta().isNull()) {
        delta = event->pixelDelta().y() / PixelsPerZoomLevel; // trackpad
    } else {
        delta = event->angleDelta().y() / 120.0 * ZoomPerNotch;
    }
    if (delta != 0.0) {
        changeViewport(m_viewport.zoomedAt(delta, event->position()));
    }
    event->accept();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (m_tool && m_tool->mousePress(event)) {
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (m_zoomRectangleMode || event->modifiers().testFlag(Qt::ShiftModifier)) {
        m_drag = Drag::Rectangle;
        m_rectangleStart = event->position().toPoint();
        m_rectangle = QRect();
    } else {
        m_drag = Drag::Pan;
        m_dragLast = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF position = event->position();
    Q_EMIT cursorPositionChanged(m_viewport.screenToLonLat(position));
    if (m_tool && m_tool->mouseMove(event)) {
        event->accept();
        return;
    }
    if (m_drag == Drag::Pan) {
        const QPointF delta = position - m_dragLast;
        m_dragLast = position;
        changeViewport(m_viewport.pannedBy(delta));
    } else if (m_drag == Drag::Rectangle) {
        const QRect old = m_rectangle;
        m_rectangle = QRect(m_rectangleStart, position.toPoint()).normalized();
        update(old.united(m_rectangle).adjusted(-3, -3, 3, 3));
    }
    event->accept();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_tool && m_tool->mouseRelease(event)) {
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag == Drag::Pan) {
        const QPointF delta = event->position() - m_dragLast;
        changeViewport(m_viewport.pannedBy(delta));
        setCursor(restingCursor());
        requestRender(); // the view settled: compose at its final place
    } else {
        const QRectF rectangle = QRectF(QPointF(m_rectangleStart), event->position()).normalized();
        m_rectangle = QRect();
        update();
        if (rectangle.width() >= MinimumRectanglePx && rectangle.height() >= MinimumRectanglePx) {
            const QPointF a = m_viewport.screenToMeters(rectangle.topLeft());
            const QPointF b = m_viewport.screenToMeters(rectangle.bottomRight());
            zoomToExtent(QRectF(a, b).normalized());
        }
        setZoomRectangleMode(false);
    }
    event->accept();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_tool && m_tool->mouseDoubleClick(event)) {
        event->accept();
        return;
    }
    const bool out
        = event->button() == Qt::RightButton || event->modifiers().testFlag(Qt::ShiftModifier);
    changeViewport(m_viewport.zoomedAt(out ? -ZoomPerStep : ZoomPerStep, event->position()));
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    if (m_tool && m_tool->keyPress(event)) {
        event->accept();
        return;
    }
    const double dx = std::max(32.0, width() * KeyPanFraction);
    const double dy = std::max(32.0, height() * KeyPanFraction);
    switch (event->key()) {
    case Qt::Key_Left:
        changeViewport(m_viewport.pannedBy(QPointF(dx, 0)));
        break;
    case Qt::Key_Right:
        changeViewport(m_viewport.pannedBy(QPointF(-dx, 0)));
        break;
    case Qt::Key_Up:
        changeViewport(m_viewport.pannedBy(QPointF(0, dy)));
        break;
    case Qt::Key_Down:
        changeViewport(m_viewport.pannedBy(QPointF(0, -dy)));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_Home:
        zoomHome();
        break;
    case Qt::Key_Escape:
        if (m_drag == Drag::Rectangle) {
            m_drag = Drag::None;
            m_rectangle = QRect();
            update();
        }
        setZoomRectangleMode(false);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MapCanvas::leaveEvent(QEvent *event)
{
    Q_EMIT cursorLeft();
    QWidget::leaveEvent(event);
}

void MapCanvas::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        cancelRender();
        m_cacheValid = false;
        requestRender();
        layoutOverlays(); // the attribution's size follows the font
    }
}

void MapCanvas::layoutOverlays()
{
    const int margin = OverlayMarginPx;
    // Exactly over the attribution the renderer draws.
    m_attributionLabel->setGeometry(
        render::MapRenderer::attributionRect(paintSettings(), this).toAlignedRect());
    const int overlayWidth = std::max(120, width() / 3);
    m_sourceLabel->setMaximumWidth(overlayWidth);
    m_sourceLabel->adjustSize();
    m_sourceLabel->move(width() - m_sourceLabel->width() - margin, margin);
    m_titleLabel->adjustSize();
    m_titleLabel->move(margin, margin);
    m_messageLabel->setMaximumWidth(overlayWidth);
    m_messageLabel->adjustSize();
    m_messageLabel->move(margin,
                         m_titleLabel->isHidden() ? margin : m_titleLabel->geometry().bottom() + 4);
}

void MapCanvas::updateOverlayTexts()
{
    m_attributionLabel->setText(QStringLiteral("<a href=\"%1\" style=\"color:rgba(0,0,0,0); "
                                               "text-decoration:none\">%2</a>")
                                    .arg(copyrightUrl(), m_attributionText.toHtmlEscaped()));
    QString source = m_sourceLabelText;
    if (!m_sourceMessage.isEmpty()) {
        source += (source.isEmpty() ? QString() : QStringLiteral("\n"))
                  + tr("Map source problem: %1").arg(m_sourceMessage);
    }
    m_sourceLabel->setText(source);
    m_sourceLabel->setVisible(!source.isEmpty());
    m_titleLabel->setText(m_cityName);
    m_titleLabel->setVisible(!m_cityName.isEmpty());
    m_messageLabel->setText(m_message);
    m_messageLabel->setVisible(!m_message.isEmpty());
    m_attributionLabel->show();
    m_attributionLabel->raise();
    layoutOverlays();
}

QColor MapCanvas::backgroundColor() const
{
    return palette().color(QPalette::Window).lightness() < 128 ? QColor(0x2b, 0x2d, 0x30)
                                                               : QColor(0xe6, 0xe4, 0xe0);
}

} // namespace infrasight::ui
