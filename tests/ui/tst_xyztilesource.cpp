// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/httptileserver.h"
#include "ui/render/tilediskcache.h"
#include "ui/render/tilesourcefactory.h"
#include "ui/render/tileurltemplate.h"
#include "ui/render/xyztilesource.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using infrasight::gis::TileKey;
using infrasight::render::TileDiskCache;
using infrasight::render::TileSourceFactory;
using infrasight::render::TileUrlTemplate;
using infrasight::render::XyzTileSource;
using infrasight::render::XyzTileSourceOptions;
using infrasight::tests::HttpTileServer;
using infrasight::tests::RecordedRequest;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray pathOf(const TileKey &key, bool highDpi = false)
{
    return QStringLiteral("/%1/%2/%3%4.png")
        .arg(key.z())
        .arg(key.x())
        .arg(key.y())
        .arg(highDpi ? QStringLiteral("@2x") : QString())
        .toLatin1();
}

QColor centerColor(const QImage &image)
{
    return image.pixelColor(image.width() / 2, image.height() / 2);
}

} // namespace

class TestXyzTileSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void urlTemplateValid_data();
    void urlTemplateValid();
    void urlTemplateMalformed_data();
    void urlTemplateMalformed();
    void factoryPresets();

    void freshnessFloorAppliesOnlyWithoutLifetime_data();
    void freshnessFloorAppliesOnlyWithoutLifetime();
    void deliversTilesPolitely();
    void freshTileIsServedAfterRestartWithoutRequest_data();
    void freshTileIsServedAfterRestartWithoutRequest();
    void staleTileIsRevalidatedAnd304KeepsIt();
    void floorEntryOlderThanSevenDaysIsRevalidatedAndRefreshed();
    void staleTileIsShownWhenTheServerFails();
    void notFoundFailsAndIsNotCached();
    void serverErrorIsRetriedThenFailsAndIsNotCached();
    void timeOutIsRetriedThenFails();
    void bodyThatIsNotAnImageIsNotCached();
    void highDpiAsksForTwiceTheTile();
    void visibleTilesFirstWithinTheCap();
    void newRequestCancelsOffscreenTiles();
    void slowServerDoesNotBlockTheEventLoop();
    void unreachableServerGivesClearError();

private:
    std::unique_ptr<XyzTileSource> makeSource(int transferTimeoutMs = 5000) const;

    std::unique_ptr<QTemporaryDir> m_cacheDir;
    std::unique_ptr<HttpTileServer> m_server;
};

void TestXyzTileSource::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_cacheDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_cacheDir->isValid());
    m_server = std::make_unique<HttpTileServer>();
    QVERIFY(m_server->start());
}

void TestXyzTileSource::cleanup()
{
    // Whatever a test did, every request was polite (OSM tile usage policy).
    const QByteArray userAgent = XyzTileSource::userAgent();
    for (const RecordedRequest &request : m_server->requests()) {
        QCOMPARE(request.header("User-Agent"), userAgent);
        QVERIFY2(!request.header("Cache-Control").toLower().contains("no-cache"),
                 request.path.constData());
        QVERIFY2(!request.header("Pragma").toLower().contains("no-cache"),
                 request.path.constData());
        QCOMPARE(request.method, QByteArray("GET"));
    }
    m_server.reset();
    m_cacheDir.reset();
}

std::unique_ptr<XyzTileSource> TestXyzTileSource::makeSource(int transferTimeoutMs) const
{
    auto urlTemplate = TileUrlTemplate::parse(m_server->urlTemplate());
    if (!urlTemplate) {
        qFatal("test template invalid");
    }
    XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.name = QStringLiteral("test");
    options.cacheDirectory = m_cacheDir->path();
    options.maxRetries = 2;
    options.retryBaseDelayMs = 50;
    options.transferTimeoutMs = transferTimeoutMs;
    return std::make_unique<XyzTileSource>(options);
}

