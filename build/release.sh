#!/usr/bin/env bash
# The release files, from this checkout, on an x86-64 (or arm64) Debian machine with the .NET SDK and the
# cross toolchain (gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross, or the x86-64
# ones on arm64):
#   dist/init-linux-amd64, dist/init-linux-arm64   the static init for each CPU
#   dist/SHA256SUMS                                 their checksums (sha256sum -c SHA256SUMS)
#   dist/init-VERSION-linux-ARCH.image.tar          one image per CPU, FROM scratch, holding only /init
# The images are written as `docker save` archives, made here rather than by `docker build`: the classic
# builder cannot build an image for another CPU, and FROM scratch needs no build at all. `docker load -i`
# takes them (as init:VERSION-ARCH); with a registry, `docker manifest create init:VERSION
# init:VERSION-amd64 init:VERSION-arm64` after pushing both makes the multi-arch name (or
# `docker buildx build --platform linux/amd64,linux/arm64 --push .` from the Dockerfile).
# Usage: build/release.sh [DIST]   (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath -m "${1:-dist}")
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
rm -rf "$dist" && mkdir -p "$dist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for arch in amd64 arm64; do
  rid=linux-$([ "$arch" = amd64 ] && echo x64 || echo arm64)
  dotnet publish src/Init -c Release -r "$rid" -o "$work/$arch" -nologo -p:InitCommit="$commit" >"$work/$arch.log" 2>&1 \
    || { tail -n 30 "$work/$arch.log"; echo "release: the $rid publish failed" >&2; exit 1; }
  cp "$work/$arch/init" "$dist/init-linux-$arch"
done
(cd "$dist" && sha256sum init-linux-amd64 init-linux-arm64 >SHA256SUMS)

# An image archive: one layer (a tar holding /init), its config (CPU, entry point) and a manifest.
for arch in amd64 arm64; do
  image=$work/image-$arch
  mkdir -p "$image/root" "$image/out"
  cp "$dist/init-linux-$arch" "$image/root/init"
  tar --numeric-owner --owner=0 --group=0 --mtime=@0 --sort=name -C "$image/root" -cf "$image/out/layer.tar" init
  layer=$(sha256sum "$image/out/layer.tar" | cut -d' ' -f1)
  mkdir -p "$image/out/$layer" && mv "$image/out/layer.tar" "$image/out/$layer/layer.tar"
  printf '{"architecture":"%s","os":"linux","config":{"Entrypoint":["/init","--"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created_by":"build/release.sh (init %s, commit %s)"}]}' \
    "$arch" "$layer" "$version" "$commit" >"$image/out/config.json"
  config=$(sha256sum "$image/out/config.json" | cut -d' ' -f1)
  mv "$image/out/config.json" "$image/out/$config.json"
  printf '[{"Config":"%s.json","RepoTags":["init:%s-%s"],"Layers":["%s/layer.tar"]}]' \
    "$config" "$version" "$arch" "$layer" >"$image/out/manifest.json"
  tar --numeric-owner --owner=0 --group=0 --mtime=@0 --sort=name -C "$image/out" -cf "$dist/init-$version-linux-$arch.image.tar" .
done
ls -l "$dist"
