// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ingest/readingparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace infrasight::data {

namespace {

enum Column { SensorColumn, TimeColumn, ValueColumn, UnitColumn };

/// How far ahead of this machine's clock a reading may be (clocks of feeds drift).
constexpr qint64 MaxAheadSeconds = 24 * 3600;

tl::unexpected<Error> bad(const QString &why)
{
    return fail(ErrorCode::InvalidArgument, why);
}

/// The first of the names the object has.
QJsonValue field(const QJsonObject &object, std::initializer_list<QLatin1StringView> names)
{
    for (const QLatin1StringView name : names) {
        if (const auto it = object.constFind(name); it != object.constEnd()) {
            return *it;
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

ReadingParser::ReadingParser(Format format)
    : m_format(format)
{}

Result<std::optional<ReadingLine>> ReadingParser::parseLine(QByteArrayView line)
{
    const QByteArrayView trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith('#')) {
        return std::nullopt;
    }
    if (m_format == Format::Auto) {
        m_format = trimmed.startsWith('{') ? Format::JsonLines : Format::Csv;
    }
    return m_format == Format::JsonLines ? parseJson(trimmed) : parseCsv(trimmed);
}

Result<std::optional<ReadingLine>> ReadingParser::parseJson(QByteArrayView line) const
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return bad(QStringLiteral("not valid JSON (%1 at column %2)")
                       .arg(error.errorString())
                       .arg(error.offset + 1));
    }
    if (!document.isObject()) {
        return bad(QStringLiteral("not a JSON object"));
    }
    const QJsonObject object = document.object();
    ReadingLine reading;
    const QJsonValue sensor
        = field(object, {QLatin1StringView("sensor"), QLatin1StringView("code")});
    if (!sensor.isString()) {
        return bad(QStringLiteral("no \"sensor\" code"));
    }
    reading.sensorCode = sensor.toString().trimmed();
    const QJsonValue time = field(object, {QLatin1StringView("time"), QLatin1StringView("ts")});
    if (!time.isString()) {
        return bad(QStringLiteral("no \"time\""));
    }
    const QJsonValue value = field(object, {QLatin1StringView("value")});
    if (!value.isDouble()) {
        return bad(value.isUndefined() ? QStringLiteral("no \"value\"")
                                       : QStringLiteral("\"value\" is not a number"));
    }
    reading.value = value.toDouble();
    const QJsonValue unit = field(object, {QLatin1StringView("unit")});
    if (!unit.isUndefined() && !unit.isNull() && !unit.isString()) {
        return bad(QStringLiteral("\"unit\" is not text"));
    }
    reading.unit = unit.toString().trimmed();
    return checked(std::move(reading), time.toString());
}

Result<std::optional<ReadingLine>> ReadingParser::parseCsv(QByteArrayView line)
{
    const Result<QList<QString>> fields = splitCsv(QString::fromUtf8(line));
    if (!fields) {
        return tl::unexpected(fields.error());
    }
    if (std::exchange(m_firstCsvRecord, false)) {
        // A header names the columns (in any order); data starts on the next line.
        const QList<QString> names{QStringLiteral("sensor"),
                                   QStringLiteral("time"),
                                   QStringLiteral("value"),
                                   QStringLiteral("unit")};
        int found = 0;
        int columns[4] = {-1, -1, -1, -1};
        for (qsizetype i = 0; i < fields->size(); ++i) {
            const qsizetype column = names.indexOf(fields->at(i).trimmed().toLower());
            if (column >= 0 && columns[column] < 0) {
                columns[column] = int(i);
                ++found;
            }
        }
        if (found > 0) {
            if (columns[SensorColumn] < 0 || columns[TimeColumn] < 0 || columns[ValueColumn] < 0) {
                return bad(QStringLiteral("the header must name sensor, time and value"));
            }
            std::copy(std::begin(columns), std::end(columns), std::begin(m_columns));
            return std::nullopt;
        }
    }
    const auto column = [&](Column which) -> QString {
        const int index = m_columns[which];
        return index >= 0 && index < fields->size() ? fields->at(index).trimmed() : QString();
    };
    const int needed
        = std::max({m_columns[SensorColumn], m_columns[TimeColumn], m_columns[ValueColumn]}) + 1;
    if (fields->size() < needed) {
        return bad(
            QStringLiteral("%1 field(s), expected at least %2").arg(fields->size()).arg(needed));
    }
    ReadingLine reading;
    reading.sensorCode = column(SensorColumn);
    bool ok = false;
    const QString valueText = column(ValueColumn);
    reading.value = valueText.toDouble(&ok);
    if (!ok) {
        return bad(QStringLiteral("value \"%1\" is not a number").arg(valueText));
    }
    reading.unit = column(UnitColumn);
    return checked(std::move(reading), column(TimeColumn));
}

Result<ReadingLine> ReadingParser::checked(ReadingLine reading, const QString &timeText)
{
    if (reading.sensorCode.isEmpty()) {
        return bad(QStringLiteral("no sensor code"));
    }
    if (!std::isfinite(reading.value)) {
        return bad(QStringLiteral("value is not a finite number"));
    }
    reading.time = QDateTime::fromString(timeText, Qt::ISODateWithMs);
    if (!reading.time.isValid()) {
        return bad(QStringLiteral("time \"%1\" is not an ISO 8601 date and time").arg(timeText));
    }
    // Qt reads a time without offset as local time: a feed's reading must say its offset.
    if (reading.time.timeSpec() != Qt::OffsetFromUTC && reading.time.timeSpec() != Qt::UTC) {
        return bad(QStringLiteral("time \"%1\" has no UTC offset (add Z or +01:00)").arg(timeText));
    }
    if (reading.time.toSecsSinceEpoch() > QDateTime::currentSecsSinceEpoch() + MaxAheadSeconds) {
        return bad(QStringLiteral("time \"%1\" lies more than a day in the future").arg(timeText));
    }
    return reading;
}

Result<QList<QString>> ReadingParser::splitCsv(QStringView record)
{
    QList<QString> fields;
    QString field;
    qsizetype i = 0;
    const qsizetype n = record.size();
    while (true) {
        field.clear();
        if (i < n && record[i] == u'"') {
            ++i;
            while (true) {
                if (i >= n) {
                    return bad(QStringLiteral("a quoted field is not closed"));
                }
                if (record[i] == u'"') {
                    if (i + 1 < n && record[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += record[i++];
            }
            if (i < n && record[i] != u',') {
                return bad(QStringLiteral("text after a closing quote"));
            }
        } else {
            while (i < n && record[i] != u',') {
                field += record[i++];
            }
        }
        fields.push_back(field);
        if (i >= n) {
            return fields;
        }
        ++i; // the comma
    }
}

} // namespace infrasight::data
