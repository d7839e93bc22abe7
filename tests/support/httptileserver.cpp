// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/httptileserver.h"

#include <QBuffer>
#include <QDateTime>
#include <QHostAddress>
#include <QImage>
#include <QLocale>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace infrasight::tests {

namespace {

const QDateTime LastModified(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

QDateTime parseHttpDate(const QByteArray &value)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(),
                                             QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 304:
        return "Not Modified";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

HttpTileServer::HttpTileServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            m_connections.insert(socket, {});
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                m_connections[socket].buffer += socket->readAll();
                processNext(socket);
            });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                if (m_connections.value(socket).busy) {
                    ++m_abandoned;
                }
                m_connections.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

HttpTileServer::~HttpTileServer() = default;

bool HttpTileServer::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 HttpTileServer::port() const
{
    return m_server->serverPort();
}

QString HttpTileServer::urlTemplate() const
{
    return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}{r}.png").arg(port());
}

QByteArray HttpTileServer::urlFor(const QByteArray &path) const
{
    return "http://127.0.0.1:" + QByteArray::number(port()) + path;
}

QColor HttpTileServer::tileColor(int z, int x, int y)
{
    return QColor::fromRgb((z * 37 + x * 11) % 256, (x * 53 + y * 7) % 256, (y * 29 + z * 3) % 256);
}

QByteArray HttpTileServer::tilePng(int z, int x, int y, int sizePx)
{
    QImage image(sizePx, sizePx, QImage::Format_RGB32);
    image.fill(tileColor(z, x, y));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

void HttpTileServer::setCacheHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_cacheHeaders = headers;
}

void HttpTileServer::setTileVersion(int version)
{
    m_tileVersion = version;
}

void HttpTileServer::setStatusForPath(const QByteArray &path, int status)
{
    m_statusForPath.insert(path, status);
}

void HttpTileServer::setBodyForPath(const QByteArray &path, const QByteArray &body)
{
    m_bodyForPath.insert(path, body);
}

void HttpTileServer::setDelayMs(int delayMs)
{
    m_delayMs = delayMs;
}

int HttpTileServer::requestCount(const QByteArray &path) const
{
    int count = 0;
    for (const RecordedRequest &request : m_requests) {
        if (request.path == path) {
            ++count;
        }
    }
    return count;
}

void HttpTileServer::processNext(QTcpSocket *socket)
{
    Connection &connection = m_connections[socket];
    if (connection.busy) {
        return;
    }
    const qsizetype end = connection.buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        return;
    }
    const QByteArray head = connection.buffer.left(end);
    connection.buffer.remove(0, end + 4);

    RecordedRequest request;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
    }
    m_requests.append(request);
    connection.busy = true;

    const QByteArray response = answer(request);
    const bool close = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    auto send = [this, socket, response, close] {
        socket->write(response);
        m_connections[socket].busy = false;
        if (close) {
            socket->disconnectFromHost();
            return;
        }
        processNext(socket);
    };
    if (m_delayMs > 0) {
        QTimer::singleShot(m_delayMs, socket, send);
    } else {
        send();
    }
}

QByteArray HttpTileServer::answer(const RecordedRequest &request) const
{
    static const QRegularExpression tilePath(QStringLiteral(R"(^/(\d+)/(\d+)/(\d+)(@2x)?\.png$)"));
    const QRegularExpressionMatch match = tilePath.match(QString::fromLatin1(request.path));

    int status = m_statusForPath.value(request.path, 200);
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    if (request.method != "GET") {
        status = 405;
    } else if (status == 200 && m_bodyForPath.contains(request.path)) {
        body = m_bodyForPath.value(request.path);
        headers = m_cacheHeaders;
    } else if (status == 200 && !match.hasMatch()) {
        status = 404;
    } else if (status == 200) {
        const int z = match.captured(1).toInt();
        const int x = match.captured(2).toInt();
        const int y = match.captured(3).toInt();
        const bool highDpi = match.hasCaptured(4);
        const QByteArray etag = "\"v" + QByteArray::number(m_tileVersion) + "-"
                                + request.path.mid(1).replace('/', '-') + "\"";
        headers = m_cacheHeaders;
        headers.append({"ETag", etag});
        headers.append({"Last-Modified", httpDate(LastModified.addDays(m_tileVersion))});
        const QByteArray ifNoneMatch = request.header("If-None-Match");
        const QByteArray ifModifiedSince = request.header("If-Modified-Since");
        const bool notModified
            = !ifNoneMatch.isEmpty()
                  ? ifNoneMatch == etag
                  : (!ifModifiedSince.isEmpty()
                     && parseHttpDate(ifModifiedSince) >= LastModified.addDays(m_tileVersion));
        if (notModified) {
            status = 304;
        } else {
            body = tilePng(z, x, y, highDpi ? 512 : 256);
        }
    }
    if (status != 200 && status != 304) {
        body = "error " + QByteArray::number(status);
    }

    QByteArray response
        = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    response += status == 200 && match.hasMatch() ? "Content-Type: image/png\r\n"
                                                  : "Content-Type: text/plain\r\n";
    for (const auto &[name, value] : std::as_const(headers)) {
        response += name + ": " + value + "\r\n";
    }
    if (status != 304) {
        response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    response += "\r\n";
    if (status != 304) {
        response += body;
    }
    return response;
}

} // namespace infrasight::tests
