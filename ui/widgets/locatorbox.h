// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"

#include <QLineEdit>

class QCompleter;
class QLabel;
class QModelIndex;

namespace infrasight::models {
class LocatorModel;
}

namespace infrasight::ui {

/// The locator in the tool bar: a search box that finds assets by code, name or street while the
/// operator types. Results pop up under the box as they arrive from the LocatorModel (Down/Up to
/// move, Enter or a click to choose, Esc to close); Enter without a highlighted row takes the
/// best match. Choosing a result emits assetChosen() and leaves its code in the box. A hint at
/// the right edge says "Searching…" or "No match". Ctrl+K in the window focuses the box.
/// The model is borrowed and must outlive the box. GUI thread only.
class LocatorBox : public QLineEdit
{
    Q_OBJECT

public:
    explicit LocatorBox(models::LocatorModel *model, QWidget *parent = nullptr);

    models::LocatorModel *model() const { return m_model; }

    /// The popup's completer (for tests and key handling).
    QCompleter *completer() const { return m_completer; }

    /// The hint shown at the right edge: "Searching…", "No match", an error, or empty.
    QString hint() const;

Q_SIGNALS:
    void assetChosen(const infrasight::data::AssetSummary &asset);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void handleTextEdited(const QString &text);
    void handleResults(const QString &text);
    void choose(const QModelIndex &index);
    void chooseBest();
    void setHint(const QString &hint);
    void placeHint();

    models::LocatorModel *m_model = nullptr;
    QCompleter *m_completer = nullptr;
    QLabel *m_hint = nullptr;
    bool m_choosing = false;
};

} // namespace infrasight::ui
