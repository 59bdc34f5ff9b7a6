################################################################################
# freetype: FreeType 2 font engine, shared library files
################################################################################

# Written by support/scripts/pkg-import from Debian's source package
# freetype 2.12.1+dfsg-5+deb12u4 (build system: its ./configure script).

FREETYPE_VERSION = 2.12.1+dfsg
FREETYPE_SOURCE = freetype_$(FREETYPE_VERSION).orig.tar.xz
FREETYPE_APT_SOURCE = freetype
FREETYPE_APT_VERSION = 2.12.1+dfsg-5+deb12u4
FREETYPE_LICENSE = FTL
FREETYPE_LICENSE_FILES = LICENSE.TXT
FREETYPE_INSTALL_STAGING = YES
# Build-Depends of Debian's package that no package here provides:
#   bzip2 (bzip2), libbrotli-dev (brotli), libpng-dev (libpng1.6), libx11-dev
#   (libx11), zlib1g-dev (zlib), x11proto-core-dev (xorgproto)

$(eval $(autotools-package))
