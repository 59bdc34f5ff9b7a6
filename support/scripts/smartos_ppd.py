"""Per-package directories, as the framework's scripts read them.

$(O)/per-package/<pkg>/ holds target/, staging/, host/ and images/, seeded by
support/scripts/ppd-prepare with hard links to the package's dependencies'
trees; it lists what it linked in, one "<tree>/<path>\\t<inode>" line each, in
<pkg>/.inherited. A file there that is not in that list (or is another inode
at the same path) was installed by the package itself.
"""

import os


def inherited(pkg_dir):
    """{(relative path, inode)} of what the package got from its dependencies
    (paths relative to pkg_dir, e.g. "target/usr/lib/libz.so.1"), or None
    when the package has no .inherited list."""
    path = os.path.join(pkg_dir, ".inherited")
    if not os.path.exists(path):
        return None
    seen = set()
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            rel, _, ino = line.rstrip("\n").rpartition("\t")
            seen.add((rel, int(ino)))
    return seen
