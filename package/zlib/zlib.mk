################################################################################
# zlib: the deflate compression library (libz.so.1). Staging: headers, the
# shared library and zlib.pc; target: the shared library only.
################################################################################

ZLIB_VERSION = 1.2.13
# Debian's repack of the upstream release: contrib/ directories with
# assembler and other-language bindings removed (Files-Excluded in
# debian/copyright); the library's sources are upstream's. None of Debian's
# two patches (minizip's compiler flags, and a build detail of Debian's
# packaging).
ZLIB_SOURCE = zlib_$(ZLIB_VERSION).dfsg.orig.tar.bz2
ZLIB_APT_SOURCE = zlib
ZLIB_APT_VERSION = 1:1.2.13.dfsg-1
ZLIB_APT_FILE = $(ZLIB_SOURCE)
ZLIB_LICENSE = Zlib
ZLIB_LICENSE_FILES = LICENSE
ZLIB_INSTALL_STAGING = YES

# zlib's configure is its own (not autotools): it takes the compiler and the
# tools from the environment and the target from CHOST, and runs nothing it
# compiled.
define ZLIB_CONFIGURE_CMDS
	cd $(@D) && $(TARGET_CONFIGURE_OPTS) CHOST=$(TOOLCHAIN_TUPLE) ./configure --prefix=/usr
endef

define ZLIB_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) libz.so.$(ZLIB_VERSION) libz.a
endef

# Headers, libz.so and zlib.pc for other packages; no static library (what
# links zlib links the shared one) and no manual page.
define ZLIB_INSTALL_STAGING_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) DESTDIR=$(STAGING_DIR) install
	rm -f $(STAGING_DIR)/usr/lib/libz.a
	rm -rf $(STAGING_DIR)/usr/share/man
endef

define ZLIB_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/libz.so.$(ZLIB_VERSION) $(TARGET_DIR)/usr/lib/libz.so.$(ZLIB_VERSION)
	ln -sfn libz.so.$(ZLIB_VERSION) $(TARGET_DIR)/usr/lib/libz.so.1
endef

$(eval $(generic-package))
