# shellcheck shell=bash
# Temporary files and directories in the download directory, which every build
# of the machine shares: a run killed with SIGKILL (or a power cut) leaves its
# temporaries there, and the next run must remove them without touching those
# of runs still going. Sourced by download and apt-source.
#
# The process that makes a temporary holds an flock on it for as long as it
# runs (its children inherit the lock); a temporary nobody holds is stale.
# Making one and removing stale ones happen under an flock of the directory
# itself, so a cleaner never sees a temporary before its maker locked it.

# dl_remove_stale DIR GLOB: (the directory's lock held) remove the entries of
# DIR matching GLOB that nobody holds.
dl_remove_stale() {
	local entry
	for entry in "$1"/$2; do
		[ -e "$entry" ] || continue
		if flock -n "$entry" true 2>/dev/null; then
			echo "Removing $entry (left by a run that was killed)"
			rm -rf -- "$entry"
		fi
	done
}

# dl_clean DIR GLOB: remove the stale entries of DIR matching GLOB (if DIR exists).
# Cheap when there is none: no command runs.
dl_clean() {
	local dirlock entry found=''
	for entry in "$1"/$2; do
		if [ -e "$entry" ]; then found=1; break; fi
	done
	[ -n "$found" ] || return 0
	exec {dirlock}<"$1"
	flock "$dirlock"
	dl_remove_stale "$1" "$2"
	exec {dirlock}<&-
}

# dl_temp VAR DIR TEMPLATE GLOB [-d]: remove the stale entries of DIR matching
# GLOB, then make DIR/TEMPLATE (mktemp; a directory with -d), lock it for as
# long as this process (or a child) runs, and put its path in VAR.
dl_temp() {
	local dirlock new lock
	exec {dirlock}<"$2"
	flock "$dirlock"
	dl_remove_stale "$2" "$4"
	new=$(mktemp ${5:+"$5"} "$2/$3")
	exec {lock}<"$new"
	flock -n "$lock"
	exec {dirlock}<&-
	printf -v "$1" '%s' "$new"
}
