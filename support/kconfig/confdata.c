// SPDX-License-Identifier: GPL-2.0
/*
 * confdata.c - reading and writing configuration files.
 *
 * .config is written in menu order with menu comments; auto.conf, autoconf.h and
 * rustc_cfg in symbol-table order (which is why the hash table matters). Writes
 * go to a temporary file renamed into place, and .config keeps a .config.old.
 * syncconfig also "touches" include/config/<SYMBOL> for every symbol whose value
 * changed since the previous auto.conf, which is how kbuild rebuilds only the
 * files that use a changed option.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static void conf_warning(struct kc_ctx *kc, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void conf_warning(struct kc_ctx *kc, const char *file, int line, const char *fmt, ...)
{
	struct sbuf b = {0};
	char tmp[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	sb_printf(&b, "%s:%d:warning: %s", file, line, tmp);
	kc_diag_raw(kc, KC_DIAG_WARNING, b.s);
	sb_free(&b);
	kc->conf_warnings++;
}

static void conf_message(struct kc_ctx *kc, const char *fmt, const char *arg)
{
	char tmp[4096];

	snprintf(tmp, sizeof(tmp), fmt, arg);
	kc_diag_raw(kc, KC_DIAG_MESSAGE, tmp);
}

const char *conf_get_configname(struct kc_ctx *kc)
{
	const char *n = kc_getenv(kc, "KCONFIG_CONFIG");

	return n ? n : ".config";
}

static const char *env_or(struct kc_ctx *kc, const char *var, const char *def)
{
	const char *n = kc_getenv(kc, var);

	return n ? n : def;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

static bool is_present(const char *path)
{
	struct stat st;

	return !stat(path, &st);
}

static int make_parent_dir(const char *path)
{
	char *tmp = xstrdup(path), *p = strrchr(tmp, '/');

	if (!p) {
		free(tmp);
		return 0;
	}
	p[1] = 0;
	for (p = tmp; *p == '/'; p++)
		;
	while ((p = strchr(p, '/'))) {
		*p = 0;
		if (!is_dir(tmp) && mkdir(tmp, 0755)) {
			free(tmp);
			return -1;
		}
		*p = '/';
		while (*p == '/')
			p++;
	}
	free(tmp);
	return 0;
}

/* Set def[d] of s from the text p. Returns 1 when the value is unusable. */
static int set_sym_val(struct kc_ctx *kc, struct kc_sym *s, int d, unsigned def_flags, char *p,
		       const char *file, int line)
{
	switch (s->type) {
	case KC_TRISTATE:
		if (p[0] == 'm') {
			s->def[d].tri = KC_MOD;
			s->flags |= def_flags;
			break;
		}
		/* fall through */
	case KC_BOOLEAN:
		if (p[0] == 'y') {
			s->def[d].tri = KC_YES;
			s->flags |= def_flags;
			break;
		}
		if (p[0] == 'n') {
			s->def[d].tri = KC_NO;
			s->flags |= def_flags;
			break;
		}
		if (d != DEF_AUTO)
			conf_warning(kc, file, line, "symbol value '%s' invalid for %s", p,
				     s->name);
		return 1;
	case KC_STRING:
		/* auto.conf has its strings quoted for 4.11, raw for Linux 6.1 */
		if (d != DEF_AUTO || kc_kfront(kc)) {
			char *p2;

			if (*p++ != '"')
				break;
			for (p2 = p; (p2 = strpbrk(p2, "\"\\")); p2++) {
				if (*p2 == '"') {
					*p2 = 0;
					break;
				}
				memmove(p2, p2 + 1, strlen(p2));
			}
			if (!p2) {
				conf_warning(kc, file, line, "invalid string found");
				return 1;
			}
		}
		/* fall through */
	case KC_INT:
	case KC_HEX:
		if (sym_string_valid(s, p)) {
			s->def[d].val = arena_strdup(&kc->arena, p);
			s->flags |= def_flags;
		} else {
			if (d != DEF_AUTO)
				conf_warning(kc, file, line, "symbol value '%s' invalid for %s", p,
					     s->name);
			return 1;
		}
		break;
	default:
		break;
	}
	return 0;
}

