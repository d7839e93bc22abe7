// SPDX-License-Identifier: GPL-3.0-or-later
// The Geofences dock against a real PostGIS, with two planners on two connections as two
// consoles would be: an invalid shape is refused with its place and repaired; another console's
// save never resets an edit in progress; a second save shows both versions and the planner
// chooses; unsaved changes are never dropped by opening another fence; the assets inside a
// fence become the map's selection.
#include "data/dbclient.h"
#include "data/repositories/pggeofencerepository.h"
#include "gis/core/mercator.h"
#include "models/geofenceeditsession.h"
#include "models/geofencelistmodel.h"
#include "tests/support/fenceshapes.h"
#include "tests/support/migrateddatabase.h"
#include "ui/widgets/geofenceconflictdialog.h"
#include "ui/widgets/geofenceedittool.h"
#include "ui/widgets/geofencepainter.h"
#include "ui/widgets/geofencepanel.h"
#include "ui/widgets/mapcanvas.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::data::DbClient;
using infrasight::models::GeofenceListModel;
using infrasight::tests::fenceBox;
using infrasight::tests::MigratedDatabase;

Q_DECLARE_METATYPE(infrasight::data::GeofenceRecord)

namespace {

/// A bowtie: its edges cross at (7.425, 43.735).
gis::MultiPolygon bowtie()
{
    return {{gis::Polygon{
        {{{7.42, 43.73}, {7.43, 43.74}, {7.43, 43.73}, {7.42, 43.74}, {7.42, 43.73}}}}}};
}

/// One console's geofence editing: its connection, model, session, canvas, tool and panel.
struct Console
{
    std::unique_ptr<DbClient> client;
    std::unique_ptr<data::PgGeofenceRepository> repository;
    std::unique_ptr<GeofenceListModel> fences;
    std::unique_ptr<models::GeofenceEditSession> session;
    std::unique_ptr<ui::MapCanvas> canvas;
    ui::GeofenceEditTool *tool = nullptr;
    std::unique_ptr<ui::GeofencePanel> panel;

    explicit Console(const QString &conninfo)
    {
        client = std::make_unique<DbClient>();
        client->open(conninfo);
        repository = std::make_unique<data::PgGeofenceRepository>(*client);
        fences = std::make_unique<GeofenceListModel>(*repository);
        session = std::make_unique<models::GeofenceEditSession>();
        canvas = std::make_unique<ui::MapCanvas>();
        canvas->resize(600, 400);
        tool = new ui::GeofenceEditTool(canvas.get(), session.get(), fences.get());
        panel = std::make_unique<ui::GeofencePanel>(fences.get(), session.get(), tool);
        panel->resize(380, 700);
        panel->show();
    }
};

} // namespace

class TestGeofencePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selfIntersectionIsRefusedWithItsPlace();
    void anotherConsolesSaveNeverResetsAnEdit();
    void keepMineSavesOverTheirs();
    void aFenceDeletedElsewhereKeepsTheEdit();
    void unsavedChangesAreNeverDropped();
    void assetsInsideBecomeTheSelection();
    void fencesAreDrawnInTheirColours();
    void clickingAFenceOnTheMapOpensIt();

private:
    /// A console logged in as a new planner, connected, with the fences loaded.
    std::unique_ptr<Console> console();
    QString scalar(const QString &sql) const;
    /// Inserts a fence of size degrees with its south-west corner at (west, south), by SQL.
    bool addFence(
        const QString &name, const QString &purpose, double west, double south, double size) const;
    /// The id of the fence whose name starts with name (0: none).
    static qint64 idOf(const GeofenceListModel &fences, const QString &name);

    std::optional<MigratedDatabase> m_database;
};

void TestGeofencePanel::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    qRegisterMetaType<data::GeofenceRecord>();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
}

std::unique_ptr<Console> TestGeofencePanel::console()
{
    const QString login = m_database->createLogin(u"planner"_s);
    if (login.isEmpty()) {
        return {};
    }
    auto c = std::make_unique<Console>(login);
    QSignalSpy refreshed(c->fences.get(), &GeofenceListModel::refreshed);
    if (!refreshed.wait(10000)) {
        return {};
    }
    return c;
}

