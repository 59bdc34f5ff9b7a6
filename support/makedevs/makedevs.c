// SPDX-License-Identifier: GPL-2.0
/*
 * makedevs: apply permission and device tables to a target directory.
 *
 * Usage: makedevs TARGET_DIR TABLE...
 *
 * Meant to run under fakeroot, which records the ownership and device nodes
 * for the image tools that follow (tar, cpio, mke2fs -d). Each table line is
 *
 *   name type mode uid gid major minor start inc count
 *
 * with "-" for unused fields and # comments:
 *   f  an existing file: mode and owner
 *   d  a directory (created with its parents): mode and owner
 *   r  an existing directory and everything below it: mode and owner
 *      (symlinks get the owner only)
 *   c, b  a character or block device; with count > 0, count devices
 *      name<start>, name<start+1>, ... whose minor numbers go up by inc
 *   p  a named pipe
 * uid and gid are numbers or names looked up in the target's /etc/passwd and
 * /etc/group. Every error names the table and line.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <unistd.h>

#define NFIELDS 10

struct where {
	const char *table;
	unsigned line;
};

static const char *target_dir;

static int fail(const struct where *w, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "makedevs: %s:%u: ", w->table, w->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

/* A number (base 8 for modes, 10 otherwise) or "-" (= dflt). */
static int parse_num(const char *s, int base, long dflt, long *out)
{
	char *end;

	if (!strcmp(s, "-")) {
		*out = dflt;
		return 0;
	}
	errno = 0;
	*out = strtol(s, &end, base);
	return (errno || *end || end == s || *out < 0) ? -1 : 0;
}

/* Look NAME up in TARGET/etc/<file> (passwd or group): its third field. */
static long lookup_id(const char *file, const char *name)
{
	char path[PATH_MAX], line[1024];
	size_t len = strlen(name);
	long id = -1;
	FILE *f;

	snprintf(path, sizeof(path), "%s/etc/%s", target_dir, file);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, name, len) && line[len] == ':') {
			char *p = strchr(line + len + 1, ':');

			if (p)
				id = strtol(p + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return id;
}

static int parse_id(const struct where *w, const char *s, const char *file, long *out)
{
	if (!parse_num(s, 10, 0, out))
		return 0;
	*out = lookup_id(file, s);
	if (*out < 0)
		return fail(w, "no %s '%s' in %s/etc/%s", strcmp(file, "passwd") ? "group" : "user",
			    s, target_dir, file);
	return 0;
}

static int mkdir_parents(const struct where *w, const char *path, mode_t mode)
{
	char buf[PATH_MAX];
	size_t len = strlen(target_dir);

	snprintf(buf, sizeof(buf), "%s", path);
	/* Create the components below the target directory only. */
	for (char *p = buf + len + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) && errno != EEXIST)
			return fail(w, "cannot create %s: %s", buf, strerror(errno));
		*p = '/';
	}
	if (mkdir(buf, mode) && errno != EEXIST)
		return fail(w, "cannot create %s: %s", buf, strerror(errno));
	return 0;
}

static int set_attrs(const struct where *w, const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	if (lchown(path, uid, gid))
		return fail(w, "cannot chown %s: %s", path, strerror(errno));
	if (chmod(path, mode))
		return fail(w, "cannot chmod %s: %s", path, strerror(errno));
	return 0;
}

/* nftw has no user argument: the recursive walk's settings. */
static struct {
	mode_t mode;
	uid_t uid;
	gid_t gid;
	const struct where *w;
} walk;

static int walk_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	if (lchown(path, walk.uid, walk.gid))
		return fail(walk.w, "cannot chown %s: %s", path, strerror(errno));
	if (type != FTW_SL && !S_ISLNK(st->st_mode) && chmod(path, walk.mode))
		return fail(walk.w, "cannot chmod %s: %s", path, strerror(errno));
	return 0;
}

static int make_node(const struct where *w, const char *path, mode_t mode, dev_t dev, uid_t uid,
		     gid_t gid)
{
	char dir[PATH_MAX];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash && slash > dir + strlen(target_dir)) {
		*slash = '\0';
		if (mkdir_parents(w, dir, 0755))
			return -1;
	}
	if (unlink(path) && errno != ENOENT)
		return fail(w, "cannot replace %s: %s", path, strerror(errno));
	if (mknod(path, mode, dev))
		return fail(w, "cannot create %s: %s", path, strerror(errno));
	return set_attrs(w, path, mode & 07777, uid, gid);
}

