// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace infrasight::app {

/// Runs "infrasightctl simulate": writes realistic readings for every sensor of the database
/// (data::ReadingSimulator: daily and weekly cycles, noise, drift, spikes, dropouts) at a chosen
/// rate, through the same batched path as ingest, so the alarm rules evaluate them as they would
/// a real feed.
///
/// arguments are the words after "simulate":
///   --rate R          readings per second in all (default 1000)
///   --duration S      stop after S seconds (default: run until SIGINT/SIGTERM)
///   --seed N          the simulation's random seed (default 1)
///   --db CONN | --data-dir DIR  the database, as CommandContext resolves it
/// Prints a line every 10 s and a summary at the end. Returns 0, 1 on a failure, 2 on a usage
/// error. Blocks.
int runSimulateCommand(const QStringList &arguments);

} // namespace infrasight::app
