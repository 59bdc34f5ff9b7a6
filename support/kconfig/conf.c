// SPDX-License-Identifier: GPL-2.0
/*
 * conf.c - the line-oriented front end, command-compatible with the kernel's
 * scripts/kconfig/conf (same options, prompts, messages and outputs), plus
 * `--explain SYMBOL`.
 *
 * It uses only the library's public API (kconfig.h). The interactive walk asks
 * kc_menu_shown() about every node it passes, as the kernel's conf asks
 * menu_is_visible(): that call has side effects on the values (see docs/kconfig.md),
 * so the walk visits the nodes in the kernel's order.
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

#include "kconfig.h"

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
	bool kfront;     /* run as kconfig-conf */
	bool no_prompts; /* kconfig-frontends' --silentoldconfig without a terminal */
	int conf_cnt;
	char line[PATH_MAX];
	const struct kc_menu *root_entry;
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

static void print_help(struct conf *c, const struct kc_menu *m)
{
	char *help = kc_menu_help_screen(c->kc, m);

	printf("\n%s\n", help);
	free(help);
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
	/* kconfig-frontends ends the line instead of echoing an answer read from a pipe */
	if (!c->tty_stdio)
		printf("%s", c->kfront ? "\n" : str);
}

/* ---- all*config / randconfig ---- */

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

/* KCONFIG_PROBABILITY: "y", "y:m" (tristates) or "bool-y:y:m", in percent. */
static int probability(struct kc_ctx *kc, struct kc_fill_odds *odds)
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
		odds->bool_yes = p[0];
		odds->mod = odds->bool_yes / 2;
		odds->yes = odds->bool_yes - odds->mod;
		break;
	case 2:
		odds->yes = p[0];
		odds->mod = p[1];
		odds->bool_yes = odds->yes + odds->mod;
		break;
	case 3:
		odds->bool_yes = p[0];
		odds->yes = p[1];
		odds->mod = p[2];
		break;
	}
	if (odds->yes + odds->mod > 100) {
		errno = ERANGE;
		perror("KCONFIG_PROBABILITY");
		return -1;
	}
	return 0;
}

/* ---- interactive ---- */

static void conf_walk(struct conf *c, const struct kc_menu *m);

static int ask_value(struct conf *c, struct kc_sym *s, const char *def)
{
	if (!kc_sym_has_value(s))
		printf("(NEW) ");
	c->line[0] = '\n';
	c->line[1] = 0;
	if (!kc_sym_changeable(c->kc, s)) {
		printf("%s\n", def ? def : "");
		return 0;
	}
	switch (c->mode) {
	case oldconfig:
	case syncconfig:
		if (kc_sym_has_value(s)) {
			printf("%s\n", def ? def : "");
			return 0;
		}
		if (c->no_prompts) {
			printf("aborted!\n\nConsole input/output is redirected. "
			       "Run 'make oldconfig' to update configuration.\n\n");
			exit(1);
		}
		/* fall through */
	default:
		fflush(stdout);
		xfgets(c, c->line, sizeof(c->line), stdin);
		break;
	}
	return 1;
}

static int conf_string(struct conf *c, const struct kc_menu *m)
{
	struct kc_sym *s = kc_menu_sym(m);
	const char *def;

	for (;;) {
		printf("%*s%s ", c->indent - 1, "", kc_menu_prompt(m));
		printf("(%s) ", kc_sym_name(s));
		def = kc_sym_str(c->kc, s);
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
		if (def && kc_sym_set_str(c->kc, s, def))
			return 0;
	}
}

static int conf_sym(struct conf *c, const struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	struct kc_sym *s = kc_menu_sym(m);
	enum kc_tri oldval, newval;

	for (;;) {
		printf("%*s%s ", c->indent - 1, "", kc_menu_prompt(m));
		if (kc_sym_name(s))
			printf("(%s) ", kc_sym_name(s));
		putchar('[');
		oldval = kc_sym_tri(kc, s);
		putchar(oldval == KC_NO ? 'N' : oldval == KC_MOD ? 'M' : 'Y');
		if (oldval != KC_NO && kc_sym_tri_allowed(kc, s, KC_NO))
			printf("/n");
		if (oldval != KC_MOD && kc_sym_tri_allowed(kc, s, KC_MOD))
			printf("/m");
		if (oldval != KC_YES && kc_sym_tri_allowed(kc, s, KC_YES))
			printf("/y");
		/* kconfig-frontends offers '?' only where there is help */
		printf(c->kfront && !*kc_menu_help(m) ? "] " : "/?] ");
		if (!ask_value(c, s, kc_sym_str(kc, s)))
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
		if (kc_sym_set_tri(kc, s, newval))
			return 0;
	help:
		print_help(c, m);
	}
}

