// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

class QTimer;

namespace infrasight::ui {

/// The database link in the status bar: a coloured lamp and a short word ("Connected",
/// "Reconnecting…", "Offline" …), with the server and the last error in the tooltip. The colour is
/// never the only signal: every state has its own word, for colour-blind operators and for screen
/// readers (the accessible name carries the same text). States that are still moving (starting,
/// connecting, reconnecting) pulse slowly so that a glance tells "working on it" from "stuck".
/// GUI thread only.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    /// What the console knows about its database link. app/ maps the data layer's state to this,
    /// so that ui/ does not depend on data/.
    enum class State {
        Starting,      ///< the embedded local database is being started or migrated
        Connecting,    ///< first connection attempt in progress
        Connected,     ///< queries and live updates flow
        Reconnecting,  ///< the link was lost; retrying by itself
        Offline,       ///< no link and not trying (no database configured, or start failed)
        NeedsPassword, ///< the server asked for a password; waiting for the operator
    };
    Q_ENUM(State)

    explicit ConnectionIndicator(QWidget *parent = nullptr);

    /// Shows a state; detail (server name, last error) goes into the tooltip.
    void setState(State state, const QString &detail = {});

    State state() const { return m_state; }

    QString detail() const { return m_detail; }

    /// The word shown beside the lamp, e.g. "Connected".
    QString text() const;

    /// The lamp colour for the current state.
    QColor color() const { return colorFor(m_state); }

    static QString textFor(State state);
    static QColor colorFor(State state);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void stateChanged(infrasight::ui::ConnectionIndicator::State state);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateTexts();
    bool isTransient() const;

    State m_state = State::Offline;
    QString m_detail;
    QTimer *m_pulse = nullptr;
    bool m_pulseDim = false;
};

} // namespace infrasight::ui
