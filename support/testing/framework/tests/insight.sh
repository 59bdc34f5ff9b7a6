# shellcheck shell=bash
# Framework tests: graph-depends, graph-build, graph-size, legal-info, legal-check.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# example_output: the example external tree, built once ($EXO), shared by tests.
EXO=$SCRATCH/external/output
example_output() {
	[ -f "$EXO/images/rootfs.tar" ] && return 0
	export SMARTOS_DL_DIR=$SCRATCH/external/dl
	if ! SMARTOS_EXTERNAL=support/testing/external-tree mk_top O="$EXO" example_vendor_defconfig ||
		! mk_top O="$EXO"; then
		fail "building the example tree failed: $(tail -n 20 "$OUT")"
	fi
}

# expect_svg_png BASE: BASE.svg is an SVG document, BASE.png a PNG image.
expect_svg_png() {
	/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
png = open(sys.argv[2], "rb").read(24)
assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR", png
w, h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
assert w > 100 and h > 50, (w, h)
' "$1.svg" "$1.png" 2>"$SCRATCH/svgpng.err" || fail "$1.svg / .png are not a valid SVG and PNG: $(tail -n 3 "$SCRATCH/svgpng.err")"
}

test_graph_depends() {
	example_output || return
	mk_top O="$EXO" graph-depends || { fail "graph-depends failed: $(tail -n 20 "$OUT")"; return; }
	local dot=$EXO/graphs/graph-depends.dot n
	for n in vendor-hello skeleton toolchain-external toolchain; do
		grep -q "^	\"$n\" \[label=" "$dot" || fail "node $n missing from $dot" || return
	done
	expect_contains "$dot" '"vendor-hello" -> "toolchain";' || return
	expect_contains "$dot" '"toolchain" -> "toolchain-external";' || return
	expect_not_contains "$dot" '"busybox"' || return
	expect_svg_png "$EXO/graphs/graph-depends" || return
	# One package: itself and what it depends on, nothing else.
	mk_top O="$EXO" vendor-hello-graph-depends || { fail "vendor-hello-graph-depends failed: $(tail -n 20 "$OUT")"; return; }
	dot=$EXO/graphs/vendor-hello-graph-depends.dot
	for n in vendor-hello toolchain toolchain-external; do
		grep -q "^	\"$n\" \[label=" "$dot" || fail "node $n missing from $dot" || return
	done
	expect_not_contains "$dot" '"skeleton"' || return
	expect_svg_png "$EXO/graphs/vendor-hello-graph-depends" || return
	if mk_top O="$EXO" nosuchpkg-graph-depends; then fail "nosuchpkg-graph-depends succeeded"; return; fi
	expect_contains "$OUT" "nosuchpkg-graph-depends: no package named nosuchpkg"
}

