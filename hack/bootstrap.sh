#!/usr/bin/env bash
# Installs what Tollgate's tests and local run need on a Debian 12 machine, idempotently:
#   - Debian packages: etcd-server, prometheus, golang-go, rsync, wrk, hey, openssl
#   - kube-apiserver, kube-controller-manager and kubectl v1.20.2 (one version for server and client) built from Debian's own `kubernetes` source package,
#     once, into a cache outside the checkout (TOLLGATE_CACHE, default ~/.cache/tollgate).
# Prints the bin directory on the last line of stdout. Everything else goes to stderr.
set -euo pipefail

KUBE_VERSION=1.20.2
# Debian ships upstream 1.20.2 in bookworm as 1.20.5+really1.20.2 (a revert); newer suites carry other, kubectl-only
# `kubernetes` sources, so apt must be asked for this version, never for the newest one of any configured suite.
KUBE_SOURCE_VERSION=1.20.5+really1.20.2-1.1+deb12u1
CACHE=${TOLLGATE_CACHE:-${HOME:-/root}/.cache/tollgate}
BIN="$CACHE/kube-v$KUBE_VERSION/bin"
REFLECT2=/usr/share/gocode/src/github.com/modern-go/reflect2
log() { printf '[bootstrap] %s\n' "$*" >&2; }
die() { printf '[bootstrap] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq >&2 || die "apt-get update failed"
    apt_updated=1
  fi
}

