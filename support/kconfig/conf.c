// SPDX-License-Identifier: GPL-2.0
/*
 * conf.c - the line-oriented front end, command-compatible with the kernel's
 * scripts/kconfig/conf (same options, prompts, messages and outputs), plus
 * `--explain SYMBOL`.
 *
 * It links against the library's internals (internal.h) for the interactive
 * walk, which needs the same menu-visibility side effects as the kernel's conf.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "internal.h"

enum input_mode {
	oldaskconfig,
	syncconfig,
	oldconfig,
	allnoconfig,
	allyesconfig,
	allmodconfig,
	alldefconfig,
	randconfig,
	defconfig,
	savedefconfig,
	listnewconfig,
	helpnewconfig,
	olddefconfig,
	yes2modconfig,
	mod2yesconfig,
	mod2noconfig,
	explain,
};

struct conf {
	struct kc_ctx *kc;
	enum input_mode mode;
	int indent;
	bool tty_stdio;
	bool silent;
	int conf_cnt;
	char line[PATH_MAX];
	struct kc_menu *root_entry;
};

static void diag(void *arg, enum kc_diag_level lvl, const char *msg)
{
	struct conf *c = arg;

	if (lvl == KC_DIAG_MESSAGE) {
		if (!c->silent)
			printf("#\n# %s\n#\n", msg);
		return;
	}
	fprintf(stderr, "%s\n", msg);
}

static void print_help(struct conf *c, struct kc_menu *m)
{
	struct sbuf b = {0};

	menu_get_ext_help(c->kc, m, &b);
	printf("\n%s\n", b.s ? b.s : "");
	sb_free(&b);
}

static void strip(char *str)
{
	char *p = str;
	size_t l;

	while (isspace((unsigned char)*p))
		p++;
	l = strlen(p);
	if (p != str)
		memmove(str, p, l + 1);
	if (!l)
		return;
	p = str + l - 1;
	while (p >= str && isspace((unsigned char)*p))
		*p-- = 0;
}

static void xfgets(struct conf *c, char *str, int size, FILE *in)
{
	if (!fgets(str, size, in))
		fprintf(stderr, "\nError in reading or end of file.\n");
	if (!c->tty_stdio)
		printf("%s", str);
}

/* ---- all*config / randconfig ---- */

enum def_mode { def_default, def_yes, def_mod, def_no, def_random };

static unsigned set_randconfig_seed(struct kc_ctx *kc)
{
	const char *env = kc_getenv(kc, "KCONFIG_SEED");
	unsigned seed = 0;
	bool set = false;

	if (env && *env) {
		char *endp;

		seed = (unsigned)strtol(env, &endp, 0);
		if (*endp == '\0')
			set = true;
	}
	if (!set) {
		struct timeval now;

		gettimeofday(&now, NULL);
		seed = (unsigned)((now.tv_sec + 1) * (now.tv_usec + 1));
	}
	printf("KCONFIG_SEED=0x%X\n", seed);
	srand(seed);
	return seed;
}

static bool randomize_choice_values(struct kc_sym *cs)
{
	int def, i;

	if (cs->curr.tri != KC_YES)
		return false;
	def = rand() % cs->ncvals;
	for (i = 0; i < cs->ncvals; i++) {
		struct kc_sym *s = cs->cvals[i];

		if (i == def) {
			s->def[DEF_USER].tri = KC_YES;
			cs->def[DEF_USER].choice = s;
		} else {
			s->def[DEF_USER].tri = KC_NO;
		}
		s->flags |= S_DEF_USER;
		s->flags &= ~S_VALID;
	}
	cs->flags |= S_DEF_USER;
	cs->flags &= ~S_VALID;
	return true;
}

static int probability(struct kc_ctx *kc, int *pby, int *pty, int *ptm)
{
	const char *env = kc_getenv(kc, "KCONFIG_PROBABILITY");
	int n = 0, p[3];

	while (env && *env) {
		char *endp;
		long t = strtol(env, &endp, 10);

		if (t < 0 || t > 100) {
			errno = ERANGE;
			perror("KCONFIG_PROBABILITY");
			return -1;
		}
		p[n++] = (int)t;
		env = *endp == ':' ? endp + 1 : endp;
		if (n >= 3)
			break;
	}
	switch (n) {
	case 1:
		*pby = p[0];
		*ptm = *pby / 2;
		*pty = *pby - *ptm;
		break;
	case 2:
		*pty = p[0];
		*ptm = p[1];
		*pby = *pty + *ptm;
		break;
	case 3:
		*pby = p[0];
		*pty = p[1];
		*ptm = p[2];
		break;
	}
	if (*pty + *ptm > 100) {
		errno = ERANGE;
		perror("KCONFIG_PROBABILITY");
		return -1;
	}
	return 0;
}

