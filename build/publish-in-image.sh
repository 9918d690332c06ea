#!/bin/sh
# The Dockerfile's build step: publishes init for the image's target CPU (docker's TARGETARCH: amd64 or
# arm64) with whatever CPU the build runs on, installing the C toolchain NativeAOT links with when the SDK
# image lacks it (init is one static file: glibc's static libc.a; for another CPU, Debian's cross gcc).
# Usage: build/publish-in-image.sh TARGETARCH OUTDIR [COMMIT]
set -eu
arch=$1 out=$2 commit=${3:-}
case "$arch" in
  amd64) rid=linux-x64 gnu=x86_64 debian=amd64 ;;
  arm64) rid=linux-arm64 gnu=aarch64 debian=arm64 ;;
  *) echo "init is built for amd64 and arm64, not for '$arch'" >&2; exit 2 ;;
esac
if [ "$(uname -m)" = "$gnu" ]; then
  { command -v clang || command -v gcc; } >/dev/null && ls /usr/lib/$gnu-linux-gnu/libc.a >/dev/null 2>&1 \
    || packages="clang libc6-dev"
else
  command -v $gnu-linux-gnu-gcc >/dev/null \
    || packages="gcc-$(echo $gnu | tr _ -)-linux-gnu binutils-$(echo $gnu | tr _ -)-linux-gnu libc6-dev-$debian-cross"
fi
if [ -n "${packages:-}" ]; then
  apt-get update && apt-get install -y --no-install-recommends $packages && rm -rf /var/lib/apt/lists/*
fi
dotnet publish src/Init/Init.csproj -c Release -r "$rid" -o "$out" -nologo ${commit:+-p:InitCommit=$commit}
