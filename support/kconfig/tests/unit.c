// SPDX-License-Identifier: GPL-2.0
/*
 * unit.c - in-process tests of the public API (kconfig.h): what the menuconfig
 * front end relies on. Each test builds a small Kconfig in a scratch directory,
 * with a hermetic environment, and checks values, ranges, the menu tree, config
 * I/O and the explain API. Ends with "N passed, M failed".
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kconfig.h"

static int passed, failed;
static const char *cur_test;
static char dir[256];
static char diag_buf[8192];

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		if (cond) {                                                                        \
			passed++;                                                                  \
		} else {                                                                           \
			failed++;                                                                  \
			printf("FAIL %s:%d (%s): ", __FILE__, __LINE__, cur_test);                 \
			printf(__VA_ARGS__);                                                       \
			printf("\n");                                                              \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	CHECK((got) && !strcmp((got), (want)), "expected \"%s\", got \"%s\"", (want),              \
	      (got) ? (got) : "(null)")

static const char *env_lookup(void *arg, const char *name)
{
	const char *const *env = arg;

	for (; env && *env; env += 2)
		if (!strcmp(env[0], name))
			return env[1];
	return NULL;
}

static void diag_capture(void *arg, enum kc_diag_level lvl, const char *msg)
{
	(void)arg;
	(void)lvl;
	strncat(diag_buf, msg, sizeof(diag_buf) - strlen(diag_buf) - 2);
	strcat(diag_buf, "\n");
}

static char *path(const char *name)
{
	static char p[512];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(path(name), "w");

	if (!f) {
		perror(path(name));
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *name)
{
	static char buf[8192];
	FILE *f = fopen(path(name), "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

static struct kc_ctx *load(const char *kconfig, const char *const *env)
{
	struct kc_opts o = {.diag = diag_capture,
			    .getenv = env_lookup,
			    .getenv_arg = (void *)env,
			    .no_shell = false};
	struct kc_ctx *kc = kc_new(&o);

	diag_buf[0] = 0;
	write_file("Kconfig", kconfig);
	if (kc_load(kc, path("Kconfig"))) {
		printf("load failed (%s):\n%s", cur_test, diag_buf);
		kc_free(kc);
		return NULL;
	}
	return kc;
}

static struct kc_sym *sym(struct kc_ctx *kc, const char *name)
{
	struct kc_sym *s = kc_sym_find(kc, name);

	if (!s) {
		printf("no symbol %s\n", name);
		exit(1);
	}
	return s;
}

static void test_tristate_limits(void)
{
	static const char *const env[] = {NULL};
	struct kc_ctx *kc;
	enum kc_tri lo, hi;

	cur_test = "tristate limits";
	kc = load("config MODULES\n\tdef_bool y\n\tmodules\n"
		  "config DEP\n\ttristate \"dep\"\n"
		  "config T\n\ttristate \"t\"\n\tdepends on DEP\n"
		  "config SEL\n\tbool \"sel\"\n\tselect T\n",
		  env);
	if (!kc)
		return;
	CHECK(kc_sym_tri(kc, sym(kc, "T")) == KC_NO, "T starts n");
	CHECK(!kc_sym_set_tri(kc, sym(kc, "T"), KC_YES), "T cannot be y while DEP=n");
	CHECK(kc_sym_set_tri(kc, sym(kc, "DEP"), KC_MOD), "DEP can be m");
	kc_sym_tri_range(kc, sym(kc, "T"), &lo, &hi);
	CHECK(lo == KC_NO && hi == KC_MOD, "T range with DEP=m is n..m, got %d..%d", lo, hi);
	CHECK(!kc_sym_set_tri(kc, sym(kc, "T"), KC_YES), "T limited to m by DEP=m");
	CHECK(kc_sym_set_tri(kc, sym(kc, "SEL"), KC_YES), "SEL can be set");
	CHECK(kc_sym_tri(kc, sym(kc, "T")) == KC_YES, "select forces T=y even above DEP");
	kc_sym_tri_range(kc, sym(kc, "T"), &lo, &hi);
	CHECK(lo == KC_YES, "selected T cannot go below y, got %d", lo);
	kc_free(kc);
}

static void test_choice(void)
{
	static const char *const env[] = {NULL};
	struct kc_ctx *kc;
	struct kc_sym *c;

	cur_test = "choice";
	kc = load("choice\n\tprompt \"pick\"\n\tdefault B\nconfig A\n\tbool \"a\"\n"
		  "config B\n\tbool \"b\"\nendchoice\n",
		  env);
	if (!kc)
		return;
	c = kc_sym_choice(sym(kc, "A"));
	CHECK(c && kc_sym_is_choice(c), "A belongs to a choice");
	CHECK(kc_choice_selected(kc, c) == sym(kc, "B"), "default B selected");
	CHECK(kc_sym_set_tri(kc, sym(kc, "A"), KC_YES), "select A");
	CHECK(kc_choice_selected(kc, c) == sym(kc, "A"), "A selected after set");
	CHECK(kc_sym_tri(kc, sym(kc, "B")) == KC_NO, "B off after A chosen");
	kc_free(kc);
}

static void test_strings_and_ranges(void)
{
	static const char *const env[] = {NULL};
	struct kc_ctx *kc;

	cur_test = "strings and ranges";
	kc = load("config N\n\tint \"n\"\n\trange 2 8\n\tdefault 4\n"
		  "config H\n\thex \"h\"\n\tdefault 0x10\n"
		  "config S\n\tstring \"s\"\n\tdefault \"x\"\n",
		  env);
	if (!kc)
		return;
	CHECK_STR(kc_sym_str(kc, sym(kc, "N")), "4");
	CHECK(!kc_sym_set_str(kc, sym(kc, "N"), "9"), "9 is out of range");
	CHECK(!kc_sym_set_str(kc, sym(kc, "N"), "abc"), "abc is not an int");
	CHECK(kc_sym_set_str(kc, sym(kc, "N"), "8"), "8 is in range");
	CHECK_STR(kc_sym_str(kc, sym(kc, "N")), "8");
	CHECK(kc_sym_set_str(kc, sym(kc, "H"), "ff"), "hex without 0x");
	CHECK_STR(kc_sym_str(kc, sym(kc, "H")), "0xff");
	CHECK(kc_sym_set_str(kc, sym(kc, "S"), "a \"b\""), "string with quotes");
	CHECK(kc_write_config(kc, path(".config")) == 0, "write .config");
	CHECK(strstr(read_file(".config"), "CONFIG_S=\"a \\\"b\\\"\"\n") != NULL,
	      "string escaped in .config:\n%s", read_file(".config"));
	kc_free(kc);

	kc = load("config N\n\tint \"n\"\n\trange 2 8\n\tdefault 4\n"
		  "config H\n\thex \"h\"\n\tdefault 0x10\n"
		  "config S\n\tstring \"s\"\n\tdefault \"x\"\n",
		  env);
	if (!kc)
		return;
	CHECK(kc_read_config(kc, path(".config")) == 0, "read back .config");
	CHECK_STR(kc_sym_str(kc, sym(kc, "S")), "a \"b\"");
	CHECK_STR(kc_sym_str(kc, sym(kc, "N")), "8");
	kc_free(kc);
}

static void test_menu_tree(void)
{
	static const char *const env[] = {"ARCH", "unit", NULL};
	const struct kc_menu *root, *m, *c;
	struct kc_ctx *kc;
	int n = 0;

	cur_test = "menu tree";
	kc = load("mainmenu \"Main $(ARCH)\"\nmenu \"Sub\"\nconfig A\n\tbool \"a\"\n"
		  "comment \"note\"\n\tdepends on A\nendmenu\nmenuconfig M\n\tbool \"m\"\n"
		  "config M1\n\tbool \"m1\"\n\tdepends on M\n",
		  env);
	if (!kc)
		return;
	CHECK_STR(kc_mainmenu(kc), "Main unit");
	root = kc_menu_root(kc);
	CHECK(kc_menu_kind(root) == KC_M_ROOT, "root kind");
	m = kc_menu_child(root);
	CHECK(m && kc_menu_kind(m) == KC_M_MENU, "first child is a menu");
	CHECK_STR(kc_menu_prompt(m), "Sub");
	CHECK(kc_menu_line(m) == 2, "menu at line 2, got %d", kc_menu_line(m));
	c = kc_menu_child(m);
	CHECK(c && kc_menu_sym(c) == sym(kc, "A"), "A inside Sub");
	CHECK(c && kc_menu_parent(c) == m, "A's parent is Sub");
	/* the comment depends on A: it becomes A's child, as in the kernel */
	CHECK(c && kc_menu_child(c) && kc_menu_kind(kc_menu_child(c)) == KC_M_COMMENT,
	      "comment is a child of A");
	if (!c || !kc_menu_child(c)) {
		kc_free(kc);
		return;
	}
	CHECK(!kc_menu_shown(kc, kc_menu_child(c)), "comment hidden while A=n");
	kc_sym_set_tri(kc, sym(kc, "A"), KC_YES);
	CHECK(kc_menu_shown(kc, kc_menu_child(c)), "comment shown once A=y");
	m = kc_menu_next(m);
	CHECK(m && kc_menu_is_menu(m) && kc_menu_sym(m) == sym(kc, "M"), "menuconfig M");
	CHECK(m && kc_menu_child(m) && kc_menu_sym(kc_menu_child(m)) == sym(kc, "M1"),
	      "M1 is a child of M (automatic submenu)");
	for (struct kc_sym *s = kc_sym_next(kc, NULL); s; s = kc_sym_next(kc, s))
		n++;
	CHECK(n == 3, "3 symbols listed, got %d", n);
	kc_free(kc);
}

