################################################################################
# Generic package infrastructure: the steps every package goes through.
#
# A package is a folder package/foo/ with Config.in-style "Kconfig" (symbol
# SMARTOS_PACKAGE_FOO), foo.mk, foo.hash and optional *.patch. foo.mk sets:
#
#   FOO_VERSION          version string (also shown in ">>> foo 1.0 Building")
#   FOO_SOURCE           file to download (default foo-$(FOO_VERSION).tar.gz)
#   FOO_SITE             where it lives: http(s)://dir, file:///dir, a git URL, or a
#                        local directory with FOO_SITE_METHOD = local
#   FOO_SITE_METHOD      http, https, file, git, local, apt (default: from FOO_SITE)
#   FOO_APT_SOURCE       Debian source package carrying the same file (optional);
#   FOO_APT_VERSION      its exact Debian version (epoch included), and
#   FOO_APT_FILE         its file that must equal FOO_SOURCE by sha256
#                        (default: the *.orig.tar.* of that source package)
#   FOO_EXTRA_DOWNLOADS  more files (names under FOO_SITE, or full URLs)
#   FOO_APT_DEBIAN_PATCHES  YES: also download the Debian source package's
#                        .debian.tar.xz and apply its debian/patches/series
#                        before the package's own patches (default NO);
#   FOO_APT_DEBIAN_PATCHES_EXCLUDE  names of that series' patches to leave out
#   FOO_APT_DEBIAN_PATCHES_ONLY     or: the only ones to apply
#   FOO_LICENSE, FOO_LICENSE_FILES
#   FOO_DEPENDENCIES     packages to build and install before configuring foo
#   FOO_INSTALL_STAGING  YES/NO (default NO)    FOO_INSTALL_TARGET YES/NO (default YES)
#   FOO_INSTALL_IMAGES   YES/NO (default NO)
#   FOO_CONFIG_VARS      extra config symbols whose values must rebuild foo (symbols
#                        SMARTOS_PACKAGE_FOO* and SMARTOS_FOO_* are always included)
#   FOO_INPUT_FILES      extra files/dirs whose contents must rebuild foo
#   FOO_PERMISSIONS      makedevs-style lines applied under fakeroot in the image step
#   FOO_ADD_TOOLCHAIN_DEPENDENCY  NO for packages the toolchain itself needs
#
# and, where the infrastructure's default does not fit, command blocks run with
# the build directory as $(@D):
#   define FOO_EXTRACT_CMDS / FOO_CONFIGURE_CMDS / FOO_BUILD_CMDS /
#          FOO_INSTALL_STAGING_CMDS / FOO_INSTALL_TARGET_CMDS /
#          FOO_INSTALL_IMAGES_CMDS / FOO_INSTALL_CMDS (host packages)
#   FOO_{PRE,POST}_{EXTRACT,PATCH,CONFIGURE,BUILD,INSTALL_STAGING,INSTALL_TARGET,
#        INSTALL_IMAGES,INSTALL}_HOOKS += name-of-a-define
# then ends with $(eval $(generic-package)) and/or $(eval $(host-generic-package)).
# A host package "host-foo" uses HOST_FOO_* and falls back to FOO_VERSION,
# FOO_SOURCE, FOO_SITE, ... for the download.
#
# Every step is a stamp file in $(O)/build/<pkg>/ written only after the step
# succeeded. The first stamp's name carries a hash of the package's inputs
# (version, sources, package folder, config symbols, dependencies' hashes), so any
# change re-extracts and rebuilds that package and the packages depending on it.
# Each package installs into its own $(O)/per-package/<pkg>/{target,staging,host,
# images}, seeded with its dependencies' trees; fs/fs.mk merges the selected
# packages into $(O)/target. Inside a step TARGET_DIR, STAGING_DIR, HOST_DIR and
# BINARIES_DIR point at the package's own per-package directories.
################################################################################

# The download directory is fixed once the configuration is read, and handed to
# recursive makes and scripts through the environment (auto.conf's
# SMARTOS_DL_DIR="..." must not reach them instead).
DL_DIR := $(DL_DIR)
export SMARTOS_DL_DIR := $(DL_DIR)

# Compiler cache and distributed compilation (the options are read now).
ifneq ($(call qstrip,$(SMARTOS_CCACHE_MAXSIZE)),)
export CCACHE_MAXSIZE := $(call qstrip,$(SMARTOS_CCACHE_MAXSIZE))
endif
ifneq ($(call qstrip,$(SMARTOS_CCACHE_REMOTE_STORAGE)),)
export CCACHE_REMOTE_STORAGE := $(call qstrip,$(SMARTOS_CCACHE_REMOTE_STORAGE))
endif
ifeq ($(SMARTOS_DISTCC)$(SMARTOS_CCACHE),yy)
export CCACHE_PREFIX := distcc
endif
ifeq ($(SMARTOS_DISTCC),y)
# DISTCC_HOSTS from the environment wins over the configuration.
export DISTCC_HOSTS := $(or $(DISTCC_HOSTS),$(call qstrip,$(SMARTOS_DISTCC_HOSTS)))
endif

# Build steps without network: only the download step may reach it. step-shell
# runs the configure, build and install steps through SMARTOS_STEP_NETNS, an
# unshare command line that gives them a network namespace of their own (only
# a loopback device, down): a package that fetches at build time fails here
# instead of depending on the network. As root "unshare --net"; as another
# user "unshare --user --map-current-user --net" (unprivileged user
# namespaces; the user keeps its uid). Not with distcc or ccache's remote
# storage (the compilers need the network), nor with SMARTOS_STEP_NETWORK=y in
# the environment (the documented way out); where neither unshare works, make
# says so and the steps keep the network.
ifeq ($(SMARTOS_STEP_NETWORK)$(SMARTOS_DISTCC)$(CCACHE_REMOTE_STORAGE),)
export SMARTOS_STEP_NETNS := $(shell if unshare --net true 2>/dev/null; then echo unshare --net; \
	elif unshare --user --map-current-user --net true 2>/dev/null; then echo unshare --user --map-current-user --net; fi)
