################################################################################
# make: GNU make on the target
################################################################################

MAKE_VERSION = 4.3
# Debian's make-dfsg_4.3.orig.tar.gz: GNU make 4.3 without its manual, and
# without a generated configure script (hence autoreconf, and our patch).
# Debian's own changes (its .diff.gz: search paths, ARFLAGS) are left out.
MAKE_SOURCE = make-dfsg_$(MAKE_VERSION).orig.tar.gz
MAKE_APT_SOURCE = make-dfsg
MAKE_APT_VERSION = 4.3-4.1
MAKE_LICENSE = GPL-3.0+
MAKE_LICENSE_FILES = COPYING
MAKE_AUTORECONF = YES
# No Guile, no translations; gnumake.h (the API of loadable objects) goes to
# the staging directory.
MAKE_CONF_OPTS = --without-guile --disable-nls --without-dmalloc
MAKE_INSTALL_STAGING = YES

# The program; with gcc on the target, gnumake.h too.
MAKE_CONFIG_VARS = SMARTOS_PACKAGE_GCC_TARGET
define MAKE_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/make $(TARGET_DIR)/usr/bin/make
	$(if $(filter y,$(SMARTOS_PACKAGE_GCC_TARGET)),install -D -m 0644 $(@D)/src/gnumake.h $(TARGET_DIR)/usr/include/gnumake.h)
endef

$(eval $(autotools-package))