static void test_explain(void)
{
	static const char *const env[] = {NULL};
	struct kc_explain e;
	struct kc_ctx *kc;
	bool found_b = false, found_c = false;

	cur_test = "explain";
	kc = load("config A\n\tbool \"a\"\n\tdepends on B && !C\n"
		  "config B\n\tbool \"b\"\n\tdepends on D || E\n"
		  "config C\n\tbool \"c\"\n\tdefault y\n"
		  "config D\n\tbool \"d\"\nconfig E\n\tbool \"e\"\n\tdepends on C\n",
		  env);
	if (!kc)
		return;
	CHECK(kc_explain(kc, sym(kc, "A"), &e) == 0, "explain A");
	CHECK_STR(e.value, "n");
	CHECK(e.n_unmet == 2, "two unmet terms (B, !C), got %zu", e.n_unmet);
	if (e.n_unmet == 2) {
		CHECK_STR(e.unmet[0].text, "B");
		CHECK_STR(e.unmet[1].text, "!C");
		CHECK(e.unmet[1].n_ops == 1 && !strcmp(e.unmet[1].ops[0].value, "y"),
		      "operand C=y reported");
	}
	CHECK(e.solvable, "a change set exists");
	for (size_t i = 0; i < e.n_changes; i++) {
		const char *n = kc_sym_name(e.changes[i].sym);

		if (!strcmp(n, "B") && !strcmp(e.changes[i].value, "y"))
			found_b = true;
		if (!strcmp(n, "C") && !strcmp(e.changes[i].value, "n"))
			found_c = true;
	}
	CHECK(found_b && found_c, "change set turns B on and C off");
	/* B needs D (E would need C, which conflicts): the cheapest is D=y */
	CHECK(e.n_changes == 4, "4 changes (D, B, C, A), got %zu", e.n_changes);
	kc_explain_free(&e);
	/* the explanation must not have changed anything */
	CHECK(kc_sym_tri(kc, sym(kc, "C")) == KC_YES, "C still y after explain");

	CHECK(kc_explain(kc, sym(kc, "C"), &e) == 0, "explain C");
	CHECK(e.origin == KC_FROM_DEFAULT, "C comes from a default, got %d", e.origin);
	CHECK(e.origin_line == 9, "default at line 9, got %d", e.origin_line);
	kc_explain_free(&e);
	kc_free(kc);
}

