// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/charts/trendchartview.h"

#include "models/timeseriesmodel.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace infrasight::ui {

namespace {

const QColor WarningBand(0xf0, 0xa0, 0x20, 40);
const QColor CriticalBand(0xd0, 0x21, 0x21, 40);

bool isSet(double limit)
{
    return !std::isnan(limit);
}

} // namespace

TrendChartView::TrendChartView(models::TimeSeriesModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
    , m_timeAxis(new QDateTimeAxis(this))
    , m_valueAxis(new QValueAxis(this))
{
    Q_ASSERT(model);
    // TECH_NOTES 3.3: no animation, no points, no legend (the table above the charts is the
    // legend), fixed axis ranges set once per redraw.
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    chart->setBackgroundVisible(false); // the view draws the limit bands behind the lines
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_timeAxis->setTickCount(5);
    m_valueAxis->setTickCount(5);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setGridLineColor(palette().color(QPalette::Mid));
        axis->setLinePenColor(palette().color(QPalette::Mid));
        axis->setTitleBrush(palette().color(QPalette::Text));
    }
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    setChart(chart);
    setBackgroundBrush(palette().color(QPalette::Base));
    setRenderHint(QPainter::Antialiasing, true);
    setMinimumHeight(150);
    setMouseTracking(true);
    connect(
        model, &models::TimeSeriesModel::cursorTimeChanged, this, [this] { viewport()->update(); });
    // The value axis's labels take their width from the range a redraw sets, so the plot can
    // narrow after the series were decimated for it: decimate again for the new width, or a
    // series would hold more than two points per pixel column.
    // Queued: the area changes while a redraw sets the axes, and settles after it.
    connect(
        chart,
        &QChart::plotAreaChanged,
        this,
        [this] {
            if (m_toMs > m_fromMs && plotColumns() != m_drawnColumns) {
                redraw(m_fromMs, m_toMs);
            }
        },
        Qt::QueuedConnection);
}

TrendChartView::~TrendChartView() = default;

void TrendChartView::setSensors(const QList<qint64> &sensorIds, const QString &unit)
{
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!sensorIds.contains(it.key())) {
            chart()->removeSeries(it.value());
            delete it.value();
            it = m_series.erase(it);
        } else {
            ++it;
        }
    }
    for (qint64 id : sensorIds) {
        if (m_series.contains(id)) {
            continue;
        }
        auto *line = new QLineSeries;
        line->setPointsVisible(false);
        chart()->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
        m_series.insert(id, line);
    }
    m_sensorIds = sensorIds;
    m_valueAxis->setTitleText(unit);
}

int TrendChartView::plotColumns() const
{
    return std::max(1, int(std::ceil(chart()->plotArea().width())));
}

qsizetype TrendChartView::largestSeriesSize() const
{
    qsizetype largest = 0;
    for (const QLineSeries *line : m_series) {
        largest = std::max<qsizetype>(largest, line->count());
    }
    return largest;
}

void TrendChartView::redraw(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    const int columns = plotColumns();
    m_drawnColumns = columns;
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    QList<QPair<QLineSeries *, QList<QPointF>>> lines;
    for (qint64 id : std::as_const(m_sensorIds)) {
        const int row = m_model->rowOf(id);
        QLineSeries *line = m_series.value(id);
        if (row < 0 || line == nullptr) {
            continue;
        }
        if (line->pen().color() != m_model->colour(row)) {
            // A cosmetic pen one pixel wide takes the raster engine's fast line stroker instead
            // of the general one QtCharts' default 2 px pen needs (a quarter of a redraw's time).
            QPen pen(m_model->colour(row), 1.0);
            pen.setCosmetic(true);
            line->setPen(pen);
        }
        const std::vector<QPointF> points
            = m_model->pointsToDraw(row, double(fromMs), double(toMs), columns);
        for (const QPointF &p : points) {
            if (!std::isnan(p.y())) {
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
        }
        lines.append({line, QList<QPointF>(points.begin(), points.end())});
    }
    // QtCharts rebuilds a series' whole path (and its hover outline) on every change of its
    // points and on every change of an axis range. Emptied first, the series make the axis
    // changes cheap, and each series is then built once, for its new points.
    for (const auto &[line, points] : std::as_const(lines)) {
        line->clear();
    }
    const qint64 span = toMs - fromMs;
    m_timeAxis->setFormat(span <= 3'600'000    ? QStringLiteral("HH:mm:ss")
                          : span <= 86'400'000 ? QStringLiteral("HH:mm")
                                               : QStringLiteral("ddd HH:mm"));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(toMs));
    updateValueAxis(low, high);
    for (const auto &[line, points] : std::as_const(lines)) {
        line->replace(points);
    }
    viewport()->update();
}

void TrendChartView::updateValueAxis(double low, double high)
{
    if (!std::isfinite(low)) {
        low = 0.0;
        high = 1.0;
    }
    // The limits near the data are in sight, so the bands tell how close it runs to them.
    const double span = std::max(high - low, std::abs(high) * 0.01 + 1e-9);
    for (qint64 id : std::as_const(m_sensorIds)) {
        const int row = m_model->rowOf(id);
        if (row < 0) {
            continue;
        }
        const data::SensorChartInfo &info = m_model->info(row);
        for (double limit : {info.warnLow, info.warnHigh, info.critLow, info.critHigh}) {
            if (isSet(limit) && limit > low - span && limit < high + span) {
                low = std::min(low, limit);
                high = std::max(high, limit);
            }
        }
    }
    const double margin = std::max(high - low, 1e-9) * 0.05;
    m_valueAxis->setRange(low - margin, high + margin);
    m_valueAxis->applyNiceNumbers();
}

