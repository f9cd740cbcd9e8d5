#!/usr/bin/env bash
# deploy/docker-bases.sh prepares a machine with Docker but no registry to
# run `docker build -t sagasu .` verbatim:
#
#   1. It makes the builder's base image under the very tag the Dockerfile's
#      FROM names (golang:1.26-bookworm) from what the machine has: a minimal
#      Debian root made by debootstrap from the Debian mirror apt is
#      configured with (plus ca-certificates and tzdata, which the final
#      stage copies), and the Go toolchain at /usr/local/go.
#   2. It vendors the Go modules (go mod vendor, on the host, where the
#      module proxy is reachable), so that the build container downloads
#      nothing: the Dockerfile builds from vendor/ when the context has one.
#
#   3. It makes sagasu-nats, the NATS image of deploy/compose.cluster.yaml:
#      Debian's nats-server (installed here by apt-get when absent) and the
#      only library it links, glibc, copied from this machine onto an empty
#      root. Debian builds nats-server dynamically linked, so the binary
#      alone would not run on scratch; this keeps the image at about 20 MB
#      and needs neither a registry nor the 1 GB builder image. The host and
#      the images are the same Debian suite (bookworm), so the glibc matches.
#
# The final stage is FROM scratch and needs no base. The script is
# idempotent: an existing tag is kept (pass --force to remake it).
# A machine that can pull from a registry needs none of this.
set -euo pipefail
cd "$(dirname "$0")/.."

force=0
[ "${1:-}" = "--force" ] && force=1

# The tag, the Go version and the Debian suite all come from the Dockerfile,
# so that the two cannot disagree.
tag=$(sed -n 's/^FROM \(golang:[^ ]*\).*/\1/p' Dockerfile | head -1)
[ -n "$tag" ] || { echo "docker-bases: no 'FROM golang:…' line in Dockerfile" >&2; exit 1; }
goversion=${tag#golang:}; goversion=${goversion%%-*} # 1.26
suite=${tag##*-}                                     # bookworm

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

# mirror prints the Debian mirror apt uses (DEBIAN_MIRROR overrides it): the
# first URI of a source, one-line or deb822, whose path ends in /debian.
mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local m
  m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
    awk '/^deb /{for(i=2;i<=NF;i++) if($i ~ /^(https?|file):/){print $i; break}} /^URIs:/{for(i=2;i<=NF;i++) print $i}' |
    sed 's:/*$::' | grep -E '/debian$' | head -1 || true)
  echo "${m:-http://deb.debian.org/debian}"
}

# makeBuilder makes $tag from debootstrap's minimal root and /usr/local/go.
makeBuilder() {
  local have
  have=$(/usr/local/go/bin/go env GOVERSION 2>/dev/null || true) # go1.26.8
  case "$have" in
    "go$goversion" | "go$goversion".*) ;;
    *) echo "docker-bases: $tag needs Go $goversion at /usr/local/go; found '${have:-none}'" >&2; exit 1 ;;
  esac
  if ! command -v debootstrap >/dev/null; then
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq debootstrap >/dev/null
  fi
  local m
  root=$(mktemp -d /var/tmp/sagasu-builder.XXXXXX)
  trap '"${sudo[@]}" rm -rf "$root"' EXIT
  m=$(mirror)
  echo "docker-bases: debootstrap --variant=minbase $suite from $m"
  "${sudo[@]}" debootstrap --variant=minbase --include=ca-certificates,tzdata "$suite" "$root" "$m" >"$root.log" 2>&1 ||
    { tail -30 "$root.log" >&2; exit 1; }
  rm -f "$root.log"
  "${sudo[@]}" rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  "${sudo[@]}" cp -a /usr/local/go "$root/usr/local/go"
  "${sudo[@]}" install -d -m 1777 "$root/go"
  echo "docker-bases: importing $tag ($have)"
  "${sudo[@]}" tar --numeric-owner -C "$root" -c . | docker import \
    --change "ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV GOLANG_VERSION=${have#go}" \
    --change "ENV GOPATH=/go" \
    --change "ENV GOTOOLCHAIN=local" \
    --change "WORKDIR /go" \
    --change 'CMD ["bash"]' \
    -m "made by deploy/docker-bases.sh: debootstrap $suite + Go ${have#go}" \
    - "$tag" >/dev/null
}

# makeNATS makes the sagasu-nats image from this machine's nats-server
# and the libraries ldd lists for it. It runs as uid 65532 and stores
# JetStream's data under /data (a volume in compose.cluster.yaml).
makeNATS() {
  if ! command -v nats-server >/dev/null; then
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq nats-server >/dev/null
  fi
  local bin root lib
  bin=$(command -v nats-server)
  root=$(mktemp -d /var/tmp/sagasu-nats.XXXXXX)
  mkdir -p "$root/usr/sbin" "$root/data" "$root/tmp"
  chmod 1777 "$root/data" "$root/tmp"
  cp "$bin" "$root/usr/sbin/nats-server"
  for lib in $(ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'); do
    cp --parents -L "$lib" "$root"
  done
  echo "docker-bases: importing sagasu-nats ($("$bin" --version))"
  tar --numeric-owner -C "$root" -c . | docker import \
    --change 'USER 65532:65532' \
    --change 'EXPOSE 4222 6222 8222' \
    --change 'ENTRYPOINT ["/usr/sbin/nats-server"]' \
    -m "made by deploy/docker-bases.sh: Debian's nats-server and its glibc" \
    - sagasu-nats >/dev/null
  rm -rf "$root"
}

if [ "$force" = 0 ] && docker image inspect "$tag" >/dev/null 2>&1; then
  echo "docker-bases: $tag exists; kept"
else
  makeBuilder
fi
if [ "$force" = 0 ] && docker image inspect sagasu-nats >/dev/null 2>&1; then
  echo "docker-bases: sagasu-nats exists; kept"
else
  makeNATS
fi

echo "docker-bases: go mod vendor (the build then downloads nothing)"
go mod vendor
echo "docker-bases: ready for: docker build -t sagasu ."
