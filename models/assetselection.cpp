// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/assetselection.h"

#include <algorithm>

namespace infrasight::models {

AssetSelection::AssetSelection(QObject *parent)
    : QObject(parent)
{}

void AssetSelection::select(const QList<qint64> &ids, Mode mode)
{
    const QSet<qint64> given(ids.cbegin(), ids.cend());
    QSet<qint64> next;
    switch (mode) {
    case Mode::Replace:
        next = given;
        break;
    case Mode::Add:
        next = m_ids;
        next.unite(given);
        break;
    case Mode::Toggle:
        next = m_ids;
        // Each distinct id flips once, even if the list names it twice (a rectangle and a
        // polygon hit can both report an asset).
        for (const qint64 id : given) {
            if (!next.remove(id)) {
                next.insert(id);
            }
        }
        break;
    case Mode::Remove:
        next = m_ids;
        next.subtract(given);
        break;
    }
    if (next == m_ids) {
        return;
    }
    m_ids = std::move(next);
    Q_EMIT changed();
}

void AssetSelection::clear()
{
    if (m_ids.isEmpty()) {
        return;
    }
    m_ids.clear();
    Q_EMIT changed();
}

QList<qint64> AssetSelection::sortedIds() const
{
    QList<qint64> ids(m_ids.cbegin(), m_ids.cend());
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace infrasight::models
