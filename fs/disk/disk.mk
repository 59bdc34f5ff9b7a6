################################################################################
# disk: a partitioned disk image laid out by genimage from the board's
# configuration (SMARTOS_TARGET_ROOTFS_DISK, _GENIMAGE_CFG, _IMAGES).
# genimage reads its inputs from one directory: links to the packages'
# images and to the images this step made before (rootfs.ext4, ...).
################################################################################

FS_TYPES += disk
FS_DISK_ENABLED = $(SMARTOS_TARGET_ROOTFS_DISK)
FS_DISK_AFTER = ext4 tar cpio
FS_DISK_CFG = $(call abs-path,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG)))
FS_DISK_IMAGES = $(call qstrip,$(SMARTOS_TARGET_ROOTFS_DISK_IMAGES))
FS_DISK_INPUT_FILES = $(if $(filter y,$(SMARTOS_TARGET_ROOTFS_DISK)),$(FS_DISK_CFG))

ifeq ($(SMARTOS_TARGET_ROOTFS_DISK),y)
ifeq ($(call qstrip,$(SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG)),)
$(error SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG is empty: name the board's genimage configuration (e.g. board/qemu-x86_64/genimage.cfg))
endif
ifeq ($(FS_DISK_IMAGES),)
$(error SMARTOS_TARGET_ROOTFS_DISK_IMAGES is empty: name the images the genimage configuration makes)
endif
endif

# genimage leaves partial output behind on error: it works in its own
# directories, and only the finished images are named as made.
define FS_DISK_CMDS
test -f $(FS_DISK_CFG) || { echo "ERROR: SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG: $(FS_DISK_CFG) is not a file" >&2; exit 1; }
rm -rf $(FS_WORK_DIR)/genimage && mkdir -p $(FS_WORK_DIR)/genimage/input $(FS_WORK_DIR)/genimage/root
for f in $(BINARIES_DIR)/* $(FS_WORK_DIR)/*; do if [ -f "$$f" ]; then ln -sfn "$$f" $(FS_WORK_DIR)/genimage/input/; fi; done
genimage --config $(FS_DISK_CFG) --rootpath $(FS_WORK_DIR)/genimage/root --tmppath $(FS_WORK_DIR)/genimage/tmp \
	--inputpath $(FS_WORK_DIR)/genimage/input --outputpath $(FS_WORK_DIR)/genimage/output
$(foreach f,$(FS_DISK_IMAGES),test -f $(FS_WORK_DIR)/genimage/output/$(f) || { echo "ERROR: SMARTOS_TARGET_ROOTFS_DISK_IMAGES: $(FS_DISK_CFG) made no $(f)" >&2; exit 1; }
mv $(FS_WORK_DIR)/genimage/output/$(f) $(FS_WORK_DIR)/$(f)
$(call fs-made,$(f))
)
rm -rf $(FS_WORK_DIR)/genimage
endef
