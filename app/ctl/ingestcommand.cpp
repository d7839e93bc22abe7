// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ctl/ingestcommand.h"

#include "app/ctl/commandcontext.h"
#include "data/ingest/readingingester.h"
#include "data/ingest/readingparser.h"
#include "data/pgconnection.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <cstdio>

#include <poll.h>
#include <unistd.h>

namespace infrasight::app {

namespace {

/// A live feed's readings wait at most this long for their batch to fill: a feed that pauses
/// or trickles has its readings, and their alarms, in the database within this time.
constexpr qint64 MaxWaitMs = 250;

/// True when a line can be read from input now or within timeoutMs (or the input ended or
/// failed: readLine() then says so); false when nothing came meanwhile.
bool lineArrives(QFile &input, int timeoutMs)
{
    if (input.canReadLine()) {
        return true;
    }
    pollfd watched{input.handle(), POLLIN, 0};
    return ::poll(&watched, 1, timeoutMs) != 0;
}

} // namespace

int runIngestCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Stores sensor readings read from standard input: JSON lines "
                       "({\"sensor\":\"WP-0001\",\"time\":\"2026-12-02T10:15:00+01:00\","
                       "\"value\":4.2,\"unit\":\"bar\"}) or CSV (sensor,time,value[,unit]). "
                       "Bad lines are reported with their number and skipped."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("auto (default), jsonl or csv."),
                                          QStringLiteral("format"),
                                          QStringLiteral("auto"));
    const QCommandLineOption fileOption(QStringLiteral("file"),
                                        QStringLiteral("Read this file instead of standard input."),
                                        QStringLiteral("file"));
    parser.addOptions({formatOption, fileOption});
    if (const auto done
        = CommandContext::parseDatabaseCommand(parser, QStringLiteral("ingest"), arguments)) {
        return *done;
    }
    QTextStream err(stderr);
    QTextStream out(stdout);
    const QString formatName = parser.value(formatOption);
    data::ReadingParser::Format format = data::ReadingParser::Format::Auto;
    if (formatName == u"jsonl" || formatName == u"json") {
        format = data::ReadingParser::Format::JsonLines;
    } else if (formatName == u"csv") {
        format = data::ReadingParser::Format::Csv;
    } else if (formatName != u"auto") {
        err << "--format must be auto, jsonl or csv" << Qt::endl;
        return int(ExitCode::Usage);
    }

    QFile input;
    if (parser.isSet(fileOption)) {
        input.setFileName(parser.value(fileOption));
        if (!input.open(QIODevice::ReadOnly)) {
            return CommandContext::reportError(
                fail(
                    ErrorCode::Io,
                    QStringLiteral("cannot read %1: %2").arg(input.fileName(), input.errorString()))
                    .value());
        }
    } else if (!input.open(STDIN_FILENO, QIODevice::ReadOnly)) {
        return CommandContext::reportError(
            fail(ErrorCode::Io, QStringLiteral("cannot read standard input")).value());
    }

    const CommandContext context(parser);
    auto connection = context.connect();
    if (!connection) {
        return CommandContext::reportError(connection.error());
    }
    data::ReadingIngester ingester(**connection);
    if (auto prepared = ingester.prepare(); !prepared) {
        return CommandContext::reportError(prepared.error());
    }

    data::ReadingParser lines(format);
    QElapsedTimer timer;
    timer.start();
    qint64 lineNumber = 0;
    qint64 badLines = 0;
    // A pipe from a live feed: a reading waits at most MaxWaitMs for its batch to fill, so its
    // alarms do not wait for a full batch. A file is read to its end in full batches.
    const bool live = input.isSequential();
    QElapsedTimer oldestQueued;
    for (;;) {
        if (live && ingester.queued() > 0) {
            const qint64 left = MaxWaitMs - oldestQueued.elapsed();
            if (left <= 0 || !lineArrives(input, int(left))) {
                if (auto flushed = ingester.flush(); !flushed) {
                    return CommandContext::reportError(flushed.error());
                }
                continue;
            }
        }
        QByteArray line = input.readLine();
        if (line.isEmpty()) {
            break; // the end of the input (an empty line still holds its newline)
        }
        ++lineNumber;
        if (line.endsWith('\n')) {
            line.chop(line.endsWith("\r\n") ? 2 : 1);
        }
        const auto parsed = lines.parseLine(line);
        Result<void> added;
        if (!parsed) {
            added = tl::unexpected(parsed.error());
        } else if (parsed->has_value()) {
            const bool wasEmpty = ingester.queued() == 0;
            added = ingester.add(**parsed);
            if (wasEmpty && ingester.queued() > 0) {
                oldestQueued.start();
            }
        }
        if (!added && added.error().code == ErrorCode::InvalidArgument) {
            ++badLines;
            err << "line " << lineNumber << ": " << added.error().message << Qt::endl;
        } else if (!added) {
            return CommandContext::reportError(added.error());
        }
    }
    if (auto flushed = ingester.flush(); !flushed) {
        return CommandContext::reportError(flushed.error());
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    out << QStringLiteral("%1 line(s) read: %2 reading(s) stored, %3 duplicate(s) dropped, "
                          "%4 bad line(s), in %5 s")
               .arg(lineNumber)
               .arg(ingester.stored())
               .arg(ingester.duplicates())
               .arg(badLines)
               .arg(seconds, 0, 'f', 2)
        << Qt::endl;
    return badLines > 0 ? int(ExitCode::BadInput) : int(ExitCode::Success);
}

} // namespace infrasight::app