test_graph_build() {
	example_output || return
	mk_top O="$EXO" graph-build || { fail "graph-build failed: $(tail -n 20 "$OUT")"; return; }
	local csv=$EXO/graphs/build-time.csv
	expect_contains "$csv" "package,step,seconds" || return
	local step
	for step in extract patch configure build install-target; do
		grep -q "^vendor-hello,$step,[0-9.]*$" "$csv" || fail "no vendor-hello $step row in $csv" || return
	done
	grep -q "^rootfs,images,[0-9.]*$" "$csv" || fail "no rootfs images row in $csv" || return
	# With --all (every run of every step) the CSV adds up to the timing log.
	/usr/bin/python3 "$TOP/support/scripts/graph-build" --all "$EXO/build/build-time.log" "$SCRATCH/graph-build-all" >/dev/null ||
		{ fail "graph-build --all failed"; return; }
	csv=$SCRATCH/graph-build-all/build-time.csv
	/usr/bin/python3 -c '
import sys
log = sum(float(l.split()[1]) - float(l.split()[0]) for l in open(sys.argv[1]) if len(l.split()) >= 4)
csv = sum(float(l.split(",")[2]) for l in list(open(sys.argv[2]))[1:])
assert abs(log - csv) < 0.01 * len(open(sys.argv[1]).readlines()), (log, csv)
' "$EXO/build/build-time.log" "$csv" || fail "build-time.csv does not sum to the timing log" || return
	expect_svg_png "$EXO/graphs/build-time" || return
	# By default only the latest run of a step counts: rebuild vendor-hello, its
	# build row stays one run (not two).
	mk_top O="$EXO" vendor-hello-rebuild >/dev/null || { fail "vendor-hello-rebuild failed"; return; }
	mk_top O="$EXO" graph-build || { fail "graph-build failed: $(tail -n 20 "$OUT")"; return; }
	local runs
	runs=$(grep -c " vendor-hello build touch .*/.stamp_built$" "$EXO/build/build-time.log")
	[ "$runs" = 2 ] || fail "expected 2 runs of vendor-hello's build in the log, found $runs" || return
	/usr/bin/python3 -c '
import sys
log = [l.split(" ", 4) for l in open(sys.argv[1])]
runs, cur = [], 0.0
for start, end, pkg, step, cmd in (p for p in log if len(p) == 5):
    if pkg == "vendor-hello" and step == "build":
        cur += float(end) - float(start)
        if cmd.startswith("touch "):
            runs.append(cur); cur = 0.0
row = [l for l in open(sys.argv[2]) if l.startswith("vendor-hello,build,")][0]
assert abs(float(row.split(",")[2]) - runs[-1]) < 0.002, (row, runs)
' "$EXO/build/build-time.log" "$EXO/graphs/build-time.csv" || fail "vendor-hello build row is not its latest run"
}

test_graph_size() {
	example_output || return
	mk_top O="$EXO" graph-size || { fail "graph-size failed: $(tail -n 20 "$OUT")"; return; }
	local csv=$EXO/graphs/graph-size.csv sum total
	sum=$(awk -F, 'NR > 1 { s += $3 } END { print s }' "$csv")
	total=$(find "$EXO/target" \( -type f -o -type l \) -printf '%s\n' | awk '{ s += $1 } END { print s }')
	[ "$sum" = "$total" ] || fail "graph-size.csv rows sum to $sum bytes, the target has $total" || return
	grep -q "^vendor-hello,1,$(stat -c %s "$EXO/target/usr/bin/vendor-hello")$" "$csv" ||
		fail "vendor-hello row is not its one binary: $(grep vendor-hello "$csv")" || return
	grep -q '^toolchain-external,' "$csv" || fail "no toolchain-external row" || return
	expect_svg_png "$EXO/graphs/graph-size"
}

