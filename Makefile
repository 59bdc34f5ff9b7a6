# smart-os top-level Makefile.
#
# Usage: make <name>_defconfig && make      (make help lists everything)
# O=<dir> builds elsewhere than output/; V=1 shows every command.
# The flow, one folder per stage: configs/ -> arch/ (what the target
# architecture decides) -> toolchain/ -> package/, linux/,
# boot/ (the package infrastructures in package/pkg-*.mk, shared variables in
# package/Makefile.in) -> system/ (target-finalize) -> fs/ (the images).

# Make must run from the top of the tree (make -C <tree> is fine).
TOPDIR := $(CURDIR)
# Make splits words at spaces: a path with one cannot work.
ifneq ($(words $(TOPDIR)),1)
$(error the smart-os tree's path "$(TOPDIR)" contains a space: make cannot handle that; move the tree)
endif
O ?= $(TOPDIR)/output
ifneq ($(words $(O)),1)
$(error O="$(O)" contains a space: make cannot handle paths with spaces; choose another output directory)
endif
override O := $(abspath $(O))
# O= is ours: packages' own make (the kernel's O= means something else) must not
# inherit it from the command line. Our own recursive calls pass O= explicitly.
MAKEOVERRIDES := $(filter-out O=%,$(MAKEOVERRIDES))

# The build runs tools that Debian keeps in /usr/sbin and /sbin (mke2fs,
# debugfs, depmod; genimage runs mkfs.vfat), which a normal user's PATH lacks:
# they are added at its end. (install-host-deps.sh --check looks for the
# build's commands in the same PATH.)
path-has = $(filter $(1),$(subst :, ,$(PATH)))
export PATH := $(PATH)$(if $(call path-has,/usr/sbin),,:/usr/sbin)$(if $(call path-has,/sbin),,:/sbin)

.DEFAULT_GOAL := all
# No built-in suffix rules for our files. (No -r/-R in MAKEFLAGS: package builds
# run $(MAKE) and may rely on make's built-in rules and variables.)
.SUFFIXES:

# Targets that never need a .config (or the package .mk files).
NOCONFIG_TARGETS := help list-defconfigs menuconfig nconfig oldconfig olddefconfig \
	syncconfig savedefconfig allnoconfig alldefconfig allyesconfig defconfig \
	%_defconfig clean distclean check check-kconfig check-framework check-runtime check-long \
	check-kconfig-conformance check-cache check-reproducible bench-cache bench-framework \
	kconfig-tools kconfig-mtools

# --- the top make: one inner make per goal ----------------------------------------
# The Makefile re-runs itself once per goal, in order, so "make foo_defconfig
# all" or "make clean all" keep their order, through support/scripts/make-goals:
# - under umask 022, whatever the user's: the images do not depend on it;
# - parallel by default: without -j on the command line the inner make gets
#   -j<cores>; with -jN it shares the top make's jobs;
# - one make per output directory: make-goals holds $(O)/.smartos-make.lock
#   while the goals run (help and list-defconfigs need none), and a second
#   make there stops at once, naming the first;
# - a SIGTERM (or SIGKILL) of the top make alone stops the inner make and the
#   package builds too (make-goals passes it on).
# Makes the build runs itself in the same output directory (a package's
# -rebuild, the artifact cache's fallback) inherit SMARTOS_NO_REEXEC=1.
ifeq ($(SMARTOS_NO_REEXEC),)
JOBS := $(or $(shell nproc 2>/dev/null),1)
GOALS := $(if $(MAKECMDGOALS),$(MAKECMDGOALS),all)
LOCK_FREE_GOALS := help list-defconfigs
.PHONY: $(GOALS) _smartos_reexec
$(wordlist 2,$(words $(GOALS)),$(GOALS)): _smartos_reexec ; @:
$(firstword $(GOALS)): _smartos_reexec ; @:
_smartos_reexec:
	@exec $(CURDIR)/support/scripts/make-goals \
		$(if $(filter-out $(LOCK_FREE_GOALS),$(GOALS)),--lock $(O)/.smartos-make.lock) \
		-- $(MAKE) --no-print-directory $(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS)) O=$(O) SMARTOS_NO_REEXEC=1 \
		-- $(foreach g,$(GOALS),'$(subst ','\'',$(g))')
else # ----------------------------------------------------------------------------

ifneq ($(V),1)
.SILENT:
Q := @
else
Q :=
endif

