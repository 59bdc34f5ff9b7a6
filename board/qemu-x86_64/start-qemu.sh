#!/bin/bash
# Boot the qemu-x86_64 disk image: serial console on this terminal, the disk
# and the extra data disks on virtio-blk, a virtio-net NIC on restricted
# user networking (the guest reaches only qemu's built-in DHCP/DNS, nothing
# outside) or on a host tap device. KVM only when a probe shows it works,
# otherwise TCG.
# Usage: start-qemu.sh [OPTIONS] [DISK_IMAGE|IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]
#   Without DISK_IMAGE|IMAGES_DIR: disk.img next to this script ("make run"
#   passes the images directory). Data disks are looked up next to the disk.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=board/common/qemu-common.sh
. "$here/../common/qemu-common.sh" # smartos-inline: board/common/qemu-common.sh

usage() {
	echo "usage: $(basename "$0") [OPTIONS] [DISK_IMAGE|IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]"
	echo "$QEMU_OPTIONS_USAGE"
}

qemu_parse_args "$@"
disk=${QEMU_OPERAND:-$here}
if [ -d "$disk" ]; then
	disk=$disk/disk.img
fi
if [ ! -f "$disk" ]; then
	echo "$(basename "$0"): disk image $disk not found (run make first)" >&2
	exit 1
fi

qemu_setup "$(dirname "$disk")"
# The boot disk comes first: it is /dev/vda, grub.cfg says root=/dev/vda1.
exec "$QEMU" \
	-drive file="$disk",if=virtio,format=raw \
	"${QEMU_ARGS[@]}" \
	"${QEMU_EXTRA[@]}"