void TestXyzTileSource::urlTemplateValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("subdomains");
    QTest::addColumn<bool>("highDpi");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("offersHighDpi");
    const TileKey key(12, 2154, 1493);
    Q_UNUSED(key)
    QTest::newRow("osm") << QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
                         << QStringList() << false
                         << QStringLiteral("https://tile.openstreetmap.org/12/2154/1493.png")
                         << false;
    QTest::newRow("http-with-port")
        << QStringLiteral("http://localhost:8080/t/{z}/{x}/{y}.jpg") << QStringList() << false
        << QStringLiteral("http://localhost:8080/t/12/2154/1493.jpg") << false;
    QTest::newRow("subdomain-default-abc")
        << QStringLiteral("https://{s}.tiles.example.org/{z}/{x}/{y}.png") << QStringList() << false
        << QStringLiteral("https://c.tiles.example.org/12/2154/1493.png") << false;
    QTest::newRow("subdomain-list")
        << QStringLiteral("https://{s}.tiles.example.org/{z}/{x}/{y}.png")
        << QStringList{QStringLiteral("t1"), QStringLiteral("t2")} << false
        << QStringLiteral("https://t2.tiles.example.org/12/2154/1493.png") << false;
    QTest::newRow("retina-placeholder-low")
        << QStringLiteral("https://tiles.example.org/{z}/{x}/{y}{r}.png") << QStringList() << false
        << QStringLiteral("https://tiles.example.org/12/2154/1493.png") << true;
    QTest::newRow("retina-placeholder-high")
        << QStringLiteral("https://tiles.example.org/{z}/{x}/{y}{r}.png") << QStringList() << true
        << QStringLiteral("https://tiles.example.org/12/2154/1493@2x.png") << true;
    QTest::newRow("literal-2x") << QStringLiteral("https://tiles.example.org/{z}/{x}/{y}@2x.png")
                                << QStringList() << false
                                << QStringLiteral("https://tiles.example.org/12/2154/1493@2x.png")
                                << true;
    QTest::newRow("tms-row") << QStringLiteral("https://tms.example.org/{z}/{x}/{-y}.png")
                             << QStringList() << false
                             << QStringLiteral("https://tms.example.org/12/2154/2602.png") << false;
    QTest::newRow("query-and-trim")
        << QStringLiteral("  https://example.org/tiles?z={z}&x={x}&y={y}&key=abc ") << QStringList()
        << false << QStringLiteral("https://example.org/tiles?z=12&x=2154&y=1493&key=abc") << false;
}

void TestXyzTileSource::urlTemplateValid()
{
    QFETCH(QString, text);
    QFETCH(QStringList, subdomains);
    QFETCH(bool, highDpi);
    QFETCH(QString, expected);
    QFETCH(bool, offersHighDpi);
    const auto parsed = TileUrlTemplate::parse(text, subdomains);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->url(TileKey(12, 2154, 1493), highDpi).toString(), expected);
    QCOMPARE(parsed->offersHighDpi(), offersHighDpi);
}

void TestXyzTileSource::urlTemplateMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("The tile URL template is empty.");
    QTest::newRow("no-scheme") << QStringLiteral("tile.openstreetmap.org/{z}/{x}/{y}.png")
                               << QStringLiteral(
                                      "The tile URL template must start with https:// or http://.");
    QTest::newRow("ftp") << QStringLiteral("ftp://example.org/{z}/{x}/{y}.png")
                         << QStringLiteral(
                                "The tile URL template must start with https:// or http://.");
    QTest::newRow("missing-z") << QStringLiteral("https://example.org/{x}/{y}.png")
                               << QStringLiteral("The tile URL template has no {z} placeholder.");
    QTest::newRow("missing-x") << QStringLiteral("https://example.org/{z}/{y}.png")
                               << QStringLiteral("The tile URL template has no {x} placeholder.");
    QTest::newRow("missing-y") << QStringLiteral("https://example.org/{z}/{x}.png")
                               << QStringLiteral("The tile URL template has no {y} placeholder.");
    QTest::newRow("unknown-placeholder")
        << QStringLiteral("https://example.org/{z}/{x}/{y}.png?k={apikey}")
        << QStringLiteral("The tile URL template has an unknown placeholder {apikey}; use {z}, "
                          "{x}, {y} (or {-y}), {s} and {r}.");
    QTest::newRow("unclosed-brace")
        << QStringLiteral("https://example.org/{z/{x}/{y}.png")
        << QStringLiteral("The tile URL template has an unmatched '{' at position 21.");
    QTest::newRow("stray-close")
        << QStringLiteral("https://example.org/z}/{z}/{x}/{y}.png")
        << QStringLiteral("The tile URL template has an unmatched '}' at position 22.");
    QTest::newRow("no-host") << QStringLiteral("https:///{z}/{x}/{y}.png")
                             << QStringLiteral("The tile URL template has no host name.");
}

