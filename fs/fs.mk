################################################################################
# The root file system and its images.
#
# target-finalize: $(O)/target, $(O)/staging, $(O)/host and $(O)/images are made
#   afresh from the per-package trees of the selected packages and their
#   dependencies (in dependency order), then the system settings
#   (system/system.mk: hostname, overlays, depmod, post-build scripts). A
#   package that is no longer selected is simply not merged: it disappears.
# images: the ELF check (every dynamic ELF finds its interpreter and
#   libraries), then one fakeroot session: ownership, users and permission
#   tables (system/system.mk), file times, then every selected image type
#   (fs/<type>/<type>.mk) in the order their inputs need. The types write into
#   a scratch directory ($(FS_WORK_DIR)); only when all of them (and the size
#   budget) succeeded are their images renamed into $(O)/images, so a failed
#   step never leaves a partial image there. Then the post-image scripts, the
#   ports the run script forwards (SMARTOS_RUN_HOSTFWD: images/hostfwd.txt,
#   support/scripts/run-hostfwd) and the run script, and last the sha256 of every file in $(O)/images
#   ($(ROOTFS_IMAGES_RECORD)): make checks them each time it starts and runs
#   target-finalize and the images again when one changed.
# Both stamps carry ROOTFS_HASH (fs/rootfs.mk).
#
# An image type is a folder fs/<type>/ with a Kconfig (its options, sourced by
# fs/Kconfig) and <type>.mk, which sets:
#   FS_TYPES += <type>
#   FS_<TYPE>_ENABLED     y when the configuration asks for the image
#   FS_<TYPE>_AFTER       types whose images it reads (made before it)
#   FS_<TYPE>_INPUT_FILES files it reads besides the target (input of ROOTFS_HASH)
#   define FS_<TYPE>_CMDS shell lines of the fakeroot session that make its
#                         images in $(FS_WORK_DIR) and name each with
#                         $(call fs-made,<file>); images of earlier types are
#                         there, the packages' images in $(BINARIES_DIR)
################################################################################

ROOTFS_FINALIZE_STAMP := $(ROOTFS_DIR)/.stamp_target_finalized.$(ROOTFS_HASH)
ROOTFS_IMAGES_STAMP := $(ROOTFS_DIR)/.stamp_images.$(ROOTFS_HASH)
FS_WORK_DIR := $(ROOTFS_DIR)/images.work
# The sha256 of every file in $(BINARIES_DIR) as the image step left it.
ROOTFS_IMAGES_RECORD := $(ROOTFS_DIR)/images.sha256

# An image changed since the image step (a boot with run.sh --write, a
# copy over it, a file removed): forget the target-finalize stamp, so both
# steps run again and $(BINARIES_DIR) is the build's own once more (the
# packages' images in it come from target-finalize).
ifneq ($(wildcard $(ROOTFS_IMAGES_STAMP)),)
ifneq ($(shell $(SCRIPTS)/image-record check $(ROOTFS_IMAGES_RECORD) $(BINARIES_DIR) && echo ok),ok)
$(shell rm -f $(ROOTFS_FINALIZE_STAMP) $(ROOTFS_IMAGES_STAMP))
endif
endif

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

$(ROOTFS_FINALIZE_STAMP): $(foreach p,$(PACKAGES_CLOSURE),$($(call UPPERCASE,$(p))_STAMP_INSTALLED))
	$(info >>> Finalizing target directory)
	mkdir -p $(ROOTFS_DIR) && rm -f $(ROOTFS_DIR)/.stamp_*
	$(rootfs-merge-trees)
	$(system-settings)
	touch $@

# --- images -----------------------------------------------------------------------
$(MAKEDEVS): $(TOPDIR)/support/makedevs/makedevs.c
	mkdir -p $(@D)
	gcc -std=c11 -O2 -Wall -Wextra -o $@.tmp $< && mv $@.tmp $@

# fs-made <file>: a shell line that names <file> (in $(FS_WORK_DIR)) as an image
# the step made, to be renamed into $(BINARIES_DIR) at the end.
fs-made = echo $(1) >> $(FS_WORK_DIR)/.made

