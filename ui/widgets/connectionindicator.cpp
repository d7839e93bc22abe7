// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/connectionindicator.h"

#include <QFontMetrics>
#include <QPaintEvent>
#include <QPainter>
#include <QTimer>

#include <algorithm>

namespace infrasight::ui {

namespace {

constexpr int LampDiameter = 10;
constexpr int HorizontalPadding = 8;
constexpr int LampTextGap = 7;
constexpr int PulseIntervalMs = 700;

} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_pulse(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_pulse->setInterval(PulseIntervalMs);
    connect(m_pulse, &QTimer::timeout, this, [this] {
        m_pulseDim = !m_pulseDim;
        update();
    });
    updateTexts();
}

void ConnectionIndicator::setState(State state, const QString &detail)
{
    const bool changed = state != m_state;
    m_state = state;
    m_detail = detail;
    m_pulseDim = false;
    if (isTransient()) {
        m_pulse->start();
    } else {
        m_pulse->stop();
    }
    updateTexts();
    updateGeometry();
    update();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

QString ConnectionIndicator::text() const
{
    return textFor(m_state);
}

QString ConnectionIndicator::textFor(State state)
{
    switch (state) {
    case State::Starting:
        return tr("Starting local database…");
    case State::Connecting:
        return tr("Connecting…");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting…");
    case State::Offline:
        return tr("Offline");
    case State::NeedsPassword:
        return tr("Password required");
    }
    return {};
}

QColor ConnectionIndicator::colorFor(State state)
{
    // Chosen to stay distinguishable on dark and light backgrounds; the word beside the lamp
    // carries the meaning for anyone who cannot tell them apart.
    switch (state) {
    case State::Starting:
    case State::Connecting:
        return QColor(0x3d, 0x8b, 0xd9); // blue: working on it
    case State::Connected:
        return QColor(0x2f, 0xb3, 0x5b); // green
    case State::Reconnecting:
        return QColor(0xf0, 0x9a, 0x1a); // amber: degraded, recovering by itself
    case State::Offline:
        return QColor(0xe0, 0x44, 0x44); // red
    case State::NeedsPassword:
        return QColor(0xb0, 0x6a, 0xe0); // violet: waiting for the operator
    }
    return {};
}

QSize ConnectionIndicator::sizeHint() const
{
    const QFontMetrics metrics(font());
    // Reserve room for the widest word so that the status bar does not jump between states.
    int widest = 0;
    for (const State state : {State::Starting,
                              State::Connecting,
                              State::Connected,
                              State::Reconnecting,
                              State::Offline,
                              State::NeedsPassword}) {
        widest = std::max(widest, metrics.horizontalAdvance(textFor(state)));
    }
    const int width = HorizontalPadding * 2 + LampDiameter + LampTextGap + widest;
    const int height = std::max(LampDiameter, metrics.height()) + 6;
    return {width, height};
}

QSize ConnectionIndicator::minimumSizeHint() const
{
    return sizeHint();
}

void ConnectionIndicator::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    QColor lamp = color();
    if (m_pulseDim) {
        lamp.setAlphaF(0.35);
    }
    const QRectF lampRect(
        HorizontalPadding, (height() - LampDiameter) / 2.0, LampDiameter, LampDiameter);
    // A soft halo makes the lamp readable at a glance from across a dark room.
    QColor halo = lamp;
    halo.setAlphaF(lamp.alphaF() * 0.3);
    painter.setPen(Qt::NoPen);
    painter.setBrush(halo);
    painter.drawEllipse(lampRect.adjusted(-2.5, -2.5, 2.5, 2.5));
    painter.setBrush(lamp);
    painter.drawEllipse(lampRect);

    painter.setPen(palette().color(QPalette::WindowText));
    const QRect textRect(HorizontalPadding + LampDiameter + LampTextGap,
                         0,
                         width() - HorizontalPadding * 2 - LampDiameter - LampTextGap,
                         height());
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text());
}

void ConnectionIndicator::updateTexts()
{
    const QString word = text();
    setAccessibleName(tr("Database: %1").arg(word));
    setToolTip(m_detail.isEmpty() ? tr("Database: %1").arg(word)
                                  : tr("Database: %1\n%2").arg(word, m_detail));
}

bool ConnectionIndicator::isTransient() const
{
    return m_state == State::Starting || m_state == State::Connecting
           || m_state == State::Reconnecting;
}

} // namespace infrasight::ui