/*
 * The stamp of a symbol whose value changed: include/config/NAME, or for kconfig-frontends
 * 4.11 include/config/name/with/slashes.h (lower case, each '_' a directory level).
 */
static void touch_dep(struct kc_ctx *kc, const char *dir, const char *name)
{
	char *path = xmalloc(strlen(dir) + strlen(name) + 3), *p;
	int fd;

	strcpy(path, dir);
	p = path + strlen(path);
	strcat(path, name);
	if (kc_kfront(kc)) {
		for (; *p; p++)
			*p = *p == '_' ? '/' : (char)tolower((unsigned char)*p);
		strcat(path, ".h");
		if (make_parent_dir(path)) {
			free(path);
			return;
		}
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0)
		close(fd);
	free(path);
}

/* Read one line of any length; NULL at EOF. */
static char *get_line(FILE *f, struct sbuf *b)
{
	int c;

	b->len = 0;
	if (b->s)
		b->s[0] = 0;
	while ((c = getc(f)) != EOF) {
		sb_putc(b, (char)c);
		if (c == '\n')
			break;
	}
	if (!b->len)
		return NULL;
	return b->s;
}

static int read_stream(struct kc_ctx *kc, FILE *in, const char *name, int d)
{
	const char *prefix = kc->prefix;
	size_t plen = strlen(prefix);
	unsigned def_flags = S_DEF_USER << d;
	bool warn_unknown = kc_getenv(kc, "KCONFIG_WARN_UNKNOWN_SYMBOLS") != NULL;
	struct sbuf lb = {0};
	struct kc_sym *s;
	char *line;
	int i, lineno = 0;

	kc->conf_warnings = 0;
	for_all_symbols(kc, i, s)
	{
		s->flags |= S_CHANGED;
		s->flags &= ~(def_flags | S_VALID);
		if (sym_is_choice(s))
			s->flags |= def_flags;
		s->def[d].val = NULL;
		s->def[d].tri = KC_NO;
		s->def[d].choice = NULL;
	}
	while ((line = get_line(in, &lb))) {
		char *p, *val;
		const char *sym_name;

		lineno++;
		/* a NUL byte ends the line, as it does for the kernel's reader */
		if (line[0] == '#') {
			if (line[1] != ' ')
				continue;
			p = line + 2;
			if (strncmp(p, prefix, plen))
				continue;
			sym_name = p + plen;
			p = strchr(sym_name, ' ');
			if (!p)
				continue;
			*p++ = 0;
			if (strncmp(p, "is not set", 10))
				continue;
			val = (char *)"n";
		} else if (!strncmp(line, prefix, plen)) {
			char *p2;

			sym_name = line + plen;
			p = strchr(sym_name, '=');
			if (!p)
				continue;
			*p++ = 0;
			val = p;
			p2 = strchr(p, '\n');
			if (p2) {
				*p2-- = 0;
				if (p2 >= p && *p2 == '\r')
					*p2 = 0;
			}
		} else {
			if (line[0] != '\r' && line[0] != '\n')
				conf_warning(kc, name, lineno, "unexpected data: %.*s",
					     (int)strcspn(line, "\r\n"), line);
			continue;
		}
		s = sym_find(kc, sym_name);
		if (!s) {
			if (d == DEF_AUTO) {
				if (kc->depfile_dir)
					touch_dep(kc, kc->depfile_dir, sym_name);
			} else {
				if (warn_unknown)
					conf_warning(kc, name, lineno, "unknown symbol: %s",
						     sym_name);
				kc->changed = true;
			}
			continue;
		}
		if (s->flags & def_flags)
			conf_warning(kc, name, lineno, "override: reassigning to symbol %s",
				     s->name);
		if (set_sym_val(kc, s, d, def_flags, val, name, lineno))
			continue;
		if (sym_is_choice_value(s)) {
			struct kc_sym *cs = s->choice;

			switch (s->def[d].tri) {
			case KC_NO:
				break;
			case KC_MOD:
				if (cs->def[d].tri == KC_YES) {
					conf_warning(kc, name, lineno,
						     "%s creates inconsistent choice state",
						     s->name);
					cs->flags &= ~def_flags;
				}
				break;
			case KC_YES:
				if (cs->def[d].tri != KC_NO)
					conf_warning(kc, name, lineno,
						     "override: %s changes choice state", s->name);
				cs->def[d].choice = s;
				break;
			}
			cs->def[d].tri = tri_or(cs->def[d].tri, s->def[d].tri);
		}
	}
	sb_free(&lb);
	return 0;
}

