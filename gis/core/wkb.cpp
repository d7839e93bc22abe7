// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/wkb.h"

#include <QSysInfo>
#include <QtEndian>

#include <cstring>
#include <type_traits>

namespace infrasight::gis {

namespace {

constexpr int MaxNestingDepth = 32;
constexpr quint32 EwkbZFlag = 0x80000000U;
constexpr quint32 EwkbMFlag = 0x40000000U;
constexpr quint32 EwkbSridFlag = 0x20000000U;
constexpr quint32 EwkbFlags = EwkbZFlag | EwkbMFlag | EwkbSridFlag;
constexpr bool HostIsLittleEndian = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
// Smallest encodings, used to reject counts the remaining bytes cannot possibly hold before
// anything is allocated: a ring is at least its 4-byte count; a member geometry at least
// byte order + type + a 4-byte count (an empty line string).
constexpr qsizetype MinRingBytes = 4;
constexpr qsizetype MinMemberBytes = 9;

static_assert(std::is_trivially_copyable_v<QPointF> && sizeof(QPointF) == 2 * sizeof(double),
              "the bulk point copy relies on QPointF being two packed doubles");

struct Header
{
    GeometryType type = GeometryType::Point;
    int dimensions = 2;
    bool swap = false;
    std::optional<qint32> srid;
    qsizetype offset = 0; // of the byte-order marker, for messages
};

// Reads straight from the caller's bytes. Methods return false after recording the first
// error; callers stop at once, so m_error is set exactly once.
class WkbReader
{
public:
    explicit WkbReader(QByteArrayView bytes)
        : m_data(reinterpret_cast<const uchar *>(bytes.data()))
        , m_size(bytes.size())
    {}

    Result<EwkbGeometry> readAll()
    {
        EwkbGeometry result;
        Header header;
        if (!readHeader(header) || !readBody(header, result.geometry, 1)) {
            return tl::unexpected(m_error);
        }
        if (m_pos != m_size) {
            setError(m_pos,
                     QStringLiteral("%1 trailing bytes after the geometry").arg(m_size - m_pos));
            return tl::unexpected(m_error);
        }
        result.srid = header.srid;
        return result;
    }

private:
    qsizetype remaining() const { return m_size - m_pos; }

    bool setError(qsizetype offset, const QString &what)
    {
        m_error = Error{ErrorCode::InvalidArgument,
                        QStringLiteral("invalid WKB: %1 at byte offset %2").arg(what).arg(offset),
                        {},
                        {}};
        return false;
    }

    bool need(qsizetype bytes, const char *what)
    {
        if (remaining() >= bytes) {
            return true;
        }
        return setError(m_pos,
                        QStringLiteral("truncated %1: needs %2 bytes, %3 left")
                            .arg(QLatin1StringView(what))
                            .arg(bytes)
                            .arg(remaining()));
    }

    quint32 uint32At(qsizetype pos, bool swap) const
    {
        quint32 v;
        std::memcpy(&v, m_data + pos, sizeof v);
        return swap ? qbswap(v) : v;
    }

    double doubleAt(qsizetype pos, bool swap) const
    {
        quint64 bits;
        std::memcpy(&bits, m_data + pos, sizeof bits);
        if (swap) {
            bits = qbswap(bits);
        }
        double v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }

    bool readHeader(Header &header)
    {
        header.offset = m_pos;
        if (!need(5, "geometry header")) {
            return false;
        }
        const uchar order = m_data[m_pos];
        if (order > 1) {
            return setError(m_pos,
                            QStringLiteral("byte-order marker 0x%1 is neither 0 (XDR) nor 1 (NDR)")
                                .arg(order, 2, 16, QLatin1Char('0')));
        }
        header.swap = (order == 1) != HostIsLittleEndian;
        const quint32 rawType = uint32At(m_pos + 1, header.swap);
        const quint32 code = rawType & ~EwkbFlags;
        const quint32 base = code % 1000;
        const quint32 isoDimensions = code / 1000; // 0 = XY, 1 = XYZ, 2 = XYM, 3 = XYZM
        if (base < 1 || base > 7 || isoDimensions > 3) {
            return setError(m_pos + 1, QStringLiteral("unknown geometry type %1").arg(rawType));
        }
        const bool hasZ = (rawType & EwkbZFlag) != 0 || isoDimensions == 1 || isoDimensions == 3;
        const bool hasM = (rawType & EwkbMFlag) != 0 || isoDimensions == 2 || isoDimensions == 3;
        header.type = static_cast<GeometryType>(base);
        header.dimensions = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
        m_pos += 5;
        if ((rawType & EwkbSridFlag) != 0) {
            if (!need(4, "SRID")) {
                return false;
            }
            header.srid = static_cast<qint32>(uint32At(m_pos, header.swap));
            m_pos += 4;
        }
        return true;
    }

