# The layer rules as data: what each layer folder may include (DESIGN.md section 3,
# STYLE.md sections 3.1-3.2). This is the only copy of the rules: check_layering.cmake
# enforces them and lint_fixture.cmake derives one broken fixture per rule from them.
#
# Everything is an allow-list. An include passes only if the table names it for the
# file's layer, so a new folder, Qt module or C library is a violation until someone
# decides where it belongs and writes it down here.

# Folders of ours that an #include "folder/..." may name. The longest matching folder
# wins, so "data/pg/x.h" is data/pg and "data/repositories/x.h" is data.
set(LINT_FOLDERS
    gis/core gis/proj data data/pg models ui/render ui/widgets ui/widgets/charts
    app/console app/ctl app/shared
    tests/support tests/gis tests/data tests/models tests/ui tests/app tests/bench)

# Why a folder is off limits, quoted when a layer includes a folder it may not.
set(LINT_FOLDER_WHY_data/pg "data/pg/ is internal to data/, STYLE.md 3.1")
set(LINT_FOLDER_WHY_app/console "nothing outside app/ includes app/, STYLE.md 3.2")
set(LINT_FOLDER_WHY_app/ctl "${LINT_FOLDER_WHY_app/console}")
set(LINT_FOLDER_WHY_app/shared "${LINT_FOLDER_WHY_app/console}")
foreach(folder IN ITEMS support gis data models ui app bench)
    set(LINT_FOLDER_WHY_tests/${folder} "production code never includes tests/, and helpers shared between test folders live in tests/support/")
endforeach()

# Header families of C and C++ libraries. A layer lists the families it may use;
# lint_only_in() below narrows some of them to a few files.
set(LINT_LIBRARIES std posix libpq proj gdal geos sqlite tl-expected)
set(LINT_LIBRARY_MATCH_std "^(algorithm|any|array|atomic|barrier|bit|bitset|cassert|cctype|cerrno|cfenv|cfloat|charconv|chrono|cinttypes|climits|clocale|cmath|codecvt|compare|complex|concepts|condition_variable|coroutine|csetjmp|csignal|cstdarg|cstddef|cstdint|cstdio|cstdlib|cstring|ctime|cuchar|cwchar|cwctype|deque|exception|execution|filesystem|format|forward_list|fstream|functional|future|initializer_list|iomanip|ios|iosfwd|iostream|istream|iterator|latch|limits|list|locale|map|memory|memory_resource|mutex|new|numbers|numeric|optional|ostream|queue|random|ranges|ratio|regex|scoped_allocator|semaphore|set|shared_mutex|source_location|span|sstream|stack|stdexcept|stop_token|streambuf|string|string_view|syncstream|system_error|thread|tuple|type_traits|typeindex|typeinfo|unordered_map|unordered_set|utility|valarray|variant|vector|version)$")
set(LINT_LIBRARY_MATCH_posix "^((unistd|poll|pwd|grp|signal|fcntl|errno|dirent|dlfcn|spawn|termios)\\.h|(sys|netinet|arpa)/[a-z_]+\\.h)$")
set(LINT_LIBRARY_MATCH_libpq "^(libpq-fe\\.h|libpq-events\\.h|postgres_ext\\.h|pg_config[a-z_]*\\.h|libpq/.*)$")
set(LINT_LIBRARY_MATCH_proj "^(proj\\.h|proj_experimental\\.h|proj_constants\\.h|geodesic\\.h|proj/.*)$")
set(LINT_LIBRARY_MATCH_gdal "^((gdal|ogr|cpl_|gnm)[a-z0-9_]*\\.h)$")
set(LINT_LIBRARY_MATCH_geos "^(geos_c\\.h|geos\\.h|geos/.*)$")
set(LINT_LIBRARY_MATCH_sqlite "^sqlite3(ext)?\\.h$")
set(LINT_LIBRARY_MATCH_tl-expected "^tl/.*$")
# One header per family, for the fixture test.
set(LINT_LIBRARY_EXAMPLE_std vector)
set(LINT_LIBRARY_EXAMPLE_posix unistd.h)
set(LINT_LIBRARY_EXAMPLE_libpq libpq-fe.h)
set(LINT_LIBRARY_EXAMPLE_proj proj.h)
set(LINT_LIBRARY_EXAMPLE_gdal gdal_priv.h)
set(LINT_LIBRARY_EXAMPLE_geos geos_c.h)
set(LINT_LIBRARY_EXAMPLE_sqlite sqlite3.h)
set(LINT_LIBRARY_EXAMPLE_tl-expected tl/expected.hpp)

