// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/maprenderer.h"

#include "ui/render/layercompositor.h"
#include "ui/render/tilecompositor.h"
#include "ui/render/vectorlayerrenderer.h"

#include <QFontMetrics>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>
#include <exception>

namespace infrasight::render {

namespace {

/// The decorations' placement and look (logical pixels), as the canvas's labels had them.
constexpr double MarginPx = 6.0;
constexpr double PlatePaddingXPx = 5.0;
constexpr double PlatePaddingYPx = 1.0;
constexpr double PlateRadiusPx = 2.0;
const QColor PlateColor(255, 255, 255, 210);
const QColor ScaleBarPlateColor(255, 255, 255, 200);
const QColor DecorationTextColor(0x20, 0x20, 0x20);

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

Error cancelled()
{
    return Error{ErrorCode::Cancelled, QStringLiteral("the map render was cancelled"), {}, {}};
}

QSize deviceSize(const MapViewport &viewport)
{
    const qreal dpr = viewport.devicePixelRatio();
    return {qCeil(viewport.sizePx().width() * dpr), qCeil(viewport.sizePx().height() * dpr)};
}

QString sizeText(QSize size)
{
    return QStringLiteral("%1 x %2").arg(size.width()).arg(size.height());
}

/// font for a painter whose coordinates are 96-dpi logical pixels on device: Qt sizes a font
/// by the device's resolution (300 dpi on a QPdfWriter), which the scaled painter would apply
/// a second time, so the point size is brought back to 96 dpi.
QFont fontForLogicalPixels(QFont font, const QPaintDevice *device)
{
    const int dpi = device != nullptr ? device->logicalDpiY() : 0;
    if (dpi > 0 && dpi != int(MapSettings::ScreenDpi) && font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * MapSettings::ScreenDpi / dpi);
    }
    return font;
}

void paintScaleBar(QPainter &painter, const MapSettings &settings, const ScaleBar &bar)
{
    if (bar.lengthPx <= 0.0) {
        return;
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setFont(settings.font);
    const QFontMetrics metrics(settings.font, painter.device());
    const int textHeight = metrics.height();
    const int barLength = qRound(bar.lengthPx);
    const int left = int(MarginPx);
    const int bottom = settings.viewport.sizePx().height() - int(MarginPx);
    const QRect box(left,
                    bottom - textHeight - 10,
                    std::max(barLength, metrics.horizontalAdvance(bar.text)) + 10,
                    textHeight + 10);
    painter.fillRect(box, ScaleBarPlateColor);
    const int y = bottom - 4;
    const int x0 = left + 5;
    const int x1 = x0 + barLength;
    painter.setPen(QPen(QColor(32, 32, 32), 2));
    painter.drawLine(x0, y, x1, y);
    painter.drawLine(x0, y, x0, y - 6);
    painter.drawLine(x1, y, x1, y - 6);
    painter.drawText(QRect(x0, box.top() + 1, box.width() - 10, textHeight),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     bar.text);
    painter.restore();
}

void paintAttribution(QPainter &painter, const MapSettings &settings)
{
    if (settings.attribution.isEmpty()) {
        return;
    }
    const QRectF plate = MapRenderer::attributionRect(settings, painter.device());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(PlateColor);
    painter.drawRoundedRect(plate, PlateRadiusPx, PlateRadiusPx);
    painter.setFont(settings.font);
    painter.setPen(DecorationTextColor);
    painter.drawText(plate, Qt::AlignCenter, settings.attribution);
    painter.restore();
}

} // namespace

MapRenderResult MapRenderer::render(const MapSettings &settings, const std::atomic_bool *cancel)
{
    MapRenderResult result;
    const QSize size = deviceSize(settings.viewport);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        result.errors.append(
            Error{ErrorCode::Internal,
                  QStringLiteral("no memory for a %1 map image").arg(sizeText(size)),
                  {},
                  {}});
        return result;
    }
    image.setDevicePixelRatio(settings.viewport.devicePixelRatio());
    image.fill(settings.background);
    QPainter painter(&image);
    result.errors
        = paint(painter, settings, QRectF(QPointF(0, 0), settings.viewport.sizePx()), cancel);
    painter.end();
    if (!isCancelled(cancel)) {
        result.image = std::move(image);
    }
    return result;
}

QList<Error> MapRenderer::paint(QPainter &painter,
                                const MapSettings &settings,
                                const QRectF &target,
                                const std::atomic_bool *cancel)
{
    QList<Error> errors;
    const MapViewport &viewport = settings.viewport;
    Prepared prepared;
    if (!settings.basemap.pieces.isEmpty()) {
        Result<QImage> basemap = composeBasemap(settings.basemap, settings.background, cancel);
        if (basemap) {
            prepared.basemap = std::move(*basemap);
        } else {
            errors.append(basemap.error());
        }
    }
    const bool vectors = drawsLayersAsVectors(painter, settings);
    if (!vectors) {
        QList<LayerCompositor::Layer> images;
        for (const LayerRenderInput &layer : settings.layers) {
            if (layer.opacity <= 0.0 || isCancelled(cancel)) {
                continue;
            }
            Result<QImage> image = renderLayer(viewport, layer, cancel);
            if (image) {
                images.append({std::move(*image), layer.opacity});
            } else {
                errors.append(image.error());
            }
        }
        if (!images.isEmpty() && !isCancelled(cancel)) {
            prepared.layers = LayerCompositor::compose(viewport, images);
            if (prepared.layers.isNull()) {
                errors.append(Error{ErrorCode::Internal,
                                    QStringLiteral("no memory for a %1 layer composition")
                                        .arg(sizeText(deviceSize(viewport))),
                                    {},
                                    {}});
            }
        }
    }
    if (isCancelled(cancel)) {
        return {cancelled()};
    }

    const QSizeF logical(viewport.sizePx());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / logical.width(), target.height() / logical.height());
    painter.setClipRect(QRectF(QPointF(0, 0), logical), Qt::IntersectClip);
    MapSettings scaled = settings;
    scaled.font = fontForLogicalPixels(settings.font, painter.device());
    paintPrepared(painter, scaled, prepared);
    if (vectors) {
        for (const LayerRenderInput &layer : settings.layers) {
            if (layer.opacity <= 0.0) {
                continue;
            }
            painter.save();
            painter.setOpacity(std::min<qreal>(layer.opacity, 1.0));
            try {
                if (!VectorLayerRenderer::paint(
                        painter, viewport, layer.blocks, layer.style, cancel)) {
                    painter.restore();
                    break; // cancelled: reported below
                }
            } catch (const std::exception &exception) {
                errors.append(Error{ErrorCode::Internal,
                                    QStringLiteral("layer %1 could not be drawn").arg(layer.key),
                                    QString::fromLocal8Bit(exception.what()),
                                    {}});
            }
            painter.restore();
        }
    }
    paintOverlays(painter, scaled);
    paintDecorations(painter, scaled);
    painter.restore();
    if (isCancelled(cancel)) {
        return {cancelled()};
    }
    return errors;
}

