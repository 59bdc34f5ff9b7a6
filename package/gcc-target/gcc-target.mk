################################################################################
# gcc-target: gcc (C) on the target, so that "gcc hello.c -o hello" works in
# the booted system. A cross-native build (build = this machine, host = target
# = $(GNU_TARGET_NAME)) by the internal toolchain: only gcc itself is compiled
# (make all-gcc); libgcc and the start files are the cross compiler's (the
# same gcc version for the same target), glibc's headers and start files come
# from the staging directory (target-dev-files), as, ld from binutils-target,
# gmp, mpfr, mpc are linked in statically.
# Source: see TOOLCHAIN_GCC_* in toolchain/toolchain.mk.
################################################################################

GCC_TARGET_VERSION = $(TOOLCHAIN_GCC_VERSION)
GCC_TARGET_SOURCE = $(TOOLCHAIN_GCC_SOURCE)
GCC_TARGET_APT_SOURCE = $(TOOLCHAIN_GCC_APT_SOURCE)
GCC_TARGET_APT_VERSION = $(TOOLCHAIN_GCC_APT_VERSION)
GCC_TARGET_LICENSE = $(TOOLCHAIN_GCC_LICENSE)
GCC_TARGET_LICENSE_FILES = $(TOOLCHAIN_GCC_LICENSE_FILES)
GCC_TARGET_DEPENDENCIES = binutils-target gmp mpfr mpc

GCC_TARGET_EXTRACT_CMDS = $(call gcc-extract,GCC_TARGET)

# The build reads the target's headers from the staging directory; the
# installed gcc uses the target's own /usr/include and /usr/lib.
GCC_TARGET_CONF_OPTS = \
	--build=$(GNU_HOST_NAME) --host=$(GNU_TARGET_NAME) --target=$(GNU_TARGET_NAME) \
	--prefix=/usr \
	--with-build-sysroot=$(STAGING_DIR) \
	--with-glibc-version=2.36 \
	--enable-languages=c \
	--enable-shared --enable-threads=posix --enable-__cxa_atexit \
	--enable-linker-build-id \
	--disable-multilib --disable-bootstrap --disable-nls --disable-lto --disable-plugin \
	--disable-libgomp --disable-libitm --disable-libquadmath --disable-libsanitizer \
	--disable-libssp --disable-libvtv --disable-libatomic --without-isl --without-zstd

# No -g: cc1 would be hundreds of megabytes. No -I/-L into the staging
# directory: the wrapper's sysroot is the staging directory already.
define GCC_TARGET_CONFIGURE_CMDS
	mkdir -p $(@D)/build
	cd $(@D)/build && $(TARGET_CONFIGURE_OPTS) CFLAGS="-O2" CXXFLAGS="-O2" CPPFLAGS= LDFLAGS= \
		CC_FOR_BUILD="$(HOST_CC)" CXX_FOR_BUILD="$(HOST_CXX)" \
		CFLAGS_FOR_BUILD="-O2" CXXFLAGS_FOR_BUILD="-O2" \
		../configure $(GCC_TARGET_CONF_OPTS)
endef

define GCC_TARGET_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D)/build all-gcc
endef

GCC_TARGET_CROSS_LIBDIR = $(HOST_DIR)/lib/gcc/$(GNU_TARGET_NAME)/$(GCC_TARGET_VERSION)
GCC_TARGET_LIBEXECDIR = $(TARGET_DIR)/usr/libexec/gcc/$(GNU_TARGET_NAME)/$(GCC_TARGET_VERSION)

# s-tm-texi: see package/gcc-final/gcc-final.mk.
define GCC_TARGET_INSTALL_TARGET_CMDS
	touch $(@D)/build/gcc/s-tm-texi
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D)/build DESTDIR=$(TARGET_DIR) install-gcc
	$(GCC_TARGET_PKGDIR)/target-dev-files $(STAGING_DIR) $(GCC_TARGET_CROSS_LIBDIR) \
		$(TARGET_DIR) $(GNU_TARGET_NAME) $(GCC_TARGET_VERSION)
	[ -e $(TARGET_DIR)/usr/bin/gcc ] || ln -s $(GNU_TARGET_NAME)-gcc $(TARGET_DIR)/usr/bin/gcc
	ln -sfn gcc $(TARGET_DIR)/usr/bin/cc
	rm -rf $(TARGET_DIR)/usr/share/man $(TARGET_DIR)/usr/share/info
	for f in $(TARGET_DIR)/usr/bin/* $(GCC_TARGET_LIBEXECDIR)/*; do \
		if [ -f "$$f" ] && [ ! -L "$$f" ] && [ "$$(head -c 4 "$$f")" = "$$(printf '\177ELF')" ]; then \
			$(TARGET_STRIP) --strip-unneeded "$$f" || exit 1; \
		fi; \
	done
endef

$(eval $(generic-package))
