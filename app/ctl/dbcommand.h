// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace infrasight::app {

/// `infrasightctl db start|stop|status|migrate|url [options]`. arguments are the words after
/// "db". Prints results to stdout and one-line errors to stderr; returns an ExitCode value.
/// Blocks while the server works (command-line use only).
int runDbCommand(const QStringList &arguments);

/// The usage text of the db command, for `infrasightctl db --help` and usage errors.
QString dbCommandUsage();

} // namespace infrasight::app
