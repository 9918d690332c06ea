# Builds init from source and yields an image that holds only /init, for other images to copy from:
#
#   docker build -t init .
#   # in your own Dockerfile:
#   COPY --from=init /init /init
#   ENTRYPOINT ["/init", "--", "dotnet", "app.dll"]
#
# SDK_IMAGE is any image with the .NET SDK (9 or newer) able to publish NativeAOT; the toolchain NativeAOT
# links with (clang or gcc, zlib) is installed below when the image lacks it. The tests build this very file
# with a local stand-in for SDK_IMAGE (no registry is reachable there).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:9.0

FROM ${SDK_IMAGE} AS build
RUN if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then \
        apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /src
COPY Directory.Build.props ./
COPY src/Init/ src/Init/
RUN dotnet publish src/Init/Init.csproj -c Release -o /out -nologo

FROM scratch
COPY --from=build /out/init /init
ENTRYPOINT ["/init", "--"]