void TestXyzTileSource::urlTemplateMalformed()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = TileUrlTemplate::parse(text);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, infrasight::ErrorCode::InvalidArgument);
    QCOMPARE(parsed.error().message, message);
    // The factory gives the same message for a custom URL preset.
    const auto source = TileSourceFactory::create(TileSourceFactory::customUrl(text));
    QVERIFY(!source.has_value());
    QCOMPARE(source.error().message, message);
}

void TestXyzTileSource::factoryPresets()
{
    auto settings = TileSourceFactory::openStreetMap();
    settings.cacheDirectory = m_cacheDir->path();
    const auto osm = TileSourceFactory::create(settings);
    QVERIFY(osm.has_value());
    const auto info = (*osm)->info();
    QCOMPARE(info.attribution, QStringLiteral("© OpenStreetMap contributors"));
    QCOMPARE(info.maxZoom, 19);
    auto *xyz = qobject_cast<XyzTileSource *>(osm->get());
    QVERIFY(xyz);
    QCOMPARE(xyz->tileUrl(TileKey(3, 4, 5), false).toString(),
             QStringLiteral("https://tile.openstreetmap.org/3/4/5.png"));
    QCOMPARE(xyz->cacheDirectory(), m_cacheDir->path());
    QVERIFY(XyzTileSource::userAgent().startsWith("Infrasight/"));
    QVERIFY(XyzTileSource::userAgent().contains("(+http"));

    QCOMPARE(TileSourceFactory::kindFromKey(QStringLiteral("mbtiles")),
             infrasight::render::TileSourceSettings::Kind::MbTiles);
    QVERIFY(!TileSourceFactory::kindFromKey(QStringLiteral("wms")).has_value());
    const auto noFile = TileSourceFactory::create(
        TileSourceFactory::mbTiles(m_cacheDir->filePath(QStringLiteral("missing.mbtiles"))));
    QVERIFY(!noFile.has_value());
    QVERIFY(noFile.error().message.contains(QStringLiteral("does not exist")));
}

void TestXyzTileSource::freshnessFloorAppliesOnlyWithoutLifetime_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<bool>("floored");
    QTest::newRow("nothing") << Headers{} << true;
    QTest::newRow("etag-only") << Headers{{"ETag", "\"x\""}} << true;
    QTest::newRow("public-without-max-age") << Headers{{"Cache-Control", "public"}} << true;
    QTest::newRow("max-age") << Headers{{"Cache-Control", "public, max-age=60"}} << false;
    QTest::newRow("expires") << Headers{{"Expires", "Thu, 01 Jan 2026 00:00:00 GMT"}} << false;
    QTest::newRow("no-cache-from-server") << Headers{{"Cache-Control", "no-cache"}} << false;
}

void TestXyzTileSource::freshnessFloorAppliesOnlyWithoutLifetime()
{
    QFETCH(Headers, headers);
    QFETCH(bool, floored);
    QNetworkCacheMetaData metaData;
    metaData.setUrl(QUrl(QStringLiteral("https://tiles.example.org/1/1/1.png")));
    metaData.setRawHeaders(headers);
    const QDateTime given = QDateTime::currentDateTimeUtc().addSecs(60);
    metaData.setExpirationDate(given);
    const QNetworkCacheMetaData result = TileDiskCache::withFreshnessFloor(metaData);
    if (floored) {
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(result.expirationDate());
        QVERIFY(lifetime > TileDiskCache::FreshnessFloorSecs - 60);
        QVERIFY(lifetime <= TileDiskCache::FreshnessFloorSecs);
    } else {
        QCOMPARE(result.expirationDate(), given);
    }
}

void TestXyzTileSource::deliversTilesPolitely()
{
    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    const QList<TileKey> keys{TileKey(2, 1, 1), TileKey(2, 2, 1), TileKey(2, 1, 2)};
    source->request(keys, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 3, 5000);
    for (const auto &arguments : std::as_const(ready)) {
        const auto key = arguments.at(0).value<TileKey>();
        const auto image = arguments.at(1).value<QImage>();
        QCOMPARE(image.size(), QSize(256, 256));
        QCOMPARE(centerColor(image), HttpTileServer::tileColor(key.z(), key.x(), key.y()));
    }
    QCOMPARE(m_server->requests().size(), 3);
    // cleanup() checks User-Agent and no-cache on every request.
    for (const RecordedRequest &request : m_server->requests()) {
        QCOMPARE(request.header("User-Agent"), XyzTileSource::userAgent());
    }
}

