#!/bin/bash
# Boot a qemu-x86_64 image: the disk image (disk.img) on virtio-blk, or the
# ISO (rootfs.iso) as a CD or as a USB stick; with SeaBIOS or, with --uefi,
# OVMF (default: SeaBIOS, unless the medium has no BIOS boot code, like a
# UEFI-only disk). Or, with --kernel, without boot loader: qemu loads
# bzImage itself and the root file system is rootfs.ext4 (the fastest
# boot). Serial console on this terminal, the extra data disks on
# virtio-blk, a virtio-net NIC on restricted user networking (the guest
# reaches only qemu's built-in DHCP/DNS, nothing outside) or on a host tap
# device. KVM only when a probe shows it works, otherwise TCG.
# Usage: start-qemu.sh [OPTIONS] [IMAGE|IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]
#   Without IMAGE|IMAGES_DIR: the images next to this script ("make run"
#   passes the images directory); there disk.img, else rootfs.iso. Data
#   disks are looked up next to the image.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=board/common/qemu-common.sh
. "$here/../common/qemu-common.sh" # smartos-inline: board/common/qemu-common.sh

usage() {
	echo "usage: $(basename "$0") [OPTIONS] [IMAGE|IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]"
	echo "  --cdrom           boot the ISO (rootfs.iso) from a CD drive"
	echo "  --usb             boot the ISO (or IMAGE) as a USB stick"
	echo "  --kernel          boot bzImage directly (qemu's own loader, no GRUB) with"
	echo "                    rootfs.ext4 as the root file system; IMAGES_DIR only"
	echo "$QEMU_OPTIONS_USAGE"
}

medium=
# shellcheck disable=SC2034 # QEMU_SHIFT is read by qemu_parse_args
script_parse_option() {
	QEMU_SHIFT=1
	case "$1" in
	--cdrom) medium=cdrom ;;
	--usb) medium=usb ;;
	--kernel) medium=kernel ;;
	*) return 1 ;;
	esac
}

qemu_parse_args "$@"
image=${QEMU_OPERAND:-$here}
if [ "$medium" = kernel ]; then
	if [ ! -d "$image" ]; then
		echo "$(basename "$0"): --kernel boots an images directory, not $image" >&2
		exit 2
	fi
	images_dir=$image
	# The arguments of GRUB's menu entry (board/qemu-x86_64/grub.cfg).
	qemu_direct_kernel "$images_dir" pci=noacpi quiet
else
	if [ -d "$image" ]; then
		if [ -z "$medium" ] && [ -f "$image/disk.img" ]; then
			image=$image/disk.img
		else
			image=$image/rootfs.iso
		fi
	fi
	if [ ! -f "$image" ]; then
		echo "$(basename "$0"): image $image not found (run make first)" >&2
		exit 1
	fi
	case "$medium:$image" in
	:*.iso) medium=cdrom ;;
	:*) medium=disk ;;
	esac
	images_dir=$(dirname "$image")
	# Without boot code in the MBR's first 440 bytes only UEFI can boot it.
	if [ -z "$QEMU_FIRMWARE" ]; then
		if cmp -s -n 440 "$image" /dev/zero; then QEMU_FIRMWARE=uefi; else QEMU_FIRMWARE=bios; fi
	fi
fi

qemu_setup "$images_dir"
case "$medium" in
# The boot disk (or, for --kernel, the root disk) comes first: it is /dev/vda.
kernel) boot=("${QEMU_KERNEL_ARGS[@]}") ;;
disk) boot=(-drive "file=$image,if=virtio,format=raw") ;;
cdrom) boot=(-drive "file=$image,media=cdrom,if=ide,readonly=on") ;;
usb) boot=(-device qemu-xhci -drive "if=none,id=stick,file=$image,format=raw,readonly=on"
	-device "usb-storage,drive=stick,bootindex=0") ;;
esac
exec "$QEMU" "${boot[@]}" "${QEMU_ARGS[@]}" "${QEMU_EXTRA[@]}"
