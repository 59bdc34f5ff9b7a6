################################################################################
# Kernel module infrastructure: $(eval $(kernel-module)) builds out-of-tree
# modules against the linux package's build tree (in-tree build in LINUX_DIR).
#
# On top of the generic variables (see pkg-generic.mk):
#   FOO_MODULE_SUBDIRS   subdirectories holding a Kbuild/Makefile (default: .)
#   FOO_MODULE_MAKE_OPTS extra make arguments (e.g. CONFIG_FOO=m)
# Modules go to $(TARGET_DIR)/lib/modules/<kernel version>/extra; depmod runs
# once for the whole target in the image step. FOO_DEPENDENCIES gets linux.
################################################################################

# The kernel's own make arguments (LINUX_MAKE_OPTS of linux/linux.mk) when it has
# them, so modules are built with the very compiler and flags of the kernel.
KERNEL_MODULE_MAKE_FLAGS = $(or $(LINUX_MAKE_OPTS),$(KERNEL_MAKE_FLAGS))

PKG_HASHED_VARS_kernel-module := $(PKG_HASHED_VARS_generic) MODULE_SUBDIRS MODULE_MAKE_OPTS

kernel-module = $(call register-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target,kernel-module)

define kernel-module-build
	$(foreach d,$($(PKG)_MODULE_SUBDIRS),$(TARGET_MAKE_ENV) $(MAKE) -C $(LINUX_DIR) $(KERNEL_MODULE_MAKE_FLAGS) $($(PKG)_MODULE_MAKE_OPTS) M=$(@D)/$(d) modules$(sep))
endef
define kernel-module-install
	$(foreach d,$($(PKG)_MODULE_SUBDIRS),$(TARGET_MAKE_ENV) $(MAKE) -C $(LINUX_DIR) $(KERNEL_MODULE_MAKE_FLAGS) $($(PKG)_MODULE_MAKE_OPTS) M=$(@D)/$(d) INSTALL_MOD_PATH=$(TARGET_DIR) INSTALL_MOD_DIR=extra DEPMOD=true modules_install$(sep))
endef

define pkg-defaults-kernel-module
$(2)_DEPENDENCIES += linux
# Modules build in the kernel's build tree: the artifact cache builds linux
# (rather than restoring only its installed files) when a module is built.
$(2)_BUILD_DIR_DEPENDENCIES += linux
$(2)_MODULE_SUBDIRS ?= .
$(if $(call pkg-undefined,$(2)_BUILD_CMDS),$(2)_BUILD_CMDS = $$(kernel-module-build))
$(if $(call pkg-undefined,$(2)_INSTALL_TARGET_CMDS),$(2)_INSTALL_TARGET_CMDS = $$(kernel-module-install))
endef
