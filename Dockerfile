# Builds init from source and yields an image that holds only /init, for other images to copy from:
#
#   docker build -t init .
#   # in your own Dockerfile:
#   COPY --from=init /init /init
#   ENTRYPOINT ["/init", "--", "dotnet", "app.dll"]
#
# SDK_IMAGE is any image with the .NET SDK (9 or newer) able to publish NativeAOT; the toolchain NativeAOT
# links with (clang or gcc, and glibc's static libc.a: init is one static file) is installed below when the
# image lacks it. The tests build this very file with a local stand-in for SDK_IMAGE (no registry is
# reachable there). TARGETARCH (set by docker buildx) picks linux-x64 or linux-arm64.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:9.0

FROM ${SDK_IMAGE} AS build
RUN if ! { command -v clang || command -v gcc; } >/dev/null || ! ls /usr/lib/*-linux-gnu/libc.a >/dev/null 2>&1; then \
        apt-get update && apt-get install -y --no-install-recommends clang libc6-dev zlib1g-dev && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /src
COPY Directory.Build.props ./
COPY src/Init/ src/Init/
ARG TARGETARCH=amd64
RUN dotnet publish src/Init/Init.csproj -c Release -o /out -nologo -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)

FROM scratch
COPY --from=build /out/init /init
ENTRYPOINT ["/init", "--"]
