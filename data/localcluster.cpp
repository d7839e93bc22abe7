// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/localcluster.h"

#include "data/pgconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace infrasight::data {

namespace {

constexpr auto PackageHint = "install the Debian packages postgresql-15 postgresql-15-postgis-3";
constexpr auto ServerAccountWhenRoot = "postgres";
constexpr int RequiredMajorVersion = 15;
// sizeof(sockaddr_un::sun_path) on Linux, including the terminating NUL.
constexpr int MaxSocketPathBytes = 108;

QString hint()
{
    return QString::fromLatin1(PackageHint);
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

bool hasServerPrograms(const QString &dir)
{
    return isExecutableFile(dir + QStringLiteral("/initdb"))
           && isExecutableFile(dir + QStringLiteral("/pg_ctl"))
           && isExecutableFile(dir + QStringLiteral("/postgres"));
}

/// Starts a program directly (never through a shell); the caller waits for it with a timeout.
Result<void> startProcess(QProcess &process, const QString &program, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Fixed messages (we parse some) and a locale that exists on every Debian system.
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("PGDATA"));
    process.setProcessEnvironment(environment);
    // The server account must be able to enter the working directory (root's home is 0700).
    process.setWorkingDirectory(QStringLiteral("/"));
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(30000)) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("could not run %1").arg(program),
                    process.errorString());
    }
    return {};
}

QString lastLines(const QString &text, int count)
{
    QStringList lines = text.trimmed().split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > count) {
        lines = lines.mid(lines.size() - count);
    }
    return lines.join(QStringLiteral(" | "));
}

/// The last lines of the server log, to explain why a start failed.
QString logTail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const qint64 tailBytes = 4096;
    if (file.size() > tailBytes) {
        file.seek(file.size() - tailBytes);
    }
    return lastLines(QString::fromUtf8(file.readAll()), 4);
}

/// Major version from "postgres (PostgreSQL) 15.20 (Debian ...)", or 0.
QString versionFromBanner(const QString &banner)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\(PostgreSQL\\)\\s+([0-9]+(\\.[0-9]+)?)"));
    const auto match = pattern.match(banner);
    return match.hasMatch() ? match.captured(1) : QString();
}

/// libpq key=value quoting: single quotes around values with spaces or quotes.
QString conninfoValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(u' ') && !value.contains(u'\'')
        && !value.contains(u'\\')) {
        return value;
    }
    QString quoted = value;
    quoted.replace(u'\\', QStringLiteral("\\\\"));
    quoted.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + quoted + u'\'';
}

struct Account
{
    uid_t uid = 0;
    gid_t gid = 0;
};

Result<Account> serverAccount()
{
    if (!runningAsRoot()) {
        return Account{::geteuid(), ::getegid()};
    }
    const passwd *entry = ::getpwnam(ServerAccountWhenRoot);
    if (entry == nullptr) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("running as root needs the 'postgres' system account to run "
                                   "the database server, and there is none: %1")
                        .arg(hint()));
    }
    return Account{entry->pw_uid, entry->pw_gid};
}

/// As root: hands a directory to the server account with the given mode.
Result<void> ownDirectory(const QString &path, const Account &account, mode_t mode)
{
    const QByteArray native = QFile::encodeName(path);

    struct stat info
    {};

    if (::stat(native.constData(), &info) != 0) {
        return fail(ErrorCode::Io, QStringLiteral("cannot inspect %1").arg(path), errnoText());
    }
    if (runningAsRoot() && (info.st_uid != account.uid || info.st_gid != account.gid)) {
        if (::chown(native.constData(), account.uid, account.gid) != 0) {
            return fail(ErrorCode::Io,
                        QStringLiteral("cannot give %1 to the database account").arg(path),
                        errnoText());
        }
    }
    if ((info.st_mode & 07777) != mode && ::chmod(native.constData(), mode) != 0) {
        return fail(
            ErrorCode::Io, QStringLiteral("cannot set the mode of %1").arg(path), errnoText());
    }
    return {};
}

/// As root: lets the server account traverse (not list) every ancestor of path.
Result<void> makeAncestorsTraversable(const QString &path)
{
    QDir dir(path);
    while (dir.cdUp()) {
        const QByteArray native = QFile::encodeName(dir.absolutePath());

        struct stat info
        {};

        if (::stat(native.constData(), &info) != 0) {
            return fail(ErrorCode::Io,
                        QStringLiteral("cannot inspect %1").arg(dir.absolutePath()),
                        errnoText());
        }
        if ((info.st_mode & S_IXOTH) == 0
            && ::chmod(native.constData(), (info.st_mode & 07777) | S_IXOTH) != 0) {
            return fail(ErrorCode::Io,
                        QStringLiteral("cannot make %1 traversable for the database account")
                            .arg(dir.absolutePath()),
                        errnoText());
        }
        if (dir.isRoot()) {
            break;
        }
    }
    return {};
}

