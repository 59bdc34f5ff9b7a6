################################################################################
# xtrans: xtrans
################################################################################

# Written by support/scripts/pkg-import from Debian's source package
# xtrans 1.4.0-1 (build system: its ./configure script).

XTRANS_VERSION = 1.4.0
XTRANS_SOURCE = xtrans_$(XTRANS_VERSION).orig.tar.gz
XTRANS_APT_SOURCE = xtrans
XTRANS_APT_VERSION = 1.4.0-1
# debian/copyright is missing: the licence is a guess from COPYING; review it
XTRANS_LICENSE = MIT
XTRANS_LICENSE_FILES = COPYING
XTRANS_INSTALL_STAGING = YES
# Build-Depends of Debian's package that no package here provides:
#   xorg-sgml-doctools (xorg-sgml-doctools)

$(eval $(autotools-package))
