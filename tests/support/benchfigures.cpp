// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/benchfigures.h"

#include <algorithm>

namespace infrasight::tests {

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const auto index = size_t(fraction * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

QList<qint64> parseCounts(const QString &text)
{
    QList<qint64> counts;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (const qint64 n = part.trimmed().toLongLong(); n > 0) {
            counts.append(n);
        }
    }
    return counts;
}

} // namespace infrasight::tests
