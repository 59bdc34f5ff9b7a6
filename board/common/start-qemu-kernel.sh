#!/bin/bash
# Boot bzImage and rootfs.ext4 directly in qemu (no bootloader, no disk
# image): serial console on this terminal, the root file system as a virtio
# disk, virtio-net with restricted user networking (the guest reaches only
# qemu's built-in DHCP/DNS). For images built without GRUB, e.g.
# smartos_qemu_debug_defconfig. KVM only when a probe shows it works, else TCG.
# Usage: start-qemu-kernel.sh [IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]
#   SMARTOS_QEMU_ACCEL=kvm|tcg skips the probe.
set -eu -o pipefail

images_dir=$(cd "$(dirname "$0")" && pwd)
if [ "$#" -gt 0 ] && [ "$1" != "--" ]; then
	images_dir=$1
	shift
fi
if [ "$#" -gt 0 ] && [ "$1" = "--" ]; then
	shift
fi
for f in bzImage rootfs.ext4; do
	if [ ! -f "$images_dir/$f" ]; then
		echo "start-qemu-kernel.sh: $images_dir/$f not found (run make first)" >&2
		exit 1
	fi
done

qemu=${QEMU:-qemu-system-x86_64}

# KVM can be present and still hang (nested virtualisation): a one-sector
# guest writes to qemu's isa-debug-exit port (qemu exits with status 3).
probe_kvm() {
	[ -w /dev/kvm ] || return 1
	local sector rc=0
	sector=$(mktemp)
	{ printf '\xb0\x01\xe6\xf4\xf4\xeb\xfd'; head -c 503 /dev/zero; printf '\x55\xaa'; } >"$sector"
	timeout 5 "$qemu" -accel kvm -M pc -display none -nodefaults \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-drive file="$sector",format=raw,if=floppy >/dev/null 2>&1 || rc=$?
	rm -f "$sector"
	[ "$rc" -eq 3 ]
}

accel=${SMARTOS_QEMU_ACCEL:-}
if [ -z "$accel" ]; then
	if probe_kvm; then accel=kvm; else accel=tcg; fi
fi

# The guest writes to its root file system: boot a copy, keep the image.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp --sparse=always "$images_dir/rootfs.ext4" "$work/rootfs.ext4"

"$qemu" \
	-M pc -accel "$accel" -m 256M -smp 1 \
	-nographic \
	-kernel "$images_dir/bzImage" \
	-append "root=/dev/vda rootwait ro console=ttyS0,115200" \
	-drive file="$work/rootfs.ext4",if=virtio,format=raw \
	-netdev user,id=net0,restrict=on \
	-device virtio-net-pci,netdev=net0 \
	-no-reboot \
	"$@"
