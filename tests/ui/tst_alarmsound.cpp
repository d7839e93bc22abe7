// SPDX-License-Identifier: GPL-3.0-or-later
// The chime for critical alarms: off until turned on, kept for the next session, one chime for
// a burst, and the chime itself loads from the console's resources.
#include "ui/widgets/alarmsound.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSoundEffect>
#include <QStandardPaths>
#include <QTest>

using infrasight::ui::AlarmSound;

class TestAlarmSound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offUntilTurnedOn();
    void theChoiceIsKept();
    void aBurstChimesOnce();
    void theChimeLoads();
};

void TestAlarmSound::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("infrasight-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_alarmsound"));
    QSettings().clear();
}

void TestAlarmSound::offUntilTurnedOn()
{
    AlarmSound sound;
    QVERIFY(!sound.isEnabled());
    QVERIFY(sound.effect() == nullptr); // no audio device opened for nothing
    QSignalSpy chimed(&sound, &AlarmSound::chimed);
    sound.criticalRaised();
    QCOMPARE(chimed.count(), 0);
    QCOMPARE(sound.chimes(), 0);
}

void TestAlarmSound::theChoiceIsKept()
{
    {
        AlarmSound sound;
        QSignalSpy changed(&sound, &AlarmSound::enabledChanged);
        sound.setEnabled(true);
        QCOMPARE(changed.count(), 1);
    }
    AlarmSound next; // the next session
    QVERIFY(next.isEnabled());
    next.setEnabled(false);
    QVERIFY(!AlarmSound().isEnabled());
}

void TestAlarmSound::aBurstChimesOnce()
{
    AlarmSound sound;
    sound.setEnabled(true);
    QSignalSpy chimed(&sound, &AlarmSound::chimed);
    for (int i = 0; i < 5; ++i) {
        sound.criticalRaised(); // five critical alarms in one refresh
    }
    QCOMPARE(chimed.count(), 1);
    sound.setMinimumGapMs(0); // the gap has passed
    sound.criticalRaised();
    QCOMPARE(chimed.count(), 2);
    sound.setEnabled(false);
    sound.criticalRaised();
    QCOMPARE(sound.chimes(), 2);
}

void TestAlarmSound::theChimeLoads()
{
    AlarmSound sound;
    sound.setEnabled(true);
    QVERIFY(sound.effect() != nullptr);
    QCOMPARE(sound.effect()->source(), AlarmSound::source());
    // Decoded from the resources (playing it needs an audio device, which CI does not have).
    QTRY_VERIFY_WITH_TIMEOUT(sound.effect()->status() == QSoundEffect::Ready, 5000);
    sound.setEnabled(false);
}

QTEST_MAIN(TestAlarmSound)
#include "tst_alarmsound.moc"