QString TestGeofencePanel::scalar(const QString &sql) const
{
    auto result = m_database->connection().exec(sql);
    return result && result->rowCount() > 0 ? result->text(0, 0) : u"(failed)"_s;
}

bool TestGeofencePanel::addFence(
    const QString &name, const QString &purpose, double west, double south, double size) const
{
    return bool(m_database->connection().exec(
        u"INSERT INTO geofence (name, purpose, geom) VALUES ($1, $2, "
        "ST_Multi(ST_MakeEnvelope($3::float8, $4::float8, $3::float8 + $5::float8, "
        "$4::float8 + $5::float8, 4326)))"_s,
        {name, purpose, west, south, size}));
}

qint64 TestGeofencePanel::idOf(const GeofenceListModel &fences, const QString &name)
{
    for (const data::GeofenceRecord &fence : fences.fences()) {
        if (fence.name.startsWith(name)) {
            return fence.id;
        }
    }
    return 0;
}

void TestGeofencePanel::selfIntersectionIsRefusedWithItsPlace()
{
    auto a = console();
    QVERIFY(a);
    QVERIFY(a->panel->newFence());
    a->panel->nameEdit()->setText(u"Bowtie'); DROP TABLE geofence; --"_s);
    a->session->replaceShape(bowtie(), u"draw"_s);
    a->panel->save();
    const QString message = a->panel->message();
    QVERIFY2(message.startsWith(u"Not saved"_s), qPrintable(message));
    QVERIFY2(message.contains(u"Self-intersection"_s), qPrintable(message));
    QVERIFY2(message.contains(u"7.425000, 43.735000"_s), qPrintable(message)); // where
    QVERIFY(a->tool->problem().has_value());
    QVERIFY(std::abs(a->tool->problem()->x() - 7.425) < 1e-9);
    QVERIFY(a->panel->findChild<QPushButton *>(u"repairButton"_s)->isVisibleTo(a->panel.get()));
    QCOMPARE(scalar(u"SELECT count(*) FROM geofence"_s), u"0"_s);

    // Repair (structure method): two triangles, one undo step, then it saves.
    const int steps = a->session->undoStack()->count();
    a->panel->repair();
    QCOMPARE(a->session->undoStack()->count(), steps + 1);
    QCOMPARE(a->session->shape().polygons.size(), size_t(2));
    QVERIFY(!a->tool->problem().has_value());
    QSignalSpy saved(a->fences.get(), &GeofenceListModel::saved);
    a->panel->save();
    QVERIFY(saved.wait(5000));
    QVERIFY2(a->panel->message().startsWith(u"Saved"_s), qPrintable(a->panel->message()));
    QVERIFY(!a->panel->hasUnsavedChanges());
    QCOMPARE(scalar(u"SELECT count(*) || ' ' || bool_and(ST_IsValid(geom)) || ' ' || "
                    "min(ST_NumGeometries(geom)) || ' ' || min(name) FROM geofence"_s),
             u"1 true 2 Bowtie'); DROP TABLE geofence; --"_s);
    QVERIFY(m_database->connection().execScript(u"DELETE FROM geofence"_s));
}

