################################################################################
# dropbear: a small SSH server (with dropbearkey and scp). Host keys are made
# on the target's first boot by S50dropbear, never at build time.
################################################################################

DROPBEAR_VERSION = 2022.83
# Debian's orig tarball; Debian ships upstream's signature of it, but no
# upstream site is listed here, so the file keeps Debian's name. Debian's
# patches are applied (debian/patches/series of 2022.83-1+deb12u3: the
# security fixes for CVE-2023-48795 "Terrapin" and CVE-2025-47203, two bug
# fixes, and three that touch only the test suite and a Hurd build).
DROPBEAR_SOURCE = dropbear_$(DROPBEAR_VERSION).orig.tar.bz2
DROPBEAR_APT_SOURCE = dropbear
DROPBEAR_APT_VERSION = 2022.83-1+deb12u3
DROPBEAR_APT_FILE = $(DROPBEAR_SOURCE)
DROPBEAR_APT_DEBIAN_PATCHES = YES
DROPBEAR_LICENSE = MIT, BSD-2-Clause-like, Public domain (libtomcrypt, libtommath)
DROPBEAR_LICENSE_FILES = LICENSE

# Its own copies of libtomcrypt/libtommath; no zlib (no compression); no
# login records (no utmp/wtmp/lastlog in the target). Passwords are checked
# with crypt() from libcrypt.so.1, which the toolchain puts into the target
# (SMARTOS_TOOLCHAIN_TARGET_LIBCRYPT, selected in Kconfig).
DROPBEAR_CONF_OPTS = --enable-bundled-libtom --disable-zlib --disable-lastlog \
	--disable-utmp --disable-utmpx --disable-wtmp --disable-wtmpx \
	--disable-pututline --disable-pututxline
DROPBEAR_PROGRAMS = dropbear dropbearkey scp
DROPBEAR_MAKE_OPTS = PROGRAMS="$(DROPBEAR_PROGRAMS)"

DROPBEAR_AUTHORIZED_KEYS = $(call abs-path,$(call qstrip,$(SMARTOS_PACKAGE_DROPBEAR_ROOT_AUTHORIZED_KEYS)))
DROPBEAR_INPUT_FILES = $(DROPBEAR_AUTHORIZED_KEYS)
DROPBEAR_ARGS = $(if $(filter y,$(SMARTOS_PACKAGE_DROPBEAR_DISABLE_PASSWORD)),-s) \
	$(call qstrip,$(SMARTOS_PACKAGE_DROPBEAR_ARGS))

define DROPBEAR_INSTALL_ROOT_AUTHORIZED_KEYS
	test -f '$(DROPBEAR_AUTHORIZED_KEYS)' || { echo "ERROR: SMARTOS_PACKAGE_DROPBEAR_ROOT_AUTHORIZED_KEYS: $(DROPBEAR_AUTHORIZED_KEYS) is not a file" >&2; exit 1; }
	install -d -m 0700 $(TARGET_DIR)/root/.ssh
	install -m 0600 $(DROPBEAR_AUTHORIZED_KEYS) $(TARGET_DIR)/root/.ssh/authorized_keys
endef

define DROPBEAR_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/dropbear $(TARGET_DIR)/usr/sbin/dropbear
	install -D -m 0755 $(@D)/dropbearkey $(TARGET_DIR)/usr/bin/dropbearkey
	install -D -m 0755 $(@D)/scp $(TARGET_DIR)/usr/bin/scp
	install -D -m 0755 $(DROPBEAR_PKGDIR)/S50dropbear $(TARGET_DIR)/etc/init.d/S50dropbear
	install -d -m 0700 $(TARGET_DIR)/etc/dropbear
	install -d -m 0755 $(TARGET_DIR)/etc/default
	printf '%s\n' '# Read by /etc/init.d/S50dropbear (made from the menuconfig options).' \
		'DROPBEAR_KEY_TYPES="$(call qstrip,$(SMARTOS_PACKAGE_DROPBEAR_HOST_KEY_TYPES))"' \
		'DROPBEAR_ARGS="$(strip $(DROPBEAR_ARGS))"' > $(TARGET_DIR)/etc/default/dropbear.tmp
	mv $(TARGET_DIR)/etc/default/dropbear.tmp $(TARGET_DIR)/etc/default/dropbear
	$(if $(DROPBEAR_AUTHORIZED_KEYS),$(DROPBEAR_INSTALL_ROOT_AUTHORIZED_KEYS))
endef

$(eval $(autotools-package))