int conf_read_simple(struct kc_ctx *kc, const char *name, int d)
{
	FILE *in = NULL;
	int r;

	if (name) {
		in = kc_fopen(kc, name);
	} else {
		const char *env;

		name = conf_get_configname(kc);
		in = kc_fopen(kc, name);
		if (!in && kc_kfront(kc)) {
			/* 4.11: the defaults of the `option defconfig_list` symbol */
			kc->changed = true;
			in = kfront_open_defconfig_list(kc, &name);
			if (in)
				conf_message(kc, "using defaults found in %s", name);
		} else if (!in) {
			kc->changed = true;
			env = kc_getenv(kc, "KCONFIG_DEFCONFIG_LIST");
			if (!env)
				return 1;
			/* try each file of the list in turn */
			char *list = xstrdup(env), *p = list, *tok;

			while (!in) {
				while (isspace((unsigned char)*p))
					p++;
				if (!*p)
					break;
				tok = p;
				while (*p && !isspace((unsigned char)*p))
					p++;
				if (*p)
					*p++ = 0;
				in = kc_fopen(kc, tok);
				if (in) {
					conf_message(kc, "using defaults found in %s", tok);
					name = arena_strdup(&kc->arena, tok);
				}
			}
			free(list);
		}
	}
	if (!in)
		return 1;
	r = read_stream(kc, in, name, d);
	fclose(in);
	return r;
}

int conf_read(struct kc_ctx *kc, const char *name)
{
	struct kc_sym *s;
	int unsaved = 0, i;

	kc->changed = false;
	if (conf_read_simple(kc, name, DEF_USER)) {
		sym_calc_value(kc, kc->modules_sym);
		return 1;
	}
	sym_calc_value(kc, kc->modules_sym);
	for_all_symbols(kc, i, s)
	{
		sym_calc_value(kc, s);
		if (sym_is_choice(s) || (s->flags & S_NO_WRITE))
			continue;
		if (sym_has_value(s) && (s->flags & S_WRITE)) {
			switch (s->type) {
			case KC_BOOLEAN:
			case KC_TRISTATE:
				if (s->def[DEF_USER].tri == s->curr.tri)
					continue;
				break;
			default:
				if (!strcmp(s->curr.val, s->def[DEF_USER].val))
					continue;
				break;
			}
		} else if (!sym_has_value(s) && !(s->flags & S_WRITE)) {
			continue;
		}
		unsaved++;
	}
	for_all_symbols(kc, i, s)
	{
		if (sym_has_value(s) && !sym_is_choice_value(s)) {
			if (s->visible == KC_NO && !unsaved)
				s->flags &= ~S_DEF_USER;
			switch (s->type) {
			case KC_STRING:
			case KC_INT:
			case KC_HEX:
				if (sym_string_within_range(kc, s, s->def[DEF_USER].val))
					break;
				s->flags &= ~(S_VALID | S_DEF_USER);
				unsaved++;
				break;
			default:
				break;
			}
		}
	}
	if (kc->conf_warnings || unsaved)
		kc->changed = true;
	return 0;
}

/* ---- writing ---- */

static void heading(struct kc_ctx *kc, FILE *f, const char *pre, const char *deco, const char *post)
{
	fprintf(f, "%s\n", pre);
	fprintf(f, "%s Automatically generated file; DO NOT EDIT.\n", deco);
	fprintf(f, "%s %s\n", deco, kc->rootmenu.prompt->text);
	fprintf(f, "%s\n", post);
}

static void put_escaped(FILE *f, const char *v)
{
	fputc('"', f);
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			fputc('\\', f);
		fputc(*v, f);
	}
	fputc('"', f);
}

enum out_n { OUT_N, OUT_N_AS_UNSET, OUT_N_NONE };

