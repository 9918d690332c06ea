#!/usr/bin/env bash
# Makes a local stand-in for the official .NET SDK image out of this machine's own userland (Debian 12 with
# the .NET SDK, gcc and the NuGet packages the build restored), so the top-level Dockerfile can be built
# where no image registry is reachable. Usage: docker/local-sdk-image.sh [TAG]
set -euo pipefail
tag=${1:-init-test/sdk:local}
extra=$(mktemp -d)
trap 'rm -rf "$extra"' EXIT
mkdir -m 1777 "$extra/tmp"

# Debian 12 merges /usr: /bin, /lib, /lib64 and /sbin are links into it. What the SDK needs lives in /usr
# (the SDK in /usr/share/dotnet, gcc and binutils for NativeAOT's link, zlib), /etc and the NuGet cache.
tar -C / -cf - \
    --exclude=usr/lib/jvm --exclude=usr/lib/llvm-14 --exclude=usr/share/doc --exclude=usr/share/man \
    --exclude=usr/share/locale --exclude=usr/local --exclude=usr/lib/x86_64-linux-gnu/dri \
    usr bin lib lib64 sbin etc root/.nuget/packages \
    -C "$extra" tmp \
  | docker import \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      -c 'ENV HOME=/root' \
      -c 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' -c 'ENV DOTNET_NOLOGO=1' \
      -c 'ENV DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1' \
      - "$tag" >/dev/null
echo "$tag"
