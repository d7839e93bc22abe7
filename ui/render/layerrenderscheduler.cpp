// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/layerrenderscheduler.h"

#include "ui/render/layercompositor.h"
#include "ui/render/logging.h"
#include "ui/render/maprenderer.h"

#include <QFuture>
#include <QPainter>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QtMath>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>

namespace infrasight::render {

namespace {

/// What a finished image was rendered from, or what a job renders.
struct RenderKey
{
    MapViewport viewport;
    quint64 revision = 0;
    LayerStyle style;

    friend bool operator==(const RenderKey &, const RenderKey &) = default;
};

bool sameScaleAndSize(const MapViewport &a, const MapViewport &b)
{
    return a.zoom() == b.zoom() && a.sizePx() == b.sizePx()
           && a.devicePixelRatio() == b.devicePixelRatio();
}

} // namespace

struct LayerRenderScheduler::Private
{
    struct Layer
    {
        LayerRenderInput input;

        /// The last finished image (may be null: nothing drawn yet, or the render failed).
        QImage image;
        RenderKey imageKey;
        bool hasImage = false;
        /// Why the last render for imageKey gave no image.
        std::optional<Error> error;

        /// The running job (jobId 0: none). Its result is taken only while jobId still names it.
        quint64 jobId = 0;
        RenderKey jobKey;
        std::shared_ptr<std::atomic_bool> cancel;

        RenderKey wantedKey(const MapViewport &view) const
        {
            return {view, input.revision, input.style};
        }
    };

    explicit Private(LayerRenderScheduler *owner)
        : q(owner)
    {}

    Layer *find(const QString &key) { return findIn(layers, key); }

    const Layer *find(const QString &key) const { return findIn(layers, key); }

    template<typename List>
    static auto findIn(List &list, const QString &key) -> decltype(list.data())
    {
        const auto it = std::find_if(
            list.begin(), list.end(), [&](const Layer &layer) { return layer.input.key == key; });
        return it == list.end() ? nullptr : &*it;
    }

    bool needsRender(const Layer &layer) const
    {
        return !layer.hasImage || layer.imageKey != layer.wantedKey(viewport);
    }

    bool jobIsWanted(const Layer &layer) const
    {
        return layer.jobId != 0 && layer.jobKey == layer.wantedKey(viewport);
    }

    static void cancelJob(Layer &layer)
    {
        if (layer.cancel) {
            layer.cancel->store(true);
        }
        layer.cancel.reset();
        layer.jobId = 0; // whatever the job hands back is dropped
    }

    /// Starts a job for every layer whose image is not for the current view and inputs (and
    /// has no such job running); with force, for every layer.
    void startJobs(bool force);
    void startJob(Layer &layer);
    /// On the GUI thread: a job's image (or why there is none) arrived.
    void jobFinished(const QString &key, quint64 jobId, const Result<QImage> &image);
    /// Emits idle() when the scheduler just became idle.
    void checkIdle();

    LayerRenderScheduler *q;
    MapViewport viewport;
    QList<Layer> layers;
    QTimer debounce;
    quint64 lastJobId = 0;
    /// The jobs not known to be finished (the destructor waits for them).
    QList<QFuture<void>> futures;
    bool wasIdle = true;

    /// Every painted layer blended into one image (with its opacity) while all of them were
    /// rendered for the same view, so that a pan frame blends one image instead of one per
    /// layer. Rebuilt at the first paint after an image, an opacity or the order changed.
    QImage composite;
    MapViewport compositeViewport;
    bool compositeValid = false;

    static bool isPainted(const Layer &layer)
    {
        return layer.hasImage && !layer.image.isNull() && layer.input.opacity > 0.0;
    }

