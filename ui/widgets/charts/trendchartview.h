// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QHash>
#include <QList>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace infrasight::models {
class TimeSeriesModel;
}

namespace infrasight::ui {

/// One live chart: the sensors of one unit from a TimeSeriesModel, each a line in its colour,
/// with their warning and critical limits drawn as bands behind the lines and the shared time
/// cursor (a vertical line with each sensor's value there) in front. The view does not follow
/// the clock by itself: redraw() hands every series the model's decimated points for the plot
/// area's width (never more than two per pixel column) in one replace() each, as TECH_NOTES 3
/// measured to be the cheap way. Moving the mouse over the plot sets the model's cursor time.
/// The model is borrowed and must outlive the view. GUI thread only.
class TrendChartView : public QChartView
{
    Q_OBJECT

public:
    explicit TrendChartView(models::TimeSeriesModel *model, QWidget *parent = nullptr);
    ~TrendChartView() override;

    /// The sensors this chart draws (their unit is the y axis's title).
    void setSensors(const QList<qint64> &sensorIds, const QString &unit);

    QList<qint64> sensors() const { return m_sensorIds; }

    /// Draws the time span [fromMs, toMs) again from the model.
    void redraw(qint64 fromMs, qint64 toMs);

    /// The plot area's width in pixels: the number of columns points are decimated to.
    int plotColumns() const;

    /// The most points any of the chart's series holds now.
    qsizetype largestSeriesSize() const;

    QLineSeries *series(qint64 sensorId) const { return m_series.value(sensorId); }

Q_SIGNALS:
    /// The plot area changed size: the points need decimating to its new width.
    void resized();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    /// Value (x: ms, y) to scene coordinates.
    QPointF toScene(double timeMs, double value) const;
    void drawBand(QPainter *painter, double from, double to, const QColor &colour) const;
    void updateValueAxis(double low, double high);

    models::TimeSeriesModel *m_model = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QList<qint64> m_sensorIds;
    QHash<qint64, QLineSeries *> m_series;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_drawnColumns = 0; ///< the plot's width in pixel columns at the last redraw
};

} // namespace infrasight::ui
