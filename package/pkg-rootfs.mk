################################################################################
# Root filesystem: finalize the target directory, then make the images.
#
# target-finalize: $(O)/target, $(O)/staging, $(O)/host and $(O)/images are made
#   afresh from the per-package trees of the selected packages and their
#   dependencies (in dependency order), then: /etc/hostname, /etc/issue,
#   /etc/motd, overlays (SMARTOS_ROOTFS_OVERLAY: modes kept, but never writable
#   by group or others; a permission table may say otherwise), depmod for kernel modules, post-build
#   scripts (SMARTOS_ROOTFS_POST_BUILD_SCRIPT). A package that is no longer
#   selected is simply not merged: it disappears from the target.
# rootfs images: ELF check (every dynamic ELF finds its interpreter and
#   libraries), then under one fakeroot session: ownership root:root, users
#   (FOO_USERS, SMARTOS_ROOTFS_USERS_TABLES, root password), the
#   permission/device tables (SMARTOS_ROOTFS_DEVICE_TABLE + FOO_PERMISSIONS,
#   applied by support/makedevs),
#   cpio / ext4 (mke2fs -d) / tar; the data disks (SMARTOS_TARGET_ROOTFS_DATA_DISKS,
#   support/scripts/data-disks, whose fstab lines the finalize step wrote); then
#   post-image scripts and the run script (support/scripts/install-run-script).
# Both steps' stamps carry a hash of everything they depend on.
################################################################################

ROOTFS_DIR := $(BUILD_DIR)/rootfs
ROOTFS_LOG := $(ROOTFS_DIR)/smartos-build.log

# The inputs (ROOTFS_HASH) are described in package/Makefile.in.
ROOTFS_FINALIZE_STAMP := $(ROOTFS_DIR)/.stamp_target_finalized.$(ROOTFS_HASH)
ROOTFS_IMAGES_STAMP := $(ROOTFS_DIR)/.stamp_images.$(ROOTFS_HASH)

# Packages in dependency order (a package after everything it depends on), by a
# depth-first walk in make itself: $(shell) would run through the step shell here.
rootfs-visit = $(if $(filter $(1),$(ROOTFS_SEEN)),,$(eval ROOTFS_SEEN += $(1))$(foreach d,$($(call UPPERCASE,$(1))_FINAL_DEPENDENCIES),$(call rootfs-visit,$(d)))$(eval ROOTFS_ORDER += $(1)))
rootfs-order = $(eval ROOTFS_SEEN :=)$(eval ROOTFS_ORDER :=)$(foreach p,$(PACKAGES_CLOSURE),$(call rootfs-visit,$(p)))$(ROOTFS_ORDER)

$(ROOTFS_DIR)/.stamp_%: private SHELL := $(SCRIPTS)/step-shell
$(ROOTFS_FINALIZE_STAMP): private .SHELLFLAGS := $(ROOTFS_LOG) rootfs target-finalize -c
$(ROOTFS_IMAGES_STAMP): private .SHELLFLAGS := $(ROOTFS_LOG) rootfs images -c

# support/scripts/merge-trees copies from each package, in dependency order,
# what it installed itself (not what it got from its dependencies).
define rootfs-merge-trees
	rm -rf $(TARGET_DIR) $(STAGING_DIR) $(HOST_DIR) $(BINARIES_DIR)
	$(PYTHON3) $(SCRIPTS)/merge-trees $(PER_PACKAGE_DIR) $(O) $(rootfs-order)
endef

