// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace infrasight::data {

/// Whether the server sends result values as text or in PostgreSQL's binary wire format.
/// Binary halves the bytes of WKB geometry (TECH_NOTES 4.3); both decode to the same QVariants.
enum class ResultFormat { Text = 0, Binary = 1 };

/// The rows of one statement, copied out of libpq so the value can cross threads.
/// Implicitly shared and immutable: copying is cheap and it may be read from any thread.
class QueryResult
{
public:
    QueryResult();

    /// Takes ownership of cells in row-major order; an entry with isNull() is SQL NULL.
    QueryResult(QStringList columnNames,
                QList<quint32> columnTypes,
                ResultFormat format,
                QList<QByteArray> cells,
                qint64 affectedRows);

    int rowCount() const;
    int columnCount() const;
    QString columnName(int column) const;
    /// The column index of the named column, or -1.
    int column(QStringView name) const;
    /// The PostgreSQL type OID of the column (23 = int4, 17 = bytea, ...).
    quint32 columnType(int column) const;
    /// Rows changed by INSERT/UPDATE/DELETE/COPY, or -1 where the server does not say.
    qint64 affectedRows() const;

    bool isNull(int row, int column) const;
    /// The value decoded by type: integers as qint64, floats as double, numeric as QString (exact),
    /// bool, text types as QString, bytea as QByteArray, timestamptz as QDateTime (UTC),
    /// date as QDate, json/jsonb as QString. NULL gives an invalid QVariant.
    QVariant value(int row, int column) const;
    /// The raw bytes of a value: the wire bytes for binary results (so bytea gives the bytes
    /// themselves), the text form for text results (bytea is unescaped). Empty for NULL.
    QByteArray bytes(int row, int column) const;

    /// Convenience accessors; a NULL gives the fallback.
    QString text(int row, int column) const;
    qint64 toInt(int row, int column, qint64 fallback = 0) const;
    double toDouble(int row, int column, double fallback = 0.0) const;

    /// Fails (ErrorCode::InvalidArgument, naming `what`) when the result has rows but fewer
    /// columns than a decoder reads.
    [[nodiscard]] Result<void> expectColumns(int columns, QStringView what) const;

    /// Same columns, types, format and values.
    friend bool operator==(const QueryResult &lhs, const QueryResult &rhs);

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace infrasight::data

Q_DECLARE_METATYPE(infrasight::data::QueryResult)
