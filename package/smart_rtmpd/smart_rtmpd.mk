################################################################################
# smart_rtmpd: a prebuilt streaming server from an archive the user supplies
# (SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE, a path or URL) with its sha256
# (SMARTOS_PACKAGE_SMART_RTMPD_SHA256, required). The archive's directory
# holding the program smart_rtmpd is installed as /opt/smart_rtmpd. Nothing
# is compiled: the program's libraries come from the toolchain (it is C++:
# SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX), and the image step's ELF check
# proves they are all there.
################################################################################

SMART_RTMPD_VERSION = prebuilt
SMART_RTMPD_LICENSE = Proprietary (free of charge, not open source)
# The vendor's terms as its README states them (the archive has no licence
# file we could rely on).
SMART_RTMPD_LICENSE_FILES = $(call abs-path,$(SMART_RTMPD_PKGDIR))/licence.txt

SMART_RTMPD_ARCHIVE = $(call qstrip,$(SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE))
SMART_RTMPD_SHA256 = $(call qstrip,$(SMARTOS_PACKAGE_SMART_RTMPD_SHA256))
SMART_RTMPD_CONFIG_FILE = $(call qstrip,$(SMARTOS_PACKAGE_SMART_RTMPD_CONFIG_FILE))
# A URL as it is, a path made absolute (relative: to the top of the tree).
SMART_RTMPD_ARCHIVE_URL = $(if $(findstring ://,$(SMART_RTMPD_ARCHIVE)),$(SMART_RTMPD_ARCHIVE),file://$(call abs-path,$(SMART_RTMPD_ARCHIVE)))
SMART_RTMPD_ARCHIVE_NAME = $(notdir $(SMART_RTMPD_ARCHIVE))
SMART_RTMPD_INPUT_FILES = $(if $(SMART_RTMPD_CONFIG_FILE),$(call abs-path,$(SMART_RTMPD_CONFIG_FILE)))

# The options, checked before anything is fetched; each error names one.
define SMART_RTMPD_CHECK_OPTIONS
	test -n '$(SMART_RTMPD_ARCHIVE)' || { echo "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE is empty: set it to the path or URL of the smart_rtmpd archive for Linux $(ARCH) (see docs/streaming.md)" >&2; exit 1; }
	test -n '$(SMART_RTMPD_SHA256)' || { echo "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_SHA256 is empty: set it to the sha256 of $(SMART_RTMPD_ARCHIVE) (sha256sum prints it)" >&2; exit 1; }
	[[ '$(SMART_RTMPD_SHA256)' =~ ^[0-9a-f]{64}$$ ]] || { echo "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_SHA256 '$(SMART_RTMPD_SHA256)' is not a sha256 (64 hexadecimal digits, lower case)" >&2; exit 1; }
	case '$(SMART_RTMPD_ARCHIVE_URL)' in file://*) test -f '$(patsubst file://%,%,$(SMART_RTMPD_ARCHIVE_URL))' || { echo "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE: $(patsubst file://%,%,$(SMART_RTMPD_ARCHIVE_URL)) does not exist" >&2; exit 1; };; esac
	$(if $(SMART_RTMPD_CONFIG_FILE),test -f '$(call abs-path,$(SMART_RTMPD_CONFIG_FILE))' || { echo "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_CONFIG_FILE: $(SMART_RTMPD_CONFIG_FILE) is not a file" >&2; exit 1; })
endef

# The download script checks the archive against a hash file made from the
# option and keeps it in the download directory only when it matches.
define SMART_RTMPD_FETCH
	printf 'sha256  %s  %s\n' '$(SMART_RTMPD_SHA256)' '$(SMART_RTMPD_ARCHIVE_NAME)' > $(@D)/archive.hash
	$(SCRIPTS)/download --dl-dir $(DL_DIR) --hash-file $(@D)/archive.hash \
		--output $(SMART_RTMPD_DL_DIR)/$(SMART_RTMPD_ARCHIVE_NAME) --source '$(SMART_RTMPD_ARCHIVE_URL)' || \
		{ echo "ERROR: smart_rtmpd: could not fetch SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE ($(SMART_RTMPD_ARCHIVE)) with the sha256 SMARTOS_PACKAGE_SMART_RTMPD_SHA256 names (see above)" >&2; exit 1; }
endef

# Unpacked into archive/; the directory holding the program smart_rtmpd
# (exactly one in the archive) is the one installed.
define SMART_RTMPD_EXTRACT_CMDS
	$(SMART_RTMPD_CHECK_OPTIONS)
	$(SMART_RTMPD_FETCH)
	mkdir -p $(@D)/archive
	archive=$(SMART_RTMPD_DL_DIR)/$(SMART_RTMPD_ARCHIVE_NAME); \
	case '$(SMART_RTMPD_ARCHIVE_NAME)' in \
	*.zip) $(PYTHON3) -m zipfile -e "$$archive" $(@D)/archive ;; \
	*.tar|*.tar.gz|*.tgz|*.tar.xz|*.txz|*.tar.bz2|*.tbz2) tar -xf "$$archive" -C $(@D)/archive --no-same-owner ;; \
	*) echo "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE: $(SMART_RTMPD_ARCHIVE_NAME) is not a .tar(.gz, .xz, .bz2) or .zip archive" >&2; exit 1 ;; \
	esac
	found=$$(find $(@D)/archive -name smart_rtmpd -type f); \
	if [ "$$(printf '%s' "$$found" | grep -c .)" != 1 ]; then \
		echo "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE: $(SMART_RTMPD_ARCHIVE_NAME) must hold exactly one file named smart_rtmpd; found: $${found:-none}." >&2; \
		echo "  It holds: $$(cd $(@D)/archive && find . -type f | head -n 20 | tr '\n' ' ')" >&2; \
		echo "  (The vendor's rtmpd.zip holds one archive per system: give the Linux $(ARCH) one.)" >&2; \
		exit 1; \
	fi; \
	chmod 0755 "$$found"; \
	dirname "$$found" > $(@D)/app-dir
endef

define SMART_RTMPD_INSTALL_TARGET_CMDS
	mkdir -p $(TARGET_DIR)/opt/smart_rtmpd
	cp -a "$$(cat $(@D)/app-dir)"/. $(TARGET_DIR)/opt/smart_rtmpd/
	$(if $(SMART_RTMPD_CONFIG_FILE),install -m 0644 $(call abs-path,$(SMART_RTMPD_CONFIG_FILE)) $(TARGET_DIR)/opt/smart_rtmpd/config.xml)
	test -f $(TARGET_DIR)/opt/smart_rtmpd/config.xml || { echo "ERROR: smart_rtmpd: $(SMART_RTMPD_ARCHIVE_NAME) has no config.xml next to smart_rtmpd: give one with SMARTOS_PACKAGE_SMART_RTMPD_CONFIG_FILE" >&2; exit 1; }
	install -D -m 0755 $(SMART_RTMPD_PKGDIR)/S61smart_rtmpd $(TARGET_DIR)/etc/init.d/S61smart_rtmpd
	install -d -m 0755 $(TARGET_DIR)/etc/default
	printf '%s\n' '# Read by /etc/init.d/S61smart_rtmpd (SMARTOS_PACKAGE_SMART_RTMPD_ARGS).' \
		'SMART_RTMPD_ARGS="$(call qstrip,$(SMARTOS_PACKAGE_SMART_RTMPD_ARGS))"' > $(TARGET_DIR)/etc/default/smart_rtmpd.tmp
	mv $(TARGET_DIR)/etc/default/smart_rtmpd.tmp $(TARGET_DIR)/etc/default/smart_rtmpd
endef

$(eval $(generic-package))
