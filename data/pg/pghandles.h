// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

// libpq's handle types, declared without including libpq-fe.h so that headers stay clean.
struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace infrasight::data {

struct PgConnDeleter
{
    void operator()(pg_conn *conn) const noexcept;
};

struct PgResultDeleter
{
    void operator()(pg_result *result) const noexcept;
};

struct PgCancelDeleter
{
    void operator()(pg_cancel *cancel) const noexcept;
};

using PgConnPtr = std::unique_ptr<pg_conn, PgConnDeleter>;
using PgResultPtr = std::unique_ptr<pg_result, PgResultDeleter>;
using PgCancelPtr = std::unique_ptr<pg_cancel, PgCancelDeleter>;

} // namespace infrasight::data
