################################################################################
# expat: expat
################################################################################

# Written by support/scripts/pkg-import from Debian's source package
# expat 2.5.0-1+deb12u5 (build system: its CMakeLists.txt in expat/).

EXPAT_VERSION = 2.5.0
EXPAT_SOURCE = expat_$(EXPAT_VERSION).orig.tar.gz
EXPAT_APT_SOURCE = expat
EXPAT_APT_VERSION = 2.5.0-1+deb12u5
# debian/copyright is missing: the licence is a guess from COPYING expat/COPYING; review it
EXPAT_LICENSE = MIT
EXPAT_LICENSE_FILES = COPYING expat/COPYING
EXPAT_INSTALL_STAGING = YES
EXPAT_SUBDIR = expat

$(eval $(cmake-package))
