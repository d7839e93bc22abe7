// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

class QAction;
class QCheckBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QMimeData;
class QModelIndex;
class QTableView;

namespace infrasight::models {
class AssetSelection;
class AttributeTableModel;
} // namespace infrasight::models

namespace infrasight::ui {

/// The attribute table dock's content: a filter box (code, name or street; sent 250 ms after the
/// last key), a "Selected only" check box, a status line ("1,234 of about 1,000,000 assets"), and
/// the table (pages fetched as the operator scrolls, sorted by the server on a header click)
/// with Zoom to Selection, Copy (also Ctrl+C in the table) and Clear Selection.
/// The table and the shared AssetSelection follow each other both ways: rows selected in the
/// table become the selection, and a selection made elsewhere (the map) selects the fetched
/// rows of its assets; with "Selected only" on, the table then shows the new selection.
/// The panel never sets a query of its own until the filter, the check box, setTypeFilter() or
/// a header click changes one: the owner starts the table with model->setQuery().
/// The model and the selection are borrowed and must outlive the panel. GUI thread only.
class AttributeTablePanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int FilterDelayMs = 250;

    AttributeTablePanel(models::AttributeTableModel *model,
                        models::AssetSelection *selection,
                        QWidget *parent = nullptr);

    /// Shows only assets of these types (empty: all types) and runs the query again.
    void setTypeFilter(const QList<qint64> &typeIds);

    QTableView *tableView() const { return m_view; }

    /// The status line's text.
    QString statusText() const;

    /// The selected rows (in table order) as tab-separated text with a header line; tabs and
    /// line breaks inside values become spaces. Empty when no row is selected.
    QString selectedRowsAsText() const;

public Q_SLOTS:
    /// Puts the selected rows on the clipboard as text (tab-separated, with a header line) and
    /// as text/csv (RFC 4180).
    void copySelection();
    void clearSelection();

Q_SIGNALS:
    /// The operator asked to see the selected assets on the map.
    void zoomToSelectionRequested();
    /// A row was double-clicked.
    void assetActivated(qint64 id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyQueryChange();
    void handleViewSelectionChanged();
    void handleSelectionChanged();
    void selectRowsOfSelection(int first, int last, bool clearFirst);
    void handleRowsInserted(const QModelIndex &parent, int first, int last);
    void handleActivated(const QModelIndex &index);
    void updateStatus();
    void updateActions();
    QList<QStringList> selectedRowTexts() const;
    QMimeData *selectedRowsAsMimeData() const;

    models::AttributeTableModel *m_model = nullptr;
    models::AssetSelection *m_selection = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_selectedOnly = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QAction *m_zoomAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_clearAction = nullptr;
    QTimer m_filterDelay;
    QList<qint64> m_typeIds;
    QString m_error;
    /// Set while the panel itself moves the selection one way, so that the echo coming back the
    /// other way is ignored (table -> AssetSelection -> table would loop and lose the anchor).
    bool m_syncing = false;
};

} // namespace infrasight::ui
