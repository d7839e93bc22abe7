// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/alarmsound.h"

#include <QSettings>
#include <QSoundEffect>

namespace infrasight::ui {

namespace {

const QString SettingKey = QStringLiteral("alarms/criticalSound");

} // namespace

AlarmSound::AlarmSound(QObject *parent)
    : QObject(parent)
{
    if (QSettings().value(SettingKey, false).toBool()) {
        setEnabled(true);
    }
}

AlarmSound::~AlarmSound() = default;

void AlarmSound::setEnabled(bool on)
{
    if (on && m_effect == nullptr) {
        m_effect = new QSoundEffect(this);
        m_effect->setSource(source());
        m_effect->setVolume(0.9f);
    }
    QSettings().setValue(SettingKey, on);
    if (on != m_enabled) {
        m_enabled = on;
        Q_EMIT enabledChanged(on);
    }
}

void AlarmSound::criticalRaised()
{
    if (!m_enabled || (m_sinceChime.isValid() && m_sinceChime.elapsed() < m_gapMs)) {
        return;
    }
    m_sinceChime.start();
    ++m_chimes;
    m_effect->play();
    Q_EMIT chimed();
}

} // namespace infrasight::ui
