// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("infrasightctl"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(infrasight::VersionString));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Infrasight command-line tool"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
