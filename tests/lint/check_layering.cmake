# Fails when a source file includes something its layer may not (DESIGN.md section 3,
# STYLE.md section 3.2). Run as: cmake -DROOT=<source dir> -P check_layering.cmake
if(NOT ROOT)
    message(FATAL_ERROR "pass -DROOT=<source dir>")
endif()

# layer directory -> regular expressions an #include line must not match
set(qt_gui_headers "<Q(Painter|Image|Pixmap|Color|Font|Icon|Pen|Brush|Polygon|Transform|Gui|PaintDevice|GuiApplication|Screen|Window|Svg|Pdf|TextDocument|UndoStack)")
set(qt_widget_headers "<Q(Widget|MainWindow|Dialog|Application|Label|PushButton|Dock|Menu|Action|StatusBar|ToolBar|LineEdit|MessageBox|Layout|VBoxLayout|HBoxLayout|FormLayout|GridLayout|Abstract(Button|ScrollArea|ItemView)|TableView|TreeView|ListView|Chart|Styled|ComboBox|SpinBox|CheckBox|Splitter|TabWidget|Graphics|ProgressBar|FileDialog|InputDialog)|<QtWidgets|<QtCharts|<QtMultimedia|<QSoundEffect|<QAudio|<QMedia")
set(c_libs "<(libpq-fe|libpq|proj|gdal|gdal_priv|ogr_|ogrsf_|cpl_|geos)")

set(rules_gis/core
    "${qt_gui_headers}" "${qt_widget_headers}" "${c_libs}"
    "\"(data|models|ui|app|gis/proj)/")
set(rules_gis/proj
    "${qt_gui_headers}" "${qt_widget_headers}" "<libpq"
    "\"(data|models|ui|app)/")
set(rules_data
    "${qt_gui_headers}" "${qt_widget_headers}" "<(proj|gdal|gdal_priv|ogr_|ogrsf_|cpl_|geos)"
    "\"(models|ui|app|gis/proj)/")
set(rules_models
    "${qt_widget_headers}" "${c_libs}" "\"data/pg/" "\"(ui|app|gis/proj)/")
set(rules_ui/render
    "${qt_widget_headers}" "${c_libs}" "\"(data|models|app)/")
set(rules_ui/widgets
    "${c_libs}" "\"data/pg/" "\"app/")

set(layers gis/core gis/proj data models ui/render ui/widgets)
set(violations "")
foreach(layer IN LISTS layers)
    file(GLOB_RECURSE sources "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS lines)
            foreach(rule IN LISTS rules_${layer})
                if(line MATCHES "${rule}")
                    # libpq may appear in data/pg/*.cpp only
                    if(layer STREQUAL "data" AND source MATCHES "/data/pg/[^/]+\\.cpp$"
                       AND line MATCHES "<libpq")
                        continue()
                    endif()
                    file(RELATIVE_PATH rel "${ROOT}" "${source}")
                    list(APPEND violations "${rel}: '${line}' breaks the ${layer} layer rule")
                endif()
            endforeach()
        endforeach()
        # C library headers in data/ are allowed only in data/pg/*.cpp
        if(layer STREQUAL "data" AND NOT source MATCHES "/data/pg/[^/]+\\.cpp$")
            foreach(line IN LISTS lines)
                if(line MATCHES "<libpq")
                    file(RELATIVE_PATH rel "${ROOT}" "${source}")
                    list(APPEND violations "${rel}: '${line}' libpq belongs in data/pg/*.cpp only")
                endif()
            endforeach()
        endif()
        # QtCharts only in ui/widgets/charts/
        if(layer STREQUAL "ui/widgets" AND NOT source MATCHES "/ui/widgets/charts/")
            foreach(line IN LISTS lines)
                if(line MATCHES "<Q(Chart|LineSeries|ValueAxis|DateTimeAxis|XYSeries)|<QtCharts")
                    file(RELATIVE_PATH rel "${ROOT}" "${source}")
                    list(APPEND violations "${rel}: '${line}' QtCharts belongs in ui/widgets/charts/ only")
                endif()
            endforeach()
        endif()
    endforeach()
endforeach()

# Nothing outside app/ and tests/ may include app/.
list(LENGTH violations count)
if(count GREATER 0)
    list(JOIN violations "\n" report)
    message(FATAL_ERROR "Layer rule violations (${count}):\n${report}")
endif()
message(STATUS "layering: clean")
