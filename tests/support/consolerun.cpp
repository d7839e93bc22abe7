// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/consolerun.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>

namespace infrasight::tests {

ConsoleRun::ConsoleRun(const QString &program, const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("INFRASIGHT_DATA_DIR"), home + QStringLiteral("/local"));
    environment.remove(QStringLiteral("INFRASIGHT_TRACE_STATE"));
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(program);
    QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] { read(); });
    m_clock.start();
}

ConsoleRun::~ConsoleRun()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool ConsoleRun::start(const QStringList &arguments)
{
    m_process.setArguments(QStringList{QStringLiteral("--trace-state")} + arguments);
    m_process.start();
    return m_process.waitForStarted(10000);
}

bool ConsoleRun::waitForState(const QString &state, int timeoutMs, qsizetype from)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (qsizetype i = from; i < m_states.size(); ++i) {
            if (m_states.at(i) == state) {
                return true;
            }
        }
        if (!isRunning()) {
            return false;
        }
        m_process.waitForReadyRead(100);
        read();
    }
    return false;
}

QRegularExpressionMatch
ConsoleRun::waitForLine(const QRegularExpression &pattern, int timeoutMs, qsizetype from)
{
    QDeadlineTimer deadline(timeoutMs);
    qsizetype next = from;
    for (;;) {
        for (; next < m_lines.size(); ++next) {
            if (QRegularExpressionMatch match = pattern.match(m_lines.at(next)); match.hasMatch()) {
                return match;
            }
        }
        if (deadline.hasExpired() || !isRunning()) {
            return {};
        }
        m_process.waitForReadyRead(20);
        read();
    }
}

void ConsoleRun::pump(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired() && isRunning()) {
        m_process.waitForReadyRead(50);
        read();
    }
}

void ConsoleRun::read()
{
    m_buffer += m_process.readAllStandardError();
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromLocal8Bit(m_buffer.left(newline)).trimmed();
        m_log += m_buffer.left(newline + 1);
        m_buffer.remove(0, newline + 1);
        m_lines << line;
        static const QRegularExpression statePattern(QStringLiteral("state: ([a-z-]+)$"));
        static const QRegularExpression beatPattern(QStringLiteral("heartbeat \\d+$"));
        if (const auto match = statePattern.match(line); match.hasMatch()) {
            m_states << match.captured(1);
        } else if (beatPattern.match(line).hasMatch()) {
            m_heartbeats << m_clock.elapsed();
        }
    }
}

} // namespace infrasight::tests
