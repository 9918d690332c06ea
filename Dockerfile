# Builds init from source and yields an image that holds only /init, for other images to copy from:
#
#   docker build -t init .
#   # in your own Dockerfile:
#   COPY --from=init /init /init
#   ENTRYPOINT ["/init", "--", "dotnet", "app.dll"]
#
# SDK_IMAGE is any image with the .NET SDK 10 able to publish NativeAOT; the toolchain NativeAOT links with
# (clang or gcc and glibc's static libc.a, or Debian's cross gcc for the other CPU) is installed by
# build/publish-in-image.sh when the image lacks it. The build runs on the builder's own CPU (BUILDPLATFORM)
# and compiles for the image's (TARGETARCH, amd64 or arm64: docker buildx build --platform linux/arm64), so
# no emulator is involved. The tests build this very file with a local stand-in for SDK_IMAGE (no registry
# is reachable there). INIT_COMMIT names the commit for init's version line (.git is not copied in).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0

FROM --platform=${BUILDPLATFORM:-linux/amd64} ${SDK_IMAGE} AS build
WORKDIR /src
COPY Directory.Build.props ./
COPY src/Init/ src/Init/
COPY build/publish-in-image.sh build/
ARG TARGETARCH=amd64
ARG INIT_COMMIT=
RUN sh build/publish-in-image.sh "$TARGETARCH" /out "$INIT_COMMIT"

FROM scratch
COPY --from=build /out/init /init
ENTRYPOINT ["/init", "--"]
