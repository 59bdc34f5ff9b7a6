################################################################################
# host-gcc-final: the internal toolchain's cross compiler, C and (with
# SMARTOS_TOOLCHAIN_GCC_CXX) C++ with libstdc++, built against glibc in the
# staging directory. It installs $(GNU_TARGET_NAME)-gcc & co. into
# $(HOST_DIR)/bin over host-gcc-initial's; toolchain-internal then puts the
# smart-os wrapper in front of them.
# Source: see TOOLCHAIN_GCC_* in toolchain/toolchain.mk (the upstream tree
# inside Debian's gcc-12 .orig tarball).
################################################################################

HOST_GCC_FINAL_VERSION = $(TOOLCHAIN_GCC_VERSION)
HOST_GCC_FINAL_SOURCE = $(TOOLCHAIN_GCC_SOURCE)
HOST_GCC_FINAL_APT_SOURCE = $(TOOLCHAIN_GCC_APT_SOURCE)
HOST_GCC_FINAL_APT_VERSION = $(TOOLCHAIN_GCC_APT_VERSION)
HOST_GCC_FINAL_LICENSE = $(TOOLCHAIN_GCC_LICENSE)
HOST_GCC_FINAL_LICENSE_FILES = $(TOOLCHAIN_GCC_LICENSE_FILES)
HOST_GCC_FINAL_DEPENDENCIES = host-binutils glibc
HOST_GCC_FINAL_CONFIG_VARS = SMARTOS_TOOLCHAIN_GCC_CXX SMARTOS_TOOLCHAIN_GCC_LTO

HOST_GCC_FINAL_EXTRACT_CMDS = $(call gcc-extract,HOST_GCC_FINAL)

HOST_GCC_FINAL_LANGUAGES = c$(if $(filter y,$(SMARTOS_TOOLCHAIN_GCC_CXX)),$(comma)c++)

# The build sees glibc through --with-build-sysroot (this package's staging
# directory); the installed compiler uses the sysroot link under its prefix.
# Build time is cut where the result for C and C++ programs stays the same: no
# bootstrap (a cross compiler is not bootstrapped anyway), one library
# variant, no translations, no sanitizer, OpenMP, transactional memory,
# vtable-verification or quad-precision libraries, no precompiled libstdc++
# headers, no libcc1 (gdb's compile plugin); LTO only on request.
HOST_GCC_FINAL_CONF_OPTS = \
	--target=$(GNU_TARGET_NAME) \
	--with-sysroot=$(TOOLCHAIN_SYSROOT_LINK) \
	--with-build-sysroot=$(STAGING_DIR) \
	--with-glibc-version=2.36 \
	--enable-languages=$(HOST_GCC_FINAL_LANGUAGES) \
	--enable-shared --enable-threads=posix --enable-__cxa_atexit \
	--enable-linker-build-id \
	--disable-multilib --disable-bootstrap --disable-nls \
	$(if $(filter y,$(SMARTOS_TOOLCHAIN_GCC_LTO)),--enable-lto,--disable-lto) \
	--disable-libgomp --disable-libitm --disable-libquadmath \
	--disable-libquadmath-support --disable-libsanitizer --disable-libssp \
	--disable-libvtv --disable-libstdcxx-pch --disable-libcc1

define HOST_GCC_FINAL_CONFIGURE_CMDS
	mkdir -p $(@D)/build
	cd $(@D)/build && $(HOST_CONFIGURE_OPTS) ../configure --prefix=$(HOST_DIR) \
		$(HOST_GCC_FINAL_CONF_OPTS)
endef

define HOST_GCC_FINAL_BUILD_CMDS
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build
endef

# make install checks the internals manual's doc/tm.texi.in against gcc's
# target hooks (s-tm-texi), which fails with Debian's -dfsg tree (its manual
# sources are cut down): that check is marked done, no manual is installed.
# host-gcc-initial's compiler is in this package's host directory as hard
# links: remove them first, so that make install writes new files instead of
# writing through the links into host-gcc-initial's own copies.
define HOST_GCC_FINAL_INSTALL_CMDS
	rm -rf $(HOST_DIR)/lib/gcc/$(GNU_TARGET_NAME)/$(HOST_GCC_FINAL_VERSION) \
		$(HOST_DIR)/libexec/gcc/$(GNU_TARGET_NAME)/$(HOST_GCC_FINAL_VERSION) \
		$(HOST_DIR)/bin/$(GNU_TARGET_NAME)-gcc* $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-cpp \
		$(HOST_DIR)/bin/$(GNU_TARGET_NAME)-gcov*
	touch $(@D)/build/gcc/s-tm-texi
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build install
endef

$(eval $(host-generic-package))
