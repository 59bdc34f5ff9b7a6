# shellcheck shell=bash
# What the qemu run scripts (board/qemu-x86_64/start-qemu.sh,
# board/common/start-qemu-kernel.sh) share: the accelerator choice, the
# machine options, networking (restricted user networking or a host tap),
# and the extra data disks the build made.
#
# Sourced, not run. When the framework installs a run script as
# images/run.sh, support/scripts/install-run-script puts this file in place
# of the line that sources it (marked "smartos-inline:"), so run.sh works on
# its own wherever the images directory goes.
#
# After qemu_parse_args / qemu_setup, the array QEMU_ARGS holds the options
# common to every smart-os qemu guest.
#
# The guest writes to no image by default (qemu -snapshot: its writes go to
# a temporary file that qemu drops when it exits), so booting never changes
# what the build made: no host keys or shell history of one boot end up in
# an image that is then copied to other machines. --write is the explicit
# way to keep what the guest wrote.

# The board's machine: a run script may set these before it sources this
# file (the defaults are the PC of board/qemu-x86_64):
#   QEMU_SYSTEM         the emulator's name (qemu-system-<arch>)
#   QEMU_MACHINE        the array of machine options (-M, -cpu)
#   QEMU_UEFI_FIRMWARE  the UEFI firmware file for --uefi, QEMU_UEFI_FIRMWARE_ENV
#                       the environment variable that overrides it and
#                       QEMU_UEFI_FIRMWARE_PACKAGE the Debian package that has it
# QEMU names the emulator; without it, the one the build made
# (SMARTOS_PACKAGE_HOST_QEMU: host/bin beside the images directory) if there
# is one, else the build machine's.
QEMU_SYSTEM=${QEMU_SYSTEM:-qemu-system-x86_64}
if ! declare -p QEMU_MACHINE >/dev/null 2>&1; then QEMU_MACHINE=(-M pc); fi
QEMU_UEFI_FIRMWARE=${QEMU_UEFI_FIRMWARE:-/usr/share/ovmf/OVMF.fd}
QEMU_UEFI_FIRMWARE_ENV=${QEMU_UEFI_FIRMWARE_ENV:-SMARTOS_QEMU_OVMF}
QEMU_UEFI_FIRMWARE_PACKAGE=${QEMU_UEFI_FIRMWARE_PACKAGE:-ovmf}
QEMU_GIVEN=${QEMU:+yes}
QEMU=${QEMU:-$QEMU_SYSTEM}
QEMU_TAP=
QEMU_MAC=
QEMU_SNAPSHOT=yes
QEMU_DATA_DISKS=yes
QEMU_HOSTFWD=yes
QEMU_FIRMWARE=
QEMU_ARGS=()

# The options both run scripts take (their usage texts include this one).
# shellcheck disable=SC2034 # used by the scripts that source this file
QEMU_OPTIONS_USAGE='  --tap IFNAME      network on the host tap device IFNAME (made e.g. by
                    board/qemu-x86_64/netbridge.sh) instead of qemu user networking
  --mac MAC         MAC address of the guest NIC (default with --tap: derived
                    from IFNAME, so that guests on one bridge differ)
  --write           let the guest write to the disk images themselves (the
                    boot disk and the data disks); by default it writes to
                    a temporary overlay that qemu drops on exit (-snapshot)
  --snapshot        write nothing to the disk images (the default)
  --no-data-disks   do not attach the extra data disks (data-disks.txt)
  --no-hostfwd      do not forward the host ports of hostfwd.txt
  --uefi, --bios    boot with UEFI firmware ('"$QEMU_UEFI_FIRMWARE_ENV"' names its
                    file, default '"$QEMU_UEFI_FIRMWARE"') or with SeaBIOS
  SMARTOS_QEMU_ACCEL=kvm|tcg skips the KVM probe; QEMU=PROGRAM names the emulator
  (default: the one the build made, host/bin beside the images directory, if any).'

