################################################################################
# The virtual package "toolchain": every target package depends on it (unless
# it sets FOO_ADD_TOOLCHAIN_DEPENDENCY = NO; packages named toolchain* never
# depend on it). It depends on the package that provides the chosen toolchain:
#   SMARTOS_TOOLCHAIN_EXTERNAL -> toolchain-external (package/toolchain-external/)
#   SMARTOS_TOOLCHAIN_INTERNAL -> toolchain-internal (from source, next issue)
# Its hash holds the target and toolchain options, so changing any of them
# rebuilds every target package.
################################################################################

TOOLCHAIN_PROVIDER = $(if $(filter y,$(SMARTOS_TOOLCHAIN_INTERNAL)),toolchain-internal,toolchain-external)

$(eval $(call register-package,toolchain,TOOLCHAIN,,target,generic))
TOOLCHAIN_DEPENDENCIES = $(TOOLCHAIN_PROVIDER)
TOOLCHAIN_INSTALL_TARGET = NO
TOOLCHAIN_QUIET = YES
TOOLCHAIN_CONFIG_VARS = SMARTOS_ARCH SMARTOS_TARGET_OPTIMIZATION SMARTOS_TOOLCHAIN_EXTERNAL \
	SMARTOS_TOOLCHAIN_INTERNAL SMARTOS_TOOLCHAIN_EXTERNAL_PATH SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX
TOOLCHAIN_INPUT_FILES = package/pkg-toolchain.mk

################################################################################
# The internal toolchain (SMARTOS_TOOLCHAIN_INTERNAL): built from source for
# $(GNU_TARGET_NAME) into $(HOST_DIR), with the staging directory as sysroot.
#   linux-headers -> host-binutils -> host-gcc-initial (C, no libc) -> glibc
#   -> host-gcc-final (C, C++) -> toolchain-internal (the wrapper) -> toolchain
# Versions are Debian 12's; every package fetches its sources through apt
# (Debian source packages) and checks them against its own .hash file.
# The values below are shared by several packages (host-gcc-initial,
# host-gcc-final and the target gcc all take gcc's); each package's input hash
# holds the expanded values, so changing one rebuilds what uses it.
################################################################################

# gcc: Debian's gcc-12 source package. Its .orig tarball is not gcc itself but
# a wrapper around upstream's release: gcc-12-12.2.0/gcc-12.2.0-dfsg.tar.xz
# (upstream gcc-12.2.0 with the manuals under the GFDL's invariant sections
# removed), newlib and gm2 tarballs. We unpack only gcc-12.2.0-dfsg.tar.xz and
# apply none of Debian's patches (debian/patches is in the separate
# .debian.tar.xz, which we do not download).
TOOLCHAIN_GCC_VERSION = 12.2.0
TOOLCHAIN_GCC_SOURCE = gcc-12_$(TOOLCHAIN_GCC_VERSION).orig.tar.gz
TOOLCHAIN_GCC_APT_SOURCE = gcc-12
TOOLCHAIN_GCC_APT_VERSION = 12.2.0-14+deb12u1
TOOLCHAIN_GCC_INNER = gcc-12-$(TOOLCHAIN_GCC_VERSION)/gcc-$(TOOLCHAIN_GCC_VERSION)-dfsg.tar.xz
TOOLCHAIN_GCC_LICENSE = GPL-3.0+, GPL-3.0+ WITH GCC-exception-3.1 (runtime libraries)
TOOLCHAIN_GCC_LICENSE_FILES = COPYING3 COPYING.RUNTIME
# gcc-extract <PREFIX>: unpack the upstream gcc tree from Debian's wrapper tarball.
define gcc-extract
	tar -xOf $($(1)_DL_DIR)/$(TOOLCHAIN_GCC_SOURCE) $(TOOLCHAIN_GCC_INNER) | \
		tar -xJ -C $(@D) --strip-components=1 --no-same-owner
endef

# binutils: Debian's binutils_2.40.orig.tar.xz (source package binutils
# 2.40-2), the upstream 2.40 tree; none of Debian's patches.
TOOLCHAIN_BINUTILS_VERSION = 2.40
TOOLCHAIN_BINUTILS_SOURCE = binutils_$(TOOLCHAIN_BINUTILS_VERSION).orig.tar.xz
TOOLCHAIN_BINUTILS_APT_SOURCE = binutils
TOOLCHAIN_BINUTILS_APT_VERSION = 2.40-2
TOOLCHAIN_BINUTILS_LICENSE = GPL-3.0+ (tools), GPL-3.0+ (libbfd, libopcodes), LGPL-2.0+ (libiberty)
TOOLCHAIN_BINUTILS_LICENSE_FILES = COPYING3 COPYING COPYING.LIB COPYING3.LIB

# The sysroot the cross tools are configured with. It lies under their prefix
# (so binutils and gcc relocate it along with themselves) and is a relative
# symbolic link to the staging directory next to the host directory, made by
# host-binutils: it points at per-package/<pkg>/staging inside a package's
# step and at $(O)/staging in the final tree.
TOOLCHAIN_SYSROOT_LINK = $(HOST_DIR)/$(GNU_TARGET_NAME)/sysroot

# The gcc libraries gcc needs on the build machine (gmp, mpfr, mpc) are the
# host's (Debian's libgmp-dev, libmpfr-dev, libmpc-dev: see
# support/scripts/install-host-deps.sh), not built here: they only run on the
# build machine and do not reach the target.
