// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/mapplaceholder.h"

#include <QFontMetrics>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

namespace infrasight::ui {

namespace {

constexpr int GridSpacing = 64;
constexpr int AttributionMargin = 6;

} // namespace

MapPlaceholder::MapPlaceholder(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mapArea"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    setAccessibleName(tr("Map"));
}

void MapPlaceholder::setCityName(const QString &name)
{
    m_cityName = name;
    update();
}

void MapPlaceholder::setMessage(const QString &message)
{
    m_message = message;
    update();
}

QString MapPlaceholder::attribution()
{
    return tr("© OpenStreetMap contributors");
}

QSize MapPlaceholder::sizeHint() const
{
    return {1024, 720};
}

void MapPlaceholder::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    // A neutral, slightly blue-grey ground that is calm in a dark room and still reads as "map"
    // in a light theme; derived from the palette so that both themes look intended.
    const QColor window = palette().color(QPalette::Window);
    const bool dark = window.lightnessF() < 0.5;
    const QColor ground = dark ? QColor(0x1f, 0x25, 0x2c) : QColor(0xe4, 0xe8, 0xec);
    const QColor grid = dark ? QColor(0x2b, 0x33, 0x3c) : QColor(0xd3, 0xd9, 0xdf);
    const QColor title = dark ? QColor(0xc8, 0xd1, 0xda) : QColor(0x3a, 0x44, 0x4f);
    const QColor subtitle = dark ? QColor(0x8a, 0x96, 0xa3) : QColor(0x6b, 0x76, 0x82);
    painter.fillRect(rect(), ground);

    painter.setPen(QPen(grid, 1));
    for (int x = GridSpacing / 2; x < width(); x += GridSpacing) {
        painter.drawLine(x, 0, x, height());
    }
    for (int y = GridSpacing / 2; y < height(); y += GridSpacing) {
        painter.drawLine(0, y, width(), y);
    }

    // A north arrow in the top-right corner, as on every map sheet.
    const QPointF arrowBase(width() - 36.0, 58.0);
    QPainterPath arrow;
    arrow.moveTo(arrowBase + QPointF(0, -30));
    arrow.lineTo(arrowBase + QPointF(9, 0));
    arrow.lineTo(arrowBase + QPointF(0, -7));
    arrow.lineTo(arrowBase + QPointF(-9, 0));
    arrow.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(subtitle);
    painter.drawPath(arrow);
    painter.setPen(subtitle);
    painter.drawText(QRectF(arrowBase.x() - 10, arrowBase.y() + 2, 20, 16),
                     Qt::AlignCenter,
                     QStringLiteral("N"));

    const QRect centre = rect().adjusted(40, 0, -40, 0);
    // Fonts set in pixels report no point size; scale from a sensible default then.
    const qreal basePoints = font().pointSizeF() > 0 ? font().pointSizeF() : 10.0;
    QFont titleFont = font();
    titleFont.setPointSizeF(basePoints * 2.6);
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(titleFont);
    QFont bodyFont = font();
    bodyFont.setPointSizeF(basePoints * 1.15);
    const QFontMetrics bodyMetrics(bodyFont);

    const QString heading = m_cityName.isEmpty() ? tr("Infrasight") : m_cityName;
    const QString line
        = m_message.isEmpty() ? tr("The map canvas is not part of this build yet.") : m_message;
    const int blockHeight = titleMetrics.height() + 10 + bodyMetrics.height();
    const int top = (height() - blockHeight) / 2;

    painter.setFont(titleFont);
    painter.setPen(title);
    painter.drawText(
        QRect(centre.left(), top, centre.width(), titleMetrics.height()), Qt::AlignCenter, heading);
    painter.setFont(bodyFont);
    painter.setPen(subtitle);
    painter.drawText(
        QRect(
            centre.left(), top + titleMetrics.height() + 10, centre.width(), bodyMetrics.height()),
        Qt::AlignCenter,
        bodyMetrics.elidedText(line, Qt::ElideRight, centre.width()));

    // The attribution is required wherever OpenStreetMap data is shown (DESIGN.md section 5).
    painter.setFont(font());
    const QFontMetrics metrics(font());
    const QString credit = attribution();
    const QRect creditRect(width() - metrics.horizontalAdvance(credit) - 2 * AttributionMargin,
                           height() - metrics.height() - AttributionMargin,
                           metrics.horizontalAdvance(credit) + 2 * AttributionMargin,
                           metrics.height() + AttributionMargin);
    QColor creditBackground = ground;
    creditBackground.setAlphaF(0.85);
    painter.fillRect(creditRect, creditBackground);
    painter.setPen(subtitle);
    painter.drawText(creditRect, Qt::AlignCenter, credit);
}

} // namespace infrasight::ui