static const struct kc_term *find_term(const struct kc_term *t, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].text && !strcmp(t[i].text, text))
			return &t[i];
	return NULL;
}

/* kc_explain lists every `depends on` term (met ones too) and the `visible if` terms. */
static void test_explain_all_deps(void)
{
	static const char *const env[] = {NULL};
	const struct kc_term *t;
	struct kc_explain e;
	struct kc_ctx *kc;

	cur_test = "explain all deps";
	kc = load("config V\n\tbool \"v\"\n\tdefault y\n"
		  "config W\n\tbool \"w\"\n\tdefault y\n"
		  "config B\n\tbool \"b\"\n\tdefault y\n"
		  "config C\n\tbool \"c\"\nconfig D\n\tbool \"d\"\n"
		  "menu \"M\"\n\tvisible if V\n\tdepends on W\n"
		  "config A\n\tbool \"a\"\n\tdepends on B && (C || D)\n"
		  "endmenu\n"
		  "config FREE\n\tbool \"free\"\n",
		  env);
	if (!kc)
		return;
	CHECK(kc_explain(kc, sym(kc, "A"), &e) == 0, "explain A");
	CHECK(e.n_deps == 3, "three depends-on terms (W, B, C || D), got %zu", e.n_deps);
	t = find_term(e.deps, e.n_deps, "B");
	CHECK(t && t->value == KC_YES && t->n_ops == 1 && !strcmp(t->ops[0].name, "B") &&
		  !strcmp(t->ops[0].value, "y"),
	      "met term B listed with B=y");
	t = find_term(e.deps, e.n_deps, "W");
	CHECK(t && t->value == KC_YES, "inherited menu dependency W listed as met");
	t = find_term(e.deps, e.n_deps, "C || D");
	CHECK(t && t->value == KC_NO && t->n_ops == 2 && !strcmp(t->ops[0].value, "n") &&
		  !strcmp(t->ops[1].value, "n"),
	      "unmet term C || D listed with C=n, D=n");
	CHECK(e.n_unmet == 1, "only C || D is unmet, got %zu", e.n_unmet);
	CHECK(e.n_visible_if == 1, "one visible-if term, got %zu", e.n_visible_if);
	if (e.n_visible_if == 1) {
		CHECK_STR(e.visible_if[0].text, "V");
		CHECK(e.visible_if[0].value == KC_YES && e.visible_if[0].n_ops == 1 &&
			  !strcmp(e.visible_if[0].ops[0].value, "y"),
		      "visible if V with V=y");
	}
	kc_explain_free(&e);
	CHECK(e.deps == NULL && e.n_deps == 0 && e.visible_if == NULL, "freed and cleared");

	CHECK(kc_sym_set_tri(kc, sym(kc, "V"), KC_NO), "V=n");
	CHECK(kc_explain(kc, sym(kc, "A"), &e) == 0, "explain A again");
	CHECK(e.n_visible_if == 1 && e.visible_if[0].value == KC_NO &&
		  !strcmp(e.visible_if[0].ops[0].value, "n"),
	      "visible if V now n with V=n");
	kc_explain_free(&e);

	CHECK(kc_explain(kc, sym(kc, "FREE"), &e) == 0, "explain FREE");
	CHECK(e.n_deps == 0 && e.n_visible_if == 0, "no terms for a top-level symbol, got %zu/%zu",
	      e.n_deps, e.n_visible_if);
	kc_explain_free(&e);
	kc_free(kc);
}

