// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/errormessage.h"

#include <QCoreApplication>

namespace infrasight::models {

namespace {

/// The technical message in brackets, for the codes whose phrase needs it.
QString withDetail(const QString &phrase, const Error &error)
{
    return error.message.isEmpty() ? phrase : phrase + QStringLiteral(" (") + error.message + u')';
}

} // namespace

QString ErrorMessage::describe(const Error &error)
{
    // lupdate reads the literal context of each translate() call.
    switch (error.code) {
    case ErrorCode::Connection:
        return QCoreApplication::translate(
            "infrasight::models::ErrorMessage",
            "the database cannot be reached; the console reconnects by itself");
    case ErrorCode::Authentication:
        return QCoreApplication::translate("infrasight::models::ErrorMessage",
                                           "the database refused the login");
    case ErrorCode::PermissionDenied:
        return QCoreApplication::translate("infrasight::models::ErrorMessage",
                                           "your database role may not do this");
    case ErrorCode::Conflict:
        return QCoreApplication::translate("infrasight::models::ErrorMessage",
                                           "someone else changed it meanwhile");
    case ErrorCode::NotFound:
        return QCoreApplication::translate("infrasight::models::ErrorMessage",
                                           "it does not exist (any more)");
    case ErrorCode::Cancelled:
        return QCoreApplication::translate("infrasight::models::ErrorMessage", "it was cancelled");
    case ErrorCode::SchemaTooNew:
        return QCoreApplication::translate("infrasight::models::ErrorMessage",
                                           "the database schema is newer than this console knows");
    case ErrorCode::InvalidArgument:
        return withDetail(QCoreApplication::translate("infrasight::models::ErrorMessage",
                                                      "the input is not valid"),
                          error);
    case ErrorCode::Query:
        return withDetail(QCoreApplication::translate("infrasight::models::ErrorMessage",
                                                      "the database refused the request"),
                          error);
    case ErrorCode::Io:
        return withDetail(QCoreApplication::translate("infrasight::models::ErrorMessage",
                                                      "a file could not be read or written"),
                          error);
    case ErrorCode::Projection:
        return withDetail(QCoreApplication::translate("infrasight::models::ErrorMessage",
                                                      "the coordinates could not be transformed"),
                          error);
    case ErrorCode::Gdal:
        return withDetail(QCoreApplication::translate("infrasight::models::ErrorMessage",
                                                      "the file could not be read"),
                          error);
    case ErrorCode::Internal:
        break;
    }
    return withDetail(QCoreApplication::translate("infrasight::models::ErrorMessage",
                                                  "an internal error occurred"),
                      error);
}

QString ErrorMessage::failed(const QString &what, const Error &error)
{
    return QCoreApplication::translate("infrasight::models::ErrorMessage", "%1: %2.")
        .arg(what, describe(error));
}

} // namespace infrasight::models
