// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/geofencepanel.h"

#include "gis/core/geometry.h"
#include "gis/proj/geometryvalidator.h"
#include "models/geofenceeditsession.h"
#include "models/geofencelistmodel.h"
#include "ui/widgets/geofenceconflictdialog.h"
#include "ui/widgets/geofencecoordinatesdialog.h"
#include "ui/widgets/geofenceedittool.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimeEdit>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace infrasight::ui {

using namespace Qt::StringLiterals;

namespace {

QComboBox *alarmCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(GeofencePanel::tr("no alarm"), QString());
    combo->addItem(GeofencePanel::tr("warning alarm"), QStringLiteral("warning"));
    combo->addItem(GeofencePanel::tr("critical alarm"), QStringLiteral("critical"));
    return combo;
}

void setAlarm(QComboBox *combo, const QJsonObject &rule)
{
    const int index = combo->findData(rule.value(QStringLiteral("alarm")).toString());
    combo->setCurrentIndex(std::max(index, 0));
}

/// The lon/lat bounds of a shape (null for an empty one).
QRectF boundsOf(const gis::MultiPolygon &shape)
{
    return gis::Geometry(shape).boundingBox().toRectF();
}

QString purposeText(const QString &purpose)
{
    if (purpose == u"maintenance_zone") {
        return GeofencePanel::tr("Maintenance zone");
    }
    if (purpose == u"restricted_area") {
        return GeofencePanel::tr("Restricted area");
    }
    if (purpose == u"district") {
        return GeofencePanel::tr("District");
    }
    return GeofencePanel::tr("Custom");
}

} // namespace

GeofencePanel::GeofencePanel(models::GeofenceListModel *fences,
                             models::GeofenceEditSession *session,
                             GeofenceEditTool *tool,
                             QWidget *parent)
    : QWidget(parent)
    , m_fences(fences)
    , m_session(session)
    , m_tool(tool)
    , m_validator(std::make_unique<gis::GeometryValidator>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("geofenceList"));
    m_list->setModel(fences);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMinimumHeight(90);
    auto *listButtons = new QHBoxLayout;
    m_newButton = new QPushButton(
        QIcon(QStringLiteral(":/icons/tool-geofence.svg")), tr("New &Geofence"), this);
    m_newButton->setObjectName(QStringLiteral("newGeofenceButton"));
    m_deleteButton = new QPushButton(tr("Dele&te…"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteGeofenceButton"));
    listButtons->addWidget(m_newButton);
    listButtons->addStretch();
    listButtons->addWidget(m_deleteButton);

    // Two rows: the shape tools, then undo, redo, numeric entry and snapping.
    m_drawBar = new QToolBar(this);
    m_drawBar->setObjectName(QStringLiteral("geofenceDrawBar"));
    m_drawBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_editBar = new QToolBar(this);
    m_editBar->setObjectName(QStringLiteral("geofenceEditBar"));
    m_editBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    createDrawActions(m_drawBar, m_editBar);
    setMinimumWidth(430);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(createForm());
    contentLayout->addWidget(createInside());
    scroll->setWidget(content);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_list);
    topLayout->addLayout(listButtons);
    splitter->addWidget(top);
    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_drawBar);
    bottomLayout->addWidget(m_editBar);
    bottomLayout->addWidget(scroll);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter);

    connect(m_newButton, &QPushButton::clicked, this, [this] { newFence(); });
    connect(m_deleteButton, &QPushButton::clicked, this, &GeofencePanel::askToDelete);
    connect(m_list->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) {
                if (!current.isValid()) {
                    return;
                }
                const qint64 id = current.data(models::GeofenceListModel::FenceIdRole).toLongLong();
                if (!(m_session->isActive() && m_session->fenceId() == id)) {
                    openFence(id);
                }
            });
    connect(fences, &QAbstractItemModel::modelReset, this, [this] {
        reselectCurrent();
        if (m_session->isActive() && m_session->fenceId() != 0 && !m_saving
            && m_fences->fence(m_session->fenceId()) == nullptr) {
            if (hasUnsavedChanges()) {
                setMessage(tr("Someone deleted this geofence; your changes are kept, and Save "
                              "offers to keep them as a new geofence."),
                           true);
            } else {
                m_session->end();
                showRecord({});
                showInside(0, {});
                setMessage(tr("Someone deleted the geofence you had open."));
            }
        }
        // Someone else saved the fence open here: the edit stays, the save will ask.
        if (const data::GeofenceRecord *theirs
            = m_session->isActive() ? m_fences->fence(m_session->fenceId()) : nullptr;
            theirs != nullptr && !m_saving && theirs->version != m_session->baseVersion()) {
            if (hasUnsavedChanges()) {
                setMessage(tr("%1 saved a newer version of this geofence; your changes are kept, "
                              "and saving will show both.")
                               .arg(theirs->updatedBy),
                           true);
            } else {
                // Nothing of ours to keep: show theirs.
                m_session->begin(theirs->id, theirs->version, theirs->shape);
                showRecord(*theirs);
                setMessage(tr("Updated to the version %1 saved.").arg(theirs->updatedBy));
            }
        }
        updateState();
    });
    connect(fences, &models::GeofenceListModel::saved, this, &GeofencePanel::handleSaved);
    connect(fences, &models::GeofenceListModel::saveConflict, this, &GeofencePanel::handleConflict);
    connect(fences, &models::GeofenceListModel::saveFailed, this, [this](const QString &text) {
        m_saving = false;
        setMessage(text + u' ' + tr("Your changes are kept."), true);
        updateState();
    });
    connect(fences, &models::GeofenceListModel::removed, this, [this](qint64 id) {
        if (m_session->fenceId() == id) {
            m_session->end();
            showRecord({});
        }
        setMessage(tr("Geofence deleted."));
        updateState();
    });
    connect(
        fences, &models::GeofenceListModel::assetsInsideArrived, this, &GeofencePanel::showInside);
    connect(session, &models::GeofenceEditSession::shapeChanged, this, &GeofencePanel::updateState);
    connect(session->undoStack(), &QUndoStack::cleanChanged, this, &GeofencePanel::updateState);
    connect(tool, &GeofenceEditTool::editFinished, this, &GeofencePanel::validateShape);
    connect(tool, &GeofenceEditTool::fenceClicked, this, &GeofencePanel::openFence);
    connect(
        tool, &GeofenceEditTool::message, this, [this](const QString &text) { setMessage(text); });
    showRecord({});
    updateState();
}

