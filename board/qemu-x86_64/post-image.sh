#!/bin/bash
# Post-image step of the qemu-x86_64 board: assemble disk.img from
# rootfs.ext4 and GRUB's boot.img/core.img with genimage. (The framework
# copies the run script, start-qemu.sh, to the images dir as run.sh.)
# Usage: post-image.sh BINARIES_DIR
set -eu -o pipefail

if [ "$#" -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 BINARIES_DIR" >&2
	exit 2
fi
binaries_dir=$(cd "$1" && pwd)
board_dir=$(cd "$(dirname "$0")" && pwd)

for f in rootfs.ext4 grub-boot.img grub-core.img; do
	if [ ! -f "$binaries_dir/$f" ]; then
		echo "post-image.sh: $binaries_dir/$f is missing (needed by $board_dir/genimage.cfg)" >&2
		exit 1
	fi
done

work=$(mktemp -d "$binaries_dir/.genimage.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/root"

# genimage leaves partial output behind on error: build into the work dir
# and move the finished image into place.
genimage \
	--config "$board_dir/genimage.cfg" \
	--rootpath "$work/root" \
	--tmppath "$work/tmp" \
	--inputpath "$binaries_dir" \
	--outputpath "$work"
mv -f "$work/disk.img" "$binaries_dir/disk.img"