void TestGeofencePanel::anotherConsolesSaveNeverResetsAnEdit()
{
    QVERIFY(addFence(u"Quay"_s, u"district"_s, 7.42, 43.73, 0.002));
    auto a = console();
    auto b = console();
    QVERIFY(a && b);
    QCOMPARE(a->fences->rowCount(), 1);
    const qint64 id = a->fences->fences().first().id;
    QSignalSpy zoom(a->panel.get(), &ui::GeofencePanel::zoomRequested);
    QVERIFY(a->panel->openFence(id));
    QCOMPARE(zoom.count(), 1); // the editor opens on the fence
    QCOMPARE(zoom.first().at(0).toRectF(), QRectF(QPointF(7.42, 43.73), QPointF(7.422, 43.732)));

    // A's edit in progress: a vertex moved and a new name typed.
    a->session->moveVertex({0, 0, 1}, QPointF(7.4225, 43.7299));
    QTest::keyClicks(a->panel->nameEdit(), u" north"_s);
    const gis::MultiPolygon ours = a->session->shape();

    // B saves the same fence meanwhile.
    data::GeofenceRecord theirs = *b->fences->fence(id);
    theirs.name = u"Quay (B)"_s;
    theirs.shape = fenceBox(7.419, 43.729, 0.004);
    b->fences->save(theirs);
    QTRY_COMPARE_WITH_TIMEOUT(a->fences->fence(id)->version, 2, 3000);
    QCOMPARE(a->session->shape(), ours); // not reset
    QCOMPARE(a->panel->nameEdit()->text(), u"Quay north"_s);
    QVERIFY(a->panel->hasUnsavedChanges());
    QVERIFY2(a->panel->message().contains(u"newer version"_s), qPrintable(a->panel->message()));

    // A saves: refused, both shown, A takes theirs.
    a->panel->save();
    ui::GeofenceConflictDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = a->panel->findChild<ui::GeofenceConflictDialog *>()) != nullptr, 5000);
    QVERIFY(dialog->findChild<QLabel *>(u"oursLabel"_s)->text().contains(u"Quay north"_s));
    QVERIFY(dialog->findChild<QLabel *>(u"theirsLabel"_s)->text().contains(u"Quay (B)"_s));
    QCOMPARE(scalar(u"SELECT name FROM geofence"_s), u"Quay (B)"_s); // nothing of A's written
    dialog->findChild<QPushButton *>(u"takeTheirsButton"_s)->click();
    QCOMPARE(a->panel->nameEdit()->text(), u"Quay (B)"_s);
    QCOMPARE(a->session->shape(), fenceBox(7.419, 43.729, 0.004));
    QCOMPARE(a->session->baseVersion(), 2);
    QVERIFY(!a->panel->hasUnsavedChanges());
}

void TestGeofencePanel::keepMineSavesOverTheirs()
{
    auto a = console();
    auto b = console();
    QVERIFY(a && b);
    const qint64 id = a->fences->fences().first().id;
    QVERIFY(a->panel->openFence(id));
    a->session->moveVertex({0, 0, 2}, QPointF(7.424, 43.734));
    const gis::MultiPolygon ours = a->session->shape();
    data::GeofenceRecord theirs = *b->fences->fence(id);
    theirs.name = u"Quay (B again)"_s;
    b->fences->save(theirs);
    QTRY_COMPARE_WITH_TIMEOUT(a->fences->fence(id)->name, u"Quay (B again)"_s, 3000);
    a->panel->save();
    ui::GeofenceConflictDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = a->panel->findChild<ui::GeofenceConflictDialog *>()) != nullptr, 5000);
    QSignalSpy saved(a->fences.get(), &GeofenceListModel::saved);
    dialog->findChild<QPushButton *>(u"keepMineButton"_s)->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(
        scalar(u"SELECT name || ' ' || version || ' ' || "
               "ST_AsText(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 3)) FROM geofence"_s),
        u"Quay (B) 4 POINT(7.424 43.734)"_s);
    QCOMPARE(a->session->shape(), ours);
    QVERIFY(!a->panel->hasUnsavedChanges());
}