SMARTOS_CONFIG := $(O)/.config
KCONFIG_DIR := $(O)/build/kconfig
KCONFIG_AUTOCONFIG := $(KCONFIG_DIR)/config/auto.conf
KCONFIG_AUTOHEADER := $(KCONFIG_DIR)/config/autoconf.h
# Remembers which configs/<name>_defconfig the .config came from (savedefconfig).
DEFCONFIG_ORIGIN := $(O)/.defconfig-origin

# The Kconfig front ends. KCONFIG_CONF / KCONFIG_MCONF (environment or command
# line) override them, e.g. KCONFIG_CONF=/path/to/kernel/scripts/kconfig/conf.
KCONFIG_CONF ?= $(KCONFIG_DIR)/conf
KCONFIG_MCONF ?= $(KCONFIG_DIR)/mconf
KCONFIG_BUILT_TOOLS := $(KCONFIG_DIR)/conf $(KCONFIG_DIR)/mconf

# The environment our Kconfig engine (and the kernel's conf) understands.
# CONFIG_ is set empty: our symbols are named SMARTOS_* in full. Linux 6.1's
# conf drops unknown symbols of a .config silently; smart-os users are told.
KCONFIG_ENV := CONFIG_= srctree=$(TOPDIR) KCONFIG_CONFIG=$(SMARTOS_CONFIG) \
	KCONFIG_WARN_UNKNOWN_SYMBOLS=1 \
	KCONFIG_AUTOCONFIG=$(KCONFIG_AUTOCONFIG) KCONFIG_AUTOHEADER=$(KCONFIG_AUTOHEADER) \
	KCONFIG_RUSTCCFG=$(KCONFIG_DIR)/rustc_cfg
# run-kconfig <tool> <args>: run in $(KCONFIG_DIR) so nothing lands in the tree.
# Under umask 077: .config, .config.old and what syncconfig writes (auto.conf,
# autoconf.h, ...) may hold the root password, so they are the owner's alone.
run-kconfig = (umask 077 && cd $(KCONFIG_DIR) && env $(KCONFIG_ENV) $(1) $(2) $(TOPDIR)/Kconfig)

CONFIG_GOALS := $(filter-out $(NOCONFIG_TARGETS),$(MAKECMDGOALS))
ifeq ($(MAKECMDGOALS),)
CONFIG_GOALS := all
endif

include package/Makefile.in

# --- external trees (docs/external-trees.md) ------------------------------------
# SMARTOS_EXTERNAL=dir1:dir2 (environment or command line; empty forgets them)
# is remembered in $(O)/.smartos-external. support/scripts/external-trees checks
# the trees and writes $(O)/.smartos-external.mk (SMARTOS_EXTERNAL_NAMES,
# SMARTOS_EXTERNAL_DIRS, SMARTOS_EXTERNAL_<NAME>_PATH/_DESC) and
# $(O)/.smartos-external.Kconfig (a menu per tree, sourced by Kconfig).
EXTERNAL_LIST := $(O)/.smartos-external
EXTERNAL_SET := $(if $(filter environment% command%,$(origin SMARTOS_EXTERNAL)),--set $(call shq,$(SMARTOS_EXTERNAL)))
ifneq ($(EXTERNAL_SET)$(wildcard $(EXTERNAL_LIST)),)
ifneq ($(shell $(PYTHON3) $(SCRIPTS)/external-trees $(O) $(TOPDIR) $(EXTERNAL_SET) && echo ok),ok)
$(error the external trees are not usable (see the message above))
endif
include $(EXTERNAL_LIST).mk
SMARTOS_EXTERNAL_KCONFIG := $(EXTERNAL_LIST).Kconfig
else
SMARTOS_EXTERNAL_KCONFIG := $(TOPDIR)/support/misc/no-external.Kconfig
endif
KCONFIG_ENV += SMARTOS_EXTERNAL_KCONFIG=$(SMARTOS_EXTERNAL_KCONFIG)
# Where "make <name>_defconfig" looks, in this order.
DEFCONFIG_DIRS := $(TOPDIR)/configs $(addsuffix /configs,$(SMARTOS_EXTERNAL_DIRS))

