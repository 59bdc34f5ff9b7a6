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

# Only what is packaged here: freetype's own copy of the zlib inflater, no
# bzip2, libpng, HarfBuzz or Brotli (./configure would find the build
# machine's through the host compiler's default paths otherwise).
FREETYPE_CONF_OPTS = --without-zlib --without-bzip2 --without-png --without-harfbuzz \
	--without-brotli --without-librsvg

$(eval $(autotools-package))
