# SPDX-License-Identifier: GPL-3.0-or-later
# The build as the second line of defence behind check_layering.cmake: a target's include path
# holds only the folders of what it links (infrasight_add_include_root in the top-level
# CMakeLists.txt) and no third-party headers its dependencies link PRIVATE. This compiles one
# translation unit per case with a target's real include directories (written by
# tests/CMakeLists.txt at generate time) and checks that an include across a layer edge fails
# with "No such file" while an allowed one compiles.
#
#   cmake -DCXX=<compiler> -DFLAGS_DIR=<dir with <target>.includes, implicit.includes>
#         -DWORK_DIR=<scratch> -P build_refusal.cmake
# The cases are "target|header|expectation" with expectation "ok" or "refused"; the header is
# written as it appears in an #include, quotes or angle brackets included.

foreach(var IN ITEMS CXX FLAGS_DIR WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "build_refusal.cmake: -D${var}=... is required")
    endif()
endforeach()

set(cases
    # Each "ok" proves the flags work, so that the "refused" beside it is not a broken command.
    [[infrasight_render|"gis/core/tilekey.h"|ok]]
    [[infrasight_render|"data/dbclient.h"|refused]]
    [[infrasight_render|"models/layermodel.h"|refused]]
    [[infrasight_gis_proj|"data/dbclient.h"|refused]]
    [[infrasight_data|"gis/proj/crs.h"|refused]]
    [[infrasight_models|"data/dbclient.h"|ok]]
    [[infrasight_models|"ui/render/mapviewport.h"|refused]]
    [[infrasight_models|<libpq-fe.h>|refused]]
    [[infrasight_ui|"app/console/settings.h"|refused]]
    [[infrasight_ui|<gdal.h>|refused]]
)

file(MAKE_DIRECTORY "${WORK_DIR}")
# -I/usr/include and the like would reorder the compiler's own search path (#include_next).
file(STRINGS "${FLAGS_DIR}/implicit.includes" implicit_dirs)
set(failures "")
set(index 0)
foreach(case IN LISTS cases)
    string(REPLACE "|" ";" fields "${case}")
    list(GET fields 0 target)
    list(GET fields 1 header)
    list(GET fields 2 expect)
    math(EXPR index "${index} + 1")

    file(STRINGS "${FLAGS_DIR}/${target}.includes" dirs)
    list(REMOVE_DUPLICATES dirs)
    list(REMOVE_ITEM dirs ${implicit_dirs})
    set(args -std=c++20 -fPIC -fsyntax-only)
    foreach(dir IN LISTS dirs)
        list(APPEND args "-I${dir}")
    endforeach()
    set(source "${WORK_DIR}/case${index}.cpp")
    file(WRITE "${source}" "#include ${header}\n")
    execute_process(COMMAND "${CXX}" ${args} "${source}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)

    string(REGEX REPLACE "^[\"<](.*)[\">]$" "\\1" bare "${header}")
    string(REGEX MATCH "[^\n]*No such file[^\n]*" missing "${out}")
    if(expect STREQUAL "ok" AND rc EQUAL 0)
        message(STATUS "ok: ${target} compiles #include ${header}")
    elseif(expect STREQUAL "refused" AND NOT rc EQUAL 0 AND missing MATCHES "${bare}")
        message(STATUS "ok: ${target} refuses #include ${header}: ${missing}")
    else()
        string(APPEND failures "${target}: #include ${header} should be ${expect}, the compiler "
                               "exited with ${rc}:\n${out}\n")
    endif()
endforeach()

if(failures)
    message(FATAL_ERROR "the build does not enforce the layer rules:\n${failures}")
endif()