    /// The one view all painted layers were rendered for; none if they differ or none is
    /// painted.
    std::optional<MapViewport> commonImageViewport() const;
    /// The composite for commonImageViewport() (rebuilt if stale).
    const QImage &compositeImage(const MapViewport &imageViewport);
};

void LayerRenderScheduler::Private::startJobs(bool force)
{
    futures.removeIf([](const QFuture<void> &future) { return future.isFinished(); });
    for (Layer &layer : layers) {
        if (force || (needsRender(layer) && !jobIsWanted(layer))) {
            cancelJob(layer);
            startJob(layer);
        }
    }
}

void LayerRenderScheduler::Private::startJob(Layer &layer)
{
    layer.jobId = ++lastJobId;
    layer.jobKey = layer.wantedKey(viewport);
    layer.cancel = std::make_shared<std::atomic_bool>(false);
    // The job takes copies (the blocks share their data) and hands its image back with a
    // queued call made before the job finishes: once the destructor has waited for the job,
    // the call is at most a posted event, which dies with the scheduler.
    futures.append(QtConcurrent::run([this,
                                      viewport = viewport,
                                      blocks = layer.input.blocks,
                                      style = layer.input.style,
                                      cancel = layer.cancel,
                                      key = layer.input.key,
                                      jobId = layer.jobId] {
        // The job boundary: a failure comes back as an Error (reported, never an empty image
        // that says nothing).
        const Result<QImage> image = MapRenderer::renderLayer(
            viewport, LayerRenderInput{key, blocks, style, 1.0, 0}, cancel.get());
        QMetaObject::invokeMethod(
            q, [this, key, jobId, image] { jobFinished(key, jobId, image); }, Qt::QueuedConnection);
    }));
}

void LayerRenderScheduler::Private::jobFinished(const QString &key,
                                                quint64 jobId,
                                                const Result<QImage> &image)
{
    Layer *layer = find(key);
    if (layer == nullptr || layer->jobId != jobId) {
        return; // stale: the layer is gone, or a newer job replaced this one
    }
    const RenderKey jobKey = layer->jobKey;
    layer->jobId = 0;
    layer->cancel.reset();
    const bool cancelled = !image && image.error().code == ErrorCode::Cancelled;
    if (cancelled || jobKey != layer->wantedKey(viewport)) {
        checkIdle();
        return; // made for a view or inputs no longer wanted
    }
    // A failed render counts as done for its key (no retry loop); the layer shows nothing
    // until its view or inputs change, and the failure is reported.
    layer->image = image ? *image : QImage();
    layer->imageKey = jobKey;
    layer->hasImage = true;
    layer->error = image ? std::nullopt : std::optional<Error>(image.error());
    compositeValid = false;
    Q_EMIT q->imagesChanged();
    if (!image) {
        qCWarning(lcRender) << "layer" << key << "was not rendered:" << image.error().toString();
        Q_EMIT q->layerFailed(key, image.error());
    }
    checkIdle();
}

void LayerRenderScheduler::Private::checkIdle()
{
    const bool idleNow = q->isIdle();
    const bool becameIdle = idleNow && !wasIdle;
    wasIdle = idleNow;
    if (becameIdle) {
        Q_EMIT q->idle();
    }
}

LayerRenderScheduler::LayerRenderScheduler(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->debounce.setSingleShot(true);
    d->debounce.setInterval(DebounceMs);
    connect(&d->debounce, &QTimer::timeout, this, [this] {
        d->startJobs(false);
        d->checkIdle();
    });
}

LayerRenderScheduler::~LayerRenderScheduler()
{
    d->debounce.stop();
    for (Private::Layer &layer : d->layers) {
        Private::cancelJob(layer);
    }
    // Cancelled jobs stop at the renderer's next check, within a few milliseconds.
    for (QFuture<void> &future : d->futures) {
        future.waitForFinished();
    }
}

void LayerRenderScheduler::setViewport(const MapViewport &viewport)
{
    if (viewport == d->viewport) {
        return;
    }
    d->viewport = viewport;
    for (Private::Layer &layer : d->layers) {
        if (layer.jobId != 0 && !d->jobIsWanted(layer)) {
            Private::cancelJob(layer); // the view moved on: its image would never be shown
        }
    }
    if (!d->layers.isEmpty()) {
        d->debounce.start(); // restarted while the view keeps moving
    }
    d->checkIdle();
}

MapViewport LayerRenderScheduler::viewport() const
{
    return d->viewport;
}

void LayerRenderScheduler::setLayers(const QList<LayerRenderInput> &layers)
{
    // The layers with an image, in painting order: a change there needs a repaint.
    const auto paintedKeys = [](const QList<Private::Layer> &list) {
        QStringList keys;
        for (const Private::Layer &layer : list) {
            if (layer.hasImage) {
                keys.append(layer.input.key);
            }
        }
        return keys;
    };
    const QStringList paintedBefore = paintedKeys(d->layers);
    bool opacityChanged = false;
    QList<Private::Layer> next;
    next.reserve(layers.size());
    for (const LayerRenderInput &input : layers) {
        Private::Layer layer;
        if (Private::Layer *old = d->find(input.key)) {
            layer = std::move(*old);
            old->input.key.clear(); // taken over: not dropped below
            opacityChanged
                = opacityChanged || (layer.hasImage && layer.input.opacity != input.opacity);
        }
        layer.input = input;
        if (layer.jobId != 0 && !d->jobIsWanted(layer)) {
            Private::cancelJob(layer); // made for older blocks or another style
        }
        next.append(std::move(layer));
    }
    for (Private::Layer &dropped : d->layers) {
        if (!dropped.input.key.isEmpty()) {
            Private::cancelJob(dropped);
        }
    }
    d->layers = std::move(next);
    if (!d->debounce.isActive()) {
        d->startJobs(false); // new inputs for the view on screen render at once
    }
    if (opacityChanged || paintedKeys(d->layers) != paintedBefore) {
        d->compositeValid = false;
        Q_EMIT imagesChanged(); // the images at hand are drawn differently
    }
    d->checkIdle();
}

QList<LayerRenderInput> LayerRenderScheduler::layers() const
{
    QList<LayerRenderInput> inputs;
    inputs.reserve(d->layers.size());
    for (const Private::Layer &layer : d->layers) {
        inputs.append(layer.input);
    }
    return inputs;
}

void LayerRenderScheduler::renderNow()
{
    d->debounce.stop();
    d->startJobs(true);
    d->checkIdle();
}

std::optional<MapViewport> LayerRenderScheduler::Private::commonImageViewport() const
{
    std::optional<MapViewport> common;
    for (const Layer &layer : layers) {
        if (!isPainted(layer)) {
            continue;
        }
        if (common && *common != layer.imageKey.viewport) {
            return std::nullopt;
        }
        common = layer.imageKey.viewport;
    }
    return common;
}

const QImage &LayerRenderScheduler::Private::compositeImage(const MapViewport &imageViewport)
{
    if (compositeValid && compositeViewport == imageViewport) {
        return composite;
    }
    QList<LayerCompositor::Layer> painted;
    painted.reserve(layers.size());
    for (const Layer &layer : layers) {
        if (isPainted(layer)) {
            painted.append({layer.image, layer.input.opacity});
        }
    }
    composite = LayerCompositor::compose(imageViewport, painted, std::move(composite));
    compositeViewport = imageViewport;
    compositeValid = true;
    return composite;
}

namespace {

/// Draws image, made for the view from, where that view lies in current: scaled by
/// 2^(zoom difference), moved by the difference of the centres.
void drawMoved(QPainter &painter,
               const QImage &image,
               const MapViewport &from,
               const MapViewport &current)
{
    const QRectF extent = from.extentMeters();
    const QPointF topLeft = current.metersToScreen(QPointF(extent.left(), extent.bottom()));
    const QPointF bottomRight = current.metersToScreen(QPointF(extent.right(), extent.top()));
    if (sameScaleAndSize(from, current)) {
        // A pan: moved by whole device pixels (no filtering, no blur).
        const qreal dpr = current.devicePixelRatio();
        painter.drawImage(
            QPointF(std::round(topLeft.x() * dpr) / dpr, std::round(topLeft.y() * dpr) / dpr),
            image);
    } else {
        // A zoom in progress: the old image scaled until the new one is rendered.
        painter.drawImage(QRectF(topLeft, bottomRight), image);
    }
}

} // namespace

void LayerRenderScheduler::paint(QPainter &painter, const MapViewport &current) const
{
    if (const std::optional<MapViewport> common = d->commonImageViewport()) {
        // The settled case (and every pan frame after it): one image for all layers.
        drawMoved(painter, d->compositeImage(*common), *common, current);
        return;
    }
    // Some layers are rendered for the new view, others not yet: each moved on its own.
    const qreal baseOpacity = painter.opacity();
    for (const Private::Layer &layer : d->layers) {
        if (d->isPainted(layer)) {
            painter.setOpacity(baseOpacity * std::min<qreal>(layer.input.opacity, 1.0));
            drawMoved(painter, layer.image, layer.imageKey.viewport, current);
        }
    }
    painter.setOpacity(baseOpacity);
}

bool LayerRenderScheduler::isIdle() const
{
    if (d->debounce.isActive()) {
        return false;
    }
    return std::all_of(d->layers.cbegin(), d->layers.cend(), [this](const Private::Layer &layer) {
        return layer.jobId == 0 && !d->needsRender(layer);
    });
}

std::optional<QImage> LayerRenderScheduler::settledImage(const MapViewport &view) const
{
    if (view != d->viewport || !isIdle()) {
        return std::nullopt;
    }
    const std::optional<MapViewport> common = d->commonImageViewport();
    if (!common) {
        return QImage(); // nothing painted
    }
    return d->compositeImage(*common);
}

std::optional<Error> LayerRenderScheduler::layerError(const QString &key) const
{
    const Private::Layer *layer = d->find(key);
    return layer != nullptr ? layer->error : std::nullopt;
}

QImage LayerRenderScheduler::layerImage(const QString &key) const
{
    const Private::Layer *layer = d->find(key);
    return layer != nullptr && layer->hasImage ? layer->image : QImage();
}

MapViewport LayerRenderScheduler::layerImageViewport(const QString &key) const
{
    const Private::Layer *layer = d->find(key);
    return layer != nullptr && layer->hasImage ? layer->imageKey.viewport : MapViewport();
}

} // namespace infrasight::render
