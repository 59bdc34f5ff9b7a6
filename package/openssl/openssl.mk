################################################################################
# openssl: TLS and the cryptographic library, the 3.0 long-term-support
# series (libssl.so.3, libcrypto.so.3). Staging: headers, libraries and .pc
# files; target: the two shared libraries only (no openssl program, no
# engines or provider modules, no openssl.cnf).
################################################################################

OPENSSL_VERSION = 3.0.20
# Debian's orig tarball (Debian ships upstream's signature of it,
# openssl_3.0.20.orig.tar.gz.asc), and Debian's patches: the security and
# bug fixes of 3.0.20-1~deb12u2 are applied; the patches that only serve
# Debian's own packaging (its Configure targets, manual sections, symbol
# binding, c_rehash, kTLS for its targets, its openssl.cnf) are not.
OPENSSL_SOURCE = openssl_$(OPENSSL_VERSION).orig.tar.gz
OPENSSL_APT_SOURCE = openssl
OPENSSL_APT_VERSION = 3.0.20-1~deb12u2
OPENSSL_APT_FILE = $(OPENSSL_SOURCE)
OPENSSL_APT_DEBIAN_PATCHES = YES
OPENSSL_APT_DEBIAN_PATCHES_EXCLUDE = debian-targets.patch man-section.patch no-symbolic.patch \
	pic.patch c_rehash-compat.patch Configure-allow-to-enable-ktls-if-target-does-not-start-w.patch \
	Remove-the-provider-section.patch
OPENSSL_LICENSE = Apache-2.0
OPENSSL_LICENSE_FILES = LICENSE.txt
OPENSSL_INSTALL_STAGING = YES

# OpenSSL's Configure (perl, not autotools) is told the target: linux-<arch>
# is its configuration for Linux on that architecture (assembler included).
# The compiler, the tools and the flags come from the environment; nothing
# built is run. No tests, no zlib; the certificates' directory is the
# target's /etc/ssl.
OPENSSL_TARGET_ARCH = linux-$(ARCH)
define OPENSSL_CONFIGURE_CMDS
	cd $(@D) && $(TARGET_CONFIGURE_OPTS) ./Configure $(OPENSSL_TARGET_ARCH) \
		--prefix=/usr --libdir=lib --openssldir=/etc/ssl \
		shared no-tests no-zlib no-engine no-legacy
endef

# Only the shared libraries, no static ones (what links OpenSSL links the
# shared ones) and no openssl program: OpenSSL 3.0 compiles each library
# source twice, for the static and for the shared library. LIBS and
# INSTALL_LIBS without libcrypto.a, libssl.a and the program's library,
# and build_libs instead of build_sw, halve the compiling.
OPENSSL_MAKE_OPTS = LIBS="providers/libcommon.a providers/libdefault.a" INSTALL_LIBS=

# crypto/buildinf.h holds the compiler's command line that OpenSSL_version()
# reports ("compiler: ..."). It is made first, from that command line
# without the output directory's paths (the compiler by its name, no -I of
# staging), so that libcrypto does not depend on where it was built; the
# build keeps it (it depends only on its script).
OPENSSL_WITHOUT_PATHS = sed -n '/^$(1)=/{s///;s/ *-I[^ ]*//g;p}' $(@D)/Makefile
define OPENSSL_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) crypto/buildinf.h CC=$(notdir $(TARGET_CC)) \
		CFLAGS="$$($(call OPENSSL_WITHOUT_PATHS,CFLAGS))" \
		CPPFLAGS_Q="$$($(call OPENSSL_WITHOUT_PATHS,CPPFLAGS_Q))"
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(OPENSSL_MAKE_OPTS) build_libs
endef

# Headers, the shared libraries and .pc files.
define OPENSSL_INSTALL_STAGING_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(OPENSSL_MAKE_OPTS) DESTDIR=$(STAGING_DIR) install_dev
endef

define OPENSSL_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/libcrypto.so.3 $(TARGET_DIR)/usr/lib/libcrypto.so.3
	install -D -m 0755 $(@D)/libssl.so.3 $(TARGET_DIR)/usr/lib/libssl.so.3
endef

$(eval $(generic-package))