static void print_symbol(struct kc_ctx *kc, FILE *f, struct kc_sym *s, enum out_n on, bool esc)
{
	const char *v;

	if (s->type == KC_UNKNOWN)
		return;
	v = sym_get_string_value(s);
	if ((s->type == KC_BOOLEAN || s->type == KC_TRISTATE) && on != OUT_N && *v == 'n') {
		if (on == OUT_N_AS_UNSET)
			fprintf(f, "# %s%s is not set\n", kc->prefix, s->name);
		return;
	}
	fprintf(f, "%s%s=", kc->prefix, s->name);
	if (s->type == KC_STRING && esc)
		put_escaped(f, v);
	else
		fputs(v, f);
	fputc('\n', f);
}

void kc_sym_print(struct kc_ctx *kc, struct kc_sym *s, void *file)
{
	sym_calc_value(kc, s);
	print_symbol(kc, file, s, OUT_N, true);
}

static void print_symbol_c(struct kc_ctx *kc, FILE *f, struct kc_sym *s)
{
	const char *v, *suffix = "", *vpre = "";

	if (s->type == KC_UNKNOWN)
		return;
	v = sym_get_string_value(s);
	switch (s->type) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		if (*v == 'n')
			return;
		if (*v == 'm')
			suffix = "_MODULE";
		v = "1";
		break;
	case KC_HEX:
		if (v[0] != '0' || (v[1] != 'x' && v[1] != 'X'))
			vpre = "0x";
		break;
	default:
		break;
	}
	fprintf(f, "#define %s%s%s ", kc->prefix, s->name, suffix);
	if (s->type == KC_STRING)
		put_escaped(f, v);
	else
		fprintf(f, "%s%s", vpre, v);
	fputc('\n', f);
}

static void print_symbol_rustc(struct kc_ctx *kc, FILE *f, struct kc_sym *s)
{
	const char *v, *vpre = "";
	struct sbuf b = {0};

	if (s->type == KC_UNKNOWN)
		return;
	v = sym_get_string_value(s);
	switch (s->type) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		if (*v == 'n')
			return;
		fprintf(f, "--cfg=%s%s\n", kc->prefix, s->name);
		break;
	case KC_HEX:
		if (v[0] != '0' || (v[1] != 'x' && v[1] != 'X'))
			vpre = "0x";
		break;
	default:
		break;
	}
	sb_puts(&b, vpre);
	sb_puts(&b, v);
	fprintf(f, "--cfg=%s%s=", kc->prefix, s->name);
	put_escaped(f, b.s);
	fputc('\n', f);
	sb_free(&b);
}

static bool same_file(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb;
	bool same = false;

	if (!fa)
		return false;
	fb = fopen(b, "r");
	if (fb) {
		int ca, cb;

		do {
			ca = getc(fa);
			cb = getc(fb);
		} while (ca == cb && ca != EOF);
		same = ca == cb;
		fclose(fb);
	}
	fclose(fa);
	return same;
}

static struct kc_menu *next_menu(struct kc_menu *m)
{
	if (m->list)
		return m->list;
	if (m->next)
		return m->next;
	while ((m = m->parent))
		if (m->next)
			return m->next;
	return NULL;
}

/* Copy src to dst; 0, or -1 (dst removed) on any error, also when src does not exist. */
static int copy_file(const char *src, const char *dst)
{
	FILE *in = fopen(src, "rb"), *out;
	char buf[65536];
	size_t n;
	int rc = 0;

	if (!in)
		return -1;
	out = fopen(dst, "wb");
	if (!out) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (ferror(in))
		rc = -1;
	fclose(in);
	if (fclose(out))
		rc = -1;
	if (rc)
		unlink(dst);
	return rc;
}

static void keep_old(const char *name)
{
	size_t n = strlen(name);
	char *old = xmalloc(n + 5), *tmp = xmalloc(n + 9);

	sprintf(old, "%s.old", name);
	sprintf(tmp, "%s.old.tmp", name);
	unlink(tmp);
	if (link(name, tmp) == 0 || copy_file(name, tmp) == 0) {
		if (rename(tmp, old))
			unlink(tmp);
	}
	free(old);
	free(tmp);
}


