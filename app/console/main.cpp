// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/application.h"
#include "app/console/commandline.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    infrasight::app::Application::setIdentity();
    if (infrasight::app::CommandLine::asksForInformationOnly(argc, argv)) {
        // --help and --version must work without a display (ssh, scripts, CI).
        QCoreApplication core(argc, argv);
        infrasight::app::CommandLine().process(core);
        return 0;
    }
    QApplication application(argc, argv);
    infrasight::app::Application::installTranslations();
    const auto options = infrasight::app::CommandLine().process(application);
    infrasight::app::Application console(options);
    console.start();
    return QApplication::exec();
}
