// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace infrasight::data {

/// One reading as a feed sends it.
struct ReadingLine
{
    QString sensorCode;
    QDateTime time; ///< carries the feed's UTC offset
    double value = 0.0;
    QString unit; ///< empty: the sensor's own unit
};

/// Reads a feed's lines: JSON lines ({"sensor": "WP-0001", "time": "2026-12-02T10:15:00+01:00",
/// "value": 4.2, "unit": "bar"}; "unit" optional) or CSV (RFC 4180 quoting, one record per line,
/// columns sensor,time,value[,unit] in that order unless the first line is a header naming them
/// in any order). Auto picks JSON when the first non-blank line starts with '{'.
/// Every line is judged on its own: a bad one says why and the next one is read as usual. Times
/// must be ISO 8601 with a UTC offset (or Z) and not more than a day ahead of the clock; values
/// must be finite numbers (text in the value field is a bad line). Not thread-safe.
class ReadingParser
{
public:
    enum class Format { Auto, JsonLines, Csv };

    explicit ReadingParser(Format format = Format::Auto);

    /// Parses one line (without its line break). A reading; no reading for a line that holds
    /// none (blank, a line starting with '#', the CSV header); an Error
    /// (ErrorCode::InvalidArgument) whose message says what is wrong with a bad line.
    [[nodiscard]] Result<std::optional<ReadingLine>> parseLine(QByteArrayView line);

    /// The format in use: Auto until the first non-blank line decided it.
    Format format() const { return m_format; }

    /// Splits one CSV record (RFC 4180: fields in double quotes may hold commas and doubled
    /// quotes). Fails on an unterminated quote or text after a closing quote.
    [[nodiscard]] static Result<QList<QString>> splitCsv(QStringView record);

private:
    Result<std::optional<ReadingLine>> parseJson(QByteArrayView line) const;
    Result<std::optional<ReadingLine>> parseCsv(QByteArrayView line);
    static Result<ReadingLine> checked(ReadingLine reading, const QString &timeText);

    Format m_format;
    bool m_firstCsvRecord = true;
    /// Column of sensor, time, value, unit (-1: absent; unit only may be).
    int m_columns[4] = {0, 1, 2, 3};
};

} // namespace infrasight::data
