// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace infrasight::tests {

/// The built console, started as an operator would start it, with its settings and data in a
/// temporary directory of its own and --trace-state so that the test can follow what the status
/// bar shows ("state: connected"), what the map shows ("layers: ready", "live: asset ...") and
/// see that the GUI thread keeps running (heartbeats).
class ConsoleRun
{
public:
    /// program: the console's path; home: a directory for its settings and data.
    ConsoleRun(const QString &program, const QString &home);
    ~ConsoleRun();
    ConsoleRun(const ConsoleRun &) = delete;
    ConsoleRun &operator=(const ConsoleRun &) = delete;

    /// Starts the console with --trace-state and arguments.
    bool start(const QStringList &arguments);

    bool isRunning() const { return m_process.state() == QProcess::Running; }

    /// Waits until the console reports a state; true if it did before the timeout. Only states
    /// reported after the index `from` count.
    bool waitForState(const QString &state, int timeoutMs, qsizetype from = 0);
    /// Waits for a trace line matching pattern among the lines after index `from`; returns the
    /// match (invalid, hasMatch() false, on timeout).
    QRegularExpressionMatch
    waitForLine(const QRegularExpression &pattern, int timeoutMs, qsizetype from = 0);
    /// Reads output for a while, so that heartbeats arrive.
    void pump(int ms);

    QStringList states() const { return m_states; }

    /// Every trace line so far.
    QStringList lines() const { return m_lines; }

    /// When (ms since start) each heartbeat line arrived.
    QList<qint64> heartbeatTimes() const { return m_heartbeats; }

    QString log() const { return QString::fromLocal8Bit(m_log); }

private:
    void read();

    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_log;
    QStringList m_lines;
    QStringList m_states;
    QList<qint64> m_heartbeats;
    QElapsedTimer m_clock;
};

} // namespace infrasight::tests