void TestXyzTileSource::freshTileIsServedAfterRestartWithoutRequest_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::newRow("max-age-one-day") << Headers{{"Cache-Control", "max-age=86400"}};
    QTest::newRow("expires-tomorrow")
        << Headers{{"Expires", httpDate(QDateTime::currentDateTimeUtc().addDays(1))}};
    QTest::newRow("no-freshness-headers-seven-day-floor") << Headers{};
}

void TestXyzTileSource::freshTileIsServedAfterRestartWithoutRequest()
{
    QFETCH(Headers, headers);
    m_server->setCacheHeaders(headers);
    const TileKey key(5, 17, 11);
    {
        auto source = makeSource();
        QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
        source->request({key}, 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    }
    QCOMPARE(m_server->requestCount(pathOf(key)), 1);

    // "Restart": a new source on the same cache directory.
    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    QCOMPARE(centerColor(ready.at(0).at(1).value<QImage>()),
             HttpTileServer::tileColor(key.z(), key.x(), key.y()));
    QCOMPARE(m_server->requestCount(pathOf(key)), 1);
}

void TestXyzTileSource::staleTileIsRevalidatedAnd304KeepsIt()
{
    // Expired an hour ago: every use needs a conditional request.
    m_server->setCacheHeaders(
        {{"Expires", httpDate(QDateTime::currentDateTimeUtc().addSecs(-3600))}});
    const TileKey key(6, 33, 22);
    {
        auto source = makeSource();
        QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
        source->request({key}, 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    }
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(!m_server->requests().at(0).hasHeader("If-None-Match"));

    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    QSignalSpy failed(source.get(), &XyzTileSource::tileFailed);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_server->requests().size(), 2);
    const RecordedRequest revalidation = m_server->requests().at(1);
    QCOMPARE(revalidation.header("If-None-Match"), "\"v1-6-33-22.png\"");
    QVERIFY(revalidation.hasHeader("If-Modified-Since"));
    // The server answered 304; the cached tile is shown.
    QCOMPARE(centerColor(ready.at(0).at(1).value<QImage>()),
             HttpTileServer::tileColor(key.z(), key.x(), key.y()));
    source.reset();
    TileDiskCache cache(m_cacheDir->path());
    QVERIFY(cache.metaData(QUrl(QString::fromLatin1(m_server->urlFor(pathOf(key))))).isValid());
}

void TestXyzTileSource::floorEntryOlderThanSevenDaysIsRevalidatedAndRefreshed()
{
    // No freshness headers: the 7-day floor applies.
    const TileKey key(7, 67, 45);
    const QUrl url(QString::fromLatin1(m_server->urlFor(pathOf(key))));
    {
        auto source = makeSource();
        QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
        source->request({key}, 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    }
    {
        TileDiskCache cache(m_cacheDir->path());
        QNetworkCacheMetaData metaData = cache.metaData(url);
        QVERIFY(metaData.isValid());
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(metaData.expirationDate());
        QVERIFY2(lifetime > TileDiskCache::FreshnessFloorSecs - 60,
                 qPrintable(QString::number(lifetime)));
        // Pretend it was stored eight days ago: rewrite the entry through the base class,
        // which keeps the date as given.
        std::unique_ptr<QIODevice> stored(cache.data(url));
        QVERIFY(stored);
        const QByteArray body = stored->readAll();
        stored.reset();
        metaData.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(-1));
        QIODevice *rewritten = cache.QNetworkDiskCache::prepare(metaData);
        QVERIFY(rewritten);
        rewritten->write(body);
        cache.insert(rewritten);
        QVERIFY(cache.metaData(url).expirationDate() < QDateTime::currentDateTimeUtc());
    }
    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    QCOMPARE(m_server->requests().size(), 2);
    QVERIFY(m_server->requests().at(1).hasHeader("If-None-Match"));
    source.reset();
    // The 304 refreshed the entry for another seven days.
    TileDiskCache cache(m_cacheDir->path());
    QVERIFY(QDateTime::currentDateTimeUtc().secsTo(cache.metaData(url).expirationDate())
            > TileDiskCache::FreshnessFloorSecs - 60);
}

void TestXyzTileSource::staleTileIsShownWhenTheServerFails()
{
    m_server->setCacheHeaders(
        {{"Expires", httpDate(QDateTime::currentDateTimeUtc().addSecs(-3600))}});
    const TileKey key(6, 30, 20);
    {
        auto source = makeSource();
        QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
        source->request({key}, 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    }
    m_server->setStatusForPath(pathOf(key), 503);
    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    QSignalSpy failed(source.get(), &XyzTileSource::tileFailed);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_server->requestCount(pathOf(key)), 1 + 3); // revalidation tried and retried
    QVERIFY(m_server->requests().last().hasHeader("If-None-Match"));
    QCOMPARE(centerColor(ready.at(0).at(1).value<QImage>()),
             HttpTileServer::tileColor(key.z(), key.x(), key.y()));
    source.reset();
    // The 503s did not replace the good entry.
    TileDiskCache cache(m_cacheDir->path());
    QVERIFY(cache.metaData(QUrl(QString::fromLatin1(m_server->urlFor(pathOf(key))))).isValid());
}

void TestXyzTileSource::notFoundFailsAndIsNotCached()
{
    const TileKey key(4, 3, 2);
    m_server->setStatusForPath(pathOf(key), 404);
    auto source = makeSource();
    QSignalSpy failed(source.get(), &XyzTileSource::tileFailed);
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(failed.at(0).at(0).value<TileKey>(), key);
    QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("404")),
             qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(m_server->requestCount(pathOf(key)), 1); // a 404 is not retried
    // Asking again soon does not hammer the server.
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
    QCOMPARE(m_server->requestCount(pathOf(key)), 1);
    QCOMPARE(ready.size(), 0);
    source.reset();
    TileDiskCache cache(m_cacheDir->path());
    QVERIFY(!cache.metaData(QUrl(QString::fromLatin1(m_server->urlFor(pathOf(key))))).isValid());
}

