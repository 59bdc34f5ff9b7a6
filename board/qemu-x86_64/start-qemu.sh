#!/bin/bash
# Boot the qemu-x86_64 disk image: serial console on this terminal, virtio
# disk and virtio-net with restricted user networking (the guest reaches
# only qemu's built-in DHCP/DNS, nothing outside). KVM is used only when a
# probe shows it works; otherwise TCG.
# Usage: start-qemu.sh [DISK_IMAGE|IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]
#   Without an argument: disk.img next to this script ("make run" passes
#   the images directory).
#   SMARTOS_QEMU_ACCEL=kvm|tcg skips the probe.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
disk="$here/disk.img"
if [ "$#" -gt 0 ] && [ "$1" != "--" ]; then
	disk=$1
	shift
	if [ -d "$disk" ]; then
		disk=$disk/disk.img
	fi
fi
if [ "$#" -gt 0 ] && [ "$1" = "--" ]; then
	shift
fi
if [ ! -f "$disk" ]; then
	echo "start-qemu.sh: disk image $disk not found (run make first)" >&2
	exit 1
fi

qemu=${QEMU:-qemu-system-x86_64}

# KVM can be present and still hang (nested virtualisation): boot a
# one-sector guest that writes to qemu's isa-debug-exit port, which makes
# qemu exit with status 3, and see whether that happens in time.
probe_kvm() {
	[ -w /dev/kvm ] || return 1
	local sector rc=0
	sector=$(mktemp)
	# mov al,1; out 0xf4,al; hlt; jmp back to hlt; zeros; boot signature
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

exec "$qemu" \
	-M pc -accel "$accel" -m 256M -smp 1 \
	-nographic \
	-drive file="$disk",if=virtio,format=raw \
	-netdev user,id=net0,restrict=on \
	-device virtio-net-pci,netdev=net0 \
	"$@"
