################################################################################
# toolchain-runtime: libraries the toolchain provides that only some target
# programs need, copied into the target when a package selects them:
#   SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX  libstdc++.so.6 -> /usr/lib
#   SMARTOS_TOOLCHAIN_TARGET_LIBCRYPT   libcrypt.so.1  -> /lib
#   SMARTOS_TOOLCHAIN_TARGET_LOCALE_C_UTF8  the C.UTF-8 locale -> /usr/lib/locale
# They come from whichever toolchain is in use (the compiler says where it
# keeps them), so a package never copies a toolchain library itself. A
# library the toolchain package already put into the target (glibc's own
# libcrypt with the internal toolchain) is left as it is.
# (The C library and libgcc_s are the toolchain packages' own: every dynamic
# program needs them.)
################################################################################

TOOLCHAIN_RUNTIME_LICENSE = GPL-3.0+ WITH GCC-exception-3.1 (libstdc++), LGPL-2.1+ (libcrypt, the locale)
# The internal toolchain's gcc tree; for the host's gcc, Debian's copyright
# files of the packages the libraries come from (libstdc++6, libcrypt1, or
# their -<arch>-cross twins for Debian's cross gcc).
TOOLCHAIN_RUNTIME_LICENSE_FILES = $(if $(filter y,$(SMARTOS_TOOLCHAIN_INTERNAL)),\
	$(HOST_GCC_FINAL_DIR)/COPYING3 $(HOST_GCC_FINAL_DIR)/COPYING.RUNTIME,\
	$(if $(call qstrip,$(SMARTOS_TOOLCHAIN_EXTERNAL_PATH)),,\
	$(call debian-copyright,libstdc++6) $(call debian-copyright,libcrypt1))) \
	$(if $(filter y,$(SMARTOS_TOOLCHAIN_TARGET_LOCALE_C_UTF8)),/usr/share/doc/locales/copyright)
TOOLCHAIN_RUNTIME_DEPENDENCIES = toolchain
TOOLCHAIN_RUNTIME_CONFIG_VARS = SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX SMARTOS_TOOLCHAIN_TARGET_LIBCRYPT \
	SMARTOS_TOOLCHAIN_TARGET_LOCALE_C_UTF8

# <library> <directory in the target>
TOOLCHAIN_RUNTIME_LIBS = \
	$(if $(filter y,$(SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX)),libstdc++.so.6:usr/lib) \
	$(if $(filter y,$(SMARTOS_TOOLCHAIN_TARGET_LIBCRYPT)),libcrypt.so.1:lib)

# The compiler names the file (-print-file-name echoes the bare name back
# when it has none); the library is copied under its soname, links resolved.
define TOOLCHAIN_RUNTIME_INSTALL_TARGET_CMDS
	for spec in $(TOOLCHAIN_RUNTIME_LIBS); do \
		lib=$${spec%%:*} dir=$${spec#*:}; \
		if [ -e $(TARGET_DIR)/lib/$$lib ] || [ -e $(TARGET_DIR)/usr/lib/$$lib ]; then \
			echo "$$lib: in the target already"; continue; \
		fi; \
		path=$$($(TARGET_CC) -print-file-name=$$lib); \
		case $$path in /*) ;; *) echo "ERROR: toolchain-runtime: the toolchain ($(TARGET_CC)) has no $$lib" >&2; exit 1 ;; esac; \
		install -D -m 0755 "$$(readlink -f "$$path")" $(TARGET_DIR)/$$dir/$$lib || exit 1; \
	done
	$(if $(filter y,$(SMARTOS_TOOLCHAIN_TARGET_LOCALE_C_UTF8)),$(TOOLCHAIN_RUNTIME_LOCALE_C_UTF8))
endef

# The C.UTF-8 locale, compiled from the build machine's locale sources (the
# Debian package locales) by its localedef: glibc 2.36, as the target's C
# library, whose locale files it reads (little-endian, as the target).
# Written under a temporary name and renamed: no half-made locale.
define TOOLCHAIN_RUNTIME_LOCALE_C_UTF8
	if [ ! -f /usr/share/i18n/locales/C ] || [ ! -f /usr/share/i18n/charmaps/UTF-8.gz ]; then \
		echo "ERROR: toolchain-runtime: SMARTOS_TOOLCHAIN_TARGET_LOCALE_C_UTF8 needs the build machine's locale sources (Debian package locales: support/scripts/install-host-deps.sh)" >&2; \
		exit 1; \
	fi
	rm -rf $(TARGET_DIR)/usr/lib/locale/C.utf8 $(TARGET_DIR)/usr/lib/locale/C.utf8.tmp
	mkdir -p $(TARGET_DIR)/usr/lib/locale
	localedef --no-archive -c -i C -f UTF-8 $(TARGET_DIR)/usr/lib/locale/C.utf8.tmp
	mv $(TARGET_DIR)/usr/lib/locale/C.utf8.tmp $(TARGET_DIR)/usr/lib/locale/C.utf8
endef

$(eval $(generic-package))
