// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QSet>

namespace infrasight::models {

/// The selected assets (by id), shared by the map, the attribute table and the details panel.
/// GUI thread only.
class AssetSelection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetSelection)

public:
    enum class Mode {
        Replace, ///< the selection becomes ids
        Add,     ///< ids are added (Shift)
        Toggle,  ///< each id flips (Ctrl)
        Remove,  ///< ids are removed
    };

    explicit AssetSelection(QObject *parent = nullptr);

    /// Emits changed() only when the set really changed.
    void select(const QList<qint64> &ids, Mode mode = Mode::Replace);
    void clear();

    const QSet<qint64> &ids() const { return m_ids; }

    /// The ids in ascending order.
    QList<qint64> sortedIds() const;

    bool contains(qint64 id) const { return m_ids.contains(id); }

    qsizetype size() const { return m_ids.size(); }

    bool isEmpty() const { return m_ids.isEmpty(); }

Q_SIGNALS:
    void changed();

private:
    QSet<qint64> m_ids;
};

} // namespace infrasight::models