Result<void> makePath(const QString &path)
{
    std::error_code error;
    std::filesystem::create_directories(
        std::filesystem::path(QFile::encodeName(path).toStdString()), error);
    if (error) {
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot create the directory %1").arg(path),
                    QString::fromLocal8Bit(error.message().c_str()));
    }
    if (!QFileInfo(path).isDir()) {
        return fail(ErrorCode::Io, QStringLiteral("%1 exists and is not a directory").arg(path));
    }
    return {};
}

} // namespace

LocalCluster::LocalCluster(QString baseDirectory, QString binDirectory)
    : m_baseDirectory(baseDirectory.isEmpty() ? defaultBaseDirectory() : std::move(baseDirectory))
    , m_explicitBinDirectory(std::move(binDirectory))
{
    m_baseDirectory = QDir::cleanPath(QDir(m_baseDirectory).absolutePath());
}

QString LocalCluster::defaultBaseDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("INFRASIGHT_DATA_DIR");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/infrasight");
}

Result<QString> LocalCluster::findBinDirectory(const QString &explicitDir)
{
    const auto checked = [](const QString &dir, const QString &origin) -> Result<QString> {
        if (hasServerPrograms(dir)) {
            return dir;
        }
        return fail(ErrorCode::NotFound,
                    QStringLiteral("no PostgreSQL server programs (initdb, pg_ctl, postgres) in %1 "
                                   "(%2): %3")
                        .arg(dir, origin, hint()));
    };
    if (!explicitDir.isEmpty()) {
        return checked(explicitDir, QStringLiteral("given explicitly"));
    }
    const QString fromEnvironment = qEnvironmentVariable("INFRASIGHT_PG_BINDIR");
    if (!fromEnvironment.isEmpty()) {
        return checked(fromEnvironment, QStringLiteral("from INFRASIGHT_PG_BINDIR"));
    }
    const QString debianDefault
        = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(RequiredMajorVersion);
    if (hasServerPrograms(debianDefault)) {
        return debianDefault;
    }
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (pgConfig.isEmpty()) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("PostgreSQL %1 server programs not found (no %2, no pg_config): "
                                   "%3")
                        .arg(QString::number(RequiredMajorVersion), debianDefault, hint()));
    }
    QProcess process;
    if (auto started = startProcess(process, pgConfig, {QStringLiteral("--bindir")}); !started) {
        return tl::unexpected(started.error());
    }
    if (!process.waitForFinished(10000) || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(1000);
        return fail(ErrorCode::NotFound,
                    QStringLiteral("PostgreSQL server programs not found (%1 absent, pg_config "
                                   "failed): %2")
                        .arg(debianDefault, hint()));
    }
    return checked(QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed(),
                   QStringLiteral("from pg_config --bindir"));
}

QString LocalCluster::databaseName()
{
    return QStringLiteral("infrasight");
}

QString LocalCluster::clusterDirectory() const
{
    return m_baseDirectory + QStringLiteral("/pgdata");
}

QString LocalCluster::socketDirectory() const
{
    return m_baseDirectory + QStringLiteral("/run");
}

QString LocalCluster::logFile() const
{
    return m_baseDirectory + QStringLiteral("/postgresql.log");
}

QString LocalCluster::serverUser() const
{
    if (runningAsRoot()) {
        return QString::fromLatin1(ServerAccountWhenRoot);
    }
    if (const passwd *entry = ::getpwuid(::geteuid()); entry != nullptr) {
        return QString::fromLocal8Bit(entry->pw_name);
    }
    return qEnvironmentVariable("USER");
}

QString LocalCluster::conninfo() const
{
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
        .arg(conninfoValue(socketDirectory()),
             QString::number(Port),
             conninfoValue(databaseName()),
             conninfoValue(serverUser()));
}

Result<QString> LocalCluster::binDirectory() const
{
    return findBinDirectory(m_explicitBinDirectory);
}

Result<QString> LocalCluster::program(const QString &name) const
{
    auto dir = binDirectory();
    if (!dir) {
        return tl::unexpected(dir.error());
    }
    return *dir + u'/' + name;
}

