// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the map canvas. (1) Time from start to the first complete frame from an MBTiles
// file (opening the file, reading and decoding every visible tile, composing, painting).
// (2) Pan frame time with a full screen of cached tiles: a drag moves the map a few pixels per
// frame and the canvas is rendered into an image each time (median and 95th percentile).
// (3) A settled view and a wheel zoom: the frame, how long the GUI thread is busy until the
// recomposition (made on a worker thread) is shown, and how long that takes on the clock.
// Usage: bench_canvas [--mbtiles FILE] [--zoom Z] [--width W] [--height H] [--frames N]
//        (defaults: a Monaco-sized file made in a temporary directory, zoom 15, 1920x1080,
//        300 frames). Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "gis/core/mercator.h"
#include "ui/render/mbtilessource.h"
#include "ui/render/mbtileswriter.h"
#include "ui/render/tilelayer.h"
#include "ui/widgets/mapcanvas.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

const gis::LonLat Monaco{7.4236, 43.7350};

/// A tile that costs what a real one costs to decode: streets-like lines on a land colour.
QByteArray tilePng(const gis::TileKey &key)
{
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(QColor(0xf2, 0xef, 0xe9));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 6));
    for (int i = 0; i < 6; ++i) {
        const int offset = (key.x() * 31 + key.y() * 17 + i * 43) % 256;
        painter.drawLine(0, offset, 256, (offset * 7) % 256);
        painter.drawLine(offset, 0, (offset * 3) % 256, 256);
    }
    painter.setPen(QColor(0x33, 0x33, 0x33));
    painter.drawText(QRect(0, 0, 256, 256),
                     Qt::AlignCenter,
                     u"%1/%2/%3"_s.arg(key.z()).arg(key.x()).arg(key.y()));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

/// An MBTiles file around Monaco with every tile a width x height view at zooms z-1..z+1 needs.
bool makeMbtiles(const QString &path, int zoom, QSize size, QTextStream &out)
{
    auto writer = render::MbtilesWriter::open(path);
    if (!writer) {
        out << "cannot create " << path << ": " << writer.error().toString() << Qt::endl;
        return false;
    }
    render::MbtilesMetadata metadata;
    metadata.name = u"bench"_s;
    metadata.minZoom = std::max(0, zoom - 1);
    metadata.maxZoom = zoom + 1;
    metadata.bounds = gis::GeoBounds(7.2, 43.6, 7.6, 43.9);
    if (!(*writer)->writeMetadata(metadata)) {
        return false;
    }
    for (int z = metadata.minZoom; z <= metadata.maxZoom; ++z) {
        const render::MapViewport view(gis::lonLatToMercatorMeters(Monaco), z, size * 2);
        std::vector<std::pair<gis::TileKey, QByteArray>> tiles;
        for (const gis::TileKey &key : view.visibleTiles(0, 20)) {
            tiles.emplace_back(key, tilePng(key));
        }
        if (!(*writer)->writeTiles(tiles)) {
            return false;
        }
    }
    return true;
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(
        std::min<double>(values.size() - 1, std::floor(fraction * values.size())));
    return values[index];
}

