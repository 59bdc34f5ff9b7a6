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
#   sbom                 $(O)/sbom.spdx.json: the image's SPDX 2.3 document
#                        (builds first if needed), checked against the schema
# The scripts are support/scripts/graph-depends, graph-build, graph-size and
# legal-info; the charts are SVG drawn by support/scripts/svgchart.py and
# turned into PNG by rsvg-convert (librsvg2-bin), the graphs by graphviz.
################################################################################

GRAPHS_DIR := $(O)/graphs
LEGAL_INFO_DIR := $(O)/legal-info

.PHONY: graph-depends graph-build graph-size legal-info
graph-depends:
	$(pkg-write-table)
	$(PYTHON3) $(SCRIPTS)/graph-depends $(PKG_TABLE) $(GRAPHS_DIR)/graph-depends

%-graph-depends:
	$(if $(filter $*,$(ALL_PKGS)),,$(error $@: no package named $*))
	$(pkg-write-table)
	$(PYTHON3) $(SCRIPTS)/graph-depends $(PKG_TABLE) $(GRAPHS_DIR)/$@ $*

graph-build:
	$(PYTHON3) $(SCRIPTS)/graph-build $(BUILD_DIR)/build-time.log $(GRAPHS_DIR)

graph-size: $(ROOTFS_FINALIZE_STAMP)
	$(PYTHON3) $(SCRIPTS)/graph-size $(O) $(GRAPHS_DIR)

# legal-info: the licence files are read from the extracted sources.
legal-info: $(foreach p,$(PACKAGES_CLOSURE),$($(call UPPERCASE,$(p))_STAMP_EXTRACTED))
	$(pkg-write-table)
	$(PYTHON3) $(SCRIPTS)/legal-info $(PKG_TABLE) $(LEGAL_INFO_DIR)

# sbom: the package table, the per-package trees and the final target, and the
# Debian patch files (their series says which patches were applied).
SBOM_FILE := $(O)/sbom.spdx.json
sbom-debian-patch-files = $(foreach p,$(PACKAGES_CLOSURE),$(if $($(call UPPERCASE,$(p))_DEBIAN_PATCHES_FILE),\
	$($(call UPPERCASE,$(p))_DL_DIR)/$($(call UPPERCASE,$(p))_DEBIAN_PATCHES_FILE)))
.PHONY: sbom
sbom: $(ROOTFS_IMAGES_STAMP) $(sbom-debian-patch-files)
	$(pkg-write-table)
	$(PYTHON3) $(SCRIPTS)/sbom --topdir $(TOPDIR) $(PKG_TABLE) $(O) $(SBOM_FILE)
	$(PYTHON3) $(SCRIPTS)/spdx-validate $(SBOM_FILE)

# legal-check: every known package (not only the configuration's) states its
# licence and licence files; virtual packages (no version, no source, no
# commands of their own, e.g. "toolchain") are exempt.
legal-missing = $(strip $(foreach p,$(ALL_PKGS),$(if $(call pkg-virtual,$(call UPPERCASE,$(p))),,\
	$(if $(and $($(call UPPERCASE,$(p))_LICENSE),$($(call UPPERCASE,$(p))_LICENSE_FILES)),,$(p)))))
.PHONY: legal-check
legal-check:
	$(foreach p,$(legal-missing),echo "ERROR: package $(p) ($($(call UPPERCASE,$(p))_PKGDIR)) has no$(if $($(call UPPERCASE,$(p))_LICENSE),, $(call UPPERCASE,$(p))_LICENSE)$(if $($(call UPPERCASE,$(p))_LICENSE_FILES),, $(call UPPERCASE,$(p))_LICENSE_FILES)" >&2;)
	$(if $(legal-missing),exit 1,echo "All $(words $(ALL_PKGS)) packages state their licence and licence files (virtual ones exempt)")
