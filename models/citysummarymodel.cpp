// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/citysummarymodel.h"

#include <QFile>
#include <QIcon>
#include <QLocale>

#include <limits>

namespace infrasight::models {

CitySummaryModel::CitySummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CitySummaryModel::setSummary(const CitySummary &summary)
{
    beginResetModel();
    m_summary = summary;
    endResetModel();
    Q_EMIT summaryChanged();
}

void CitySummaryModel::clear()
{
    setSummary({});
}

qint64 CitySummaryModel::totalAssets() const
{
    qint64 total = 0;
    for (const AssetTypeCount &type : m_summary.types) {
        total += type.count;
    }
    return total;
}

QString CitySummaryModel::symbolPath(const QString &code)
{
    if (code.isEmpty()) {
        return {};
    }
    const QString path = QStringLiteral(":/symbols/%1.svg").arg(code);
    return QFile::exists(path) ? path : QString();
}

int CitySummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_summary.types.size());
}

int CitySummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CitySummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AssetTypeCount &type = m_summary.types.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TypeColumn) {
            return type.name;
        }
        return QLocale().toString(type.count);
    case Qt::ToolTipRole:
        return tr("%1 (%2): %n asset(s)",
                  nullptr,
                  int(qMin<qint64>(type.count, std::numeric_limits<int>::max())))
            .arg(type.name, type.code);
    case Qt::DecorationRole:
        if (index.column() == TypeColumn) {
            if (const QString path = symbolPath(type.code); !path.isEmpty()) {
                return QIcon(path);
            }
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    case CodeRole:
        return type.code;
    case GeometryKindRole:
        return type.geometryKind;
    case CountRole:
        return type.count;
    default:
        return {};
    }
}

QVariant CitySummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TypeColumn:
        return tr("Asset type");
    case CountColumn:
        return tr("Count");
    default:
        return {};
    }
}

} // namespace infrasight::models