# Bump when the build recipe changes so cached binaries from an older recipe are rebuilt.
BUILD_ID="reflect2-1.0.2+zero-value-validation"
all_built() {
  [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kube-controller-manager" ] && [ -x "$BIN/kubectl" ] \
    && [ "$(cat "$BIN/.build-id" 2>/dev/null)" = "$BUILD_ID" ]
}

need_pkgs=()
command -v etcd >/dev/null || need_pkgs+=(etcd-server)
command -v prometheus >/dev/null || need_pkgs+=(prometheus)
command -v promtool >/dev/null || need_pkgs+=(prometheus)
command -v openssl >/dev/null || need_pkgs+=(openssl)
command -v curl >/dev/null || need_pkgs+=(curl)
command -v wrk >/dev/null || need_pkgs+=(wrk)
command -v hey >/dev/null || need_pkgs+=(hey)
if ! all_built; then
  command -v go >/dev/null || need_pkgs+=(golang-go)
  command -v rsync >/dev/null || need_pkgs+=(rsync)
  command -v dpkg-source >/dev/null || need_pkgs+=(dpkg-dev)
  [ -d "$REFLECT2" ] || need_pkgs+=(golang-github-modern-go-reflect2-dev)
fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
  apt_update_once
  log "installing Debian packages: ${need_pkgs[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2 \
    || die "apt-get install ${need_pkgs[*]} failed"
  # Debian starts these as services on install; tests start their own instances on free ports.
  for svc in etcd prometheus prometheus-node-exporter; do
    as_root systemctl disable --now "$svc" >/dev/null 2>&1 || true
    as_root pkill -x "$svc" >/dev/null 2>&1 || true
  done
fi

if all_built; then
  log "control-plane binaries cached in $BIN"
  echo "$BIN"
  exit 0
fi

SRC="$CACHE/src"
mkdir -p "$SRC" "$BIN"
if ! grep -rqs '^deb-src .*bookworm\|^Types:.*deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  log "adding a deb-src entry for bookworm"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    | as_root tee /etc/apt/sources.list.d/tollgate-src.sources >/dev/null
  apt_updated=0
fi
apt_update_once
# The pinned version, or else a later Debian revision of the same upstream 1.20.2 (a bookworm security update
# replaces the pinned one in the archive).
source_version() {
  local versions
  versions=$(apt-cache showsrc kubernetes 2>/dev/null | sed -n 's/^Version: //p')
  if grep -qxF "$KUBE_SOURCE_VERSION" <<<"$versions"; then
    echo "$KUBE_SOURCE_VERSION"
  else
    grep -E "^([0-9.]+\+really)?${KUBE_VERSION//./\\.}-" <<<"$versions" | sort -V | tail -n1
  fi
}
orig=$(ls "$SRC"/kubernetes_"$KUBE_VERSION".orig.tar.* "$SRC"/kubernetes_*really"$KUBE_VERSION".orig.tar.* 2>/dev/null | head -n1 || true)
if [ -z "$orig" ]; then
  version=$(source_version)
  [ -n "$version" ] || die "no kubernetes source of upstream $KUBE_VERSION in the configured deb-src suites (apt-cache showsrc kubernetes); Debian bookworm has $KUBE_SOURCE_VERSION"
  log "downloading Debian's kubernetes source package $version"
  (cd "$SRC" && apt-get source --download-only "kubernetes=$version" >&2) || die "apt-get source kubernetes=$version failed"
  # `|| true`: one of the two patterns never matches, and ls then exits 2 (fatal under pipefail + errexit).
  orig=$(ls "$SRC"/kubernetes_"$KUBE_VERSION".orig.tar.* "$SRC"/kubernetes_*really"$KUBE_VERSION".orig.tar.* 2>/dev/null | head -n1 || true)
  [ -n "$orig" ] || die "apt-get source kubernetes=$version left no orig tarball of $KUBE_VERSION in $SRC"
fi
tree="$SRC/kubernetes-$KUBE_VERSION"
if [ ! -d "$tree/vendor" ]; then
  log "unpacking $orig"
  rm -rf "$tree" && mkdir -p "$tree"
  tar -xf "$orig" -C "$tree" --strip-components=1
fi
# Kubernetes 1.20 vendors modern-go/reflect2 1.0.1, whose map iteration crashes (SIGSEGV in the API server as soon
# as a custom resource is written) when built with Go >= 1.18, which is all Debian 12 has. Debian's own package of
# reflect2 1.0.2 carries the fix and the same API: overlay it on the vendored copy.
if ! cmp -s "$REFLECT2/go_above_118.go" "$tree/vendor/github.com/modern-go/reflect2/go_above_118.go"; then
  log "overlaying Debian's reflect2 1.0.2 on the vendored 1.0.1"
  rm -f "$tree/vendor/github.com/modern-go/reflect2/"*.go "$tree/vendor/github.com/modern-go/reflect2/"*.s
  cp "$REFLECT2"/*.go "$tree/vendor/github.com/modern-go/reflect2/"
  cp "$REFLECT2"/*.s "$tree/vendor/github.com/modern-go/reflect2/" 2>/dev/null || true
  rm -f "$tree/vendor/github.com/modern-go/reflect2/"*_test.go
  rm -f "$BIN/kube-apiserver" "$BIN/kube-controller-manager" "$BIN/kubectl"
fi
# The OpenAPI validator of this vintage treats any zero value (an empty string such as AppProject's `group: ''`) as
# null when built with Go >= 1.18, whose reflect.DeepEqual of two reflect.Values changed meaning; custom resources
# with empty strings are then rejected. Test only for a real nil, which is what the check meant under older Go.
for f in vendor/k8s.io/kube-openapi/pkg/validation/validate/type.go vendor/github.com/go-openapi/validate/type.go; do
  if [ -f "$tree/$f" ] && grep -q 'if data == nil || reflect.DeepEqual(reflect.Zero(reflect.TypeOf(data)), reflect.ValueOf(data)) {' "$tree/$f"; then
    log "patching the zero-value check in $f"
    sed -i 's/if data == nil || reflect.DeepEqual(reflect.Zero(reflect.TypeOf(data)), reflect.ValueOf(data)) {/if data == nil {/' "$tree/$f"
  fi
done
if [ "$(cat "$BIN/.build-id" 2>/dev/null)" != "$BUILD_ID" ]; then
  rm -f "$BIN/kube-apiserver" "$BIN/kube-controller-manager" "$BIN/kubectl"
fi
export HOME=${HOME:-/root} GOFLAGS=-mod=vendor GOCACHE="$CACHE/gocache" GOPATH="$CACHE/gopath"
for cmd in kube-apiserver kube-controller-manager kubectl; do
  if [ ! -x "$BIN/$cmd" ]; then
    log "building $cmd v$KUBE_VERSION (a few minutes, once)"
    (cd "$tree" && make WHAT=cmd/$cmd KUBE_GIT_VERSION=v$KUBE_VERSION >&2) || die "building $cmd failed (see output above)"
    cp "$tree/_output/local/bin/linux/"*/"$cmd" "$BIN/$cmd.tmp" 2>/dev/null || cp "$tree/_output/bin/$cmd" "$BIN/$cmd.tmp"
    mv "$BIN/$cmd.tmp" "$BIN/$cmd"
  fi
done
echo "$BUILD_ID" > "$BIN/.build-id"
log "control-plane binaries ready in $BIN"
echo "$BIN"