GeofencePanel::~GeofencePanel() = default;

void GeofencePanel::createDrawActions(QToolBar *bar, QToolBar *editBar)
{
    struct Entry
    {
        QString text;
        QString tip;
        GeofenceEditTool::Mode mode;
        QString name;
    };

    const QList<Entry> entries{
        {tr("Edit"),
         tr("Drag vertices, double-click an edge to add one, Delete removes one"),
         GeofenceEditTool::Mode::Edit,
         QStringLiteral("editVerticesAction")},
        {tr("Polygon"),
         tr("Click the vertices; double-click or Enter finishes"),
         GeofenceEditTool::Mode::Polygon,
         QStringLiteral("drawPolygonAction")},
        {tr("Rectangle"),
         tr("Drag from corner to corner"),
         GeofenceEditTool::Mode::Rectangle,
         QStringLiteral("drawRectangleAction")},
        {tr("Circle"),
         tr("Drag from the centre; the radius is geodesic, in metres"),
         GeofenceEditTool::Mode::Circle,
         QStringLiteral("drawCircleAction")},
        {tr("Corridor"),
         tr("Click a line; Enter buffers it by the corridor width"),
         GeofenceEditTool::Mode::Corridor,
         QStringLiteral("drawCorridorAction")},
        {tr("Hole"),
         tr("Draw a hole inside the fence"),
         GeofenceEditTool::Mode::Hole,
         QStringLiteral("drawHoleAction")},
        {tr("Part"),
         tr("Draw another polygon of the same fence"),
         GeofenceEditTool::Mode::Part,
         QStringLiteral("drawPartAction")},
    };
    auto *group = new QActionGroup(this);
    for (const Entry &entry : entries) {
        QAction *action = bar->addAction(entry.text);
        action->setObjectName(entry.name);
        action->setToolTip(entry.tip);
        action->setCheckable(true);
        action->setChecked(entry.mode == GeofenceEditTool::Mode::Edit);
        group->addAction(action);
        const GeofenceEditTool::Mode mode = entry.mode;
        connect(action, &QAction::triggered, this, [this, mode] {
            Q_EMIT toolRequested();
            m_tool->setMode(mode);
        });
        connect(m_tool,
                &GeofenceEditTool::modeChanged,
                action,
                [action, mode](GeofenceEditTool::Mode now) { action->setChecked(now == mode); });
    }
    m_undo = m_session->undoStack()->createUndoAction(this, tr("Undo"));
    m_undo->setObjectName(QStringLiteral("geofenceUndoAction"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WindowShortcut);
    m_redo = m_session->undoStack()->createRedoAction(this, tr("Redo"));
    m_redo->setObjectName(QStringLiteral("geofenceRedoAction"));
    m_redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redo->setShortcutContext(Qt::WindowShortcut);
    editBar->addAction(m_undo);
    editBar->addAction(m_redo);
    editBar->addSeparator();
    QAction *coordinates
        = editBar->addAction(tr("Coordinates…"), this, &GeofencePanel::openCoordinates);
    coordinates->setObjectName(QStringLiteral("geofenceCoordinatesAction"));
    coordinates->setToolTip(tr("Type the vertices, or a circle's centre and radius"));
    QAction *snapping = editBar->addAction(tr("Snap"));
    snapping->setObjectName(QStringLiteral("geofenceSnapAction"));
    snapping->setCheckable(true);
    snapping->setChecked(m_tool->snapping());
    snapping->setToolTip(tr("Snap to the vertices and edges of other geofences and of the "
                            "asset layers shown, within %1 px")
                             .arg(GeofenceEditTool::SnapTolerancePx));
    connect(snapping, &QAction::toggled, m_tool, &GeofenceEditTool::setSnapping);
    m_snapMenu = new QMenu(this);
    m_snapMenu->setObjectName(QStringLiteral("geofenceSnapMenu"));
    snapping->setMenu(m_snapMenu);
    if (auto *button = qobject_cast<QToolButton *>(editBar->widgetForAction(snapping))) {
        button->setPopupMode(QToolButton::MenuButtonPopup);
    }
    // The corridor's width: the line is buffered by half of it on either side.
    auto *width = new QDoubleSpinBox(editBar);
    width->setObjectName(QStringLiteral("corridorWidth"));
    width->setRange(1.0, 2000.0);
    width->setDecimals(1);
    width->setSuffix(tr(" m"));
    width->setValue(m_tool->corridorHalfWidthM() * 2.0);
    width->setToolTip(tr("Width of the corridor the Corridor tool draws (metres, geodesic)"));
    editBar->addSeparator();
    editBar->addWidget(new QLabel(tr("Corridor:"), editBar));
    editBar->addWidget(width);
    connect(width, &QDoubleSpinBox::valueChanged, m_tool, [this](double metres) {
        m_tool->setCorridorHalfWidthM(metres / 2.0);
    });
}

QWidget *GeofencePanel::createForm()
{
    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("geofenceName"));
    m_name->setMaxLength(200);
    form->addRow(tr("&Name:"), m_name);

    m_purpose = new QComboBox(m_form);
    m_purpose->setObjectName(QStringLiteral("geofencePurpose"));
    for (const char *purpose : {"maintenance_zone", "restricted_area", "district", "custom"}) {
        const QString key = QString::fromLatin1(purpose);
        m_purpose->addItem(purposeText(key), key);
    }
    m_colour = new QToolButton(m_form);
    m_colour->setObjectName(QStringLiteral("geofenceColour"));
    m_colour->setToolTip(tr("The fence's colour on the map (its purpose's colour unless chosen)"));
    m_colour->setPopupMode(QToolButton::MenuButtonPopup);
    QAction *purposeColour = new QAction(tr("Use the Purpose's Colour"), m_colour);
    connect(purposeColour, &QAction::triggered, this, [this] {
        m_colourValue.clear();
        markFormChanged();
    });
    m_colour->addAction(purposeColour);
    connect(m_colour, &QToolButton::clicked, this, &GeofencePanel::chooseColour);
    auto *purposeRow = new QHBoxLayout;
    purposeRow->addWidget(m_purpose, 1);
    purposeRow->addWidget(m_colour);
    auto *purposeLabel = new QLabel(tr("&Purpose:"), m_form);
    purposeLabel->setBuddy(m_purpose);
    form->addRow(purposeLabel, purposeRow);

    m_active = new QCheckBox(tr("&Active (events are recorded)"), m_form);
    m_active->setObjectName(QStringLiteral("geofenceActive"));
    form->addRow(QString(), m_active);

    m_always = new QCheckBox(tr("At all t&imes"), m_form);
    m_always->setObjectName(QStringLiteral("geofenceAlways"));
    // Two rows of days, so the dock stays narrow.
    auto *days = new QGridLayout;
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), m_form);
        box->setObjectName(QStringLiteral("geofenceDay%1").arg(day));
        m_days.append(box);
        days->addWidget(box, (day - 1) / 4, (day - 1) % 4);
    }
    days->setColumnStretch(4, 1);
    m_from = new QTimeEdit(m_form);
    m_from->setObjectName(QStringLiteral("geofenceFrom"));
    m_from->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to = new QTimeEdit(m_form);
    m_to->setObjectName(QStringLiteral("geofenceTo"));
    m_to->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to->setToolTip(tr("Until (not included); before From means overnight"));
    auto *hours = new QHBoxLayout;
    hours->addWidget(m_from);
    hours->addWidget(new QLabel(tr("to"), m_form));
    hours->addWidget(m_to);
    hours->addStretch();
    form->addRow(tr("Schedule:"), m_always);
    form->addRow(QString(), days);
    form->addRow(QString(), hours);
    connect(m_always, &QCheckBox::toggled, this, [this](bool always) {
        for (QCheckBox *day : std::as_const(m_days)) {
            day->setEnabled(!always);
        }
        m_from->setEnabled(!always);
        m_to->setEnabled(!always);
    });

    m_enter = new QCheckBox(tr("&Enter"), m_form);
    m_enter->setObjectName(QStringLiteral("ruleEnter"));
    m_enterAlarm = alarmCombo(m_form);
    m_enterAlarm->setObjectName(QStringLiteral("ruleEnterAlarm"));
    auto *enterRow = new QHBoxLayout;
    enterRow->addWidget(m_enter);
    enterRow->addWidget(m_enterAlarm, 1);
    m_exit = new QCheckBox(tr("E&xit"), m_form);
    m_exit->setObjectName(QStringLiteral("ruleExit"));
    m_exitAlarm = alarmCombo(m_form);
    auto *exitRow = new QHBoxLayout;
    exitRow->addWidget(m_exit);
    exitRow->addWidget(m_exitAlarm, 1);
    m_dwell = new QCheckBox(tr("&Dwell ≥"), m_form);
    m_dwell->setObjectName(QStringLiteral("ruleDwell"));
    m_dwellSeconds = new QSpinBox(m_form);
    m_dwellSeconds->setObjectName(QStringLiteral("ruleDwellSeconds"));
    m_dwellSeconds->setRange(1, 7 * 24 * 3600);
    m_dwellSeconds->setSuffix(tr(" s"));
    m_dwellAlarm = alarmCombo(m_form);
    auto *dwellRow = new QHBoxLayout;
    dwellRow->addWidget(m_dwell);
    dwellRow->addWidget(m_dwellSeconds);
    dwellRow->addWidget(m_dwellAlarm, 1);
    form->addRow(tr("Rules:"), enterRow);
    form->addRow(QString(), exitRow);
    form->addRow(QString(), dwellRow);
    m_classes = new QLineEdit(m_form);
    m_classes->setObjectName(QStringLiteral("ruleClasses"));
    m_classes->setPlaceholderText(tr("every class"));
    m_classes->setToolTip(tr("Object classes the rules apply to, separated by commas (a "
                             "vehicle's class is its crew's department code)"));
    form->addRow(tr("C&lasses:"), m_classes);
    m_buffer = new QDoubleSpinBox(m_form);
    m_buffer->setObjectName(QStringLiteral("ruleBuffer"));
    m_buffer->setRange(0.5, 500.0);
    m_buffer->setDecimals(1);
    m_buffer->setSuffix(tr(" m"));
    m_buffer->setToolTip(tr("Hysteresis band either side of the border: GPS jitter within it "
                            "raises nothing"));
    form->addRow(tr("&Band:"), m_buffer);

    m_message = new QLabel(m_form);
    m_message->setObjectName(QStringLiteral("geofenceMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_message);
    auto *buttons = new QHBoxLayout;
    m_repairButton = new QPushButton(tr("&Repair Shape"), m_form);
    m_repairButton->setObjectName(QStringLiteral("repairButton"));
    m_repairButton->setToolTip(tr("Make the shape valid with GEOS's structure method (one undo "
                                  "step)"));
    m_repairButton->hide();
    m_saveButton = new QPushButton(tr("&Save"), m_form);
    m_saveButton->setObjectName(QStringLiteral("saveGeofenceButton"));
    m_discardButton = new QPushButton(tr("Dis&card"), m_form);
    m_discardButton->setObjectName(QStringLiteral("discardGeofenceButton"));
    buttons->addWidget(m_repairButton);
    buttons->addStretch();
    buttons->addWidget(m_discardButton);
    buttons->addWidget(m_saveButton);
    form->addRow(buttons);
    connect(m_repairButton, &QPushButton::clicked, this, &GeofencePanel::repair);
    connect(m_saveButton, &QPushButton::clicked, this, &GeofencePanel::save);
    connect(m_discardButton, &QPushButton::clicked, this, &GeofencePanel::discard);

    // Every edit of the form counts as a change that must not be lost.
    connect(m_name, &QLineEdit::textEdited, this, &GeofencePanel::markFormChanged);
    connect(m_classes, &QLineEdit::textEdited, this, &GeofencePanel::markFormChanged);
    for (QComboBox *combo : {m_purpose, m_enterAlarm, m_exitAlarm, m_dwellAlarm}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &GeofencePanel::markFormChanged);
    }
    QList<QCheckBox *> boxes{m_active, m_always, m_enter, m_exit, m_dwell};
    boxes += m_days;
    for (QCheckBox *box : std::as_const(boxes)) {
        connect(box, &QCheckBox::toggled, this, &GeofencePanel::markFormChanged);
    }
    connect(m_from, &QTimeEdit::timeChanged, this, &GeofencePanel::markFormChanged);
    connect(m_to, &QTimeEdit::timeChanged, this, &GeofencePanel::markFormChanged);
    connect(m_dwellSeconds, &QSpinBox::valueChanged, this, &GeofencePanel::markFormChanged);
    connect(m_buffer, &QDoubleSpinBox::valueChanged, this, &GeofencePanel::markFormChanged);
    return m_form;
}

