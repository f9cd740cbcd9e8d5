# Sagasu's image: a static binary on an empty (scratch) root.
#
#   docker build -t sagasu .
#   docker run -d -p 127.0.0.1:8080:8080 -v sagasu-data:/data -e SAGASU_API_KEY=secret sagasu
#
# With a registry, the build pulls golang:1.26-bookworm and downloads the Go
# modules. Without one, run deploy/docker-bases.sh first: it makes that tag
# from the machine's Go and a debootstrap root, and vendors the modules, so
# the build reaches no network. Both paths use this file unchanged, and the
# legacy builder is enough (no BuildKit-only syntax, no frontend to pull).

FROM golang:1.26-bookworm AS build
WORKDIR /src
# modules.txt is copied only when vendor/ exists (a wildcard may match
# nothing here): it decides between vendor/ and a module download, and this
# layer is cached until the dependencies change.
COPY go.mod go.sum vendor/modules.tx[t] ./
RUN if [ -f modules.txt ]; then echo "building from vendor/: no module download"; \
    else go mod download && go mod verify; fi
COPY . .
ARG VERSION=dev
# The final stage has no shell and no libc, so its whole root is made here:
# the static binary, CA certificates, time zone data, a passwd file naming
# the non-root user, a world-writable /tmp (a tmpfs under --read-only), and
# an empty /data for the volume.
RUN set -eu; \
    if [ -f vendor/modules.txt ]; then export GOFLAGS=-mod=vendor GOPROXY=off; fi; \
    r=/out/root; \
    mkdir -p $r/usr/local/bin $r/etc/ssl/certs $r/usr/share $r/tmp /out/data; \
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o $r/usr/local/bin/sagasu ./cmd/sagasu; \
    $r/usr/local/bin/sagasu version; \
    cp /etc/ssl/certs/ca-certificates.crt $r/etc/ssl/certs/; \
    cp -a /usr/share/zoneinfo $r/usr/share/; \
    test -f $r/usr/share/zoneinfo/Asia/Tokyo; \
    echo 'sagasu:x:65532:65532:sagasu:/data:/sbin/nologin' >$r/etc/passwd; \
    echo 'sagasu:x:65532:' >$r/etc/group; \
    chmod 1777 $r/tmp

FROM scratch
COPY --from=build /out/root/ /
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
VOLUME ["/data"]
EXPOSE 8080
# In-flight requests get 8 s at shutdown: within docker stop's 10 s grace.
ENV SAGASU_ADDR=0.0.0.0:8080 \
    SAGASU_DATA=/data \
    SAGASU_SHUTDOWN_TIMEOUT=8s
# Exec form throughout: there is no shell, and sagasu is PID 1, so SIGTERM
# from docker stop reaches it (it drains requests and closes the index).
# The health check asks /readyz on 127.0.0.1 at SAGASU_ADDR's port.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
    CMD ["/usr/local/bin/sagasu", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/sagasu"]
CMD ["serve"]