ifneq ($(CONFIG_GOALS),)
# --- build mode: read the configuration and every package --------------------
ifeq ($(wildcard $(SMARTOS_CONFIG)),)
$(error No configuration in $(O): run "make <name>_defconfig" (see "make list-defconfigs") or "make menuconfig")
endif
-include $(KCONFIG_AUTOCONFIG)
# What the target architecture decides (tuple, kernel, ELF machine, qemu, ...).
include arch/arch.mk
# Values like "$(SMARTOS_EXTERNAL_FOO_PATH)/board/..." need that tree: the
# references found in the configuration's values (as auto.conf wrote them).
config-external-refs = $(sort $(filter SMARTOS_EXTERNAL_%_PATH,$(subst $(dollar)$(lparen), ,$(subst $(rparen), ,\
	$(foreach v,$(filter SMARTOS_%,$(.VARIABLES)),$(value $(v)))))))
$(foreach r,$(config-external-refs),$(if $(filter undefined,$(origin $(r))),\
	$(error $(SMARTOS_CONFIG) uses $$($(r)) but no external tree named $(patsubst SMARTOS_EXTERNAL_%_PATH,%,$(r)) is in use: run make with SMARTOS_EXTERNAL=<its path>)))
# auto.conf is regenerated when .config changed (make restarts after that).
$(KCONFIG_AUTOCONFIG): $(SMARTOS_CONFIG) $(SMARTOS_EXTERNAL_KCONFIG) | $(KCONFIG_CONF)
	$(call run-kconfig,$(KCONFIG_CONF),--syncconfig) >/dev/null
	touch $@

