################################################################################
# mpc: multiple-precision complex arithmetic, a static library in the staging
# directory for gcc-target.
################################################################################

MPC_VERSION = 1.3.1
# Debian's mpclib3_1.3.1.orig.tar.gz (source package mpclib3 1.3.1-1), the
# upstream 1.3.1 tree as Debian packs it.
MPC_SOURCE = mpclib3_$(MPC_VERSION).orig.tar.gz
MPC_APT_SOURCE = mpclib3
MPC_APT_VERSION = 1.3.1-1
MPC_LICENSE = LGPL-3.0+
MPC_LICENSE_FILES = COPYING.LESSER
MPC_DEPENDENCIES = gmp mpfr
MPC_INSTALL_STAGING = YES
MPC_INSTALL_TARGET = NO
MPC_CONF_OPTS = --disable-shared --enable-static --with-pic
MPC_MAKE_OPTS = MAKEINFO=true
MPC_INSTALL_OPTS = MAKEINFO=true install

$(eval $(autotools-package))
