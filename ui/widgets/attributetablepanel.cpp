// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/attributetablepanel.h"

#include "data/assetqueries.h"
#include "models/assetselection.h"
#include "models/attributetablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QScopedValueRollback>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace infrasight::ui {

namespace {

/// A value on one line of tab-separated text.
QString tsvField(const QString &value)
{
    QString field = value;
    for (QChar &c : field) {
        if (c == u'\t' || c == u'\n' || c == u'\r') {
            c = u' ';
        }
    }
    return field;
}

/// A value as an RFC 4180 field: quoted when it holds a comma, a quote or a line break.
QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n')
        && !value.contains(u'\r')) {
        return value;
    }
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

/// Rows as lines of fields, each line ended by lineEnd; empty for no rows.
QString joinedRows(const QList<QStringList> &rows,
                   QString (*field)(const QString &),
                   QChar separator,
                   const QString &lineEnd)
{
    QString text;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (column > 0) {
                text += separator;
            }
            text += field(row.at(column));
        }
        text += lineEnd;
    }
    return text;
}

bool sameQuery(const data::AttributeQuery &a, const data::AttributeQuery &b)
{
    return a.typeIds == b.typeIds && a.text == b.text && a.onlyIds == b.onlyIds
           && a.onlyIdsActive == b.onlyIdsActive && a.sortColumn == b.sortColumn
           && a.sortOrder == b.sortOrder;
}

QToolButton *toolButtonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

AttributeTablePanel::AttributeTablePanel(models::AttributeTableModel *model,
                                         models::AssetSelection *selection,
                                         QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_selection(selection)
{
    Q_ASSERT(m_model && m_selection);
    m_typeIds = m_model->query().typeIds;

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("attributeFilter"));
    m_filter->setPlaceholderText(tr("Filter by code, name or street"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setText(m_model->query().text);

    m_selectedOnly = new QCheckBox(tr("Selected only"), this);
    m_selectedOnly->setObjectName(QStringLiteral("attributeSelectedOnly"));
    m_selectedOnly->setChecked(m_model->query().onlyIdsActive);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("attributeStatus"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("attributeTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Show the order the model already has before sorting is turned on: turning it on sorts by
    // the header's indicator, which would otherwise be column 0 descending.
    const int sortSection
        = int(data::AssetQueries::attributeColumns().indexOf(m_model->query().sortColumn));
    m_view->horizontalHeader()->setSortIndicator(std::max(sortSection, 0),
                                                 m_model->query().sortOrder);
    m_view->setSortingEnabled(true);

    m_zoomAction = new QAction(tr("Zoom to Selection"), this);
    m_zoomAction->setToolTip(tr("Show the selected assets on the map"));
    m_copyAction = new QAction(tr("Copy"), this);
    m_copyAction->setToolTip(
        tr("Copy the selected rows (%1)")
            .arg(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
    m_clearAction = new QAction(tr("Clear Selection"), this);
    // Ctrl+C in the table copies the selected rows (eventFilter()); in the filter box it copies
    // the box's text as usual.
    m_view->installEventFilter(this);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_selectedOnly);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_status, 1);
    buttonRow->addWidget(toolButtonFor(m_zoomAction, this));
    buttonRow->addWidget(toolButtonFor(m_copyAction, this));
    buttonRow->addWidget(toolButtonFor(m_clearAction, this));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttonRow);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(FilterDelayMs);
    connect(&m_filterDelay, &QTimer::timeout, this, &AttributeTablePanel::applyQueryChange);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_filterDelay.start(); });
    // Enter does not wait for the delay.
    connect(m_filter, &QLineEdit::returnPressed, this, &AttributeTablePanel::applyQueryChange);
    connect(m_selectedOnly, &QCheckBox::toggled, this, &AttributeTablePanel::applyQueryChange);

    connect(m_zoomAction, &QAction::triggered, this, [this] {
        if (!m_selection->isEmpty()) {
            Q_EMIT zoomToSelectionRequested();
        }
    });
    connect(m_copyAction, &QAction::triggered, this, &AttributeTablePanel::copySelection);
    connect(m_clearAction, &QAction::triggered, this, &AttributeTablePanel::clearSelection);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &AttributeTablePanel::handleViewSelectionChanged);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &AttributeTablePanel::handleActivated);
    connect(m_selection,
            &models::AssetSelection::changed,
            this,
            &AttributeTablePanel::handleSelectionChanged);
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this, &AttributeTablePanel::handleRowsInserted);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_error.clear();
        updateStatus();
        updateActions();
    });
    connect(
        m_model, &models::AttributeTableModel::estimateChanged, this, [this] { updateStatus(); });
    connect(m_model, &models::AttributeTableModel::loadingChanged, this, [this](bool loading) {
        if (loading) {
            m_error.clear(); // a new attempt: the last error no longer holds
        }
        updateStatus();
    });
    connect(
        m_model, &models::AttributeTableModel::errorOccurred, this, [this](const QString &message) {
            m_error = message;
            updateStatus();
        });

    selectRowsOfSelection(0, m_model->rowCount() - 1, true);
    updateStatus();
    updateActions();
}

bool AttributeTablePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            // Ours, not a window's Edit > Copy, and not QAbstractItemView's own copy of the
            // current cell: the override is accepted so that the key press comes here.
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                copySelection();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AttributeTablePanel::setTypeFilter(const QList<qint64> &typeIds)
{
    m_typeIds = typeIds;
    applyQueryChange();
}

QString AttributeTablePanel::statusText() const
{
    return m_status->text();
}

