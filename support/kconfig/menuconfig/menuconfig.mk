# menuconfig.mk - build rules for mconf, the ncursesw menuconfig front end.
#
# Included by support/kconfig/Makefile with `-include menuconfig/menuconfig.mk`; adds $(O)/mconf
# to `all` and a `check-menuconfig` target (tmux-driven tests). Uses from the includer:
#   O              the output directory (mconf lands in $(O)/mconf, objects in $(O)/menuconfig)
#   KCONFIG_LIB    the engine library (default: $(O)/libkconfig.a, built by the includer)
#   $(O)/conf      the engine's conf, used by the tests to re-check the written .config
# ncursesw flags come from pkg-config (Debian: libncurses-dev).
MC_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
MC_OBJDIR := $(O)/menuconfig
MC_SRCS := $(wildcard $(MC_DIR)/*.c)
MC_OBJS := $(patsubst $(MC_DIR)/%.c,$(MC_OBJDIR)/%.o,$(MC_SRCS))
MC_PKGCONFIG ?= pkg-config
MC_CURSES_CFLAGS := $(shell $(MC_PKGCONFIG) --cflags ncursesw 2>/dev/null || echo -I/usr/include/ncursesw)
MC_CURSES_LIBS := $(shell $(MC_PKGCONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo)
KCONFIG_LIB ?= $(O)/libkconfig.a
MC_CFLAGS ?= -std=c11 -Wall -Wextra -Werror

$(MC_OBJDIR)/%.o: $(MC_DIR)/%.c $(MC_DIR)/mc.h $(MC_DIR)/../kconfig.h
	@mkdir -p $(@D)
	$(CC) $(MC_CFLAGS) $(CFLAGS) $(MC_DEFS) -D_GNU_SOURCE -I$(MC_DIR) $(MC_CURSES_CFLAGS) -c -o $@ $<

# the translations are built with mconf, which finds them beside itself
$(O)/mconf: $(MC_OBJS) $(KCONFIG_LIB) $(PO_MOS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(MC_OBJS) $(KCONFIG_LIB) $(MC_CURSES_LIBS)

# Where an installed mconf finds its translations when there is no locale/ beside it:
# $(PREFIX)/share/locale (`make install`). The value is kept in a file so that another
# PREFIX rebuilds screen.o.
PREFIX ?= /usr/local
MC_LOCALEDIR ?= $(PREFIX)/share/locale
MC_LOCALEDIR_FILE := $(MC_OBJDIR)/localedir
ifneq ($(shell cat $(MC_LOCALEDIR_FILE) 2>/dev/null),$(MC_LOCALEDIR))
$(shell mkdir -p $(MC_OBJDIR) && echo '$(MC_LOCALEDIR)' >$(MC_LOCALEDIR_FILE))
endif
$(MC_OBJDIR)/screen.o: $(MC_LOCALEDIR_FILE)
$(MC_OBJDIR)/screen.o: MC_DEFS := -DMC_LOCALEDIR='"$(MC_LOCALEDIR)"'

.PHONY: all mconf check-menuconfig bench-menuconfig
all: $(O)/mconf
mconf: $(O)/mconf

check-menuconfig: $(O)/mconf $(O)/conf $(PO_MOS)
	$(MC_DIR)/tests/run.sh $(O)/mconf $(O)/conf

bench-menuconfig: $(O)/mconf
	$(MC_DIR)/bench.sh $(O)/mconf
