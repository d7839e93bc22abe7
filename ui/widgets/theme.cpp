// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace infrasight::ui {

namespace {

Theme::Kind s_current = Theme::Kind::Native;
// The style and palette the application started with, captured on the first apply().
QString s_nativeStyleName;
QPalette *s_nativePalette = nullptr;

QPalette darkPalette()
{
    // Low-glare greys with enough contrast for text (WCAG AA on the window colour); one cool
    // accent for selection so that alarm colours (red, amber) keep their meaning.
    const QColor window(0x25, 0x2a, 0x31);
    const QColor base(0x1b, 0x1f, 0x24);
    const QColor alternate(0x22, 0x27, 0x2d);
    const QColor text(0xd7, 0xdd, 0xe4);
    const QColor disabledText(0x6c, 0x75, 0x7f);
    const QColor button(0x2d, 0x33, 0x3b);
    const QColor highlight(0x2f, 0x6f, 0xb3);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternate);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x3a, 0x41, 0x4a));
    palette.setColor(QPalette::Midlight, QColor(0x33, 0x3a, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x1f, 0x23, 0x29));
    palette.setColor(QPalette::Dark, QColor(0x16, 0x19, 0x1d));
    palette.setColor(QPalette::Shadow, QColor(0x0b, 0x0d, 0x0f));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xf0));
    palette.setColor(QPalette::LinkVisited, QColor(0xa5, 0x8b, 0xe0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, disabledText);
    }
    palette.setColor(QPalette::Disabled, QPalette::Button, window);
    return palette;
}

} // namespace

void Theme::apply(Kind kind)
{
    if (s_nativeStyleName.isEmpty()) {
        s_nativeStyleName = QApplication::style()->name();
        static QPalette nativePalette = QApplication::palette();
        s_nativePalette = &nativePalette;
    }
    if (kind == Kind::Dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create(s_nativeStyleName));
        QApplication::setPalette(*s_nativePalette);
    }
    s_current = kind;
}

Theme::Kind Theme::current()
{
    return s_current;
}

Theme::Kind Theme::saved()
{
    return QSettings().value(settingsKey()).toString() == QStringLiteral("dark") ? Kind::Dark
                                                                                 : Kind::Native;
}

void Theme::save(Kind kind)
{
    QSettings().setValue(settingsKey(),
                         kind == Kind::Dark ? QStringLiteral("dark") : QStringLiteral("native"));
}

QString Theme::settingsKey()
{
    return QStringLiteral("ui/theme");
}

} // namespace infrasight::ui
