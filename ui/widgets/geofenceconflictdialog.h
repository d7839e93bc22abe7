// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/geofencerecords.h"

#include <QDialog>

namespace infrasight::ui {

/// Shown when a geofence save was refused because someone else saved the fence first: their
/// version and ours side by side (name, purpose, rules, shape size, who and when), and the
/// planner chooses. Nothing has been written when this opens.
class GeofenceConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice {
        KeepEditing, ///< close, change nothing
        KeepMine,    ///< save ours over theirs (on their version), or as new if theirs is gone
        TakeTheirs,  ///< drop our edit, edit theirs
    };

    GeofenceConflictDialog(const data::GeofenceRecord &ours,
                           const data::GeofenceRecord &theirs,
                           QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

    /// One line per field for one side (for the dialog and for tests).
    static QStringList describe(const data::GeofenceRecord &fence);

private:
    Choice m_choice = Choice::KeepEditing;
};

} // namespace infrasight::ui