QPointF TrendChartView::toScene(double timeMs, double value) const
{
    if (m_series.isEmpty()) {
        return {};
    }
    return chart()->mapToScene(
        chart()->mapToPosition(QPointF(timeMs, value), m_series.cbegin().value()));
}

void TrendChartView::drawBand(QPainter *painter, double from, double to, const QColor &colour) const
{
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    const double y0 = toScene(double(m_fromMs), from).y();
    const double y1 = toScene(double(m_fromMs), to).y();
    const QRectF band
        = QRectF(QPointF(plot.left(), std::min(y0, y1)), QPointF(plot.right(), std::max(y0, y1)))
              .intersected(plot);
    if (!band.isEmpty()) {
        painter->fillRect(band, colour);
    }
}

void TrendChartView::drawBackground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawBackground(painter, rect);
    if (m_series.isEmpty() || m_toMs <= m_fromMs) {
        return;
    }
    // Far beyond the axis: the band reaches the plot's edge (the rectangle is clipped to it).
    const double far = std::abs(m_valueAxis->max() - m_valueAxis->min()) * 1e3
                       + std::abs(m_valueAxis->max()) + std::abs(m_valueAxis->min());
    QList<QList<double>> drawn; // sensors of one kind share their limits: draw them once
    for (qint64 id : std::as_const(m_sensorIds)) {
        const int row = m_model->rowOf(id);
        if (row < 0) {
            continue;
        }
        const data::SensorChartInfo &info = m_model->info(row);
        const QList<double> limits{info.warnLow, info.warnHigh, info.critLow, info.critHigh};
        if (std::any_of(drawn.cbegin(), drawn.cend(), [&](const QList<double> &other) {
                return std::equal(
                    limits.cbegin(), limits.cend(), other.cbegin(), [](double a, double b) {
                        return a == b || (std::isnan(a) && std::isnan(b));
                    });
            })) {
            continue;
        }
        drawn.append(limits);
        const double top = m_valueAxis->max() + far;
        const double bottom = m_valueAxis->min() - far;
        if (isSet(info.critHigh)) {
            drawBand(painter, info.critHigh, top, CriticalBand);
        }
        if (isSet(info.warnHigh)) {
            drawBand(
                painter, info.warnHigh, isSet(info.critHigh) ? info.critHigh : top, WarningBand);
        }
        if (isSet(info.critLow)) {
            drawBand(painter, bottom, info.critLow, CriticalBand);
        }
        if (isSet(info.warnLow)) {
            drawBand(
                painter, isSet(info.critLow) ? info.critLow : bottom, info.warnLow, WarningBand);
        }
    }
}

void TrendChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    const qint64 cursor = m_model->cursorTime();
    if (cursor < m_fromMs || cursor > m_toMs || m_series.isEmpty()) {
        return;
    }
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    const double x = toScene(double(cursor), 0.0).x();
    painter->save();
    painter->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    // The time and each sensor's value at the cursor, in a box beside the line.
    QStringList lines{
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(cursor), QStringLiteral("HH:mm:ss"))};
    QList<QColor> colours{palette().color(QPalette::Text)};
    for (qint64 id : std::as_const(m_sensorIds)) {
        const int row = m_model->rowOf(id);
        if (row < 0) {
            continue;
        }
        const std::optional<QPointF> value = m_model->valueAt(row, cursor);
        if (!value || value->x() < double(m_fromMs)) {
            continue;
        }
        const QPointF dot = toScene(value->x(), value->y());
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_model->colour(row));
        painter->drawEllipse(dot, 3.5, 3.5);
        lines.append(QStringLiteral("%1: %2").arg(m_model->info(row).code,
                                                  QLocale().toString(value->y(), 'g', 5)));
        colours.append(m_model->colour(row));
    }
    const QFontMetrics metrics(font());
    double width = 0.0;
    for (const QString &line : std::as_const(lines)) {
        width = std::max(width, double(metrics.horizontalAdvance(line)));
    }
    const double height = double(metrics.height()) * double(lines.size());
    QRectF box(x + 8.0, plot.top() + 4.0, width + 8.0, height + 4.0);
    if (box.right() > plot.right()) {
        box.moveRight(x - 8.0);
    }
    painter->setPen(palette().color(QPalette::Mid));
    QColor fill = palette().color(QPalette::Base);
    fill.setAlpha(220);
    painter->setBrush(fill);
    painter->drawRect(box);
    painter->setFont(font());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        painter->setPen(colours.at(i));
        painter->drawText(
            QPointF(box.left() + 4.0,
                    box.top() + 2.0 + double(metrics.ascent()) + double(i * metrics.height())),
            lines.at(i));
    }
    painter->restore();
}

void TrendChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    Q_EMIT resized();
}

void TrendChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF inChart = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (!chart()->plotArea().contains(inChart) || m_series.isEmpty()) {
        m_model->setCursorTime(0);
        return;
    }
    const QPointF value = chart()->mapToValue(inChart, m_series.cbegin().value());
    m_model->setCursorTime(qint64(value.x()));
}

void TrendChartView::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    m_model->setCursorTime(0);
}

} // namespace infrasight::ui
