################################################################################
# gmp: multiple-precision arithmetic, a static library in the staging
# directory for gcc-target (gcc on the target links it into cc1).
# The build machine's cross compiler uses the host's libgmp instead.
################################################################################

GMP_VERSION = 6.2.1
# Debian's repack: the upstream 6.2.1 release without its manual (doc/,
# under the GFDL with invariant sections). Hence Debian's name.
GMP_SOURCE = gmp_$(GMP_VERSION)+dfsg1.orig.tar.xz
GMP_APT_SOURCE = gmp
GMP_APT_VERSION = 2:6.2.1+dfsg1-1.1
GMP_LICENSE = LGPL-3.0+ or GPL-2.0+
GMP_LICENSE_FILES = COPYING.LESSERv3 COPYINGv2 COPYINGv3
GMP_INSTALL_STAGING = YES
GMP_INSTALL_TARGET = NO
# Static, position-independent (it ends up in a PIE cc1), C only.
GMP_CONF_OPTS = --disable-shared --enable-static --with-pic --disable-cxx

# The repack has no doc/ but configure and the top Makefile still name it:
# an empty doc/Makefile.in stands in for the manual.
define GMP_EMPTY_DOC_DIR
	mkdir -p $(@D)/doc
	printf 'all install install-strip check installcheck uninstall clean distclean mostlyclean:\n' \
		> $(@D)/doc/Makefile.in
endef
GMP_POST_EXTRACT_HOOKS += GMP_EMPTY_DOC_DIR

$(eval $(autotools-package))
