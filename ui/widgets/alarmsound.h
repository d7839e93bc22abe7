// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

class QSoundEffect;

namespace infrasight::ui {

/// The chime for a new critical alarm, for operators who look away from the screen. Off until
/// the operator turns it on (View > Sound for Critical Alarms); the choice is kept in QSettings.
/// A burst of critical alarms chimes once: not again within minimumGapMs(). The sound is loaded
/// only once it is on, so a console that never turns it on never opens an audio device.
/// GUI thread.
class AlarmSound : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultGapMs = 3000;

    /// The chime, in the console's resources.
    static QUrl source() { return QUrl(QStringLiteral("qrc:/sounds/critical-alarm.wav")); }

    explicit AlarmSound(QObject *parent = nullptr);
    ~AlarmSound() override;

    bool isEnabled() const { return m_enabled; }

    /// Turns the chime on or off and keeps the choice for the next session.
    void setEnabled(bool on);

    int minimumGapMs() const { return m_gapMs; }

    void setMinimumGapMs(int ms) { m_gapMs = ms; }

    /// How often it chimed since it was made.
    int chimes() const { return m_chimes; }

    /// The effect that plays the chime (nullptr until the sound is first turned on).
    QSoundEffect *effect() const { return m_effect; }

public Q_SLOTS:
    /// A new critical alarm arrived: chimes, unless off or it chimed within the gap.
    void criticalRaised();

Q_SIGNALS:
    void enabledChanged(bool on);
    void chimed();

private:
    QSoundEffect *m_effect = nullptr;
    QElapsedTimer m_sinceChime;
    int m_gapMs = DefaultGapMs;
    int m_chimes = 0;
    bool m_enabled = false;
};

} // namespace infrasight::ui
