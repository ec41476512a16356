#!/usr/bin/env bash
# Installs what the UniFFI binding test suites need on Debian 12 (run as root):
#   - Kotlin/JVM compiler (npm package kotlin-compiler), JNA and JUnit 5 (Debian)
#   - a Python venv with the Android API 36 type stubs (Python package index)
#   - Swift: Debian 12 ships none, so a Debian 13 (trixie) chroot with `swiftlang`
# Idempotent: everything lives in $HEAT_TOOLCHAINS and is reused when present.
# Writes $HEAT_TOOLCHAINS/env.sh for other scripts to `source`.
set -Eeuo pipefail

HEAT_TOOLCHAINS="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}"
SWIFT_SUITE="trixie"
SWIFT_ROOT="$HEAT_TOOLCHAINS/swift-$SWIFT_SUITE"
SWIFT_STAMP="$SWIFT_ROOT/.flowstate-swift-ready"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The one Kotlin version of the repository: the Android module's Gradle plugin
# reads the same line (android/settings.gradle.kts), so the compiler that
# checks the module here is the one that builds it.
KOTLIN_VERSION=$(sed -n 's/^kotlinVersion=//p' "$SCRIPT_DIR/../android/gradle.properties")

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'setup-toolchains: ERROR: %s\n' "$*" >&2; exit 1; }
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR

[[ $EUID -eq 0 ]] || die "must run as root (apt-get, debootstrap, chroot)"
mkdir -p "$HEAT_TOOLCHAINS"
# Two concurrent runs would debootstrap into the same directory.
exec 8>"$HEAT_TOOLCHAINS/.setup.lock"
flock 8

# --- Debian packages -------------------------------------------------------
apt_updated=0
apt_install() {
    local pkg missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ $apt_updated -eq 0 ]]; then
        log "apt-get update"
        apt-get update || die "apt-get update failed"
        apt_updated=1
    fi
    log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
        || die "apt-get install failed: ${missing[*]}"
}

command -v java >/dev/null || apt_install openjdk-17-jdk-headless
command -v npm >/dev/null || apt_install npm
# gpgv + keyring: debootstrap needs them to verify trixie's Release file.
apt_install libjna-java junit5 debootstrap gpgv debian-archive-keyring

# Path of /usr/share/java/NAME.jar as shipped by PKG (fails if absent).
deb_jar() {
    local pkg=$1 name=$2 path
    path=$(dpkg -L "$pkg" | grep -E "^/usr/share/java/${name}\.jar$" | head -n1 || true)
    [[ -n $path && -f $path ]] || die "$pkg does not provide /usr/share/java/$name.jar"
    printf '%s\n' "$path"
}
JNA_JAR=$(deb_jar libjna-java jna)
JUNIT_API_JAR=$(deb_jar junit5 junit-jupiter-api)
JUNIT_CONSOLE_JAR=$(deb_jar junit5 junit-platform-console-standalone)