Result<LocalCluster::ProcessOutput>
LocalCluster::runAsServerUser(const QString &programPath, const QStringList &arguments) const
{
    QString executable = programPath;
    QStringList allArguments = arguments;
    if (runningAsRoot()) {
        executable = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        if (executable.isEmpty()) {
            executable = QStandardPaths::findExecutable(
                QStringLiteral("runuser"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        }
        if (executable.isEmpty()) {
            return fail(ErrorCode::NotFound,
                        QStringLiteral("running as root needs runuser (package util-linux) to run "
                                       "the database server as 'postgres'"));
        }
        allArguments = QStringList{QStringLiteral("-u"),
                                   QString::fromLatin1(ServerAccountWhenRoot),
                                   QStringLiteral("--"),
                                   programPath}
                       + arguments;
    }
    QProcess process;
    if (auto started = startProcess(process, executable, allArguments); !started) {
        return tl::unexpected(started.error());
    }
    const QString name = QFileInfo(programPath).fileName();
    if (!process.waitForFinished(int(m_timeout.count()))) {
        process.kill();
        process.waitForFinished(5000);
        return fail(ErrorCode::Io,
                    QStringLiteral("%1 did not finish within %2 s and was stopped")
                        .arg(name)
                        .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()));
    }
    if (process.exitStatus() == QProcess::CrashExit) {
        return fail(ErrorCode::Io,
                    QStringLiteral("%1 crashed").arg(name),
                    lastLines(QString::fromLocal8Bit(process.readAllStandardError()), 3));
    }
    return ProcessOutput{process.exitCode(),
                         QString::fromLocal8Bit(process.readAllStandardOutput()),
                         QString::fromLocal8Bit(process.readAllStandardError())};
}

Result<void> LocalCluster::checkPaths() const
{
    // pg_ctl hands its -o options to /bin/sh, and the server splits unix_socket_directories at
    // commas: keep paths free of characters that would need escaping there.
    static const QRegularExpression unsafe(QStringLiteral("[',\"\\\\$`\\n]"));
    if (m_baseDirectory.contains(unsafe)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the data directory %1 contains a character the PostgreSQL "
                                   "server cannot take in a path (' , \" \\ $ `): choose another "
                                   "with INFRASIGHT_DATA_DIR")
                        .arg(m_baseDirectory));
    }
    const qsizetype socketPathBytes
        = QFile::encodeName(socketDirectory()).size() + qsizetype(sizeof("/.s.PGSQL.5432"));
    if (socketPathBytes > MaxSocketPathBytes) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the data directory %1 is too long for a Unix socket path "
                                   "(%2 of at most %3 bytes): choose a shorter one with "
                                   "INFRASIGHT_DATA_DIR")
                        .arg(m_baseDirectory)
                        .arg(socketPathBytes)
                        .arg(MaxSocketPathBytes));
    }
    return {};
}

Result<void> LocalCluster::prepareDirectories() const
{
    if (auto checked = checkPaths(); !checked) {
        return checked;
    }
    auto account = serverAccount();
    if (!account) {
        return tl::unexpected(account.error());
    }
    for (const QString &dir : {m_baseDirectory, socketDirectory()}) {
        if (auto made = makePath(dir); !made) {
            return made;
        }
    }
    if (runningAsRoot()) {
        if (auto traversable = makeAncestorsTraversable(m_baseDirectory); !traversable) {
            return traversable;
        }
        // The server account writes its log here and creates pgdata; root reaches everything.
        for (const QString &dir : {m_baseDirectory, socketDirectory()}) {
            if (auto owned = ownDirectory(dir, *account, 0755); !owned) {
                return owned;
            }
        }
        if (QFileInfo(clusterDirectory()).isDir()) {
            if (auto owned = ownDirectory(clusterDirectory(), *account, 0700); !owned) {
                return owned;
            }
        }
    } else {
        for (const QString &dir : {m_baseDirectory, socketDirectory()}) {
            if (auto owned = ownDirectory(dir, *account, 0700); !owned) {
                return owned;
            }
        }
    }
    return {};
}