static void test_diagnostics(void)
{
	static const char *const env[] = {NULL};
	struct kc_opts o = {.diag = diag_capture, .getenv = env_lookup, .getenv_arg = (void *)env};
	struct kc_ctx *kc = kc_new(&o);

	cur_test = "diagnostics";
	diag_buf[0] = 0;
	write_file("Kconfig", "config A\n\tbool \"a\"\n\tdepends on (B\n");
	CHECK(kc_load(kc, path("Kconfig")) != 0, "syntax error fails the load");
	CHECK(strstr(diag_buf, "Kconfig:3: invalid statement") != NULL,
	      "file:line message, got:\n%s", diag_buf);
	CHECK(kc_error_count(kc) > 0, "errors counted");
	kc_free(kc);
}

static void test_prefix(void)
{
	static const char *const env[] = {"CONFIG_", "", NULL};
	struct kc_ctx *kc;

	cur_test = "empty prefix";
	kc = load("config SMARTOS_X\n\tbool \"x\"\n\tdefault y\n", env);
	if (!kc)
		return;
	CHECK_STR(kc_prefix(kc), "");
	CHECK(kc_write_config(kc, path("p.config")) == 0, "write");
	CHECK(strstr(read_file("p.config"), "\nSMARTOS_X=y\n") != NULL, "unprefixed line:\n%s",
	      read_file("p.config"));
	kc_free(kc);
}

