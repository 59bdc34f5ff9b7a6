/*
 * smart-os toolchain wrapper.
 *
 * Installed as $(HOST_DIR)/bin/<tuple>-gcc, -cc, -g++, -c++ and -cpp in place
 * of the real compiler drivers, it runs the real driver with, in this order:
 *
 *   --sysroot=<staging directory>    when the toolchain has a sysroot
 *   the target flags of the configuration (optimisation, stack protector,
 *   -D_FORTIFY_SOURCE when optimising, -fPIE)
 *   when linking: -pie (executables only) and the RELRO flags
 *   the caller's arguments, unchanged
 *
 * Our flags come first so that a package's own flags, which follow, win
 * (-O0, -fno-stack-protector, -fno-PIE ...). Include and library paths of the
 * build machine (-I/usr/include, -L/usr/lib, -Wl,-rpath-link,/usr/lib ...) are
 * refused with an error naming the path: target code must not use them.
 *
 * The configuration is read from <wrapper dir>/../etc/smartos-toolchain-wrapper.conf,
 * one "key=value" per line ('#' starts a comment):
 *
 *   real_dir=DIR     directory of the real drivers: absolute, or relative to
 *                    the wrapper's directory (default ".")
 *   real_suffix=SUF  the real driver of <name> is real_dir/<name>SUF
 *   sysroot=DIR      absolute, or relative to the wrapper's directory; none if unset
 *   cflags=FLAGS     compile flags, separated by blanks
 *   fortify=N        add -D_FORTIFY_SOURCE=N to optimised compilations
 *   pie=y            -fPIE (not with -shared or -r) and -pie when linking an
 *                    executable
 *   ldflags=FLAGS    flags for every link (not for -r or -nostdlib)
 *   compiler_id=ID   what identifies the real compiler to ccache (below)
 *
 * With SMARTOS_WRAPPER_CCACHE=<program> in the environment (the build sets it
 * when ccache is on), the wrapper runs "<program> <real driver> <arguments>"
 * instead of the real driver: ccache then sees the whole command, sysroot
 * included, and the real compiler. With compiler_id set, ccache identifies the
 * compiler by that string (CCACHE_COMPILERCHECK=string:ID) instead of the
 * real driver's modification time: an internal toolchain rebuilt from the
 * same inputs gets the same ID, so its cached results stay valid.
 *
 * Relative paths keep the toolchain relocatable: the same files work in a
 * package's per-package host directory and in $(O)/host. The wrapper's own
 * name is taken from /proc/self/exe, so symbolic links to it work too.
 * SMARTOS_WRAPPER_DEBUG=1 in the environment prints the command to stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONF_NAME "smartos-toolchain-wrapper.conf"

struct config {
	char *real_dir;
	char *real_suffix;
	char *sysroot;
	char *cflags;
	char *fortify;
	bool pie;
	char *ldflags;
	char *compiler_id;
};

/* The argument vector being built for the real driver. */
struct argv_buf {
	char **v;
	size_t n, cap;
};

static const char *progname = "toolchain-wrapper";

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s (smart-os toolchain wrapper): ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xmalloc(size_t size)
{
	void *p = malloc(size);

	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die("out of memory");
	return p;
}

static char *join_path(const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *p = xmalloc(len);

	snprintf(p, len, "%s/%s", dir, name);
	return p;
}

/* A configured path: absolute as it is, relative to the wrapper's directory. */
static char *resolve_path(const char *dir, const char *path)
{
	char *joined, *real;

	if (path[0] == '/')
		return xstrdup(path);
	joined = join_path(dir, path);
	real = realpath(joined, NULL);
	if (real) {
		free(joined);
		return real;
	}
	return joined;
}

static void push(struct argv_buf *a, char *arg)
{
	if (a->n + 1 >= a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = realloc(a->v, a->cap * sizeof(*a->v));
		if (!a->v)
			die("out of memory");
	}
	a->v[a->n++] = arg;
	a->v[a->n] = NULL;
}

