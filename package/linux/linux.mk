################################################################################
# linux: the Linux kernel 6.1, from Debian's source package "linux"
################################################################################

LINUX_VERSION = 6.1.176
# Debian repacks the kernel.org release (non-free files removed, see
# Files-Excluded in Debian's debian/copyright): this is not kernel.org's
# linux-6.1.176.tar.xz, so it keeps Debian's name and has no upstream site.
LINUX_SOURCE = linux_$(LINUX_VERSION).orig.tar.xz
LINUX_APT_SOURCE = linux
LINUX_APT_VERSION = 6.1.176-1
LINUX_APT_FILE = $(LINUX_SOURCE)
LINUX_LICENSE = GPL-2.0 WITH Linux-syscall-note
LINUX_LICENSE_FILES = COPYING LICENSES/preferred/GPL-2.0 LICENSES/exceptions/Linux-syscall-note
LINUX_INSTALL_TARGET = YES
LINUX_INSTALL_IMAGES = YES


LINUX_IMAGE = arch/$(KERNEL_ARCH)/boot/bzImage

# Fixed build user/host/time/number so two builds of the same tree print the
# same banner (uname -v) and make the same bzImage: the time is
# SOURCE_DATE_EPOCH (SMARTOS_SOURCE_DATE_EPOCH), written like date(1) does.
LINUX_BUILD_TIMESTAMP := $(shell LC_ALL=C date -u -d @$(SOURCE_DATE_EPOCH) 2>/dev/null)
LINUX_MAKE_OPTS = \
	ARCH=$(KERNEL_ARCH) \
	CROSS_COMPILE="$(TARGET_CROSS)" \
	CC="$(TARGET_CC)" \
	HOSTCC="$(HOST_CC)" \
	KBUILD_BUILD_USER=smartos \
	KBUILD_BUILD_HOST=smartos \
	KBUILD_BUILD_TIMESTAMP='$(LINUX_BUILD_TIMESTAMP)' \
	KBUILD_BUILD_VERSION=1

LINUX_KCONFIG_FILE = $(call qstrip,$(SMARTOS_PACKAGE_LINUX_CONFIG_FILE))
LINUX_KCONFIG_FRAGMENT_FILES = $(call qstrip,$(SMARTOS_PACKAGE_LINUX_CONFIG_FRAGMENT_FILES))
LINUX_KCONFIG_OPTS = $(LINUX_MAKE_OPTS)

define LINUX_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(LINUX_MAKE_OPTS) bzImage
endef

# GRUB loads the kernel from /boot of the root file system.
define LINUX_INSTALL_TARGET_CMDS
	install -D -m 0644 $(@D)/$(LINUX_IMAGE) $(TARGET_DIR)/boot/bzImage
endef

define LINUX_INSTALL_IMAGES_CMDS
	install -D -m 0644 $(@D)/$(LINUX_IMAGE) $(BINARIES_DIR)/bzImage
endef

$(eval $(kconfig-package))