static int conf_choice(struct conf *c, const struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	struct kc_sym *s = kc_menu_sym(m), *def_sym;
	const struct kc_menu *child;
	bool is_new = !kc_sym_has_value(s);

	if (kc_sym_changeable(kc, s)) {
		conf_sym(c, m);
		switch (kc_sym_tri(kc, s)) {
		case KC_NO:
			return 1;
		case KC_MOD:
			return 0;
		case KC_YES:
			break;
		}
	} else {
		switch (kc_sym_tri(kc, s)) {
		case KC_NO:
			return 1;
		case KC_MOD:
			printf("%*s%s\n", c->indent - 1, "", kc_menu_prompt(m));
			return 0;
		case KC_YES:
			break;
		}
	}
	for (;;) {
		int cnt = 0, def = 0;

		printf("%*s%s\n", c->indent - 1, "", kc_menu_prompt(m));
		def_sym = kc_choice_selected(kc, s);
		c->line[0] = 0;
		for (child = kc_menu_child(m); child; child = kc_menu_next(child)) {
			struct kc_sym *cs = kc_menu_sym(child);

			if (!kc_menu_shown(kc, child))
				continue;
			if (!cs) {
				printf("%*c %s\n", c->indent, '*', kc_menu_prompt(child));
				continue;
			}
			cnt++;
			if (cs == def_sym) {
				def = cnt;
				printf("%*c", c->indent, '>');
			} else {
				printf("%*c", c->indent, ' ');
			}
			printf(" %d. %s", cnt, kc_menu_prompt(child));
			if (kc_sym_name(cs))
				printf(" (%s)", kc_sym_name(cs));
			if (!kc_sym_has_value(cs))
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
		for (child = kc_menu_child(m); child; child = kc_menu_next(child)) {
			if (!kc_menu_sym(child) || !kc_menu_shown(kc, child))
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
		kc_sym_set_tri(kc, kc_menu_sym(child), KC_YES);
		for (child = kc_menu_child(child); child; child = kc_menu_next(child)) {
			c->indent += 2;
			conf_walk(c, child);
			c->indent -= 2;
		}
		return 1;
	}
}

/* The menu a node is shown in: its nearest ancestor (or itself) that is a menu, else the root. */
static const struct kc_menu *parent_menu(struct conf *c, const struct kc_menu *m)
{
	const struct kc_menu *root = kc_menu_root(c->kc);

	for (; m != root; m = kc_menu_parent(m))
		if (kc_menu_is_menu(m))
			break;
	return m;
}

static void check_conf(struct conf *c, const struct kc_menu *m);

static void conf_walk(struct conf *c, const struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	const struct kc_menu *child;
	struct kc_sym *s;

	if (!kc_menu_shown(kc, m))
		return;
	s = kc_menu_sym(m);
	if (kc_menu_prompt(m)) {
		const char *prompt = kc_menu_prompt(m);

		if (kc_menu_is_menu(m) && c->mode != oldaskconfig && c->root_entry != m) {
			check_conf(c, m);
			return;
		}
		if (kc_menu_is_menu(m) || kc_menu_kind(m) == KC_M_COMMENT)
			printf("%*c\n%*c %s\n%*c\n", c->indent, '*', c->indent, '*', prompt,
			       c->indent, '*');
	}
	if (!s)
		goto conf_childs;
	if (kc_sym_is_choice(s)) {
		conf_choice(c, m);
		if (kc_sym_tri(kc, s) != KC_MOD)
			return;
		goto conf_childs;
	}
	switch (kc_sym_type(s)) {
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
	for (child = kc_menu_child(m); child; child = kc_menu_next(child))
		conf_walk(c, child);
	if (s)
		c->indent -= 2;
}

static void check_conf(struct conf *c, const struct kc_menu *m)
{
	struct kc_ctx *kc = c->kc;
	const struct kc_menu *child;
	struct kc_sym *s;

	if (!kc_menu_shown(kc, m))
		return;
	s = kc_menu_sym(m);
	if (s && !kc_sym_has_value(s) &&
	    (kc_sym_changeable(kc, s) || (kc_sym_is_choice(s) && kc_sym_tri(kc, s) == KC_YES))) {
		switch (c->mode) {
		case listnewconfig:
			if (kc_sym_name(s))
				kc_sym_print(kc, s, stdout);
			break;
		case helpnewconfig:
			printf("-----\n");
			print_help(c, m);
			printf("-----\n");
			break;
		default:
			if (!c->conf_cnt++)
				printf("*\n* Restart config...\n*\n");
			c->root_entry = parent_menu(c, m);
			conf_walk(c, c->root_entry);
			break;
		}
	}
	for (child = kc_menu_child(m); child; child = kc_menu_next(child))
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

/*
 * Run as kconfig-conf: kconfig-frontends' option names on top of ours (--silentoldconfig
 * is --syncconfig, --oldnoconfig is --olddefconfig, --defconfig's file is optional).
 */
static const struct option kfront_long_opts[] = {
    {"help", no_argument, NULL, 'h'},
    {"silent", no_argument, NULL, 's'},
    {"oldaskconfig", no_argument, NULL, 0x100 + oldaskconfig},
    {"oldconfig", no_argument, NULL, 0x100 + oldconfig},
    {"syncconfig", no_argument, NULL, 0x100 + syncconfig},
    {"silentoldconfig", no_argument, NULL, 0x100 + syncconfig},
    {"defconfig", optional_argument, NULL, 0x100 + defconfig},
    {"savedefconfig", required_argument, NULL, 0x100 + savedefconfig},
    {"allnoconfig", no_argument, NULL, 0x100 + allnoconfig},
    {"allyesconfig", no_argument, NULL, 0x100 + allyesconfig},
    {"allmodconfig", no_argument, NULL, 0x100 + allmodconfig},
    {"alldefconfig", no_argument, NULL, 0x100 + alldefconfig},
    {"randconfig", no_argument, NULL, 0x100 + randconfig},
    {"listnewconfig", no_argument, NULL, 0x100 + listnewconfig},
    {"olddefconfig", no_argument, NULL, 0x100 + olddefconfig},
    {"oldnoconfig", no_argument, NULL, 0x100 + olddefconfig},
    {NULL, 0, NULL, 0},
};

/* The program's name without its directory. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

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

static void kfront_usage(const char *prog)
{
	printf("Usage: %s [-s] [option] <kconfig-file>\n", prog);
	printf("Reads <kconfig-file> in the Kconfig language of kconfig-frontends 4.11.\n");
	printf("[option] is one of:\n");
	printf("  --listnewconfig         Print the symbols .config does not set yet\n");
	printf("  --oldaskconfig          Ask for every symbol, starting from .config\n");
	printf("  --oldconfig             Ask only for the symbols .config does not set\n");
	printf("  --silentoldconfig       Like --oldconfig, and write include/config/auto.conf,\n"
	       "                          include/generated/autoconf.h and the stamps\n");
	printf("  --olddefconfig          Give the symbols .config does not set their defaults\n");
	printf("  --oldnoconfig           The same as --olddefconfig\n");
	printf("  --defconfig[=<file>]    Start from <file> (default arch/$ARCH/defconfig)\n");
	printf("  --savedefconfig <file>  Write to <file> what differs from the defaults\n");
	printf("  --allnoconfig           Answer no wherever the dependencies allow\n");
	printf("  --allyesconfig          Answer yes wherever the dependencies allow\n");
	printf("  --allmodconfig          Answer mod (else yes) wherever the dependencies allow\n");
	printf("  --alldefconfig          Give every symbol its default\n");
	printf("  --randconfig            Answer at random (KCONFIG_SEED, KCONFIG_PROBABILITY)\n");
}

/*
 * kconfig-frontends' default --defconfig file: arch/$ARCH/defconfig with the symbols'
 * values put in, looked for in $srctree when not in the current directory.
 */
static char *kfront_default_defconfig(struct kc_ctx *kc)
{
	char *name = kc_expand_refs(kc, "arch/$ARCH/defconfig");
	const char *srctree = kc_getenv(kc, "srctree");
	char *full;

	if (!srctree || !*srctree || access(name, F_OK) == 0)
		return name;
	full = malloc(strlen(srctree) + strlen(name) + 2);
	if (!full)
		return name;
	sprintf(full, "%s/%s", srctree, name);
	if (access(full, F_OK) == 0) {
		free(name);
		return full;
	}
	free(full);
	return name;
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
	/* run by kconfig-frontends' name: its language, files and options */
	bool kfront = !strcmp(base_name(prog), "kconfig-conf");
	char *kfront_defconfig = NULL;
	struct kc_ctx *kc;
	int opt, rc = 0;

	if (kfront)
		opts.compat = KC_COMPAT_KFRONTENDS_4_11;
	c->kfront = kfront;
	c->tty_stdio = isatty(0) && isatty(1);
	while ((opt = getopt_long(ac, av, "hs", kfront ? kfront_long_opts : long_opts, NULL)) !=
	       -1) {
		switch (opt) {
		case 'h':
			if (kfront)
				kfront_usage(prog);
			else
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
				c->no_prompts = kfront && !(isatty(0) && isatty(1));
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
		if (kfront)
			kfront_usage(prog);
		else
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

	if (kfront && c->mode == defconfig && !defconfig_file)
		defconfig_file = kfront_defconfig = kfront_default_defconfig(kc);
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
	if (kc_config_warning_count(kc) && kc_getenv(kc, "KCONFIG_WERROR")) {
		kc_free(kc);
		exit(1);
	}
	if (sync_kconfig) {
		name = kc_getenv(kc, "KCONFIG_NOSILENTUPDATE");
		if (name && *name) {
			if (kc_changed(kc)) {
				fprintf(stderr,
					"\n*** The configuration requires explicit update.\n\n");
				kc_free(kc);
				return 1;
			}
			no_conf_write = true;
		}
	}

	switch (c->mode) {
	case allnoconfig:
		kc_fill_new_symbols(kc, KC_FILL_NO, NULL);
		break;
	case allyesconfig:
		kc_fill_new_symbols(kc, KC_FILL_YES, NULL);
		break;
	case allmodconfig:
		kc_fill_new_symbols(kc, KC_FILL_MOD, NULL);
		break;
	case alldefconfig:
	case defconfig:
		kc_fill_new_symbols(kc, KC_FILL_DEFAULT, NULL);
		break;
	case randconfig: {
		struct kc_fill_odds odds = {50, 33, 33};

		if (probability(kc, &odds)) {
			kc_free(kc);
			exit(1);
		}
		while (kc_fill_new_symbols(kc, KC_FILL_RANDOM, &odds))
			;
		break;
	}
	case yes2modconfig:
		kc_rewrite_tristates(kc, KC_YES, KC_MOD);
		break;
	case mod2yesconfig:
		kc_rewrite_tristates(kc, KC_MOD, KC_YES);
		break;
	case mod2noconfig:
		kc_rewrite_tristates(kc, KC_MOD, KC_NO);
		break;
	case oldaskconfig:
		c->root_entry = kc_menu_root(kc);
		conf_walk(c, c->root_entry);
		c->mode = oldconfig;
		/* fall through */
	case oldconfig:
	case listnewconfig:
	case helpnewconfig:
	case syncconfig:
		do {
			c->conf_cnt = 0;
			check_conf(c, kc_menu_root(kc));
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
	if (kc_dep_warning_count(kc) && kc_getenv(kc, "KCONFIG_WERROR")) {
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
		/* kconfig-frontends' --silentoldconfig leaves an unchanged .config alone */
		if (kfront && sync_kconfig && !kc_changed(kc))
			no_conf_write = true;
		if (!no_conf_write && kc_write_config(kc, NULL)) {
			fprintf(stderr, "\n*** Error during writing of the configuration.\n\n");
			kc_free(kc);
			exit(1);
		}
		/* kconfig-frontends writes auto.conf and the rest only for --silentoldconfig */
		if ((!kfront || sync_kconfig) && kc_write_autoconf(kc, sync_kconfig) &&
		    sync_kconfig) {
			fprintf(stderr, "\n*** Error during sync of the configuration.\n\n");
			rc = 1;
		}
	}
	kc_free(kc);
	free(kfront_defconfig);
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
