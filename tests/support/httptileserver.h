// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QColor>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>

class QTcpServer;
class QTcpSocket;

namespace infrasight::tests {

/// One request as the server saw it. Header names are kept as sent.
struct RecordedRequest
{
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers;

    /// The value of header name (case-insensitive), empty if absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

/// A tiny HTTP/1.1 tile server on 127.0.0.1 for tests, on the test's own event loop.
///
/// GET /{z}/{x}/{y}.png answers 200 with a 256-px PNG filled with tileColor(z, x, y)
/// (/{z}/{x}/{y}@2x.png: 512 px). Every 200 carries an ETag (changes with setTileVersion()),
/// Last-Modified and the headers from setCacheHeaders(); a request whose If-None-Match matches
/// the ETag, or whose If-Modified-Since is not older than Last-Modified, gets 304 with the same
/// headers. setStatusForPath() makes a path fail (404, 500, ...); setBodyForPath() serves other
/// bytes with 200; setDelayMs() holds every answer back. Keeps connections alive, records every
/// request and counts connections closed by the client while an answer was pending.
class HttpTileServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpTileServer(QObject *parent = nullptr);
    ~HttpTileServer() override;

    /// Listens on 127.0.0.1 on a free port. False if that is impossible.
    [[nodiscard]] bool start();
    quint16 port() const;
    /// "http://127.0.0.1:<port>/{z}/{x}/{y}{r}.png"
    QString urlTemplate() const;
    /// "http://127.0.0.1:<port>/<path without leading slash>"
    QByteArray urlFor(const QByteArray &path) const;

    static QColor tileColor(int z, int x, int y);
    static QByteArray tilePng(int z, int x, int y, int sizePx);

    void setCacheHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
    void setTileVersion(int version);
    void setStatusForPath(const QByteArray &path, int status);
    void setBodyForPath(const QByteArray &path, const QByteArray &body);
    void setDelayMs(int delayMs);

    QList<RecordedRequest> requests() const { return m_requests; }

    void clearRequests() { m_requests.clear(); }

    /// Requests for path so far.
    int requestCount(const QByteArray &path) const;

    /// Connections the client closed while their answer was still pending.
    int abandonedCount() const { return m_abandoned; }

private:
    struct Connection
    {
        QByteArray buffer;
        bool busy = false;
    };

    void processNext(QTcpSocket *socket);
    QByteArray answer(const RecordedRequest &request) const;

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<RecordedRequest> m_requests;
    QList<QPair<QByteArray, QByteArray>> m_cacheHeaders;
    QHash<QByteArray, int> m_statusForPath;
    QHash<QByteArray, QByteArray> m_bodyForPath;
    int m_tileVersion = 1;
    int m_delayMs = 0;
    int m_abandoned = 0;
};

} // namespace infrasight::tests
