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


# The architecture's kernel image: KERNEL_IMAGE_PATH (arch/arch.mk).
LINUX_IMAGE = $(KERNEL_IMAGE_PATH)

# Fixed build user/host/time/number so two builds of the same tree print the
# same banner (uname -v) and make the same kernel image: the time is
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
# Without a configuration file: the kernel's default for the architecture.
LINUX_KCONFIG_DEFCONFIG = $(if $(LINUX_KCONFIG_FILE),,$(KERNEL_DEFCONFIG))
LINUX_KCONFIG_FRAGMENT_FILES = $(call qstrip,$(SMARTOS_PACKAGE_LINUX_CONFIG_FRAGMENT_FILES))
LINUX_KCONFIG_OPTS = $(LINUX_MAKE_OPTS)

# With CONFIG_MODULES=y the modules are built too: in-tree ones for the
# target, and the tree's module support files (scripts/module.lds,
# Module.symvers) that out-of-tree modules (the kernel-module infrastructure)
# need.
LINUX_HAS_MODULES = grep -q '^CONFIG_MODULES=y' $(@D)/.config

define LINUX_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(LINUX_MAKE_OPTS) $(KERNEL_IMAGE)
	if $(LINUX_HAS_MODULES); then \
		$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(LINUX_MAKE_OPTS) modules; \
	fi
endef

# GRUB loads the kernel from /boot of the root file system. depmod runs once
# for the whole target in the image step, so not here (DEPMOD=true); the
# "build" and "source" links modules_install makes would point into this
# build machine's output directory, so they go.
define LINUX_INSTALL_TARGET_CMDS
	install -D -m 0644 $(@D)/$(LINUX_IMAGE) $(TARGET_DIR)/boot/$(KERNEL_IMAGE)
	if $(LINUX_HAS_MODULES); then \
		$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(LINUX_MAKE_OPTS) \
			INSTALL_MOD_PATH=$(TARGET_DIR) INSTALL_MOD_STRIP=1 DEPMOD=true \
			modules_install && \
		rm -f $(TARGET_DIR)/lib/modules/*/build $(TARGET_DIR)/lib/modules/*/source; \
	fi
endef

define LINUX_INSTALL_IMAGES_CMDS
	install -D -m 0644 $(@D)/$(LINUX_IMAGE) $(BINARIES_DIR)/$(KERNEL_IMAGE)
endef

$(eval $(kconfig-package))
