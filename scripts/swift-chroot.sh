#!/usr/bin/env bash
# Runs a command inside the Debian 13 Swift chroot built by setup-toolchains.sh.
#
#   scripts/swift-chroot.sh [HOST_DIR] -- COMMAND [ARGS...]
#
# HOST_DIR is copied afresh (symlinks followed; .build, .swiftpm, .git skipped)
# to $SWIFT_ROOT/work/<basename of HOST_DIR>, and COMMAND runs there; without
# HOST_DIR it runs in /root. Exits with COMMAND's status (125: this script failed).
# Example: scripts/swift-chroot.sh bindings/swift -- swift test
#
# Environment: SWIFT_ROOT (else read from $HEAT_TOOLCHAINS/env.sh);
# SWIFT_CHROOT_KEEP_BUILD=1 keeps the previous copy's .build for incremental
# builds; SWIFT_CHROOT_PASSENV="NAME ..." passes those host variables through
# (the command otherwise gets a clean environment plus TERM and CI).
set -euo pipefail

die() { printf 'swift-chroot: ERROR: %s\n' "$*" >&2; exit 125; }
usage() { die "usage: $0 [HOST_DIR] -- COMMAND [ARGS...]"; }

[[ $EUID -eq 0 ]] || die "must run as root (mount, chroot)"
if [[ -z ${SWIFT_ROOT:-} ]]; then
    env_sh="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}/env.sh"
    [[ -f $env_sh ]] || die "$env_sh missing: run scripts/setup-toolchains.sh first"
    # shellcheck source=/dev/null
    source "$env_sh"
fi
[[ -x $SWIFT_ROOT/usr/bin/env ]] || die "no chroot at $SWIFT_ROOT: run scripts/setup-toolchains.sh"
# The stamp marks a finished install; setup-toolchains.sh itself bypasses it.
[[ -f $SWIFT_ROOT/.flowstate-swift-ready || ${SWIFT_CHROOT_ALLOW_INCOMPLETE:-} == 1 ]] \
    || die "Swift chroot $SWIFT_ROOT is incomplete: rerun scripts/setup-toolchains.sh"

src=""
if [[ ${1:-} != "--" ]]; then
    [[ $# -gt 0 ]] || usage
    src=$1
    shift
fi
[[ ${1:-} == "--" ]] || usage
shift
[[ $# -gt 0 ]] || usage

workdir=/root
if [[ -n $src ]]; then
    [[ -d $src ]] || die "not a directory: $src"
    name=$(basename "$(cd "$src" && pwd)")
    workdir="/work/$name"
    dest="$SWIFT_ROOT$workdir"
    mkdir -p "$SWIFT_ROOT/work"
    # Concurrent runs of the same package would clobber each other's copy.
    exec 9>"$SWIFT_ROOT/work/.$name.lock"
    flock 9
    saved_build="$SWIFT_ROOT/work/.$name.build"
    rm -rf --one-file-system "$saved_build"
    if [[ ${SWIFT_CHROOT_KEEP_BUILD:-} == 1 && -d $dest/.build ]]; then
        mv "$dest/.build" "$saved_build"
    fi
    rm -rf --one-file-system "$dest"
    mkdir -p "$dest"
    # -h: symlinks to host paths (e.g. target/) would dangle inside the chroot.
    tar -C "$src" -ch --exclude=./.build --exclude=./.swiftpm --exclude=./.git . \
        | tar -C "$dest" -x || die "copying $src into $dest failed"
    if [[ -d $saved_build ]]; then mv "$saved_build" "$dest/.build"; fi
fi

envs=(HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
for var in TERM CI ${SWIFT_CHROOT_PASSENV:-}; do
    if [[ -n ${!var+x} ]]; then envs+=("$var=${!var}"); fi
done

# A private mount namespace: the /proc, /dev, /sys mounts vanish with the
# command, however it ends (even SIGKILL), and never leak into the host table.
# swift needs /proc (ld.so resolves $ORIGIN via /proc/self/exe, else it cannot
# find libswiftCore.so); /dev and /sys give tests a normal system (ptys, shm).
rc=0
# shellcheck disable=SC2016  # expanded by the inner bash, from its arguments
unshare --mount --propagation private -- /bin/bash -euc '
    root=$1 workdir=$2; shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    exec chroot "$root" /usr/bin/env -i -C "$workdir" "$@"
' swift-chroot "$SWIFT_ROOT" "$workdir" "${envs[@]}" "$@" 9>&- || rc=$?
exit "$rc"