test_legal_info() {
	example_output || return
	mk_top O="$EXO" legal-info || { fail "legal-info failed: $(tail -n 20 "$OUT")"; return; }
	local li=$EXO/legal-info p
	# Every package of the configuration (but the virtual toolchain) with its licence.
	for p in skeleton toolchain-external host-toolchain-wrapper vendor-hello; do
		grep -q "^$p," "$li/manifest.csv" || fail "$p missing from manifest.csv" || return
	done
	[ "$(grep -c . "$li/manifest.csv")" = 5 ] || fail "manifest.csv: expected 4 packages: $(cat "$li/manifest.csv")" || return
	! grep -q ',unknown,' "$li/manifest.csv" || fail "a package has no licence: $(cat "$li/manifest.csv")" || return
	local sha
	sha=$(sha256sum "$li/sources/vendor-hello-1.0/vendor-hello-1.0.tar.gz" | cut -d' ' -f1)
	expect_contains "$li/manifest.csv" "vendor-hello,1.0,target,y,MIT,LICENSE,vendor-hello-1.0.tar.gz,$sha,0001-greeting.patch" || return
	cmp -s "$li/licenses/vendor-hello-1.0/LICENSE" "$TOP/support/testing/external-tree/package/vendor-hello/src/LICENSE" ||
		fail "licenses/vendor-hello-1.0/LICENSE is not the package's LICENSE" || return
	expect_file "$li/sources/vendor-hello-1.0/0001-greeting.patch" || return
	(cd "$li" && sha256sum --quiet -c sources.sha256 && sha256sum --quiet -c licenses.sha256) >"$SCRATCH/legal.sha" 2>&1 ||
		fail "sha256 lists do not check: $(cat "$SCRATCH/legal.sha")" || return
	# A declared licence file that does not exist is an error naming it.
	new_tree legal
	simple_pkg alpha 1.0
	echo 'ALPHA_LICENSE_FILES = NOPE.txt' >>"$T/package/alpha/alpha.mk"
	defconfig SMARTOS_PACKAGE_ALPHA=y
	if mk legal-info; then fail "legal-info accepted a missing licence file"; return; fi
	expect_contains "$OUT" "ERROR: legal-info: alpha: licence file NOPE.txt (FOO_LICENSE_FILES) is missing" || return
	expect_no_file "$T/output/legal-info" || return
	# A licence file whose text no longer matches its line in the .hash file.
	echo 'ALPHA_LICENSE_FILES = alpha.txt' >>"$T/package/alpha/alpha.mk"
	local wrong
	wrong=$(printf '%s' other | sha256sum | cut -d' ' -f1)
	echo "sha256  $wrong  alpha.txt" >>"$T/package/alpha/alpha.hash"
	if mk legal-info; then fail "legal-info accepted a changed licence text"; return; fi
	expect_contains "$OUT" "alpha: licence file alpha.txt has sha256 $(printf 'alpha 1.0\n' | sha256sum | cut -d' ' -f1), but package/alpha/alpha.hash says $wrong" || return
	sed -i "s/$wrong/$(printf 'alpha 1.0\n' | sha256sum | cut -d' ' -f1)/" "$T/package/alpha/alpha.hash"
	mk legal-info || { fail "legal-info with the right licence hash failed: $(tail -n 5 "$OUT")"; return; }
	expect_file "$T/output/legal-info/licenses/alpha-1.0/alpha.txt"
}

test_packages_declare_licences() {
	# Every package of this tree (as make sees it, inherited values included)
	# states its licence and the files that say so.
	local o=$SCRATCH/licences/output
	mk_top O="$o" allnoconfig >/dev/null || { fail "allnoconfig failed: $(tail -n 5 "$OUT")"; return; }
	mk_top O="$o" legal-check || fail "legal-check: $(cat "$OUT")" || return
	expect_contains "$OUT" "packages state their licence" || return
	# And the check does catch a package without.
	new_tree nolicence
	simple_pkg alpha 1.0
	sed -i '/^ALPHA_LICENSE/d' "$T/package/alpha/alpha.mk"
	defconfig SMARTOS_PACKAGE_ALPHA=y
	if mk legal-check; then fail "legal-check passed a package without a licence"; return; fi
	expect_contains "$OUT" "ERROR: package alpha (package/alpha) has no ALPHA_LICENSE ALPHA_LICENSE_FILES"
}

TESTS+=(graph_depends graph_build graph_size legal_info packages_declare_licences)