/* true if r assigns `name` the value `value` */
static bool assigns(const struct kc_resolution *r, const char *name, const char *value)
{
	for (size_t i = 0; i < r->n_changes; i++)
		if (!strcmp(kc_sym_name(r->changes[i].sym), name) && !strcmp(r->changes[i].value, value))
			return true;
	return false;
}

static void test_resolve(void)
{
	static const char *const env[] = {NULL};
	struct kc_resolution r;
	struct kc_snapshot *snap;
	struct kc_ctx *kc;

	cur_test = "resolve";
	kc = load("config MODULES\n\tbool \"m\"\n\tdefault y\n\tmodules\n"
		  "config LIB\n\tbool\n"
		  "config USER\n\tbool \"user\"\n\tselect LIB\n"
		  "config NEEDS_LIB\n\tbool \"needs lib\"\n\tdepends on LIB\n"
		  "config COUNT\n\tint \"count\"\n\trange 1 10\n\tdefault 2\n"
		  "config BIG\n\tbool \"big\"\n\tdepends on COUNT > 3\n"
		  "config BLOCK\n\tbool\n"
		  "config FORCE\n\tbool \"force\"\n\tdefault y\n\tselect BLOCK\n"
		  "config FREE\n\tbool \"free\"\n\tdepends on !BLOCK\n"
		  "config NET\n\tbool \"net\"\n"
		  "config HOST\n\tstring \"host\"\n\tdepends on NET\n"
		  "config DRV\n\ttristate \"drv\"\n\tdefault y\n",
		  env);
	if (!kc)
		return;
	kc_resolve(kc, sym(kc, "NEEDS_LIB"), KC_GOAL_YES, &r);
	CHECK(r.found && assigns(&r, "USER", "y") && assigns(&r, "NEEDS_LIB", "y"),
	      "a select-only symbol is reached through its selector");
	CHECK(r.n_effects == 3, "USER, LIB, NEEDS_LIB change, got %zu", r.n_effects);
	kc_resolution_free(&r);
	CHECK(kc_sym_tri(kc, sym(kc, "USER")) == KC_NO, "resolving changes nothing");

	kc_resolve(kc, sym(kc, "BIG"), KC_GOAL_YES, &r);
	CHECK(r.found && assigns(&r, "COUNT", "4"), "COUNT > 3 gets the value 4");
	kc_resolution_free(&r);

	kc_resolve(kc, sym(kc, "FREE"), KC_GOAL_YES, &r);
	CHECK(r.found && assigns(&r, "FORCE", "n"), "the selector of the blocker goes off");
	kc_resolution_free(&r);

	kc_resolve(kc, sym(kc, "HOST"), KC_GOAL_VISIBLE, &r);
	CHECK(r.found && assigns(&r, "NET", "y"), "a hidden string becomes editable");
	kc_resolution_free(&r);

	kc_resolve(kc, sym(kc, "LIB"), KC_GOAL_NO, &r);
	CHECK(r.found, "an unselected symbol is already off");
	kc_resolution_free(&r);
	kc_resolve(kc, sym(kc, "BLOCK"), KC_GOAL_NO, &r);
	CHECK(r.found && assigns(&r, "FORCE", "n"), "off with what selects it");
	kc_resolution_free(&r);

	kc_resolve(kc, sym(kc, "DRV"), KC_GOAL_MOD, &r);
	CHECK(r.found && assigns(&r, "DRV", "m"), "as module");
	snap = kc_snapshot(kc);
	CHECK(kc_apply(kc, r.changes, r.n_changes) == r.n_changes, "the set applies");
	CHECK(kc_sym_tri(kc, sym(kc, "DRV")) == KC_MOD, "DRV is m after applying");
	kc_restore(kc, snap);
	kc_snapshot_free(snap);
	CHECK(kc_sym_tri(kc, sym(kc, "DRV")) == KC_YES, "the snapshot brings y back");
	kc_resolution_free(&r);
	kc_free(kc);
}

