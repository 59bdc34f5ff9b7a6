################################################################################
# arch.mk: everything that depends on the target architecture, derived from
# the "Target architecture" choice (arch/Kconfig, SMARTOS_ARCH). Packages,
# toolchains, the kernel, the bootloader, the image types and the scripts use
# these variables and spell no architecture themselves.
#
# Included by the top-level Makefile once the configuration is read. One
# block per architecture; a new architecture adds its block here and its
# entries in arch/Kconfig (docs/adding-architectures.md). The values arch/Kconfig
# holds (for the configuration's own defaults and dependencies) are read at
# the end, under the same ARCH_ prefix.
#
#   ARCH                     SMARTOS_ARCH: the GNU name of the CPU (x86_64, aarch64)
#   GNU_TARGET_NAME          our tuple, the internal toolchain's: <arch>-smartos-linux-gnu
#   ARCH_DEBIAN_TUPLE        Debian's tuple (x86_64-linux-gnu): its gcc's prefix,
#                            its cross C library in /usr/<tuple>
#   ARCH_DEBIAN_NAME         Debian's architecture name (amd64): its cross
#                            packages are called <package>-<name>-cross
#   ARCH_OCI_NAME            the architecture in a container image's configuration
#   KERNEL_ARCH              the kernel's ARCH= (x86)
#   KERNEL_DEFCONFIG         the kernel's own default configuration target
#   KERNEL_IMAGE             the kernel image: its make target and file name
#                            (bzImage), installed as /boot/<name> and images/<name>
#   KERNEL_IMAGE_PATH        where the kernel's build puts it, in its tree
#   ARCH_ELF_MACHINE         the ELF machine as "readelf -h" names it: every
#                            ELF file of the target has it (support/scripts/check-elf)
#   ARCH_DYNAMIC_LOADER      glibc's program interpreter, as the ABI fixes it
#   ARCH_QEMU_TARGET         qemu's name of the architecture (its <name>-softmmu
#                            and <name>-linux-user targets, qemu-<name>)
#   ARCH_QEMU_SYSTEM         the system emulator, qemu-system-<target>
#   ARCH_QEMU_MACHINE        the qemu machine the qemu boards use (-M)
#   ARCH_QEMU_FIRMWARE_FILES firmware files that machine loads at start (a
#                            virtio NIC included), from the build machine's Debian packages
#   ARCH_TARGET_CFLAGS       compiler flags every target compilation gets
#                            (the toolchain wrapper adds them)
#   ARCH_GRUB_BIOS_PLATFORM, ARCH_GRUB_EFI_PLATFORM
#                            GRUB's platforms (empty: no such firmware)
#   ARCH_EFI_BOOT_FILE       UEFI's removable-media boot file (\EFI\BOOT\<file>)
################################################################################

ARCH = $(call qstrip,$(SMARTOS_ARCH))
GNU_TARGET_NAME = $(ARCH)-smartos-linux-gnu

ifeq ($(ARCH),x86_64)
ARCH_DEBIAN_NAME = amd64
ARCH_OCI_NAME = amd64
KERNEL_ARCH = x86
KERNEL_DEFCONFIG = x86_64_defconfig
KERNEL_IMAGE = bzImage
ARCH_ELF_MACHINE = Advanced Micro Devices X86-64
ARCH_DYNAMIC_LOADER = /lib64/ld-linux-x86-64.so.2
ARCH_QEMU_TARGET = x86_64
ARCH_QEMU_MACHINE = pc
ARCH_QEMU_FIRMWARE_FILES = /usr/share/seabios/bios-256k.bin \
	/usr/share/seabios/vgabios-stdvga.bin /usr/lib/ipxe/qemu/efi-virtio.rom
ARCH_TARGET_CFLAGS =

else ifeq ($(ARCH),aarch64)
ARCH_DEBIAN_NAME = arm64
ARCH_OCI_NAME = arm64
KERNEL_ARCH = arm64
KERNEL_DEFCONFIG = defconfig
KERNEL_IMAGE = Image
ARCH_ELF_MACHINE = AArch64
ARCH_DYNAMIC_LOADER = /lib/ld-linux-aarch64.so.1
ARCH_QEMU_TARGET = aarch64
ARCH_QEMU_MACHINE = virt
ARCH_QEMU_FIRMWARE_FILES = /usr/lib/ipxe/qemu/efi-virtio.rom
# The ARMv8-A baseline (Debian's cross gcc defaults to it too): no later
# extension is assumed, whichever compiler builds.
ARCH_TARGET_CFLAGS = -march=armv8-a

else ifneq ($(ARCH),)
$(error SMARTOS_ARCH="$(ARCH)": arch/arch.mk has no block for this architecture (see docs/adding-architectures.md))
endif

KERNEL_IMAGE_PATH = arch/$(KERNEL_ARCH)/boot/$(KERNEL_IMAGE)
ARCH_QEMU_SYSTEM = qemu-system-$(ARCH_QEMU_TARGET)

# From arch/Kconfig.
ARCH_DEBIAN_TUPLE = $(call qstrip,$(SMARTOS_ARCH_DEBIAN_TUPLE))
ARCH_GRUB_BIOS_PLATFORM = $(call qstrip,$(SMARTOS_ARCH_GRUB_BIOS_PLATFORM))
ARCH_GRUB_EFI_PLATFORM = $(call qstrip,$(SMARTOS_ARCH_GRUB_EFI_PLATFORM))
ARCH_EFI_BOOT_FILE = $(call qstrip,$(SMARTOS_ARCH_EFI_BOOT_FILE))
