################################################################################
# System settings: what target-finalize (fs/fs.mk) writes into the target
# after merging the packages, and the users and permissions the image step
# applies under fakeroot. The options are in system/Kconfig.
#
#   system-settings   /etc/hostname, /etc/issue, /etc/motd, the overlays
#                     (SMARTOS_ROOTFS_OVERLAY: modes kept, but never writable
#                     by group or others; a permission table may say
#                     otherwise), depmod for kernel modules,
#                     the post-build scripts (SMARTOS_ROOTFS_POST_BUILD_SCRIPT)
#   system-users-and-permissions
#                     users (every package's FOO_USERS, SMARTOS_ROOTFS_USERS_TABLES,
#                     the root password) and the permission/device tables
#                     (SMARTOS_ROOTFS_DEVICE_TABLE and every FOO_PERMISSIONS),
#                     applied by support/makedevs; run inside the fakeroot
#                     session of the image step
################################################################################

# Checked before anything builds (support/scripts/check-config): the host
# name goes into /etc/hosts and sed expressions, the password is taken as a
# hash when it is one.
CONFIG_CHECKS += hostname:SMARTOS_TARGET_GENERIC_HOSTNAME root-password:SMARTOS_TARGET_GENERIC_ROOT_PASSWD

rootfs-list = $(foreach f,$(call qstrip,$(1)),$(f))
ROOTFS_OVERLAYS = $(call rootfs-list,$(SMARTOS_ROOTFS_OVERLAY))
ROOTFS_POST_BUILD_SCRIPTS = $(call rootfs-list,$(SMARTOS_ROOTFS_POST_BUILD_SCRIPT))
ROOTFS_POST_IMAGE_SCRIPTS = $(call rootfs-list,$(SMARTOS_ROOTFS_POST_IMAGE_SCRIPT))
ROOTFS_POST_SCRIPT_ARGS = $(call qstrip,$(SMARTOS_ROOTFS_POST_SCRIPT_ARGS))
ROOTFS_DEVICE_TABLES = $(call rootfs-list,$(SMARTOS_ROOTFS_DEVICE_TABLE))
ROOTFS_USERS_TABLES = $(call rootfs-list,$(SMARTOS_ROOTFS_USERS_TABLES))

define system-settings
	$(if $(call qstrip,$(SMARTOS_TARGET_GENERIC_HOSTNAME)),mkdir -p $(TARGET_DIR)/etc && echo $(call shq,$(call qstrip,$(SMARTOS_TARGET_GENERIC_HOSTNAME))) > $(TARGET_DIR)/etc/hostname)
	$(if $(call qstrip,$(SMARTOS_TARGET_GENERIC_ISSUE)),mkdir -p $(TARGET_DIR)/etc && echo $(call shq,$(call qstrip,$(SMARTOS_TARGET_GENERIC_ISSUE))) > $(TARGET_DIR)/etc/issue)
	$(if $(call qstrip,$(SMARTOS_TARGET_GENERIC_MOTD)),mkdir -p $(TARGET_DIR)/etc && echo $(call shq,$(call qstrip,$(SMARTOS_TARGET_GENERIC_MOTD))) > $(TARGET_DIR)/etc/motd)
	$(foreach d,$(ROOTFS_OVERLAYS),echo "Overlay $(d)" && rsync -a --chmod=go-w --exclude=.empty $(call abs-path,$(d))/ $(TARGET_DIR)/$(sep))
	$(if $(ROOTFS_DATA_DISKS),$(SCRIPTS)/data-disks fstab $(TARGET_DIR) $(call shq,$(ROOTFS_DATA_DISKS)))
	for m in $(TARGET_DIR)/lib/modules/*/; do [ -d "$$m" ] || continue; v=$$(basename "$$m"); echo "depmod $$v"; depmod -a -b $(TARGET_DIR) "$$v"; done
	$(foreach s,$(ROOTFS_POST_BUILD_SCRIPTS),echo "Running post-build script $(s)" && BINARIES_DIR=$(BINARIES_DIR) HOST_DIR=$(HOST_DIR) TARGET_DIR=$(TARGET_DIR) SMARTOS_CONFIG=$(SMARTOS_CONFIG) $(call abs-path,$(s)) $(TARGET_DIR) $(ROOTFS_POST_SCRIPT_ARGS)$(sep))
endef

# The permission/device table tool (support/makedevs, C), built for the host.
MAKEDEVS := $(BUILD_DIR)/host-tools/makedevs

# The permissions and the users of every package of the configuration, one
# table each (written by the image step, read inside the fakeroot session).
ROOTFS_PACKAGE_PERMISSIONS = $(ROOTFS_DIR)/package-permissions.txt
ROOTFS_PACKAGE_USERS = $(ROOTFS_DIR)/package-users.txt
define rootfs-package-permissions
$(foreach p,$(PACKAGES_CLOSURE),$(if $($(call UPPERCASE,$(p))_PERMISSIONS),$($(call UPPERCASE,$(p))_PERMISSIONS)$(sep)))
endef
define rootfs-package-users
$(foreach p,$(PACKAGES_CLOSURE),$(if $($(call UPPERCASE,$(p))_USERS),$($(call UPPERCASE,$(p))_USERS)$(sep)))
endef

# Shell lines of the fakeroot session: everything owned by root, then the
# users and the tables.
define system-users-and-permissions
chown -h -R 0:0 $(TARGET_DIR)
SMARTOS_ROOT_PASSWORD=$(if $(ROOTFS_ROOT_PASSWORD),"$$(cat $(ROOTFS_ROOT_PASSWORD_FILE))") SMARTOS_ROOT_PASSWORD_EMPTY=$(SMARTOS_TARGET_GENERIC_ROOT_PASSWD_EMPTY) $(SCRIPTS)/mkusers $(TARGET_DIR) $(ROOTFS_PACKAGE_USERS) $(call abs-path,$(ROOTFS_USERS_TABLES))
$(MAKEDEVS) $(TARGET_DIR) $(call abs-path,$(ROOTFS_DEVICE_TABLES)) $(ROOTFS_PACKAGE_PERMISSIONS)
endef
