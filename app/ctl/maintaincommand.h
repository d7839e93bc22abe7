// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace infrasight::app {

/// Runs "infrasightctl maintain": the database's scheduled work, which must run whether or not a
/// console is open (DESIGN 4). Each round calls alarm_tick(): offline sensors raise their alarms,
/// aggregate and composite rules are evaluated, unacknowledged critical alarms escalate, shelved
/// alarms return, and reading partitions are created for the next 8 days. geofence_tick() then
/// evaluates the held points of vehicles that stopped reporting. With --retention it applies
/// reading_retention() (raw readings --raw-days, rollups --rollup-days) and
/// vehicle_position_retention() (positions and geofence events older than --raw-days).
///
/// arguments are the words after "maintain":
///   --every SECONDS         repeat every SECONDS until SIGINT/SIGTERM (default: one round)
///   --escalate-after MIN    minutes before an unacknowledged critical alarm escalates (15)
///   --retention             also drop raw readings older than --raw-days (30) and rollups older
///                           than --rollup-days (730)
///   --db CONN | --data-dir DIR  the database (an administrator's login), as CommandContext says
/// One line per round on stdout. Returns 0 when every round succeeded, 1 on a failure (a lost
/// connection while repeating is retried at the next round and reported on stderr), 2 on a usage
/// error. Blocks.
int runMaintainCommand(const QStringList &arguments);

} // namespace infrasight::app