static int set_all_new_symbols(struct kc_ctx *kc, enum def_mode mode, bool *changed)
{
	int pby = 50, pty = 33, ptm = 33;
	struct kc_sym *s, *cs;
	int i;

	*changed = false;
	if (mode == def_random && probability(kc, &pby, &pty, &ptm))
		return -1;
	for_all_symbols(kc, i, s)
	{
		if (sym_has_value(s) || (s->flags & S_VALID))
			continue;
		switch (sym_get_type(kc, s)) {
		case KC_BOOLEAN:
		case KC_TRISTATE:
			*changed = true;
			switch (mode) {
			case def_yes:
				s->def[DEF_USER].tri = KC_YES;
				break;
			case def_mod:
				s->def[DEF_USER].tri = KC_MOD;
				break;
			case def_no:
				s->def[DEF_USER].tri = KC_NO;
				break;
			case def_random: {
				int cnt = rand() % 100;

				s->def[DEF_USER].tri = KC_NO;
				if (s->type == KC_TRISTATE) {
					if (cnt < pty)
						s->def[DEF_USER].tri = KC_YES;
					else if (cnt < pty + ptm)
						s->def[DEF_USER].tri = KC_MOD;
				} else if (cnt < pby) {
					s->def[DEF_USER].tri = KC_YES;
				}
				break;
			}
			default:
				continue;
			}
			if (!(sym_is_choice(s) && mode == def_random))
				s->flags |= S_DEF_USER;
			break;
		default:
			break;
		}
	}
	sym_clear_all_valid(kc);
	if (mode != def_random) {
		for_all_symbols(kc, i, cs) if ((sym_is_choice(cs) && !sym_has_value(cs)) ||
					       sym_is_choice_value(cs)) cs->flags |=
		    S_NEED_SET_CHOICE_VALUES;
	}
	for_all_symbols(kc, i, cs)
	{
		if (sym_has_value(cs) || !sym_is_choice(cs))
			continue;
		sym_calc_value(kc, cs);
		if (mode == def_random) {
			*changed |= randomize_choice_values(cs);
		} else {
			set_all_choice_values(kc, cs);
			*changed = true;
		}
	}
	return 0;
}

static void rewrite_tristates(struct kc_ctx *kc, tri from, tri to)
{
	struct kc_sym *s;
	int i;

	for_all_symbols(kc, i, s) if (sym_get_type(kc, s) == KC_TRISTATE &&
				      s->def[DEF_USER].tri == from) s->def[DEF_USER]
	    .tri = to;
	sym_clear_all_valid(kc);
}

/* ---- interactive ---- */

static void conf_walk(struct conf *c, struct kc_menu *m);

static int ask_value(struct conf *c, struct kc_sym *s, const char *def)
{
	if (!sym_has_value(s))
		printf("(NEW) ");
	c->line[0] = '\n';
	c->line[1] = 0;
	if (!sym_is_changeable(s)) {
		printf("%s\n", def ? def : "");
		return 0;
	}
	switch (c->mode) {
	case oldconfig:
	case syncconfig:
		if (sym_has_value(s)) {
			printf("%s\n", def ? def : "");
			return 0;
		}
		/* fall through */
	default:
		fflush(stdout);
		xfgets(c, c->line, sizeof(c->line), stdin);
		break;
	}
	return 1;
}

static int conf_string(struct conf *c, struct kc_menu *m)
{
	struct kc_sym *s = m->sym;
	const char *def;

	for (;;) {
		printf("%*s%s ", c->indent - 1, "", m->prompt->text);
		printf("(%s) ", s->name);
		def = sym_get_string_value(s);
		if (def)
			printf("[%s] ", def);
		if (!ask_value(c, s, def))
			return 0;
		switch (c->line[0]) {
		case '\n':
			break;
		case '?':
			if (c->line[1] == '\n') {
				print_help(c, m);
				def = NULL;
				break;
			}
			/* fall through */
		default:
			c->line[strlen(c->line) - 1] = 0;
			def = c->line;
		}
		if (def && sym_set_string_value(c->kc, s, def))
			return 0;
	}
}

