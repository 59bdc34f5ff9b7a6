################################################################################
# Kconfig package infrastructure (linux, busybox, ...): $(eval $(kconfig-package)).
# A generic package whose configure step writes the package's own .config.
#
# On top of the generic variables (see pkg-generic.mk):
#   FOO_KCONFIG_FILE            the package configuration (full .config or a
#                               defconfig), e.g. board/<board>/busybox.config
#   FOO_KCONFIG_DEFCONFIG       or: a defconfig target of the package itself
#                               (e.g. the kernel's KERNEL_DEFCONFIG), used when no FILE is set
#   FOO_KCONFIG_FRAGMENT_FILES  fragments merged on top, in order (a symbol set
#                               in a fragment replaces its earlier line)
#   FOO_KCONFIG_OPTS            make arguments for every config target (ARCH=...)
#   FOO_KCONFIG_EDITORS         config editors offered (default: menuconfig)
#   FOO_KCONFIG_RESOLVE         target that fills in unset symbols (default
#                               olddefconfig; "oldconfig" is fed empty answers)
#   FOO_KCONFIG_DOTCONFIG       the config file in the build dir (default .config)
# FOO_CONFIGURE_CMDS, if set, runs after the .config is in place (the .config
# is written by a pre-configure hook).
# Targets: foo-menuconfig (each editor), foo-update-config (save the full
# .config to FOO_KCONFIG_FILE), foo-savedefconfig (save "make savedefconfig"
# output to FOO_KCONFIG_FILE); both refuse when fragments are in use. Saving
# keeps the build directory (no rebuild from scratch for the new input hash).
################################################################################

PKG_HASHED_VARS_kconfig := $(PKG_HASHED_VARS_generic) KCONFIG_FILE KCONFIG_FRAGMENT_FILES \
	KCONFIG_DEFCONFIG KCONFIG_OPTS KCONFIG_RESOLVE KCONFIG_DOTCONFIG

kconfig-package = $(call register-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target,kconfig)

define kconfig-configure
	$(if $($(PKG)_KCONFIG_FILE),cp $(call abs-path,$($(PKG)_KCONFIG_FILE)) $(@D)/$($(PKG)_KCONFIG_DOTCONFIG),$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $($(PKG)_KCONFIG_OPTS) $($(PKG)_KCONFIG_DEFCONFIG))
	$(if $($(PKG)_KCONFIG_FRAGMENT_FILES),$(SCRIPTS)/kconfig-merge $(@D)/$($(PKG)_KCONFIG_DOTCONFIG) $(call abs-path,$($(PKG)_KCONFIG_FRAGMENT_FILES)))
	$(if $(filter oldconfig,$($(PKG)_KCONFIG_RESOLVE)),{ yes '' || true; } | )$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $($(PKG)_KCONFIG_OPTS) $($(PKG)_KCONFIG_RESOLVE)
endef

# pkg-defaults-kconfig <name>,<PREFIX>: called by pkg-generic.mk.
define pkg-defaults-kconfig
$(if $(call pkg-selected,$(1)),$(if $(or $($(2)_KCONFIG_FILE),$($(2)_KCONFIG_DEFCONFIG)),,$(error $(1): set $(2)_KCONFIG_FILE or $(2)_KCONFIG_DEFCONFIG)))
$(2)_KCONFIG_EDITORS ?= menuconfig
# (kconfig-rules is expanded with this call, before the line above takes
# effect: it applies the same default itself.)
$(2)_KCONFIG_RESOLVE ?= olddefconfig
$(2)_KCONFIG_DOTCONFIG ?= .config
$(2)_PRE_CONFIGURE_HOOKS += kconfig-configure
$(call kconfig-rules,$(1),$(2))
endef

define kconfig-rules
$(foreach e,$(or $($(2)_KCONFIG_EDITORS),menuconfig),$(call kconfig-editor-rule,$(1),$(2),$(e)))
.PHONY: $(1)-update-config $(1)-savedefconfig
$(1)-update-config: $(BUILD_DIR)/$(1)/.stamp_configured
	$$(call kconfig-no-fragments,$(2),$$@)
	cp $(BUILD_DIR)/$(1)/$$($(2)_KCONFIG_DOTCONFIG) $$($(2)_KCONFIG_FILE).tmp
	mv $$($(2)_KCONFIG_FILE).tmp $$($(2)_KCONFIG_FILE)
	echo "Saved $$($(2)_KCONFIG_FILE)"
	$$(call kconfig-rekey,$(1))
$(1)-savedefconfig: $(BUILD_DIR)/$(1)/.stamp_configured
	$$(call kconfig-no-fragments,$(2),$$@)
	$$(TARGET_MAKE_ENV) $$(MAKE) -C $(BUILD_DIR)/$(1) $$($(2)_KCONFIG_OPTS) savedefconfig
	cp $(BUILD_DIR)/$(1)/defconfig $$($(2)_KCONFIG_FILE).tmp
	mv $$($(2)_KCONFIG_FILE).tmp $$($(2)_KCONFIG_FILE)
	echo "Saved $$($(2)_KCONFIG_FILE)"
	$$(call kconfig-rekey,$(1))
endef

# The saved file now changes the package's input hash, but the build dir already
# holds exactly that configuration: rename its first stamp to the new hash so
# the next make builds incrementally instead of starting from a fresh tree.
kconfig-rekey = new=$$($(MAKE) -s --no-print-directory O=$(O) $(1)-show-hash) && \
	for s in $(BUILD_DIR)/$(1)/.stamp_extracted.*; do \
		[ "$$s" = $(BUILD_DIR)/$(1)/.stamp_extracted.$$new ] || mv "$$s" $(BUILD_DIR)/$(1)/.stamp_extracted.$$new; \
	done

kconfig-no-fragments = $(if $($(1)_KCONFIG_FRAGMENT_FILES),$(error $(2): $(1)_KCONFIG_FRAGMENT_FILES is set; edit the fragments by hand))$(if $($(1)_KCONFIG_FILE),,$(error $(2): $(1)_KCONFIG_FILE is not set))

# <pkg>-menuconfig: edit the package's .config in its build dir; the build and
# install steps run again on the next make (.stamp_tainted: the artifact cache
# does not store the result, which its input hash does not describe). The change lasts until the package
# is re-extracted: save it with <pkg>-update-config or <pkg>-savedefconfig.
define kconfig-editor-rule
.PHONY: $(1)-$(3)
$(1)-$(3): $(BUILD_DIR)/$(1)/.stamp_configured
	$$(TARGET_MAKE_ENV) $$(MAKE) -C $(BUILD_DIR)/$(1) $$($(2)_KCONFIG_OPTS) $(3)
	rm -f $(BUILD_DIR)/$(1)/.stamp_built $(BUILD_DIR)/$(1)/.stamp_*installed $(BUILD_DIR)/$(1)/.stamp_restored.*
	touch $(BUILD_DIR)/$(1)/.stamp_tainted
endef
