#!/usr/bin/env bash
# Prints the absolute path of a directory holding Prometheus' `prometheus` and `promtool` binaries, so that tests can
# check docker/prometheus.yml with `promtool check config` (and could start a real Prometheus) without Docker.
#
#   docker/test/fetch-prometheus.sh [CACHE_DIR]      (CACHE_DIR default: target/prometheus)
#
# Both on PATH (in one directory): prints that directory. Otherwise unpacks Debian's `prometheus` package into
# CACHE_DIR once (`apt-get download` + `dpkg-deb -x`; no root needed, only the apt package lists) and prints
# CACHE_DIR/usr/bin. When it cannot, exits 1 with a one-line reason on stderr and prints nothing on stdout.
set -euo pipefail

fail() {
    echo "fetch-prometheus: $*" >&2
    exit 1
}

on_path() {
    local promtool prometheus
    promtool=$(command -v promtool) || return 1
    prometheus=$(command -v prometheus) || return 1
    [ "$(dirname "$promtool")" = "$(dirname "$prometheus")" ] || return 1
    (cd "$(dirname "$promtool")" && pwd -P)
}

unpacked() {
    [ -x "$1/usr/bin/promtool" ] && [ -x "$1/usr/bin/prometheus" ]
}

# Downloads into a scratch directory inside the cache and moves usr/ into place last, so that an interrupted run
# never leaves a half-unpacked cache that looks complete.
scratch=""
trap '[ -z "$scratch" ] || rm -rf "$scratch"' EXIT

unpack() {
    local cache=$1 deb
    command -v apt-get >/dev/null || fail "no apt-get here to download Debian's prometheus package"
    command -v dpkg-deb >/dev/null || fail "no dpkg-deb here to unpack Debian's prometheus package"
    mkdir -p "$cache" || fail "cannot create $cache"
    scratch=$(mktemp -d "$cache/fetch.XXXXXX") || fail "cannot create a scratch directory in $cache"
    if ! (cd "$scratch" && apt-get download -q prometheus) >"$scratch/apt.log" 2>&1; then
        fail "apt-get download prometheus failed: $(grep -v '^W:' "$scratch/apt.log" | tail -n 1)"
    fi
    deb=$(find "$scratch" -maxdepth 1 -name 'prometheus_*.deb' | head -n 1)
    [ -n "$deb" ] || fail "apt-get download prometheus left no prometheus_*.deb in $scratch"
    dpkg-deb -x "$deb" "$scratch/root" 2>"$scratch/dpkg.log" \
        || fail "dpkg-deb -x $(basename "$deb") failed: $(tail -n 1 "$scratch/dpkg.log")"
    unpacked "$scratch/root" || fail "$(basename "$deb") holds no usr/bin/prometheus and usr/bin/promtool"
    rm -rf "$cache/usr"
    mv "$scratch/root/usr" "$cache/usr" || fail "cannot move the unpacked package into $cache"
}

if dir=$(on_path); then
    echo "$dir"
    exit 0
fi
cache=${1:-target/prometheus}
unpacked "$cache" || unpack "$cache"
(cd "$cache/usr/bin" && pwd -P)