# Qt modules the fixture test tries in every layer, with one class header each.
# Any other module (QtXml, QtQuick ...) is simply absent from every allow-list.
set(LINT_QT_MODULES QtCore QtGui QtWidgets QtConcurrent QtNetwork QtSql QtSvg QtSvgWidgets
    QtCharts QtMultimedia QtPrintSupport QtPositioning QtTest QtXml)
set(LINT_QT_EXAMPLE_QtCore QString)
set(LINT_QT_EXAMPLE_QtGui QPainter)
set(LINT_QT_EXAMPLE_QtWidgets QWidget)
set(LINT_QT_EXAMPLE_QtConcurrent QtConcurrentRun)
set(LINT_QT_EXAMPLE_QtNetwork QNetworkReply)
set(LINT_QT_EXAMPLE_QtSql QSqlQuery)
set(LINT_QT_EXAMPLE_QtSvg QSvgRenderer)
set(LINT_QT_EXAMPLE_QtSvgWidgets QSvgWidget)
set(LINT_QT_EXAMPLE_QtCharts QChartView)
set(LINT_QT_EXAMPLE_QtMultimedia QSoundEffect)
set(LINT_QT_EXAMPLE_QtPrintSupport QPrinter)
set(LINT_QT_EXAMPLE_QtPositioning QGeoCoordinate)
set(LINT_QT_EXAMPLE_QtTest QSignalSpy)
set(LINT_QT_EXAMPLE_QtXml QDomDocument)

# lint_layer(<folder> DIRS <folders> QT <modules or Module:Class> LIBS <families>)
# A file belongs to the layer of the longest folder that contains it. DIRS names every
# folder the layer may include, its own among them. std headers are allowed everywhere.
function(lint_layer folder)
    cmake_parse_arguments(arg "" "" "DIRS;QT;LIBS" ${ARGN})
    set_property(GLOBAL APPEND PROPERTY LINT_LAYERS "${folder}")
    set_property(GLOBAL PROPERTY "LINT_DIRS_${folder}" "${arg_DIRS}")
    set_property(GLOBAL PROPERTY "LINT_QT_${folder}" "${arg_QT}")
    set_property(GLOBAL PROPERTY "LINT_LIBS_${folder}" std ${arg_LIBS})
endfunction()

# lint_only_in(<QT module | LIB family> <name> FILES <regex on the root-relative path> WHERE <text>)
# A dependency a layer may use, but only in some of its files (C libraries in .cpp files
# of their adapter, QtCharts in charts/). Tests are governed by their own layer rows.
function(lint_only_in kind name)
    cmake_parse_arguments(arg "" "FILES;WHERE" "" ${ARGN})
    set_property(GLOBAL APPEND PROPERTY LINT_ONLY_IN "${kind}:${name}")
    set_property(GLOBAL PROPERTY "LINT_ONLY_IN_FILES_${kind}:${name}" "${arg_FILES}")
    set_property(GLOBAL PROPERTY "LINT_ONLY_IN_WHERE_${kind}:${name}" "${arg_WHERE}")
endfunction()

# --- production layers, bottom up ------------------------------------------------------

# Level 0: value types and maths, "Qt Core only" (DESIGN.md section 3). tl::expected is a
# gis/core dependency: Result<T> in result.h and typed parse errors (coordinatetext.h);
# every other layer gets it through gis/core/result.h.
lint_layer(gis/core DIRS gis/core QT QtCore LIBS tl-expected)
# Level 1: the PROJ/GDAL/GEOS adapters, and the PostgreSQL client.
lint_layer(gis/proj DIRS gis/proj gis/core QT QtCore LIBS proj gdal geos)
set(_lint_data DIRS data data/pg gis/core QT QtCore LIBS libpq posix)
lint_layer(data ${_lint_data})
lint_layer(data/pg ${_lint_data})
# Level 2: item models see data's records and repository interfaces, never data/pg, and use
# QtGui value types only (colours, icons, undo stack), no painting.
lint_layer(models DIRS models data gis/core
    QT QtCore QtGui:QColor QtGui:QBrush QtGui:QFont QtGui:QIcon QtGui:QImage QtGui:QPixmap
       QtGui:QKeySequence QtGui:QStandardItemModel QtGui:QUndoCommand QtGui:QUndoStack)
