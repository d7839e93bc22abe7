// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/assetdetailspanel.h"

#include "gis/core/assetstatus.h"
#include "models/assetdetails.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace infrasight::ui {

namespace {

constexpr int ClockIntervalMs = 30'000;
constexpr int VisibleCandidates = 6;

enum Section { AttributesSection = 0, SensorsSection, WorkOrdersSection, HistorySection };

QTableWidget *makeTable(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(int(headers.size()) - 1, QHeaderView::Stretch);
    return table;
}

/// Fills one row; a cell's tooltip is its full text (long values are cut off in the view).
void setRow(QTableWidget *table, int row, const QStringList &values)
{
    for (int column = 0; column < values.size(); ++column) {
        auto *item = new QTableWidgetItem(values.at(column));
        item->setToolTip(values.at(column));
        table->setItem(row, column, item);
    }
}

QString candidateText(const data::AssetSummary &asset)
{
    QStringList parts{asset.code};
    if (!asset.typeName.isEmpty()) {
        parts << asset.typeName;
    }
    if (const QString status = gis::assetStatusCode(asset.status); !status.isEmpty()) {
        parts << status;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

AssetDetailsPanel::AssetDetailsPanel(models::AssetDetails *details, QWidget *parent)
    : QWidget(parent)
    , m_details(details)
    , m_title(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_heading(new QLabel(this))
    , m_zoomTo(new QPushButton(tr("Zoom to"), this))
    , m_status(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_sections(new QTabWidget(this))
    , m_clock(new QTimer(this))
{
    Q_ASSERT(m_details);
    setObjectName(QStringLiteral("assetDetailsPanel"));

    m_title->setObjectName(QStringLiteral("candidatesTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("candidatesList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * (VisibleCandidates + 1));

    m_heading->setObjectName(QStringLiteral("assetHeading"));
    m_heading->setFont(bold);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_zoomTo->setObjectName(QStringLiteral("zoomToButton"));
    m_zoomTo->setToolTip(tr("Show this asset on the map"));

    m_status->setObjectName(QStringLiteral("detailsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_empty->setObjectName(QStringLiteral("detailsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("Click an asset on the map with the Identify tool, or find one with the "
                        "search box (Ctrl+K)."));

    m_sections->setObjectName(QStringLiteral("detailsSections"));
    m_attributes = makeTable(QStringLiteral("attributesTable"), {tr("Field"), tr("Value")}, this);
    m_sensors = makeTable(QStringLiteral("sensorsTable"),
                          {tr("Code"), tr("Kind"), tr("Last value"), tr("Last seen")},
                          this);
    m_workOrders = makeTable(QStringLiteral("workOrdersTable"),
                             {tr("Code"), tr("Title"), tr("Status"), tr("Priority"), tr("Due")},
                             this);
    m_history = makeTable(
        QStringLiteral("historyTable"), {tr("When"), tr("Who"), tr("What changed")}, this);
    m_sections->addTab(m_attributes, tr("Attributes"));
    m_sensors->setToolTip(tr("Double-click a sensor (or press Enter) to open its live chart"));
    connect(m_sensors, &QTableWidget::activated, this, [this](const QModelIndex &index) {
        if (index.row() < m_details->sensors().size()) {
            Q_EMIT chartRequested(m_details->sensors().at(index.row()).id);
        }
    });
    m_sections->addTab(m_sensors, tr("Sensors"));
    m_sections->addTab(m_workOrders, tr("Work orders"));
    m_sections->addTab(m_history, tr("History"));

    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_zoomTo);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addLayout(headingRow);
    layout->addWidget(m_status);
    layout->addWidget(m_sections, 1);
    layout->addWidget(m_empty, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &AssetDetailsPanel::showCandidate);
    connect(m_zoomTo, &QPushButton::clicked, this, [this] {
        const data::AssetSummary asset = currentCandidate();
        if (asset.id != 0) {
            Q_EMIT zoomToRequested(asset);
        }
    });
    connect(m_details, &models::AssetDetails::changed, this, &AssetDetailsPanel::updateDetails);
    m_clock->setInterval(ClockIntervalMs);
    connect(m_clock, &QTimer::timeout, this, &AssetDetailsPanel::fillSensors);

    clearCandidates();
}

void AssetDetailsPanel::setCandidates(const QList<data::AssetSummary> &candidates,
                                      const QString &title)
{
    m_candidates = candidates;
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const data::AssetSummary &asset : candidates) {
            auto *item = new QListWidgetItem(candidateText(asset), m_list);
            item->setToolTip(asset.name.isEmpty() ? asset.street : asset.name);
            item->setData(Qt::UserRole, asset.id);
        }
    }
    m_list->setVisible(candidates.size() > 1);
    if (candidates.isEmpty()) {
        m_details->clear();
        m_empty->setText(tr("Nothing here."));
        return;
    }
    m_list->setCurrentRow(0); // the list was cleared: row -1 -> 0 loads it in showCandidate()
}

void AssetDetailsPanel::clearCandidates()
{
    m_candidates.clear();
    m_title->clear();
    m_title->hide();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
    }
    m_list->hide();
    m_empty->setText(tr("Click an asset on the map with the Identify tool, or find one with the "
                        "search box (Ctrl+K)."));
    m_details->clear();
    updateDetails();
}

data::AssetSummary AssetDetailsPanel::currentCandidate() const
{
    const qint64 id = m_details->assetId();
    for (const data::AssetSummary &asset : m_candidates) {
        if (asset.id == id) {
            return asset;
        }
    }
    return {};
}

QString AssetDetailsPanel::relativeTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return tr("never");
    }
    const qint64 seconds = when.secsTo(now);
    constexpr qint64 Minute = 60;
    constexpr qint64 Hour = 60 * Minute;
    constexpr qint64 Day = 24 * Hour;
    if (seconds < Minute) {
        return tr("just now"); // also a clock slightly ahead of ours
    }
    if (seconds < Hour) {
        return tr("%n min ago", nullptr, int(seconds / Minute));
    }
    if (seconds < Day) {
        return tr("%n h ago", nullptr, int(seconds / Hour));
    }
    if (seconds < 7 * Day) {
        return tr("%n d ago", nullptr, int(seconds / Day));
    }
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

void AssetDetailsPanel::showCandidate(int row)
{
    if (row < 0 || row >= m_candidates.size()) {
        return;
    }
    const qint64 id = m_candidates.at(row).id;
    if (m_details->assetId() != id) {
        m_details->load(id);
    }
    Q_EMIT candidateChosen(id);
}

void AssetDetailsPanel::updateDetails()
{
    const bool hasAsset = m_details->assetId() != 0;
    m_empty->setVisible(!hasAsset);
    m_heading->setVisible(hasAsset);
    m_zoomTo->setVisible(hasAsset);
    if (!hasAsset) {
        m_status->hide();
        m_sections->hide();
        m_clock->stop();
        return;
    }

    const data::AssetSummary asset = currentCandidate();
    QString heading = asset.code;
    if (heading.isEmpty()) {
        for (const data::AssetField &field : m_details->fields()) {
            if (field.name == QLatin1String("code")) {
                heading = field.value;
            }
        }
    }
    if (!asset.name.isEmpty()) {
        heading = tr("%1 — %2").arg(heading, asset.name);
    } else if (!asset.typeName.isEmpty()) {
        heading = tr("%1 — %2").arg(heading, asset.typeName);
    }
    m_heading->setText(heading.isEmpty() ? tr("Asset %1").arg(m_details->assetId()) : heading);

    QString status;
    if (m_details->isMissing()) {
        status = tr("This asset no longer exists.");
    } else if (!m_details->errorMessage().isEmpty()) {
        status = tr("Could not load all details: %1").arg(m_details->errorMessage());
    } else if (m_details->isLoading()) {
        status = tr("Loading…");
    }
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    m_zoomTo->setEnabled(!m_details->isMissing() && asset.id != 0);
    m_sections->setVisible(!m_details->isMissing());

    fillAttributes();
    fillSensors();
    fillWorkOrders();
    fillHistory();
    updateSectionTitles();
    if (m_details->sensors().isEmpty()) {
        m_clock->stop();
    } else if (!m_clock->isActive()) {
        m_clock->start();
    }
}

void AssetDetailsPanel::fillAttributes()
{
    const QList<data::AssetField> &fields = m_details->fields();
    m_attributes->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        setRow(m_attributes, row, {fields.at(row).name, fields.at(row).value});
    }
}

void AssetDetailsPanel::fillSensors()
{
    const QList<data::AssetSensorInfo> &sensors = m_details->sensors();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    m_sensors->setRowCount(int(sensors.size()));
    for (int row = 0; row < sensors.size(); ++row) {
        const data::AssetSensorInfo &sensor = sensors.at(row);
        QString value = QStringLiteral("—");
        if (sensor.hasLastValue) {
            value = locale.toString(sensor.lastValue, 'g', 6);
            if (!sensor.unit.isEmpty()) {
                value += QLatin1Char(' ') + sensor.unit;
            }
        }
        setRow(
            m_sensors, row, {sensor.code, sensor.kind, value, relativeTime(sensor.lastSeen, now)});
        if (sensor.lastSeen.isValid()) {
            m_sensors->item(row, 3)->setToolTip(
                locale.toString(sensor.lastSeen.toLocalTime(), QLocale::LongFormat));
        }
    }
}

void AssetDetailsPanel::fillWorkOrders()
{
    const QList<data::AssetWorkOrderInfo> &orders = m_details->workOrders();
    const QLocale locale;
    m_workOrders->setRowCount(int(orders.size()));
    for (int row = 0; row < orders.size(); ++row) {
        const data::AssetWorkOrderInfo &order = orders.at(row);
        const QString due = order.due.isValid()
                                ? locale.toString(order.due.date(), QLocale::ShortFormat)
                                : QString();
        setRow(m_workOrders, row, {order.code, order.title, order.status, order.priority, due});
    }
}

void AssetDetailsPanel::fillHistory()
{
    const QList<data::AssetHistoryEntry> &history = m_details->history();
    const QLocale locale;
    m_history->setRowCount(int(history.size()));
    for (int row = 0; row < history.size(); ++row) {
        const data::AssetHistoryEntry &entry = history.at(row);
        QString what;
        if (entry.action == QLatin1String("INSERT")) {
            what = tr("Created");
        } else if (entry.action == QLatin1String("DELETE")) {
            what = tr("Deleted");
        } else {
            what = entry.changes.isEmpty() ? tr("Changed") : entry.changes;
        }
        setRow(m_history,
               row,
               {locale.toString(entry.at.toLocalTime(), QLocale::ShortFormat), entry.user, what});
    }
}

void AssetDetailsPanel::updateSectionTitles()
{
    m_sections->setTabText(SensorsSection, tr("Sensors (%1)").arg(m_details->sensors().size()));
    m_sections->setTabText(WorkOrdersSection,
                           tr("Work orders (%1)").arg(m_details->workOrders().size()));
    m_sections->setTabText(HistorySection, tr("History (%1)").arg(m_details->history().size()));
}

} // namespace infrasight::ui
