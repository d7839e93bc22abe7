// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <vector>

namespace infrasight::tests {

/// The value below which `fraction` (0..1) of the values lie (nearest rank); 0 for none.
double percentile(std::vector<double> values, double fraction);

/// The positive numbers of a comma-separated option ("10000,100000,1000000").
QList<qint64> parseCounts(const QString &text);

} // namespace infrasight::tests