# The selected image types, each after the selected types it reads.
fs-enabled = $(if $(filter y,$(FS_$(call UPPERCASE,$(1))_ENABLED)),$(1))
fs-visit = $(if $(filter $(1),$(FS_SEEN)),,$(eval FS_SEEN += $(1))$(foreach d,$(FS_$(call UPPERCASE,$(1))_AFTER),$(if $(call fs-enabled,$(d)),$(call fs-visit,$(d))))$(eval FS_ORDER += $(1)))
fs-order = $(eval FS_SEEN :=)$(eval FS_ORDER :=)$(foreach t,$(FS_TYPES),$(if $(call fs-enabled,$(t)),$(call fs-visit,$(t))))$(FS_ORDER)

ROOTFS_MAX_SIZE_MIB = $(call qstrip,$(SMARTOS_ROOTFS_MAX_SIZE_MIB))

# The fakeroot session (one shell script, $(ROOTFS_DIR)/fakeroot.sh).
define rootfs-fakeroot-script
set -e
$(system-users-and-permissions)
find $(TARGET_DIR) -exec touch -h -d @'$(SOURCE_DATE_EPOCH)' {} +
$(foreach t,$(fs-order),echo "Making the $(t) image"
$(FS_$(call UPPERCASE,$(t))_CMDS)
)
endef

# Rename the images the types made into place (one rename each, same file system).
define fs-install-images
	while IFS= read -r f; do mv -f $(FS_WORK_DIR)/"$$f" $(BINARIES_DIR)/"$$f"; done < $(FS_WORK_DIR)/.made
endef

$(ROOTFS_IMAGES_STAMP): $(ROOTFS_FINALIZE_STAMP) $(MAKEDEVS)
	$(info >>> Checking the target and generating root filesystem images)
	$(PYTHON3) $(SCRIPTS)/check-elf --machine $(call shq,$(ARCH_ELF_MACHINE)) --forbid $(TOPDIR) $(TARGET_DIR)
	rm -rf $(FS_WORK_DIR) && mkdir -p $(FS_WORK_DIR) $(BINARIES_DIR) && : > $(FS_WORK_DIR)/.made
	$(file >$(ROOTFS_PACKAGE_PERMISSIONS),$(rootfs-package-permissions))
	$(file >$(ROOTFS_PACKAGE_USERS),$(rootfs-package-users))
	$(file >$(ROOTFS_DIR)/fakeroot.sh,$(rootfs-fakeroot-script))
	fakeroot -- bash $(ROOTFS_DIR)/fakeroot.sh
	$(if $(filter-out 0,$(ROOTFS_MAX_SIZE_MIB)),$(PYTHON3) $(SCRIPTS)/size-report --output-dir $(O) --max-mib $(ROOTFS_MAX_SIZE_MIB) $(FS_WORK_DIR) && $(call fs-made,size-report.csv))
	$(fs-install-images)
	rm -rf $(FS_WORK_DIR)
	$(foreach s,$(ROOTFS_POST_IMAGE_SCRIPTS),echo "Running post-image script $(s)" && BINARIES_DIR=$(BINARIES_DIR) HOST_DIR=$(HOST_DIR) TARGET_DIR=$(TARGET_DIR) SMARTOS_CONFIG=$(SMARTOS_CONFIG) $(call abs-path,$(s)) $(BINARIES_DIR) $(ROOTFS_POST_SCRIPT_ARGS)$(sep))
	$(SCRIPTS)/run-hostfwd $(BINARIES_DIR) $(call shq,$(call qstrip,$(SMARTOS_RUN_HOSTFWD)))
	$(if $(SMARTOS_RUN_SCRIPT_PATH),$(SCRIPTS)/install-run-script $(TOPDIR) $(call abs-path,$(SMARTOS_RUN_SCRIPT_PATH)) $(BINARIES_DIR)/run.sh)
	$(SCRIPTS)/image-record write $(ROOTFS_IMAGES_RECORD) $(BINARIES_DIR)
	touch $@