QWidget *GeofencePanel::createInside()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_insideSummary = new QLabel(box);
    m_insideSummary->setObjectName(QStringLiteral("insideSummary"));
    m_insideSummary->setWordWrap(true);
    m_selectInside = new QPushButton(tr("Select on &Map"), box);
    m_selectInside->setObjectName(QStringLiteral("selectInsideButton"));
    m_selectInside->setToolTip(tr("Make the assets inside the fence the map's selection"));
    row->addWidget(m_insideSummary, 1);
    row->addWidget(m_selectInside);
    layout->addLayout(row);
    m_insideTree = new QTreeWidget(box);
    m_insideTree->setObjectName(QStringLiteral("insideTree"));
    m_insideTree->setHeaderLabels({tr("Assets inside"), tr("Count")});
    m_insideTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_insideTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_insideTree->header()->setStretchLastSection(false);
    m_insideTree->setMinimumHeight(100);
    layout->addWidget(m_insideTree);
    connect(m_selectInside, &QPushButton::clicked, this, [this] {
        Q_EMIT selectionRequested(m_insideIds);
    });
    return box;
}

bool GeofencePanel::hasUnsavedChanges() const
{
    return m_session->isActive() && (m_session->isModified() || m_formChanged);
}

bool GeofencePanel::refuseToLeave()
{
    if (!hasUnsavedChanges()) {
        return false;
    }
    setMessage(tr("“%1” has unsaved changes: save or discard them first.")
                   .arg(m_name->text().isEmpty() ? tr("New geofence") : m_name->text()),
               true);
    reselectCurrent();
    return true;
}

