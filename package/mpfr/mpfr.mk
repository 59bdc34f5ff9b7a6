################################################################################
# mpfr: multiple-precision floating point, a static library in the staging
# directory for gcc-target.
################################################################################

MPFR_VERSION = 4.2.0
# Debian's mpfr4_4.2.0.orig.tar.xz (source package mpfr4 4.2.0-1), the
# upstream 4.2.0 tree as Debian packs it.
MPFR_SOURCE = mpfr4_$(MPFR_VERSION).orig.tar.xz
MPFR_APT_SOURCE = mpfr4
MPFR_APT_VERSION = 4.2.0-1
MPFR_LICENSE = LGPL-3.0+
MPFR_LICENSE_FILES = COPYING.LESSER
MPFR_DEPENDENCIES = gmp
MPFR_INSTALL_STAGING = YES
MPFR_INSTALL_TARGET = NO
MPFR_CONF_OPTS = --disable-shared --enable-static --with-pic
MPFR_MAKE_OPTS = MAKEINFO=true
MPFR_INSTALL_OPTS = MAKEINFO=true install

$(eval $(autotools-package))
