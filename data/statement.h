// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/queryresult.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace infrasight::data {

/// One parameterised SQL statement ready for DbClient::submit() or PgConnection::exec(): the text
/// with $1..$n placeholders, the values, and the result format wanted. Values never go into the
/// text.
struct Statement
{
    QString sql;
    QVariantList params;
    ResultFormat format = ResultFormat::Text;
};

/// Ids as one array parameter (bind it as $n::bigint[]).
inline QVariantList idArray(const QList<qint64> &ids)
{
    QVariantList list;
    list.reserve(ids.size());
    for (qint64 id : ids) {
        list.push_back(id);
    }
    return list;
}

} // namespace infrasight::data