bool GeofencePanel::openFence(qint64 id)
{
    const data::GeofenceRecord *fence = m_fences->fence(id);
    if (fence == nullptr || refuseToLeave()) {
        return false;
    }
    m_session->begin(fence->id, fence->version, fence->shape);
    showRecord(*fence);
    setMessage({});
    reselectCurrent();
    m_tool->setProblem(std::nullopt);
    m_tool->setMode(GeofenceEditTool::Mode::Edit);
    Q_EMIT toolRequested();
    Q_EMIT zoomRequested(boundsOf(fence->shape));
    m_fences->requestAssetsInside(id);
    updateState();
    return true;
}

bool GeofencePanel::newFence()
{
    if (refuseToLeave()) {
        return false;
    }
    data::GeofenceRecord fence;
    fence.name = tr("New geofence");
    fence.rules = QJsonObject{{QStringLiteral("enter"), QJsonObject{}},
                              {QStringLiteral("exit"), QJsonObject{}}};
    m_session->begin(0, 0, {});
    showRecord(fence);
    m_list->selectionModel()->clearCurrentIndex();
    m_list->clearSelection();
    showInside(0, {});
    m_tool->setProblem(std::nullopt);
    Q_EMIT toolRequested();
    m_tool->setMode(GeofenceEditTool::Mode::Polygon);
    m_name->setFocus();
    m_name->selectAll();
    updateState();
    return true;
}