# Painting without QWidget: QtSql reads MBTiles, QtNetwork fetches XYZ tiles; PDF goes
# through QPdfWriter (QtGui), so no QtPrintSupport.
set(_lint_render_qt QtCore QtGui QtConcurrent QtSvg QtSql QtNetwork)
lint_layer(ui/render DIRS ui/render gis/proj gis/core QT ${_lint_render_qt})
# Level 3: widgets see models and render inputs, never data/ (models wrap it). Network and
# SQL stay in ui/render.
set(_lint_widgets DIRS ui/widgets ui/widgets/charts ui/render models gis/proj gis/core
    QT QtCore QtGui QtWidgets QtConcurrent QtSvg QtSvgWidgets QtPrintSupport QtCharts QtMultimedia)
lint_layer(ui/widgets ${_lint_widgets})
lint_layer(ui/widgets/charts ${_lint_widgets})
# Level 4: the composition root. app/shared serves both executables and infrasightctl is
# headless, so neither sees ui/widgets; console and ctl do not include each other.
set(_lint_below_app ui/render models data gis/proj gis/core)
set(_lint_headless_qt QtCore QtGui QtConcurrent QtNetwork QtSql QtSvg)
lint_layer(app/shared DIRS app/shared ${_lint_below_app} QT ${_lint_headless_qt} LIBS posix)
lint_layer(app/ctl DIRS app/ctl app/shared ${_lint_below_app} QT ${_lint_headless_qt} LIBS posix)
set(_lint_console_qt ${_lint_headless_qt} QtWidgets QtSvgWidgets QtPrintSupport QtPositioning)
lint_layer(app/console DIRS app/console app/shared ui/widgets ui/widgets/charts ${_lint_below_app}
    QT ${_lint_console_qt} LIBS posix)

# --- tests -----------------------------------------------------------------------------
# A test of layer X may include X and everything below it, tests/support and its own
# folder, plus QtTest and QtConcurrent (to drive threads). data/pg stays internal to data/
# for tests too: database tests open a blocking PgConnection through data/pgconnection.h.
# tests/ui covers ui/render and ui/widgets; tests/app and tests/bench see every layer.
# tests/support is linked into every test, so it stays at the data level: gis/core, data
# and the Qt modules its fakes and servers need (QtNetwork tile server, QtSql MBTiles
# fixture, QtGui tile images).
set(_lint_test_qt QtCore QtConcurrent QtTest)
lint_layer(tests/support DIRS tests/support data gis/core
    QT ${_lint_test_qt} QtGui QtNetwork QtSql LIBS posix)
lint_layer(tests/gis DIRS tests/gis tests/support gis/proj gis/core QT ${_lint_test_qt} LIBS posix)
lint_layer(tests/data DIRS tests/data tests/support data gis/core
    QT ${_lint_test_qt} LIBS posix)
lint_layer(tests/models DIRS tests/models tests/support models data gis/core
    QT ${_lint_test_qt} QtGui LIBS posix)
set(_lint_all_ui ui/widgets ui/widgets/charts ${_lint_below_app})
set(_lint_all_ui_qt ${_lint_render_qt} QtWidgets QtSvgWidgets QtPrintSupport QtCharts QtMultimedia QtTest)
lint_layer(tests/ui DIRS tests/ui tests/support ${_lint_all_ui} QT ${_lint_all_ui_qt} LIBS posix)
set(_lint_all_app app/console app/ctl app/shared ${_lint_all_ui})
lint_layer(tests/app DIRS tests/app tests/support ${_lint_all_app} QT ${_lint_all_ui_qt} QtPositioning LIBS posix)
lint_layer(tests/bench DIRS tests/bench tests/support ${_lint_all_app} QT ${_lint_all_ui_qt} QtPositioning LIBS posix)

# --- dependencies confined to a few files ----------------------------------------------
set(_lint_cpp "\\.(cpp|cc|cxx|c)$")
lint_only_in(LIB libpq FILES "^data/pg/[^/]+${_lint_cpp}" WHERE "data/pg/*.cpp, STYLE.md 3.2")
foreach(family IN ITEMS proj gdal geos)
    lint_only_in(LIB ${family} FILES "^gis/proj/[^/]+${_lint_cpp}" WHERE "gis/proj/*.cpp, STYLE.md 3.2")
endforeach()
lint_only_in(LIB posix FILES "${_lint_cpp}" WHERE ".cpp files, never headers")
lint_only_in(QT QtCharts FILES "^(ui/widgets/charts/|tests/)" WHERE "ui/widgets/charts/, STYLE.md 3.1")
lint_only_in(QT QtMultimedia FILES "^(ui/widgets/alarmsound\\.(h|cpp)$|tests/)" WHERE "ui/widgets/alarmsound.*")
