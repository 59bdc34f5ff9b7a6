################################################################################
# pciutils: lspci and setpci
################################################################################

PCIUTILS_VERSION = 3.9.0
# Debian's pciutils_3.9.0.orig.tar.gz is the upstream release file: Debian
# ships upstream's detached signature of it (pciutils_3.9.0.orig.tar.gz.asc).
PCIUTILS_SOURCE = pciutils-$(PCIUTILS_VERSION).tar.gz
PCIUTILS_SITE = https://mj.ucw.cz/download/linux/pci
PCIUTILS_APT_SOURCE = pciutils
PCIUTILS_APT_VERSION = 1:3.9.0-4
PCIUTILS_APT_FILE = pciutils_$(PCIUTILS_VERSION).orig.tar.gz
PCIUTILS_LICENSE = GPL-2.0+
PCIUTILS_LICENSE_FILES = COPYING

# A static libpci, sysfs and /proc access only; no zlib, DNS lookups, kmod
# or udev. The PCI ID database (pci.ids) is installed uncompressed.
PCIUTILS_MAKE_OPTS = \
	CROSS_COMPILE="$(TARGET_CROSS)" CC="$(TARGET_CC)" AR="$(TARGET_AR)" \
	RANLIB="$(TARGET_RANLIB)" OPT="$(TARGET_CFLAGS)" LDFLAGS="$(TARGET_LDFLAGS)" \
	HOST=$(ARCH)-linux ZLIB=no DNS=no LIBKMOD=no HWDB=no SHARED=no \
	PREFIX=/usr SBINDIR=/usr/bin IDSDIR=/usr/share/misc

# Its Makefiles rely on make's built-in .c.o rule, which our top-level make
# turns off (--no-builtin-rules) for every make it starts.
define PCIUTILS_BUILD_CMDS
	$(TARGET_MAKE_ENV) MAKEFLAGS= $(MAKE) -C $(@D) $(PCIUTILS_MAKE_OPTS) lspci setpci
endef

define PCIUTILS_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/lspci $(TARGET_DIR)/usr/bin/lspci
	install -D -m 0755 $(@D)/setpci $(TARGET_DIR)/usr/bin/setpci
	install -D -m 0644 $(@D)/pci.ids $(TARGET_DIR)/usr/share/misc/pci.ids
endef

$(eval $(generic-package))