void GeofencePanel::showRecord(const data::GeofenceRecord &fence)
{
    m_showing = true;
    m_base = fence;
    m_name->setText(fence.name);
    m_purpose->setCurrentIndex(std::max(0, m_purpose->findData(fence.purpose)));
    m_colourValue = fence.colour;
    m_active->setChecked(fence.active);
    const QJsonObject &schedule = fence.schedule;
    m_always->setChecked(schedule.isEmpty());
    const QJsonArray days = schedule.value(QStringLiteral("days")).toArray();
    for (int day = 1; day <= 7; ++day) {
        m_days[day - 1]->setChecked(schedule.isEmpty() || !schedule.contains(u"days"_s)
                                    || days.contains(day));
    }
    m_from->setTime(QTime::fromString(schedule.value(QStringLiteral("from")).toString(u"07:00"_s),
                                      QStringLiteral("HH:mm")));
    const QString to = schedule.value(QStringLiteral("to")).toString(u"19:00"_s);
    m_to->setTime(to == u"24:00" ? QTime(0, 0) : QTime::fromString(to, QStringLiteral("HH:mm")));
    const QJsonObject &rules = fence.rules;
    // A fence that names none of the events records enter and exit (migration 0006).
    const bool defaults
        = !rules.contains(u"enter"_s) && !rules.contains(u"exit"_s) && !rules.contains(u"dwell"_s);
    m_enter->setChecked(defaults || rules.contains(u"enter"_s));
    setAlarm(m_enterAlarm, rules.value(QStringLiteral("enter")).toObject());
    m_exit->setChecked(defaults || rules.contains(u"exit"_s));
    setAlarm(m_exitAlarm, rules.value(QStringLiteral("exit")).toObject());
    const QJsonObject dwell = rules.value(QStringLiteral("dwell")).toObject();
    m_dwell->setChecked(rules.contains(u"dwell"_s));
    m_dwellSeconds->setValue(dwell.value(QStringLiteral("seconds")).toInt(600));
    setAlarm(m_dwellAlarm, dwell);
    QStringList classes;
    for (const QJsonValue &value : rules.value(QStringLiteral("classes")).toArray()) {
        classes << value.toString();
    }
    m_classes->setText(classes.join(QStringLiteral(", ")));
    m_buffer->setValue(rules.value(QStringLiteral("buffer_m")).toDouble(5.0));
    m_showing = false;
    m_formChanged = false;
    updateColourSwatch();
}

