################################################################################
# grub2: GRUB 2.06, built from source for each firmware type the
# configuration needs.
#
# host-grub2 builds GRUB's tools (grub-mkimage, ...) and the modules of every
# selected platform into HOST_DIR/lib/grub/<platform>: GRUB2_PLATFORMS, the
# BIOS and EFI platforms of the architecture (boot/grub2/Kconfig names them)
# that SMARTOS_PACKAGE_GRUB2_BIOS / _EFI select. GRUB configures one platform
# per build tree: each gets its own out-of-tree build directory; the first
# builds everything, the others only their modules (grub-core), since the
# tools are the same for all platforms. Built with the host compiler, which
# makes the freestanding boot code (-m32 for the BIOS platform).
#
# The target package puts the board's grub.cfg into /boot/grub (@TIMEOUT@
# and @KERNEL_ARGS@ replaced, see grub2-cfg) and, with the BIOS platform,
# makes the two images a board's own genimage layout needs:
#   grub-boot.img  GRUB's boot.img, the MBR boot code
#   grub-core.img  core.img (grub-mkimage) for the gap after the MBR, with
#                  the modules needed to read /boot/grub from an ext4
#                  partition built in (nothing is loaded from disk)
# The built-in disk layouts and the ISO make their own GRUB images at image
# time (fs/disk, fs/iso) with the tools and modules from host-grub2.
# Built without Debian's patches: upstream 2.06 compiles with gcc 12 and
# binutils 2.40 once -Werror is off (--disable-werror).
################################################################################

GRUB2_VERSION = 2.06
# Debian's grub2_2.06.orig.tar.xz is upstream's grub-2.06.tar.xz (same
# sha256; upstream's signature verifies it, see grub2.hash).
GRUB2_SOURCE = grub-$(GRUB2_VERSION).tar.xz
GRUB2_SITE = https://ftp.gnu.org/gnu/grub
GRUB2_APT_SOURCE = grub2
GRUB2_APT_VERSION = 2.06-13+deb12u2
GRUB2_APT_FILE = grub2_$(GRUB2_VERSION).orig.tar.xz
GRUB2_LICENSE = GPL-3.0+
GRUB2_LICENSE_FILES = COPYING

# The selected platforms, and for the image types the architecture's ones.
GRUB2_BIOS_PLATFORM = $(call qstrip,$(SMARTOS_PACKAGE_GRUB2_BIOS_PLATFORM))
GRUB2_EFI_PLATFORM = $(call qstrip,$(SMARTOS_PACKAGE_GRUB2_EFI_PLATFORM))
GRUB2_EFI_BOOT_FILE = $(call qstrip,$(SMARTOS_PACKAGE_GRUB2_EFI_BOOT_FILE))
GRUB2_PLATFORMS = $(if $(filter y,$(SMARTOS_PACKAGE_GRUB2_BIOS)),$(GRUB2_BIOS_PLATFORM)) \
	$(if $(filter y,$(SMARTOS_PACKAGE_GRUB2_EFI)),$(GRUB2_EFI_PLATFORM))
# <cpu>-<firmware> as GRUB's configure spells them (--target, --with-platform):
# its CPU for arm64 is aarch64.
grub2-cpu = $(patsubst arm64,aarch64,$(firstword $(subst -, ,$(1))))
grub2-firmware = $(lastword $(subst -, ,$(1)))
# The compiler of a platform's boot code: the host's, unless
# HOST_GRUB2_TARGET_CC_<platform> names another (a cross compiler). The
# host's gcc makes the boot code of its own CPU's platforms (and, with -m32,
# i386-pc on x86_64); for a target architecture other than the build
# machine's, Debian's cross gcc and binutils of the architecture
# (<tuple>-gcc, <tuple>-objcopy, ...: gcc-<tuple>, which install-host-deps.sh
# installs) make it, whichever toolchain builds the target: GRUB's boot code
# is freestanding, it needs no C library.
GRUB2_BUILD_CPU = $(firstword $(subst -, ,$(GNU_HOST_NAME)))
GRUB2_CROSS = $(if $(filter $(GRUB2_BUILD_CPU),$(ARCH)),,$(ARCH_DEBIAN_TUPLE)-)
ifneq ($(GRUB2_CROSS),)
$(foreach p,$(GRUB2_BIOS_PLATFORM) $(GRUB2_EFI_PLATFORM),\
	$(eval HOST_GRUB2_TARGET_CC_$(p) ?= $(GRUB2_CROSS)gcc))