int kc_write_config(struct kc_ctx *kc, const char *name)
{
	char *tmpname = NULL;
	bool need_newline = false;
	struct kc_menu *m;
	struct kc_sym *s;
	const char *env;
	FILE *out;
	int i;

	if (!name)
		name = conf_get_configname(kc);
	if (!*name) {
		kc_diag_raw(kc, KC_DIAG_ERROR, "config name is empty");
		return -1;
	}
	if (is_dir(name)) {
		kc_diag(kc, KC_DIAG_ERROR, "%s: Is a directory", name);
		return -1;
	}
	if (make_parent_dir(name))
		return -1;
	env = kc_getenv(kc, "KCONFIG_OVERWRITECONFIG");
	if (env && *env) {
		out = fopen(name, "w");
	} else {
		tmpname = xmalloc(strlen(name) + 32);
		sprintf(tmpname, "%s.%d.tmp", name, (int)getpid());
		out = fopen(tmpname, "w");
	}
	if (!out) {
		free(tmpname);
		return 1;
	}
	heading(kc, out, "#", "#", "#");
	if (!kc->changed)
		sym_clear_all_valid(kc);

	m = kc->rootmenu.list;
	while (m) {
		s = m->sym;
		if (!s) {
			if (!menu_is_visible(kc, m))
				goto next;
			fprintf(out, "\n#\n# %s\n#\n", menu_get_prompt(m));
			need_newline = false;
		} else if (!(s->flags & S_CHOICE) && !(s->flags & S_WRITTEN)) {
			sym_calc_value(kc, s);
			if (!(s->flags & S_WRITE))
				goto next;
			if (need_newline) {
				fputc('\n', out);
				need_newline = false;
			}
			s->flags |= S_WRITTEN;
			print_symbol(kc, out, s, OUT_N_AS_UNSET, true);
		}
	next:
		if (m->list) {
			m = m->list;
			continue;
		}
		for (;;) {
			if (!kc_kfront(kc) && !m->sym && menu_is_visible(kc, m) &&
			    m != &kc->rootmenu && m->prompt->type == P_MENU) {
				fprintf(out, "# end of %s\n", menu_get_prompt(m));
				need_newline = true;
			}
			if (m->next) {
				m = m->next;
				break;
			}
			m = m->parent;
			if (!m)
				break;
		}
	}
	fclose(out);
	for_all_symbols(kc, i, s) s->flags &= ~S_WRITTEN;
	if (tmpname) {
		/* kconfig-frontends 4.11 rewrites .config (and .config.old) every time */
		if (!kc_kfront(kc) && same_file(name, tmpname)) {
			conf_message(kc, "No change to %s", name);
			unlink(tmpname);
			free(tmpname);
			kc->changed = false;
			return 0;
		}
		keep_old(name);
		if (rename(tmpname, name)) {
			free(tmpname);
			return 1;
		}
		free(tmpname);
	}
	conf_message(kc, "configuration written to %s", name);
	kc->changed = false;
	return 0;
}

/*
 * Keep the current file as NAME.old without ever leaving NAME missing (the kernel renames
 * it away first, so a kill at that moment leaves no .config): a second link to it goes
 * to a temporary name and is renamed over NAME.old; only then is the new file renamed
 * over NAME. Where hard links are refused, the content is copied.
 */
int kc_write_defconfig(struct kc_ctx *kc, const char *filename)
{
	struct kc_menu *m;
	FILE *out = fopen(filename, "w");

	if (!out)
		return 1;
	sym_clear_all_valid(kc);
	for (m = kc->rootmenu.list; m; m = next_menu(m)) {
		struct kc_sym *s = m->sym;

		if (!s) {
			menu_is_visible(kc, m);
			continue;
		}
		if (sym_is_choice(s))
			continue;
		sym_calc_value(kc, s);
		if (!(s->flags & S_WRITE))
			continue;
		s->flags &= ~S_WRITE;
		if (!sym_is_changeable(s))
			continue;
		if (!strcmp(sym_get_string_value(s), sym_get_string_default(kc, s)))
			continue;
		if (sym_is_choice_value(s)) {
			struct kc_sym *cs = s->choice, *ds = sym_choice_default(kc, cs);

			if (!(cs->flags & S_OPTIONAL) && s == ds && s->type == KC_BOOLEAN &&
			    s->curr.tri == KC_YES)
				continue;
		}
		print_symbol(kc, out, s, OUT_N_AS_UNSET, true);
	}
	fclose(out);
	return 0;
}

