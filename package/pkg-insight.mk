################################################################################
# Build insight: dependency graphs, build time and target size charts, legal
# information (docs/insight.md).
#
#   graph-depends        $(O)/graphs/graph-depends.{dot,svg,png}: the packages
#                        of the configuration and their dependencies
#   <pkg>-graph-depends  $(O)/graphs/<pkg>-graph-depends.*: one package and
#                        everything it depends on
#   graph-build          $(O)/graphs/build-time.{csv,svg,png}: seconds per
#                        package and step, from $(O)/build/build-time.log
#   graph-size           $(O)/graphs/graph-size.{csv,svg,png}: bytes per package
#                        in $(O)/target (builds first if needed)
#   legal-info           $(O)/legal-info/: manifest.csv, sources/, licenses/
#   legal-check          every known package declares _LICENSE and _LICENSE_FILES
#                        (extracts the packages first if needed)
# The scripts are support/scripts/graph-depends, graph-build, graph-size and
# legal-info; the charts are SVG drawn by support/scripts/svgchart.py and
# turned into PNG by rsvg-convert (librsvg2-bin), the graphs by graphviz.
################################################################################

GRAPHS_DIR := $(O)/graphs
LEGAL_INFO_DIR := $(O)/legal-info

# One line per known package: name type version dependencies in-config
# selected virtual (no version, no licence: e.g. "toolchain").
insight-line = $(2)	$($(1)_TYPE)	$($(1)_VERSION)	$($(1)_FINAL_DEPENDENCIES)	$(if $(filter $(2),$(PACKAGES_CLOSURE)),y,n)	$(if $(filter $(2),$(PACKAGES)),y,n)	$(if $($(1)_VERSION)$($(1)_LICENSE),n,y)
define graph-packages-tsv
$(foreach p,$(ALL_PKGS),$(call insight-line,$(call UPPERCASE,$(p)),$(p))$(sep))
endef

.PHONY: graph-depends graph-build graph-size legal-info
graph-depends:
	$(file >$(BUILD_DIR)/graph-packages.tsv,$(graph-packages-tsv))
	$(PYTHON3) $(SCRIPTS)/graph-depends $(BUILD_DIR)/graph-packages.tsv $(GRAPHS_DIR)/graph-depends

%-graph-depends:
	$(if $(filter $*,$(ALL_PKGS)),,$(error $@: no package named $*))
	$(file >$(BUILD_DIR)/graph-packages.tsv,$(graph-packages-tsv))
	$(PYTHON3) $(SCRIPTS)/graph-depends $(BUILD_DIR)/graph-packages.tsv $(GRAPHS_DIR)/$@ $*

graph-build:
	$(PYTHON3) $(SCRIPTS)/graph-build $(BUILD_DIR)/build-time.log $(GRAPHS_DIR)

graph-size: $(ROOTFS_FINALIZE_STAMP)
	$(PYTHON3) $(SCRIPTS)/graph-size $(O) $(GRAPHS_DIR)

# legal-info: the licence files are read from the extracted sources.
legal-line = $(2)	$($(1)_TYPE)	$($(1)_VERSION)	$($(1)_LICENSE)	$($(1)_LICENSE_FILES)	$($(1)_DL_FILES)	$($(1)_SITE_METHOD)	$(if $(filter local,$($(1)_SITE_METHOD)),$(call abs-path,$(call qstrip,$($(1)_SITE))))	$($(1)_DIR)	$(call abs-path,$($(1)_PATCHES))	$(if $(filter $(2),$(PACKAGES)),y,n)	$(wildcard $($(1)_HASH_FILE))
define legal-packages-tsv
$(foreach p,$(PACKAGES_CLOSURE),$(call legal-line,$(call UPPERCASE,$(p)),$(p))$(sep))
endef

legal-info: $(foreach p,$(PACKAGES_CLOSURE),$($(call UPPERCASE,$(p))_STAMP_EXTRACTED))
	$(file >$(BUILD_DIR)/legal-packages.tsv,$(legal-packages-tsv))
	$(PYTHON3) $(SCRIPTS)/legal-info $(BUILD_DIR)/legal-packages.tsv $(LEGAL_INFO_DIR)

# legal-check: every known package (not only the configuration's) states its
# licence and licence files; virtual packages (no version, no source, no
# commands of their own, e.g. "toolchain") are exempt.
pkg-virtual = $(if $(strip $($(1)_VERSION)$(call qstrip,$($(1)_SOURCE))$(foreach s,CONFIGURE BUILD INSTALL_TARGET INSTALL_STAGING INSTALL_IMAGES INSTALL,$(value $(1)_$(s)_CMDS))),,y)
legal-missing = $(strip $(foreach p,$(ALL_PKGS),$(if $(call pkg-virtual,$(call UPPERCASE,$(p))),,\
	$(if $(and $($(call UPPERCASE,$(p))_LICENSE),$($(call UPPERCASE,$(p))_LICENSE_FILES)),,$(p)))))
.PHONY: legal-check
legal-check:
	$(foreach p,$(legal-missing),echo "ERROR: package $(p) ($($(call UPPERCASE,$(p))_PKGDIR)) has no$(if $($(call UPPERCASE,$(p))_LICENSE),, $(call UPPERCASE,$(p))_LICENSE)$(if $($(call UPPERCASE,$(p))_LICENSE_FILES),, $(call UPPERCASE,$(p))_LICENSE_FILES)" >&2;)
	$(if $(legal-missing),exit 1,echo "All $(words $(ALL_PKGS)) packages state their licence and licence files (virtual ones exempt)")