/* What the conf front end asks: changeability, allowed values, help screen, all*config. */
static void test_front_end_api(void)
{
	static const char *const env[] = {NULL};
	struct kc_ctx *kc;
	char *help;

	cur_test = "front end API";
	kc = load("config MODULES\n\tdef_bool y\n\tmodules\n"
		  "config B\n\tbool \"b\"\n\thelp\n\t  Bee.\n"
		  "config T\n\ttristate \"t\"\n\tdefault m\n"
		  "config S\n\tbool \"s\"\n\tselect B\n"
		  "config STR\n\tstring \"str\"\n\tdefault \"a\\\"b\"\n"
		  "choice\n\tprompt \"pick\"\nconfig C1\n\tbool \"c1\"\nconfig C2\n\tbool \"c2\"\n"
		  "endchoice\n",
		  env);
	if (!kc)
		return;
	CHECK(kc_sym_changeable(kc, sym(kc, "B")), "B is changeable");
	CHECK(kc_sym_tri_allowed(kc, sym(kc, "T"), KC_MOD), "T may be m");
	CHECK(!kc_sym_tri_allowed(kc, sym(kc, "B"), KC_MOD), "a bool may not be m");
	CHECK(kc_sym_set_tri(kc, sym(kc, "S"), KC_YES), "S can be set");
	CHECK(!kc_sym_changeable(kc, sym(kc, "B")), "B selected to y is not changeable");
	CHECK(!kc_sym_tri_allowed(kc, sym(kc, "B"), KC_NO), "selected B may not be n");
	help = kc_menu_help_screen(kc, kc_sym_menu(sym(kc, "B")));
	CHECK(!strncmp(help, "CONFIG_B:\n\nBee.\nSymbol", 20), "help screen starts with the text: %s",
	      help);
	CHECK(strstr(help, "Symbol: B [=y]\n") && strstr(help, "Selected by [y]:\n  - S [=y]"),
	      "help screen has the symbol and its selector: %s", help);
	free(help);
	CHECK(kc_fill_new_symbols(kc, KC_FILL_NO, NULL), "allnoconfig sets values");
	CHECK(kc_sym_tri(kc, sym(kc, "T")) == KC_NO, "allnoconfig: T=n");
	CHECK(kc_sym_tri(kc, sym(kc, "B")) == KC_YES, "allnoconfig keeps the select: B=y");
	CHECK(kc_sym_tri(kc, sym(kc, "C1")) == KC_YES, "allnoconfig: the choice takes its default");
	CHECK(!kc_fill_new_symbols(kc, KC_FILL_NO, NULL), "a second pass has nothing to set");
	CHECK(kc_sym_set_tri(kc, sym(kc, "T"), KC_MOD), "T set to m");
	kc_rewrite_tristates(kc, KC_MOD, KC_YES);
	CHECK(kc_sym_tri(kc, sym(kc, "T")) == KC_YES, "mod2yes: T=y");
	{
		FILE *f = fopen(path("line"), "w");

		kc_sym_print(kc, sym(kc, "STR"), f);
		kc_sym_print(kc, sym(kc, "S"), f);
		fclose(f);
		CHECK_STR(read_file("line"), "CONFIG_STR=\"a\\\"b\"\nCONFIG_S=y\n");
	}
	kc_free(kc);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "/tmp/kc-unit-%d", (int)getpid());
	if (mkdir(dir, 0700)) {
		perror(dir);
		return 1;
	}
	test_tristate_limits();
	test_choice();
	test_strings_and_ranges();
	test_menu_tree();
	test_explain();
	test_explain_all_deps();
	test_resolve();
	test_diagnostics();
	test_prefix();
	test_front_end_api();
	{
		char cmd[300];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd))
			printf("warning: could not remove %s\n", dir);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
