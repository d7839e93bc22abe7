// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/pg/pghandles.h"

#include <libpq-fe.h>

namespace infrasight::data {

void PgConnDeleter::operator()(pg_conn *conn) const noexcept
{
    PQfinish(conn);
}

void PgResultDeleter::operator()(pg_result *result) const noexcept
{
    PQclear(result);
}

void PgCancelDeleter::operator()(pg_cancel *cancel) const noexcept
{
    PQfreeCancel(cancel);
}

} // namespace infrasight::data
