// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/migrationrunner.h"

#include "data/pgconnection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace infrasight::data {

namespace {

// Info messages (one per applied migration, with its duration) are off unless enabled with
// QT_LOGGING_RULES="infrasight.data.migrations.info=true".
Q_LOGGING_CATEGORY(lcMigrations, "infrasight.data.migrations", QtWarningMsg)

QString label(const Migration &migration)
{
    return QStringLiteral("%1_%2").arg(migration.version, 4, 10, QChar(u'0')).arg(migration.name);
}

// Keeps the server's code, SQLSTATE and detail, and says what we were doing.
tl::unexpected<Error> failWith(Error error, const QString &what)
{
    error.message = what + QStringLiteral(": ") + error.message;
    return tl::unexpected<Error>(std::move(error));
}

void sortByVersion(QList<Migration> &migrations)
{
    std::stable_sort(migrations.begin(), migrations.end(), [](const auto &a, const auto &b) {
        return a.version < b.version;
    });
}

} // namespace

Migration Migration::fromSql(int version, QString name, QByteArray sql)
{
    Migration migration;
    migration.version = version;
    migration.name = std::move(name);
    migration.checksum
        = QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex());
    migration.sql = std::move(sql);
    return migration;
}

MigrationRunner::MigrationRunner(PgConnection &connection)
    : MigrationRunner(connection, available())
{}

MigrationRunner::MigrationRunner(PgConnection &connection, QList<Migration> migrations)
    : m_connection(connection)
    , m_migrations(std::move(migrations))
{
    sortByVersion(m_migrations);
}

QList<Migration> MigrationRunner::available()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"));
    QList<Migration> migrations;
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        const QRegularExpressionMatch match = pattern.match(fileName);
        if (!match.hasMatch()) {
            qCWarning(lcMigrations) << "ignoring" << fileName << "in :/migrations:"
                                    << "the name is not NNNN_name.sql";
            continue;
        }
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcMigrations) << "cannot read" << file.fileName() << file.errorString();
            continue;
        }
        migrations.append(
            Migration::fromSql(match.captured(1).toInt(), match.captured(2), file.readAll()));
    }
    sortByVersion(migrations);
    return migrations;
}

int MigrationRunner::latestVersion()
{
    const QList<Migration> migrations = available();
    return migrations.isEmpty() ? 0 : migrations.constLast().version;
}

int MigrationRunner::targetVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

void MigrationRunner::setProgressCallback(ProgressCallback callback)
{
    m_progress = std::move(callback);
}

Result<int> MigrationRunner::currentVersion()
{
    // to_regclass does not check privileges, so a viewer learns that the table exists and the
    // SELECT below is the only statement that needs a grant.
    auto exists = m_connection.exec(
        QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL"));
    if (!exists) {
        return failWith(exists.error(), QStringLiteral("could not read the schema version"));
    }
    if (!exists->value(0, 0).toBool()) {
        return 0;
    }
    auto version = m_connection.exec(
        QStringLiteral("SELECT coalesce(max(version), 0) FROM public.schema_migrations"));
    if (!version) {
        return failWith(version.error(), QStringLiteral("could not read the schema version"));
    }
    return int(version->toInt(0, 0));
}

Result<MigrationReport> MigrationRunner::migrate()
{
    QSet<int> seen;
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (migration.version <= 0 || seen.contains(migration.version)) {
            return fail(ErrorCode::Internal,
                        QStringLiteral("the program's migrations are inconsistent"),
                        QStringLiteral("version %1 is invalid or appears twice (%2)")
                            .arg(migration.version)
                            .arg(label(migration)));
        }
        seen.insert(migration.version);
    }

    // A session lock, not a transaction lock: each migration commits on its own, and the lock must
    // span all of them plus the checks before. Another runner on this database waits here.
    auto locked = m_connection.exec(QStringLiteral("SELECT pg_advisory_lock($1::bigint)"),
                                    {QVariant::fromValue(AdvisoryLockKey)});
    if (!locked) {
        return failWith(locked.error(), QStringLiteral("could not take the migration lock"));
    }
    Result<MigrationReport> report = migrateLocked();
    auto unlocked = m_connection.exec(QStringLiteral("SELECT pg_advisory_unlock($1::bigint)"),
                                      {QVariant::fromValue(AdvisoryLockKey)});
    if (!unlocked) {
        // The lock dies with the session; a broken connection has already released it.
        qCWarning(lcMigrations) << "could not release the migration lock:"
                                << unlocked.error().toString();
    }
    return report;
}