endif
grub2-target-cc = $(or $(HOST_GRUB2_TARGET_CC_$(1)),$(HOST_CC))
# The binutils that go with a cross compiler (GRUB's configure would look for
# <cpu>-objcopy, which Debian does not name them).
grub2-target-tools = $(if $(HOST_GRUB2_TARGET_CC_$(1)),$(foreach t,objcopy strip nm ranlib,\
	TARGET_$(call UPPERCASE,$(t))="$(patsubst %gcc,%$(t),$(HOST_GRUB2_TARGET_CC_$(1)))"))

# Only what grub-mkimage and the modules need: no fonts, themes,
# device-mapper, ZFS, FUSE or translations.
HOST_GRUB2_CONF_OPTS = \
	--disable-werror \
	--disable-nls \
	--disable-efiemu \
	--disable-grub-mkfont \
	--disable-grub-mount \
	--disable-grub-themes \
	--disable-device-mapper \
	--disable-libzfs \
	--disable-liblzma
HOST_GRUB2_CONFIG_VARS = SMARTOS_PACKAGE_GRUB2_BIOS SMARTOS_PACKAGE_GRUB2_EFI \
	SMARTOS_PACKAGE_GRUB2_BIOS_PLATFORM SMARTOS_PACKAGE_GRUB2_EFI_PLATFORM

# Configured without the framework's host CFLAGS/LDFLAGS: GRUB's own flags
# for the 32-bit boot code (-Os) must not be overridden, or core.img grows
# and BIOS boot stops after "GRUB loading." (seen with CFLAGS=-O2 and an
# rpath in LDFLAGS). configure insists on a Python (AM_PATH_PYTHON): take
# Debian's, not whatever "python" comes first in PATH.
# The platforms' configure scripts run at the same time (a configure script
# keeps one CPU busy), each into build-<platform>/smartos-configure.log, which
# a failure prints.
grub2-pid = pid_$(subst -,_,$(1))
define HOST_GRUB2_CONFIGURE_CMDS
	$(if $(strip $(GRUB2_PLATFORMS)),,echo "host-grub2: no platform selected (SMARTOS_PACKAGE_GRUB2_BIOS, SMARTOS_PACKAGE_GRUB2_EFI)" >&2; exit 1)
	$(foreach p,$(GRUB2_PLATFORMS),$(if $(HOST_GRUB2_TARGET_CC_$(p)),\
		if ! PATH=$(HOST_PATH) command -v $(HOST_GRUB2_TARGET_CC_$(p)) >/dev/null; then \
			echo "host-grub2: GRUB's $(p) platform (SMARTOS_ARCH=$(ARCH)) is compiled with $(HOST_GRUB2_TARGET_CC_$(p)) but it is not installed: install the Debian package $(patsubst %-,gcc-%,$(GRUB2_CROSS)) (support/scripts/install-host-deps.sh)" >&2; \
			exit 1; \
		fi$(sep)))
	$(foreach p,$(GRUB2_PLATFORMS),mkdir -p $(@D)/build-$(p)$(sep))
	$(foreach p,$(GRUB2_PLATFORMS),(cd $(@D)/build-$(p) && \
		PATH=$(HOST_PATH) CC="$(HOST_CC)" TARGET_CC="$(call grub2-target-cc,$(p))" \
		$(call grub2-target-tools,$(p)) \
		PYTHON=/usr/bin/python3 ../configure --prefix=$(HOST_DIR) \
		--target=$(call grub2-cpu,$(p)) --with-platform=$(call grub2-firmware,$(p)) \
		$(HOST_GRUB2_CONF_OPTS)) >$(@D)/build-$(p)/smartos-configure.log 2>&1 & \
		$(call grub2-pid,$(p))=$$!; ) \
	status=0; \
	$(foreach p,$(GRUB2_PLATFORMS),if wait $$$(call grub2-pid,$(p)); then \
		echo "host-grub2: configured for $(p)"; else \
		echo "host-grub2: configure for $(p) failed; the end of build-$(p)/smartos-configure.log:" >&2; \
		tail -n 40 $(@D)/build-$(p)/smartos-configure.log >&2; status=1; fi; ) \
	exit $$status