/* A ".." component would leave the target directory. */
static int has_dotdot(const char *name)
{
	for (const char *p = name; (p = strstr(p, "..")); p += 2)
		if ((p == name || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return 1;
	return 0;
}

static int apply_line(const struct where *w, char **f)
{
	char path[PATH_MAX];
	long mode, uid, gid, major, minor, start, inc, count;
	struct stat st;
	char type;

	if (f[0][0] != '/')
		return fail(w, "name '%s' must be an absolute path in the target", f[0]);
	if (has_dotdot(f[0]))
		return fail(w, "name '%s' must not contain '..'", f[0]);
	if (strlen(f[1]) != 1)
		return fail(w, "type '%s' is not one of f d r c b p", f[1]);
	type = f[1][0];
	if (parse_num(f[2], 8, -1, &mode) || mode < 0 || mode > 07777)
		return fail(w, "mode '%s' is not an octal mode", f[2]);
	if (parse_id(w, f[3], "passwd", &uid) || parse_id(w, f[4], "group", &gid))
		return -1;
	if (parse_num(f[5], 10, 0, &major) || parse_num(f[6], 10, 0, &minor) ||
	    parse_num(f[7], 10, 0, &start) || parse_num(f[8], 10, 1, &inc) ||
	    parse_num(f[9], 10, 0, &count))
		return fail(w, "major, minor, start, inc and count must be numbers or '-'");
	if (snprintf(path, sizeof(path), "%s%s", target_dir, f[0]) >= (int)sizeof(path))
		return fail(w, "path too long");

	switch (type) {
	case 'f':
		if (lstat(path, &st) || S_ISDIR(st.st_mode))
			return fail(w, "%s is not a file in the target", f[0]);
		/* chmod would follow the link, maybe out of the target. */
		if (S_ISLNK(st.st_mode))
			return fail(w, "%s is a symlink: name the file it points to", f[0]);
		return set_attrs(w, path, mode, uid, gid);
	case 'd':
		if (mkdir_parents(w, path, mode))
			return -1;
		return set_attrs(w, path, mode, uid, gid);
	case 'r':
		if (stat(path, &st) || !S_ISDIR(st.st_mode))
			return fail(w, "%s is not a directory in the target", f[0]);
		walk.mode = mode;
		walk.uid = uid;
		walk.gid = gid;
		walk.w = w;
		return nftw(path, walk_one, 32, FTW_PHYS) ? -1 : 0;
	case 'p':
		return make_node(w, path, S_IFIFO | mode, 0, uid, gid);
	case 'c':
	case 'b': {
		mode_t kind = type == 'c' ? S_IFCHR : S_IFBLK;

		if (count == 0)
			return make_node(w, path, kind | mode, makedev(major, minor), uid, gid);
		for (long i = 0; i < count; i++) {
			char one[PATH_MAX];

			if (snprintf(one, sizeof(one), "%s%ld", path, start + i) >=
			    (int)sizeof(one))
				return fail(w, "path too long");
			if (make_node(w, one, kind | mode, makedev(major, minor + i * inc), uid,
				      gid))
				return -1;
		}
		return 0;
	}
	default:
		return fail(w, "type '%s' is not one of f d r c b p", f[1]);
	}
}

static int apply_table(const char *table)
{
	struct where w = {table, 0};
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;
	FILE *f = fopen(table, "r");

	if (!f) {
		fprintf(stderr, "makedevs: %s: %s\n", table, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, f) > 0) {
		char *fields[NFIELDS + 1];
		int n = 0;

		w.line++;
		for (char *tok = strtok(line, " \t\r\n"); tok && n <= NFIELDS;
		     tok = strtok(NULL, " \t\r\n"))
			fields[n++] = tok;
		if (n == 0 || fields[0][0] == '#')
			continue;
		if (n != NFIELDS) {
			rc = fail(&w,
				  "expected 10 fields (name type mode uid gid major minor "
				  "start inc count), got %s%d",
				  n > NFIELDS ? "more than " : "", n > NFIELDS ? NFIELDS : n);
			break;
		}
		if (apply_line(&w, fields)) {
			rc = -1;
			break;
		}
	}
	free(line);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	struct stat st;

	if (argc < 2) {
		fprintf(stderr, "usage: makedevs TARGET_DIR TABLE...\n");
		return 2;
	}
	target_dir = argv[1];
	for (size_t n = strlen(argv[1]); n > 1 && argv[1][n - 1] == '/'; n--)
		argv[1][n - 1] = '\0';
	if (stat(target_dir, &st) || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "makedevs: %s is not a directory\n", target_dir);
		return 1;
	}
	for (int i = 2; i < argc; i++)
		if (apply_table(argv[i]))
			return 1;
	return 0;
}
