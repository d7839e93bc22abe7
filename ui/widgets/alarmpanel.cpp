// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/alarmpanel.h"

#include "models/alarmlistmodel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace infrasight::ui {

namespace {

enum Filter { AllAlarms, CriticalOnly, NewOnly };

/// Keeps the rows the filter box asks for; the order stays the server's.
class AlarmFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setFilter(Filter filter)
    {
        m_filter = filter;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const auto *alarms = static_cast<const models::AlarmListModel *>(sourceModel());
        if (sourceParent.isValid() || sourceRow >= alarms->rowCount()) {
            return false;
        }
        switch (m_filter) {
        case CriticalOnly:
            return alarms->alarm(sourceRow).critical;
        case NewOnly:
            return alarms->alarm(sourceRow).state == u"new";
        case AllAlarms:
            break;
        }
        return true;
    }

private:
    Filter m_filter = AllAlarms;
};

} // namespace

AlarmPanel::AlarmPanel(models::AlarmListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new AlarmFilter(this))
    , m_view(new QTableView(this))
    , m_filter(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_acknowledge(new QAction(tr("&Acknowledge"), this))
{
    m_proxy->setSourceModel(model);
    m_view->setObjectName(QStringLiteral("alarmTable"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(models::AlarmListModel::MessageColumn,
                                                     QHeaderView::Stretch);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);

    m_filter->setObjectName(QStringLiteral("alarmFilter"));
    m_filter->addItem(tr("All open alarms"), AllAlarms);
    m_filter->addItem(tr("Critical only"), CriticalOnly);
    m_filter->addItem(tr("New only"), NewOnly);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &AlarmPanel::applyFilter);

    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAlarmAction"));
    m_acknowledge->setShortcut(QKeySequence(Qt::Key_Space));
    m_acknowledge->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_acknowledge->setToolTip(tr("Acknowledge the selected alarms (Space; Ctrl+Return with a "
                                 "comment)"));
    connect(m_acknowledge, &QAction::triggered, this, [this] { acknowledgeSelected(); });
    addAction(m_acknowledge);
    auto *withComment = new QAction(tr("Acknowledge with &Comment…"), this);
    withComment->setObjectName(QStringLiteral("acknowledgeWithCommentAction"));
    withComment->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    withComment->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(withComment, &QAction::triggered, this, &AlarmPanel::askForCommentAndAcknowledge);
    addAction(withComment);
    auto *button = new QToolButton(this);
    button->setDefaultAction(m_acknowledge);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_status->setObjectName(QStringLiteral("alarmStatus"));
    m_status->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_filter, 1);
    top->addWidget(button);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_view, &QTableView::activated, this, &AlarmPanel::activate);
    connect(model, &models::AlarmListModel::countsChanged, this, [this] {
        m_problem.clear();
        updateStatus();
    });
    connect(model, &models::AlarmListModel::actionFailed, this, [this](const QString &message) {
        m_problem = message;
        updateStatus();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        bool any = false;
        for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
            any = any || m_model->alarm(m_proxy->mapToSource(row).row()).state == u"new";
        }
        m_acknowledge->setEnabled(any);
    });
    m_acknowledge->setEnabled(false);
    updateStatus();
}

QString AlarmPanel::statusText() const
{
    return m_status->text();
}

void AlarmPanel::acknowledgeSelected(const QString &comment)
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        ids.append(m_model->alarm(m_proxy->mapToSource(row).row()).id);
    }
    m_model->acknowledge(ids, comment);
}

void AlarmPanel::askForCommentAndAcknowledge()
{
    if (!m_acknowledge->isEnabled()) {
        return;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Acknowledge Alarms"));
    dialog->setLabelText(tr("Comment (who was told, what happens next):"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &comment) {
        acknowledgeSelected(comment.trimmed());
    });
    dialog->open();
}

void AlarmPanel::applyFilter()
{
    static_cast<AlarmFilter *>(m_proxy)->setFilter(Filter(m_filter->currentData().toInt()));
}

void AlarmPanel::updateStatus()
{
    if (!m_problem.isEmpty()) {
        m_status->setText(m_problem);
        return;
    }
    m_status->setText(tr("%1 critical and %2 warning(s) new; %3 open")
                          .arg(m_model->newCritical())
                          .arg(m_model->newWarnings())
                          .arg(m_model->openCount()));
}

void AlarmPanel::activate(const QModelIndex &index)
{
    const data::AlarmRecord &alarm = m_model->alarm(m_proxy->mapToSource(index).row());
    if (alarm.assetId != 0) {
        Q_EMIT assetRequested(alarm.assetId);
    }
    if (alarm.sensorId != 0) {
        Q_EMIT chartRequested(alarm.sensorId);
    }
}

} // namespace infrasight::ui