void TestXyzTileSource::serverErrorIsRetriedThenFailsAndIsNotCached()
{
    const TileKey key(4, 5, 6);
    m_server->setStatusForPath(pathOf(key), 500);
    auto source = makeSource();
    QSignalSpy failed(source.get(), &XyzTileSource::tileFailed);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(m_server->requestCount(pathOf(key)), 3); // first try + maxRetries
    const QString reason = failed.at(0).at(1).toString();
    QVERIFY2(reason.contains(QStringLiteral("500"))
                 && reason.contains(QStringLiteral("3 attempts")),
             qPrintable(reason));
    source.reset();
    TileDiskCache cache(m_cacheDir->path());
    QVERIFY(!cache.metaData(QUrl(QString::fromLatin1(m_server->urlFor(pathOf(key))))).isValid());
}

void TestXyzTileSource::timeOutIsRetriedThenFails()
{
    m_server->setDelayMs(1500);
    auto source = makeSource(300);
    QSignalSpy failed(source.get(), &XyzTileSource::tileFailed);
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    const TileKey key(5, 1, 2);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 8000);
    const QString reason = failed.at(0).at(1).toString();
    QVERIFY2(reason.contains(QStringLiteral("no answer"))
                 && reason.contains(QStringLiteral("3 attempts")),
             qPrintable(reason));
    QCOMPARE(m_server->requestCount(pathOf(key)), 3);
    QCOMPARE(ready.size(), 0);
}

void TestXyzTileSource::bodyThatIsNotAnImageIsNotCached()
{
    const TileKey key(3, 1, 1);
    m_server->setCacheHeaders({{"Cache-Control", "max-age=86400"}});
    m_server->setBodyForPath(pathOf(key), "<html>maintenance</html>");
    auto source = makeSource();
    QSignalSpy failed(source.get(), &XyzTileSource::tileFailed);
    source->request({key}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("not an image")));
    source.reset();
    TileDiskCache cache(m_cacheDir->path());
    QVERIFY(!cache.metaData(QUrl(QString::fromLatin1(m_server->urlFor(pathOf(key))))).isValid());
}