test_sbom() {
	# make sbom: an SPDX 2.3 document that Debian's python3-jsonschema finds
	# valid against support/misc/spdx-2.3.schema.json, with each package's
	# version, licence, download location, source sha256 (from its .hash
	# file), Debian patches (the series less the excluded one) and target files.
	new_tree sbom
	simple_pkg alpha 1.0
	# A package with Debian patches, its downloads already in the download
	# directory (as apt would have left them).
	local d=$SCRATCH/sbom/deb
	mkdir -p "$d/tinydeb-1.0" "$d/debian/patches" "$DL/tinydeb"
	echo "tinydeb 1.0" >"$d/tinydeb-1.0/README"
	tar -C "$d" --sort=name --mtime=@0 -czf "$DL/tinydeb/tinydeb_1.0.orig.tar.gz" tinydeb-1.0
	local p
	for p in first second third; do
		printf -- '--- a/%s\n+++ b/%s\n@@ -0,0 +1 @@\n+%s\n' "$p.txt" "$p.txt" "$p" >"$d/debian/patches/$p.patch"
	done
	printf '%s\n' first.patch '# a comment' second.patch third.patch >"$d/debian/patches/series"
	tar -C "$d" --sort=name --mtime=@0 -cJf "$DL/tinydeb/tinydeb_1.0-2.debian.tar.xz" debian
	mkpkg tinydeb <<-'MK'
		TINYDEB_VERSION = 1.0
		TINYDEB_SOURCE = tinydeb_1.0.orig.tar.gz
		TINYDEB_APT_SOURCE = tinydeb
		TINYDEB_APT_VERSION = 1.0-2
		TINYDEB_APT_DEBIAN_PATCHES = YES
		TINYDEB_APT_DEBIAN_PATCHES_EXCLUDE = second.patch
		TINYDEB_LICENSE = GPL-2.0+ (programs), MIT
		TINYDEB_LICENSE_FILES = README
		define TINYDEB_INSTALL_TARGET_CMDS
			install -D -m 644 $(@D)/first.txt $(TARGET_DIR)/usr/share/tinydeb/first.txt
			install -D -m 644 $(@D)/third.txt $(TARGET_DIR)/usr/share/tinydeb/third.txt
		endef
		$(eval $(generic-package))
	MK
	(cd "$DL/tinydeb" && sha256sum tinydeb_1.0.orig.tar.gz tinydeb_1.0-2.debian.tar.xz | sed 's/^/sha256  /') \
		>"$T/package/tinydeb/tinydeb.hash"
	kconfig_add 'config SMARTOS_PACKAGE_TINYDEB
	bool "tinydeb"'
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_PACKAGE_TINYDEB=y
	mk sbom || { fail "make sbom failed: $(tail -n 20 "$OUT")"; return; }
	local doc=$T/output/sbom.spdx.json
	# The image, alpha, tinydeb and the test toolchain; alpha's and tinydeb's target files.
	expect_contains "$OUT" "$doc: valid SPDX 2.3 (4 packages, 4 files," || return
	/usr/bin/python3 - "$doc" "$T" "$SRC" >"$SCRATCH/sbom/check.out" 2>&1 <<-'PY' ||
		import hashlib, json, sys
		doc, tree, src = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
		pkgs = {p["name"]: p for p in doc["packages"]}
		files = {f["SPDXID"]: f for f in doc["files"]}
		def sha256(path):
		    return hashlib.sha256(open(path, "rb").read()).hexdigest()
		def hash_of(pkg, name):
		    for line in open("%s/package/%s/%s.hash" % (tree, pkg, pkg)):
		        w = line.split()
		        if w[2] == name:
		            return w[1]
		problems = []
		def want(what, got, expected):
		    if got != expected:
		        problems.append("%s: %r, expected %r" % (what, got, expected))
		a, t = pkgs["alpha"], pkgs["tinydeb"]
		want("alpha version", a.get("versionInfo"), "1.0")
		want("alpha licence", a.get("licenseDeclared"), "MIT")
		want("alpha download", a.get("downloadLocation"), "file://%s/alpha-1.0.tar.gz" % src)
		want("alpha checksum", a.get("checksums"),
		     [{"algorithm": "SHA256", "checksumValue": hash_of("alpha", "alpha-1.0.tar.gz")}])
		want("alpha files", sorted(files[i]["fileName"] for i in a["hasFiles"]),
		     ["./usr/share/alpha.option", "./usr/share/alpha.txt"])
		for i in a["hasFiles"] + t["hasFiles"]:
		    f = files[i]
		    want(f["fileName"] + " sha256", f["checksums"][1]["checksumValue"],
		         sha256(tree + "/output/target/" + f["fileName"][2:]))
		want("tinydeb licence", t.get("licenseDeclared"), "GPL-2.0+ AND MIT")
		want("tinydeb download", t.get("downloadLocation"), "NOASSERTION")
		want("tinydeb purl", t["externalRefs"][0]["referenceLocator"], "pkg:deb/debian/tinydeb@1.0-2?arch=source")
		for name in ("tinydeb_1.0.orig.tar.gz", "tinydeb_1.0-2.debian.tar.xz"):
		    if "%s %s" % (name, hash_of("tinydeb", name)) not in t.get("sourceInfo", ""):
		        problems.append("tinydeb sourceInfo lacks %s and its sha256: %r" % (name, t.get("sourceInfo")))
		if "Debian patches applied (from tinydeb_1.0-2.debian.tar.xz, in order): first.patch, third.patch" \
		        not in t.get("sourceInfo", ""):
		    problems.append("tinydeb sourceInfo: Debian patches: %r" % t.get("sourceInfo"))
		want("tinydeb files", sorted(files[i]["fileName"] for i in t["hasFiles"]),
		     ["./usr/share/tinydeb/first.txt", "./usr/share/tinydeb/third.txt"])
		rels = {(r["spdxElementId"], r["relationshipType"], r["relatedSpdxElement"]) for r in doc["relationships"]}
		for r in [("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Image"),
		          ("SPDXRef-Image", "CONTAINS", "SPDXRef-Package-alpha"),
		          ("SPDXRef-Image", "CONTAINS", "SPDXRef-Package-tinydeb")]:
		    if r not in rels:
		        problems.append("no relationship %s %s %s" % r)
		print("\n".join(problems))
		sys.exit(1 if problems else 0)
	PY
		fail "the SBOM's contents: $(cat "$SCRATCH/sbom/check.out")" || return
	# The same build gives the same document.
	cp "$doc" "$SCRATCH/sbom/first.json"
	mk sbom || { fail "make sbom again failed: $(tail -n 20 "$OUT")"; return; }
	cmp -s "$doc" "$SCRATCH/sbom/first.json" || fail "make sbom twice gave two documents" || return
	# The validator fails what the schema and the references forbid.
	local bad=$SCRATCH/sbom/bad.json case
	for case in "drop_sha1|are valid under the given schema|files" "no_location|'downloadLocation' is a required property|packages" \
		"code|packageVerificationCode: |packages" "dangling|is no element of the document|relationships"; do
		/usr/bin/python3 - "$doc" "$bad" "${case%%|*}" <<-'PY'
			import json, sys
			doc = json.load(open(sys.argv[1]))
			what = sys.argv[3]
			if what == "drop_sha1":
			    doc["files"][0]["checksums"] = doc["files"][0]["checksums"][1:]
			elif what == "no_location":
			    del doc["packages"][1]["downloadLocation"]
			elif what == "code":
			    p = [p for p in doc["packages"] if "packageVerificationCode" in p][0]
			    p["packageVerificationCode"]["packageVerificationCodeValue"] = "0" * 40
			elif what == "dangling":
			    doc["relationships"][0]["relatedSpdxElement"] = "SPDXRef-Nothing"
			json.dump(doc, open(sys.argv[2], "w"))
		PY
		if "$TOP/support/scripts/spdx-validate" "$bad" >"$SCRATCH/sbom/bad.out" 2>&1; then
			fail "spdx-validate passed a document with ${case%%|*}"
			return
		fi
		local rest=${case#*|}
		expect_contains "$SCRATCH/sbom/bad.out" "${rest%|*}" || return
		expect_contains "$SCRATCH/sbom/bad.out" "/${rest#*|}/" || return
	done
}

TESTS+=(sbom)