Result<bool> LocalCluster::initIfNeeded()
{
    auto initdb = program(QStringLiteral("initdb"));
    if (!initdb) {
        return tl::unexpected(initdb.error());
    }
    const QString versionFile = clusterDirectory() + QStringLiteral("/PG_VERSION");
    if (QFileInfo::exists(versionFile)) {
        QFile file(versionFile);
        const QString major = file.open(QIODevice::ReadOnly)
                                  ? QString::fromLatin1(file.readAll()).trimmed()
                                  : QString();
        if (major != QString::number(RequiredMajorVersion)) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 holds a PostgreSQL %2 cluster, but this program runs "
                                       "PostgreSQL %3: upgrade it with pg_upgrade or choose "
                                       "another data directory")
                            .arg(clusterDirectory(),
                                 major.isEmpty() ? QStringLiteral("(unreadable)") : major,
                                 QString::number(RequiredMajorVersion)));
        }
        return false;
    }
    if (QFileInfo::exists(clusterDirectory())
        && !QDir(clusterDirectory())
                .isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 exists but holds no PostgreSQL cluster: move it away or "
                                   "choose another data directory")
                        .arg(clusterDirectory()));
    }
    if (auto prepared = prepareDirectories(); !prepared) {
        return tl::unexpected(prepared.error());
    }
    auto output = runAsServerUser(*initdb,
                                  {QStringLiteral("-D"),
                                   clusterDirectory(),
                                   QStringLiteral("-U"),
                                   serverUser(),
                                   QStringLiteral("-E"),
                                   QStringLiteral("UTF8"),
                                   QStringLiteral("--locale=C.UTF-8"),
                                   QStringLiteral("--auth-local=trust"),
                                   QStringLiteral("--auth-host=reject"),
                                   QStringLiteral("--no-instructions")});
    if (!output) {
        return tl::unexpected(output.error());
    }
    if (output->exitCode != 0) {
        return fail(
            ErrorCode::Io,
            QStringLiteral("initdb could not create the cluster in %1").arg(clusterDirectory()),
            lastLines(output->standardError, 3));
    }
    // The same settings start() passes on the command line, so that starting the cluster by
    // hand with pg_ctl cannot open a TCP port either.
    QFile config(clusterDirectory() + QStringLiteral("/postgresql.conf"));
    if (!config.open(QIODevice::Append | QIODevice::Text)) {
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot write %1").arg(config.fileName()),
                    config.errorString());
    }
    config.write(QStringLiteral("\n# infrasight: Unix socket only, private to the owner\n"
                                "listen_addresses = ''\n"
                                "unix_socket_directories = '%1'\n"
                                "unix_socket_permissions = 0700\n"
                                "port = %2\n")
                     .arg(socketDirectory())
                     .arg(Port)
                     .toUtf8());
    if (!config.flush()) {
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot write %1").arg(config.fileName()),
                    config.errorString());
    }
    return true;
}

Result<LocalCluster::Status> LocalCluster::status() const
{
    if (auto checked = checkPaths(); !checked) {
        return tl::unexpected(checked.error());
    }
    Status status;
    status.baseDirectory = m_baseDirectory;
    status.clusterDirectory = clusterDirectory();
    status.socketDirectory = socketDirectory();
    status.logFile = logFile();
    if (auto postgres = program(QStringLiteral("postgres"))) {
        QProcess process;
        if (startProcess(process, *postgres, {QStringLiteral("-V")})
            && process.waitForFinished(10000)) {
            status.serverVersion
                = versionFromBanner(QString::fromLocal8Bit(process.readAllStandardOutput()));
        } else {
            process.kill();
            process.waitForFinished(1000);
        }
    }
    QFile versionFile(clusterDirectory() + QStringLiteral("/PG_VERSION"));
    if (!versionFile.open(QIODevice::ReadOnly)) {
        return status;
    }
    status.initialized = true;
    status.dataVersion = QString::fromLatin1(versionFile.readAll()).trimmed();

    // What pg_ctl status does, without running a program as another account: the first line of
    // postmaster.pid is the postmaster's pid, and a stale file names a process that is gone.
    QFile pidFile(clusterDirectory() + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly)) {
        return status;
    }
    bool ok = false;
    const qint64 pid = QString::fromLatin1(pidFile.readLine()).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0) {
        return status;
    }
    if (::kill(pid_t(pid), 0) == 0 || errno == EPERM) {
        status.running = true;
        status.pid = pid;
    }
    return status;
}

Result<void> LocalCluster::ensureDatabase() const
{
    const QString adminConninfo = QStringLiteral("host=%1 port=%2 dbname=postgres user=%3")
                                      .arg(conninfoValue(socketDirectory()),
                                           QString::number(Port),
                                           conninfoValue(serverUser()));
    auto admin = PgConnection::open(adminConninfo);
    if (!admin) {
        return tl::unexpected(admin.error());
    }
    auto existing = (*admin)->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"),
                                   {databaseName()});
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    if (existing->rowCount() > 0) {
        return {};
    }
    // CREATE DATABASE takes no parameters; the name is our constant, not user input.
    auto created
        = (*admin)->exec(QStringLiteral("CREATE DATABASE ") + quoteIdentifier(databaseName()));
    if (!created && created.error().sqlState != QStringLiteral("42P04")) { // duplicate_database
        return tl::unexpected(created.error());
    }
    return {};
}