# qemu_parse_option ARG [NEXT]: if ARG is one of the shared options, record it
# and set QEMU_SHIFT to the number of words it took; else return 1.
# shellcheck disable=SC2034 # QEMU_SHIFT is read by the caller
qemu_parse_option() {
	QEMU_SHIFT=1
	case "$1" in
	--tap | --mac)
		if [ "$#" -lt 2 ] || [ -z "$2" ]; then
			echo "$(basename "$0"): option $1 needs a value" >&2
			exit 2
		fi
		QEMU_SHIFT=2
		if [ "$1" = --tap ]; then QEMU_TAP=$2; else QEMU_MAC=$2; fi
		;;
	--snapshot) QEMU_SNAPSHOT=yes ;;
	--write) QEMU_SNAPSHOT=no ;;
	--no-data-disks) QEMU_DATA_DISKS=no ;;
	--no-hostfwd) QEMU_HOSTFWD=no ;;
	--uefi) QEMU_FIRMWARE=uefi ;;
	--bios) QEMU_FIRMWARE=bios ;;
	*) return 1 ;;
	esac
}

# shellcheck disable=SC2034 # QEMU_OPERAND and QEMU_EXTRA are read by the caller
# qemu_parse_args "$@": the command line of a run script: the shared options,
# at most one operand (QEMU_OPERAND, empty without one), and after "--" the
# extra qemu arguments (the array QEMU_EXTRA). The script defines usage(),
# and may define script_parse_option (like qemu_parse_option) for options
# of its own.
qemu_parse_args() {
	QEMU_OPERAND=
	QEMU_EXTRA=()
	while [ "$#" -gt 0 ]; do
		case "$1" in
		--)
			shift
			QEMU_EXTRA=("$@")
			return 0
			;;
		-h | --help)
			usage
			exit 0
			;;
		-*)
			if ! qemu_parse_option "$@" &&
				! { declare -F script_parse_option >/dev/null && script_parse_option "$@"; }; then
				usage >&2
				exit 2
			fi
			shift "$QEMU_SHIFT"
			;;
		*)
			if [ -n "$QEMU_OPERAND" ]; then
				usage >&2
				exit 2
			fi
			QEMU_OPERAND=$1
			shift
			;;
		esac
	done
}

# shellcheck disable=SC2034 # QEMU_KERNEL_ARGS is read by the caller
# qemu_direct_kernel IMAGES_DIR [KERNEL_ARGS...]: fill QEMU_KERNEL_ARGS for
# a boot without firmware boot loader: qemu loads IMAGES_DIR/bzImage itself
# and the root file system is IMAGES_DIR/rootfs.ext4 on the first virtio
# disk (/dev/vda). KERNEL_ARGS go to the kernel's command line after the
# root and console arguments.
qemu_direct_kernel() {
	local images_dir=$1 f
	shift
	for f in bzImage rootfs.ext4; do
		if [ ! -f "$images_dir/$f" ]; then
			echo "$(basename "$0"): $images_dir/$f not found (run make first)" >&2
			exit 1
		fi
	done
	QEMU_KERNEL_ARGS=(-kernel "$images_dir/bzImage"
		-append "root=/dev/vda rootwait ro console=ttyS0,115200${*:+ $*}"
		-drive "file=$images_dir/rootfs.ext4,if=virtio,format=raw" -no-reboot)
}

# KVM can be present and still hang (nested virtualisation): boot a
# one-sector guest that writes to qemu's isa-debug-exit port, which makes
# qemu exit with status 3, and see whether that happens in time.
# The probe is PC code: for another machine (or another architecture than
# the build machine's) it says no, and the guest runs under TCG.
qemu_probe_kvm() {
	[ -w /dev/kvm ] || return 1
	[ "${QEMU_MACHINE[*]}" = "-M pc" ] || return 1
	local sector rc=0
	sector=$(mktemp)
	# mov al,1; out 0xf4,al; hlt; jmp back to hlt; zeros; boot signature
	{ printf '\xb0\x01\xe6\xf4\xf4\xeb\xfd'; head -c 503 /dev/zero; printf '\x55\xaa'; } >"$sector"
	timeout 5 "$QEMU" -accel kvm -M pc -display none -nodefaults \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-drive file="$sector",format=raw,if=floppy >/dev/null 2>&1 || rc=$?
	rm -f "$sector"
	[ "$rc" -eq 3 ]
}

