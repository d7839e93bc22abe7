// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/attributetablemodel.h"

#include "gis/core/assetstatus.h"
#include "models/errormessage.h"
#include "models/logging.h"

#include <iterator>

namespace infrasight::models {

namespace {

/// Numbers right-aligned (as spreadsheets and QGIS show them), the rest left-aligned.
QVariant alignmentOf(const QString &column)
{
    const bool numeric = column == u"id" || column == u"condition";
    return QVariant::fromValue(
        Qt::Alignment((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
}

struct ColumnTitle
{
    const char *column; ///< as AssetRepository::attributeColumns() names it
    const char *title;
};

/// The header of each column, translated in headerData().
constexpr ColumnTitle ColumnTitles[] = {
    {"id", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "ID")},
    {"code", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Code")},
    {"name", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Name")},
    {"type", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Type")},
    {"street", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Street")},
    {"status", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Status")},
    {"condition", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Condition")},
    {"install_date", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Installed")},
    {"updated_at", QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Updated")},
};

/// The status as shown, indexed by gis::AssetStatus (Unknown shows the database's code).
constexpr const char *StatusNames[] = {
    QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Active"),
    QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Inactive"),
    QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Faulty"),
    QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Planned"),
    QT_TRANSLATE_NOOP("infrasight::models::AttributeTableModel", "Retired"),
};
static_assert(std::size(StatusNames) == gis::AssetStatusCount - 1);

} // namespace

AttributeTableModel::AttributeTableModel(data::AssetRepository &repository, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
    , m_columns(repository.attributeColumns())
    , m_statusColumn(int(m_columns.indexOf(QStringLiteral("status"))))
{}

AttributeTableModel::~AttributeTableModel()
{
    cancelPending();
}

void AttributeTableModel::setQuery(const data::AttributeQuery &query)
{
    beginResetModel();
    cancelPending();
    m_query = query;
    m_rows.clear();
    m_ids.clear();
    m_rowOfId.clear();
    m_active = true;
    m_complete = false;
    // Asked before endResetModel(): views and testers call fetchMore() from modelReset(), and
    // must find the first page already in flight instead of asking for it a second time.
    submitPage();
    endResetModel();
    setEstimate(-1);
    m_estimateRequest = m_repository.attributeEstimate(
        m_query, this, [this](const Result<qint64> &estimate) { handleEstimate(estimate); });
}

void AttributeTableModel::refresh()
{
    if (m_active) {
        setQuery(m_query);
    }
}

qint64 AttributeTableModel::assetId(int row) const
{
    return m_ids.value(row, 0);
}

int AttributeTableModel::rowOfAsset(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::EditRole:
        // The value as the database has it (the status code, not its translation).
        return m_rows.at(index.row()).at(index.column());
    case Qt::TextAlignmentRole:
        return alignmentOf(m_columns.at(index.column()));
    case AssetIdRole:
        return m_ids.at(index.row());
    default:
        return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::TextAlignmentRole) {
        return alignmentOf(m_columns.at(section));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const QString &name = m_columns.at(section);
    for (const ColumnTitle &title : ColumnTitles) {
        if (name == QLatin1StringView(title.column)) {
            return tr(title.title);
        }
    }
    return name;
}

bool AttributeTableModel::canFetchMore(const QModelIndex &parent) const
{
    // True while a page is in flight too: fetchMore() then does nothing, and a failed page
    // leaves it true so that the view's next scroll (or the caller) retries.
    return !parent.isValid() && m_active && !m_complete;
}

void AttributeTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_active || m_complete || m_loading) {
        return;
    }
    submitPage();
}

void AttributeTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size()) {
        return;
    }
    data::AttributeQuery query = m_query;
    query.sortColumn = m_columns.at(column);
    query.sortOrder = order;
    if (query.sortColumn == m_query.sortColumn && order == m_query.sortOrder) {
        // A view turning sorting on asks for the order the rows already have (or will have,
        // once the owner sets the first query).
        return;
    }
    setQuery(query);
}

void AttributeTableModel::submitPage()
{
    // Offset = the rows so far: the server orders by (sort key, id), so consecutive pages of
    // an unchanged table neither overlap nor leave gaps.
    setLoading(true);
    m_pageRequest = m_repository.attributePage(
        m_query, int(m_rows.size()), PageSize, this, [this](Result<QList<QStringList>> page) {
            handlePage(std::move(page));
        });
}

void AttributeTableModel::handlePage(Result<QList<QStringList>> page)
{
    // m_loading stays set until the rows are in: a fetchMore() (which views and testers call
    // from rowsAboutToBeInserted()) must not ask for the same offset.
    m_pageRequest = {};
    if (!page) {
        setLoading(false);
        if (page.error().code == ErrorCode::Cancelled) {
            return;
        }
        // The rows so far stay; m_complete stays false, so fetchMore() asks for the page again.
        qCWarning(lcModels) << "attribute table page failed:" << page.error().toString();
        Q_EMIT errorOccurred(
            ErrorMessage::failed(tr("The attribute table could not be read"), page.error()));
        return;
    }
    const int count = int(page->size());
    for (const QStringList &values : std::as_const(*page)) {
        if (values.size() != m_columns.size()) {
            setLoading(false);
            qCWarning(lcModels) << "attribute table page has" << values.size()
                                << "columns instead of" << m_columns.size();
            Q_EMIT errorOccurred(tr("The attribute table could not be read."));
            return;
        }
    }
    // Known before the rows are announced: a view or tester reacting to rowsInserted() may ask
    // canFetchMore() at once, and a short page means there is nothing more to ask for.
    m_complete = count < PageSize;
    if (count > 0) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + count - 1);
        m_rows.reserve(first + count);
        m_ids.reserve(first + count);
        for (QStringList &values : *page) {
            const qint64 id = values.constFirst().toLongLong();
            m_rowOfId.insert(id, int(m_rows.size()));
            m_ids.push_back(id);
            m_rows.push_back(std::move(values));
        }
        endInsertRows();
    }
    setLoading(false);
}

void AttributeTableModel::handleEstimate(const Result<qint64> &estimate)
{
    m_estimateRequest = {};
    if (!estimate) {
        if (estimate.error().code != ErrorCode::Cancelled) {
            qCWarning(lcModels) << "attribute table estimate failed:"
                                << estimate.error().toString();
        }
        return;
    }
    setEstimate(*estimate);
}

void AttributeTableModel::cancelPending()
{
    // m_loading stays as it is until submitPage(): isLoading() does not blink off and on across
    // a reset, and a fetchMore() during the reset submits nothing.
    m_pageRequest.cancel();
    m_estimateRequest.cancel();
}

void AttributeTableModel::setLoading(bool loading)
{
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged(m_loading);
    }
}

void AttributeTableModel::setEstimate(qint64 estimate)
{
    if (estimate == m_estimate) {
        return;
    }
    m_estimate = estimate;
    Q_EMIT estimateChanged(m_estimate);
}

QString AttributeTableModel::displayText(int row, int column) const
{
    const QString &value = m_rows.at(row).at(column);
    if (column != m_statusColumn) {
        return value;
    }
    const auto status = gis::assetStatusFromCode(value);
    if (status == gis::AssetStatus::Unknown) {
        return value;
    }
    return tr(StatusNames[int(status)]);
}

} // namespace infrasight::models
