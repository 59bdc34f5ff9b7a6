################################################################################
# The virtual package "toolchain": every target package depends on it (unless
# it sets FOO_ADD_TOOLCHAIN_DEPENDENCY = NO; packages named toolchain* never
# depend on it). It depends on the package that provides the chosen toolchain:
#   SMARTOS_TOOLCHAIN_EXTERNAL -> toolchain-external (package/toolchain-external/)
#   SMARTOS_TOOLCHAIN_INTERNAL -> toolchain-internal (from source, next issue)
# Its hash holds the target and toolchain options, so changing any of them
# rebuilds every target package.
################################################################################

TOOLCHAIN_PROVIDER = $(if $(filter y,$(SMARTOS_TOOLCHAIN_INTERNAL)),toolchain-internal,toolchain-external)

$(eval $(call register-package,toolchain,TOOLCHAIN,,target,generic))
TOOLCHAIN_DEPENDENCIES = $(TOOLCHAIN_PROVIDER)
TOOLCHAIN_INSTALL_TARGET = NO
TOOLCHAIN_QUIET = YES
TOOLCHAIN_CONFIG_VARS = SMARTOS_ARCH SMARTOS_TARGET_OPTIMIZATION SMARTOS_TOOLCHAIN_EXTERNAL \
	SMARTOS_TOOLCHAIN_INTERNAL SMARTOS_TOOLCHAIN_EXTERNAL_PATH SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX
TOOLCHAIN_INPUT_FILES = package/pkg-toolchain.mk
