################################################################################
# ncurses: the terminal-independent screen library, wide-character build
#
# Target: libncursesw, libformw, libmenuw, libpanelw (shared), the programs
# (tput, tic, infocmp, clear, reset, tset, toe, tabs) and the terminal
# descriptions SMARTOS_PACKAGE_NCURSES_TERMINFO names, compiled by host-ncurses'
# tic from ncurses' own misc/terminfo.src. Headers (in /usr/include: curses.h,
# ncurses.h, ...), the pkg-config files (ncursesw.pc, formw.pc, menuw.pc,
# panelw.pc) and ncursesw6-config go to the staging directory, and to the
# target too when gcc is on the target (SMARTOS_PACKAGE_GCC_TARGET).
################################################################################

NCURSES_VERSION = 6.4
# Debian's ncurses_6.4.orig.tar.gz is upstream's release file (see
# ncurses.hash). Of Debian's patches only the tic crash fix cherry-picked
# from upstream's 20230121 patch level; Debian's others change its own
# defaults, or configure.in (which would need Dickey's autoconf).
NCURSES_SOURCE = ncurses-$(NCURSES_VERSION).tar.gz
NCURSES_SITE = https://invisible-mirror.net/archives/ncurses
NCURSES_APT_SOURCE = ncurses
NCURSES_APT_VERSION = 6.4-4
NCURSES_APT_FILE = ncurses_$(NCURSES_VERSION).orig.tar.gz
NCURSES_APT_DEBIAN_PATCHES = YES
NCURSES_APT_DEBIAN_PATCHES_ONLY = fix_crash_on_very_long_tc-use_clause.diff
NCURSES_LICENSE = MIT-style (X11)
NCURSES_LICENSE_FILES = COPYING
NCURSES_INSTALL_STAGING = YES
NCURSES_DEPENDENCIES = host-ncurses

# Shared libraries only, wide characters, headers straight in /usr/include
# (overwrite) with the libcurses link; no C++ or Ada binding, manual pages,
# test programs, GPM mouse or stripping by install (a build machine's strip);
# the terminal database is installed below, not by ncurses' install.
NCURSES_COMMON_OPTS = --enable-widec --without-debug --without-ada --without-cxx-binding \
	--without-manpages --without-tests --without-gpm --disable-db-install
NCURSES_CONF_OPTS = $(NCURSES_COMMON_OPTS) --with-shared --without-normal \
	--enable-overwrite --enable-pc-files --with-pkg-config-libdir=/usr/lib/pkgconfig \
	--disable-stripping --disable-rpath
NCURSES_CONF_ENV = BUILD_CC="$(HOST_CC)"

NCURSES_TERMINFO = $(call qstrip,$(SMARTOS_PACKAGE_NCURSES_TERMINFO))
NCURSES_TERMINFO_DIR = $(TARGET_DIR)/usr/share/terminfo
NCURSES_CONFIG_VARS = SMARTOS_PACKAGE_GCC_TARGET

# The terminal descriptions, compiled with extended capabilities (-x); a
# name terminfo.src does not have stops the build naming the option.
define NCURSES_INSTALL_TERMINFO
	mkdir -p $(NCURSES_TERMINFO_DIR)
	$(if $(filter all,$(NCURSES_TERMINFO)),\
		$(HOST_DIR)/bin/tic -x -o $(NCURSES_TERMINFO_DIR) $(@D)/misc/terminfo.src,\
		$(if $(NCURSES_TERMINFO),$(HOST_DIR)/bin/tic -x -o $(NCURSES_TERMINFO_DIR) \
			-e $(subst $(space),$(comma),$(NCURSES_TERMINFO)) $(@D)/misc/terminfo.src))
	for t in $(filter-out all,$(NCURSES_TERMINFO)); do \
		f=$(NCURSES_TERMINFO_DIR)/$$(printf %s "$$t" | cut -c1)/$$t; \
		[ -f "$$f" ] || { echo "ncurses: SMARTOS_PACKAGE_NCURSES_TERMINFO: no terminal description \"$$t\" in ncurses' misc/terminfo.src" >&2; exit 1; }; \
	done
endef
NCURSES_POST_INSTALL_TARGET_HOOKS += NCURSES_INSTALL_TERMINFO

# libncurses.so for programs that link -lncurses (what the narrow build
# would be named); libcurses.so is ncurses' own link.
define NCURSES_INSTALL_STAGING_LINKS
	ln -sfn libncursesw.so $(STAGING_DIR)/usr/lib/libncurses.so
endef
NCURSES_POST_INSTALL_STAGING_HOOKS += NCURSES_INSTALL_STAGING_LINKS

# The development links ncurses' install makes (the run-time names are
# lib*.so.6).
NCURSES_DEV_LINKS = libncursesw.so libformw.so libmenuw.so libpanelw.so libcurses.so
ifeq ($(SMARTOS_PACKAGE_GCC_TARGET),y)
define NCURSES_TARGET_DEV_FILES
	ln -sfn libncursesw.so $(TARGET_DIR)/usr/lib/libncurses.so
endef
else
# Without a compiler on the target, only what programs run with.
define NCURSES_TARGET_DEV_FILES
	rm -rf $(TARGET_DIR)/usr/include $(TARGET_DIR)/usr/lib/pkgconfig
	rm -f $(TARGET_DIR)/usr/bin/ncursesw6-config
	rm -f $(addprefix $(TARGET_DIR)/usr/lib/,$(NCURSES_DEV_LINKS))
endef
endif
NCURSES_POST_INSTALL_TARGET_HOOKS += NCURSES_TARGET_DEV_FILES

$(eval $(autotools-package))

# host-ncurses: tic, to compile the target's terminal descriptions (static,
# in HOST_DIR/bin).
HOST_NCURSES_CONF_OPTS = $(NCURSES_COMMON_OPTS) --without-shared --with-normal \
	--without-cxx
define HOST_NCURSES_INSTALL_CMDS
	install -D -m 0755 $(@D)/progs/tic $(HOST_DIR)/bin/tic
endef

$(eval $(host-autotools-package))
