// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/queryresult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QVariant>

#include <vector>

namespace infrasight::data {

/// PostgreSQL built-in type OIDs that we decode (from pg_type.dat; stable across versions).
namespace pgoid {
inline constexpr quint32 Bool = 16;
inline constexpr quint32 Bytea = 17;
inline constexpr quint32 Name = 19;
inline constexpr quint32 Int8 = 20;
inline constexpr quint32 Int2 = 21;
inline constexpr quint32 Int4 = 23;
inline constexpr quint32 Text = 25;
inline constexpr quint32 Oid = 26;
inline constexpr quint32 Json = 114;
inline constexpr quint32 Float4 = 700;
inline constexpr quint32 Float8 = 701;
inline constexpr quint32 Bpchar = 1042;
inline constexpr quint32 Varchar = 1043;
inline constexpr quint32 Date = 1082;
inline constexpr quint32 Timestamp = 1114;
inline constexpr quint32 Timestamptz = 1184;
inline constexpr quint32 Numeric = 1700;
inline constexpr quint32 Uuid = 2950;
inline constexpr quint32 Jsonb = 3802;
} // namespace pgoid

/// Decodes one result value of the given type. Unknown types give their bytes as QString (text
/// format) or QByteArray (binary format). A malformed binary value gives an invalid QVariant.
QVariant decodePgValue(quint32 typeOid, ResultFormat format, QByteArrayView bytes);

/// Statement parameters as libpq wants them: one entry per $n.
/// QByteArray goes as binary bytea; a null QVariant as SQL NULL; everything else as text, typed by
/// the server from context (so "$1::int" or a column comparison decides the type).
struct PgParams
{
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    std::vector<quint32> types;
};

/// Encodes parameters; the text form is locale-independent (dot decimal separator, ISO-8601 times
/// with offset, {a,b} array literals for string and integer lists, compact JSON for JSON values).
PgParams encodePgParams(const QVariantList &params);

} // namespace infrasight::data