data::GeofenceRecord GeofencePanel::currentRecord() const
{
    data::GeofenceRecord fence = m_base;
    fence.id = m_session->fenceId();
    fence.version = m_session->baseVersion();
    fence.shape = m_session->shape();
    fence.name = m_name->text().trimmed();
    fence.purpose = m_purpose->currentData().toString();
    fence.colour = m_colourValue;
    fence.active = m_active->isChecked();
    if (m_always->isChecked()) {
        fence.schedule = {};
    } else {
        QJsonArray days;
        for (int day = 1; day <= 7; ++day) {
            if (m_days[day - 1]->isChecked()) {
                days.append(day);
            }
        }
        QJsonObject schedule = m_base.schedule;
        if (!schedule.contains(u"tz"_s)) {
            schedule.insert(QStringLiteral("tz"), QString::fromUtf8(QTimeZone::systemTimeZoneId()));
        }
        schedule.insert(QStringLiteral("days"), days);
        schedule.insert(QStringLiteral("from"), m_from->time().toString(QStringLiteral("HH:mm")));
        schedule.insert(QStringLiteral("to"), m_to->time().toString(QStringLiteral("HH:mm")));
        fence.schedule = schedule;
    }
    QJsonObject rules = m_base.rules;
    auto setRule = [&rules](const QString &key, bool on, QJsonObject rule, QComboBox *alarm) {
        if (!on) {
            rules.remove(key);
            return;
        }
        const QString severity = alarm->currentData().toString();
        if (severity.isEmpty()) {
            rule.remove(QStringLiteral("alarm"));
        } else {
            rule.insert(QStringLiteral("alarm"), severity);
        }
        rules.insert(key, rule);
    };
    setRule(QStringLiteral("enter"), m_enter->isChecked(), {}, m_enterAlarm);
    setRule(QStringLiteral("exit"), m_exit->isChecked(), {}, m_exitAlarm);
    setRule(QStringLiteral("dwell"),
            m_dwell->isChecked(),
            QJsonObject{{QStringLiteral("seconds"), m_dwellSeconds->value()}},
            m_dwellAlarm);
    QJsonArray classes;
    for (const QString &code : m_classes->text().split(u',', Qt::SkipEmptyParts)) {
        if (!code.trimmed().isEmpty()) {
            classes.append(code.trimmed());
        }
    }
    if (classes.isEmpty()) {
        rules.remove(QStringLiteral("classes"));
    } else {
        rules.insert(QStringLiteral("classes"), classes);
    }
    rules.insert(QStringLiteral("buffer_m"), m_buffer->value());
    fence.rules = rules;
    return fence;
}

void GeofencePanel::markFormChanged()
{
    updateColourSwatch();
    if (!m_showing) {
        m_formChanged = true;
        updateState();
    }
}

