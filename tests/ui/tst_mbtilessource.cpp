// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/mbtilesfixture.h"
#include "ui/render/mbtilessource.h"
#include "ui/render/tilesourcefactory.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using infrasight::gis::TileKey;
using infrasight::render::MbTilesSource;
using infrasight::render::TileSourceFactory;

namespace {

QByteArray solidPng(const QColor &color, int sizePx = 256)
{
    QImage image(sizePx, sizePx, QImage::Format_RGB32);
    image.fill(color);
    return infrasight::tests::encodePng(image);
}

void writeMbTiles(const QString &path,
                  const QList<QPair<TileKey, QByteArray>> &tiles,
                  const QList<QPair<QString, QString>> &metadata)
{
    const auto written = infrasight::tests::writeMbTilesFixture(path, tiles, metadata);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
}

const QList<QPair<QString, QString>> Metadata{
    {QStringLiteral("name"), QStringLiteral("Monaco test")},
    {QStringLiteral("format"), QStringLiteral("png")},
    {QStringLiteral("bounds"), QStringLiteral("7.40,43.72,7.44,43.76")},
    {QStringLiteral("minzoom"), QStringLiteral("2")},
    {QStringLiteral("maxzoom"), QStringLiteral("3")},
    {QStringLiteral("attribution"), QStringLiteral("© OpenStreetMap contributors")}};

} // namespace

class TestMbTilesSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsTilesWithTheTmsRowFlip();
    void readsMetadata();
    void zoomsFromTilesWhenMetadataHasNone();
    void missingTileFails();
    void highDpiTilesKeepTheirPixels();
    void brokenFileGivesClearError_data();
    void brokenFileGivesClearError();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMbTilesSource::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMbTilesSource::readsTilesWithTheTmsRowFlip()
{
    const QString path = m_dir->filePath(QStringLiteral("flip.mbtiles"));
    // (2,0,0) and (2,0,3) swap places if the row flip is wrong.
    writeMbTiles(path,
                 {{TileKey(2, 0, 0), solidPng(Qt::red)},
                  {TileKey(2, 0, 3), solidPng(Qt::blue)},
                  {TileKey(2, 1, 2), solidPng(Qt::green)},
                  {TileKey(3, 5, 1), solidPng(Qt::yellow)}},
                 Metadata);
    QCOMPARE(MbTilesSource::tmsRow(2, 0), 3);
    QCOMPARE(MbTilesSource::tmsRow(11, 791), 1256); // the spec's example
    auto source = MbTilesSource::open(path);
    QVERIFY2(source.has_value(), qPrintable(source ? QString() : source.error().toString()));
    QSignalSpy ready(source->get(), &MbTilesSource::tileReady);
    (*source)->request({TileKey(2, 0, 0), TileKey(2, 0, 3), TileKey(2, 1, 2), TileKey(3, 5, 1)},
                       1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 4, 5000);
    QHash<TileKey, QColor> colors;
    for (const auto &arguments : std::as_const(ready)) {
        const auto image = arguments.at(1).value<QImage>();
        QCOMPARE(image.size(), QSize(256, 256));
        colors.insert(arguments.at(0).value<TileKey>(), image.pixelColor(128, 128));
    }
    QCOMPARE(colors.value(TileKey(2, 0, 0)), QColor(Qt::red));
    QCOMPARE(colors.value(TileKey(2, 0, 3)), QColor(Qt::blue));
    QCOMPARE(colors.value(TileKey(2, 1, 2)), QColor(Qt::green));
    QCOMPARE(colors.value(TileKey(3, 5, 1)), QColor(Qt::yellow));
}

void TestMbTilesSource::readsMetadata()
{
    const QString path = m_dir->filePath(QStringLiteral("meta.mbtiles"));
    writeMbTiles(path, {{TileKey(2, 1, 1), solidPng(Qt::gray)}}, Metadata);
    const auto info = MbTilesSource::inspect(path);
    QVERIFY2(info.has_value(), qPrintable(info ? QString() : info.error().toString()));
    QCOMPARE(info->name, QStringLiteral("Monaco test"));
    QCOMPARE(info->attribution, QStringLiteral("© OpenStreetMap contributors"));
    QCOMPARE(info->minZoom, 2);
    QCOMPARE(info->maxZoom, 3);
    QCOMPARE(info->tileSizePx, 256);
    QVERIFY(!info->offersHighDpi);
    QVERIFY(info->bounds.has_value());
    QCOMPARE(info->bounds->westDeg(), 7.40);
    QCOMPARE(info->bounds->southDeg(), 43.72);
    QCOMPARE(info->bounds->eastDeg(), 7.44);
    QCOMPARE(info->bounds->northDeg(), 43.76);

    // Through the settings preset too.
    const auto source = TileSourceFactory::create(TileSourceFactory::mbTiles(path));
    QVERIFY(source.has_value());
    QCOMPARE((*source)->info().name, QStringLiteral("Monaco test"));
}