void MapRenderer::paintPrepared(QPainter &painter,
                                const MapSettings &settings,
                                const Prepared &prepared)
{
    const QRectF area(QPointF(0, 0), QSizeF(settings.viewport.sizePx()));
    if (prepared.basemap.isNull()) {
        painter.fillRect(area, settings.background);
    } else if (prepared.basemap.devicePixelRatio() == settings.viewport.devicePixelRatio()) {
        painter.drawImage(QPointF(0, 0), prepared.basemap); // a plain copy on a raster device
    } else {
        // Tiles from a higher zoom for a print: the image has the device size all the same.
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(area, prepared.basemap);
        painter.restore();
    }
    if (!prepared.layers.isNull()) {
        painter.drawImage(QPointF(0, 0), prepared.layers);
    }
}

void MapRenderer::paintOverlays(QPainter &painter, const MapSettings &settings)
{
    if (!settings.geofences.isEmpty()) {
        painter.save();
        painter.setFont(settings.font);
        GeofencePainter::paint(painter, settings.viewport, settings.geofences);
        painter.restore();
    }
    if (!settings.alarmMarkers.isEmpty()) {
        AlarmMarkerPainter::paint(painter, settings.viewport, settings.alarmMarkers);
    }
}

void MapRenderer::paintDecorations(QPainter &painter, const MapSettings &settings)
{
    if (settings.scaleBar) {
        paintScaleBar(painter, settings, *settings.scaleBar);
    }
    paintAttribution(painter, settings);
}

QRectF MapRenderer::attributionRect(const MapSettings &settings, const QPaintDevice *device)
{
    const QFontMetricsF metrics
        = device != nullptr ? QFontMetricsF(settings.font, device) : QFontMetricsF(settings.font);
    const QSizeF plate(std::ceil(metrics.horizontalAdvance(settings.attribution))
                           + 2 * PlatePaddingXPx,
                       std::ceil(metrics.height()) + 2 * PlatePaddingYPx);
    const QSizeF view(settings.viewport.sizePx());
    return {
        QPointF(view.width() - plate.width() - MarginPx, view.height() - plate.height() - MarginPx),
        plate};
}

Result<QImage> MapRenderer::composeBasemap(const TileLayer::Snapshot &snapshot,
                                           const QColor &background,
                                           const std::atomic_bool *cancel)
{
    try {
        QImage image = TileCompositor::compose(snapshot, background, cancel, QImage::Format_RGB32);
        if (isCancelled(cancel)) {
            return tl::unexpected(cancelled());
        }
        if (image.isNull()) {
            return fail(ErrorCode::Internal,
                        QStringLiteral("no memory for a %1 basemap image")
                            .arg(sizeText(deviceSize(snapshot.viewport))));
        }
        return image;
    } catch (const std::exception &exception) {
        return fail(ErrorCode::Internal,
                    QStringLiteral("the basemap could not be composed"),
                    QString::fromLocal8Bit(exception.what()));
    }
}

Result<QImage> MapRenderer::renderLayer(const MapViewport &viewport,
                                        const LayerRenderInput &layer,
                                        const std::atomic_bool *cancel)
{
    try {
        QImage image = VectorLayerRenderer::render(viewport, layer.blocks, layer.style, cancel);
        if (isCancelled(cancel)) {
            return tl::unexpected(cancelled());
        }
        if (image.isNull()) {
            return fail(ErrorCode::Internal,
                        QStringLiteral("layer %1: no memory for a %2 image")
                            .arg(layer.key, sizeText(deviceSize(viewport))));
        }
        return image;
    } catch (const std::exception &exception) {
        return fail(ErrorCode::Internal,
                    QStringLiteral("layer %1 could not be drawn").arg(layer.key),
                    QString::fromLocal8Bit(exception.what()));
    }
}

bool MapRenderer::drawsLayersAsVectors(const QPainter &painter, const MapSettings &settings)
{
    switch (settings.layerDrawing) {
    case MapSettings::LayerDrawing::Raster:
        return false;
    case MapSettings::LayerDrawing::Vector:
        return true;
    case MapSettings::LayerDrawing::Auto:
        break;
    }
    const QPaintEngine *engine = painter.paintEngine();
    return engine != nullptr && engine->type() != QPaintEngine::Raster;
}

} // namespace infrasight::render
