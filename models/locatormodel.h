// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"
#include "data/repositories/assetrepository.h"

#include <QAbstractListModel>
#include <QList>
#include <QTimer>

namespace infrasight::models {

/// The locator's answers: assets whose code, name or street resemble the typed text (pg_trgm,
/// AssetRepository::locate), best first. setText() waits DebounceMs for more typing, then sends
/// one search and cancels the one still running, so answers never arrive out of order. Display
/// text "SL-000123 · Street light · Boulevard Albert 1er".
/// GUI thread only.
class LocatorModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocatorModel)

public:
    static constexpr int DebounceMs = 80;
    static constexpr int MaxResults = 20;
    /// Qt::UserRole + 1: the asset id (qint64).
    static constexpr int AssetIdRole = Qt::UserRole + 1;

    /// The repository must outlive the model.
    explicit LocatorModel(data::AssetRepository &repository, QObject *parent = nullptr);
    ~LocatorModel() override;

    void setText(const QString &text);

    QString text() const { return m_text; }

    data::AssetSummary summary(int row) const;
    bool isSearching() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// Results for text arrived (possibly none).
    void resultsReady(const QString &text);
    void errorOccurred(const QString &message);

private:
    void sendQuery();
    void handleResults(Result<QList<data::AssetSummary>> results);
    void setResults(QList<data::AssetSummary> results);

    data::AssetRepository &m_repository;
    QString m_text;
    QString m_queryText; ///< the text m_request searches for
    QList<data::AssetSummary> m_results;
    QTimer m_debounce;
    data::Request m_request;
    bool m_searching = false; ///< m_request has not answered yet
};

} // namespace infrasight::models