void sendMouse(QWidget *widget, QEvent::Type type, QPointF position, Qt::MouseButtons buttons)
{
    QMouseEvent event(type,
                      position,
                      widget->mapToGlobal(position),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                      buttons,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

/// How long the GUI thread was busy until canvas showed the newest recomposition, and how long
/// that took on the clock (both ms). The wait itself sleeps, so only event handling counts.
struct Settle
{
    double busyMs = 0.0;
    double wallMs = 0.0;
};

Settle waitForComposition(const ui::MapCanvas &canvas)
{
    Settle settle;
    QElapsedTimer wall;
    wall.start();
    while ((canvas.isRendering() || canvas.composedGeneration() != canvas.generation())
           && wall.elapsed() < 10000) {
        QElapsedTimer busy;
        busy.start();
        QCoreApplication::processEvents();
        settle.busyMs += double(busy.nsecsElapsed()) / 1e6;
        QThread::usleep(100);
    }
    settle.wallMs = double(wall.nsecsElapsed()) / 1e6;
    return settle;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption mbtilesOption(
        u"mbtiles"_s, u"MBTiles file to show (default: made here)."_s, u"file"_s);
    const QCommandLineOption zoomOption(u"zoom"_s, u"Zoom level."_s, u"z"_s, u"15"_s);
    const QCommandLineOption widthOption(u"width"_s, u"Canvas width."_s, u"px"_s, u"1920"_s);
    const QCommandLineOption heightOption(u"height"_s, u"Canvas height."_s, u"px"_s, u"1080"_s);
    const QCommandLineOption framesOption(u"frames"_s, u"Pan frames."_s, u"n"_s, u"300"_s);
    parser.addOptions({mbtilesOption, zoomOption, widthOption, heightOption, framesOption});
    parser.process(app);
    const int zoom = std::clamp(parser.value(zoomOption).toInt(), 1, 19);
    const QSize size(std::max(64, parser.value(widthOption).toInt()),
                     std::max(64, parser.value(heightOption).toInt()));
    const int frames = std::max(1, parser.value(framesOption).toInt());
    QTextStream out(stdout);

    QTemporaryDir dir;
    QString path = parser.value(mbtilesOption);
    if (path.isEmpty()) {
        path = dir.filePath(u"bench.mbtiles"_s);
        if (!makeMbtiles(path, zoom, size, out)) {
            return 1;
        }
    }

    // (1) Start to first complete frame.
    QElapsedTimer start;
    start.start();
    ui::MapCanvas canvas;
    canvas.resize(size);
    canvas.show();
    auto source = render::MbTilesSource::open(path);
    if (!source) {
        out << "cannot open " << path << ": " << source.error().toString() << Qt::endl;
        return 1;
    }
    gis::LonLat centre = Monaco;
    if (const auto bounds = (*source)->info().bounds; parser.isSet(mbtilesOption) && bounds) {
        centre = {(bounds->westDeg() + bounds->eastDeg()) / 2,
                  (bounds->southDeg() + bounds->northDeg()) / 2};
    }
    canvas.setSource(std::move(*source), ui::MapCanvas::offlineSourceLabel());
    canvas.setViewport(render::MapViewport(gis::lonLatToMercatorMeters(centre), zoom, size, 1.0));
    QImage frame(size, QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer deadline;
    deadline.start();
    // Complete: every visible tile arrived and the composition after the last one is shown.
    while ((canvas.tileLayer()->pendingCount() > 0 || canvas.isRendering()
            || canvas.composedGeneration() == 0)
           && deadline.elapsed() < 60000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    canvas.render(&frame);
    const double firstFrameMs = double(start.nsecsElapsed()) / 1e6;
    const int visible = static_cast<int>(canvas.viewport().visibleTiles().size());
    if (canvas.tileLayer()->pendingCount() > 0) {
        out << "tiles still missing after 60 s: " << canvas.tileLayer()->pendingCount() << Qt::endl;
        return 1;
    }

    // (2) Pan frames: a drag a few pixels per frame, back and forth, over cached tiles.
    std::vector<double> times;
    times.reserve(size_t(frames));
    QPointF position(size.width() / 2.0, size.height() / 2.0);
    sendMouse(&canvas, QEvent::MouseButtonPress, position, Qt::LeftButton);
    for (int i = 0; i < frames; ++i) {
        const double direction = (i / 40) % 2 == 0 ? 1.0 : -1.0;
        position += QPointF(3.0 * direction, 2.0 * direction);
        QElapsedTimer timer;
        timer.start();
        sendMouse(&canvas, QEvent::MouseMove, position, Qt::LeftButton);
        QCoreApplication::processEvents(); // the coalesced tile request
        canvas.render(&frame);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    // The settled view: the release arms the recomposition; the GUI thread only takes the
    // snapshot, starts the job, takes its image and paints it.
    QElapsedTimer settleClock;
    settleClock.start();
    sendMouse(&canvas, QEvent::MouseButtonRelease, position, Qt::NoButton);
    QCoreApplication::processEvents(); // the zero timer: snapshot, job started
    canvas.render(&frame);
    const double settleMs = double(settleClock.nsecsElapsed()) / 1e6;
    const Settle settled = waitForComposition(canvas);
    QElapsedTimer settledFrame;
    settledFrame.start();
    canvas.render(&frame);
    const double settledFrameMs = double(settledFrame.nsecsElapsed()) / 1e6;
    // Wheel zoom by half a level: the first frame scales the old image, the recomposition
    // at a fractional zoom draws every tile smooth-scaled.
    std::vector<double> zoomTimes;
    std::vector<double> zoomBusy;
    std::vector<double> zoomEvents; ///< the wheel event and the zero timer, without painting
    std::vector<double> zoomWall;
    for (int i = 0; i < 10; ++i) {
        const QPointF at(size.width() * 0.4, size.height() * 0.6);
        QWheelEvent wheel(at,
                          canvas.mapToGlobal(at),
                          QPoint(),
                          QPoint(0, i % 2 == 0 ? 60 : -60),
                          Qt::NoButton,
                          Qt::NoModifier,
                          Qt::NoScrollPhase,
                          false);
        QElapsedTimer timer;
        timer.start();
        QCoreApplication::sendEvent(&canvas, &wheel);
        QCoreApplication::processEvents();
        zoomEvents.push_back(double(timer.nsecsElapsed()) / 1e6);
        canvas.render(&frame);
        zoomTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        const Settle zoomed = waitForComposition(canvas);
        QElapsedTimer frameTimer;
        frameTimer.start();
        canvas.render(&frame);
        zoomBusy.push_back(zoomTimes.back() + zoomed.busyMs
                           + double(frameTimer.nsecsElapsed()) / 1e6);
        zoomWall.push_back(double(timer.nsecsElapsed()) / 1e6);
    }

    // What the GUI thread does for a recomposition besides painting: the snapshot.
    QElapsedTimer snapshotClock;
    snapshotClock.start();
    for (int i = 0; i < 100; ++i) {
        const render::TileLayer::Snapshot snapshot
            = canvas.tileLayer()->snapshot(canvas.viewport());
        Q_UNUSED(snapshot);
    }
    const double snapshotMs = double(snapshotClock.nsecsElapsed()) / 1e6 / 100;

    out << "canvas " << size.width() << "x" << size.height() << " at zoom " << zoom << ", "
        << visible << " visible tiles, " << path << Qt::endl;
    out << "first complete frame from MBTiles: " << QString::number(firstFrameMs, 'f', 1) << " ms"
        << Qt::endl;
    out << "pan frame (" << frames << " frames): median "
        << QString::number(percentile(times, 0.5), 'f', 2) << " ms, p95 "
        << QString::number(percentile(times, 0.95), 'f', 2) << " ms, max "
        << QString::number(percentile(times, 1.0), 'f', 2) << " ms" << Qt::endl;
    out << "settled view: release frame " << QString::number(settleMs, 'f', 2)
        << " ms; recomposition shown after " << QString::number(settled.wallMs, 'f', 2)
        << " ms (off the GUI thread), GUI thread busy meanwhile "
        << QString::number(settled.busyMs, 'f', 2) << " ms; composed frame "
        << QString::number(settledFrameMs, 'f', 2) << " ms" << Qt::endl;
    out << "snapshot of the view (taken on the GUI thread per recomposition): "
        << QString::number(snapshotMs, 'f', 3) << " ms" << Qt::endl;
    out << "wheel zoom frame (half a level, old image scaled): median "
        << QString::number(percentile(zoomTimes, 0.5), 'f', 2) << " ms, max "
        << QString::number(percentile(zoomTimes, 1.0), 'f', 2) << " ms" << Qt::endl;
    out << "  of which the wheel event and the events it queues (a repaint of the widget, the zero "
           "timer: snapshot, job started): median "
        << QString::number(percentile(zoomEvents, 0.5), 'f', 2) << " ms, max "
        << QString::number(percentile(zoomEvents, 1.0), 'f', 2) << " ms" << Qt::endl;
    out << "wheel zoom to the recomposed frame (fractional zoom, composed off the GUI thread): "
           "median "
        << QString::number(percentile(zoomWall, 0.5), 'f', 2) << " ms, GUI thread busy median "
        << QString::number(percentile(zoomBusy, 0.5), 'f', 2) << " ms, max "
        << QString::number(percentile(zoomBusy, 1.0), 'f', 2) << " ms" << Qt::endl;
    return 0;
}