static int write_autoconf_cmd(struct kc_ctx *kc, const char *autoconf)
{
	char *name = xmalloc(strlen(autoconf) + 16), *tmp = xmalloc(strlen(autoconf) + 16);
	FILE *out;
	int ret = -1;

	sprintf(name, "%s.cmd", autoconf);
	sprintf(tmp, "%s.cmd.tmp", autoconf);
	if (make_parent_dir(name))
		goto out;
	out = fopen(tmp, "w");
	if (!out) {
		kc_diag(kc, KC_DIAG_ERROR, "fopen: %s: %s", tmp, strerror(errno));
		goto out;
	}
	fprintf(out, "deps_config := \\\n");
	for (struct kc_file *f = kc->files; f; f = f->next)
		fprintf(out, "\t%s \\\n", f->name);
	fprintf(out, "\n%s: $(deps_config)\n\n", autoconf);
	macro_write_env_deps(kc, out, autoconf);
	fprintf(out, "\n$(deps_config): ;\n");
	fflush(out);
	ret = ferror(out);
	fclose(out);
	if (ret) {
		ret = -1;
		goto out;
	}
	if (rename(tmp, name)) {
		kc_diag(kc, KC_DIAG_ERROR, "rename: %s: %s", name, strerror(errno));
		ret = -1;
	}
out:
	free(name);
	free(tmp);
	return ret;
}

static int touch_deps(struct kc_ctx *kc)
{
	const char *name = env_or(kc, "KCONFIG_AUTOCONFIG", "include/config/auto.conf");
	const char *slash = strrchr(name, '/');
	/* 4.11 keeps its stamps in include/config/ wherever auto.conf is */
	char *dir = kc_kfront(kc) ? xstrdup("include/config/")
				  : xstrndup(name, slash ? (size_t)(slash - name + 1) : 0);
	struct kc_sym *s;
	int i;

	kc->depfile_dir = dir;
	conf_read_simple(kc, name, DEF_AUTO);
	kc->depfile_dir = NULL;
	sym_calc_value(kc, kc->modules_sym);
	for_all_symbols(kc, i, s)
	{
		sym_calc_value(kc, s);
		if ((s->flags & S_NO_WRITE) || !s->name)
			continue;
		if (s->flags & S_WRITE) {
			if (s->flags & S_DEF_AUTO) {
				switch (s->type) {
				case KC_BOOLEAN:
				case KC_TRISTATE:
					if (s->curr.tri == s->def[DEF_AUTO].tri)
						continue;
					break;
				case KC_STRING:
				case KC_HEX:
				case KC_INT:
					if (!strcmp(sym_get_string_value(s), s->def[DEF_AUTO].val))
						continue;
					break;
				default:
					break;
				}
			} else {
				if ((s->type == KC_BOOLEAN || s->type == KC_TRISTATE) &&
				    s->curr.tri == KC_NO)
					continue;
			}
		} else if (!(s->flags & S_DEF_AUTO)) {
			continue;
		}
		touch_dep(kc, dir, s->name);
	}
	free(dir);
	return 0;
}

