// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/featureblock.h"
#include "gis/core/result.h"
#include "ui/render/layerstyle.h"
#include "ui/render/mapviewport.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QPainter;

namespace infrasight::render {

/// One vector layer to draw, bottom first in the list given to LayerRenderScheduler.
struct LayerRenderInput
{
    QString key;
    QList<gis::FeatureBlock> blocks;
    LayerStyle style;
    qreal opacity = 1.0;
    /// Bump whenever blocks change (AssetLayerLoader's LayerContent::revision).
    quint64 revision = 0;
};

/// Renders the vector layers off the GUI thread, one QImage per layer (QtConcurrent, parallel by
/// layer as QGIS does), and paints the last finished images on the GUI thread, each moved and
/// scaled from the viewport it was rendered for to the current one (a pan frame is a few
/// drawImage calls). A viewport change re-renders every layer after a short debounce
/// (DebounceMs, restarted while the view keeps moving); a layer whose revision or style
/// changed re-renders alone. A job for an outdated view or revision is cancelled (atomic flag)
/// and its image never shown. GUI thread only (the jobs run on the global thread pool).
class LayerRenderScheduler : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerRenderScheduler)

public:
    static constexpr int DebounceMs = 120;

    explicit LayerRenderScheduler(QObject *parent = nullptr);
    /// Cancels running jobs and waits for them (they stop within a few milliseconds).
    ~LayerRenderScheduler() override;

    void setViewport(const MapViewport &viewport);
    MapViewport viewport() const;
    /// The layers to draw, bottom first. Layers no longer listed are dropped at once.
    void setLayers(const QList<LayerRenderInput> &layers);
    /// The layers last given to setLayers() (their blocks are shared, not copied).
    QList<LayerRenderInput> layers() const;
    /// Re-renders every layer now (no debounce), e.g. for a benchmark or a print.
    void renderNow();

    /// Paints each layer's last image, transformed to current, with its opacity.
    void paint(QPainter &painter, const MapViewport &current) const;

    /// True when every layer's image matches the current viewport and inputs.
    bool isIdle() const;
    /// Every layer's image blended into one (LayerCompositor, as MapRenderer does), when all of
    /// them are rendered for view with their current inputs and view is the current viewport;
    /// a null image when there is nothing to paint; nullopt while any layer is still due.
    std::optional<QImage> settledImage(const MapViewport &view) const;
    /// Why the layer's last render failed (nullopt: it did not, or there is no such layer).
    std::optional<Error> layerError(const QString &key) const;

    /// The last finished image of a layer (null if none) and the viewport it was rendered for.
    QImage layerImage(const QString &key) const;
    MapViewport layerImageViewport(const QString &key) const;

Q_SIGNALS:
    /// A layer image arrived: repaint.
    void imagesChanged();
    /// Every layer is rendered for the current viewport and inputs.
    void idle();
    /// A layer could not be rendered (out of memory, its drawing threw): it shows nothing for
    /// this view and inputs; error says why. Never emitted for a cancelled render.
    void layerFailed(const QString &key, const infrasight::Error &error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace infrasight::render