define rootfs-system-settings
	$(if $(call qstrip,$(SMARTOS_TARGET_GENERIC_HOSTNAME)),mkdir -p $(TARGET_DIR)/etc && echo $(call shq,$(call qstrip,$(SMARTOS_TARGET_GENERIC_HOSTNAME))) > $(TARGET_DIR)/etc/hostname)
	$(if $(call qstrip,$(SMARTOS_TARGET_GENERIC_ISSUE)),mkdir -p $(TARGET_DIR)/etc && echo $(call shq,$(call qstrip,$(SMARTOS_TARGET_GENERIC_ISSUE))) > $(TARGET_DIR)/etc/issue)
	$(if $(call qstrip,$(SMARTOS_TARGET_GENERIC_MOTD)),mkdir -p $(TARGET_DIR)/etc && echo $(call shq,$(call qstrip,$(SMARTOS_TARGET_GENERIC_MOTD))) > $(TARGET_DIR)/etc/motd)
	$(foreach d,$(ROOTFS_OVERLAYS),echo "Overlay $(d)" && rsync -a --chmod=go-w --exclude=.empty $(call abs-path,$(d))/ $(TARGET_DIR)/$(sep))
	$(if $(ROOTFS_DATA_DISKS),$(SCRIPTS)/data-disks fstab $(TARGET_DIR) $(call shq,$(ROOTFS_DATA_DISKS)))
	for m in $(TARGET_DIR)/lib/modules/*/; do [ -d "$$m" ] || continue; v=$$(basename "$$m"); echo "depmod $$v"; depmod -a -b $(TARGET_DIR) "$$v"; done
	$(foreach s,$(ROOTFS_POST_BUILD_SCRIPTS),echo "Running post-build script $(s)" && BINARIES_DIR=$(BINARIES_DIR) HOST_DIR=$(HOST_DIR) TARGET_DIR=$(TARGET_DIR) SMARTOS_CONFIG=$(SMARTOS_CONFIG) $(call abs-path,$(s)) $(TARGET_DIR) $(ROOTFS_POST_SCRIPT_ARGS)$(sep))
endef

$(ROOTFS_FINALIZE_STAMP): $(foreach p,$(PACKAGES_CLOSURE),$($(call UPPERCASE,$(p))_STAMP_INSTALLED))
	$(info >>> Finalizing target directory)
	mkdir -p $(ROOTFS_DIR) && rm -f $(ROOTFS_DIR)/.stamp_*
	$(rootfs-merge-trees)
	$(rootfs-system-settings)
	touch $@

# --- images -----------------------------------------------------------------------
# The permission/device table tool (support/makedevs, C), built for the host.
MAKEDEVS := $(BUILD_DIR)/host-tools/makedevs
$(MAKEDEVS): $(TOPDIR)/support/makedevs/makedevs.c
	mkdir -p $(@D)
	gcc -std=c11 -O2 -Wall -Wextra -o $@.tmp $< && mv $@.tmp $@

# The permissions of every selected package, one table.
ROOTFS_PACKAGE_PERMISSIONS = $(ROOTFS_DIR)/package-permissions.txt
define rootfs-package-permissions
$(foreach p,$(PACKAGES_CLOSURE),$(if $($(call UPPERCASE,$(p))_PERMISSIONS),$($(call UPPERCASE,$(p))_PERMISSIONS)$(sep)))
endef

# The users of every selected package (FOO_USERS), one table.
ROOTFS_PACKAGE_USERS = $(ROOTFS_DIR)/package-users.txt
define rootfs-package-users
$(foreach p,$(PACKAGES_CLOSURE),$(if $($(call UPPERCASE,$(p))_USERS),$($(call UPPERCASE,$(p))_USERS)$(sep)))
endef

ROOTFS_CPIO_NAME = rootfs.cpio$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_CPIO_GZIP)),.gz)

# Reproducible images (docs/reproducible.md): every file time is
# SOURCE_DATE_EPOCH; archives are sorted with numeric owners; the ext4 UUID and
# directory hash seed are a hash of the label and SOURCE_DATE_EPOCH, mke2fs and
# debugfs run with that time (E2FSPROGS_FAKE_TIME), and debugfs sets every
# inode's times to it (mke2fs -d copies the change time, which touch cannot
# set, and the access time, which its own reading may have changed).
define rootfs-ext4-fix-times
(cd $(TARGET_DIR) && find . | LC_ALL=C sort | sed -e 's|^\.||' -e 's|^$$|/|' | \
	while IFS= read -r p; do for f in atime ctime mtime; do \
		printf 'sif "%s" %s @%s\nsif "%s" %s_extra 0\n' "$$p" $$f '$(SOURCE_DATE_EPOCH)' "$$p" $$f; done; done) > $(ROOTFS_DIR)/ext4-times.debugfs
E2FSPROGS_FAKE_TIME='$(SOURCE_DATE_EPOCH)' debugfs -w -f $(ROOTFS_DIR)/ext4-times.debugfs $(BINARIES_DIR)/rootfs.ext4 >/dev/null
endef

# The commands run inside the fakeroot session (one shell script).
define rootfs-fakeroot-script
set -e
chown -h -R 0:0 $(TARGET_DIR)
SMARTOS_ROOT_PASSWORD=$(call shq,$(call config-raw,SMARTOS_TARGET_GENERIC_ROOT_PASSWD)) SMARTOS_ROOT_PASSWORD_EMPTY=$(SMARTOS_TARGET_GENERIC_ROOT_PASSWD_EMPTY) $(SCRIPTS)/mkusers $(TARGET_DIR) $(ROOTFS_PACKAGE_USERS) $(call abs-path,$(ROOTFS_USERS_TABLES))
$(MAKEDEVS) $(TARGET_DIR) $(call abs-path,$(ROOTFS_DEVICE_TABLES)) $(ROOTFS_PACKAGE_PERMISSIONS)
find $(TARGET_DIR) -exec touch -h -d @'$(SOURCE_DATE_EPOCH)' {} +
$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_CPIO)),echo "Making $(BINARIES_DIR)/$(ROOTFS_CPIO_NAME)"
cd $(TARGET_DIR) && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc --reproducible $(if $(filter y,$(SMARTOS_TARGET_ROOTFS_CPIO_GZIP)),| gzip -9n) > $(BINARIES_DIR)/$(ROOTFS_CPIO_NAME))
$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_EXT4)),echo "Making $(BINARIES_DIR)/rootfs.ext4"
rm -f $(BINARIES_DIR)/rootfs.ext4
truncate -s $(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_SIZE)) $(BINARIES_DIR)/rootfs.ext4
uuid=$$(printf 'smart-os rootfs %s %s' $(call shq,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_LABEL))) '$(SOURCE_DATE_EPOCH)' | sha256sum | \
	sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*/\1-\2-4\3-8\4-\5/')
