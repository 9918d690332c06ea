#!/usr/bin/env bash
# Lets this x86-64 machine run aarch64 files as if they were its own (the kernel's binfmt_misc hands them to
# Debian's qemu-aarch64-static), so that the integration tests start the arm64 init exactly as they start
# the x86-64 one: as PID 1 under unshare, in a bare chroot, from Docker. "F" makes the kernel open the
# emulator now, so it works in a chroot that lacks it.   Usage: build/arm64-emulation.sh on|off
set -euo pipefail
name=qemu-aarch64
dir=/proc/sys/fs/binfmt_misc
case "${1:-}" in
  on)
    [ -e "$dir/register" ] || mount -t binfmt_misc binfmt_misc "$dir"
    [ -e "$dir/$name" ] && echo -1 >"$dir/$name"
    emulator=$(command -v qemu-aarch64-static) || { echo "qemu-aarch64-static not found (Debian: qemu-user-static)" >&2; exit 1; }
    magic='\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00'
    mask='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
    echo ":$name:M::$magic:$mask:$emulator:F" >"$dir/register"
    ;;
  off)
    [ -e "$dir/$name" ] && echo -1 >"$dir/$name"
    ;;
  *)
    echo "usage: $0 on|off" >&2; exit 2
    ;;
esac