Result<MigrationReport> MigrationRunner::migrateLocked()
{
    // Safe without IF NOT EXISTS races: every runner on this database holds the lock here.
    auto exists = m_connection.exec(
        QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL"));
    if (!exists) {
        return failWith(exists.error(), QStringLiteral("could not read the schema version"));
    }
    if (!exists->value(0, 0).toBool()) {
        auto created
            = m_connection.exec(QStringLiteral("CREATE TABLE public.schema_migrations ("
                                               " version integer PRIMARY KEY,"
                                               " name text NOT NULL,"
                                               " checksum text NOT NULL,"
                                               " applied_at timestamptz NOT NULL DEFAULT now(),"
                                               " applied_by text NOT NULL DEFAULT current_user)"));
        if (!created) {
            return failWith(created.error(), QStringLiteral("could not create schema_migrations"));
        }
    }

    auto recorded = m_connection.exec(QStringLiteral(
        "SELECT version, name, checksum FROM public.schema_migrations ORDER BY version"));
    if (!recorded) {
        return failWith(recorded.error(), QStringLiteral("could not read schema_migrations"));
    }

    MigrationReport report;
    QSet<int> applied;
    for (int row = 0; row < recorded->rowCount(); ++row) {
        const int version = int(recorded->toInt(row, 0));
        applied.insert(version);
        report.finalVersion = std::max(report.finalVersion, version);
    }
    if (report.finalVersion > targetVersion()) {
        return fail(ErrorCode::SchemaTooNew,
                    QStringLiteral("the database schema is version %1, newer than this program's "
                                   "%2: use a newer Infrasight")
                        .arg(report.finalVersion)
                        .arg(targetVersion()));
    }
    for (int row = 0; row < recorded->rowCount(); ++row) {
        const int version = int(recorded->toInt(row, 0));
        const auto known = std::find_if(m_migrations.cbegin(),
                                        m_migrations.cend(),
                                        [version](const auto &m) { return m.version == version; });
        if (known == m_migrations.cend()) {
            return fail(ErrorCode::Conflict,
                        QStringLiteral("the database has migration %1 (%2), which this program "
                                       "does not know")
                            .arg(version)
                            .arg(recorded->text(row, 1)));
        }
        if (recorded->text(row, 2) != known->checksum) {
            return fail(ErrorCode::Conflict,
                        QStringLiteral("migration %1 in the database differs from this program's: "
                                       "it was changed after it was applied")
                            .arg(label(*known)),
                        QStringLiteral("checksum in the database %1, in the program %2")
                            .arg(recorded->text(row, 2), known->checksum));
        }
    }

    for (const Migration &migration : std::as_const(m_migrations)) {
        if (applied.contains(migration.version)) {
            continue;
        }
        if (m_progress) {
            m_progress(migration);
        }
        QElapsedTimer timer;
        timer.start();
        if (auto done = apply(migration); !done) {
            return tl::unexpected(done.error());
        }
        qCInfo(lcMigrations).nospace()
            << "applied migration " << label(migration) << " in " << timer.elapsed() << " ms";
        report.applied.append(migration.version);
        report.finalVersion = std::max(report.finalVersion, migration.version);
    }
    return report;
}

Result<void> MigrationRunner::apply(const Migration &migration)
{
    const QString what = QStringLiteral("migration %1 failed").arg(label(migration));
    auto begun = m_connection.exec(QStringLiteral("BEGIN"));
    if (!begun) {
        return failWith(begun.error(), what);
    }
    auto rollback = [this, &what](const Error &error) -> tl::unexpected<Error> {
        if (auto rolledBack = m_connection.exec(QStringLiteral("ROLLBACK")); !rolledBack) {
            qCWarning(lcMigrations) << "rollback failed:" << rolledBack.error().toString();
        }
        return failWith(error, what);
    };
    // Objects land in public whatever the role's search_path says, and the NOTICEs of
    // "IF NOT EXISTS" statements stay out of the log.
    if (auto set
        = m_connection.execScript(QStringLiteral("SET LOCAL search_path = public; "
                                                 "SET LOCAL client_min_messages = warning"));
        !set) {
        return rollback(set.error());
    }
    if (auto script = m_connection.execScript(QString::fromUtf8(migration.sql)); !script) {
        return rollback(script.error());
    }
    auto recorded = m_connection.exec(
        QStringLiteral("INSERT INTO public.schema_migrations (version, name, checksum) "
                       "VALUES ($1, $2, $3)"),
        {migration.version, migration.name, migration.checksum});
    if (!recorded) {
        return rollback(recorded.error());
    }
    // A failing COMMIT (a deferred constraint) ends the transaction too; nothing to roll back.
    if (auto committed = m_connection.exec(QStringLiteral("COMMIT")); !committed) {
        return failWith(committed.error(), what);
    }
    return {};
}

} // namespace infrasight::data
