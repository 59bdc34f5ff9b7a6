################################################################################
# pixman: pixman
################################################################################

# Written by support/scripts/pkg-import from Debian's source package
# pixman 0.42.2-1 (build system: its ./configure script).

PIXMAN_VERSION = 0.42.2
PIXMAN_SOURCE = pixman_$(PIXMAN_VERSION).orig.tar.gz
PIXMAN_APT_SOURCE = pixman
PIXMAN_APT_VERSION = 0.42.2-1
# debian/copyright is missing: the licence is a guess from COPYING; review it
PIXMAN_LICENSE = MIT
PIXMAN_LICENSE_FILES = COPYING
PIXMAN_INSTALL_STAGING = YES

$(eval $(autotools-package))
