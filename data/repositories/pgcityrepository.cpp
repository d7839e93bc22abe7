// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pgcityrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace infrasight::data {

namespace {

Statement schemaVersionStatement()
{
    return {QStringLiteral("SELECT coalesce(max(version), 0) FROM public.schema_migrations"), {}};
}

/// One row: sensors, open work orders, the city's name, and the asset types with their counts
/// (as JSON arrays [name, code, geometry kind, count]) by count then name. The counts are the
/// ones triggers keep in asset_type_count: asset itself is never aggregated. The city is the
/// most populous city (else town) of the base map, else the district that covers most of it:
/// administrative areas larger than the extract are clipped by it, so the largest district is
/// no good first choice.
Statement summaryStatement()
{
    return {QStringLiteral(
                "SELECT (SELECT count(*) FROM public.sensor), "
                "(SELECT count(*) FROM public.work_order "
                "  WHERE status IN ('open', 'assigned', 'in_progress')), "
                "coalesce((SELECT p.name FROM basemap.place p WHERE p.kind IN ('city', 'town') "
                "  ORDER BY p.kind = 'city' DESC, p.population DESC NULLS LAST, p.name LIMIT 1), "
                " (SELECT d.name FROM basemap.district d "
                "  ORDER BY ST_Area(d.geom) DESC, d.name LIMIT 1)), "
                "(SELECT coalesce(json_agg(json_build_array(t.name, t.code, t.geometry_kind, "
                "   coalesce(c.n, 0)) ORDER BY coalesce(c.n, 0) DESC, t.name), '[]') "
                " FROM public.asset_type t "
                " LEFT JOIN public.asset_type_count c ON c.type_id = t.id)"),
            {}};
}

} // namespace

Request PgCityRepository::schemaVersion(QObject *context, Reply<int> reply)
{
    return call<int>(
        schemaVersionStatement(),
        context,
        [](const QueryResult &result) -> Result<int> {
            if (result.rowCount() != 1 || result.columnCount() < 1) {
                return fail(ErrorCode::InvalidArgument, QStringLiteral("schema version: no row"));
            }
            return int(result.toInt(0, 0));
        },
        [reply = std::move(reply)](Result<int> version) {
            if (!version && version.error().sqlState == u"42P01") { // undefined_table
                Error error = version.error();
                error.code = ErrorCode::NotFound;
                version = tl::unexpected(error);
            }
            reply(std::move(version));
        });
}

Request PgCityRepository::summary(QObject *context, Reply<CitySummary> reply)
{
    return call(summaryStatement(), context, &PgCityRepository::decodeSummary, std::move(reply));
}

Result<CitySummary> PgCityRepository::decodeSummary(const QueryResult &result)
{
    if (auto shape = result.expectColumns(4, u"city summary"); !shape) {
        return tl::unexpected(shape.error());
    }
    CitySummary summary;
    if (result.rowCount() == 0) {
        return summary;
    }
    summary.sensors = result.toInt(0, 0);
    summary.openWorkOrders = result.toInt(0, 1);
    summary.cityName = result.text(0, 2);
    const QJsonArray types = QJsonDocument::fromJson(result.text(0, 3).toUtf8()).array();
    for (const QJsonValue &type : types) {
        const QJsonArray fields = type.toArray();
        summary.types.append({fields.at(0).toString(),
                              fields.at(1).toString(),
                              fields.at(2).toString(),
                              qint64(fields.at(3).toDouble())});
    }
    return summary;
}

} // namespace infrasight::data
