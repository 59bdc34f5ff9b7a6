################################################################################
# pcre2: Perl-compatible regular expressions, the 8-bit library
# (libpcre2-8.so.0) with its JIT compiler. Staging: headers, libraries,
# libpcre2-8.pc and pcre2-config; target: libpcre2-8.so.0 only.
################################################################################

PCRE2_VERSION = 10.42
# Debian's orig tarball is upstream's release (Debian's changes are in its
# .diff.gz, which we do not use).
PCRE2_SOURCE = pcre2_$(PCRE2_VERSION).orig.tar.gz
PCRE2_APT_SOURCE = pcre2
PCRE2_APT_VERSION = 10.42-1
PCRE2_APT_FILE = $(PCRE2_SOURCE)
PCRE2_LICENSE = BSD-3-Clause WITH PCRE2-exception
PCRE2_LICENSE_FILES = LICENCE
PCRE2_INSTALL_STAGING = YES

# Only the 8-bit library; no optional libraries for the test programs, so
# nothing is picked up from the build machine.
PCRE2_CONF_OPTS = --enable-pcre2-8 --disable-pcre2-16 --disable-pcre2-32 --enable-jit \
	--disable-pcre2grep-libz --disable-pcre2grep-libbz2 \
	--disable-pcre2test-libedit --disable-pcre2test-libreadline

# Staging: pcre2.h, libpcre2-8.pc, pcre2-config and the library, not its
# "make install", which relinks libpcre2-posix (not needed here) with -L of
# its final /usr/lib, which the toolchain wrapper rightly refuses.
define PCRE2_INSTALL_STAGING_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) DESTDIR=$(STAGING_DIR) \
		install-nodist_includeHEADERS install-pkgconfigDATA install-binSCRIPTS
	rm -f $(STAGING_DIR)/usr/lib/pkgconfig/libpcre2-posix.pc
	cp -a $(@D)/.libs/libpcre2-8.so* $(STAGING_DIR)/usr/lib/
endef

define PCRE2_INSTALL_TARGET_CMDS
	mkdir -p $(TARGET_DIR)/usr/lib
	cp -a $(@D)/.libs/libpcre2-8.so.0* $(TARGET_DIR)/usr/lib/
endef

$(eval $(autotools-package))
