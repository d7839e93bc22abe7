// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/pg/pgtypes.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUuid>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>

namespace infrasight::data {

namespace {

// PostgreSQL's binary date/time epoch.
const QDate PgEpochDate(2000, 1, 1);

template<typename T>
bool readBigEndian(QByteArrayView bytes, qsizetype offset, T &out)
{
    if (offset < 0 || bytes.size() < offset + qsizetype(sizeof(T))) {
        return false;
    }
    out = qFromBigEndian<T>(bytes.data() + offset);
    return true;
}

QVariant decodeBinaryNumeric(QByteArrayView bytes)
{
    qint16 ndigits = 0;
    qint16 weight = 0;
    quint16 sign = 0;
    qint16 dscale = 0;
    if (!readBigEndian(bytes, 0, ndigits) || !readBigEndian(bytes, 2, weight)
        || !readBigEndian(bytes, 4, sign) || !readBigEndian(bytes, 6, dscale) || ndigits < 0
        || dscale < 0 || bytes.size() != 8 + 2 * qsizetype(ndigits)) {
        return {};
    }
    switch (sign) {
    case 0xC000:
        return QStringLiteral("NaN");
    case 0xD000:
        return QStringLiteral("Infinity");
    case 0xF000:
        return QStringLiteral("-Infinity");
    case 0x0000:
    case 0x4000:
        break;
    default:
        return {};
    }
    auto digit = [&](int i) -> int {
        if (i < 0 || i >= ndigits) {
            return 0;
        }
        qint16 d = 0;
        readBigEndian(bytes, 8 + 2 * i, d);
        return d;
    };
    // Digits are base 10000; digit i has weight (weight - i).
    QString integerPart;
    for (int w = weight, i = 0; w >= 0; --w, ++i) {
        const int d = digit(i);
        integerPart
            += i == 0 ? QString::number(d) : QStringLiteral("%1").arg(d, 4, 10, QChar(u'0'));
    }
    if (integerPart.isEmpty()) {
        integerPart = QStringLiteral("0");
    }
    QString fraction;
    for (int w = -1; fraction.size() < dscale; --w) {
        fraction += QStringLiteral("%1").arg(digit(weight - w), 4, 10, QChar(u'0'));
    }
    fraction.truncate(dscale);
    QString text = sign == 0x4000 ? QStringLiteral("-") + integerPart : integerPart;
    if (dscale > 0) {
        text += u'.' + fraction;
    }
    return text;
}

QVariant decodeBinary(quint32 typeOid, QByteArrayView bytes)
{
    switch (typeOid) {
    case pgoid::Bool:
        return bytes.size() == 1 ? QVariant(bytes.at(0) != 0) : QVariant();
    case pgoid::Int2: {
        qint16 v = 0;
        return bytes.size() == 2 && readBigEndian(bytes, 0, v) ? QVariant(qint64(v)) : QVariant();
    }
    case pgoid::Int4: {
        qint32 v = 0;
        return bytes.size() == 4 && readBigEndian(bytes, 0, v) ? QVariant(qint64(v)) : QVariant();
    }
    case pgoid::Oid: {
        quint32 v = 0;
        return bytes.size() == 4 && readBigEndian(bytes, 0, v) ? QVariant(qint64(v)) : QVariant();
    }
    case pgoid::Int8: {
        qint64 v = 0;
        return bytes.size() == 8 && readBigEndian(bytes, 0, v) ? QVariant(v) : QVariant();
    }
    case pgoid::Float4: {
        quint32 raw = 0;
        if (bytes.size() != 4 || !readBigEndian(bytes, 0, raw)) {
            return {};
        }
        float v = 0;
        std::memcpy(&v, &raw, sizeof v);
        return double(v);
    }
    case pgoid::Float8: {
        quint64 raw = 0;
        if (bytes.size() != 8 || !readBigEndian(bytes, 0, raw)) {
            return {};
        }
        double v = 0;
        std::memcpy(&v, &raw, sizeof v);
        return v;
    }
    case pgoid::Text:
    case pgoid::Varchar:
    case pgoid::Bpchar:
    case pgoid::Name:
    case pgoid::Json:
        return QString::fromUtf8(bytes);
    case pgoid::Jsonb:
        // Version byte (1) followed by the JSON text.
        return !bytes.isEmpty() && bytes.at(0) == 1 ? QVariant(QString::fromUtf8(bytes.sliced(1)))
                                                    : QVariant();
    case pgoid::Bytea:
        return bytes.toByteArray();
    case pgoid::Date: {
        qint32 days = 0;
        return bytes.size() == 4 && readBigEndian(bytes, 0, days)
                   ? QVariant(PgEpochDate.addDays(days))
                   : QVariant();
    }
    case pgoid::Timestamp:
    case pgoid::Timestamptz: {
        qint64 micros = 0;
        if (bytes.size() != 8 || !readBigEndian(bytes, 0, micros)) {
            return {};
        }
        const QDateTime epoch(PgEpochDate, QTime(0, 0), QTimeZone::utc());
        return epoch.addMSecs(micros / 1000);
    }
    case pgoid::Numeric:
        return decodeBinaryNumeric(bytes);
    case pgoid::Uuid:
        return bytes.size() == 16
                   ? QVariant(QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces))
                   : QVariant();
    default:
        return bytes.toByteArray();
    }
}

double parseTextDouble(QByteArrayView text)
{
    if (text == "NaN") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (text == "Infinity") {
        return std::numeric_limits<double>::infinity();
    }
    if (text == "-Infinity") {
        return -std::numeric_limits<double>::infinity();
    }
    return text.toDouble();
}

QDateTime parseTextTimestamp(QByteArrayView text, bool withZone)
{
    // The server sends ISO style, e.g. "2026-11-22 02:42:03.123+00" (DateStyle ISO). Qt wants a
    // 'T' separator and a "+hh:mm" offset.
    QString s = QString::fromLatin1(text);
    s.replace(10, 1, u'T');
    if (withZone) {
        const qsizetype signPos = std::max(s.lastIndexOf(u'+'), s.lastIndexOf(u'-'));
        if (signPos > 10 && s.size() - signPos == 3) {
            s += QStringLiteral(":00");
        }
    } else {
        s += u'Z';
    }
    return QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

QVariant decodeText(quint32 typeOid, QByteArrayView bytes)
{
    switch (typeOid) {
    case pgoid::Bool:
        return bytes == "t";
    case pgoid::Int2:
    case pgoid::Int4:
    case pgoid::Int8:
    case pgoid::Oid:
        return bytes.toLongLong();
    case pgoid::Float4:
    case pgoid::Float8:
        return parseTextDouble(bytes);
    case pgoid::Bytea:
        return bytes.startsWith("\\x") ? QByteArray::fromHex(bytes.sliced(2).toByteArray())
                                       : bytes.toByteArray();
    case pgoid::Date:
        return QDate::fromString(QString::fromLatin1(bytes), Qt::ISODate);
    case pgoid::Timestamp:
        return parseTextTimestamp(bytes, false);
    case pgoid::Timestamptz:
        return parseTextTimestamp(bytes, true);
    default:
        return QString::fromUtf8(bytes);
    }
}

QByteArray arrayElement(const QVariant &value)
{
    if (value.isNull()) {
        return QByteArrayLiteral("NULL");
    }
    QByteArray text = value.toString().toUtf8();
    text.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + text + '"';
}

QByteArray encodeText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return QByteArray::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        return QByteArray::number(value.toULongLong());
    case QMetaType::Float:
    case QMetaType::Double: {
        const double v = value.toDouble();
        if (std::isnan(v)) {
            return QByteArrayLiteral("NaN");
        }
        if (std::isinf(v)) {
            return v > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
        }
        return QByteArray::number(v, 'g', 17);
    }
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toLatin1();
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate).toLatin1();
    case QMetaType::QJsonObject:
        return QJsonDocument(value.toJsonObject()).toJson(QJsonDocument::Compact);
    case QMetaType::QJsonArray:
        return QJsonDocument(value.toJsonArray()).toJson(QJsonDocument::Compact);
    case QMetaType::QJsonDocument:
        return value.toJsonDocument().toJson(QJsonDocument::Compact);
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        QByteArray literal = "{";
        const QVariantList items = value.toList();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0) {
                literal += ',';
            }
            literal += arrayElement(items.at(i));
        }
        return literal + '}';
    }
    default:
        return value.toString().toUtf8();
    }
}

} // namespace