/* Pushes each blank-separated word of flags (the string is modified). */
static void push_words(struct argv_buf *a, char *flags)
{
	char *save = NULL;

	if (!flags)
		return;
	for (char *w = strtok_r(flags, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		push(a, w);
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

static void read_config(const char *path, struct config *c)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	unsigned lineno = 0;

	if (!f)
		die("cannot read its configuration %s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char *key, *value, *eq, *hash;

		lineno++;
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		key = trim(line);
		if (*key == '\0')
			continue;
		eq = strchr(key, '=');
		if (!eq)
			die("%s:%u: expected key=value, got \"%s\"", path, lineno, key);
		*eq = '\0';
		key = trim(key);
		value = trim(eq + 1);
		value = *value ? xstrdup(value) : NULL;
		if (strcmp(key, "real_dir") == 0)
			c->real_dir = value;
		else if (strcmp(key, "real_suffix") == 0)
			c->real_suffix = value;
		else if (strcmp(key, "sysroot") == 0)
			c->sysroot = value;
		else if (strcmp(key, "cflags") == 0)
			c->cflags = value;
		else if (strcmp(key, "fortify") == 0)
			c->fortify = value;
		else if (strcmp(key, "pie") == 0) {
			c->pie = value && strcmp(value, "y") == 0;
			free(value);
		} else if (strcmp(key, "ldflags") == 0)
			c->ldflags = value;
		else if (strcmp(key, "compiler_id") == 0)
			c->compiler_id = value;
		else {
			free(value);
			die("%s:%u: unknown key \"%s\"", path, lineno, key);
		}
	}
	fclose(f);
}

/* Directories of the build machine that target code must never use. */
static const char *const unsafe_dirs[] = {
    "/usr/include", "/usr/local/include", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/lib",
    "/lib64",
};

static bool is_unsafe(const char *path)
{
	for (size_t i = 0; i < sizeof(unsafe_dirs) / sizeof(unsafe_dirs[0]); i++) {
		size_t len = strlen(unsafe_dirs[i]);

		if (strncmp(path, unsafe_dirs[i], len) == 0 &&
		    (path[len] == '\0' || path[len] == '/'))
			return true;
	}
	return false;
}

static void refuse(const char *path, const char *arg, const char *sysroot)
{
	die("refusing the build machine's path %s (in \"%s\"): target code must use the "
	    "toolchain's sysroot (%s), not the host's headers or libraries",
	    path, arg, sysroot ? sysroot : "the compiler's own directories");
}

/* Options whose path is glued to them or is the next argument. */
static const char *const path_options[] = {"-I", "-L", "-isystem", "-idirafter", "-iquote"};

/*
 * Checks argument i (and, for "-I DIR" style, i + 1). Returns how many
 * arguments it consumed.
 */
static int check_arg(char **argv, int argc, int i, const char *sysroot)
{
	const char *arg = argv[i];

	for (size_t k = 0; k < sizeof(path_options) / sizeof(path_options[0]); k++) {
		size_t len = strlen(path_options[k]);

		if (strncmp(arg, path_options[k], len) != 0)
			continue;
		if (arg[len] != '\0') {
			if (is_unsafe(arg + len))
				refuse(arg + len, arg, sysroot);
			return 1;
		}
		if (i + 1 < argc && is_unsafe(argv[i + 1])) {
			static char both[PATH_MAX + 32];

			snprintf(both, sizeof(both), "%s %s", arg, argv[i + 1]);
			refuse(argv[i + 1], both, sysroot);
		}
		return 2;
	}
	/*
	 * Linker search paths: -Wl,-L/usr/lib, -Wl,-rpath-link,/usr/lib,
	 * -Wl,-rpath-link=... An -rpath names a directory of the target (where
	 * the program will look at run time), not of this machine: check-elf
	 * checks those in the image.
	 */
	if (strncmp(arg, "-Wl,", 4) == 0) {
		char *copy = xstrdup(arg + 4), *save = NULL;
		bool path_next = false;

		for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			const char *p = NULL;

			if (path_next)
				p = w;
			path_next = false;
			if (!strcmp(w, "-L") || !strcmp(w, "-rpath-link") ||
			    !strcmp(w, "--rpath-link"))
				path_next = true;
			else if (strncmp(w, "-L", 2) == 0)
				p = w + 2;
			else if (strncmp(w, "-rpath-link=", 12) == 0 ||
				 strncmp(w, "--rpath-link=", 13) == 0)
				p = strchr(w, '=') + 1;
			if (p && is_unsafe(p)) {
				static char shown[PATH_MAX];

				snprintf(shown, sizeof(shown), "%s", p);
				free(copy);
				refuse(shown, arg, sysroot);
			}
		}
		free(copy);
	}
	return 1;
}

struct mode {
	bool link;	  /* the driver will link */
	bool executable;  /* ... an executable (not -shared, -r, -static) */
	bool library;	  /* -shared or -r: code for a library, not for a PIE */
	bool stdlib;	  /* ... with the C library (no -nostdlib, -r) */
	bool optimising;  /* the last -O option (ours or the caller's) is not -O0 */
	bool own_fortify; /* the caller sets or unsets _FORTIFY_SOURCE itself */
};

static void scan_optimisation(const char *arg, bool *optimising)
{
	if (strncmp(arg, "-O", 2) == 0)
		*optimising = strcmp(arg, "-O0") != 0;
}

static struct mode scan_mode(int argc, char **argv, const char *cflags, bool is_cpp)
{
	struct mode m = {.link = !is_cpp, .executable = true, .stdlib = true};
	char *copy = cflags ? xstrdup(cflags) : NULL, *save = NULL;
	bool any_input = false;

	if (copy)
		for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
			scan_optimisation(w, &m.optimising);
	free(copy);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '-') {
			any_input = true;
			continue;
		}
		scan_optimisation(a, &m.optimising);
		if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E") || !strcmp(a, "-M") ||
		    !strcmp(a, "-MM") || !strncmp(a, "-print-", 7) || !strncmp(a, "-dump", 5) ||
		    !strcmp(a, "-v") || !strcmp(a, "--version") || !strcmp(a, "--help"))
			m.link = false;
		else if (!strcmp(a, "-shared")) {
			m.executable = false;
			m.library = true;
		} else if (!strcmp(a, "-static") || !strcmp(a, "-no-pie") ||
			   !strcmp(a, "-static-pie") || !strcmp(a, "-nostartfiles"))
			m.executable = false;
		else if (!strcmp(a, "-r")) {
			m.executable = false;
			m.stdlib = false;
			m.library = true;
		} else if (!strcmp(a, "-nostdlib")) {
			m.executable = false;
			m.stdlib = false;
		} else if (!strncmp(a, "-D_FORTIFY_SOURCE", 17) ||
			   !strncmp(a, "-U_FORTIFY_SOURCE", 17))
			m.own_fortify = true;
		else if ((!strcmp(a, "-D") || !strcmp(a, "-U")) && i + 1 < argc &&
			 !strncmp(argv[i + 1], "_FORTIFY_SOURCE", 15))
			m.own_fortify = true;
		else if (!strcmp(a, "-"))
			any_input = true;
	}
	/* "gcc -v" or "gcc" alone: nothing to link. */
	if (!any_input)
		m.link = false;
	return m;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	/*
	 * Static: the process ends in execv() or die(), so nothing is freed;
	 * static storage keeps every allocation reachable for leak checkers.
	 */
	static char self[PATH_MAX];
	static struct config c;
	static struct argv_buf out;
	static char *dir, *conf, *real_dir, *real, *sysroot, *compiler_check;
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	const char *name, *suffix;
	char *launcher;
	size_t real_len;
	bool is_cpp;
	struct mode m;

	if (len <= 0) {
		/* No /proc: fall back on argv[0], which must then hold a path. */
		if (!realpath(argv[0], self))
			die("cannot find its own location (no /proc/self/exe, argv[0] %s)",
			    argv[0]);
	} else {
		self[len] = '\0';
	}
	name = base_name(self);
	progname = name;
	dir = xstrdup(self);
	*strrchr(dir, '/') = '\0';
	if (*dir == '\0')
		dir = xstrdup("/");

	conf = join_path(dir, "../etc/" CONF_NAME);
	read_config(conf, &c);

	real_dir = resolve_path(dir, c.real_dir ? c.real_dir : ".");
	suffix = c.real_suffix ? c.real_suffix : "";
	real_len = strlen(real_dir) + strlen(name) + strlen(suffix) + 2;
	real = xmalloc(real_len);
	snprintf(real, real_len, "%s/%s%s", real_dir, name, suffix);
	{
		char *real_canon = realpath(real, NULL);

		if (real_canon && strcmp(real_canon, self) == 0)
			die("%s: the real compiler would be the wrapper itself (check real_dir and "
			    "real_suffix)",
			    conf);
		free(real_canon);
	}
	if (c.sysroot)
		sysroot = resolve_path(dir, c.sysroot);

	for (int i = 1; i < argc;)
		i += check_arg(argv, argc, i, sysroot);

	is_cpp = strlen(name) >= 3 && strcmp(name + strlen(name) - 3, "cpp") == 0;
	m = scan_mode(argc, argv, c.cflags, is_cpp);

	/* The preprocessor alone is not worth caching (ccache would not). */
	launcher = getenv("SMARTOS_WRAPPER_CCACHE");
	if (launcher && (*launcher == '\0' || is_cpp))
		launcher = NULL;
	if (launcher) {
		push(&out, launcher);
		if (c.compiler_id) {
			size_t n = strlen(c.compiler_id) + sizeof("string:");

			compiler_check = xmalloc(n);
			snprintf(compiler_check, n, "string:%s", c.compiler_id);
			if (setenv("CCACHE_COMPILERCHECK", compiler_check, 1) != 0)
				die("cannot set CCACHE_COMPILERCHECK: %s", strerror(errno));
		}
	}
	push(&out, real);
	if (sysroot) {
		size_t n = strlen(sysroot) + sizeof("--sysroot=");
		char *opt = xmalloc(n);

		snprintf(opt, n, "--sysroot=%s", sysroot);
		push(&out, opt);
	}
	push_words(&out, c.cflags ? xstrdup(c.cflags) : NULL);
	if (c.fortify && m.optimising && !m.own_fortify) {
		size_t n = strlen(c.fortify) + sizeof("-D_FORTIFY_SOURCE=");
		char *opt = xmalloc(n);

		snprintf(opt, n, "-D_FORTIFY_SOURCE=%s", c.fortify);
		push(&out, opt);
	}
	/* Code compiled for a shared library in the same command must be PIC. */
	if (c.pie && !m.library)
		push(&out, "-fPIE");
	if (m.link && m.stdlib) {
		if (c.pie && m.executable)
			push(&out, "-pie");
		push_words(&out, c.ldflags ? xstrdup(c.ldflags) : NULL);
	}
	for (int i = 1; i < argc; i++)
		push(&out, argv[i]);

	if (getenv("SMARTOS_WRAPPER_DEBUG") && strcmp(getenv("SMARTOS_WRAPPER_DEBUG"), "1") == 0) {
		fprintf(stderr, "%s (smart-os toolchain wrapper) runs:", name);
		if (compiler_check)
			fprintf(stderr, " CCACHE_COMPILERCHECK=%s", compiler_check);
		for (size_t i = 0; i < out.n; i++)
			fprintf(stderr, " %s", out.v[i]);
		fputc('\n', stderr);
	}
	if (launcher) {
		execvp(launcher, out.v);
		die("cannot run the compiler launcher %s (SMARTOS_WRAPPER_CCACHE): %s", launcher,
		    strerror(errno));
	}
	execv(real, out.v);
	die("cannot run the real compiler %s: %s", real, strerror(errno));
	return 1;
}
