// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QString>

namespace infrasight::models {

/// The one place where an Error becomes text for the person at the console (STYLE.md 3.4):
/// a translated phrase chosen by its ErrorCode, with the technical message in brackets only
/// where the code alone does not say what went wrong (a refused statement, a bad file). Models,
/// widgets and app/ all word their failures through it. Any thread (it only translates).
class ErrorMessage
{
public:
    /// What happened, as a phrase that completes "…: " ("the database cannot be reached; the
    /// console reconnects by itself").
    static QString describe(const Error &error);
    /// what, then what happened: "The alarm list could not be read: your database role may not
    /// do this."
    static QString failed(const QString &what, const Error &error);
};

} // namespace infrasight::models
