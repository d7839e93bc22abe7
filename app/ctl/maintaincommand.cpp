// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ctl/maintaincommand.h"

#include "app/ctl/commandcontext.h"
#include "data/pgconnection.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <csignal>

namespace infrasight::app {

namespace {

std::atomic_bool s_stop{false};

extern "C" void onStopSignal(int)
{
    s_stop.store(true);
}

struct Settings
{
    int escalateAfterMinutes = 15;
    bool retention = false;
    int rawDays = 30;
    int rollupDays = 730;
};

/// One round on an open connection; the line to print, or what failed.
Result<QString> runRound(data::PgConnection &db, const Settings &settings)
{
    auto tick = db.exec(QStringLiteral("SELECT raised, resolved, escalated, unshelved, partitions "
                                       "FROM alarm_tick(make_interval(mins => $1))"),
                        {settings.escalateAfterMinutes});
    if (!tick) {
        return tl::unexpected(tick.error());
    }
    QString line = QStringLiteral("%1 alarms: %2 raised, %3 resolved, %4 escalated, %5 unshelved; "
                                  "%6 partition(s) created")
                       .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                       .arg(tick->toInt(0, 0))
                       .arg(tick->toInt(0, 1))
                       .arg(tick->toInt(0, 2))
                       .arg(tick->toInt(0, 3))
                       .arg(tick->toInt(0, 4));
    // Points of vehicles that stopped reporting are still held for the late tolerance.
    auto fences = db.exec(QStringLiteral("SELECT geofence_tick()"));
    if (!fences) {
        return tl::unexpected(fences.error());
    }
    line += QStringLiteral("; geofences: %1 event(s)").arg(fences->toInt(0, 0));
    if (settings.retention) {
        auto kept
            = db.exec(QStringLiteral("SELECT object, action, row_count FROM reading_retention("
                                     "make_interval(days => $1), make_interval(days => $2))"),
                      {settings.rawDays, settings.rollupDays});
        if (!kept) {
            return tl::unexpected(kept.error());
        }
        QStringList done;
        for (int row = 0; row < kept->rowCount(); ++row) {
            done << QStringLiteral("%1 %2 (%3)")
                        .arg(kept->text(row, 0),
                             kept->text(row, 1),
                             kept->isNull(row, 2) ? QStringLiteral("?") : kept->text(row, 2));
        }
        auto tracks = db.exec(QStringLiteral("SELECT positions, events "
                                             "FROM vehicle_position_retention("
                                             "make_interval(days => $1))"),
                              {settings.rawDays});
        if (!tracks) {
            return tl::unexpected(tracks.error());
        }
        if (tracks->toInt(0, 0) > 0 || tracks->toInt(0, 1) > 0) {
            done << QStringLiteral("%1 vehicle position(s) and %2 geofence event(s) deleted")
                        .arg(tracks->toInt(0, 0))
                        .arg(tracks->toInt(0, 1));
        }
        line += QStringLiteral("; retention: %1")
                    .arg(done.isEmpty() ? QStringLiteral("nothing to remove")
                                        : done.join(QStringLiteral(", ")));
    }
    return line;
}

bool readPositive(const QCommandLineParser &parser, const QCommandLineOption &option, int &value)
{
    if (!parser.isSet(option)) {
        return true;
    }
    bool ok = false;
    value = parser.value(option).toInt(&ok);
    return ok && value > 0;
}

} // namespace

int runMaintainCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the database's scheduled work: offline, aggregate and composite "
        "alarm rules, escalation, unshelving, reading partitions ahead, the geofence "
        "points of vehicles that went quiet and, with --retention, the removal "
        "of old readings, vehicle positions and geofence events."));
    parser.addHelpOption();
    const QCommandLineOption everyOption(
        QStringLiteral("every"), QStringLiteral("Repeat every n seconds."), QStringLiteral("n"));
    const QCommandLineOption escalateOption(
        QStringLiteral("escalate-after"),
        QStringLiteral("Minutes before an unacknowledged critical alarm escalates (default 15)."),
        QStringLiteral("minutes"));
    const QCommandLineOption retentionOption(QStringLiteral("retention"),
                                             QStringLiteral("Also remove old readings."));
    const QCommandLineOption rawOption(
        QStringLiteral("raw-days"),
        QStringLiteral("Days of raw readings, vehicle positions and geofence "
                       "events kept (default 30)."),
        QStringLiteral("days"));
    const QCommandLineOption rollupOption(
        QStringLiteral("rollup-days"),
        QStringLiteral("Days of 1-minute and 1-hour rollups kept (default 730)."),
        QStringLiteral("days"));
    parser.addOptions({everyOption, escalateOption, retentionOption, rawOption, rollupOption});
    if (const auto done
        = CommandContext::parseDatabaseCommand(parser, QStringLiteral("maintain"), arguments)) {
        return *done;
    }
    QTextStream err(stderr);
    QTextStream out(stdout);
    Settings settings;
    settings.retention = parser.isSet(retentionOption);
    int everySeconds = 0;
    if (!readPositive(parser, everyOption, everySeconds)
        || !readPositive(parser, escalateOption, settings.escalateAfterMinutes)
        || !readPositive(parser, rawOption, settings.rawDays)
        || !readPositive(parser, rollupOption, settings.rollupDays)) {
        err << "--every, --escalate-after, --raw-days and --rollup-days need a positive number"
            << Qt::endl;
        return int(ExitCode::Usage);
    }

    const CommandContext context(parser);
    auto connection = context.connect();
    if (!connection) {
        return CommandContext::reportError(connection.error());
    }
    std::unique_ptr<data::PgConnection> db = std::move(*connection);
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    bool failed = false;
    while (true) {
        if (!db) {
            // The server went away in an earlier round: try again, as a timer job would.
            if (auto again = context.connect(); again) {
                db = std::move(*again);
            } else {
                CommandContext::reportError(again.error());
            }
        }
        if (db) {
            const Result<QString> round = runRound(*db, settings);
            if (round) {
                out << *round << Qt::endl;
            } else {
                failed = true;
                CommandContext::reportError(round.error());
                if (round.error().code == ErrorCode::Connection) {
                    db.reset();
                }
            }
        }
        if (everySeconds == 0) {
            return failed ? int(ExitCode::Failure) : int(ExitCode::Success);
        }
        QDeadlineTimer next(qint64(everySeconds) * 1000);
        while (!next.hasExpired() && !s_stop.load()) {
            QThread::msleep(100);
        }
        if (s_stop.load()) {
            return failed ? int(ExitCode::Failure) : int(ExitCode::Success);
        }
    }
}

} // namespace infrasight::app