Result<LocalCluster::StartOutcome> LocalCluster::start()
{
    auto pgCtl = program(QStringLiteral("pg_ctl"));
    if (!pgCtl) {
        return tl::unexpected(pgCtl.error());
    }
    if (auto prepared = prepareDirectories(); !prepared) {
        return tl::unexpected(prepared.error());
    }
    // A console and infrasightctl may start the same cluster at the same moment.
    QLockFile lock(m_baseDirectory + QStringLiteral("/.cluster.lock"));
    lock.setStaleLockTime(0); // a lock whose process is gone is stale, however fresh
    if (!lock.tryLock(int(m_timeout.count()))) {
        return fail(ErrorCode::Io,
                    QStringLiteral("another process keeps the embedded database locked (%1)")
                        .arg(lock.error() == QLockFile::PermissionError
                                 ? QStringLiteral("no permission for the lock file")
                                 : QStringLiteral("timed out waiting for it")));
    }
    if (auto initialised = initIfNeeded(); !initialised) {
        return tl::unexpected(initialised.error());
    }
    auto current = status();
    if (!current) {
        return tl::unexpected(current.error());
    }
    StartOutcome outcome = StartOutcome::AlreadyRunning;
    if (!current->running) {
        const auto waitSeconds = std::max<qint64>(
            10, std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count() - 5);
        // pg_ctl passes -o through /bin/sh: checkPaths() keeps quotes out of the path.
        const QString serverOptions = QStringLiteral("-c listen_addresses='' -k '%1' -p %2 "
                                                     "-c unix_socket_permissions=0700")
                                          .arg(socketDirectory())
                                          .arg(Port);
        auto output = runAsServerUser(*pgCtl,
                                      {QStringLiteral("start"),
                                       QStringLiteral("-D"),
                                       clusterDirectory(),
                                       QStringLiteral("-l"),
                                       logFile(),
                                       QStringLiteral("-w"),
                                       QStringLiteral("-t"),
                                       QString::number(waitSeconds),
                                       QStringLiteral("-o"),
                                       serverOptions});
        if (!output) {
            return tl::unexpected(output.error());
        }
        if (output->exitCode != 0) {
            const QString tail = logTail(logFile());
            return fail(ErrorCode::Connection,
                        QStringLiteral("the embedded database server did not start (log: %1)")
                            .arg(logFile()),
                        tail.isEmpty() ? lastLines(output->standardError, 3) : tail);
        }
        outcome = StartOutcome::Started;
    }
    if (auto ensured = ensureDatabase(); !ensured) {
        return tl::unexpected(ensured.error());
    }
    return outcome;
}

Result<LocalCluster::StopOutcome> LocalCluster::stop()
{
    auto current = status();
    if (!current) {
        return tl::unexpected(current.error());
    }
    if (!current->running) {
        return StopOutcome::WasNotRunning;
    }
    auto pgCtl = program(QStringLiteral("pg_ctl"));
    if (!pgCtl) {
        return tl::unexpected(pgCtl.error());
    }
    QLockFile lock(m_baseDirectory + QStringLiteral("/.cluster.lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(int(m_timeout.count()))) {
        return fail(ErrorCode::Io,
                    QStringLiteral("another process keeps the embedded database locked"));
    }
    const auto waitSeconds = std::max<qint64>(
        10, std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count() - 5);
    auto output = runAsServerUser(*pgCtl,
                                  {QStringLiteral("stop"),
                                   QStringLiteral("-D"),
                                   clusterDirectory(),
                                   QStringLiteral("-m"),
                                   QStringLiteral("fast"),
                                   QStringLiteral("-w"),
                                   QStringLiteral("-t"),
                                   QString::number(waitSeconds)});
    if (!output) {
        return tl::unexpected(output.error());
    }
    if (output->exitCode != 0) {
        // Someone else may have stopped it between our status() and pg_ctl.
        if (auto after = status(); after && !after->running) {
            return StopOutcome::Stopped;
        }
        return fail(ErrorCode::Io,
                    QStringLiteral("the embedded database server did not stop"),
                    lastLines(output->standardError, 3));
    }
    return StopOutcome::Stopped;
}

Result<QString> LocalCluster::ensureRunning()
{
    if (auto started = start(); !started) {
        return tl::unexpected(started.error());
    }
    return conninfo();
}

} // namespace infrasight::data
