# shellcheck shell=bash
# Framework tests: hardening against hostile or careless input: crafted artifact
# cache entries, two makes in one output directory, signals, bad option values,
# leftovers of killed runs, the build user's umask and PATH.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# replace_entry ENTRY < MEMBERS: rewrite the artifact cache entry ENTRY (its
# header kept, its payload's size and sha256 made right) with a payload of the
# given members, one per line: "file NAME TEXT", "dir NAME",
# "symlink NAME TARGET", "hardlink NAME TARGET" or "chardev NAME".
replace_entry() {
	local py
	py=$(cat <<-'PY'
		import hashlib, io, json, sys, tarfile
		path = sys.argv[1]
		with open(path, "rb") as f:
		    magic = f.readline()
		    header = json.loads(f.readline())
		buf = io.BytesIO()
		with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
		    for line in sys.stdin:
		        kind, name, *rest = line.split()
		        info = tarfile.TarInfo(name)
		        info.mode = 0o755 if kind == "dir" else 0o644
		        data = None
		        if kind == "file":
		            data = (" ".join(rest) + "\n").encode()
		            info.size = len(data)
		        elif kind == "dir":
		            info.type = tarfile.DIRTYPE
		        elif kind == "chardev":
		            info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 8, 0
		        else:
		            info.type = tarfile.SYMTYPE if kind == "symlink" else tarfile.LNKTYPE
		            info.linkname = rest[0]
		        tar.addfile(info, io.BytesIO(data) if data else None)
		payload = buf.getvalue()
		header.update(payload_size=len(payload), payload_sha256=hashlib.sha256(payload).hexdigest())
		with open(path, "wb") as f:
		    f.write(magic + json.dumps(header).encode() + b"\n" + payload)
	PY
	)
	/usr/bin/python3 -c "$py" "$1"
}

test_artifact_cache_refuses_escapes() {
	# An entry crafted by someone who can write to the cache directory must not
	# write outside the package's per-package directory, nor link a file of the
	# build machine in: such an entry is refused, removed, and the package built.
	new_tree escape
	local cache=$SCRATCH/escape/artifacts outside=$SCRATCH/escape/outside secret=$SCRATCH/escape/host-secret
	local entry ppd
	mkdir -p "$outside"
	echo "secret of the build machine" >"$secret"
	simple_pkg alpha 1.0
	# Symlinks a package may install: absolute (a path of the target system) and relative.
	cat >>"$T/package/alpha/alpha.mk" <<-'MK'
		define ALPHA_LINKS
			ln -s /usr/share/alpha.txt $(TARGET_DIR)/usr/share/alpha.abs
			ln -s ../share/alpha.txt $(TARGET_DIR)/usr/share/alpha.rel
		endef
		ALPHA_POST_INSTALL_TARGET_HOOKS += ALPHA_LINKS
	MK
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_ARTIFACT_CACHE=y "SMARTOS_ARTIFACT_CACHE_DIR=\"$cache\""
	mk || { fail "first build failed: $(tail -n 20 "$OUT")"; return; }
	entry=$(ls "$cache"/alpha/*.art)
	cp "$entry" "$SCRATCH/escape/good.art"
	# The genuine entry restores, its symlinks as they were.
	mk clean >/dev/null
	mk || { fail "restore of the genuine entry failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> alpha 1.0 Restoring from the artifact cache" || return
	expect_not_contains "$OUT" "Building" || return
	ppd=$T/output/per-package/alpha
	[ "$(readlink "$ppd/target/usr/share/alpha.abs")" = /usr/share/alpha.txt ] || fail "absolute symlink not restored" || return
	[ "$(readlink "$ppd/target/usr/share/alpha.rel")" = ../share/alpha.txt ] || fail "relative symlink not restored" || return
	# Through make: the entry is refused, removed, the package built; nothing
	# reaches the directory the symlink named.
	printf '%s\n' "symlink target/usr/share/esc $outside" "file target/usr/share/esc/planted written outside" |
		replace_entry "$entry"
	mk clean >/dev/null
	mk || { fail "build with a crafted entry failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" "WARNING: artifact cache: refused entry of package alpha: $entry: member 'target/usr/share/esc/planted' goes through the symlink 'target/usr/share/esc'" || return
	expect_contains "$OUT" ">>> alpha 1.0 Building" || return
	[ -z "$(ls -A "$outside")" ] || fail "written outside the output directory: $(ls -A "$outside")" || return
	expect_contains "$T/output/target/usr/share/alpha.txt" "alpha 1.0" || return
	# The other ways out, restored by the script itself into a scratch directory.
	local case members reason hash rc
	hash=$(basename "$entry" .art)
	for case in \
		"hard link, absolute target|file target/usr/share/alpha.txt alpha
hardlink target/usr/share/stolen $secret|hard link 'target/usr/share/stolen' to '$secret'" \
		"hard link, .. target|hardlink target/usr/share/stolen target/../../host-secret|hard link 'target/usr/share/stolen' to 'target/../../host-secret'" \
		"hard link to a symlink|symlink target/usr/share/s $secret
hardlink target/usr/share/stolen target/usr/share/s|hard link 'target/usr/share/stolen' to 'target/usr/share/s': not a file of this entry" \
		"symlink climbing out|symlink target/usr/share/up ../../../../escape|symlink 'target/usr/share/up' to '../../../../escape' points outside" \
		"absolute member|file /tmp/smartos-planted x|member '/tmp/smartos-planted' is not a plain path" \
		"device node|chardev target/dev/sda|member 'target/dev/sda' is not a file, directory or link" \
		"symlink inside the package's directory|symlink host/x86_64-linux-gnu/sysroot ../../staging|"; do
		members=${case#*|} reason=${members##*|} members=${members%|*}
		rm -rf "$SCRATCH/escape/ppd" && mkdir -p "$SCRATCH/escape/ppd/target"
		cp "$SCRATCH/escape/good.art" "$entry"
		printf '%s\n' "$members" | replace_entry "$entry"
		rc=0
		/usr/bin/python3 "$TOP/support/scripts/artifact-cache" restore --cache "$cache" --package alpha --hash "$hash" \
			--ppd "$SCRATCH/escape/ppd" --output-dir "$T/output" >"$SCRATCH/escape/restore.out" 2>&1 || rc=$?
		if [ -z "$reason" ]; then
			[ "$rc" = 0 ] || fail "${case%%|*}: a harmless entry was not restored: $(cat "$SCRATCH/escape/restore.out")" || return
			continue
		fi
		[ "$rc" = 3 ] || fail "${case%%|*}: restore exited with $rc, expected 3: $(cat "$SCRATCH/escape/restore.out")" || return
		expect_contains "$SCRATCH/escape/restore.out" "refused entry of package alpha: $entry: $reason" || return
		expect_no_file "$entry" || return
		[ "$(stat -c %h "$secret")" = 1 ] || fail "${case%%|*}: the host file got a hard link" || return
		[ ! -e /tmp/smartos-planted ] || fail "${case%%|*}: /tmp/smartos-planted written" || return
		[ ! -L "$SCRATCH/escape/ppd/target/usr/share/up" ] || fail "${case%%|*}: the symlink was made" || return
	done
}

TESTS+=(artifact_cache_refuses_escapes)