void TestGeofencePanel::aFenceDeletedElsewhereKeepsTheEdit()
{
    QVERIFY(addFence(u"Pier"_s, u"custom"_s, 7.43, 43.74, 0.001));
    auto a = console();
    auto b = console();
    QVERIFY(a && b);
    const qint64 pier = idOf(*a->fences, u"Pier"_s);
    QVERIFY(pier != 0);
    QVERIFY(a->panel->openFence(pier));
    a->session->moveVertex({0, 0, 2}, QPointF(7.4312, 43.7412));
    const gis::MultiPolygon ours = a->session->shape();
    b->fences->remove(pier, b->fences->fence(pier)->version);
    QTRY_VERIFY_WITH_TIMEOUT(a->fences->fence(pier) == nullptr, 3000);
    QCOMPARE(a->session->shape(), ours); // kept
    QVERIFY2(a->panel->message().contains(u"deleted"_s), qPrintable(a->panel->message()));

    // Save: the dialog offers to keep ours as a new fence.
    a->panel->save();
    ui::GeofenceConflictDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = a->panel->findChild<ui::GeofenceConflictDialog *>()) != nullptr, 5000);
    QVERIFY(dialog->findChild<QLabel *>(u"theirsLabel"_s)->text().contains(u"deleted"_s));
    QPushButton *keepMine = dialog->findChild<QPushButton *>(u"keepMineButton"_s);
    QVERIFY(keepMine->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton *>(u"takeTheirsButton"_s)->isEnabled());
    QSignalSpy saved(a->fences.get(), &GeofenceListModel::saved);
    keepMine->click();
    QVERIFY(saved.wait(5000));
    const qint64 newId = saved.first().at(0).toLongLong();
    QVERIFY(newId != pier);
    QCOMPARE(a->session->fenceId(), newId);
    auto row = m_database->connection().exec(
        u"SELECT name || ' ' || version FROM geofence WHERE id = $1"_s, {newId});
    QVERIFY(row && row->rowCount() == 1);
    QCOMPARE(row->text(0, 0), u"Pier 1"_s);
    QVERIFY(!a->panel->hasUnsavedChanges());
    QVERIFY(m_database->connection().execScript(u"DELETE FROM geofence WHERE name = 'Pier'"_s));
}

void TestGeofencePanel::unsavedChangesAreNeverDropped()
{
    QVERIFY(addFence(u"Garden"_s, u"custom"_s, 7.41, 43.72, 0.002));
    auto a = console();
    QVERIFY(a);
    QCOMPARE(a->fences->rowCount(), 2);
    const qint64 garden = a->fences->fences().at(0).id; // by name: Garden, Quay
    const qint64 quay = a->fences->fences().at(1).id;
    QVERIFY(a->panel->openFence(quay));
    a->session->moveVertex({0, 0, 0}, QPointF(7.4185, 43.7285));
    QVERIFY(!a->panel->openFence(garden));
    QVERIFY(!a->panel->newFence());
    QVERIFY2(a->panel->message().contains(u"unsaved changes"_s), qPrintable(a->panel->message()));
    QCOMPARE(a->session->fenceId(), quay);
    QVERIFY(a->session->isModified());
    // Discard takes the saved state back; then the other fence opens.
    a->panel->discard();
    QCOMPARE(a->session->shape(), a->fences->fence(quay)->shape);
    QVERIFY(a->panel->openFence(garden));
    QCOMPARE(a->panel->nameEdit()->text(), u"Garden"_s);
}

void TestGeofencePanel::assetsInsideBecomeTheSelection()
{
    QVERIFY(m_database->connection().execScript(
        u"INSERT INTO asset_type (code, name, geometry_kind) VALUES "
        "('hydrant', 'Hydrant', 'point'), ('street_light', 'Street light', 'point');"
        "INSERT INTO asset (type_id, code, name, geom) "
        "SELECT t.id, v.code, v.code, ST_SetSRID(ST_MakePoint(v.x, v.y), 4326) "
        "FROM (VALUES ('hydrant', 'HY-1', 7.4105, 43.7205), ('hydrant', 'HY-2', 7.4108, 43.7202), "
        "             ('street_light', 'SL-1', 7.4103, 43.7208), "
        "             ('street_light', 'SL-OUT', 7.4300, 43.7400)) v(type, code, x, y) "
        "JOIN asset_type t ON t.code = v.type"_s));
    auto a = console();
    QVERIFY(a);
    const qint64 garden = a->fences->fences().at(0).id;
    QSignalSpy inside(a->fences.get(), &GeofenceListModel::assetsInsideArrived);
    QVERIFY(a->panel->openFence(garden));
    QVERIFY(inside.wait(5000));
    QCOMPARE(a->panel->assetsInside().size(), 3);
    QVERIFY(a->panel->findChild<QLabel *>(u"insideSummary"_s)->text().contains(u"3 asset"_s));
    QSignalSpy selection(a->panel.get(), &ui::GeofencePanel::selectionRequested);
    a->panel->findChild<QPushButton *>(u"selectInsideButton"_s)->click();
    QCOMPARE(selection.count(), 1);
    const auto ids = selection.first().at(0).value<QList<qint64>>();
    QCOMPARE(QString::number(ids.size()),
             scalar(u"SELECT count(*) FROM asset WHERE code <> 'SL-OUT'"_s));
}