# --- Kotlin ----------------------------------------------------------------
KOTLIN_PKG="$HEAT_TOOLCHAINS/kotlin/node_modules/kotlin-compiler"
kotlin_version() { node -p "require('$KOTLIN_PKG/package.json').version" 2>/dev/null || true; }
[[ $KOTLIN_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "no kotlinVersion=X.Y.Z in android/gradle.properties"
if [[ $(kotlin_version) != "$KOTLIN_VERSION" ]]; then
    log "npm install kotlin-compiler@$KOTLIN_VERSION"
    npm install --prefix "$HEAT_TOOLCHAINS/kotlin" --no-audit --no-fund --loglevel=error \
        "kotlin-compiler@$KOTLIN_VERSION" || die "npm install kotlin-compiler@$KOTLIN_VERSION failed"
    [[ $(kotlin_version) == "$KOTLIN_VERSION" ]] || die "kotlin-compiler $KOTLIN_VERSION not installed"
fi
# npm only links kotlinc-js; the JVM kotlinc sits in the package's bin/.
KOTLINC=$(find "$KOTLIN_PKG" -path '*/bin/kotlinc' -type f -print -quit)
[[ -n $KOTLINC ]] || die "no bin/kotlinc inside $KOTLIN_PKG"
chmod +x "$(dirname "$KOTLINC")"/*   # kotlinc execs its sibling scripts
KOTLIN_LIB="$(cd "$(dirname "$KOTLINC")/../lib" && pwd)"
for jar in kotlin-stdlib.jar kotlinx-coroutines-core-jvm.jar kotlin-test.jar kotlin-test-junit5.jar; do
    [[ -f $KOTLIN_LIB/$jar ]] || die "missing $KOTLIN_LIB/$jar"
done

# --- Python venv (Android API stubs, the ICS oracle) ---------------------------
PYTHON_VENV="$HEAT_TOOLCHAINS/python"
python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
[[ -x $PYTHON_VENV/bin/python ]] || python3 -m venv "$PYTHON_VENV" || die "python3 -m venv $PYTHON_VENV failed"

# --- Python: Android API 36 type stubs ----------------------------------------
# scripts/android-api-stubs.py turns these into the Java stubs the Android
# adapters are compiled against (scripts/test-android-jvm.sh). Pinned: a new
# stub release is a new API surface, to be taken on purpose.
CHAQUOPY_STUBS_ANDROID="chaquopy-stubs-android==36.20260406"
if ! "$PYTHON_VENV/bin/pip" show chaquopy-stubs-android 2>/dev/null | grep -qx "Version: ${CHAQUOPY_STUBS_ANDROID#*==}"; then
    log "pip install $CHAQUOPY_STUBS_ANDROID"
    "$PYTHON_VENV/bin/pip" install --quiet --disable-pip-version-check "$CHAQUOPY_STUBS_ANDROID" \
        || die "pip install $CHAQUOPY_STUBS_ANDROID failed"
fi
ANDROID_API_STUBS="$("$PYTHON_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/android-stubs"
[[ -f $ANDROID_API_STUBS/provider/__init__.pyi ]] || die "no Android API stubs in $ANDROID_API_STUBS"
ANDROID_STUBS_PYTHON="$PYTHON_VENV/bin/python"

# The stubs at the Android module's compileSdk, in their own folder (the level
# the compile check must use; scripts/test-android-jvm.sh picks the folder
# from android/build.gradle.kts and refuses any other level).
COMPILE_SDK="$(sed -n 's/^ *compileSdk = \([0-9]*\)$/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../android/build.gradle.kts")"
CHAQUOPY_STUBS_COMPILE_SDK="chaquopy-stubs-android==$COMPILE_SDK.20260406"
STUBS_AT_COMPILE_SDK="$HEAT_TOOLCHAINS/android-stubs-$COMPILE_SDK"
if [[ ! -d $STUBS_AT_COMPILE_SDK/chaquopy_stubs_android-$COMPILE_SDK.20260406.dist-info ]]; then
    log "pip install --target $STUBS_AT_COMPILE_SDK $CHAQUOPY_STUBS_COMPILE_SDK"
    "$PYTHON_VENV/bin/pip" install --quiet --disable-pip-version-check --target "$STUBS_AT_COMPILE_SDK" "$CHAQUOPY_STUBS_COMPILE_SDK" \
        || die "pip install $CHAQUOPY_STUBS_COMPILE_SDK failed"
fi

# --- cargo-fuzz (the fuzz smoke run, scripts/test-fuzz-smoke.sh) ------------
if ! command -v cargo-fuzz >/dev/null 2>&1; then
    log "cargo install cargo-fuzz"
    cargo install --locked cargo-fuzz || die "cargo install cargo-fuzz failed"
fi

# --- Swift (Debian 13 chroot) ----------------------------------------------
# First "…/debian" archive apt already uses (one-line .list or deb822 .sources).
apt_mirror() {
    local f files=()
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        if [[ -f $f ]]; then files+=("$f"); fi
    done
    [[ ${#files[@]} -gt 0 ]] || return 0
    awk '
        /^[[:space:]]*#/ { next }
        /^[[:space:]]*deb[[:space:]]/ {
            i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            print $i; next
        }
        tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }
    ' "${files[@]}" | grep -E '^(https?|file)://[^[:space:]]*/debian/?$' | head -n1 || true
}

# Unmounts anything left under the root by an interrupted debootstrap.
umount_under() {
    findmnt -rn -o TARGET | { grep -F "$1/" || true; } | sort -r | while read -r mnt; do
        umount -l "$mnt" || true
    done
}

if [[ ! -f $SWIFT_STAMP ]]; then
    if [[ -e $SWIFT_ROOT ]]; then
        log "removing incomplete Swift root $SWIFT_ROOT"
        umount_under "$SWIFT_ROOT"
        rm -rf --one-file-system "$SWIFT_ROOT"
    fi
    mirror="${HEAT_DEBIAN_MIRROR:-$(apt_mirror)}"
    [[ -n $mirror ]] || die "cannot find a Debian mirror in /etc/apt sources; set HEAT_DEBIAN_MIRROR"
    log "debootstrap $SWIFT_SUITE from $mirror into $SWIFT_ROOT"
    debootstrap --variant=minbase "$SWIFT_SUITE" "$SWIFT_ROOT" "$mirror" \
        || die "debootstrap $SWIFT_SUITE failed (log: $SWIFT_ROOT/debootstrap/debootstrap.log)"
    in_root() { SWIFT_ROOT="$SWIFT_ROOT" SWIFT_CHROOT_ALLOW_INCOMPLETE=1 "$SCRIPT_DIR/swift-chroot.sh" -- "$@"; }
    log "installing swiftlang inside the chroot"
    in_root apt-get update || die "apt-get update in the Swift chroot failed"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y swiftlang \
        || die "apt-get install swiftlang in the Swift chroot failed"
    in_root apt-get clean
    in_root swift --version >/dev/null || die "swift --version fails inside the chroot"
    date -u +%FT%TZ >"$SWIFT_STAMP"
fi

# --- Python: the ICS differential test's oracle ---------------------------------
# recurring_ical_events (an independent RFC 5545 reader) for
# scripts/test-ics-differential.sh; every package pinned in
# scripts/ics-oracle/requirements.txt.
ICS_ORACLE_REQUIREMENTS="$SCRIPT_DIR/ics-oracle/requirements.txt"
if ! "$PYTHON_VENV/bin/pip" freeze --disable-pip-version-check 2>/dev/null \
    | grep -qix "recurring-ical-events==$(sed -n 's/^recurring-ical-events==//p' "$ICS_ORACLE_REQUIREMENTS")"; then
    log "pip install -r $ICS_ORACLE_REQUIREMENTS"
    "$PYTHON_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ICS_ORACLE_REQUIREMENTS" \
        || die "pip install of the ICS oracle failed"
fi

# --- env.sh ------------------------------------------------------------------
env_tmp=$(mktemp "$HEAT_TOOLCHAINS/.env.sh.XXXXXX")
{
    echo "# Generated by scripts/setup-toolchains.sh; source it."
    for var in HEAT_TOOLCHAINS KOTLINC KOTLIN_LIB JNA_JAR JUNIT_API_JAR JUNIT_CONSOLE_JAR SWIFT_ROOT \
        ANDROID_STUBS_PYTHON ANDROID_API_STUBS; do
        printf 'export %s=%q\n' "$var" "${!var}"
    done
} >"$env_tmp"
chmod 644 "$env_tmp"
mv -f "$env_tmp" "$HEAT_TOOLCHAINS/env.sh"   # atomic for concurrent readers

# --- Versions ----------------------------------------------------------------
log "versions"
java -version 2>&1
"$KOTLINC" -version 2>&1
echo "JNA: $JNA_JAR -> $(readlink -f "$JNA_JAR") (libjna-java $(dpkg-query -W -f='${Version}' libjna-java))"
echo "JUnit API: $JUNIT_API_JAR"
echo "JUnit console: $JUNIT_CONSOLE_JAR (junit5 $(dpkg-query -W -f='${Version}' junit5))"
cargo fuzz --version 2>&1
echo "Android API stubs: $("$PYTHON_VENV/bin/pip" show chaquopy-stubs-android | grep ^Version) in $ANDROID_API_STUBS"
SWIFT_ROOT="$SWIFT_ROOT" "$SCRIPT_DIR/swift-chroot.sh" -- swift --version 2>&1
echo "env: $HEAT_TOOLCHAINS/env.sh"
