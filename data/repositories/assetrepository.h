// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"
#include "data/repositories/repository.h"

#include <QList>
#include <QString>
#include <QStringList>

class QObject;

namespace infrasight::data {

/// The asset layers' reads for the locator and the attribute table. Asynchronous: every call
/// answers its Reply on the caller's thread (never after cancel() or the context's
/// destruction). Changes to assets arrive on channel "asset" of changes(). GUI thread only.
class AssetRepository : public Repository
{
public:
    /// Assets whose code, name or street resemble text (trigram similarity), best first, at
    /// most limit; none for a text shorter than two characters.
    virtual Request
    locate(const QString &text, int limit, QObject *context, Reply<QList<AssetSummary>> reply)
        = 0;

    /// The attribute table's columns, in the order the rows of attributePage() hold them
    /// (id first).
    virtual QStringList attributeColumns() const = 0;
    /// One page of the attribute table (offset/limit), filtered and sorted by the server (ties
    /// broken by id so pages never overlap); each row as text in attributeColumns() order.
    virtual Request attributePage(const AttributeQuery &query,
                                  int offset,
                                  int limit,
                                  QObject *context,
                                  Reply<QList<QStringList>> reply)
        = 0;
    /// The planner's estimate of the rows the query matches.
    virtual Request
    attributeEstimate(const AttributeQuery &query, QObject *context, Reply<qint64> reply)
        = 0;
};

} // namespace infrasight::data
