// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/cityrecords.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace infrasight::models {

/// The city's vocabulary is the data layer's (CityRepository answers with it).
using AssetTypeCount = data::AssetTypeCount;
using CitySummary = data::CitySummary;

/// The city summary for the Layers dock: one row per asset type, columns Type and Count. The
/// type's symbol (":/symbols/<code>.svg") is the decoration where such a resource exists; the
/// totals (sensors, open work orders, city name) ride along for the labels under the list.
/// GUI thread only.
class CitySummaryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TypeColumn = 0, CountColumn, ColumnCount };

    enum Role {
        CodeRole = Qt::UserRole + 1, ///< QString
        GeometryKindRole,            ///< QString
        CountRole,                   ///< qint64, in every column
    };

    explicit CitySummaryModel(QObject *parent = nullptr);

    /// Replaces everything (a model reset) and emits summaryChanged().
    void setSummary(const CitySummary &summary);
    /// Empties the model (e.g. when the database goes away for good).
    void clear();

    const CitySummary &summary() const { return m_summary; }

    bool isEmpty() const { return m_summary.types.isEmpty(); }

    /// Sum of all asset counts.
    qint64 totalAssets() const;

    /// Resource path of the symbol for an asset type code, empty when there is none.
    static QString symbolPath(const QString &code);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void summaryChanged();

private:
    CitySummary m_summary;
};

} // namespace infrasight::models