static int conf_sym(struct conf *c, struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	struct kc_sym *s = m->sym;
	tri oldval, newval;

	for (;;) {
		printf("%*s%s ", c->indent - 1, "", m->prompt->text);
		if (s->name)
			printf("(%s) ", s->name);
		putchar('[');
		oldval = s->curr.tri;
		putchar(oldval == KC_NO ? 'N' : oldval == KC_MOD ? 'M' : 'Y');
		if (oldval != KC_NO && sym_tristate_within_range(kc, s, KC_NO))
			printf("/n");
		if (oldval != KC_MOD && sym_tristate_within_range(kc, s, KC_MOD))
			printf("/m");
		if (oldval != KC_YES && sym_tristate_within_range(kc, s, KC_YES))
			printf("/y");
		printf("/?] ");
		if (!ask_value(c, s, sym_get_string_value(s)))
			return 0;
		strip(c->line);
		switch (c->line[0]) {
		case 'n':
		case 'N':
			newval = KC_NO;
			if (!c->line[1] || !strcmp(&c->line[1], "o"))
				break;
			continue;
		case 'm':
		case 'M':
			newval = KC_MOD;
			if (!c->line[1])
				break;
			continue;
		case 'y':
		case 'Y':
			newval = KC_YES;
			if (!c->line[1] || !strcmp(&c->line[1], "es"))
				break;
			continue;
		case 0:
			newval = oldval;
			break;
		case '?':
			goto help;
		default:
			continue;
		}
		if (sym_set_tristate_value(kc, s, newval))
			return 0;
	help:
		print_help(c, m);
	}
}

static int conf_choice(struct conf *c, struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	struct kc_sym *s = m->sym, *def_sym;
	struct kc_menu *child;
	bool is_new = !sym_has_value(s);

	if (sym_is_changeable(s)) {
		conf_sym(c, m);
		sym_calc_value(kc, s);
		switch (s->curr.tri) {
		case KC_NO:
			return 1;
		case KC_MOD:
			return 0;
		case KC_YES:
			break;
		}
	} else {
		switch (s->curr.tri) {
		case KC_NO:
			return 1;
		case KC_MOD:
			printf("%*s%s\n", c->indent - 1, "", menu_get_prompt(m));
			return 0;
		case KC_YES:
			break;
		}
	}
	for (;;) {
		int cnt = 0, def = 0;

		printf("%*s%s\n", c->indent - 1, "", menu_get_prompt(m));
		def_sym = s->curr.choice;
		c->line[0] = 0;
		for (child = m->list; child; child = child->next) {
			if (!menu_is_visible(kc, child))
				continue;
			if (!child->sym) {
				printf("%*c %s\n", c->indent, '*', menu_get_prompt(child));
				continue;
			}
			cnt++;
			if (child->sym == def_sym) {
				def = cnt;
				printf("%*c", c->indent, '>');
			} else {
				printf("%*c", c->indent, ' ');
			}
			printf(" %d. %s", cnt, menu_get_prompt(child));
			if (child->sym->name)
				printf(" (%s)", child->sym->name);
			if (!sym_has_value(child->sym))
				printf(" (NEW)");
			printf("\n");
		}
		printf("%*schoice", c->indent - 1, "");
		if (cnt == 1) {
			printf("[1]: 1\n");
			goto conf_childs;
		}
		printf("[1-%d?]: ", cnt);
		switch (c->mode) {
		case oldconfig:
		case syncconfig:
			if (!is_new) {
				cnt = def;
				printf("%d\n", cnt);
				break;
			}
			/* fall through */
		case oldaskconfig:
			fflush(stdout);
			xfgets(c, c->line, sizeof(c->line), stdin);
			strip(c->line);
			if (c->line[0] == '?') {
				print_help(c, m);
				continue;
			}
			if (!c->line[0])
				cnt = def;
			else if (isdigit((unsigned char)c->line[0]))
				cnt = atoi(c->line);
			else
				continue;
			break;
		default:
			break;
		}
	conf_childs:
		for (child = m->list; child; child = child->next) {
			if (!child->sym || !menu_is_visible(kc, child))
				continue;
			if (!--cnt)
				break;
		}
		if (!child)
			continue;
		if (c->line[0] && c->line[strlen(c->line) - 1] == '?') {
			print_help(c, child);
			continue;
		}
		sym_set_tristate_value(kc, child->sym, KC_YES);
		for (child = child->list; child; child = child->next) {
			c->indent += 2;
			conf_walk(c, child);
			c->indent -= 2;
		}
		return 1;
	}
}

