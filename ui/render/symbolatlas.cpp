// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/symbolatlas.h"

#include <QFile>
#include <QPainter>
#include <QSvgRenderer>

#include <cmath>

namespace infrasight::render {

namespace {

/// Below this badge size the pictogram is unreadable; the badge stays a plain dot.
constexpr double MinPictogramSize = 10.0;
/// The pictogram fills this share of the badge diameter.
constexpr double PictogramShare = 0.7;
constexpr QRgb ClusterBlue = 0xff3a6ea5;
constexpr QRgb FaultyRed = 0xffd7263d;

QString pictogramPath(const QString &symbol)
{
    return QStringLiteral(":/symbols/%1.svg").arg(symbol);
}

QImage transparentImage(double logicalSize, qreal devicePixelRatio)
{
    const int side = std::max(1, int(std::ceil(logicalSize * devicePixelRatio)));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    return image;
}

int milli(double value)
{
    return int(std::lround(value * 1000.0));
}

} // namespace

SymbolAtlas &SymbolAtlas::instance()
{
    static SymbolAtlas atlas;
    return atlas;
}

QImage SymbolAtlas::symbol(const QString &symbol,
                           const QColor &color,
                           double logicalSize,
                           qreal devicePixelRatio)
{
    const Key key{symbol, color.rgba(), milli(logicalSize), milli(devicePixelRatio), false, false};
    const std::lock_guard lock(m_mutex);
    auto found = m_sprites.constFind(key);
    if (found == m_sprites.cend()) {
        found = m_sprites.insert(key, renderSymbol(symbol, color, logicalSize, devicePixelRatio));
    }
    return *found;
}

QImage SymbolAtlas::clusterDisc(int radius, bool faulty, qreal devicePixelRatio)
{
    const Key key{QString(), 0, radius * 1000, milli(devicePixelRatio), true, faulty};
    const std::lock_guard lock(m_mutex);
    auto found = m_sprites.constFind(key);
    if (found == m_sprites.cend()) {
        found = m_sprites.insert(key, renderClusterDisc(radius, faulty, devicePixelRatio));
    }
    return *found;
}

bool SymbolAtlas::hasPictogram(const QString &symbol)
{
    return !symbol.isEmpty() && QFile::exists(pictogramPath(symbol));
}

qsizetype SymbolAtlas::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_sprites.size();
}

void SymbolAtlas::clear()
{
    const std::lock_guard lock(m_mutex);
    m_sprites.clear();
}

QImage SymbolAtlas::renderSymbol(const QString &symbol,
                                 const QColor &color,
                                 double logicalSize,
                                 qreal devicePixelRatio)
{
    QImage image = transparentImage(logicalSize, devicePixelRatio);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF badge(0.5, 0.5, logicalSize - 1.0, logicalSize - 1.0);
    QPen outline(color.darker(220), 1.0);
    outline.setCosmetic(true);
    painter.setPen(outline);
    painter.setBrush(color);
    painter.drawEllipse(badge);

    if (logicalSize >= MinPictogramSize && hasPictogram(symbol)) {
        QSvgRenderer renderer(pictogramPath(symbol));
        if (renderer.isValid()) {
            const double side = logicalSize * PictogramShare;
            const double inset = (logicalSize - side) / 2.0;
            renderer.render(&painter, QRectF(inset, inset, side, side));
        }
    }
    return image;
}

QImage SymbolAtlas::renderClusterDisc(int radius, bool faulty, qreal devicePixelRatio)
{
    const double side = 2.0 * radius;
    QImage image = transparentImage(side, devicePixelRatio);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF outer(1.0, 1.0, side - 2.0, side - 2.0);
    if (faulty) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor::fromRgba(FaultyRed));
        painter.drawEllipse(outer);
    }
    const double ringWidth = faulty ? 3.0 : 0.0;
    QColor fill = QColor::fromRgba(ClusterBlue);
    fill.setAlpha(225);
    painter.setBrush(fill);
    painter.setPen(QPen(Qt::white, 2.0));
    painter.drawEllipse(outer.adjusted(ringWidth, ringWidth, -ringWidth, -ringWidth));
    return image;
}

} // namespace infrasight::render