endef

define HOST_GRUB2_BUILD_CMDS
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build-$(firstword $(GRUB2_PLATFORMS))
	$(foreach p,$(wordlist 2,9,$(GRUB2_PLATFORMS)),$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build-$(p)/grub-core$(sep))
endef

define HOST_GRUB2_INSTALL_CMDS
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build-$(firstword $(GRUB2_PLATFORMS)) install
	$(foreach p,$(wordlist 2,9,$(GRUB2_PLATFORMS)),$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build-$(p)/grub-core install$(sep))
endef

$(eval $(host-autotools-package))

GRUB2_DEPENDENCIES = host-grub2
GRUB2_INSTALL_TARGET = YES
GRUB2_INSTALL_IMAGES = $(if $(filter y,$(SMARTOS_PACKAGE_GRUB2_BIOS)),YES,NO)

GRUB2_CFG = $(call abs-path,$(call qstrip,$(SMARTOS_PACKAGE_GRUB2_CFG)))
ifeq ($(SMARTOS_PACKAGE_GRUB2),y)
ifeq ($(call qstrip,$(SMARTOS_PACKAGE_GRUB2_CFG)),)
$(error grub2: SMARTOS_PACKAGE_GRUB2_CFG is empty: set it to the board's grub.cfg (e.g. board/<board>/grub.cfg))
endif
endif
GRUB2_PREFIX = $(call qstrip,$(SMARTOS_PACKAGE_GRUB2_PREFIX))
GRUB2_BUILTIN_MODULES = $(call qstrip,$(SMARTOS_PACKAGE_GRUB2_BUILTIN_MODULES))
# The modules of a platform, as host-grub2 installed them.
grub2-modules-dir = $(HOST_DIR)/lib/grub/$(1)

# grub2-cfg <template> <output>: a shell line that writes a board's GRUB
# configuration with @TIMEOUT@ and @KERNEL_ARGS@ replaced (also used by the
# iso image type).
GRUB2_KERNEL_ARGS = $(if $(filter y,$(SMARTOS_PACKAGE_GRUB2_QUIET)),quiet)
grub2-cfg = sed -e 's|@TIMEOUT@|$(SMARTOS_PACKAGE_GRUB2_TIMEOUT)|g' -e 's|@KERNEL_ARGS@|$(GRUB2_KERNEL_ARGS)|g' $(1) > $(2).tmp && mv $(2).tmp $(2)

define GRUB2_INSTALL_TARGET_CMDS
	mkdir -p $(TARGET_DIR)/boot/grub
	$(call grub2-cfg,$(GRUB2_CFG),$(TARGET_DIR)/boot/grub/grub.cfg)
endef

# boot.img finds core.img at sector 1 by default, and grub-mkimage writes
# core.img's length into its first sector: neither needs grub-bios-setup
# when the disk image puts core.img right after the MBR.
define GRUB2_INSTALL_IMAGES_CMDS
	$(HOST_DIR)/bin/grub-mkimage -d $(call grub2-modules-dir,$(GRUB2_BIOS_PLATFORM)) -O $(GRUB2_BIOS_PLATFORM) \
		-p '$(GRUB2_PREFIX)' -o $(BINARIES_DIR)/grub-core.img \
		$(GRUB2_BUILTIN_MODULES)
	install -m 0644 $(call grub2-modules-dir,$(GRUB2_BIOS_PLATFORM))/boot.img $(BINARIES_DIR)/grub-boot.img
endef

$(eval $(generic-package))
