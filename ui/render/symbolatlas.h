// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QString>

#include <mutex>

namespace infrasight::render {

/// Pre-rendered point sprites, drawn with QPainter::drawImage (far cheaper per point than
/// drawing ellipses or wide pens, see TECH_NOTES 1.2). Thread-safe: render jobs on worker
/// threads share one atlas; every sprite is rendered once per key and then shared (QImage is
/// implicitly shared and read-only here).
class SymbolAtlas
{
public:
    /// The atlas the renderers share.
    static SymbolAtlas &instance();

    /// A round badge filled with color, with a 1 px dark outline and the white pictogram
    /// ":/symbols/<symbol>.svg" inside (none if symbol is empty or unknown, or the badge is too
    /// small to read it). A Format_ARGB32_Premultiplied image of logicalSize x logicalSize
    /// logical pixels at devicePixelRatio.
    QImage
    symbol(const QString &symbol, const QColor &color, double logicalSize, qreal devicePixelRatio);

    /// A cluster disc of radius logical pixels: neutral blue with a white border, plus a red
    /// outer ring when members are faulty. The count text is drawn by the caller.
    QImage clusterDisc(int radius, bool faulty, qreal devicePixelRatio);

    /// True if ":/symbols/<symbol>.svg" exists.
    static bool hasPictogram(const QString &symbol);

    /// The number of cached sprites (for tests).
    qsizetype size() const;
    void clear();

private:
    struct Key
    {
        QString symbol;
        QRgb color = 0;
        int sizeMilli = 0; ///< logical size (or disc radius) x 1000
        int dprMilli = 0;  ///< device pixel ratio x 1000
        bool cluster = false;
        bool faulty = false;

        friend bool operator==(const Key &, const Key &) = default;

        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(
                seed, key.symbol, key.color, key.sizeMilli, key.dprMilli, key.cluster, key.faulty);
        }
    };

    static QImage renderSymbol(const QString &symbol,
                               const QColor &color,
                               double logicalSize,
                               qreal devicePixelRatio);
    static QImage renderClusterDisc(int radius, bool faulty, qreal devicePixelRatio);

    mutable std::mutex m_mutex;
    QHash<Key, QImage> m_sprites;
};

} // namespace infrasight::render
