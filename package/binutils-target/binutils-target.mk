################################################################################
# binutils-target: the assembler, linker and binary tools on the target (as,
# ld, ... in /usr/bin), for gcc-target. A cross-native build: compiled by the
# internal toolchain to run on $(GNU_TARGET_NAME) and produce code for it.
# Separate from package/binutils (host-binutils) so that changing one does
# not rebuild the other and the whole toolchain with it.
# Source: see TOOLCHAIN_BINUTILS_* in toolchain/toolchain.mk.
################################################################################

BINUTILS_TARGET_VERSION = $(TOOLCHAIN_BINUTILS_VERSION)
BINUTILS_TARGET_SOURCE = $(TOOLCHAIN_BINUTILS_SOURCE)
BINUTILS_TARGET_APT_SOURCE = $(TOOLCHAIN_BINUTILS_APT_SOURCE)
BINUTILS_TARGET_APT_VERSION = $(TOOLCHAIN_BINUTILS_APT_VERSION)
BINUTILS_TARGET_LICENSE = $(TOOLCHAIN_BINUTILS_LICENSE)
BINUTILS_TARGET_LICENSE_FILES = $(TOOLCHAIN_BINUTILS_LICENSE_FILES)

# Static libbfd/libopcodes linked into the tools; no gdb, gprofng,
# simulators or translations; the shipped manuals as they are.
BINUTILS_TARGET_CONF_OPTS = \
	--target=$(GNU_TARGET_NAME) \
	--disable-shared --enable-static \
	--disable-multilib --disable-werror --disable-nls \
	--disable-gdb --disable-gdbserver --disable-sim --disable-gprofng \
	--disable-libdecnumber --disable-readline --without-debuginfod \
	--without-zstd --enable-deterministic-archives
BINUTILS_TARGET_MAKE_OPTS = MAKEINFO=true
BINUTILS_TARGET_INSTALL_OPTS = MAKEINFO=true install

BINUTILS_TARGET_PROGRAMS = addr2line ar as c++filt elfedit gprof ld ld.bfd nm objcopy objdump \
	ranlib readelf size strings strip

# Only the programs (stripped; not the other packages' files in usr/bin): no
# static libraries, headers, manuals. binutils names
# its tools without a prefix when they run on the target they produce code
# for (host = target, as here), $(GNU_TARGET_NAME)-as ... otherwise: both
# names exist in the end.
define BINUTILS_TARGET_CLEANUP
	rm -rf $(TARGET_DIR)/usr/share/man $(TARGET_DIR)/usr/share/info \
		$(TARGET_DIR)/usr/include/ansidecl.h $(TARGET_DIR)/usr/include/bfd*.h \
		$(TARGET_DIR)/usr/include/ctf*.h $(TARGET_DIR)/usr/include/diagnostics.h \
		$(TARGET_DIR)/usr/include/dis-asm.h $(TARGET_DIR)/usr/include/plugin-api.h \
		$(TARGET_DIR)/usr/include/symcat.h $(TARGET_DIR)/usr/include/sframe*.h \
		$(TARGET_DIR)/usr/lib/libbfd* $(TARGET_DIR)/usr/lib/libopcodes* \
		$(TARGET_DIR)/usr/lib/libctf* $(TARGET_DIR)/usr/lib/libsframe* \
		$(TARGET_DIR)/usr/lib/bfd-plugins
	for t in $(BINUTILS_TARGET_PROGRAMS); do \
		for f in $(TARGET_DIR)/usr/bin/$$t $(TARGET_DIR)/usr/bin/$(GNU_TARGET_NAME)-$$t \
			$(TARGET_DIR)/usr/$(GNU_TARGET_NAME)/bin/$$t; do \
			if [ -f "$$f" ] && [ ! -L "$$f" ]; then $(TARGET_STRIP) --strip-unneeded "$$f" || exit 1; fi; \
		done; \
	done
	cd $(TARGET_DIR)/usr/bin && for f in $(GNU_TARGET_NAME)-*; do \
		[ -e "$$f" ] || continue; \
		[ -e "$${f#$(GNU_TARGET_NAME)-}" ] || ln -s "$$f" "$${f#$(GNU_TARGET_NAME)-}"; \
	done
endef
BINUTILS_TARGET_POST_INSTALL_TARGET_HOOKS += BINUTILS_TARGET_CLEANUP

$(eval $(autotools-package))
