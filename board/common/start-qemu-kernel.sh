#!/bin/bash
# Boot bzImage and rootfs.ext4 directly in qemu (no bootloader, no disk
# image): serial console on this terminal, the root file system as a virtio
# disk, virtio-net on restricted user networking (the guest reaches only
# qemu's built-in DHCP/DNS) or a host tap. For images built without GRUB,
# e.g. smartos_qemu_debug_defconfig. KVM only when a probe shows it works,
# else TCG.
# Usage: start-qemu-kernel.sh [OPTIONS] [IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=board/common/qemu-common.sh
. "$here/../common/qemu-common.sh" # smartos-inline: board/common/qemu-common.sh

usage() {
	echo "usage: $(basename "$0") [OPTIONS] [IMAGES_DIR] [-- EXTRA_QEMU_ARGS...]"
	echo "$QEMU_OPTIONS_USAGE"
}

qemu_parse_args "$@"
images_dir=${QEMU_OPERAND:-$here}
qemu_direct_kernel "$images_dir"
qemu_setup "$images_dir"

# The guest writes to its root file system: without --write, qemu -snapshot
# (qemu_setup) keeps those writes out of rootfs.ext4. The root disk comes
# before the data disks of QEMU_ARGS: it is /dev/vda.
exec "$QEMU" "${QEMU_KERNEL_ARGS[@]}" "${QEMU_ARGS[@]}" "${QEMU_EXTRA[@]}"