ifeq ($(SMARTOS_STEP_NETNS),)
$(info WARNING: build steps run with the network: neither "unshare --net" nor "unshare --user --map-current-user --net" works here (util-linux's unshare, and unprivileged user namespaces for a normal user: sysctl user.max_user_namespaces); SMARTOS_STEP_NETWORK=y in the environment silences this)
endif
else
export SMARTOS_STEP_NETNS :=
endif

# --- registration (while the .mk files are read) --------------------------------
pkg-mkfile = $(lastword $(MAKEFILE_LIST))
pkgdir = $(patsubst %/,%,$(dir $(pkg-mkfile)))
pkgname = $(notdir $(pkgdir))

# register-package <name>,<PREFIX>,<pkgdir>,<target|host>,<infra>
define register-package
$(if $(filter $(1),$(ALL_PKGS)),$(error $(3): package $(1) is already defined in $($(2)_PKGDIR) (a package .mk read twice, or two packages of that name)))
ALL_PKGS += $(1)
$(2)_NAME := $(1)
$(2)_PKGDIR := $(3)
$(2)_TYPE := $(4)
$(2)_INFRA := $(5)
endef

generic-package = $(call register-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target,generic)
host-generic-package = $(call register-package,host-$(pkgname),$(call UPPERCASE,host-$(pkgname)),$(pkgdir),host,generic)

# Variables a host package takes from its target package when it does not set them.
PKG_INHERITED_VARS := VERSION SOURCE SITE SITE_METHOD APT_SOURCE APT_VERSION APT_FILE \
	EXTRA_DOWNLOADS LICENSE LICENSE_FILES PATCHES APT_DEBIAN_PATCHES APT_DEBIAN_PATCHES_EXCLUDE \
	APT_DEBIAN_PATCHES_ONLY
# Variables whose values (expanded) go into every package's input hash. Each
# infrastructure adds the variables it reads as PKG_HASHED_VARS_<infra>
# (pkg-generic.mk's own: PKG_HASHED_VARS_generic, below).
PKG_HASHED_VARS := TYPE INFRA VERSION SOURCE SITE SITE_METHOD APT_SOURCE APT_VERSION \
	APT_FILE APT_DEBIAN_PATCHES APT_DEBIAN_PATCHES_EXCLUDE APT_DEBIAN_PATCHES_ONLY \
	EXTRA_DOWNLOADS FINAL_DEPENDENCIES INSTALL_STAGING INSTALL_TARGET INSTALL_IMAGES PATCHES
# A generic package's own command blocks read these by convention.
PKG_HASHED_VARS_generic := CONF_OPTS CONF_ENV MAKE_OPTS MAKE_ENV INSTALL_OPTS

pkg-undefined = $(filter undefined,$(origin $(1)))

# --- pass 1: defaults ---------------------------------------------------------------
# pkg-inherit <name>,<PREFIX>: a host package takes the download variables of its
# target package unless it sets them itself.
define pkg-inherit
$(if $(filter host,$($(2)_TYPE)),$(foreach v,$(PKG_INHERITED_VARS),$(if $(call pkg-undefined,$(2)_$(v)),$(if $(call pkg-undefined,$(patsubst HOST_%,%,$(2))_$(v)),,$(2)_$(v) = $$($(patsubst HOST_%,%,$(2))_$(v))))$(sep)))
endef

# The Debian patches' file of <PREFIX> (FOO_APT_DEBIAN_PATCHES = YES), else
# empty: <source>_<version without epoch>.debian.tar.xz, and its download.
pkg-debian-patches-file = $(if $(filter YES,$($(1)_APT_DEBIAN_PATCHES)),$(call qstrip,$($(1)_APT_SOURCE))_$(lastword $(subst :, ,$(call qstrip,$($(1)_APT_VERSION)))).debian.tar.xz)
pkg-debian-patches-spec = $(addprefix apt://$(call qstrip,$($(1)_APT_SOURCE))/$(call qstrip,$($(1)_APT_VERSION))/,$(call pkg-debian-patches-file,$(1)))

# pkg-defaults <name>,<PREFIX>: what a package did not set.
define pkg-defaults
$(2)_BASENAME := $(patsubst host-%,%,$(1))
$(2)_SITE_METHOD ?= $(or $(if $(filter git://%,$($(2)_SITE)),git),$(if $(findstring ://,$($(2)_SITE)),$(firstword $(subst ://, ,$($(2)_SITE)))),$(if $(call qstrip,$($(2)_APT_SOURCE)),apt,none))
$(2)_INSTALL_TARGET ?= $(if $(filter host,$($(2)_TYPE)),NO,YES)
$(2)_INSTALL_STAGING ?= NO
$(2)_INSTALL_IMAGES ?= NO
$(2)_ADD_TOOLCHAIN_DEPENDENCY ?= $(if $(filter host toolchain%,$($(2)_TYPE) $(1)),NO,YES)
$(2)_PATCHES ?= $(sort $(wildcard $($(2)_PKGDIR)/*.patch))
$(if $(call pkg-undefined,$(2)_PATCH_CMDS),$(2)_PATCH_CMDS = $$(call pkg-apply-patches,$(2)))
$(2)_APT_DEBIAN_PATCHES ?= NO
$(if $(filter YES,$($(2)_APT_DEBIAN_PATCHES)),$(if $(call qstrip,$($(2)_APT_SOURCE)),,$(error $($(2)_PKGDIR)/$(1).mk: $(2)_APT_DEBIAN_PATCHES = YES needs $(2)_APT_SOURCE and $(2)_APT_VERSION)))
$(2)_DEBIAN_PATCHES_FILE := $(call pkg-debian-patches-file,$(2))
$(if $(call pkg-debian-patches-file,$(2)),$(2)_EXTRA_DOWNLOADS := $(filter-out $(call pkg-debian-patches-spec,$(2)),$($(2)_EXTRA_DOWNLOADS)) $(call pkg-debian-patches-spec,$(2)))
$(if $(call pkg-undefined,$(2)_EXTRACT_CMDS),$(2)_EXTRACT_CMDS = $$(call pkg-default-extract,$(2)))
$(if $(value pkg-defaults-$($(2)_INFRA)),$(call pkg-defaults-$($(2)_INFRA),$(1),$(2)))
endef

# pkg-derived <name>,<PREFIX>: names computed from the package's variables.
define pkg-derived
$(2)_SOURCE ?= $(if $($(2)_VERSION),$(if $(filter none local,$($(2)_SITE_METHOD)),,$($(2)_BASENAME)-$($(2)_VERSION).tar.gz))
$(2)_DL_DIR := $(DL_DIR)/$($(2)_BASENAME)
$(2)_HASH_FILE := $($(2)_PKGDIR)/$($(2)_BASENAME).hash
$(2)_DIR := $(BUILD_DIR)/$(1)
$(2)_LOG := $(BUILD_DIR)/$(1)/smartos-build.log
$(2)_PPD := $(PER_PACKAGE_DIR)/$(1)
$(2)_STAMP_INSTALLED := $(BUILD_DIR)/$(1)/.stamp_installed
$(2)_FINAL_DEPENDENCIES := $(sort $($(2)_DEPENDENCIES) $(if $(filter YES,$($(2)_ADD_TOOLCHAIN_DEPENDENCY)),toolchain))
endef

define pkg-derived2
$(2)_DL_FILES := $(addprefix $($(2)_DL_DIR)/,$(call qstrip,$($(2)_SOURCE)) $(notdir $($(2)_EXTRA_DOWNLOADS)))
endef

# --- input hash ------------------------------------------------------------------------
# Every package's hash is computed by one call of support/scripts/pkg-hashes
# over a manifest of all packages (description, input files, dependencies).
# FOO_CONFIG_VARS_IGNORE: patterns of symbols the names above match that do not
# change foo (e.g. the toolchain's target runtime options, which only change
# toolchain-runtime).
pkg-config-symbols = $(sort $(filter-out $($(1)_CONFIG_VARS_IGNORE),$(filter SMARTOS_PACKAGE_$(1) SMARTOS_PACKAGE_$(1)_% SMARTOS_$(1)_%,$(.VARIABLES))) $($(1)_CONFIG_VARS))
# A compiler launcher (ccache, distcc) does not change what is built: left out.
# Paths of the output directory and of the tree are written as @O@ and @TOPDIR@,
# so that two output directories (and machines, for the artifact cache) agree.
# External trees' paths likewise become @EXTERNAL_<NAME>@ (here and in pkg-hashes).
pkg-hash-normalize = $(call pkg-hash-externals,$(SMARTOS_EXTERNAL_NAMES),$(subst $(TOPDIR)/,@TOPDIR@/,$(subst $(O)/,@O@/,$(if $(CCACHE),$(subst $(CCACHE),,$(1)),$(1)))))
pkg-hash-externals = $(if $(1),$(call pkg-hash-externals,$(wordlist 2,$(words $(1)),$(1)),$(subst $(SMARTOS_EXTERNAL_$(firstword $(1))_PATH)/,@EXTERNAL_$(firstword $(1))@/,$(2))),$(2))
PKG_HASH_ALIASES = --alias $(TOPDIR)=@TOPDIR@ $(foreach n,$(SMARTOS_EXTERNAL_NAMES),--alias $(SMARTOS_EXTERNAL_$(n)_PATH)=@EXTERNAL_$(n)@)
# The package's own folder in a value is written @PKGDIR@ (a moved folder
# keeps its hash, as its files do in pkg-hashes).
pkg-hash-string = name=$($(1)_NAME) $(PKG_HASH_HOST) \
	$(call pkg-hash-normalize,$(subst $(patsubst ./%,%,$($(1)_PKGDIR)/),@PKGDIR@/,$(subst $(TOPDIR)/$($(1)_PKGDIR)/,@PKGDIR@/,\
	$(foreach v,$(PKG_HASHED_VARS) $(PKG_HASHED_VARS_$($(1)_INFRA)),$(v)=$($(1)_$(v))) \
	$(foreach s,$(call pkg-config-symbols,$(1)),$(s)=$($(s))))))
# What every package's result depends on besides its own inputs: the host's
# compiler, the external toolchain's compiler and C library (toolchain-external
# copies it into the target), and SOURCE_DATE_EPOCH. Computed once per make run.
pkg-host-identity = host-gcc=[$(shell gcc --version 2>/dev/null | head -n 1)] \
	$(if $(filter y,$(SMARTOS_TOOLCHAIN_EXTERNAL)),target-gcc=[$(shell $(TOOLCHAIN_EXTERNAL_REAL_CROSS)gcc --version 2>/dev/null | head -n 1)] \
	target-libc=$(firstword $(shell sha256sum $$($(TOOLCHAIN_EXTERNAL_REAL_CROSS)gcc -print-file-name=libc.so.6 2>/dev/null) 2>/dev/null))) \
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH)
pkg-input-files = $(strip $(wildcard $($(1)_PKGDIR) $($(1)_INPUT_FILES) $($(1)_PATCHES) \
	$($(1)_KCONFIG_FILE) $($(1)_KCONFIG_FRAGMENT_FILES) $(if $(filter local,$($(1)_SITE_METHOD)),$(call qstrip,$($(1)_SITE)))))
define pkg-manifest-record
P $(1)
S $(call pkg-hash-string,$(1))
K $($(1)_PKGDIR)
F $(call pkg-input-files,$(1))
D $(foreach d,$($(1)_FINAL_DEPENDENCIES),$(call UPPERCASE,$(d)))
E
endef
# (A make run by the artifact cache's fallback, building one package while the
# outer make runs, writes its own manifest.)
PKG_MANIFEST = $(BUILD_DIR)/pkg-inputs$(if $(SMARTOS_ARTIFACT_CACHE_BYPASS),-$(firstword $(SMARTOS_ARTIFACT_CACHE_BYPASS))).txt
pkg-hash = $($(1)_HASH)

# --- default step commands ---------------------------------------------------------------
# Local directory: copy it; a tarball: unpack without its top directory.
pkg-extract-local = rsync -a --exclude=.git $(call qstrip,$($(1)_SITE))/ $(@D)/
pkg-extract-tarball = tar -xf $($(1)_DL_DIR)/$(call qstrip,$($(1)_SOURCE)) -C $(@D) --strip-components=1 --no-same-owner
pkg-default-extract = $(if $(filter local,$($(1)_SITE_METHOD)),$(pkg-extract-local),$(if $(call qstrip,$($(1)_SOURCE)),$(pkg-extract-tarball)))

define pkg-apply-patches
	$(if $($(1)_DEBIAN_PATCHES_FILE),$(SCRIPTS)/apply-debian-patches $(foreach x,$($(1)_APT_DEBIAN_PATCHES_EXCLUDE),--exclude $(x)) $(foreach x,$($(1)_APT_DEBIAN_PATCHES_ONLY),--only $(x)) $($(1)_DL_DIR)/$($(1)_DEBIAN_PATCHES_FILE) $(@D)$(sep))
	$(foreach p,$($(1)_PATCHES),echo "Applying $(p)" && patch -d $(@D) -p1 -N --no-backup-if-mismatch -i $(call abs-path,$(p))$(sep))
endef

# Per-package directories: fresh, then every dependency's trees (hard links).
pkg-prepare-ppd = $(SCRIPTS)/ppd-prepare $(PER_PACKAGE_DIR) $($(1)_NAME) $($(1)_FINAL_DEPENDENCIES)

pkg-run-hooks = $(foreach h,$($(1)),$(call $(h))$(sep))

# libtool archives (.la) record the absolute directory a library was installed
# in, which is another package's per-package directory by the time anything
# reads them, and libtool links fine without them: an infrastructure that
# installs with libtool adds this to its install hooks. It looks only at what
# the step installed into the package's own trees.
define pkg-remove-la-files
	for d in $(STAGING_DIR) $(TARGET_DIR) $(HOST_DIR); do \
		[ -d "$$d" ] || continue; \
		find "$$d" -name '*.la' -type f -newer $(@D)/.stamp_built -print -delete; \
	done
endef
# One progress line per step on the terminal (make prints it as the step starts),
# the same line in the package log.
# A package with FOO_QUIET = YES (the virtual "toolchain") stays off the terminal.
pkg-progress = $(if $(filter YES,$($(1)_QUIET)),,$(info >>> $(strip $($(1)_NAME) $($(1)_VERSION)) $(2)))echo '>>> $(strip $($(1)_NAME) $($(1)_VERSION)) $(2)'

# Every step's recipe: progress, the framework's own preparation for the
# step (if any), pre hooks, the package's commands, post hooks, stamp.
# pkg-step <PREFIX>,<Progress text>,<CMDS variable suffix>,<HOOKS infix>[,<preparation>]
define pkg-step
	$(call pkg-progress,$(1),$(2))
	$(5)
	$(call pkg-run-hooks,$(1)_PRE_$(4)_HOOKS)
	$($(1)_$(3))
	$(call pkg-run-hooks,$(1)_POST_$(4)_HOOKS)
	touch $@
endef

# The extract step starts from an empty build directory (its log and a restore
# stamp stay) and checks the downloads again; the configure step gets the
# package's per-package directories, seeded with its dependencies' trees.
pkg-extract-prepare = mkdir -p $(@D) && find $(@D) -mindepth 1 -maxdepth 1 ! -name smartos-build.log \
	! -name $(notdir $($(1)_STAMP_RESTORED)) -exec rm -rf {} +$(sep)$(call pkg-dl-recheck,$(1))

# --- artifact cache ------------------------------------------------------------------------
# With SMARTOS_ARTIFACT_CACHE=y a package is either built (extract ... install,
# then its result is stored in the cache) or restored from the cache: then none
# of its download, extract, configure or build steps runs. Decided while make
# reads the rules, per package:
#   .stamp_restored.<hash> exists          -> restored (up to date)
#   .stamp_extracted.<hash> exists         -> built here (the usual steps)
#   the cache has an entry for <hash>      -> restore it
#   otherwise                              -> build, then store
# A package whose build directory (not only its installed files) a package
# being built needs (FOO_BUILD_DIR_DEPENDENCIES, e.g. linux for kernel modules)
# is built too. A corrupt entry is reported, removed and the package built.
# SMARTOS_ARTIFACT_CACHE_BYPASS lists packages never restored (<pkg>-rebuild).
# Extracting a restored package (legal-info reads its licence files) keeps it
# restored; <pkg>-rebuild, -reconfigure and -menuconfig make it built.
ARTIFACT_CACHE := $(if $(filter y,$(SMARTOS_ARTIFACT_CACHE)),$(ARTIFACT_CACHE_DIR))
ARTIFACT_CACHE_LIMIT = $(call qstrip,$(SMARTOS_ARTIFACT_CACHE_SIZE))
pkg-cache-entry = $(ARTIFACT_CACHE)/$($(1)_NAME)/$($(1)_HASH).art
# pkg-cache-mode <PREFIX>: "restore" or empty (build), see above.
pkg-cache-mode = $(if $(ARTIFACT_CACHE),$(if $(filter $($(1)_NAME),$(SMARTOS_ARTIFACT_CACHE_BYPASS)),,\
	$(if $(wildcard $($(1)_DIR)/.stamp_restored.$($(1)_HASH)),restore,\
	$(if $(wildcard $($(1)_DIR)/.stamp_extracted.$($(1)_HASH)),,\
	$(if $(wildcard $(call pkg-cache-entry,$(1))),restore)))))
# A package restored without a build directory cannot serve one being built.
# (A package counts as "being built" unless it is restored or looks built already.)
pkg-up-to-date = $(and $(wildcard $($(1)_STAMP_INSTALLED)),$(wildcard $($(1)_STAMP_EXTRACTED)))
define pkg-cache-build-dir-deps
$(if $($(1)_FROM_CACHE)$(call pkg-up-to-date,$(1)),,$(foreach d,$($(1)_BUILD_DIR_DEPENDENCIES),$(call UPPERCASE,$(d))_FROM_CACHE :=$(sep)))
endef

pkg-cache-args = --cache $(ARTIFACT_CACHE) --package $($(1)_NAME) --hash $($(1)_HASH) \
	--ppd $($(1)_PPD) --output-dir $(O)
# Store after a build, unless an entry is there already or the build directory
# was changed by hand (<pkg>-rebuild, <pkg>-menuconfig: .stamp_tainted). A
# failure to store (a full disk) is a warning, not a failed build.
define pkg-cache-store
	if [ -e $(call pkg-cache-entry,$(1)) ]; then echo "artifact cache: $($(1)_NAME) is there already"; \
	elif [ -e $($(1)_DIR)/.stamp_tainted ]; then echo "artifact cache: $($(1)_NAME) was changed by hand: not stored"; \
	else $(PYTHON3) $(SCRIPTS)/artifact-cache store $(call pkg-cache-args,$(1)) --version '$($(1)_VERSION)' \
		--limit '$(ARTIFACT_CACHE_LIMIT)' || echo "WARNING: artifact cache: could not store $($(1)_NAME) (see $($(1)_LOG))" >&9; fi
endef
# Restore; when the entry is corrupt or gone (exit 3) build the package with a
# make of its own that does not restore it (its progress on the terminal).
define pkg-cache-restore
	mkdir -p $(@D) && find $(@D) -mindepth 1 -maxdepth 1 ! -name smartos-build.log -exec rm -rf {} +
	$(call pkg-prepare-ppd,$(1))
	rc=0; $(PYTHON3) $(SCRIPTS)/artifact-cache restore $(call pkg-cache-args,$(1)) 2>&9 || rc=$$?; \
	if [ $$rc = 3 ]; then \
		$(MAKE) --no-print-directory O=$(O) SMARTOS_NO_REEXEC=1 \
			SMARTOS_ARTIFACT_CACHE_BYPASS='$(SMARTOS_ARTIFACT_CACHE_BYPASS) $($(1)_NAME)' $($(1)_NAME) >&9 2>&9; \
	elif [ $$rc != 0 ]; then exit $$rc; \
	else touch $@; fi
endef

# --- pass 2: rules ---------------------------------------------------------------------
# Source specs for support/scripts/download, in the order they are tried.
pkg-site-url = $(if $(findstring ://,$(2)),$(2),$(call qstrip,$($(1)_SITE))/$(2))
pkg-apt-spec = $(if $(call qstrip,$($(1)_APT_SOURCE)),apt://$(call qstrip,$($(1)_APT_SOURCE))/$(call qstrip,$($(1)_APT_VERSION))/$(call qstrip,$($(1)_APT_FILE)))
pkg-upstream-spec = $(if $(filter none apt,$($(1)_SITE_METHOD))$(filter-out y,$(SMARTOS_DOWNLOAD_UPSTREAM)),,$(if $(filter git,$($(1)_SITE_METHOD)),git+$(call qstrip,$($(1)_SITE))\#$(call qstrip,$($(1)_VERSION)),$(call pkg-site-url,$(1),$(2))))
PRIMARY_SITE = $(call qstrip,$(SMARTOS_PRIMARY_SITE))
BACKUP_SITE = $(call qstrip,$(SMARTOS_BACKUP_SITE))
# pkg-dl-specs <PREFIX>,<file>,<is main source: y or empty>
pkg-dl-specs = $(if $(PRIMARY_SITE),$(PRIMARY_SITE)/$(notdir $(2))) \
	$(if $(3),$(if $(filter y,$(SMARTOS_DOWNLOAD_APT_FIRST)),$(call pkg-apt-spec,$(1)) $(call pkg-upstream-spec,$(1),$(2)),$(call pkg-upstream-spec,$(1),$(2)) $(call pkg-apt-spec,$(1))),$(call pkg-site-url,$(1),$(2))) \
	$(if $(BACKUP_SITE),$(BACKUP_SITE)/$(notdir $(2)))

# pkg-dl-cmd <PREFIX>,<file as given>,<main: y/empty>: the download command.
pkg-dl-cmd = $(SCRIPTS)/download --dl-dir $(DL_DIR) --hash-file $($(1)_HASH_FILE) \
	--output $($(1)_DL_DIR)/$(notdir $(2)) $(foreach s,$(call pkg-dl-specs,$(1),$(2),$(3)),--source $(call shq,$(s)))

# pkg-dl-rule <PREFIX>,<file as given>,<main: y/empty>  (once per downloaded path)
define pkg-dl-rule
DL_RULE_DONE_$($(1)_DL_DIR)/$(notdir $(2)) := 1
$($(1)_DL_DIR)/$(notdir $(2)): $(wildcard $($(1)_HASH_FILE))
	$$(info >>> $(strip $($(1)_BASENAME) $($(1)_VERSION)) Downloading $(notdir $(2)))
	$(call pkg-dl-cmd,$(1),$(2),$(3))
$($(1)_DL_DIR)/$(notdir $(2)): private SHELL := $(SCRIPTS)/step-shell
$($(1)_DL_DIR)/$(notdir $(2)): private .SHELLFLAGS := $($(1)_LOG) $($(1)_NAME) download -c
endef

# The extract step checks the files again (the hash file may have changed) and
# downloads again a file that does not match.
pkg-dl-recheck = $(if $(call qstrip,$($(1)_SOURCE)),$(call pkg-dl-cmd,$(1),$(call qstrip,$($(1)_SOURCE)),y) --no-touch$(sep))$(foreach f,$($(1)_EXTRA_DOWNLOADS),$(call pkg-dl-cmd,$(1),$(f),) --no-touch$(sep))

define pkg-stamps
$(2)_STAMP_EXTRACTED := $($(2)_DIR)/.stamp_extracted.$($(2)_HASH)
$(2)_STAMP_PATCHED := $($(2)_DIR)/.stamp_patched
$(2)_STAMP_CONFIGURED := $($(2)_DIR)/.stamp_configured
$(2)_STAMP_BUILT := $($(2)_DIR)/.stamp_built
$(2)_STAMP_STAGING := $($(2)_DIR)/.stamp_staging_installed
$(2)_STAMP_TARGET := $($(2)_DIR)/.stamp_target_installed
$(2)_STAMP_IMAGES := $($(2)_DIR)/.stamp_images_installed
$(2)_STAMP_HOST := $($(2)_DIR)/.stamp_host_installed
$(2)_STAMP_RESTORED := $($(2)_DIR)/.stamp_restored.$($(2)_HASH)
$(2)_FROM_CACHE := $(call pkg-cache-mode,$(2))
$(2)_INSTALL_STAMPS := $(if $(filter host,$($(2)_TYPE)),$($(2)_DIR)/.stamp_host_installed,\
	$(if $(filter YES,$($(2)_INSTALL_STAGING)),$($(2)_DIR)/.stamp_staging_installed) \
	$(if $(filter YES,$($(2)_INSTALL_TARGET)),$($(2)_DIR)/.stamp_target_installed) \
	$(if $(filter YES,$($(2)_INSTALL_IMAGES)),$($(2)_DIR)/.stamp_images_installed))
endef

define pkg-rules
$(if $(call qstrip,$($(2)_SOURCE)),$(if $(DL_RULE_DONE_$($(2)_DL_DIR)/$(call qstrip,$($(2)_SOURCE))),,$(call pkg-dl-rule,$(2),$(call qstrip,$($(2)_SOURCE)),y)))
$(foreach f,$($(2)_EXTRA_DOWNLOADS),$(if $(DL_RULE_DONE_$($(2)_DL_DIR)/$(notdir $(f))),,$(call pkg-dl-rule,$(2),$(f),))$(sep))

# Step targets run through step-shell: output to the package log, and on failure
# the package, step, log path and the log's last lines.
$($(2)_DIR)/.stamp_%: private SHELL := $(SCRIPTS)/step-shell
$($(2)_DIR)/.stamp_%: private TARGET_DIR = $($(2)_PPD)/target
$($(2)_DIR)/.stamp_%: private STAGING_DIR = $($(2)_PPD)/staging
$($(2)_DIR)/.stamp_%: private HOST_DIR = $($(2)_PPD)/host
$($(2)_DIR)/.stamp_%: private BINARIES_DIR = $($(2)_PPD)/images
$($(2)_DIR)/.stamp_%: private PKG = $(2)
$($(2)_DIR)/.stamp_%: private export PATH = $$(HOST_PATH)
$($(2)_STAMP_EXTRACTED): private .SHELLFLAGS := $($(2)_LOG) $(1) extract -c
$($(2)_STAMP_PATCHED): private .SHELLFLAGS := $($(2)_LOG) $(1) patch -c
$($(2)_STAMP_CONFIGURED): private .SHELLFLAGS := $($(2)_LOG) $(1) configure -c
$($(2)_STAMP_BUILT): private .SHELLFLAGS := $($(2)_LOG) $(1) build -c
$($(2)_STAMP_STAGING): private .SHELLFLAGS := $($(2)_LOG) $(1) install-staging -c
$($(2)_STAMP_TARGET): private .SHELLFLAGS := $($(2)_LOG) $(1) install-target -c
$($(2)_STAMP_IMAGES): private .SHELLFLAGS := $($(2)_LOG) $(1) install-images -c
$($(2)_STAMP_HOST): private .SHELLFLAGS := $($(2)_LOG) $(1) install-host -c
$($(2)_STAMP_INSTALLED): private .SHELLFLAGS := $($(2)_LOG) $(1) install -c

# Order-only: the stamp's name carries the input hash (which covers the .hash
# file), and the download is sha256-checked again here, so a source file
# rewritten in the shared download directory with the same content does not
# rebuild the package.
$($(2)_STAMP_EXTRACTED): | $($(2)_DL_FILES)
	$$(call pkg-step,$(2),Extracting,EXTRACT_CMDS,EXTRACT,$$(call pkg-extract-prepare,$(2)))

$($(2)_STAMP_PATCHED): $($(2)_STAMP_EXTRACTED)
	$$(call pkg-step,$(2),Patching,PATCH_CMDS,PATCH)

$($(2)_STAMP_CONFIGURED): $($(2)_STAMP_PATCHED) | $(foreach d,$($(2)_FINAL_DEPENDENCIES),$($(call UPPERCASE,$(d))_STAMP_INSTALLED))
	$$(call pkg-step,$(2),Configuring,CONFIGURE_CMDS,CONFIGURE,$$(call pkg-prepare-ppd,$(2)))

$($(2)_STAMP_BUILT): $($(2)_STAMP_CONFIGURED)
	$$(call pkg-step,$(2),Building,BUILD_CMDS,BUILD)

$($(2)_STAMP_STAGING): $($(2)_STAMP_BUILT)
	$$(call pkg-step,$(2),Installing to staging directory,INSTALL_STAGING_CMDS,INSTALL_STAGING)

# A package's install steps run one after the other (staging, target,
# images), never side by side under -j: each may run the package's own
# "make install" in the one build directory, and two of those at once race
# on the files an install generates.
$($(2)_STAMP_TARGET): | $(filter %/.stamp_staging_installed,$($(2)_INSTALL_STAMPS))
$($(2)_STAMP_IMAGES): | $(filter %/.stamp_staging_installed %/.stamp_target_installed,$($(2)_INSTALL_STAMPS))

$($(2)_STAMP_TARGET): $($(2)_STAMP_BUILT)
	$$(call pkg-step,$(2),Installing to target,INSTALL_TARGET_CMDS,INSTALL_TARGET)

$($(2)_STAMP_IMAGES): $($(2)_STAMP_BUILT)
	$$(call pkg-step,$(2),Installing to images directory,INSTALL_IMAGES_CMDS,INSTALL_IMAGES)

$($(2)_STAMP_HOST): $($(2)_STAMP_BUILT)
	$$(call pkg-step,$(2),Installing to host directory,INSTALL_CMDS,INSTALL)

ifeq ($($(2)_FROM_CACHE),)
$($(2)_STAMP_INSTALLED): $($(2)_INSTALL_STAMPS) $($(2)_STAMP_BUILT)
	$(if $(ARTIFACT_CACHE),$$(call pkg-cache-store,$(2)))
	touch $$@
else
$($(2)_STAMP_RESTORED): private .SHELLFLAGS := $($(2)_LOG) $(1) restore -c
$($(2)_STAMP_RESTORED): | $(foreach d,$($(2)_FINAL_DEPENDENCIES),$($(call UPPERCASE,$(d))_STAMP_INSTALLED))
	$$(call pkg-progress,$(2),Restoring from the artifact cache)
	$$(call pkg-cache-restore,$(2))
$($(2)_STAMP_INSTALLED): $($(2)_STAMP_RESTORED)
	touch $$@
endif

.PHONY: $(1) $(1)-source $(1)-extract $(1)-patch $(1)-configure $(1)-build $(1)-install \
	$(1)-rebuild $(1)-reconfigure $(1)-dirclean $(1)-show-depends $(1)-show-hash
$(1): $($(2)_STAMP_INSTALLED)
$(1)-install: $($(2)_STAMP_INSTALLED)
$(1)-source: $($(2)_DL_FILES)
$(1)-extract: $($(2)_STAMP_EXTRACTED)
$(1)-patch: $($(2)_STAMP_PATCHED)
$(1)-configure: $($(2)_STAMP_CONFIGURED)
$(1)-build: $($(2)_STAMP_BUILT)
$(1)-dirclean:
	rm -rf $($(2)_DIR) $($(2)_PPD)
$(1)-rebuild:
	rm -f $($(2)_STAMP_BUILT) $($(2)_DIR)/.stamp_*installed $($(2)_DIR)/.stamp_restored.*
	$(if $(ARTIFACT_CACHE),mkdir -p $($(2)_DIR) && touch $($(2)_DIR)/.stamp_tainted)
	$$(MAKE) --no-print-directory O=$(O) $(if $(ARTIFACT_CACHE),SMARTOS_ARTIFACT_CACHE_BYPASS='$(SMARTOS_ARTIFACT_CACHE_BYPASS) $(1)') $(1)
$(1)-reconfigure:
	rm -f $($(2)_STAMP_CONFIGURED) $($(2)_STAMP_BUILT) $($(2)_DIR)/.stamp_*installed $($(2)_DIR)/.stamp_restored.*
	$(if $(ARTIFACT_CACHE),mkdir -p $($(2)_DIR) && touch $($(2)_DIR)/.stamp_tainted)
	$$(MAKE) --no-print-directory O=$(O) $(if $(ARTIFACT_CACHE),SMARTOS_ARTIFACT_CACHE_BYPASS='$(SMARTOS_ARTIFACT_CACHE_BYPASS) $(1)') $(1)
$(1)-show-depends:
	echo $($(2)_FINAL_DEPENDENCIES)
$(1)-show-hash:
	echo $($(2)_HASH)
endef

# Packages selected by the configuration: SMARTOS_PACKAGE_<NAME>=y (host packages
# too: SMARTOS_PACKAGE_HOST_<NAME>=y). Dependencies are pulled in by the rules.
pkg-selected = $(filter y,$(SMARTOS_PACKAGE_$(call UPPERCASE,$(1))))

# Transitive closure of a list of packages (the list included).
pkg-closure = $(sort $(foreach p,$(1),$(p) $(call pkg-closure,$($(call UPPERCASE,$(p))_FINAL_DEPENDENCIES))))

# pkg-generate-all: run once all .mk files are read; each line is done in turn.
define pkg-generate-all
$(foreach p,$(ALL_PKGS),$(eval $(call pkg-inherit,$(p),$(call UPPERCASE,$(p)))))
$(foreach p,$(ALL_PKGS),$(eval $(call pkg-defaults,$(p),$(call UPPERCASE,$(p)))))
$(foreach p,$(ALL_PKGS),$(eval $(call pkg-derived,$(p),$(call UPPERCASE,$(p)))))
$(foreach p,$(ALL_PKGS),$(eval $(call pkg-derived2,$(p),$(call UPPERCASE,$(p)))))
$(foreach p,$(ALL_PKGS),$(foreach d,$($(call UPPERCASE,$(p))_FINAL_DEPENDENCIES),$(if $($(call UPPERCASE,$(d))_NAME),,$(error package $(p) ($($(call UPPERCASE,$(p))_PKGDIR)) depends on "$(d)", which no package defines))))
$(eval PACKAGES := $(foreach p,$(ALL_PKGS),$(if $(call pkg-selected,$(p)),$(p))))
$(eval PACKAGES_CLOSURE := $(call pkg-closure,$(PACKAGES)))
$(eval PKG_HASH_HOST := $(pkg-host-identity))
$(file >$(PKG_MANIFEST),$(foreach p,$(ALL_PKGS),$(call pkg-manifest-record,$(call UPPERCASE,$(p)))$(sep))$(rootfs-manifest-record))
$(eval PKG_HASHES := $(shell $(PYTHON3) $(SCRIPTS)/pkg-hashes $(PKG_HASH_ALIASES) $(PKG_MANIFEST)))
$(if $(filter 0,$(.SHELLSTATUS)),,$(error computing the package hashes failed (manifest: $(PKG_MANIFEST))))
$(foreach w,$(PKG_HASHES),$(eval $(w)))
$(foreach p,$(ALL_PKGS),$(eval $(call pkg-stamps,$(p),$(call UPPERCASE,$(p)))))
$(foreach p,$(PACKAGES_CLOSURE),$(eval $(call pkg-cache-build-dir-deps,$(call UPPERCASE,$(p)))))
$(foreach p,$(ALL_PKGS),$(eval $(call pkg-rules,$(p),$(call UPPERCASE,$(p)))))
endef

# The package table (support/scripts/show-info turns it into JSON, the one
# export that show-info, graph-depends and legal-info read): one
# tab-separated line per known package, the fields in show-info's order.
define pkg-table-tsv
$(foreach p,$(ALL_PKGS),$(call pkg-table-line,$(call UPPERCASE,$(p)),$(p))$(sep))
endef
pkg-table-line = $(2)	$($(1)_TYPE)	$($(1)_INFRA)	$($(1)_VERSION)	$($(1)_LICENSE)	$($(1)_LICENSE_FILES)	$(call qstrip,$($(1)_SOURCE))	$(call qstrip,$($(1)_SITE))	$($(1)_SITE_METHOD)	$(call qstrip,$($(1)_APT_SOURCE))	$(call qstrip,$($(1)_APT_VERSION))	$($(1)_FINAL_DEPENDENCIES)	$($(1)_HASH)	$(if $(filter $(2),$(PACKAGES)),y,n)	$(if $(filter $(2),$(PACKAGES_CLOSURE)),y,n)	$(call pkg-virtual,$(1))	$($(1)_PKGDIR)	$($(1)_DL_FILES)	$($(1)_DIR)	$(call abs-path,$($(1)_PATCHES))	$(if $(filter local,$($(1)_SITE_METHOD)),$(call abs-path,$(call qstrip,$($(1)_SITE))))	$(wildcard $($(1)_HASH_FILE))	$(if $($(1)_DEBIAN_PATCHES_FILE),$($(1)_DL_DIR)/$($(1)_DEBIAN_PATCHES_FILE))	$($(1)_APT_DEBIAN_PATCHES_EXCLUDE)	$($(1)_APT_DEBIAN_PATCHES_ONLY)
# A virtual package (e.g. "toolchain"): no version, no source, no commands.
pkg-virtual = $(if $(strip $($(1)_VERSION)$(call qstrip,$($(1)_SOURCE))$(foreach s,CONFIGURE BUILD INSTALL_TARGET INSTALL_STAGING INSTALL_IMAGES INSTALL,$(value $(1)_$(s)_CMDS))),,y)
PKG_TABLE = $(BUILD_DIR)/packages.json
# pkg-write-table: recipe lines that write $(PKG_TABLE) (and print the
# configuration's packages with "--print" as argument).
define pkg-write-table
	$(file >$(BUILD_DIR)/packages.tsv,$(pkg-table-tsv))
	$(PYTHON3) $(SCRIPTS)/show-info $(BUILD_DIR)/packages.tsv $(PKG_TABLE) $(1)
endef
