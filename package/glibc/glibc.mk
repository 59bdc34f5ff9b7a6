################################################################################
# glibc: the GNU C library for the internal toolchain, built with
# host-gcc-initial or the build machine's gcc 12 (GLIBC_CC below). The whole
# installation goes to the staging directory (the
# sysroot host-gcc-final and every target package build against), its
# run-time part to the target.
################################################################################

GLIBC_VERSION = 2.36
# Debian's glibc_2.36.orig.tar.xz (source package glibc 2.36-9+deb12u14): the
# upstream 2.36 tree without its manual. Of Debian's patches only
# git-updates.diff: the upstream release/2.36/master branch as Debian took it,
# i.e. the 2.36 stable updates with their security fixes (CVE-2023-4911 in the
# dynamic loader among them). Debian's own changes (locales, paths, Hurd,
# its packaging) are left out.
GLIBC_SOURCE = glibc_$(GLIBC_VERSION).orig.tar.xz
GLIBC_APT_SOURCE = glibc
GLIBC_APT_VERSION = 2.36-9+deb12u14
GLIBC_APT_DEBIAN_PATCHES = YES
GLIBC_APT_DEBIAN_PATCHES_ONLY = git-updates.diff
GLIBC_LICENSE = LGPL-2.1+, GPL-2.0+ (programs), other free licences (see LICENSES)
GLIBC_LICENSE_FILES = COPYING COPYING.LIB LICENSES
GLIBC_CONFIG_VARS = SMARTOS_TOOLCHAIN_GLIBC_BOOTSTRAP_GCC
# The compiler: host-gcc-initial (SMARTOS_TOOLCHAIN_GLIBC_BOOTSTRAP_GCC=y), or
# the build machine's gcc, which on Debian 12 is the same gcc 12.2 (one whole
# gcc compile less: see docs/toolchain.md). glibc links libgcc.a of the
# compiler that builds it into a few of its objects.
GLIBC_BOOTSTRAP_GCC = $(filter y,$(SMARTOS_TOOLCHAIN_GLIBC_BOOTSTRAP_GCC))
GLIBC_DEPENDENCIES = linux-headers $(if $(GLIBC_BOOTSTRAP_GCC),host-gcc-initial)
GLIBC_CC = $(if $(GLIBC_BOOTSTRAP_GCC),$(GNU_TARGET_NAME)-gcc,gcc)
GLIBC_AR = $(if $(GLIBC_BOOTSTRAP_GCC),$(GNU_TARGET_NAME)-ar,ar)
GLIBC_RANLIB = $(if $(GLIBC_BOOTSTRAP_GCC),$(GNU_TARGET_NAME)-ranlib,ranlib)
# ccache names host-gcc-initial by its input hash, not by the time of its
# file (see TOOLCHAIN_INTERNAL_COMPILER_ID).
GLIBC_CCACHE_ENV = $(if $(and $(CCACHE),$(GLIBC_BOOTSTRAP_GCC)),CCACHE_COMPILERCHECK=string:smartos-gcc-initial-$(HOST_GCC_INITIAL_HASH))
# Part of the toolchain itself.
GLIBC_ADD_TOOLCHAIN_DEPENDENCY = NO
GLIBC_INSTALL_STAGING = YES

# Layout: libraries in /lib and /usr/lib (where every other package puts its
# libraries, and where the dynamic loader looks by default), the loader itself
# where the architecture's ABI fixes it (ARCH_DYNAMIC_LOADER: /lib64 on some
# 64-bit architectures). glibc's own default on those would be /lib64 and
# /usr/lib64 for everything; its configure takes the directories from these
# cache variables.
GLIBC_CONF_ENV = libc_cv_slibdir=/lib libc_cv_rtlddir=$(patsubst %/,%,$(dir $(ARCH_DYNAMIC_LOADER)))
# No C++ compiler (CXX=false: glibc's configure then skips its C++ tests).
# Built with a bare compiler, not the wrapper: glibc chooses its own
# optimisation and refuses _FORTIFY_SOURCE.
GLIBC_CONF_OPTS = \
	--host=$(GNU_TARGET_NAME) --build=$(GNU_HOST_NAME) \
	--prefix=/usr --libdir=/usr/lib --libexecdir=/usr/libexec \
	--with-headers=$(STAGING_DIR)/usr/include \
	--enable-stack-protector=strong --disable-werror --disable-profile \
	--disable-timezone-tools --without-gd --without-selinux

# Debian's tarball has no manual/ (the manual is under the GFDL with
# invariant sections), which glibc's list of subdirectories still names.
define GLIBC_NO_MANUAL
	grep -q ' wctype manual shadow ' $(@D)/Makeconfig
	sed -i 's/ wctype manual shadow / wctype shadow /' $(@D)/Makeconfig
endef
GLIBC_POST_EXTRACT_HOOKS += GLIBC_NO_MANUAL

define GLIBC_CONFIGURE_CMDS
	mkdir -p $(@D)/build
	echo "glibc is compiled by: $$(PATH=$(HOST_PATH) $(GLIBC_CC) --version | head -n 1)"
	cd $(@D)/build && PATH=$(HOST_PATH) $(GLIBC_CCACHE_ENV) \
		CC="$(CCACHE)$(GLIBC_CC)" CXX=false AR=$(GLIBC_AR) RANLIB=$(GLIBC_RANLIB) \
		CFLAGS="-O2 -g" $(GLIBC_CONF_ENV) ../configure $(GLIBC_CONF_OPTS)
endef

# One "make install" into a directory of the build, at the end of the build
# step: the staging and target steps may run at the same time, and two glibc
# installs at once in the same build directory break each other.
define GLIBC_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(GLIBC_CCACHE_ENV) $(MAKE) -C $(@D)/build
	rm -rf $(@D)/install-root
	$(TARGET_MAKE_ENV) $(GLIBC_CCACHE_ENV) $(MAKE) -C $(@D)/build install_root=$(@D)/install-root install
endef

define GLIBC_INSTALL_STAGING_CMDS
	mkdir -p $(STAGING_DIR)
	cp -a $(@D)/install-root/. $(STAGING_DIR)/
endef

# The target gets the run-time part: the full installation minus headers,
# static libraries and startup files, the manual, translations and the gconv
# (iconv) modules. The gcc-target package (gcc on the target) copies headers
# and startup files from the staging directory when it is selected.
GLIBC_TARGET_REMOVE = usr/include usr/share/info usr/share/locale usr/share/i18n \
	usr/lib/gconv usr/lib/*.a usr/lib/*.o
define GLIBC_INSTALL_TARGET_CMDS
	rm -rf $(@D)/target-root
	cp -a $(@D)/install-root $(@D)/target-root
	cd $(@D)/target-root && rm -rf $(GLIBC_TARGET_REMOVE)
	mkdir -p $(TARGET_DIR)
	cp -a $(@D)/target-root/. $(TARGET_DIR)/
endef

$(eval $(generic-package))