    // Reads a count and checks that the bytes left can hold that many items of at least
    // minItemBytes each, so that reserving `count` items is bounded by the input size.
    bool readCount(quint32 &count, qsizetype minItemBytes, bool swap, const char *what)
    {
        if (!need(4, what)) {
            return false;
        }
        const qsizetype at = m_pos;
        count = uint32At(m_pos, swap);
        m_pos += 4;
        if (qsizetype(count) > remaining() / minItemBytes) {
            return setError(at,
                            QStringLiteral("%1 %2 needs at least %3 bytes, %4 left")
                                .arg(QLatin1StringView(what))
                                .arg(count)
                                .arg(qsizetype(count) * minItemBytes)
                                .arg(remaining()));
        }
        return true;
    }

    bool readPoints(std::vector<QPointF> &points, int dimensions, bool swap)
    {
        const qsizetype stride = dimensions * qsizetype(sizeof(double));
        quint32 count = 0;
        if (!readCount(count, stride, swap, "point count")) {
            return false;
        }
        points.resize(count);
        if (count == 0) {
            return true;
        }
        if (!swap && dimensions == 2) {
            std::memcpy(static_cast<void *>(points.data()), m_data + m_pos, count * size_t(stride));
        } else {
            qsizetype pos = m_pos;
            for (QPointF &point : points) {
                point = QPointF(doubleAt(pos, swap), doubleAt(pos + 8, swap));
                pos += stride;
            }
        }
        m_pos += count * stride;
        return true;
    }

    bool readPointBody(QPointF &point, int dimensions, bool swap)
    {
        if (!need(dimensions * qsizetype(sizeof(double)), "point")) {
            return false;
        }
        point = QPointF(doubleAt(m_pos, swap), doubleAt(m_pos + 8, swap));
        m_pos += dimensions * qsizetype(sizeof(double));
        return true;
    }

    bool readPolygonBody(Polygon &polygon, int dimensions, bool swap)
    {
        quint32 ringCount = 0;
        if (!readCount(ringCount, MinRingBytes, swap, "ring count")) {
            return false;
        }
        polygon.rings.resize(ringCount);
        for (auto &ring : polygon.rings) {
            if (!readPoints(ring, dimensions, swap)) {
                return false;
            }
        }
        return true;
    }

    // Reads the header of a member of a Multi* geometry and checks its type.
    bool readMemberHeader(Header &member, GeometryType expected)
    {
        if (!readHeader(member)) {
            return false;
        }
        if (member.type != expected) {
            return setError(member.offset,
                            QStringLiteral("member of type %1 where type %2 is required")
                                .arg(int(member.type))
                                .arg(int(expected)));
        }
        return true;
    }

    bool readBody(const Header &header, Geometry &out, int depth)
    {
        if (depth > MaxNestingDepth) {
            return setError(
                header.offset,
                QStringLiteral("geometry nested deeper than %1 levels").arg(MaxNestingDepth));
        }
        const bool swap = header.swap;
        const int dims = header.dimensions;
        switch (header.type) {
        case GeometryType::Point: {
            Point point;
            if (!readPointBody(point.position, dims, swap)) {
                return false;
            }
            out = point;
            return true;
        }
        case GeometryType::LineString: {
            LineString line;
            if (!readPoints(line.points, dims, swap)) {
                return false;
            }
            out = std::move(line);
            return true;
        }
        case GeometryType::Polygon: {
            Polygon polygon;
            if (!readPolygonBody(polygon, dims, swap)) {
                return false;
            }
            out = std::move(polygon);
            return true;
        }
        case GeometryType::MultiPoint: {
            MultiPoint multi;
            quint32 count = 0;
            if (!readCount(count, MinMemberBytes, swap, "member count")) {
                return false;
            }
            multi.points.resize(count);
            for (QPointF &point : multi.points) {
                Header member;
                if (!readMemberHeader(member, GeometryType::Point)
                    || !readPointBody(point, member.dimensions, member.swap)) {
                    return false;
                }
            }
            out = std::move(multi);
            return true;
        }
        case GeometryType::MultiLineString: {
            MultiLineString multi;
            quint32 count = 0;
            if (!readCount(count, MinMemberBytes, swap, "member count")) {
                return false;
            }
            multi.lineStrings.resize(count);
            for (LineString &line : multi.lineStrings) {
                Header member;
                if (!readMemberHeader(member, GeometryType::LineString)
                    || !readPoints(line.points, member.dimensions, member.swap)) {
                    return false;
                }
            }
            out = std::move(multi);
            return true;
        }
        case GeometryType::MultiPolygon: {
            MultiPolygon multi;
            quint32 count = 0;
            if (!readCount(count, MinMemberBytes, swap, "member count")) {
                return false;
            }
            multi.polygons.resize(count);
            for (Polygon &polygon : multi.polygons) {
                Header member;
                if (!readMemberHeader(member, GeometryType::Polygon)
                    || !readPolygonBody(polygon, member.dimensions, member.swap)) {
                    return false;
                }
            }
            out = std::move(multi);
            return true;
        }
        case GeometryType::GeometryCollection: {
            GeometryCollection collection;
            quint32 count = 0;
            if (!readCount(count, MinMemberBytes, swap, "member count")) {
                return false;
            }
            collection.geometries.resize(count);
            for (Geometry &member : collection.geometries) {
                Header memberHeader;
                if (!readHeader(memberHeader) || !readBody(memberHeader, member, depth + 1)) {
                    return false;
                }
            }
            out = std::move(collection);
            return true;
        }
        }
        return setError(header.offset, QStringLiteral("unhandled geometry type"));
    }

