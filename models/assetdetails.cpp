// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/assetdetails.h"

#include "data/assetqueries.h"
#include "models/errormessage.h"
#include "models/logging.h"

namespace infrasight::models {

namespace {

/// Moves a decoded part into place; on a decoding error the part keeps what it had.
template<typename T>
Result<void> takeDecoded(Result<T> decoded, T &target)
{
    if (!decoded) {
        return tl::unexpected(decoded.error());
    }
    target = std::move(*decoded);
    return {};
}

} // namespace

AssetDetails::AssetDetails(data::DbClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    Q_ASSERT(m_client);
    connect(m_client, &data::DbClient::queryFinished, this, &AssetDetails::handleFinished);
    connect(m_client, &QObject::destroyed, this, [this] {
        m_client = nullptr;
        m_pending.clear();
    });
}

AssetDetails::~AssetDetails()
{
    cancelPending();
}

void AssetDetails::load(qint64 assetId)
{
    cancelPending();
    reset(assetId);
    submitAll();
    Q_EMIT changed();
}

void AssetDetails::reload()
{
    if (m_assetId == 0) {
        return;
    }
    // What is shown stays until the fresh parts replace it, so the panel does not flicker.
    cancelPending();
    m_error.clear();
    submitAll();
    Q_EMIT changed();
}

void AssetDetails::clear()
{
    cancelPending();
    reset(0);
    Q_EMIT changed();
}

void AssetDetails::reset(qint64 assetId)
{
    m_assetId = assetId;
    m_missing = false;
    m_fields.clear();
    m_sensors.clear();
    m_workOrders.clear();
    m_history.clear();
    m_error.clear();
}

bool AssetDetails::isLoading() const
{
    return !m_pending.isEmpty();
}

void AssetDetails::submitAll()
{
    using data::AssetQueries;
    if (!m_client) {
        m_error = tr("No database connection.");
        return;
    }
    m_pending.insert(m_client->submit(AssetQueries::assetRecord(m_assetId)), Part::Record);
    m_pending.insert(m_client->submit(AssetQueries::assetSensors(m_assetId)), Part::Sensors);
    m_pending.insert(m_client->submit(AssetQueries::assetWorkOrders(m_assetId)), Part::WorkOrders);
    m_pending.insert(m_client->submit(AssetQueries::assetHistory(m_assetId, HistoryLimit)),
                     Part::History);
}

void AssetDetails::cancelPending()
{
    // Their answers still arrive (as Cancelled, or complete if they were quicker); they are no
    // longer in m_pending, so handleFinished() drops them.
    const QList<data::QueryId> ids = m_pending.keys();
    m_pending.clear();
    if (!m_client) {
        return;
    }
    for (const data::QueryId id : ids) {
        m_client->cancel(id);
    }
}

void AssetDetails::handleFinished(data::QueryId id, const data::QueryOutcome &outcome)
{
    const auto found = m_pending.constFind(id);
    if (found == m_pending.constEnd()) {
        return; // another client's statement, or one of a load that was replaced
    }
    const Part part = found.value();
    m_pending.erase(found);
    if (!outcome) {
        qCWarning(lcModels) << "asset" << m_assetId << "details:" << outcome.error().toString();
        if (m_error.isEmpty()) {
            m_error = ErrorMessage::describe(outcome.error());
        }
    } else {
        apply(part, *outcome);
    }
    Q_EMIT changed();
}

void AssetDetails::apply(Part part, const data::QueryResult &result)
{
    using data::AssetQueries;
    if (part == Part::Record && result.rowCount() == 0) {
        m_missing = true;
        m_fields.clear();
        return;
    }
    Result<void> decoded;
    switch (part) {
    case Part::Record:
        decoded = takeDecoded(AssetQueries::decodeAssetRecord(result), m_fields);
        m_missing = false;
        break;
    case Part::Sensors:
        decoded = takeDecoded(AssetQueries::decodeAssetSensors(result), m_sensors);
        break;
    case Part::WorkOrders:
        decoded = takeDecoded(AssetQueries::decodeAssetWorkOrders(result), m_workOrders);
        break;
    case Part::History:
        decoded = takeDecoded(AssetQueries::decodeAssetHistory(result), m_history);
        break;
    }
    if (!decoded) {
        qCWarning(lcModels) << "asset" << m_assetId
                            << "details could not be decoded:" << decoded.error().toString();
        if (m_error.isEmpty()) {
            m_error = ErrorMessage::describe(decoded.error());
        }
    }
}

} // namespace infrasight::models