void TestGeofencePanel::fencesAreDrawnInTheirColours()
{
    auto a = console();
    QVERIFY(a);
    const data::GeofenceRecord *garden = a->fences->fence(idOf(*a->fences, u"Garden"_s));
    QVERIFY(garden != nullptr);
    // 400 x 300 px around the middle of the garden (7.41..7.412, 43.72..43.722) at zoom 17.
    const render::MapViewport view(gis::lonLatToMercatorMeters({7.411, 43.721}), 17.0, {400, 300});
    QImage image(view.sizePx(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        ui::GeofencePainter::paint(painter, view, *a->fences);
    }
    // The garden spans about 187 x 258 px in the middle. Inside: white tinted with the custom
    // purpose's purple; outside: white; the name in the middle.
    QCOMPARE(image.pixelColor(20, 150), QColor(Qt::white));
    const QColor inside = image.pixelColor(130, 60);
    QVERIFY2(inside.blue() > inside.green() && inside.red() > inside.green() && inside != Qt::white,
             qPrintable(inside.name()));
    bool named = false;
    for (int x = 150; x < 250 && !named; ++x) {
        named = image.pixelColor(x, 150).lightness() < 120; // dark text
    }
    QVERIFY(named);
    // Skipped (the one being edited): nothing drawn.
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        ui::GeofencePainter::paint(painter, view, *a->fences, garden->id);
    }
    QCOMPARE(image.pixelColor(130, 60), QColor(Qt::white));
}

void TestGeofencePanel::clickingAFenceOnTheMapOpensIt()
{
    auto a = console();
    QVERIFY(a);
    const qint64 garden = idOf(*a->fences, u"Garden"_s);
    const qint64 quay = idOf(*a->fences, u"Quay"_s);
    QVERIFY(garden != 0 && quay != 0);
    a->canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(a->canvas.get()));
    a->canvas->setTool(a->tool);
    QVERIFY(a->panel->openFence(garden));
    // Both fences in view (the open one zoomed the canvas's owner, not this bare canvas).
    const render::MapViewport view(gis::lonLatToMercatorMeters({7.416, 43.726}),
                                   15.0,
                                   a->canvas->size(),
                                   a->canvas->devicePixelRatioF());
    a->canvas->setViewport(view);
    const QPoint onQuay = view.lonLatToScreen({7.421, 43.731}).toPoint();
    QTest::mouseClick(a->canvas.get(), Qt::LeftButton, Qt::NoModifier, onQuay);
    QCOMPARE(a->session->fenceId(), quay);
    QVERIFY(a->panel->nameEdit()->text().startsWith(u"Quay"_s));

    // With a change unsaved, a click on the garden is refused and says why.
    a->session->moveVertex({0, 0, 0}, QPointF(7.4189, 43.7289));
    const QPoint onGarden = view.lonLatToScreen({7.411, 43.721}).toPoint();
    QTest::mouseClick(a->canvas.get(), Qt::LeftButton, Qt::NoModifier, onGarden);
    QCOMPARE(a->session->fenceId(), quay);
    QVERIFY2(a->panel->message().contains(u"unsaved"_s), qPrintable(a->panel->message()));
}

QTEST_MAIN(TestGeofencePanel)
#include "tst_geofencepanel.moc"