QString AttributeTablePanel::selectedRowsAsText() const
{
    return joinedRows(selectedRowTexts(), tsvField, u'\t', QStringLiteral("\n"));
}

void AttributeTablePanel::copySelection()
{
    QMimeData *mime = selectedRowsAsMimeData();
    if (!mime) {
        return;
    }
    QGuiApplication::clipboard()->setMimeData(mime);
}

void AttributeTablePanel::clearSelection()
{
    // The view follows through handleSelectionChanged().
    m_selection->clear();
}

void AttributeTablePanel::applyQueryChange()
{
    m_filterDelay.stop();
    data::AttributeQuery query = m_model->query();
    query.text = m_filter->text().trimmed();
    query.typeIds = m_typeIds;
    query.onlyIdsActive = m_selectedOnly->isChecked();
    query.onlyIds = query.onlyIdsActive ? m_selection->sortedIds() : QList<qint64>();
    const bool queried = m_model->rowCount() > 0 || m_model->isLoading() || m_model->isComplete();
    if (queried && sameQuery(query, m_model->query())) {
        return;
    }
    m_model->setQuery(query);
}

void AttributeTablePanel::handleViewSelectionChanged()
{
    updateActions();
    if (m_syncing) {
        return;
    }
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        ids.push_back(m_model->assetId(index.row()));
    }
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    m_selection->select(ids, models::AssetSelection::Mode::Replace);
}

void AttributeTablePanel::handleSelectionChanged()
{
    updateActions();
    if (m_syncing) {
        return;
    }
    if (m_selectedOnly->isChecked()) {
        // The rows come back through rowsInserted() and are selected there.
        applyQueryChange();
        return;
    }
    selectRowsOfSelection(0, m_model->rowCount() - 1, true);
}

void AttributeTablePanel::selectRowsOfSelection(int first, int last, bool clearFirst)
{
    QList<int> rows;
    if (m_selection->size() < last - first + 1) {
        for (const qint64 id : m_selection->ids()) {
            const int row = m_model->rowOfAsset(id);
            if (row >= first && row <= last) {
                rows.push_back(row);
            }
        }
        std::sort(rows.begin(), rows.end());
    } else {
        for (int row = first; row <= last; ++row) {
            if (m_selection->contains(m_model->assetId(row))) {
                rows.push_back(row);
            }
        }
    }
    // Runs of consecutive rows as one range each: selecting 10,000 rows one by one would make
    // the selection model crawl.
    QItemSelection itemSelection;
    const int lastColumn = m_model->columnCount() - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1) {
            ++j;
        }
        itemSelection.select(m_model->index(rows.at(i), 0), m_model->index(rows.at(j), lastColumn));
        i = j + 1;
    }
    if (!clearFirst && itemSelection.isEmpty()) {
        return;
    }
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    const auto flags
        = (clearFirst ? QItemSelectionModel::ClearAndSelect : QItemSelectionModel::Select)
          | QItemSelectionModel::Rows;
    m_view->selectionModel()->select(itemSelection, flags);
}

void AttributeTablePanel::handleRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!parent.isValid() && !m_selection->isEmpty()) {
        selectRowsOfSelection(first, last, false);
    }
    updateStatus();
}

void AttributeTablePanel::handleActivated(const QModelIndex &index)
{
    if (index.isValid()) {
        Q_EMIT assetActivated(m_model->assetId(index.row()));
    }
}

void AttributeTablePanel::updateStatus()
{
    const QLocale locale;
    const qint64 rows = m_model->rowCount();
    QString text;
    if (m_model->isComplete() || m_model->estimatedTotal() < 0) {
        text = rows == 1 ? tr("1 asset") : tr("%1 assets").arg(locale.toString(rows));
    } else {
        // The estimate can be below what is already fetched; never say "1,500 of about 1,200".
        text = tr("%1 of about %2 assets")
                   .arg(locale.toString(rows),
                        locale.toString(std::max(rows, m_model->estimatedTotal())));
    }
    if (m_model->isLoading()) {
        text += u' ' + tr("(loading…)");
    }
    if (!m_error.isEmpty()) {
        text += QStringLiteral(" — ") + tr("Error: %1").arg(m_error);
    }
    m_status->setText(text);
}

void AttributeTablePanel::updateActions()
{
    m_zoomAction->setEnabled(!m_selection->isEmpty());
    m_clearAction->setEnabled(!m_selection->isEmpty());
    m_copyAction->setEnabled(m_view->selectionModel()->hasSelection());
}

QList<QStringList> AttributeTablePanel::selectedRowTexts() const
{
    QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        return {};
    }
    std::sort(selected.begin(), selected.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    const int columns = m_model->columnCount();
    QList<QStringList> rows;
    rows.reserve(selected.size() + 1);
    QStringList header;
    for (int column = 0; column < columns; ++column) {
        header.push_back(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    }
    rows.push_back(header);
    for (const QModelIndex &index : std::as_const(selected)) {
        QStringList values;
        values.reserve(columns);
        for (int column = 0; column < columns; ++column) {
            values.push_back(m_model->index(index.row(), column).data().toString());
        }
        rows.push_back(values);
    }
    return rows;
}

QMimeData *AttributeTablePanel::selectedRowsAsMimeData() const
{
    const QList<QStringList> rows = selectedRowTexts();
    if (rows.isEmpty()) {
        return nullptr;
    }
    auto *mime = new QMimeData;
    mime->setText(joinedRows(rows, tsvField, u'\t', QStringLiteral("\n")));
    mime->setData(QStringLiteral("text/csv"),
                  joinedRows(rows, csvField, u',', QStringLiteral("\r\n")).toUtf8());
    return mime;
}

} // namespace infrasight::ui
