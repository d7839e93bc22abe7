// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"
#include "data/repositories/assetrepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace infrasight::models {

/// The attribute table of assets: fetched lazily a page at a time (canFetchMore/fetchMore), with
/// sorting and filtering done by the server (AssetRepository::attributePage), so it scales to a
/// million rows. rowCount() is the rows fetched so far; estimatedTotal() the planner's estimate.
/// Columns are AssetRepository::attributeColumns() with translated headers. Never blocks: pages
/// arrive through the repository; a new query or sort cancels the page in flight.
/// GUI thread only.
class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributeTableModel)

public:
    static constexpr int PageSize = 500;
    /// Qt::UserRole + 1: the asset id (qint64) of a row, in any column.
    static constexpr int AssetIdRole = Qt::UserRole + 1;

    /// The repository must outlive the model.
    explicit AttributeTableModel(data::AssetRepository &repository, QObject *parent = nullptr);
    ~AttributeTableModel() override;

    /// Replaces the query (resets the model, fetches the first page and the estimate).
    void setQuery(const data::AttributeQuery &query);

    data::AttributeQuery query() const { return m_query; }

    /// Runs the query again (after live changes), keeping the filter and sort.
    void refresh();

    qint64 assetId(int row) const;
    /// The row of an asset among the rows fetched so far, or -1.
    int rowOfAsset(qint64 id) const;

    /// The planner's estimate of the matching rows (-1 until known).
    qint64 estimatedTotal() const { return m_estimate; }

    bool isLoading() const { return m_loading; }

    /// Every row is fetched.
    bool isComplete() const { return m_complete; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void estimateChanged(qint64 estimate);
    void errorOccurred(const QString &message);

private:
    void submitPage();
    void handlePage(Result<QList<QStringList>> page);
    void handleEstimate(const Result<qint64> &estimate);
    void cancelPending();
    void setLoading(bool loading);
    void setEstimate(qint64 estimate);
    QString displayText(int row, int column) const;

    data::AssetRepository &m_repository;
    const QStringList m_columns;
    const int m_statusColumn = -1;
    data::AttributeQuery m_query;
    QList<QStringList> m_rows;
    QList<qint64> m_ids;
    QHash<qint64, int> m_rowOfId;
    qint64 m_estimate = -1;
    bool m_active = false; ///< a query was set: before that there is nothing to fetch
    bool m_complete = false;
    // The calls in flight of the current query; a reset cancels them, so an older query's
    // answer never arrives.
    data::Request m_pageRequest;
    data::Request m_estimateRequest;
    bool m_loading = false; ///< a page is asked for and not yet in
};

} // namespace infrasight::models
