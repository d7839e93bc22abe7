// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/locatormodel.h"

#include "models/errormessage.h"
#include "models/logging.h"

#include <QStringList>

namespace infrasight::models {

namespace {

/// Shorter texts match too much to be useful (the repository gives no rows for them).
constexpr int MinimumTextLength = 2;

QString searchTextOf(const QString &text)
{
    return text.simplified();
}

} // namespace

LocatorModel::LocatorModel(data::AssetRepository &repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LocatorModel::sendQuery);
}

LocatorModel::~LocatorModel()
{
    m_request.cancel();
}

void LocatorModel::setText(const QString &text)
{
    if (text == m_text && isSearching()) {
        return;
    }
    m_text = text;
    if (searchTextOf(text).size() < MinimumTextLength) {
        m_debounce.stop();
        m_request.cancel();
        m_searching = false;
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
    return m_debounce.isActive() || m_searching;
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
    // At most one search in flight: the newer text wins, the older one is cancelled and its
    // answer never arrives.
    m_request.cancel();
    m_queryText = searchTextOf(m_text);
    m_searching = true;
    m_request = m_repository.locate(
        m_queryText, MaxResults, this, [this](Result<QList<data::AssetSummary>> results) {
            handleResults(std::move(results));
        });
}

void LocatorModel::handleResults(Result<QList<data::AssetSummary>> results)
{
    m_searching = false;
    if (m_debounce.isActive() || m_queryText != searchTextOf(m_text)) {
        return; // the text changed meanwhile: its own search follows
    }
    if (!results) {
        if (results.error().code == ErrorCode::Cancelled) {
            return;
        }
        qCWarning(lcModels) << "locator search failed:" << results.error().toString();
        setResults({});
        // The error last, so that a view's "failed" is not replaced by its "no match".
        Q_EMIT resultsReady(m_text);
        Q_EMIT errorOccurred(ErrorMessage::failed(tr("The search failed"), results.error()));
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
