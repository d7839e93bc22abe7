// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace infrasight::ui {

/// The console's look. Native follows the desktop (the default); Dark is a low-glare palette on
/// the Fusion style for control rooms. The choice is kept in QSettings under "ui/theme".
/// GUI thread only; needs a QApplication.
class Theme
{
public:
    enum class Kind { Native, Dark };

    /// Applies a look to the whole application; switching back to Native restores the style and
    /// palette the application started with.
    static void apply(Kind kind);
    /// The look applied last (Native until apply() is called).
    static Kind current();

    /// The saved choice (Native when nothing is saved).
    static Kind saved();
    static void save(Kind kind);

    static QString settingsKey();
};

} // namespace infrasight::ui
