################################################################################
# Meson package infrastructure: $(eval $(meson-package)) and
# $(eval $(host-meson-package)).
#
# On top of the generic variables (see pkg-generic.mk) a package may set:
#   FOO_CONF_ENV     environment for "meson setup"
#   FOO_CONF_OPTS    extra "meson setup" options (-Dfoo=bar ...)
#   FOO_NINJA_ENV    environment for ninja and "meson install"
#   FOO_NINJA_OPTS   extra ninja arguments (targets) of the build step
#   FOO_SUBDIR       the directory holding meson.build, relative to the
#                    source (default: the top)
# The build directory is $(@D)/smartos-build (out of tree). The configure step
# writes a cross file there (target: the toolchain's compilers and tools, its
# flags, the staging directory for pkg-config) and a native file (the build
# machine's gcc for programs run during the build); meson and ninja are the
# build machine's (support/scripts/install-host-deps.sh). Target packages get
# --prefix=/usr, host packages --prefix=$(HOST_DIR); both --libdir=lib.
# Install: "meson install" with DESTDIR set to the staging and target
# directories (target), or into $(HOST_DIR) (host).
# FOO_CONFIGURE_CMDS, FOO_BUILD_CMDS, ... still override a default.
################################################################################

meson-package = $(call register-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target,meson)
host-meson-package = $(call register-package,host-$(pkgname),$(call UPPERCASE,host-$(pkgname)),$(pkgdir),host,meson)

# The values of these variables go into a meson package's input hash.
PKG_HASHED_VARS_meson := CONF_ENV CONF_OPTS NINJA_ENV NINJA_OPTS SUBDIR

MESON_BUILD_DIR = $(@D)/smartos-build
# meson-list <words>: a meson array of strings, e.g. ['ccache', '/usr/bin/gcc'].
meson-list = [$(subst $(space),$(comma)$(space),$(foreach w,$(1),'$(w)'))]

# pkg-config inside a target package's steps: only the staging directory's
# .pc files, their paths prefixed with the staging directory.
MESON_TARGET_PKG_CONFIG_ENV = PKG_CONFIG_PATH= PKG_CONFIG_SYSROOT_DIR="$(STAGING_DIR)" \
	PKG_CONFIG_LIBDIR="$(STAGING_DIR)/usr/lib/pkgconfig:$(STAGING_DIR)/usr/share/pkgconfig"
MESON_HOST_PKG_CONFIG_ENV = PKG_CONFIG_PATH="$(HOST_DIR)/lib/pkgconfig:$(HOST_DIR)/share/pkgconfig"

# The cross file: how meson runs the target's compilers and tools.
define meson-cross-file
	mkdir -p $(MESON_BUILD_DIR)
	{ \
		echo "# written by the meson-package infrastructure for $($(PKG)_NAME)"; \
		echo "[binaries]"; \
		echo "c = $(call meson-list,$(TARGET_CC))"; \
		echo "cpp = $(call meson-list,$(TARGET_CXX))"; \
		echo "ar = '$(TARGET_AR)'"; \
		echo "nm = '$(TARGET_NM)'"; \
		echo "strip = '$(TARGET_STRIP)'"; \
		echo "objcopy = '$(TARGET_OBJCOPY)'"; \
		echo "ranlib = '$(TARGET_RANLIB)'"; \
		echo "pkg-config = 'pkg-config'"; \
		echo "[built-in options]"; \
		echo "c_args = $(call meson-list,$(TARGET_CFLAGS))"; \
		echo "c_link_args = $(call meson-list,$(TARGET_LDFLAGS))"; \
		echo "cpp_args = $(call meson-list,$(TARGET_CXXFLAGS))"; \
		echo "cpp_link_args = $(call meson-list,$(TARGET_LDFLAGS))"; \
		echo "[properties]"; \
		echo "sys_root = '$(STAGING_DIR)'"; \
		echo "pkg_config_libdir = '$(STAGING_DIR)/usr/lib/pkgconfig:$(STAGING_DIR)/usr/share/pkgconfig'"; \
		echo "needs_exe_wrapper = true"; \
		echo "[host_machine]"; \
		echo "system = 'linux'"; \
		echo "cpu_family = '$(ARCH)'"; \
		echo "cpu = '$(ARCH)'"; \
		echo "endian = 'little'"; \
	} > $(MESON_BUILD_DIR)/cross.ini.tmp
	mv $(MESON_BUILD_DIR)/cross.ini.tmp $(MESON_BUILD_DIR)/cross.ini
endef