void TestMbTilesSource::zoomsFromTilesWhenMetadataHasNone()
{
    const QString path = m_dir->filePath(QStringLiteral("bare.mbtiles"));
    writeMbTiles(path,
                 {{TileKey(4, 1, 1), solidPng(Qt::gray)}, {TileKey(6, 1, 1), solidPng(Qt::gray)}},
                 {{QStringLiteral("format"), QStringLiteral("png")}});
    const auto info = MbTilesSource::inspect(path);
    QVERIFY(info.has_value());
    QCOMPARE(info->minZoom, 4);
    QCOMPARE(info->maxZoom, 6);
    QCOMPARE(info->name, QStringLiteral("bare"));
    QVERIFY(!info->bounds.has_value());
}

void TestMbTilesSource::missingTileFails()
{
    const QString path = m_dir->filePath(QStringLiteral("sparse.mbtiles"));
    writeMbTiles(path, {{TileKey(2, 1, 1), solidPng(Qt::gray)}}, Metadata);
    auto source = MbTilesSource::open(path);
    QVERIFY(source.has_value());
    QSignalSpy failed(source->get(), &MbTilesSource::tileFailed);
    QSignalSpy sourceError(source->get(), &MbTilesSource::sourceError);
    (*source)->request({TileKey(2, 3, 3), TileKey(9, 1, 1)}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
    QCOMPARE(sourceError.size(), 0); // a hole in the file is not a broken file
}

void TestMbTilesSource::highDpiTilesKeepTheirPixels()
{
    const QString path = m_dir->filePath(QStringLiteral("retina.mbtiles"));
    writeMbTiles(path, {{TileKey(2, 1, 1), solidPng(Qt::cyan, 512)}}, Metadata);
    auto source = MbTilesSource::open(path);
    QVERIFY(source.has_value());
    QVERIFY((*source)->info().offersHighDpi);
    QSignalSpy ready(source->get(), &MbTilesSource::tileReady);
    (*source)->request({TileKey(2, 1, 1)}, 2.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    const auto image = ready.at(0).at(1).value<QImage>();
    QCOMPARE(image.size(), QSize(512, 512));
    QCOMPARE(image.devicePixelRatio(), 2.0);
}

void TestMbTilesSource::brokenFileGivesClearError_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("random-bytes") << QStringLiteral("random")
                                  << QStringLiteral("is not an MBTiles file");
    QTest::newRow("text-file") << QStringLiteral("text")
                               << QStringLiteral("is not an MBTiles file");
    QTest::newRow("sqlite-without-tiles")
        << QStringLiteral("sqlite") << QStringLiteral("is not an MBTiles file");
    QTest::newRow("vector-tiles") << QStringLiteral("pbf") << QStringLiteral("holds vector tiles");
    QTest::newRow("missing-file") << QStringLiteral("missing") << QStringLiteral("does not exist");
}

void TestMbTilesSource::brokenFileGivesClearError()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString path = m_dir->filePath(kind + QStringLiteral(".mbtiles"));
    if (kind == u"random") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes(64 * 1024, '\0');
        for (char &byte : bytes) {
            byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
        }
        file.write(bytes);
    } else if (kind == u"text") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are not the tiles you are looking for\n");
    } else if (kind == u"sqlite") {
        const QString name = QStringLiteral("plain");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE things (id integer)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    } else if (kind == u"pbf") {
        writeMbTiles(path,
                     {{TileKey(2, 1, 1), QByteArray("\x1a\x02", 2)}},
                     {{QStringLiteral("format"), QStringLiteral("pbf")}});
    }
    const auto source = MbTilesSource::open(path);
    QVERIFY(!source.has_value());
    const QString message = source.error().message;
    QVERIFY2(message.contains(expected), qPrintable(source.error().toString()));
    QVERIFY2(message.contains(path), qPrintable(message));
    const auto viaFactory = TileSourceFactory::create(TileSourceFactory::mbTiles(path));
    QVERIFY(!viaFactory.has_value());
    QCOMPARE(viaFactory.error().message, message);
}

QTEST_GUILESS_MAIN(TestMbTilesSource)
#include "tst_mbtilessource.moc"
