################################################################################
# grub2: GRUB 2.06 for BIOS PCs (i386-pc), built from source.
#
# host-grub2 builds GRUB's tools (grub-mkimage) and its i386-pc modules into
# HOST_DIR; it builds with the host compiler, which makes the freestanding
# 32-bit boot code with -m32. The target-side grub2 package puts grub.cfg
# into /boot/grub and makes the two images the disk image needs:
#   grub-boot.img  GRUB's boot.img, the MBR boot code
#   grub-core.img  core.img (grub-mkimage) for the gap after the MBR, with
#                  the modules needed to read /boot/grub from an ext4
#                  partition built in (nothing is loaded from disk)
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

# Only what grub-mkimage and the i386-pc modules need: no fonts, themes,
# device-mapper, ZFS, FUSE or translations.
HOST_GRUB2_CONF_OPTS = \
	--target=i386 \
	--with-platform=pc \
	--disable-werror \
	--disable-nls \
	--disable-efiemu \
	--disable-grub-mkfont \
	--disable-grub-mount \
	--disable-grub-themes \
	--disable-device-mapper \
	--disable-libzfs \
	--disable-liblzma

# Configured without the framework's host CFLAGS/LDFLAGS: GRUB's own flags
# for the 32-bit boot code (-Os) must not be overridden, or core.img grows
# and BIOS boot stops after "GRUB loading." (seen with CFLAGS=-O2 and an
# rpath in LDFLAGS). configure insists on a Python (AM_PATH_PYTHON): take
# Debian's, not whatever "python" comes first in PATH.
define HOST_GRUB2_CONFIGURE_CMDS
	cd $(@D) && PATH=$(HOST_PATH) CC="$(HOST_CC)" TARGET_CC="$(HOST_CC)" \
		PYTHON=/usr/bin/python3 ./configure --prefix=$(HOST_DIR) \
		$(HOST_GRUB2_CONF_OPTS)
endef

$(eval $(host-autotools-package))

GRUB2_DEPENDENCIES = host-grub2
GRUB2_INSTALL_TARGET = YES
GRUB2_INSTALL_IMAGES = YES

GRUB2_CFG = $(call abs-path,$(call qstrip,$(SMARTOS_PACKAGE_GRUB2_CFG)))
ifeq ($(SMARTOS_PACKAGE_GRUB2),y)
ifeq ($(call qstrip,$(SMARTOS_PACKAGE_GRUB2_CFG)),)
$(error grub2: SMARTOS_PACKAGE_GRUB2_CFG is empty: set it to the board's grub.cfg (e.g. board/qemu-x86_64/grub.cfg))
endif
endif
GRUB2_PREFIX = $(call qstrip,$(SMARTOS_PACKAGE_GRUB2_PREFIX))
GRUB2_BUILTIN_MODULES = $(call qstrip,$(SMARTOS_PACKAGE_GRUB2_BUILTIN_MODULES))
GRUB2_MODULES_DIR = $(HOST_DIR)/lib/grub/i386-pc

define GRUB2_INSTALL_TARGET_CMDS
	install -D -m 0644 $(GRUB2_CFG) $(TARGET_DIR)/boot/grub/grub.cfg
endef

# boot.img finds core.img at sector 1 by default, and grub-mkimage writes
# core.img's length into its first sector: neither needs grub-bios-setup
# when the disk image puts core.img right after the MBR.
define GRUB2_INSTALL_IMAGES_CMDS
	$(HOST_DIR)/bin/grub-mkimage -d $(GRUB2_MODULES_DIR) -O i386-pc \
		-p '$(GRUB2_PREFIX)' -o $(BINARIES_DIR)/grub-core.img \
		$(GRUB2_BUILTIN_MODULES)
	install -m 0644 $(GRUB2_MODULES_DIR)/boot.img $(BINARIES_DIR)/grub-boot.img
endef

$(eval $(generic-package))
