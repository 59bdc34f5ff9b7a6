################################################################################
# data-disks: empty file system images for the extra data disks
# (SMARTOS_TARGET_ROOTFS_DATA_DISKS, see support/scripts/data-disks), and
# images/data-disks.txt listing them for the run scripts. Their /etc/fstab
# lines are written by target-finalize (system/system.mk).
################################################################################

FS_TYPES += data-disks
ROOTFS_DATA_DISKS = $(call qstrip,$(SMARTOS_TARGET_ROOTFS_DATA_DISKS))
FS_DATA_DISKS_ENABLED = $(if $(ROOTFS_DATA_DISKS),y)
# NAME:SIZE:FSTYPE:MOUNTPOINT -> data-NAME.FSTYPE
FS_DATA_DISKS_FILES = $(foreach e,$(ROOTFS_DATA_DISKS),data-$(word 1,$(subst :, ,$(e))).$(word 3,$(subst :, ,$(e))))

define FS_DATA_DISKS_CMDS
SOURCE_DATE_EPOCH='$(SOURCE_DATE_EPOCH)' $(SCRIPTS)/data-disks images $(FS_WORK_DIR) $(call shq,$(ROOTFS_DATA_DISKS))
$(foreach f,$(FS_DATA_DISKS_FILES) data-disks.txt,$(call fs-made,$(f))
)
endef