static void check_conf(struct conf *c, struct kc_menu *m);

static void conf_walk(struct conf *c, struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	struct kc_sym *s;
	struct prop *p;
	struct kc_menu *child;

	if (!menu_is_visible(kc, m))
		return;
	s = m->sym;
	p = m->prompt;
	if (p) {
		const char *prompt;

		switch (p->type) {
		case P_MENU:
			if (c->mode != oldaskconfig && c->root_entry != m) {
				check_conf(c, m);
				return;
			}
			/* fall through */
		case P_COMMENT:
			prompt = menu_get_prompt(m);
			if (prompt)
				printf("%*c\n%*c %s\n%*c\n", c->indent, '*', c->indent, '*', prompt,
				       c->indent, '*');
		default:
			break;
		}
	}
	if (!s)
		goto conf_childs;
	if (sym_is_choice(s)) {
		conf_choice(c, m);
		if (s->curr.tri != KC_MOD)
			return;
		goto conf_childs;
	}
	switch (s->type) {
	case KC_INT:
	case KC_HEX:
	case KC_STRING:
		conf_string(c, m);
		break;
	default:
		conf_sym(c, m);
		break;
	}
conf_childs:
	if (s)
		c->indent += 2;
	for (child = m->list; child; child = child->next)
		conf_walk(c, child);
	if (s)
		c->indent -= 2;
}

static void check_conf(struct conf *c, struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	struct kc_sym *s;
	struct kc_menu *child;

	if (!menu_is_visible(kc, m))
		return;
	s = m->sym;
	if (s && !sym_has_value(s) &&
	    (sym_is_changeable(s) || (sym_is_choice(s) && s->curr.tri == KC_YES))) {
		switch (c->mode) {
		case listnewconfig:
			if (s->name)
				print_symbol_for_listconfig(kc, s);
			break;
		case helpnewconfig:
			printf("-----\n");
			print_help(c, m);
			printf("-----\n");
			break;
		default:
			if (!c->conf_cnt++)
				printf("*\n* Restart config...\n*\n");
			c->root_entry = menu_get_parent_menu(kc, m);
			conf_walk(c, c->root_entry);
			break;
		}
	}
	for (child = m->list; child; child = child->next)
		check_conf(c, child);
}

/* ---- main ---- */

static const struct option long_opts[] = {
    {"help", no_argument, NULL, 'h'},
    {"silent", no_argument, NULL, 's'},
    {"oldaskconfig", no_argument, NULL, 0x100 + oldaskconfig},
    {"oldconfig", no_argument, NULL, 0x100 + oldconfig},
    {"syncconfig", no_argument, NULL, 0x100 + syncconfig},
    {"defconfig", required_argument, NULL, 0x100 + defconfig},
    {"savedefconfig", required_argument, NULL, 0x100 + savedefconfig},
    {"allnoconfig", no_argument, NULL, 0x100 + allnoconfig},
    {"allyesconfig", no_argument, NULL, 0x100 + allyesconfig},
    {"allmodconfig", no_argument, NULL, 0x100 + allmodconfig},
    {"alldefconfig", no_argument, NULL, 0x100 + alldefconfig},
    {"randconfig", no_argument, NULL, 0x100 + randconfig},
    {"listnewconfig", no_argument, NULL, 0x100 + listnewconfig},
    {"helpnewconfig", no_argument, NULL, 0x100 + helpnewconfig},
    {"olddefconfig", no_argument, NULL, 0x100 + olddefconfig},
    {"yes2modconfig", no_argument, NULL, 0x100 + yes2modconfig},
    {"mod2yesconfig", no_argument, NULL, 0x100 + mod2yesconfig},
    {"mod2noconfig", no_argument, NULL, 0x100 + mod2noconfig},
    {"explain", required_argument, NULL, 0x100 + explain},
    {NULL, 0, NULL, 0},
};