# qemu_mac_for NAME: a locally administered MAC (qemu's 52:54:00 prefix) made
# from NAME, the same for the same name. netbridge.sh uses it too, to give
# each tap's guest a fixed DHCP lease.
qemu_mac_for() {
	local sum
	sum=$(printf '%s' "$1" | cksum | cut -d' ' -f1)
	printf '52:54:00:%02x:%02x:%02x\n' $(((sum >> 16) & 255)) $(((sum >> 8) & 255)) $((sum & 255))
}

# qemu_setup IMAGES_DIR: fill QEMU_ARGS (machine, accelerator, console,
# network, data disks) from the parsed options.
qemu_setup() {
	local images_dir=$1 accel=${SMARTOS_QEMU_ACCEL:-} mac netdev
	if [ -z "$QEMU_GIVEN" ] && [ -x "$images_dir/../host/bin/$QEMU" ]; then
		QEMU=$(cd "$images_dir/../host/bin" && pwd)/$QEMU
	fi
	if [ -z "$accel" ]; then
		if qemu_probe_kvm; then accel=kvm; else accel=tcg; fi
	fi
	QEMU_ARGS=("${QEMU_MACHINE[@]}" -accel "$accel" -m 256M -smp 1 -nographic)
	if [ "$QEMU_FIRMWARE" = uefi ]; then
		local firmware=${!QEMU_UEFI_FIRMWARE_ENV:-$QEMU_UEFI_FIRMWARE}
		if [ ! -f "$firmware" ]; then
			echo "$(basename "$0"): UEFI firmware $firmware not found (Debian package $QEMU_UEFI_FIRMWARE_PACKAGE, or set $QEMU_UEFI_FIRMWARE_ENV)" >&2
			exit 1
		fi
		QEMU_ARGS+=(-bios "$firmware")
	fi

	if [ -n "$QEMU_TAP" ]; then
		if [ ! -e "/sys/class/net/$QEMU_TAP" ]; then
			echo "$(basename "$0"): no network device $QEMU_TAP here (make it with netbridge.sh up)" >&2
			exit 1
		fi
		netdev="tap,id=net0,ifname=$QEMU_TAP,script=no,downscript=no"
		mac=${QEMU_MAC:-$(qemu_mac_for "$QEMU_TAP")}
	else
		# Restricted: the guest reaches only qemu's own DHCP and DNS.
		netdev="user,id=net0,restrict=on"
		mac=$QEMU_MAC
		# hostfwd.txt (written by the build from SMARTOS_RUN_HOSTFWD):
		# "PROTO HOSTPORT GUESTPORT" lines, forwarded from the host's
		# loopback address only.
		local fwd="$images_dir/hostfwd.txt" proto hport gport
		if [ "$QEMU_HOSTFWD" = yes ] && [ -f "$fwd" ]; then
			while read -r proto hport gport; do
				[ -n "$proto" ] || continue
				netdev+=",hostfwd=$proto:127.0.0.1:$hport-:$gport"
				echo "$(basename "$0"): forwarding $proto 127.0.0.1:$hport to the guest's port $gport" >&2
			done <"$fwd"
		fi
	fi
	# romfile=: no iPXE option ROM. The guest never boots from the network,
	# and SeaBIOS runs the ROM's set-up at every boot (docs/boot-media.md).
	QEMU_ARGS+=(-netdev "$netdev" -device "virtio-net-pci,netdev=net0,romfile=${mac:+,mac=$mac}")

	[ "$QEMU_SNAPSHOT" = no ] || QEMU_ARGS+=(-snapshot)

	# data-disks.txt (written by the build) names one image per line, in
	# the order of SMARTOS_TARGET_ROOTFS_DATA_DISKS; the guest's fstab
	# mounts them by label, so the order is only cosmetic.
	local list="$images_dir/data-disks.txt" file
	if [ "$QEMU_DATA_DISKS" = yes ] && [ -f "$list" ]; then
		while IFS= read -r file; do
			[ -n "$file" ] || continue
			if [ ! -f "$images_dir/$file" ]; then
				echo "$(basename "$0"): data disk $images_dir/$file (listed in $list) not found" >&2
				exit 1
			fi
			QEMU_ARGS+=(-drive "file=$images_dir/$file,if=virtio,format=raw")
		done <"$list"
	fi
}