include package/pkg-generic.mk
include package/pkg-autotools.mk
include package/pkg-meson.mk
include package/pkg-cmake.mk
include package/pkg-kconfig.mk
include package/pkg-kernel-module.mk
# The toolchain, then every package: toolchain/*/, linux/, boot/*/, package/*/.
include toolchain/toolchain.mk
include $(sort $(wildcard toolchain/*/*.mk)) $(wildcard linux/*.mk) $(sort $(wildcard boot/*/*.mk))
include $(sort $(wildcard package/*/*.mk))
# The external trees' packages and their own external.mk, tree by tree.
include $(foreach d,$(SMARTOS_EXTERNAL_DIRS),$(sort $(wildcard $(d)/package/*/*.mk)) $(wildcard $(d)/external.mk))
# The system settings and the image types (their commands and options), and
# what the root file system depends on (fs/rootfs.mk: its input record).
include system/system.mk
include fs/rootfs.mk
include $(sort $(wildcard fs/*/*.mk))
# Option values are checked before anything builds (CONFIG_CHECKS: package/Makefile.in,
# and the packages, system/ and fs/ files add theirs).
ifneq ($(shell $(SCRIPTS)/check-config $(SMARTOS_CONFIG) $(config-check-args) && echo ok),ok)
$(error $(SMARTOS_CONFIG) has values that cannot work (above): change them with "make menuconfig")
endif
# All packages are known now: compute every input hash and generate the
# packages' rules, then the target-finalize and image steps (fs/fs.mk).
$(eval $(pkg-generate-all))
include fs/fs.mk
include support/insight.mk

.PHONY: all source show-info run printvars
all: $(ROOTFS_IMAGES_STAMP)

source: $(foreach p,$(PACKAGES_CLOSURE),$(p)-source)

show-info:
	$(call pkg-write-table,--print)

# printvars VARS="NAME...": NAME=value as make sees it, a line each (for
# scripts and tests: the configuration's values without reading .config).
printvars:
	$(foreach v,$(VARS),$(info $(v)=$($(v))))

run: $(ROOTFS_IMAGES_STAMP)
	$(if $(SMARTOS_RUN_SCRIPT_PATH),,$(error SMARTOS_RUN_SCRIPT is not set: this configuration has no run script))
	cd $(BINARIES_DIR) && BINARIES_DIR=$(BINARIES_DIR) HOST_DIR=$(HOST_DIR) \
		$(call abs-path,$(SMARTOS_RUN_SCRIPT_PATH)) $(BINARIES_DIR)
endif # build mode

# --- configuration targets ------------------------------------------------------
$(KCONFIG_DIR):
	mkdir -p $@

# Build our own Kconfig front ends unless KCONFIG_CONF / KCONFIG_MCONF point
# elsewhere. Configuration targets always ask support/kconfig to bring them up to
# date (cheap when nothing changed); the build only needs conf to exist.
define kconfig-build-tool
	if [ ! -f support/kconfig/Makefile ]; then \
		echo "ERROR: support/kconfig/Makefile is missing (the Kconfig engine is not in this tree);" >&2; \
		echo "       set KCONFIG_CONF=<path to a kernel-compatible conf> to use another one." >&2; \
		exit 1; \
	fi
	mkdir -p $(KCONFIG_DIR)
	$(MAKE) -s --no-print-directory -C support/kconfig O=$(KCONFIG_DIR) $(1)
endef
$(KCONFIG_BUILT_TOOLS):
	+$(call kconfig-build-tool,$@)

.PHONY: kconfig-tools kconfig-mtools
kconfig-tools:
	+$(if $(filter $(KCONFIG_DIR)/conf,$(KCONFIG_CONF)),$(call kconfig-build-tool,$(KCONFIG_CONF)))
kconfig-mtools: kconfig-tools
	+$(if $(filter $(KCONFIG_DIR)/mconf,$(KCONFIG_MCONF)),$(call kconfig-build-tool,$(KCONFIG_MCONF)))

# defconfigs-in <dir>: the defconfig names in a configs/ directory.
defconfigs-in = $(sort $(notdir $(wildcard $(1)/*_defconfig)))
# defconfig-file <name>_defconfig: the first one found in DEFCONFIG_DIRS.
defconfig-file = $(firstword $(wildcard $(addsuffix /$(1),$(DEFCONFIG_DIRS))))

%_defconfig: | kconfig-tools $(KCONFIG_DIR)
	$(if $(call defconfig-file,$@),,$(error no $@ in $(DEFCONFIG_DIRS) (see "make list-defconfigs")))
	$(call run-kconfig,$(KCONFIG_CONF),--defconfig $(call defconfig-file,$@))
	$(call run-kconfig,$(KCONFIG_CONF),--syncconfig) >/dev/null
	printf '%s\n' "$(call defconfig-file,$@)" > $(DEFCONFIG_ORIGIN).tmp && mv $(DEFCONFIG_ORIGIN).tmp $(DEFCONFIG_ORIGIN)

oldconfig syncconfig olddefconfig allnoconfig alldefconfig allyesconfig: | kconfig-tools $(KCONFIG_DIR)
	$(call run-kconfig,$(KCONFIG_CONF),--$@)
	$(if $(filter syncconfig,$@),,$(call run-kconfig,$(KCONFIG_CONF),--syncconfig) >/dev/null)

defconfig: | kconfig-tools $(KCONFIG_DIR)
	$(call run-kconfig,$(KCONFIG_CONF),--alldefconfig)
	$(call run-kconfig,$(KCONFIG_CONF),--syncconfig) >/dev/null

# The kernel's second full-screen front end (nconfig) has no counterpart here: say so
# rather than run something else under its name.
nconfig:
	@echo "ERROR: nconfig is not provided by smart-os; use 'make menuconfig' (the same keys as the kernel's menuconfig)." >&2
	@exit 1

# KCONFIG_TEXTDOMAIN: the catalogue of our Kconfig prompts (LANG=zh_CN.UTF-8 shows them in Chinese).
menuconfig: | kconfig-mtools $(KCONFIG_DIR)
	$(call run-kconfig,env KCONFIG_TEXTDOMAIN=smartos-kconfig $(KCONFIG_MCONF),)
	$(call run-kconfig,$(KCONFIG_CONF),--syncconfig) >/dev/null

# savedefconfig writes back to the defconfig the .config came from, or DEFCONFIG=.
savedefconfig: | kconfig-tools $(KCONFIG_DIR)
	set -e; dest="$(DEFCONFIG)"; \
	if [ -z "$$dest" ] && [ -f $(DEFCONFIG_ORIGIN) ]; then dest=$$(cat $(DEFCONFIG_ORIGIN)); fi; \
	if [ -z "$$dest" ]; then echo "ERROR: no defconfig to save to: pass DEFCONFIG=<file>" >&2; exit 1; fi; \
	$(call run-kconfig,$(KCONFIG_CONF),--savedefconfig $(KCONFIG_DIR)/defconfig.tmp); \
	grep -q '^SMARTOS_TARGET_GENERIC_ROOT_PASSWD=' $(KCONFIG_DIR)/defconfig.tmp || chmod 644 $(KCONFIG_DIR)/defconfig.tmp; \
	mv $(KCONFIG_DIR)/defconfig.tmp "$$dest"; echo "Saved $$dest"

list-defconfigs:
	echo "Defconfigs in configs/:"
	$(foreach d,$(call defconfigs-in,$(TOPDIR)/configs),printf '  %-40s - build for %s\n' $(d) $(patsubst %_defconfig,%,$(d));)
	$(foreach n,$(SMARTOS_EXTERNAL_NAMES),echo; \
		echo $(call shq,Defconfigs in external tree $(n) ($(SMARTOS_EXTERNAL_$(n)_DESC))$(comma) $(SMARTOS_EXTERNAL_$(n)_PATH)/configs/:); \
		$(foreach d,$(call defconfigs-in,$(SMARTOS_EXTERNAL_$(n)_PATH)/configs),printf '  %-40s - build for %s\n' $(d) $(patsubst %_defconfig,%,$(d));))

# --- cleaning ---------------------------------------------------------------------
.PHONY: clean distclean
# clean keeps .config, the Kconfig tools and the download cache; distclean
# removes the whole output directory.
clean:
	rm -rf $(O)/per-package $(O)/target $(O)/staging $(O)/host $(O)/images $(O)/graphs $(O)/legal-info $(O)/legal-info.tmp \
		$(filter-out $(O)/build/kconfig,$(wildcard $(O)/build/*))

distclean:
	$(if $(filter $(TOPDIR) $(HOME) /,$(O)),$(error refusing to remove O=$(O)))
	rm -rf $(O)

# --- tests ------------------------------------------------------------------------
.PHONY: check check-kconfig check-framework check-runtime
# check-kconfig and check-framework run side by side: each keeps about one
# of two cores busy (the framework's tests run one after another). The
# framework's output is printed when check-kconfig is done, then
# check-runtime runs, whose builds use every core.
check:
	rc=0; mkdir -p "$(O)"; \
	$(MAKE) --no-print-directory O=$(O) check-framework >"$(O)/check-framework.log" 2>&1 & fw=$$!; \
	echo "=== check-kconfig (check-framework beside it, into $(O)/check-framework.log)"; \
	$(MAKE) --no-print-directory O=$(O) check-kconfig || { echo "=== check-kconfig FAILED"; rc=1; }; \
	echo "=== check-framework"; fwrc=0; wait $$fw || fwrc=$$?; cat "$(O)/check-framework.log"; \
	[ $$fwrc -eq 0 ] || { echo "=== check-framework FAILED"; rc=1; }; \
	echo "=== check-runtime"; \
	$(MAKE) --no-print-directory O=$(O) check-runtime || { echo "=== check-runtime FAILED"; rc=1; }; \
	exit $$rc

# Our Kconfig engine: its unit tests, then the conformance harness against the
# kernel's own kconfig, with the conf those tests built: the cases of
# KCONFIG_CONFORMANCE_CASES (a regular expression on arch/case; make check:
# defconfig, allnoconfig, tinyconfig and a randconfig) with
# KCONFIG_CONFORMANCE_SEEDS randconfigs for each architecture of
# KCONFIG_CONFORMANCE_ARCHS (check-long runs every case, allyesconfig and
# allmodconfig too, with the harness's full 30 seeds for x86_64 and arm64).
KCONFIG_CHECK_DIR = $(O)/build/kconfig-check
KCONFIG_FUZZ_SECONDS ?= 30
KCONFIG_CONFORMANCE_SEEDS ?= 1
KCONFIG_CONFORMANCE_ARCHS ?= x86_64
KCONFIG_CONFORMANCE_CASES ?= /(defconfig|allnoconfig|tinyconfig|randconfig-)
KCONFIG_CONFORMANCE_VARS = CONF=$(KCONFIG_CHECK_DIR)/conf WORKDIR=$(O)/build/kconfig-conformance \
	ARGS='--seeds $(KCONFIG_CONFORMANCE_SEEDS) --arch "$(KCONFIG_CONFORMANCE_ARCHS)" --cases "$(KCONFIG_CONFORMANCE_CASES)"'
check-kconfig:
	test -f support/kconfig/Makefile || { echo "ERROR: check-kconfig: support/kconfig/Makefile is missing" >&2; exit 1; }
	test -f support/kconfig/tests/conformance/Makefile || \
		{ echo "ERROR: check-kconfig: support/kconfig/tests/conformance/Makefile is missing" >&2; exit 1; }
	$(MAKE) -C support/kconfig O=$(KCONFIG_CHECK_DIR) check check-menuconfig
	$(MAKE) -C support/kconfig O=$(KCONFIG_CHECK_DIR) check-sanitize
	$(MAKE) -C support/kconfig O=$(KCONFIG_CHECK_DIR) fuzz FUZZ_SECONDS=$(KCONFIG_FUZZ_SECONDS)
	$(MAKE) -C support/kconfig/tests/conformance check $(KCONFIG_CONFORMANCE_VARS)

.PHONY: check-kconfig-conformance
check-kconfig-conformance:
	$(MAKE) -C support/kconfig O=$(KCONFIG_CHECK_DIR) $(KCONFIG_CHECK_DIR)/conf
	$(MAKE) -C support/kconfig/tests/conformance conformance $(KCONFIG_CONFORMANCE_VARS)

# The test drivers run make themselves, as a user would: without this make's
# MAKEFLAGS (whose jobserver they could not use: they would build with -j1).
CLEAN_MAKE_ENV := env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES -u O \
	-u SMARTOS_NO_REEXEC -u SMARTOS_PACKAGE_JOBS -u SMARTOS_EXTERNAL
check-framework:
	$(CLEAN_MAKE_ENV) support/testing/framework/run-tests

# The artifact cache and reproducible images on real configurations
# (docs/cache.md, docs/reproducible.md): check-cache builds the docker config
# (busybox), rebuilds it from the cache and builds it again elsewhere;
# check-reproducible does the same with the qemu config and every image type
# (all-images.fragment: a kernel, GRUB, ISO, disks; long);
# bench-cache times a clean build without ccache against a rebuild from the cache.
.PHONY: check-cache check-reproducible bench-cache
check-cache:
	$(CLEAN_MAKE_ENV) support/testing/cache/run smartos_docker_defconfig
check-reproducible:
	$(CLEAN_MAKE_ENV) support/testing/cache/run --fragment support/testing/reproducible/all-images.fragment \
		smartos_qemu_host_toolchain_defconfig
bench-cache:
	$(CLEAN_MAKE_ENV) support/testing/cache/run --bench $(or $(BENCH_DEFCONFIG),smartos_docker_defconfig)

# The framework's own cost with 20 empty packages; no-op make against GNU make
# alone over as many stamps (the ratio is printed).
.PHONY: bench-framework
bench-framework:
	$(CLEAN_MAKE_ENV) support/testing/framework/run-tests overhead_benchmark

# Every runtime test fits CI's time budget (docs/testing.md has the measured
# figure: two kernels, busybox, GRUB, the streaming server, the aarch64
# board).
# (Unbuffered: a test's lines reach a CI log as they are printed.)
check-runtime:
	$(CLEAN_MAKE_ENV) PYTHONUNBUFFERED=1 support/testing/runtime/run

# The long suite (not part of check): the Kconfig conformance harness with
# its 30 randconfigs per architecture, check-cache, the framework tests that build real
# source packages (the Debian importer's five), a build as a normal user
# under umask 000 compared with root's, then the from-source
# toolchain, built with smartos_qemu_defconfig from scratch (over an hour on
# two cores), gcc, make and ncurses in the guest, qemu built from source
# for the build machine, the driver demo and debugging tools
# (long_qemu_debug), make and ncurses without gcc on the target
# (long_devtools), the minimal system with its own kernel (long_minimal),
# and the aarch64 board with its from-source toolchain
# (long_aarch64). SMARTOS_RUNTIME_OUTPUT=<dir> reuses a built output directory.
.PHONY: check-long
check-long:
	rc=0; $(MAKE) --no-print-directory O=$(O) check-kconfig-conformance KCONFIG_CONFORMANCE_SEEDS=30 \
		KCONFIG_CONFORMANCE_ARCHS="x86_64 arm64" KCONFIG_CONFORMANCE_CASES=. || rc=1; \
	$(MAKE) --no-print-directory O=$(O) check-cache || rc=1; \
	$(CLEAN_MAKE_ENV) support/testing/framework/run-tests --long || rc=1; \
	$(CLEAN_MAKE_ENV) support/testing/runtime/run long_build_user long_internal_toolchain long_host_qemu long_qemu_debug long_devtools long_minimal long_aarch64 || rc=1; exit $$rc

help:
	cat support/scripts/help.txt
	echo; $(MAKE) --no-print-directory list-defconfigs

endif # re-exec
