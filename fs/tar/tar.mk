################################################################################
# tar: images/rootfs.tar of the target (SMARTOS_TARGET_ROOTFS_TAR).
################################################################################

FS_TYPES += tar
FS_TAR_ENABLED = $(SMARTOS_TARGET_ROOTFS_TAR)

define FS_TAR_CMDS
tar -C $(TARGET_DIR) --sort=name --numeric-owner --mtime=@'$(SOURCE_DATE_EPOCH)' --format=gnu \
	-cf $(FS_WORK_DIR)/rootfs.tar .
$(call fs-made,rootfs.tar)
endef
