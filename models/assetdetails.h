// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"
#include "data/dbclient.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace infrasight::models {

/// Everything the Details panel shows about one asset: its record (every field and attribute),
/// its sensors with their last values, its open work orders and its change history from the
/// audit log. load() sends the four statements through the DbClient; the parts arrive one by
/// one (changed() after each). A new load() or clear() cancels the one in flight.
/// GUI thread only.
class AssetDetails : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetDetails)

public:
    static constexpr int HistoryLimit = 50;

    explicit AssetDetails(data::DbClient *client, QObject *parent = nullptr);
    ~AssetDetails() override;

    void load(qint64 assetId);
    /// Loads the shown asset again (it changed in the database); no-op when none.
    void reload();
    void clear();

    qint64 assetId() const { return m_assetId; }

    /// True until all four parts arrived (or failed).
    bool isLoading() const;

    /// The record was loaded but the asset does not exist (deleted meanwhile).
    bool isMissing() const { return m_missing; }

    const QList<data::AssetField> &fields() const { return m_fields; }

    const QList<data::AssetSensorInfo> &sensors() const { return m_sensors; }

    const QList<data::AssetWorkOrderInfo> &workOrders() const { return m_workOrders; }

    const QList<data::AssetHistoryEntry> &history() const { return m_history; }

    /// The first error of the last load, empty when none.
    QString errorMessage() const { return m_error; }

Q_SIGNALS:
    void changed();

private:
    enum class Part { Record, Sensors, WorkOrders, History };

    void reset(qint64 assetId);
    void submitAll();
    void cancelPending();
    void handleFinished(data::QueryId id, const data::QueryOutcome &outcome);
    void apply(Part part, const data::QueryResult &result);

    data::DbClient *m_client = nullptr;
    qint64 m_assetId = 0;
    bool m_missing = false;
    QList<data::AssetField> m_fields;
    QList<data::AssetSensorInfo> m_sensors;
    QList<data::AssetWorkOrderInfo> m_workOrders;
    QList<data::AssetHistoryEntry> m_history;
    QString m_error;
    QHash<data::QueryId, Part> m_pending; ///< the statements of the current load still out
};

} // namespace infrasight::models
