# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/demo and scripts/test: source it, do not run it.

INFRASIGHT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BINDIR=/usr/lib/postgresql/15/bin

# Debian 12 packages the build, the tests and the demo need.
INFRASIGHT_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite qt6-charts-dev
    qt6-positioning-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6
    qt6-multimedia-dev
    libgl-dev libgdal-dev libgeos-dev gdal-bin libproj-dev proj-bin libpq-dev libexpected-dev
    postgresql-15 postgresql-15-postgis-3 postgresql-client-15
    xvfb xauth x11-utils fonts-dejavu-core poppler-utils
)

log() { printf '\033[1m[infrasight]\033[0m %s\n' "$*" >&2; }

# Installs whatever of INFRASIGHT_PACKAGES is missing (apt-get; root, or sudo when available).
ensure_packages() {
    local missing=()
    for p in "${INFRASIGHT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Configures and builds with a CMake preset (dev, ci, ...).
build_preset() {
    local preset=$1
    (cd "$INFRASIGHT_ROOT" && cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset" -j2)
}

# Runs a command as the account that owns PostgreSQL data: initdb and postgres refuse to run as
# root, so root hands them to the unprivileged 'postgres' user Debian's package creates.
as_pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Prints a TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# Configures with a CMake preset and builds only the given targets.
build_preset_targets() {
    local preset=$1
    shift
    (cd "$INFRASIGHT_ROOT" && cmake --preset "$preset" >/dev/null \
        && cmake --build --preset "$preset" -j2 --target "$@")
}