static void usage(const char *prog)
{
	printf("Usage: %s [options] <kconfig-file>\n", prog);
	printf("\n");
	printf("Generic options:\n");
	printf("  -h, --help              Print this message and exit.\n");
	printf("  -s, --silent            Do not print log.\n");
	printf("\n");
	printf("Mode options:\n");
	printf("  --listnewconfig         List new options\n");
	printf("  --helpnewconfig         List new options and help text\n");
	printf(
	    "  --oldaskconfig          Start a new configuration using a line-oriented program\n");
	printf(
	    "  --oldconfig             Update a configuration using a provided .config as base\n");
	printf("  --syncconfig            Similar to oldconfig but generates configuration in\n"
	       "                          include/{generated/,config/}\n");
	printf("  --olddefconfig          Same as oldconfig but sets new symbols to their default "
	       "value\n");
	printf("  --defconfig <file>      New config with default defined in <file>\n");
	printf("  --savedefconfig <file>  Save the minimal current configuration to <file>\n");
	printf("  --allnoconfig           New config where all options are answered with no\n");
	printf("  --allyesconfig          New config where all options are answered with yes\n");
	printf("  --allmodconfig          New config where all options are answered with mod\n");
	printf("  --alldefconfig          New config with all symbols set to default\n");
	printf("  --randconfig            New config with random answer to all options\n");
	printf("  --yes2modconfig         Change answers from yes to mod if possible\n");
	printf("  --mod2yesconfig         Change answers from mod to yes if possible\n");
	printf("  --mod2noconfig          Change answers from mod to no if possible\n");
	printf("  --explain <symbol>      Explain a symbol's value and how to enable it\n");
	printf("  (If none of the above is given, --oldaskconfig is the default)\n");
}

static int read_allconfig(struct conf *c)
{
	struct kc_ctx *kc = c->kc;
	const char *name = kc_getenv(kc, "KCONFIG_ALLCONFIG");

	if (!name)
		return 0;
	if (strcmp(name, "") && strcmp(name, "1")) {
		if (kc_merge_config(kc, name)) {
			fprintf(stderr, "*** Can't read seed configuration \"%s\"!\n", name);
			return -1;
		}
		return 0;
	}
	switch (c->mode) {
	case allnoconfig:
		name = "allno.config";
		break;
	case allyesconfig:
		name = "allyes.config";
		break;
	case allmodconfig:
		name = "allmod.config";
		break;
	case alldefconfig:
		name = "alldef.config";
		break;
	default:
		name = "allrandom.config";
		break;
	}
	if (kc_merge_config(kc, name) && kc_merge_config(kc, "all.config")) {
		fprintf(stderr,
			"*** KCONFIG_ALLCONFIG set, but no \"%s\" or \"all.config\" file found\n",
			name);
		return -1;
	}
	return 0;
}