void GeofencePanel::updateColourSwatch()
{
    const QColor colour
        = m_colourValue.isEmpty()
              ? models::GeofenceListModel::purposeColour(m_purpose->currentData().toString())
              : QColor(m_colourValue);
    QPixmap swatch(16, 16);
    swatch.fill(colour);
    m_colour->setIcon(QIcon(swatch));
}

void GeofencePanel::chooseColour()
{
    auto *dialog = new QColorDialog(
        QColor(m_colourValue.isEmpty() ? QStringLiteral("#6a3d9a") : m_colourValue), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this, [this](const QColor &colour) {
        m_colourValue = colour.name();
        markFormChanged();
    });
    dialog->open();
}

void GeofencePanel::openCoordinates()
{
    if (!m_session->isActive() && !newFence()) {
        return;
    }
    auto *dialog = new GeofenceCoordinatesDialog(m_session->shape(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        gis::MultiPolygon shape = dialog->shape();
        if (dialog->addsPart()) {
            gis::MultiPolygon joined = m_session->shape();
            joined.polygons.insert(
                joined.polygons.end(), shape.polygons.begin(), shape.polygons.end());
            shape = std::move(joined);
        }
        m_session->replaceShape(shape, tr("Enter coordinates"));
        m_tool->setMode(GeofenceEditTool::Mode::Edit);
        Q_EMIT zoomRequested(boundsOf(m_session->shape()));
        validateShape();
    });
    dialog->open();
}

void GeofencePanel::validateShape()
{
    const gis::ValidityReport report = m_validator->check(m_session->shape());
    m_tool->setProblem(report.valid ? std::nullopt : report.location);
    m_repairButton->setVisible(!report.valid);
    if (!report.valid) {
        const QString where = report.location ? tr(" at %1, %2")
                                                    .arg(report.location->x(), 0, 'f', 6)
                                                    .arg(report.location->y(), 0, 'f', 6)
                                              : QString();
        setMessage(tr("The shape is not valid: %1%2 (red marker). Move the vertices there, "
                      "or Repair.")
                       .arg(report.reason, where),
                   true);
    } else if (m_message->property("problem").toBool()) {
        setMessage({});
    }
}

void GeofencePanel::save()
{
    if (!m_session->isActive() || m_saving) {
        return;
    }
    const data::GeofenceRecord fence = currentRecord();
    if (fence.name.isEmpty()) {
        setMessage(tr("Not saved: give the geofence a name."), true);
        m_name->setFocus();
        return;
    }
    if (fence.shape.polygons.empty()) {
        setMessage(tr("Not saved: draw the geofence's shape first."), true);
        return;
    }
    if (!m_always->isChecked() && std::none_of(m_days.cbegin(), m_days.cend(), [](QCheckBox *b) {
            return b->isChecked();
        })) {
        setMessage(tr("Not saved: choose at least one day, or “At all times”."), true);
        return;
    }
    if (!m_enter->isChecked() && !m_exit->isChecked() && !m_dwell->isChecked()) {
        setMessage(tr("Not saved: choose at least one event (enter, exit or dwell)."), true);
        return;
    }
    const gis::ValidityReport report = m_validator->check(fence.shape);
    if (!report.valid) {
        validateShape();
        setMessage(tr("Not saved: ") + m_message->text(), true);
        return;
    }
    m_saving = true;
    setMessage(tr("Saving…"));
    m_fences->save(fence);
    updateState();
}

void GeofencePanel::handleSaved(qint64 id, int version)
{
    if (!m_saving) {
        return;
    }
    m_saving = false;
    m_base = currentRecord();
    m_base.id = id;
    m_base.version = version;
    m_session->markSaved(id, version);
    m_formChanged = false;
    setMessage(tr("Saved “%1” (version %2).").arg(m_base.name).arg(version));
    m_fences->requestAssetsInside(id);
    updateState();
}

void GeofencePanel::handleConflict(const data::GeofenceRecord &ours,
                                   const data::GeofenceRecord &theirs)
{
    m_saving = false;
    setMessage(theirs.id == 0
                   ? tr("Not saved: someone else deleted this geofence. Your changes are kept.")
                   : tr("Not saved: %1 saved this geofence first. Your changes are kept.")
                         .arg(theirs.updatedBy),
               true);
    updateState();
    auto *dialog = new GeofenceConflictDialog(ours, theirs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, ours, theirs] {
        switch (dialog->choice()) {
        case GeofenceConflictDialog::Choice::KeepMine: {
            // Ours, written over theirs on purpose: name their version. Theirs deleted: ours
            // becomes a new fence.
            data::GeofenceRecord mine = ours;
            mine.id = theirs.id;
            mine.version = theirs.version;
            m_session->rebase(theirs.id, theirs.version);
            m_saving = true;
            setMessage(theirs.id != 0 ? tr("Saving yours over theirs…")
                                      : tr("Saving yours as a new geofence…"));
            m_fences->save(mine);
            break;
        }
        case GeofenceConflictDialog::Choice::TakeTheirs:
            m_session->begin(theirs.id, theirs.version, theirs.shape);
            showRecord(theirs);
            setMessage(tr("Showing the version %1 saved.").arg(theirs.updatedBy));
            m_fences->requestAssetsInside(theirs.id);
            break;
        case GeofenceConflictDialog::Choice::KeepEditing:
            break;
        }
        updateState();
    });
    dialog->open();
}

