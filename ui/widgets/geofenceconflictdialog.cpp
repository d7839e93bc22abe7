// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/geofenceconflictdialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace infrasight::ui {

namespace {

int vertexCount(const gis::MultiPolygon &shape)
{
    int n = 0;
    for (const gis::Polygon &polygon : shape.polygons) {
        for (const auto &ring : polygon.rings) {
            n += ring.empty() ? 0 : int(ring.size()) - 1;
        }
    }
    return n;
}

} // namespace

QStringList GeofenceConflictDialog::describe(const data::GeofenceRecord &fence)
{
    if (fence.id == 0 && fence.version == 0 && fence.name.isEmpty()) {
        return {tr("(deleted)")};
    }
    const QLocale locale;
    return {
        tr("Name: %1").arg(fence.name),
        tr("Purpose: %1").arg(fence.purpose),
        tr("Shape: %n part(s)", nullptr, int(fence.shape.polygons.size()))
            + tr(", %n vertices", nullptr, vertexCount(fence.shape)),
        tr("Rules: %1")
            .arg(QString::fromUtf8(QJsonDocument(fence.rules).toJson(QJsonDocument::Compact))),
        tr("Active: %1").arg(fence.active ? tr("yes") : tr("no")),
        fence.updatedBy.isEmpty()
            ? tr("Version %1").arg(fence.version)
            : tr("Version %1, saved by %2 at %3")
                  .arg(fence.version)
                  .arg(fence.updatedBy,
                       locale.toString(fence.updatedAt.toLocalTime(), QLocale::ShortFormat)),
    };
}

GeofenceConflictDialog::GeofenceConflictDialog(const data::GeofenceRecord &ours,
                                               const data::GeofenceRecord &theirs,
                                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("geofenceConflictDialog"));
    setWindowTitle(tr("Geofence changed by someone else"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Someone else saved “%1” while you were editing it. Nothing of "
                                "yours has been written. Compare and choose.")
                                 .arg(theirs.name.isEmpty() ? ours.name : theirs.name),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    auto *mineTitle = new QLabel(tr("<b>Yours (not saved)</b>"), this);
    auto *theirsTitle = new QLabel(tr("<b>Theirs (saved)</b>"), this);
    grid->addWidget(mineTitle, 0, 0);
    grid->addWidget(theirsTitle, 0, 1);
    auto *mine = new QLabel(describe(ours).join(u'\n'), this);
    mine->setObjectName(QStringLiteral("oursLabel"));
    auto *their = new QLabel(describe(theirs).join(u'\n'), this);
    their->setObjectName(QStringLiteral("theirsLabel"));
    for (QLabel *label : {mine, their}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }
    grid->addWidget(mine, 1, 0);
    grid->addWidget(their, 1, 1);
    layout->addLayout(grid);

    auto *buttons = new QDialogButtonBox(this);
    // Deleted meanwhile: ours can still be kept, as a new fence.
    QPushButton *keepMine = buttons->addButton(theirs.id != 0 ? tr("Save &Mine over Theirs")
                                                              : tr("Save &Mine as a New Geofence"),
                                               QDialogButtonBox::AcceptRole);
    keepMine->setObjectName(QStringLiteral("keepMineButton"));
    QPushButton *takeTheirs = buttons->addButton(tr("&Take Theirs"), QDialogButtonBox::ResetRole);
    takeTheirs->setObjectName(QStringLiteral("takeTheirsButton"));
    takeTheirs->setEnabled(theirs.id != 0);
    QPushButton *keepEditing
        = buttons->addButton(tr("&Keep Editing"), QDialogButtonBox::RejectRole);
    keepEditing->setObjectName(QStringLiteral("keepEditingButton"));
    keepEditing->setDefault(true);
    connect(keepMine, &QPushButton::clicked, this, [this] {
        m_choice = Choice::KeepMine;
        accept();
    });
    connect(takeTheirs, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TakeTheirs;
        accept();
    });
    connect(keepEditing, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace infrasight::ui
