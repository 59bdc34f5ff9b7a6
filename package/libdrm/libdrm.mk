################################################################################
# libdrm: Userspace interface to kernel DRM services -- runtime
################################################################################

# Written by support/scripts/pkg-import from Debian's source package
# libdrm 2.4.114-1 (build system: Debian builds it with meson).

LIBDRM_VERSION = 2.4.114
LIBDRM_SOURCE = libdrm_$(LIBDRM_VERSION).orig.tar.xz
LIBDRM_APT_SOURCE = libdrm
LIBDRM_APT_VERSION = 2.4.114-1
# libdrm has no licence file: its sources carry the MIT licence in their
# headers (xf86drm.h is the main one).
LIBDRM_LICENSE = MIT
LIBDRM_LICENSE_FILES = xf86drm.h
LIBDRM_INSTALL_STAGING = YES
# Build-Depends of Debian's package that no package here provides:
#   libx11-dev (libx11), libudev-dev (systemd), libpciaccess-dev
#   (libpciaccess)

# No test programs, manual pages (they need rst2man), valgrind annotations or
# cairo-based tests.
LIBDRM_CONF_OPTS = -Dtests=false -Dman-pages=disabled -Dvalgrind=disabled -Dcairo-tests=disabled

$(eval $(meson-package))
