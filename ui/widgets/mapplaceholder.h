// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

namespace infrasight::ui {

/// The central map area until the map canvas exists. It says what it is: a neutral background
/// with a faint graticule, the city's name, a line explaining that the map is not drawn here yet,
/// and the OpenStreetMap attribution that every map view of ours must show. GUI thread only.
class MapPlaceholder : public QWidget
{
    Q_OBJECT

public:
    explicit MapPlaceholder(QWidget *parent = nullptr);

    /// The city or area the console is set up for, shown as the title ("Monaco").
    void setCityName(const QString &name);

    QString cityName() const { return m_cityName; }

    /// One line under the title, e.g. "Waiting for the database…".
    void setMessage(const QString &message);

    QString message() const { return m_message; }

    /// "© OpenStreetMap contributors"; always painted in the bottom-right corner.
    static QString attribution();

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_cityName;
    QString m_message;
};

} // namespace infrasight::ui