    const uchar *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    Error m_error;
};

class WkbWriter
{
public:
    explicit WkbWriter(WkbByteOrder order)
        : m_swap((order == WkbByteOrder::LittleEndian) != HostIsLittleEndian)
        , m_marker(order == WkbByteOrder::LittleEndian ? 1 : 0)
    {}

    QByteArray take() { return std::move(m_out); }

    void writeGeometry(const Geometry &geometry, std::optional<qint32> srid)
    {
        writeHeader(geometry.type(), srid);
        std::visit([this](const auto &value) { writeBody(value); }, geometry.value());
    }

private:
    void writeUInt32(quint32 v)
    {
        if (m_swap) {
            v = qbswap(v);
        }
        m_out.append(reinterpret_cast<const char *>(&v), sizeof v);
    }

    void writeDouble(double v)
    {
        quint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        if (m_swap) {
            bits = qbswap(bits);
        }
        m_out.append(reinterpret_cast<const char *>(&bits), sizeof bits);
    }

    void writeHeader(GeometryType type, std::optional<qint32> srid = std::nullopt)
    {
        m_out.append(char(m_marker));
        writeUInt32(quint32(type) | (srid ? EwkbSridFlag : 0U));
        if (srid) {
            writeUInt32(quint32(*srid));
        }
    }

    void writePoints(const std::vector<QPointF> &points)
    {
        writeUInt32(quint32(points.size()));
        if (!m_swap) {
            m_out.append(reinterpret_cast<const char *>(points.data()),
                         static_cast<qsizetype>(points.size()) * qsizetype(sizeof(QPointF)));
            return;
        }
        for (const QPointF &p : points) {
            writeDouble(p.x());
            writeDouble(p.y());
        }
    }

    void writeBody(const Point &point)
    {
        writeDouble(point.position.x());
        writeDouble(point.position.y());
    }

    void writeBody(const LineString &line) { writePoints(line.points); }

    void writeBody(const Polygon &polygon)
    {
        writeUInt32(quint32(polygon.rings.size()));
        for (const auto &ring : polygon.rings) {
            writePoints(ring);
        }
    }

    void writeBody(const MultiPoint &multi)
    {
        writeUInt32(quint32(multi.points.size()));
        for (const QPointF &p : multi.points) {
            writeHeader(GeometryType::Point);
            writeDouble(p.x());
            writeDouble(p.y());
        }
    }

    void writeBody(const MultiLineString &multi)
    {
        writeUInt32(quint32(multi.lineStrings.size()));
        for (const LineString &line : multi.lineStrings) {
            writeHeader(GeometryType::LineString);
            writeBody(line);
        }
    }

    void writeBody(const MultiPolygon &multi)
    {
        writeUInt32(quint32(multi.polygons.size()));
        for (const Polygon &polygon : multi.polygons) {
            writeHeader(GeometryType::Polygon);
            writeBody(polygon);
        }
    }

    void writeBody(const GeometryCollection &collection)
    {
        writeUInt32(quint32(collection.geometries.size()));
        for (const Geometry &member : collection.geometries) {
            writeGeometry(member, std::nullopt);
        }
    }

    QByteArray m_out;
    bool m_swap;
    uchar m_marker;
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

Result<EwkbGeometry> decodeEwkb(QByteArrayView bytes)
{
    return WkbReader(bytes).readAll();
}

Result<Geometry> decodeWkb(QByteArrayView bytes)
{
    Result<EwkbGeometry> decoded = WkbReader(bytes).readAll();
    if (!decoded) {
        return tl::unexpected(std::move(decoded.error()));
    }
    return std::move(decoded->geometry);
}

Result<QByteArray> wkbFromHex(QByteArrayView hex)
{
    if (hex.startsWith("\\x")) {
        hex = hex.sliced(2);
    }
    if (hex.size() % 2 != 0) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("invalid hex WKB: odd number of digits (%1)").arg(hex.size()));
    }
    QByteArray bytes(hex.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const int high = hexValue(hex[2 * i]);
        const int low = hexValue(hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("invalid hex WKB: non-hex character at position %1")
                            .arg(high < 0 ? 2 * i : 2 * i + 1));
        }
        bytes[i] = char((high << 4) | low);
    }
    return bytes;
}

QByteArray encodeWkb(const Geometry &geometry, const WkbEncodeOptions &options)
{
    WkbWriter writer(options.byteOrder);
    writer.writeGeometry(geometry, options.srid);
    return writer.take();
}

} // namespace infrasight::gis