void GeofencePanel::discard()
{
    if (!m_session->isActive()) {
        return;
    }
    const qint64 id = m_session->fenceId();
    m_formChanged = false;
    m_session->end();
    m_tool->setProblem(std::nullopt);
    m_repairButton->hide();
    if (id != 0 && m_fences->fence(id) != nullptr) {
        openFence(id);
    } else {
        showRecord({});
        showInside(0, {});
    }
    setMessage(tr("Changes discarded."));
    updateState();
}

void GeofencePanel::repair()
{
    const auto repaired = m_validator->repair(m_session->shape());
    if (!repaired) {
        setMessage(tr("The shape cannot be repaired: nothing of an area is left. Redraw it."),
                   true);
        return;
    }
    m_session->replaceShape(*repaired, tr("Repair shape"));
    validateShape();
    if (m_validator->check(m_session->shape()).valid) {
        setMessage(tr("Repaired: check the shape, then save."));
    }
}

void GeofencePanel::askToDelete()
{
    const data::GeofenceRecord *fence
        = m_session->isActive() ? m_fences->fence(m_session->fenceId()) : nullptr;
    if (fence == nullptr) {
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question,
                                tr("Delete Geofence"),
                                tr("Delete “%1” and its events for everyone?").arg(fence->name),
                                QMessageBox::Yes | QMessageBox::Cancel,
                                this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = fence->id;
    const int version = fence->version;
    connect(box, &QMessageBox::finished, this, [this, id, version](int result) {
        if (result == QMessageBox::Yes) {
            m_fences->remove(id, version);
        }
    });
    box->open();
}

void GeofencePanel::showInside(qint64 id, const QList<data::AssetInside> &assets)
{
    if (id != m_session->fenceId()) {
        return;
    }
    m_insideTree->clear();
    m_insideIds.clear();
    QMap<QString, QTreeWidgetItem *> types;
    for (const data::AssetInside &asset : assets) {
        QTreeWidgetItem *&type = types[asset.typeName];
        if (type == nullptr) {
            type = new QTreeWidgetItem(m_insideTree, {asset.typeName});
        }
        auto *item = new QTreeWidgetItem(type, {asset.code});
        item->setData(0, Qt::UserRole, asset.id);
        m_insideIds.append(asset.id);
    }
    for (QTreeWidgetItem *type : std::as_const(types)) {
        type->setText(1, QLocale().toString(type->childCount()));
    }
    m_insideSummary->setText(id == 0 ? tr("Save the fence to see the assets inside it.")
                                     : tr("%n asset(s) inside", nullptr, int(assets.size())));
    m_selectInside->setEnabled(!m_insideIds.isEmpty());
}

void GeofencePanel::setMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem && !text.isEmpty());
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828; font-weight: bold;")
                                     : QString());
}

QString GeofencePanel::message() const
{
    return m_message->text();
}

void GeofencePanel::reselectCurrent()
{
    const int row = m_session->isActive() ? m_fences->rowOf(m_session->fenceId()) : -1;
    const QSignalBlocker blocker(m_list->selectionModel());
    if (row < 0) {
        m_list->selectionModel()->clear();
    } else {
        m_list->selectionModel()->setCurrentIndex(m_fences->index(row),
                                                  QItemSelectionModel::ClearAndSelect);
    }
    m_list->viewport()->update();
}

void GeofencePanel::updateState()
{
    const bool editing = m_session->isActive();
    m_form->setEnabled(editing);
    m_drawBar->setEnabled(editing);
    m_editBar->setEnabled(editing);
    m_deleteButton->setEnabled(editing && m_session->fenceId() != 0 && !m_saving);
    m_saveButton->setEnabled(editing && !m_saving
                             && (hasUnsavedChanges() || m_session->fenceId() == 0));
    m_discardButton->setEnabled(editing && !m_saving && hasUnsavedChanges());
    if (!editing) {
        m_insideSummary->setText(tr("Choose a geofence, or draw a new one."));
        m_selectInside->setEnabled(false);
    }
}

} // namespace infrasight::ui
