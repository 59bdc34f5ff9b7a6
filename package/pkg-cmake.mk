################################################################################
# CMake package infrastructure: $(eval $(cmake-package)) and
# $(eval $(host-cmake-package)).
#
# On top of the generic variables (see pkg-generic.mk) a package may set:
#   FOO_CONF_ENV     environment for the cmake configure run
#   FOO_CONF_OPTS    extra cmake options (-DFOO=ON ...)
#   FOO_NINJA_ENV    environment for the build and install runs
#   FOO_NINJA_OPTS   extra ninja arguments (targets) of the build step
#   FOO_SUBDIR       the directory holding CMakeLists.txt, relative to the
#                    source (default: the top)
# The build directory is $(@D)/smartos-build (out of tree), generator Ninja;
# cmake and ninja are the build machine's (support/scripts/install-host-deps.sh).
# For a target package the configure step writes a toolchain file there: the
# toolchain's compilers (and ccache as their launcher when it is not already
# run by the toolchain wrapper), its tools and flags, the staging directory as
# the only place find_library/find_path/find_package look, pkg-config limited
# to the staging directory. Target packages get CMAKE_INSTALL_PREFIX=/usr,
# host packages $(HOST_DIR) (with that lib/ as their RPATH); both
# CMAKE_INSTALL_LIBDIR=lib, shared libraries, no tests.
# Install: "cmake --install" with DESTDIR set to the staging and target
# directories (target), or into $(HOST_DIR) (host).
# FOO_CONFIGURE_CMDS, FOO_BUILD_CMDS, ... still override a default.
################################################################################

cmake-package = $(call register-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target,cmake)
host-cmake-package = $(call register-package,host-$(pkgname),$(call UPPERCASE,host-$(pkgname)),$(pkgdir),host,cmake)

# The values of these variables go into a cmake package's input hash.
PKG_HASHED_VARS_cmake := CONF_ENV CONF_OPTS NINJA_ENV NINJA_OPTS SUBDIR

CMAKE_BUILD_DIR = $(@D)/smartos-build

CMAKE_TARGET_PKG_CONFIG_ENV = PKG_CONFIG_PATH= PKG_CONFIG_SYSROOT_DIR="$(STAGING_DIR)" \
	PKG_CONFIG_LIBDIR="$(STAGING_DIR)/usr/lib/pkgconfig:$(STAGING_DIR)/usr/share/pkgconfig"
CMAKE_HOST_PKG_CONFIG_ENV = PKG_CONFIG_PATH="$(HOST_DIR)/lib/pkgconfig:$(HOST_DIR)/share/pkgconfig"

# The compiler without its launcher, and the launcher (ccache, distcc) if any:
# cmake wants them apart.
cmake-compiler = $(lastword $(1))
cmake-launcher = $(filter-out $(lastword $(1)),$(1))

define cmake-toolchain-file
	mkdir -p $(CMAKE_BUILD_DIR)
	{ \
		echo "# written by the cmake-package infrastructure for $($(PKG)_NAME)"; \
		echo 'set(CMAKE_SYSTEM_NAME Linux)'; \
		echo 'set(CMAKE_SYSTEM_PROCESSOR $(ARCH))'; \
		echo 'set(CMAKE_C_COMPILER "$(call cmake-compiler,$(TARGET_CC))")'; \
		echo 'set(CMAKE_CXX_COMPILER "$(call cmake-compiler,$(TARGET_CXX))")'; \
		$(if $(call cmake-launcher,$(TARGET_CC)),echo 'set(CMAKE_C_COMPILER_LAUNCHER $(call cmake-launcher,$(TARGET_CC)))'; \
		echo 'set(CMAKE_CXX_COMPILER_LAUNCHER $(call cmake-launcher,$(TARGET_CXX)))';) \
		echo 'set(CMAKE_AR "$(TARGET_AR)" CACHE FILEPATH "")'; \
		echo 'set(CMAKE_RANLIB "$(TARGET_RANLIB)" CACHE FILEPATH "")'; \
		echo 'set(CMAKE_NM "$(TARGET_NM)" CACHE FILEPATH "")'; \
		echo 'set(CMAKE_STRIP "$(TARGET_STRIP)" CACHE FILEPATH "")'; \
		echo 'set(CMAKE_OBJCOPY "$(TARGET_OBJCOPY)" CACHE FILEPATH "")'; \
		echo 'set(CMAKE_C_FLAGS_INIT "$(TARGET_CFLAGS)")'; \
		echo 'set(CMAKE_CXX_FLAGS_INIT "$(TARGET_CXXFLAGS)")'; \
		echo 'set(CMAKE_EXE_LINKER_FLAGS_INIT "$(TARGET_LDFLAGS)")'; \
		echo 'set(CMAKE_SHARED_LINKER_FLAGS_INIT "$(TARGET_LDFLAGS)")'; \
		echo 'set(CMAKE_MODULE_LINKER_FLAGS_INIT "$(TARGET_LDFLAGS)")'; \
		echo 'set(CMAKE_FIND_ROOT_PATH "$(STAGING_DIR)")'; \
		echo 'set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)'; \
		echo 'set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)'; \
		echo 'set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)'; \
		echo 'set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)'; \
		echo 'set(ENV{PKG_CONFIG_SYSROOT_DIR} "$(STAGING_DIR)")'; \
		echo 'set(ENV{PKG_CONFIG_LIBDIR} "$(STAGING_DIR)/usr/lib/pkgconfig:$(STAGING_DIR)/usr/share/pkgconfig")'; \
		echo 'set(ENV{PKG_CONFIG_PATH} "")'; \
	} > $(CMAKE_BUILD_DIR)/toolchain.cmake.tmp
	mv $(CMAKE_BUILD_DIR)/toolchain.cmake.tmp $(CMAKE_BUILD_DIR)/toolchain.cmake
