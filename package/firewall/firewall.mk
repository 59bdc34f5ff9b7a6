################################################################################
# firewall: iptables rules loaded at boot (/etc/init.d/S35firewall), either
# made from the menuconfig options by mkrules (default-deny inbound) or the
# user's own iptables-restore file
################################################################################

FIREWALL_LICENSE = GPL-2.0
# Our own files; the licence text is Debian's copy (base-files) on the build host.
FIREWALL_LICENSE_FILES = /usr/share/common-licenses/GPL-2
FIREWALL_DEPENDENCIES = iptables
# Installs a script and a rules file, compiles nothing.
FIREWALL_ADD_TOOLCHAIN_DEPENDENCY = NO

FIREWALL_RULES_FILE = $(call abs-path,$(call qstrip,$(SMARTOS_PACKAGE_FIREWALL_RULES_FILE_PATH)))
FIREWALL_INPUT_FILES = $(FIREWALL_RULES_FILE)

ifeq ($(SMARTOS_PACKAGE_FIREWALL_RULES_FILE),y)
define FIREWALL_MAKE_RULES
	test -f '$(FIREWALL_RULES_FILE)' || { echo "ERROR: SMARTOS_PACKAGE_FIREWALL_RULES_FILE_PATH: '$(FIREWALL_RULES_FILE)' is not a file" >&2; exit 1; }
	install -m 0600 $(FIREWALL_RULES_FILE) $(TARGET_DIR)/etc/firewall.rules.tmp
endef
else
define FIREWALL_MAKE_RULES
	$(FIREWALL_PKGDIR)/mkrules $(call shq,$(call qstrip,$(SMARTOS_PACKAGE_FIREWALL_TCP_PORTS))) \
		$(call shq,$(call qstrip,$(SMARTOS_PACKAGE_FIREWALL_UDP_PORTS))) \
		$(if $(filter y,$(SMARTOS_PACKAGE_FIREWALL_ALLOW_PING)),y,n) > $(TARGET_DIR)/etc/firewall.rules.tmp
	chmod 0600 $(TARGET_DIR)/etc/firewall.rules.tmp
endef
endif

define FIREWALL_INSTALL_TARGET_CMDS
	install -D -m 0755 $(FIREWALL_PKGDIR)/S35firewall $(TARGET_DIR)/etc/init.d/S35firewall
	$(FIREWALL_MAKE_RULES)
	mv $(TARGET_DIR)/etc/firewall.rules.tmp $(TARGET_DIR)/etc/firewall.rules
endef

$(eval $(generic-package))