static int conf_main(int ac, char **av)
{
	static struct conf conf = {.mode = oldaskconfig, .indent = 1};
	struct conf *c = &conf;
	const char *prog = av[0], *defconfig_file = NULL, *name;
	struct kc_opts opts = {.diag = diag, .diag_arg = c};
	bool sync_kconfig = false, no_conf_write = false, randseed = false;
	struct kc_ctx *kc;
	int opt, rc = 0;

	c->tty_stdio = isatty(0) && isatty(1);
	while ((opt = getopt_long(ac, av, "hs", long_opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage(prog);
			exit(1);
		case 's':
			c->silent = true;
			break;
		default:
			if (opt < 0x100) {
				break;
			}
			c->mode = (enum input_mode)(opt - 0x100);
			switch (c->mode) {
			case syncconfig:
				c->silent = true;
				sync_kconfig = true;
				break;
			case defconfig:
			case savedefconfig:
			case explain:
				defconfig_file = optarg;
				break;
			case randconfig:
				randseed = true;
				break;
			default:
				break;
			}
		}
	}
	if (ac == optind) {
		fprintf(stderr, "%s: Kconfig file missing\n", av[0]);
		usage(prog);
		exit(1);
	}
	kc = kc_new(&opts);
	c->kc = kc;
	if (randseed)
		set_randconfig_seed(kc);
	if (kc_load(kc, av[optind])) {
		kc_free(kc);
		exit(1);
	}

	switch (c->mode) {
	case defconfig:
		if (kc_read_config(kc, defconfig_file)) {
			fprintf(stderr, "***\n*** Can't find default configuration \"%s\"!\n***\n",
				defconfig_file);
			kc_free(kc);
			exit(1);
		}
		break;
	case savedefconfig:
	case syncconfig:
	case oldaskconfig:
	case oldconfig:
	case listnewconfig:
	case helpnewconfig:
	case olddefconfig:
	case yes2modconfig:
	case mod2yesconfig:
	case mod2noconfig:
	case explain:
		kc_read_config(kc, NULL);
		break;
	case allnoconfig:
	case allyesconfig:
	case allmodconfig:
	case alldefconfig:
	case randconfig:
		if (read_allconfig(c)) {
			kc_free(kc);
			exit(1);
		}
		break;
	default:
		break;
	}
	if (kc->conf_warnings && kc_getenv(kc, "KCONFIG_WERROR")) {
		kc_free(kc);
		exit(1);
	}
	if (sync_kconfig) {
		name = kc_getenv(kc, "KCONFIG_NOSILENTUPDATE");
		if (name && *name) {
			if (kc->changed) {
				fprintf(stderr,
					"\n*** The configuration requires explicit update.\n\n");
				kc_free(kc);
				return 1;
			}
			no_conf_write = true;
		}
	}

	bool changed;

	switch (c->mode) {
	case allnoconfig:
		set_all_new_symbols(kc, def_no, &changed);
		break;
	case allyesconfig:
		set_all_new_symbols(kc, def_yes, &changed);
		break;
	case allmodconfig:
		set_all_new_symbols(kc, def_mod, &changed);
		break;
	case alldefconfig:
	case defconfig:
		set_all_new_symbols(kc, def_default, &changed);
		break;
	case randconfig:
		do {
			if (set_all_new_symbols(kc, def_random, &changed)) {
				kc_free(kc);
				exit(1);
			}
		} while (changed);
		break;
	case yes2modconfig:
		rewrite_tristates(kc, KC_YES, KC_MOD);
		break;
	case mod2yesconfig:
		rewrite_tristates(kc, KC_MOD, KC_YES);
		break;
	case mod2noconfig:
		rewrite_tristates(kc, KC_MOD, KC_NO);
		break;
	case oldaskconfig:
		c->root_entry = &kc->rootmenu;
		conf_walk(c, &kc->rootmenu);
		c->mode = oldconfig;
		/* fall through */
	case oldconfig:
	case listnewconfig:
	case helpnewconfig:
	case syncconfig:
		do {
			c->conf_cnt = 0;
			check_conf(c, &kc->rootmenu);
		} while (c->conf_cnt);
		break;
	case explain: {
		struct kc_sym *s = kc_sym_find(kc, defconfig_file);
		struct kc_explain e;

		if (!s) {
			fprintf(stderr, "%s: unknown symbol: %s\n", prog, defconfig_file);
			kc_free(kc);
			return 1;
		}
		if (kc_explain(kc, s, &e)) {
			kc_free(kc);
			return 1;
		}
		kc_explain_print(kc, &e, stdout);
		kc_explain_free(&e);
		kc_free(kc);
		return 0;
	}
	default:
		break;
	}
	if (kc->dep_warnings && kc_getenv(kc, "KCONFIG_WERROR")) {
		kc_free(kc);
		exit(1);
	}
	if (c->mode == savedefconfig) {
		if (kc_write_defconfig(kc, defconfig_file)) {
			fprintf(stderr, "n*** Error while saving defconfig to: %s\n\n",
				defconfig_file);
			rc = 1;
		}
	} else if (c->mode != listnewconfig && c->mode != helpnewconfig) {
		if (!no_conf_write && kc_write_config(kc, NULL)) {
			fprintf(stderr, "\n*** Error during writing of the configuration.\n\n");
			kc_free(kc);
			exit(1);
		}
		if (kc_write_autoconf(kc, sync_kconfig) && sync_kconfig) {
			fprintf(stderr, "\n*** Error during sync of the configuration.\n\n");
			rc = 1;
		}
	}
	kc_free(kc);
	return rc;
}

/*
 * Evaluation recurses along dependency chains, whose depth the input decides:
 * run on a thread with a large stack (only the pages used are ever touched).
 */
struct main_args {
	int ac;
	char **av;
	int rc;
};

static void *main_thread(void *arg)
{
	struct main_args *a = arg;

	a->rc = conf_main(a->ac, a->av);
	return NULL;
}

int main(int ac, char **av)
{
	struct main_args a = { ac, av, 0 };
	pthread_attr_t attr;
	pthread_t t;

	if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, (size_t)1 << 30) ||
	    pthread_create(&t, &attr, main_thread, &a))
		return conf_main(ac, av);
	pthread_join(t, NULL);
	return a.rc;
}
