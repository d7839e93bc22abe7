// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace infrasight::app {

/// Runs "infrasightctl ingest": reads sensor readings, one per line, from standard input (or
/// --file) as JSON lines or CSV (data::ReadingParser), converts each value to its sensor's unit
/// and stores them in batches (data::ReadingIngester), where the database's rules evaluate them.
/// Every good line is kept; each bad line is reported on stderr as "line N: reason" and the run
/// goes on. A summary goes to stdout.
///
/// arguments are the words after "ingest":
///   --format auto|jsonl|csv   the input's format (default auto: JSON if it starts with '{')
///   --file FILE               read FILE instead of standard input
///   --db CONN | --data-dir DIR  the database, as CommandContext resolves it
/// Returns the exit code: 0 every line was good, 4 some lines were bad (the good ones are
/// stored), 1 failure (database, unreadable input; nothing of the current batch is stored),
/// 2 usage error. Blocks until the input ends.
int runIngestCommand(const QStringList &arguments);

} // namespace infrasight::app
