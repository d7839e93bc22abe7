// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverdirectory.h"

#include <QFile>

#include <pwd.h>
#include <unistd.h>

namespace infrasight::tests {

Result<void> prepareServerDirectory(const QString &path)
{
    if (!QFile::setPermissions(path,
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                   | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                   | QFile::ExeOther)) {
        return fail(ErrorCode::Io, QStringLiteral("cannot set the mode of %1").arg(path));
    }
    if (::geteuid() != 0) {
        return {};
    }
    const passwd *postgres = ::getpwnam("postgres");
    if (postgres == nullptr) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("running as root needs the postgres account "
                                   "(package postgresql-15)"));
    }
    if (::chown(QFile::encodeName(path).constData(), postgres->pw_uid, postgres->pw_gid) != 0) {
        return fail(ErrorCode::Io, QStringLiteral("cannot hand %1 to postgres").arg(path));
    }
    return {};
}

} // namespace infrasight::tests