void TestXyzTileSource::highDpiAsksForTwiceTheTile()
{
    auto source = makeSource();
    QVERIFY(source->info().offersHighDpi);
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    const TileKey key(8, 100, 90);
    source->request({key}, 2.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
    QCOMPARE(m_server->requestCount(pathOf(key, true)), 1);
    const auto image = ready.at(0).at(1).value<QImage>();
    QCOMPARE(image.size(), QSize(512, 512));
    QCOMPARE(image.devicePixelRatio(), 2.0);
    QCOMPARE(image.deviceIndependentSize(), QSizeF(256, 256));

    const TileKey other(8, 101, 90);
    source->request({other}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 5000);
    QCOMPARE(m_server->requestCount(pathOf(other, false)), 1);
}

void TestXyzTileSource::visibleTilesFirstWithinTheCap()
{
    m_server->setDelayMs(300);
    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    QList<TileKey> keys;
    for (int i = 0; i < 12; ++i) {
        keys.append(TileKey(6, 10 + i, 20));
    }
    source->request(keys, 1.0);
    QCOMPARE(source->requestsInFlight(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= 6, 5000);
    QTest::qWait(100);
    // The first six on the wire are the six most important ones.
    QCOMPARE(m_server->requests().size(), 6);
    QSet<QByteArray> first;
    for (const RecordedRequest &request : m_server->requests()) {
        first.insert(request.path);
    }
    for (int i = 0; i < 6; ++i) {
        QVERIFY(first.contains(pathOf(keys.at(i))));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 12, 10000);
    QVERIFY(source->requestsInFlight() == 0);
}

void TestXyzTileSource::newRequestCancelsOffscreenTiles()
{
    m_server->setDelayMs(600);
    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    QList<TileKey> offscreen;
    for (int i = 0; i < 10; ++i) {
        offscreen.append(TileKey(9, 200 + i, 100));
    }
    source->request(offscreen, 1.0);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= 6, 5000);
    // The user panned away: only two new tiles are needed now.
    const QList<TileKey> visible{TileKey(9, 400, 300), TileKey(9, 401, 300)};
    source->request(visible, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 5000);
    QTest::qWait(800);
    QCOMPARE(ready.size(), 2);
    for (const auto &arguments : std::as_const(ready)) {
        QVERIFY(visible.contains(arguments.at(0).value<TileKey>()));
    }
    // Tiles 7..10 never went out; the six on the wire were dropped by closing the connection.
    for (int i = 6; i < 10; ++i) {
        QCOMPARE(m_server->requestCount(pathOf(offscreen.at(i))), 0);
    }
    QCOMPARE(m_server->requests().size(), 8);
    QVERIFY2(m_server->abandonedCount() >= 1,
             qPrintable(QString::number(m_server->abandonedCount())));
    QCOMPARE(source->requestsInFlight(), 0);
}

void TestXyzTileSource::slowServerDoesNotBlockTheEventLoop()
{
    m_server->setDelayMs(2000);
    auto source = makeSource();
    QSignalSpy ready(source.get(), &XyzTileSource::tileReady);
    QElapsedTimer sinceLastTick;
    qint64 longestGapMs = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (ticks > 0) {
            longestGapMs = std::max(longestGapMs, sinceLastTick.elapsed());
        }
        ++ticks;
        sinceLastTick.restart();
    });
    ticker.start();
    sinceLastTick.start();
    QElapsedTimer total;
    total.start();
    source->request({TileKey(10, 500, 300), TileKey(10, 501, 300)}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 8000);
    QVERIFY(total.elapsed() >= 1900);
    QVERIFY2(ticks > 100, qPrintable(QString::number(ticks)));
    QVERIFY2(longestGapMs < 100, qPrintable(QString::number(longestGapMs)));
}

void TestXyzTileSource::unreachableServerGivesClearError()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    auto urlTemplate
        = TileUrlTemplate::parse(QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(port));
    QVERIFY(urlTemplate.has_value());
    XyzTileSourceOptions options;
    options.urlTemplate = *urlTemplate;
    options.cacheDirectory = m_cacheDir->path();
    options.maxRetries = 1;
    options.retryBaseDelayMs = 20;
    XyzTileSource source(options);
    QSignalSpy sourceError(&source, &XyzTileSource::sourceError);
    QSignalSpy failed(&source, &XyzTileSource::tileFailed);
    source.request({TileKey(1, 0, 0), TileKey(1, 1, 0)}, 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
    QCOMPARE(sourceError.size(), 1); // told once, not per tile
    const QString message = sourceError.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(port))
                 && message.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(message));
}

QTEST_GUILESS_MAIN(TestXyzTileSource)
#include "tst_xyztilesource.moc"
