// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QByteArray>
#include <QTest>

namespace infrasight::tests {

/// What went wrong in a failed Result, with the SQLSTATE when there is one; empty if it holds.
template<typename T>
QByteArray describeResult(const Result<T> &result)
{
    if (result) {
        return {};
    }
    QString text = result.error().toString();
    if (!result.error().sqlState.isEmpty()) {
        text += QStringLiteral(" / SQLSTATE ") + result.error().sqlState;
    }
    return text.toUtf8();
}

} // namespace infrasight::tests

// Checks a Result (evaluated once) and prints the error when it failed.
#define INFRASIGHT_VERIFY_OK(expression)                                                           \
    do {                                                                                           \
        const auto &checked_ = (expression);                                                       \
        QVERIFY2(checked_, ::infrasight::tests::describeResult(checked_).constData());             \
    } while (false)
