#!/bin/bash
# Boot a qemu-aarch64-virt image: qemu's "virt" machine with a Cortex-A57
# (ARMv8-A) and a GICv3, the UEFI firmware of Debian's qemu-efi-aarch64
# (AAVMF/edk2), disk.img on virtio-blk, the PL011 serial console on this
# terminal, the extra data disks on virtio-blk, a virtio-net NIC on
# restricted user networking or on a host tap device. Always TCG on a build
# machine of another architecture.
# Usage: start-qemu.sh [OPTIONS] [IMAGE|IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]
#   Without IMAGE|IMAGES_DIR: the images next to this script ("make run"
#   passes the images directory), there disk.img. Data disks are looked up
#   next to the image.
set -eu -o pipefail

QEMU_SYSTEM=qemu-system-aarch64
# No ACPI tables: the firmware then hands the kernel qemu's device tree (the
# board's kernel describes its hardware by device tree only).
QEMU_MACHINE=(-M virt,gic-version=3,acpi=off -cpu cortex-a57)
QEMU_UEFI_FIRMWARE=/usr/share/qemu-efi-aarch64/QEMU_EFI.fd
QEMU_UEFI_FIRMWARE_ENV=SMARTOS_QEMU_AAVMF
QEMU_UEFI_FIRMWARE_PACKAGE=qemu-efi-aarch64

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=board/common/qemu-common.sh
. "$here/../common/qemu-common.sh" # smartos-inline: board/common/qemu-common.sh

usage() {
	echo "usage: $(basename "$0") [OPTIONS] [IMAGE|IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]"
	echo "$QEMU_OPTIONS_USAGE"
	echo "  (the virt machine has UEFI firmware only: --bios is refused)"
}

qemu_parse_args "$@"
if [ "$QEMU_FIRMWARE" = bios ]; then
	echo "$(basename "$0"): the virt machine boots with UEFI firmware only (no --bios)" >&2
	exit 2
fi
QEMU_FIRMWARE=uefi
image=${QEMU_OPERAND:-$here}
[ ! -d "$image" ] || image=$image/disk.img
if [ ! -f "$image" ]; then
	echo "$(basename "$0"): image $image not found (run make first)" >&2
	exit 1
fi

qemu_setup "$(dirname "$image")"
# The boot disk comes first: it is /dev/vda.
exec "$QEMU" -drive "file=$image,if=virtio,format=raw" "${QEMU_ARGS[@]}" "${QEMU_EXTRA[@]}"
