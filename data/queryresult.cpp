// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/queryresult.h"

#include "data/pg/pgtypes.h"

namespace infrasight::data {

struct QueryResult::Data
{
    QStringList names;
    QList<quint32> types;
    ResultFormat format = ResultFormat::Text;
    QList<QByteArray> cells;
    qint64 affectedRows = -1;

    friend bool operator==(const Data &, const Data &) = default;
};

bool operator==(const QueryResult &lhs, const QueryResult &rhs)
{
    return lhs.d == rhs.d || *lhs.d == *rhs.d;
}

QueryResult::QueryResult()
    : d(std::make_shared<const Data>())
{}

QueryResult::QueryResult(QStringList columnNames,
                         QList<quint32> columnTypes,
                         ResultFormat format,
                         QList<QByteArray> cells,
                         qint64 affectedRows)
    : d(std::make_shared<const Data>(Data{
        std::move(columnNames), std::move(columnTypes), format, std::move(cells), affectedRows}))
{
    Q_ASSERT(d->names.size() == d->types.size());
    Q_ASSERT(d->names.isEmpty() || d->cells.size() % d->names.size() == 0);
}

int QueryResult::rowCount() const
{
    return d->names.isEmpty() ? 0 : int(d->cells.size() / d->names.size());
}

int QueryResult::columnCount() const
{
    return int(d->names.size());
}

QString QueryResult::columnName(int column) const
{
    return d->names.value(column);
}

int QueryResult::column(QStringView name) const
{
    for (qsizetype i = 0; i < d->names.size(); ++i) {
        if (d->names.at(i) == name) {
            return int(i);
        }
    }
    return -1;
}

quint32 QueryResult::columnType(int column) const
{
    return d->types.value(column);
}

qint64 QueryResult::affectedRows() const
{
    return d->affectedRows;
}

bool QueryResult::isNull(int row, int column) const
{
    Q_ASSERT(row >= 0 && row < rowCount() && column >= 0 && column < columnCount());
    return d->cells.at(qsizetype(row) * d->names.size() + column).isNull();
}

QVariant QueryResult::value(int row, int column) const
{
    if (isNull(row, column)) {
        return {};
    }
    return decodePgValue(
        d->types.at(column), d->format, d->cells.at(qsizetype(row) * d->names.size() + column));
}

QByteArray QueryResult::bytes(int row, int column) const
{
    if (isNull(row, column)) {
        return {};
    }
    const QByteArray &raw = d->cells.at(qsizetype(row) * d->names.size() + column);
    if (d->format == ResultFormat::Text && d->types.at(column) == pgoid::Bytea) {
        return decodePgValue(pgoid::Bytea, ResultFormat::Text, raw).toByteArray();
    }
    return raw;
}

QString QueryResult::text(int row, int column) const
{
    const QVariant v = value(row, column);
    return v.isValid() ? v.toString() : QString();
}

qint64 QueryResult::toInt(int row, int column, qint64 fallback) const
{
    const QVariant v = value(row, column);
    return v.isValid() ? v.toLongLong() : fallback;
}

double QueryResult::toDouble(int row, int column, double fallback) const
{
    const QVariant v = value(row, column);
    return v.isValid() ? v.toDouble() : fallback;
}

Result<void> QueryResult::expectColumns(int columns, QStringView what) const
{
    if (rowCount() > 0 && columnCount() < columns) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1: expected %2 columns, got %3")
                .arg(what.toString(), QString::number(columns), QString::number(columnCount())));
    }
    return {};
}

} // namespace infrasight::data