E2FSPROGS_FAKE_TIME='$(SOURCE_DATE_EPOCH)' mke2fs -q -F -t ext4 -d $(TARGET_DIR) -L $(call shq,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_LABEL))) \
	-U "$$uuid" -E hash_seed="$$uuid" $(BINARIES_DIR)/rootfs.ext4
$(rootfs-ext4-fix-times))
$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_TAR)),echo "Making $(BINARIES_DIR)/rootfs.tar"
tar -C $(TARGET_DIR) --sort=name --numeric-owner --mtime=@'$(SOURCE_DATE_EPOCH)' --format=gnu -cf $(BINARIES_DIR)/rootfs.tar .)
endef

$(ROOTFS_IMAGES_STAMP): $(ROOTFS_FINALIZE_STAMP) $(MAKEDEVS)
	$(info >>> Checking the target and generating root filesystem images)
	$(PYTHON3) $(SCRIPTS)/check-elf --forbid $(TOPDIR) $(TARGET_DIR)
	$(file >$(ROOTFS_PACKAGE_PERMISSIONS),$(rootfs-package-permissions))
	$(file >$(ROOTFS_PACKAGE_USERS),$(rootfs-package-users))
	$(file >$(ROOTFS_DIR)/fakeroot.sh,$(rootfs-fakeroot-script))
	fakeroot -- bash $(ROOTFS_DIR)/fakeroot.sh
	$(foreach s,$(ROOTFS_POST_IMAGE_SCRIPTS),echo "Running post-image script $(s)" && BINARIES_DIR=$(BINARIES_DIR) HOST_DIR=$(HOST_DIR) TARGET_DIR=$(TARGET_DIR) SMARTOS_CONFIG=$(SMARTOS_CONFIG) $(call abs-path,$(s)) $(BINARIES_DIR) $(ROOTFS_POST_SCRIPT_ARGS)$(sep))
	$(SCRIPTS)/data-disks images $(BINARIES_DIR) $(call shq,$(ROOTFS_DATA_DISKS))
	$(if $(SMARTOS_RUN_SCRIPT_PATH),$(SCRIPTS)/install-run-script $(TOPDIR) $(call abs-path,$(SMARTOS_RUN_SCRIPT_PATH)) $(BINARIES_DIR)/run.sh)
	touch $@
