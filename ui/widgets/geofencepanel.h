// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/geofencerecords.h"

#include <QList>
#include <QPointer>
#include <QRectF>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QListView;
class QPushButton;
class QSpinBox;
class QTimeEdit;
class QToolBar;
class QToolButton;
class QTreeWidget;

namespace infrasight::gis {
class GeometryValidator;
}

namespace infrasight::models {
class GeofenceEditSession;
class GeofenceListModel;
} // namespace infrasight::models

namespace infrasight::ui {

class GeofenceEditTool;

/// The Geofences dock (issue 6): the list of fences, and the fence being edited with its name,
/// purpose, colour, active schedule and rules, the drawing tools, undo and redo, numeric
/// entry, and the assets inside it.
///
/// Choosing a fence opens it in the editor (the map zooms to it, the edit tool takes the map);
/// New starts an empty one with the polygon tool. Nothing the planner did is lost silently:
/// while the shape or the form has unsaved changes, another fence cannot be opened until they
/// are saved or discarded, and fences arriving from other consoles never touch the edit.
/// Save checks the shape with GEOS first: an invalid one is refused with the reason and the
/// place (a red marker on the map) and Repair offers GEOS's structure repair. The database
/// checks the version (someone else's save opens GeofenceConflictDialog with both) and the
/// geometry again. GUI thread; never waits on the database.
class GeofencePanel : public QWidget
{
    Q_OBJECT

public:
    GeofencePanel(models::GeofenceListModel *fences,
                  models::GeofenceEditSession *session,
                  GeofenceEditTool *tool,
                  QWidget *parent = nullptr);
    ~GeofencePanel() override;

    /// True while the shape or the form differs from what was saved.
    bool hasUnsavedChanges() const;

    /// Opens a saved fence in the editor (refused, false, while there are unsaved changes).
    bool openFence(qint64 id);
    /// Starts a new fence with the polygon tool (refused like openFence()).
    bool newFence();
    /// Checks and saves the fence being edited; the answer comes later (message()).
    void save();
    /// Drops the unsaved changes: a saved fence goes back to its saved state, a new one away.
    void discard();
    /// Replaces the shape by GEOS's structure repair of it (one undo step).
    void repair();

    /// The record Save would write now.
    data::GeofenceRecord currentRecord() const;

    /// The last message shown under the form (validation, saving, conflicts).
    QString message() const;

    /// The assets inside the open fence, as last reported (ids).
    QList<qint64> assetsInside() const { return m_insideIds; }

    QLineEdit *nameEdit() const { return m_name; }

    QListView *fenceList() const { return m_list; }

    QAction *undoAction() const { return m_undo; }

    QAction *redoAction() const { return m_redo; }

    /// The menu of the Snap button: the window fills it with the layers to snap to.
    QMenu *snapMenu() const { return m_snapMenu; }

Q_SIGNALS:
    /// The editor opened a fence: show these lon/lat bounds on the map.
    void zoomRequested(const QRectF &lonLatBounds);
    /// The edit tool should take the map.
    void toolRequested();
    /// "Select on Map": make these assets the map's selection.
    void selectionRequested(const QList<qint64> &assetIds);

private:
    QWidget *createForm();
    QWidget *createInside();
    void createDrawActions(QToolBar *bar, QToolBar *editBar);
    void showRecord(const data::GeofenceRecord &fence);
    void showInside(qint64 id, const QList<data::AssetInside> &assets);
    void setMessage(const QString &text, bool problem = false);
    /// Says why fence cannot be left (unsaved changes); false when it can.
    bool refuseToLeave();
    void validateShape();
    void handleSaved(qint64 id, int version);
    void handleConflict(const data::GeofenceRecord &ours, const data::GeofenceRecord &theirs);
    void reselectCurrent();
    void updateState();
    void openCoordinates();
    void chooseColour();
    void askToDelete();
    void markFormChanged();
    void updateColourSwatch();

    models::GeofenceListModel *m_fences;
    models::GeofenceEditSession *m_session;
    GeofenceEditTool *m_tool;
    std::unique_ptr<gis::GeometryValidator> m_validator;

    QListView *m_list = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QToolBar *m_drawBar = nullptr;
    QToolBar *m_editBar = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QMenu *m_snapMenu = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_purpose = nullptr;
    QToolButton *m_colour = nullptr;
    QString m_colourValue;
    QCheckBox *m_active = nullptr;
    QCheckBox *m_always = nullptr;
    QList<QCheckBox *> m_days;
    QTimeEdit *m_from = nullptr;
    QTimeEdit *m_to = nullptr;
    QCheckBox *m_enter = nullptr;
    QComboBox *m_enterAlarm = nullptr;
    QCheckBox *m_exit = nullptr;
    QComboBox *m_exitAlarm = nullptr;
    QCheckBox *m_dwell = nullptr;
    QSpinBox *m_dwellSeconds = nullptr;
    QComboBox *m_dwellAlarm = nullptr;
    QLineEdit *m_classes = nullptr;
    QDoubleSpinBox *m_buffer = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_repairButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QLabel *m_insideSummary = nullptr;
    QTreeWidget *m_insideTree = nullptr;
    QPushButton *m_selectInside = nullptr;

    data::GeofenceRecord m_base; ///< the fence as opened (rules and schedule keys kept)
    QList<qint64> m_insideIds;
    bool m_formChanged = false;
    bool m_showing = false; ///< showRecord() is filling the form
    bool m_saving = false;
};

} // namespace infrasight::ui
