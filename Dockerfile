# syntax=docker/dockerfile:1
# Build: docker build -t sagasu .
# Run:   docker run -p 8080:8080 -v sagasu-data:/data -e SAGASU_API_KEY=secret sagasu

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/sagasu ./cmd/sagasu \
 && mkdir -p /out/data

# distroless/static: no shell, no package manager, CA certificates and a
# "nonroot" user (uid 65532) only.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/sagasu /usr/local/bin/sagasu
COPY --from=build --chown=65532:65532 /out/data /data
USER nonroot:nonroot
VOLUME ["/data"]
EXPOSE 8080
ENV SAGASU_ADDR=0.0.0.0:8080 \
    SAGASU_DATA=/data
ENTRYPOINT ["/usr/local/bin/sagasu"]
CMD ["serve"]