# The native file: the build machine's compilers, for host packages and for
# the programs a target package builds and runs during its build.
define meson-native-file
	mkdir -p $(MESON_BUILD_DIR)
	{ \
		echo "# written by the meson-package infrastructure for $($(PKG)_NAME)"; \
		echo "[binaries]"; \
		echo "c = $(call meson-list,$(HOST_CC))"; \
		echo "cpp = $(call meson-list,$(HOST_CXX))"; \
		echo "pkg-config = 'pkg-config'"; \
		echo "[built-in options]"; \
		echo "c_args = $(call meson-list,$(HOST_CFLAGS))"; \
		echo "c_link_args = $(call meson-list,$(HOST_LDFLAGS))"; \
		echo "cpp_args = $(call meson-list,$(HOST_CXXFLAGS))"; \
		echo "cpp_link_args = $(call meson-list,$(HOST_LDFLAGS))"; \
	} > $(MESON_BUILD_DIR)/native.ini.tmp
	mv $(MESON_BUILD_DIR)/native.ini.tmp $(MESON_BUILD_DIR)/native.ini
endef

# A configure step run again (<pkg>-reconfigure) starts from an empty build dir.
MESON_COMMON_OPTS = --libdir=lib --buildtype=plain --wrap-mode=nodownload -Dstrip=false

define meson-target-configure
	rm -rf $(MESON_BUILD_DIR)
	$(meson-cross-file)
	$(meson-native-file)
	cd $(@D)/$($(PKG)_SUBDIR) && $(TARGET_MAKE_ENV) $(MESON_TARGET_PKG_CONFIG_ENV) $($(PKG)_CONF_ENV) \
		meson setup --prefix=/usr --sysconfdir=/etc --localstatedir=/var \
		--default-library=shared $(MESON_COMMON_OPTS) \
		--cross-file=$(MESON_BUILD_DIR)/cross.ini --native-file=$(MESON_BUILD_DIR)/native.ini \
		$($(PKG)_CONF_OPTS) $(MESON_BUILD_DIR)
endef

define meson-host-configure
	rm -rf $(MESON_BUILD_DIR)
	$(meson-native-file)
	cd $(@D)/$($(PKG)_SUBDIR) && $(HOST_MAKE_ENV) $(MESON_HOST_PKG_CONFIG_ENV) $($(PKG)_CONF_ENV) \
		meson setup --prefix=$(HOST_DIR) --sysconfdir=$(HOST_DIR)/etc --localstatedir=$(HOST_DIR)/var \
		$(MESON_COMMON_OPTS) --native-file=$(MESON_BUILD_DIR)/native.ini \
		$($(PKG)_CONF_OPTS) $(MESON_BUILD_DIR)
endef

# meson-env <target|host>: PATH and pkg-config for ninja and meson install
# (ninja may run meson again when a meson.build changed).
meson-env = $(if $(filter host,$(1)),$(HOST_MAKE_ENV) $(MESON_HOST_PKG_CONFIG_ENV),$(TARGET_MAKE_ENV) $(MESON_TARGET_PKG_CONFIG_ENV)) $($(PKG)_NINJA_ENV)

meson-build = $(call meson-env,$($(PKG)_TYPE)) ninja -C $(MESON_BUILD_DIR) -j$(PARALLEL_JOBS) $($(PKG)_NINJA_OPTS)
# meson-install <destdir or empty>
meson-install = $(call meson-env,$($(PKG)_TYPE)) $(if $(1),DESTDIR=$(1)) meson install -C $(MESON_BUILD_DIR) --no-rebuild --quiet

# pkg-defaults-meson <name>,<PREFIX>: called by pkg-generic.mk.
define pkg-defaults-meson
$(2)_SUBDIR ?=
$(if $(call pkg-undefined,$(2)_CONFIGURE_CMDS),$(2)_CONFIGURE_CMDS = $$(meson-$($(2)_TYPE)-configure))
$(if $(call pkg-undefined,$(2)_BUILD_CMDS),$(2)_BUILD_CMDS = $$(meson-build))
$(if $(call pkg-undefined,$(2)_INSTALL_STAGING_CMDS),$(2)_INSTALL_STAGING_CMDS = $$(call meson-install,$$(STAGING_DIR)))
$(if $(call pkg-undefined,$(2)_INSTALL_TARGET_CMDS),$(2)_INSTALL_TARGET_CMDS = $$(call meson-install,$$(TARGET_DIR)))
$(if $(call pkg-undefined,$(2)_INSTALL_CMDS),$(2)_INSTALL_CMDS = $$(call meson-install,))
endef