endef

CMAKE_COMMON_OPTS = -G Ninja -DCMAKE_INSTALL_LIBDIR=lib -DBUILD_SHARED_LIBS=ON -DBUILD_TESTING=OFF \
	-DCMAKE_BUILD_TYPE=None -DCMAKE_COLOR_MAKEFILE=OFF

# A configure step run again (<pkg>-reconfigure) starts from an empty build dir.
define cmake-target-configure
	rm -rf $(CMAKE_BUILD_DIR)
	$(cmake-toolchain-file)
	cd $(CMAKE_BUILD_DIR) && $(TARGET_MAKE_ENV) $(CMAKE_TARGET_PKG_CONFIG_ENV) $($(PKG)_CONF_ENV) \
		cmake $(@D)/$($(PKG)_SUBDIR) $(CMAKE_COMMON_OPTS) \
		-DCMAKE_TOOLCHAIN_FILE=$(CMAKE_BUILD_DIR)/toolchain.cmake \
		-DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_INSTALL_SYSCONFDIR=/etc -DCMAKE_INSTALL_LOCALSTATEDIR=/var \
		$($(PKG)_CONF_OPTS)
endef

define cmake-host-configure
	rm -rf $(CMAKE_BUILD_DIR)
	mkdir -p $(CMAKE_BUILD_DIR)
	cd $(CMAKE_BUILD_DIR) && $(HOST_MAKE_ENV) $(CMAKE_HOST_PKG_CONFIG_ENV) $($(PKG)_CONF_ENV) \
		cmake $(@D)/$($(PKG)_SUBDIR) $(CMAKE_COMMON_OPTS) \
		-DCMAKE_C_COMPILER="$(call cmake-compiler,$(HOST_CC))" \
		-DCMAKE_CXX_COMPILER="$(call cmake-compiler,$(HOST_CXX))" \
		$(if $(call cmake-launcher,$(HOST_CC)),-DCMAKE_C_COMPILER_LAUNCHER=$(call cmake-launcher,$(HOST_CC)) \
		-DCMAKE_CXX_COMPILER_LAUNCHER=$(call cmake-launcher,$(HOST_CXX))) \
		-DCMAKE_C_FLAGS="$(HOST_CFLAGS)" -DCMAKE_CXX_FLAGS="$(HOST_CXXFLAGS)" \
		-DCMAKE_EXE_LINKER_FLAGS="$(HOST_LDFLAGS)" -DCMAKE_SHARED_LINKER_FLAGS="$(HOST_LDFLAGS)" \
		-DCMAKE_INSTALL_PREFIX=$(HOST_DIR) -DCMAKE_PREFIX_PATH=$(HOST_DIR) \
		-DCMAKE_INSTALL_RPATH=$(HOST_DIR)/lib \
		$($(PKG)_CONF_OPTS)
endef

# cmake-env <target|host>: PATH and pkg-config for the build and install runs
# (ninja runs cmake again when a CMakeLists.txt changed).
cmake-env = $(if $(filter host,$(1)),$(HOST_MAKE_ENV) $(CMAKE_HOST_PKG_CONFIG_ENV),$(TARGET_MAKE_ENV) $(CMAKE_TARGET_PKG_CONFIG_ENV)) $($(PKG)_NINJA_ENV)

cmake-build = $(call cmake-env,$($(PKG)_TYPE)) cmake --build $(CMAKE_BUILD_DIR) -j $(PARALLEL_JOBS) $(if $($(PKG)_NINJA_OPTS),-- $($(PKG)_NINJA_OPTS))
# cmake-install <destdir or empty>
cmake-install = $(call cmake-env,$($(PKG)_TYPE)) $(if $(1),DESTDIR=$(1)) cmake --install $(CMAKE_BUILD_DIR)

# pkg-defaults-cmake <name>,<PREFIX>: called by pkg-generic.mk.
define pkg-defaults-cmake
$(2)_SUBDIR ?=
$(if $(call pkg-undefined,$(2)_CONFIGURE_CMDS),$(2)_CONFIGURE_CMDS = $$(cmake-$($(2)_TYPE)-configure))
$(if $(call pkg-undefined,$(2)_BUILD_CMDS),$(2)_BUILD_CMDS = $$(cmake-build))
$(if $(call pkg-undefined,$(2)_INSTALL_STAGING_CMDS),$(2)_INSTALL_STAGING_CMDS = $$(call cmake-install,$$(STAGING_DIR)))
$(if $(call pkg-undefined,$(2)_INSTALL_TARGET_CMDS),$(2)_INSTALL_TARGET_CMDS = $$(call cmake-install,$$(TARGET_DIR)))
$(if $(call pkg-undefined,$(2)_INSTALL_CMDS),$(2)_INSTALL_CMDS = $$(call cmake-install,))
endef
