// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/mapsourcedialog.h"

#include "ui/render/tileurltemplate.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace infrasight::ui {

MapSourceDialog::MapSourceDialog(QWidget *parent)
    : QDialog(parent)
    , m_group(new QButtonGroup(this))
    , m_automatic(new QRadioButton(tr("&Automatic: OpenStreetMap when reachable, else the "
                                      "offline basemap"),
                                   this))
    , m_osm(new QRadioButton(tr("&OpenStreetMap standard (tile.openstreetmap.org)"), this))
    , m_url(new QRadioButton(tr("&Custom tile URL template"), this))
    , m_mbtiles(new QRadioButton(tr("&MBTiles file (offline)"), this))
    , m_urlEdit(new QLineEdit(this))
    , m_attributionEdit(new QLineEdit(this))
    , m_mbtilesEdit(new QLineEdit(this))
    , m_automaticHint(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("mapSourceDialog"));
    setWindowTitle(tr("Map Source"));
    m_automatic->setObjectName(QStringLiteral("automaticSource"));
    m_osm->setObjectName(QStringLiteral("osmSource"));
    m_url->setObjectName(QStringLiteral("urlSource"));
    m_mbtiles->setObjectName(QStringLiteral("mbtilesSource"));
    m_urlEdit->setObjectName(QStringLiteral("urlTemplateEdit"));
    m_attributionEdit->setObjectName(QStringLiteral("attributionEdit"));
    m_mbtilesEdit->setObjectName(QStringLiteral("mbtilesPathEdit"));
    m_error->setObjectName(QStringLiteral("mapSourceError"));
    int id = 0;
    for (QRadioButton *button : {m_automatic, m_osm, m_url, m_mbtiles}) {
        m_group->addButton(button, id++);
    }
    m_urlEdit->setPlaceholderText(QStringLiteral("https://tiles.example.org/{z}/{x}/{y}.png"));
    m_attributionEdit->setPlaceholderText(QStringLiteral("© OpenStreetMap contributors"));
    m_automaticHint->setWordWrap(true);
    m_automaticHint->setEnabled(false);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &MapSourceDialog::browseMbtiles);

    auto *urlForm = new QFormLayout;
    urlForm->addRow(tr("Template:"), m_urlEdit);
    urlForm->addRow(tr("Attribution:"), m_attributionEdit);
    urlForm->setContentsMargins(24, 0, 0, 0);
    auto *fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(24, 0, 0, 0);
    fileRow->addWidget(m_mbtilesEdit, 1);
    fileRow->addWidget(browse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &MapSourceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MapSourceDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_automatic);
    auto *hintRow = new QHBoxLayout;
    hintRow->setContentsMargins(24, 0, 0, 0);
    hintRow->addWidget(m_automaticHint);
    layout->addLayout(hintRow);
    layout->addWidget(m_osm);
    layout->addWidget(m_url);
    layout->addLayout(urlForm);
    layout->addWidget(m_mbtiles);
    layout->addLayout(fileRow);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(m_group, &QButtonGroup::idToggled, this, &MapSourceDialog::updateEnabled);
    m_automatic->setChecked(true);
    updateEnabled();
    resize(560, sizeHint().height());
}

void MapSourceDialog::setChoice(const MapSourceChoice &choice)
{
    m_group->button(static_cast<int>(choice.kind))->setChecked(true);
    m_urlEdit->setText(choice.urlTemplate);
    m_attributionEdit->setText(choice.attribution);
    m_mbtilesEdit->setText(choice.mbtilesPath);
    updateEnabled();
}

MapSourceChoice MapSourceDialog::choice() const
{
    MapSourceChoice choice;
    choice.kind = static_cast<MapSourceChoice::Kind>(std::max(0, m_group->checkedId()));
    choice.urlTemplate = m_urlEdit->text().trimmed();
    choice.attribution = m_attributionEdit->text().trimmed();
    choice.mbtilesPath = m_mbtilesEdit->text().trimmed();
    return choice;
}

void MapSourceDialog::setOfflineBasemapPath(const QString &path)
{
    m_automaticHint->setText(tr("Offline basemap: %1").arg(path));
}

void MapSourceDialog::accept()
{
    const MapSourceChoice chosen = choice();
    QString problem;
    if (chosen.kind == MapSourceChoice::Kind::CustomUrl) {
        auto parsed = render::TileUrlTemplate::parse(chosen.urlTemplate);
        if (!parsed) {
            problem = parsed.error().message;
        }
    } else if (chosen.kind == MapSourceChoice::Kind::MbTiles
               && !QFileInfo(chosen.mbtilesPath).isFile()) {
        problem = tr("There is no file “%1”.").arg(chosen.mbtilesPath);
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    m_error->hide();
    Q_EMIT choiceAccepted(chosen);
    QDialog::accept();
}

void MapSourceDialog::updateEnabled()
{
    m_urlEdit->setEnabled(m_url->isChecked());
    m_attributionEdit->setEnabled(m_url->isChecked());
    m_mbtilesEdit->setEnabled(m_mbtiles->isChecked());
}

void MapSourceDialog::browseMbtiles()
{
    auto *dialog = new QFileDialog(this,
                                   tr("MBTiles File"),
                                   QFileInfo(m_mbtilesEdit->text()).path(),
                                   tr("MBTiles files (*.mbtiles);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_mbtilesEdit->setText(file);
        m_mbtiles->setChecked(true);
    });
    dialog->open();
}

} // namespace infrasight::ui
