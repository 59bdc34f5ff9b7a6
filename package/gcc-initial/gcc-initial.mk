################################################################################
# host-gcc-initial: a C-only cross gcc without a C library (static libgcc, no
# threads), just enough to build glibc. host-gcc-final replaces it.
# Source: see TOOLCHAIN_GCC_* in toolchain/toolchain.mk (the upstream tree
# inside Debian's gcc-12 .orig tarball).
################################################################################

HOST_GCC_INITIAL_VERSION = $(TOOLCHAIN_GCC_VERSION)
HOST_GCC_INITIAL_SOURCE = $(TOOLCHAIN_GCC_SOURCE)
HOST_GCC_INITIAL_APT_SOURCE = $(TOOLCHAIN_GCC_APT_SOURCE)
HOST_GCC_INITIAL_APT_VERSION = $(TOOLCHAIN_GCC_APT_VERSION)
HOST_GCC_INITIAL_LICENSE = $(TOOLCHAIN_GCC_LICENSE)
HOST_GCC_INITIAL_LICENSE_FILES = $(TOOLCHAIN_GCC_LICENSE_FILES)
HOST_GCC_INITIAL_DEPENDENCIES = host-binutils

HOST_GCC_INITIAL_EXTRACT_CMDS = $(call gcc-extract,HOST_GCC_INITIAL)

# No libc yet: --without-headers --with-newlib make libgcc build without one;
# --with-glibc-version tells gcc what the C library will be. Everything but
# gcc itself and libgcc is off.
HOST_GCC_INITIAL_CONF_OPTS = \
	--target=$(GNU_TARGET_NAME) \
	--with-sysroot=$(TOOLCHAIN_SYSROOT_LINK) \
	--with-glibc-version=2.36 \
	--enable-languages=c \
	--without-headers --with-newlib \
	--disable-shared --disable-threads --disable-multilib --disable-bootstrap \
	--disable-nls --disable-lto --disable-libatomic --disable-libgomp \
	--disable-libitm --disable-libquadmath --disable-libsanitizer \
	--disable-libssp --disable-libvtv --disable-libstdcxx

# gcc is built outside its source tree.
define HOST_GCC_INITIAL_CONFIGURE_CMDS
	mkdir -p $(@D)/build
	cd $(@D)/build && $(HOST_CONFIGURE_OPTS) ../configure --prefix=$(HOST_DIR) \
		$(HOST_GCC_INITIAL_CONF_OPTS)
endef

define HOST_GCC_INITIAL_BUILD_CMDS
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build all-gcc all-target-libgcc
endef

# Without a shared libgcc there is no separate libgcc_eh.a (libgcc.a holds the
# unwinder); glibc's static programs ask for -lgcc_eh, so it names libgcc.a.
# The s-tm-texi check of the internals manual fails with Debian's cut-down
# manual sources, as for host-gcc-final: marked done, no manual is installed.
define HOST_GCC_INITIAL_INSTALL_CMDS
	touch $(@D)/build/gcc/s-tm-texi
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/build install-gcc install-target-libgcc
	libgcc=$$($(HOST_DIR)/bin/$(GNU_TARGET_NAME)-gcc -print-libgcc-file-name) && \
		if [ ! -e "$${libgcc%/*}/libgcc_eh.a" ]; then ln -s libgcc.a "$${libgcc%/*}/libgcc_eh.a"; fi
endef

$(eval $(host-generic-package))
