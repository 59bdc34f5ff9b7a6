################################################################################
# docker: images/smartos-docker.tar, a docker-archive image ("docker load -i",
# "podman load -i") made from rootfs.tar by support/scripts/docker-archive
# with the SMARTOS_TARGET_ROOTFS_DOCKER_* options.
################################################################################

FS_TYPES += docker
FS_DOCKER_ENABLED = $(SMARTOS_TARGET_ROOTFS_DOCKER)
FS_DOCKER_AFTER = tar

# auto.conf holds string values without quotes or escapes: the JSON lists
# are passed as they are (qstrip would drop their double quotes).
define FS_DOCKER_CMDS
$(PYTHON3) $(SCRIPTS)/docker-archive --rootfs $(FS_WORK_DIR)/rootfs.tar --output $(FS_WORK_DIR)/smartos-docker.tar \
	--arch $(call shq,$(ARCH_OCI_NAME)) --tag $(call shq,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_DOCKER_TAG))) \
	--entrypoint $(call shq,$(SMARTOS_TARGET_ROOTFS_DOCKER_ENTRYPOINT)) --cmd $(call shq,$(SMARTOS_TARGET_ROOTFS_DOCKER_CMD)) \
	--workdir $(call shq,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_DOCKER_WORKDIR))) \
	--stop-signal $(call shq,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_DOCKER_STOP_SIGNAL))) \
	--label org.opencontainers.image.title=smart-os \
	$(foreach e,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_DOCKER_ENV)),--env $(call shq,$(e)))
$(call fs-made,smartos-docker.tar)
endef
