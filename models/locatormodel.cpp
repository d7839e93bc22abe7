// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/locatormodel.h"

#include "data/assetqueries.h"
#include "models/logging.h"

#include <QStringList>

namespace infrasight::models {

namespace {

/// Shorter texts match too much to be useful (AssetQueries::locate() gives no rows for them).
constexpr int MinimumTextLength = 2;

QString searchTextOf(const QString &text)
{
    return text.simplified();
}

} // namespace

LocatorModel::LocatorModel(data::DbClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    Q_ASSERT(m_client);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LocatorModel::sendQuery);
    connect(m_client, &data::DbClient::queryFinished, this, &LocatorModel::handleFinished);
    connect(m_client, &QObject::destroyed, this, [this] {
        m_client = nullptr;
        m_query = 0;
    });
}

LocatorModel::~LocatorModel()
{
    if (m_client && m_query != 0) {
        m_client->cancel(m_query);
    }
}

void LocatorModel::setText(const QString &text)
{
    if (text == m_text && isSearching()) {
        return;
    }
    m_text = text;
    if (searchTextOf(text).size() < MinimumTextLength) {
        m_debounce.stop();
        if (m_client && m_query != 0) {
            m_client->cancel(m_query);
        }
        m_query = 0;
        m_queryText.clear();
        setResults({});
        Q_EMIT resultsReady(m_text);
        return;
    }
    // Wait for the next key: a fast typist sends one statement for "SL-0001", not five.
    m_debounce.start();
}

data::AssetSummary LocatorModel::summary(int row) const
{
    return m_results.value(row);
}

bool LocatorModel::isSearching() const
{
    return m_debounce.isActive() || m_query != 0;
}

int LocatorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant LocatorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const data::AssetSummary &asset = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QStringList parts{asset.code};
        if (!asset.typeName.isEmpty()) {
            parts << asset.typeName;
        }
        if (!asset.street.isEmpty()) {
            parts << asset.street;
        } else if (!asset.name.isEmpty()) {
            parts << asset.name;
        }
        return parts.join(QStringLiteral(" · "));
    }
    case Qt::EditRole:
        // What a completer writes into the search box while a row is highlighted.
        return asset.code;
    case Qt::ToolTipRole:
        return asset.name.isEmpty() ? asset.code
                                    : QStringLiteral("%1 — %2").arg(asset.code, asset.name);
    case AssetIdRole:
        return asset.id;
    default:
        return {};
    }
}

void LocatorModel::sendQuery()
{
    if (!m_client) {
        return;
    }
    // At most one statement in flight: the newer text wins, the older one is cancelled (its
    // answer, Cancelled or not, no longer matches m_query and is dropped).
    if (m_query != 0) {
        m_client->cancel(m_query);
    }
    m_queryText = searchTextOf(m_text);
    m_query = m_client->submit(data::AssetQueries::locate(m_queryText, MaxResults));
}

void LocatorModel::handleFinished(data::QueryId id, const data::QueryOutcome &outcome)
{
    if (id == 0 || id != m_query) {
        return;
    }
    m_query = 0;
    if (m_debounce.isActive() || m_queryText != searchTextOf(m_text)) {
        return; // the text changed meanwhile: its own statement follows
    }
    if (!outcome) {
        if (outcome.error().code == ErrorCode::Cancelled) {
            return;
        }
        qCWarning(lcModels) << "locator query failed:" << outcome.error().toString();
        setResults({});
        // The error last, so that a view's "failed" is not replaced by its "no match".
        Q_EMIT resultsReady(m_text);
        Q_EMIT errorOccurred(outcome.error().message);
        return;
    }
    auto results = data::AssetQueries::decodeSummaries(*outcome);
    if (!results) {
        qCWarning(lcModels) << "locator results could not be decoded:"
                            << results.error().toString();
        setResults({});
        Q_EMIT resultsReady(m_text);
        Q_EMIT errorOccurred(results.error().message);
        return;
    }
    if (results->size() > MaxResults) {
        results->resize(MaxResults);
    }
    setResults(std::move(*results));
    Q_EMIT resultsReady(m_text);
}

void LocatorModel::setResults(QList<data::AssetSummary> results)
{
    if (results.isEmpty() && m_results.isEmpty()) {
        return;
    }
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

} // namespace infrasight::models
