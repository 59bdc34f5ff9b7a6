################################################################################
# busybox: the shell, init and core utilities, linked against the
# toolchain's glibc
################################################################################

BUSYBOX_VERSION = 1.35.0
# Debian's busybox_1.35.0.orig.tar.bz2 is byte-identical to the upstream
# release file (same sha256, see busybox.hash): either one will do.
BUSYBOX_SOURCE = busybox-$(BUSYBOX_VERSION).tar.bz2
BUSYBOX_SITE = https://busybox.net/downloads
BUSYBOX_APT_SOURCE = busybox
BUSYBOX_APT_VERSION = 1:1.35.0-4+deb12u1
BUSYBOX_APT_FILE = busybox_$(BUSYBOX_VERSION).orig.tar.bz2
# Of Debian's patches only its security fixes (ash, awk); the rest changes
# Debian's packaging (version string, installer, install paths).
BUSYBOX_APT_DEBIAN_PATCHES = YES
BUSYBOX_APT_DEBIAN_PATCHES_ONLY = CVE-2022-48174.patch CVE-2023-42364-part1.patch \
	CVE-2023-42364-part2.patch CVE-2023-42363.patch
BUSYBOX_LICENSE = GPL-2.0
BUSYBOX_LICENSE_FILES = LICENSE
BUSYBOX_DEPENDENCIES = skeleton
BUSYBOX_INSTALL_TARGET = YES

BUSYBOX_MAKE_OPTS = \
	CC="$(TARGET_CC)" \
	CROSS_COMPILE="$(TARGET_CROSS)" \
	HOSTCC="$(HOST_CC)" \
	CONFIG_PREFIX="$(TARGET_DIR)"

BUSYBOX_KCONFIG_FILE = $(call qstrip,$(SMARTOS_PACKAGE_BUSYBOX_CONFIG))
BUSYBOX_KCONFIG_FRAGMENT_FILES = $(call qstrip,$(SMARTOS_PACKAGE_BUSYBOX_CONFIG_FRAGMENT_FILES))
BUSYBOX_KCONFIG_OPTS = $(BUSYBOX_MAKE_OPTS)
# BusyBox's kconfig has no olddefconfig: "oldconfig" with empty answers.
BUSYBOX_KCONFIG_RESOLVE = oldconfig

define BUSYBOX_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(BUSYBOX_MAKE_OPTS) busybox
endef

# "install" makes /bin/busybox and the applet symlinks (/bin/sh, /sbin/init...).
define BUSYBOX_INSTALL_TARGET_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(BUSYBOX_MAKE_OPTS) install
endef

$(eval $(kconfig-package))
