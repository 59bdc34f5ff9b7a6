################################################################################
# cpio: images/rootfs.cpio[.gz], an initramfs (SMARTOS_TARGET_ROOTFS_CPIO).
################################################################################

FS_TYPES += cpio
FS_CPIO_ENABLED = $(SMARTOS_TARGET_ROOTFS_CPIO)
ROOTFS_CPIO_NAME = rootfs.cpio$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_CPIO_GZIP)),.gz)

define FS_CPIO_CMDS
(cd $(TARGET_DIR) && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc --reproducible) \
	$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_CPIO_GZIP)),| gzip -9n) > $(FS_WORK_DIR)/$(ROOTFS_CPIO_NAME)
$(call fs-made,$(ROOTFS_CPIO_NAME))
endef
