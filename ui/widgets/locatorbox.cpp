// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/locatorbox.h"

#include "models/locatormodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QStyle>
#include <QTimer>

namespace infrasight::ui {

namespace {

constexpr int HintMargin = 6;
constexpr int MinimumTextLength = 2;
constexpr int VisibleResults = 12;

} // namespace

LocatorBox::LocatorBox(models::LocatorModel *model, QWidget *parent)
    : QLineEdit(parent)
    , m_model(model)
    , m_completer(new QCompleter(model, this))
    , m_hint(new QLabel(this))
{
    Q_ASSERT(m_model);
    setObjectName(QStringLiteral("locatorBox"));
    setPlaceholderText(tr("Find asset by code, name or street (Ctrl+K)"));
    setClearButtonEnabled(true);
    setAccessibleName(tr("Find asset"));

    // The model is already the answer to the text (the server matches by trigram similarity),
    // so the completer shows it as it is and must not filter it again by prefix.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(VisibleResults);
    m_completer->setCompletionRole(Qt::EditRole);
    m_completer->popup()->setObjectName(QStringLiteral("locatorPopup"));
    setCompleter(m_completer);

    m_hint->setObjectName(QStringLiteral("locatorHint"));
    m_hint->setAttribute(Qt::WA_TransparentForMouseEvents);
    QPalette hintPalette = m_hint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_hint->setPalette(hintPalette);
    m_hint->hide();

    connect(this, &QLineEdit::textEdited, this, &LocatorBox::handleTextEdited);
    connect(this, &QLineEdit::returnPressed, this, &LocatorBox::chooseBest);
    connect(m_model, &models::LocatorModel::resultsReady, this, &LocatorBox::handleResults);
    connect(m_model, &models::LocatorModel::errorOccurred, this, [this](const QString &message) {
        setHint(tr("Search failed"));
        m_hint->setToolTip(message);
    });
    connect(m_completer,
            qOverload<const QModelIndex &>(&QCompleter::activated),
            this,
            &LocatorBox::choose);

    auto *focus = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    focus->setContext(Qt::WindowShortcut);
    connect(focus, &QShortcut::activated, this, [this] {
        setFocus(Qt::ShortcutFocusReason);
        selectAll();
    });
}

QString LocatorBox::hint() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void LocatorBox::resizeEvent(QResizeEvent *event)
{
    QLineEdit::resizeEvent(event);
    placeHint();
}

void LocatorBox::handleTextEdited(const QString &text)
{
    m_model->setText(text);
    if (text.simplified().size() < MinimumTextLength) {
        setHint({});
        m_completer->popup()->hide();
    } else {
        setHint(tr("Searching…"));
    }
}

void LocatorBox::handleResults(const QString &text)
{
    if (text != this->text()) {
        return; // a row was highlighted or chosen meanwhile; its text is not a search
    }
    if (text.simplified().size() < MinimumTextLength) {
        setHint({});
        return;
    }
    if (m_model->rowCount() == 0) {
        setHint(tr("No match"));
        m_completer->popup()->hide();
        return;
    }
    setHint({});
    if (hasFocus()) {
        // The results come after the key that asked for them: open the popup now.
        m_completer->setCompletionPrefix(text);
        m_completer->complete();
    }
}

void LocatorBox::choose(const QModelIndex &index)
{
    // One Enter may arrive twice: QCompleter passes the key to the line edit first
    // (returnPressed(), which takes the best match) and then emits activated() for the popup's
    // current row. Only the first counts.
    if (m_choosing) {
        return;
    }
    const qint64 id = index.data(models::LocatorModel::AssetIdRole).toLongLong();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const data::AssetSummary asset = m_model->summary(row);
        if (asset.id != id) {
            continue;
        }
        m_choosing = true;
        QTimer::singleShot(0, this, [this] { m_choosing = false; });
        setText(asset.code);
        setHint({});
        Q_EMIT assetChosen(asset);
        return;
    }
}

void LocatorBox::chooseBest()
{
    // A highlighted row put its code into the box: then the completer's activated() chooses.
    if (m_choosing || m_model->rowCount() == 0 || m_model->text() != text()) {
        return;
    }
    m_completer->popup()->hide();
    choose(m_model->index(0));
}

void LocatorBox::setHint(const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setToolTip({});
    m_hint->setVisible(!hint.isEmpty());
    placeHint();
}

void LocatorBox::placeHint()
{
    if (m_hint->isHidden()) {
        setTextMargins(0, 0, 0, 0);
        return;
    }
    m_hint->adjustSize();
    // Leave room for the clear button at the right edge.
    const int clearButton
        = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + 2 * HintMargin;
    const int x = width() - clearButton - m_hint->width();
    m_hint->move(qMax(0, x), (height() - m_hint->height()) / 2);
    setTextMargins(0, 0, m_hint->width() + HintMargin, 0);
}

} // namespace infrasight::ui