QVariant decodePgValue(quint32 typeOid, ResultFormat format, QByteArrayView bytes)
{
    return format == ResultFormat::Binary ? decodeBinary(typeOid, bytes)
                                          : decodeText(typeOid, bytes);
}

PgParams encodePgParams(const QVariantList &params)
{
    PgParams out;
    const auto n = size_t(params.size());
    out.storage.reserve(n);
    out.values.reserve(n);
    out.lengths.reserve(n);
    out.formats.reserve(n);
    out.types.reserve(n);
    for (const QVariant &param : params) {
        const bool isNull = !param.isValid() || param.isNull();
        const bool isBinary = !isNull && param.typeId() == QMetaType::QByteArray;
        out.storage.push_back(isNull     ? QByteArray()
                              : isBinary ? param.toByteArray()
                                         : encodeText(param));
        out.formats.push_back(isBinary ? 1 : 0);
        out.types.push_back(isBinary ? pgoid::Bytea : 0);
        out.lengths.push_back(int(out.storage.back().size()));
    }
    for (size_t i = 0; i < n; ++i) {
        const bool isNull = !params.at(qsizetype(i)).isValid() || params.at(qsizetype(i)).isNull();
        // A null pointer is SQL NULL; an empty string must still be a valid pointer.
        out.values.push_back(isNull ? nullptr : out.storage[i].constData());
    }
    return out;
}

} // namespace infrasight::data
