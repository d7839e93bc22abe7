// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace infrasight {

/// What kind of failure an Error reports. User-facing text is chosen from this in ui/ and app/.
enum class ErrorCode {
    InvalidArgument,  ///< the caller passed something malformed (bad WKB, bad option, bad CRS)
    NotFound,         ///< a file, row, program or resource does not exist
    Io,               ///< a file or socket could not be read or written
    Connection,       ///< the database (or another server) is unreachable or went away
    Authentication,   ///< the server asked for a password or refused the one given
    Query,            ///< the server refused a statement (see sqlState)
    PermissionDenied, ///< the database role may not do this (SQLSTATE 42501)
    Conflict,         ///< optimistic concurrency: someone else changed the row
    SchemaTooNew,     ///< the database schema is newer than this program
    Cancelled,        ///< the operation was cancelled on request
    Projection,       ///< PROJ could not create or apply a transformation
    Gdal,             ///< GDAL/OGR reported a failure
    Internal,         ///< a bug: an invariant did not hold
};

/// An error as a value: a machine-readable code, an English technical message for logs, and
/// optional detail (server detail/hint, library message). sqlState is set for server errors.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;
    QString sqlState;

    /// "message (detail)" for logs and command-line output.
    QString toString() const
    {
        return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')';
    }

    friend bool operator==(const Error &, const Error &) = default;
};

template<typename T>
using Result = tl::expected<T, Error>;

/// Shorthand for `return fail(ErrorCode::Io, u"..."_s);` in functions returning Result<T>.
inline tl::unexpected<Error> fail(ErrorCode code, QString message, QString detail = {})
{
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(detail), {}});
}

} // namespace infrasight