static int write_table_file(struct kc_ctx *kc, const char *filename,
			    void (*print)(struct kc_ctx *, FILE *, struct kc_sym *), int style)
{
	char *tmp = xmalloc(strlen(filename) + 8);
	struct kc_sym *s;
	FILE *f;
	int ret, i;

	if (make_parent_dir(filename)) {
		free(tmp);
		return -1;
	}
	sprintf(tmp, "%s.tmp", filename);
	f = fopen(tmp, "w");
	if (!f) {
		kc_diag(kc, KC_DIAG_ERROR, "fopen: %s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	if (style == 1)
		heading(kc, f, "/*", " *", " */");
	else if (style == 2)
		heading(kc, f, "#", "#", "#");
	else if (style == 3) /* 4.11's autoconf.h */
		heading(kc, f, "/*\n *", " *", " *\n */");
	for_all_symbols(kc, i, s) if ((s->flags & S_WRITE) && s->name) print(kc, f, s);
	fflush(f);
	ret = ferror(f);
	fclose(f);
	if (ret) {
		free(tmp);
		return -1;
	}
	if (rename(tmp, filename)) {
		kc_diag(kc, KC_DIAG_ERROR, "rename: %s: %s", filename, strerror(errno));
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

static void print_autoconf(struct kc_ctx *kc, FILE *f, struct kc_sym *s)
{
	print_symbol(kc, f, s, OUT_N_NONE, kc_kfront(kc));
}

/* ---- syncconfig's files as kconfig-frontends 4.11 writes them ---- */

static void print_tristate_conf(struct kc_ctx *kc, FILE *f, struct kc_sym *s)
{
	const char *v = sym_get_string_value(s);

	if (s->type == KC_TRISTATE && *v != 'n')
		fprintf(f, "%s%s=%c\n", kc->prefix, s->name, toupper((unsigned char)*v));
}

/* include/config/auto.conf.cmd (at that fixed path in 4.11) */
static int write_autoconf_cmd_kfront(struct kc_ctx *kc, const char *autoconf)
{
	const char *name = "include/config/auto.conf.cmd", *tmp = "include/config/auto.conf.cmd.tmp";
	FILE *out;
	int ret;

	if (make_parent_dir(name))
		return -1;
	out = fopen(tmp, "w");
	if (!out) {
		kc_diag(kc, KC_DIAG_ERROR, "fopen: %s: %s", tmp, strerror(errno));
		return -1;
	}
	fprintf(out, "deps_config := \\\n");
	for (struct kc_file *f = kc->files; f; f = f->next)
		fprintf(out, "\t%s%s\n", f->name, f->next ? " \\" : "");
	fprintf(out, "\n%s: \\\n\t$(deps_config)\n\n", autoconf);
	for (struct kc_env_sym *e = kc->env_syms; e; e = e->next) {
		const char *value = kc_getenv(kc, e->var);

		fprintf(out, "ifneq \"$(%s)\" \"%s\"\n", e->var, value ? value : "");
		fprintf(out, "%s: FORCE\n", autoconf);
		fprintf(out, "endif\n");
	}
	fprintf(out, "\n$(deps_config): ;\n");
	fflush(out);
	ret = ferror(out);
	fclose(out);
	if (ret || rename(tmp, name)) {
		kc_diag(kc, KC_DIAG_ERROR, "%s: %s", name, strerror(errno));
		return -1;
	}
	return 0;
}

static int write_autoconf_kfront(struct kc_ctx *kc, const char *autoconf)
{
	struct kc_sym *s;
	int ret, i;

	sym_clear_all_valid(kc);
	if (write_autoconf_cmd_kfront(kc, autoconf))
		return -1;
	if (touch_deps(kc))
		return 1;
	for_all_symbols(kc, i, s) sym_calc_value(kc, s);
	ret = write_table_file(kc, env_or(kc, "KCONFIG_AUTOHEADER", "include/generated/autoconf.h"),
			       print_symbol_c, 3);
	if (!ret)
		ret = write_table_file(kc,
				       env_or(kc, "KCONFIG_TRISTATE", "include/config/tristate.conf"),
				       print_tristate_conf, 2);
	if (!ret)
		ret = write_table_file(kc, autoconf, print_autoconf, 2);
	return ret;
}

int kc_write_autoconf(struct kc_ctx *kc, bool overwrite)
{
	const char *autoconf = env_or(kc, "KCONFIG_AUTOCONFIG", "include/config/auto.conf");
	struct kc_sym *s;
	int ret, i;

	if (!overwrite && is_present(autoconf))
		return 0;
	if (kc_kfront(kc))
		return write_autoconf_kfront(kc, autoconf);
	if (write_autoconf_cmd(kc, autoconf))
		return -1;
	if (touch_deps(kc))
		return 1;
	for_all_symbols(kc, i, s) sym_calc_value(kc, s);
	ret = write_table_file(kc, env_or(kc, "KCONFIG_AUTOHEADER", "include/generated/autoconf.h"),
			       print_symbol_c, 1);
	if (ret)
		return ret;
	ret = write_table_file(kc, env_or(kc, "KCONFIG_RUSTCCFG", "include/generated/rustc_cfg"),
			       print_symbol_rustc, 0);
	if (ret)
		return ret;
	/* last: kbuild treats auto.conf as the mark of a complete sync */
	return write_table_file(kc, autoconf, print_autoconf, 2);
}
