################################################################################
# fontconfig: generic font configuration library - support binaries
################################################################################

# Written by support/scripts/pkg-import from Debian's source package
# fontconfig 2.14.1-4 (build system: its ./configure script).

FONTCONFIG_VERSION = 2.14.1
FONTCONFIG_SOURCE = fontconfig_$(FONTCONFIG_VERSION).orig.tar.xz
FONTCONFIG_APT_SOURCE = fontconfig
FONTCONFIG_APT_VERSION = 2.14.1-4
# debian/copyright is not machine-readable: the licence is a guess from COPYING; review it
FONTCONFIG_LICENSE = MIT
FONTCONFIG_LICENSE_FILES = COPYING
FONTCONFIG_INSTALL_STAGING = YES
FONTCONFIG_DEPENDENCIES = freetype expat
# Build-Depends of Debian's package that no package here provides:
#   uuid-dev (util-linux)

$(eval $(autotools-package))
