################################################################################
# Autotools package infrastructure: $(eval $(autotools-package)) and
# $(eval $(host-autotools-package)).
#
# On top of the generic variables (see pkg-generic.mk) a package may set:
#   FOO_CONF_ENV     environment for ./configure
#   FOO_CONF_OPTS    extra ./configure options
#   FOO_MAKE_ENV     environment for make
#   FOO_MAKE_OPTS    extra make arguments (build step)
#   FOO_INSTALL_OPTS make arguments of the install steps (default: install)
#   FOO_AUTORECONF   YES to run autoreconf -fi before configuring
# Defaults: configure --prefix=/usr for the target (--prefix=$(HOST_DIR) for
# host), make, make DESTDIR=<dir> install into the staging and target dirs.
# FOO_CONFIGURE_CMDS, FOO_BUILD_CMDS, ... still override a default. libtool
# archives (.la) are removed after every install step (pkg-remove-la-files).
################################################################################

PKG_HASHED_VARS_autotools := CONF_OPTS CONF_ENV MAKE_OPTS MAKE_ENV INSTALL_OPTS AUTORECONF

autotools-package = $(call register-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target,autotools)
host-autotools-package = $(call register-package,host-$(pkgname),$(call UPPERCASE,host-$(pkgname)),$(pkgdir),host,autotools)

define autotools-target-configure
	cd $(@D) && $(TARGET_CONFIGURE_OPTS) $($(PKG)_CONF_ENV) ./configure \
		--build=$(GNU_HOST_NAME) --host=$(TOOLCHAIN_TUPLE) --prefix=/usr --sysconfdir=/etc \
		--localstatedir=/var --disable-static --enable-shared $($(PKG)_CONF_OPTS)
endef

define autotools-host-configure
	cd $(@D) && $(HOST_CONFIGURE_OPTS) $($(PKG)_CONF_ENV) ./configure \
		--prefix=$(HOST_DIR) --sysconfdir=$(HOST_DIR)/etc --localstatedir=$(HOST_DIR)/var \
		$($(PKG)_CONF_OPTS)
endef

autotools-autoreconf = cd $(@D) && $(HOST_MAKE_ENV) autoreconf -fi

# pkg-defaults-autotools <name>,<PREFIX>: called by pkg-generic.mk.
define pkg-defaults-autotools
$(2)_INSTALL_OPTS ?= install
$(if $(filter YES,$($(2)_AUTORECONF)),$(2)_PRE_CONFIGURE_HOOKS += autotools-autoreconf)
$(2)_POST_INSTALL_STAGING_HOOKS += pkg-remove-la-files
$(2)_POST_INSTALL_TARGET_HOOKS += pkg-remove-la-files
$(2)_POST_INSTALL_HOOKS += pkg-remove-la-files
$(if $(call pkg-undefined,$(2)_CONFIGURE_CMDS),$(2)_CONFIGURE_CMDS = $$(autotools-$($(2)_TYPE)-configure))
$(if $(call pkg-undefined,$(2)_BUILD_CMDS),$(2)_BUILD_CMDS = $$($(if $(filter host,$($(2)_TYPE)),HOST,TARGET)_MAKE_ENV) $$($(2)_MAKE_ENV) $$(MAKE) -C $$(@D) $$($(2)_MAKE_OPTS))
$(if $(call pkg-undefined,$(2)_INSTALL_STAGING_CMDS),$(2)_INSTALL_STAGING_CMDS = $$(TARGET_MAKE_ENV) $$($(2)_MAKE_ENV) $$(MAKE) -C $$(@D) DESTDIR=$$(STAGING_DIR) $$($(2)_INSTALL_OPTS))
$(if $(call pkg-undefined,$(2)_INSTALL_TARGET_CMDS),$(2)_INSTALL_TARGET_CMDS = $$(TARGET_MAKE_ENV) $$($(2)_MAKE_ENV) $$(MAKE) -C $$(@D) DESTDIR=$$(TARGET_DIR) $$($(2)_INSTALL_OPTS))
$(if $(call pkg-undefined,$(2)_INSTALL_CMDS),$(2)_INSTALL_CMDS = $$(HOST_MAKE_ENV) $$($(2)_MAKE_ENV) $$(MAKE) -C $$(@D) $$($(2)_INSTALL_OPTS))
endef
