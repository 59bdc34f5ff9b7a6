// SPDX-License-Identifier: GPL-2.0
/*
 * kfront.c - what the Kconfig language of kconfig-frontends 4.11 (the kconfig of Linux
 * before 4.18) has and Linux 6.1's lacks; used when kc_opts.compat is
 * KC_COMPAT_KFRONTENDS_4_11.
 *
 * That language has no macros: the environment comes in through symbols. `option
 * env="VAR"` gives a symbol the value of $VAR as its default and keeps it out of every
 * file written; `$NAME` in a `source` path or in the `mainmenu` prompt stands for the
 * value of symbol NAME at that point of the parse. `option defconfig_list` names a
 * symbol whose defaults are the files to start from when there is no .config. A string
 * symbol UNAME_RELEASE (the running kernel's release) always exists, for paths such as
 * "/lib/modules/$UNAME_RELEASE/.config".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "internal.h"

/*
 * A default made by the engine rather than by a `default` line: unconditional (it belongs
 * to no menu entry, so no dependency is ever added to it), as 4.11 makes them.
 */
static void add_plain_default(struct kc_ctx *kc, struct kc_sym *s, const char *value)
{
	struct prop *p = arena_alloc(&kc->arena, sizeof(*p)), **pp;

	p->type = P_DEFAULT;
	p->file = kc->cur_file ? kc->cur_file : kc->top_file;
	p->lineno = kc->cur_lineno;
	p->expr = expr_alloc_symbol(kc, sym_lookup(kc, value, S_CONST));
	for (pp = &s->prop; *pp; pp = &(*pp)->next)
		;
	*pp = p;
}

void kfront_begin(struct kc_ctx *kc)
{
	struct kc_sym *s = sym_lookup(kc, "UNAME_RELEASE", 0);
	struct utsname uts;

	s->type = KC_STRING;
	s->flags |= S_NO_WRITE;
	add_plain_default(kc, s, uname(&uts) ? "" : uts.release);
}

/* `option env="VAR"` on the entry being parsed. */
static void option_env(struct kc_ctx *kc, const char *var)
{
	struct kc_menu *m = kc->cur_entry;
	struct kc_sym *s = m->sym;
	struct kc_env_sym *e;
	const char *value;

	s->flags |= S_NO_WRITE;
	for (e = kc->env_syms; e; e = e->next) {
		if (e->sym != s)
			continue;
		if (strcmp(e->var, var))
			menu_warn(kc, m, "redefining environment symbol from %s", e->var);
		return;
	}
	e = arena_alloc(&kc->arena, sizeof(*e));
	e->sym = s;
	e->var = arena_strdup(&kc->arena, var);
	e->next = kc->env_syms;
	kc->env_syms = e;
	value = kc_getenv(kc, var);
	if (value)
		add_plain_default(kc, s, value);
	else
		menu_warn(kc, m, "environment variable %s undefined", var);
}

enum kfront_option kfront_option(struct kc_ctx *kc, const char *name, const char *arg)
{
	struct kc_sym *s = kc->cur_entry->sym;

	if (!strcmp(name, "env")) {
		if (!arg)
			return KFRONT_OPT_NEEDS_VALUE;
		option_env(kc, arg);
	} else if (!strcmp(name, "defconfig_list")) {
		if (kc->defconfig_list && kc->defconfig_list != s)
			return KFRONT_OPT_DEFCONFIG_TWICE;
		kc->defconfig_list = s;
	} else if (!strcmp(name, "modules")) {
		if (kc->modules_sym)
			return KFRONT_OPT_MODULES_TWICE;
		kc->modules_sym = s;
	} else if (!strcmp(name, "allnoconfig_y")) {
		s->flags |= S_ALLNOCONFIG_Y;
	} else {
		return KFRONT_OPT_UNKNOWN;
	}
	return KFRONT_OPT_OK;
}

/*
 * $NAME -> the value of symbol NAME (letters, digits, '_'); a '$' not followed by a name
 * stands for the empty name. An unknown name gives "" or, with unknown_as_name, the name.
 */
char *kfront_expand(struct kc_ctx *kc, const char *in, bool unknown_as_name)
{
	struct sbuf b = {0};
	const char *d;

	while ((d = strchr(in, '$'))) {
		const char *n = ++d;
		struct kc_sym *s;
		char *name;

		sb_putn(&b, in, (size_t)(d - 1 - in));
		while (isalnum((unsigned char)*d) || *d == '_')
			d++;
		name = xstrndup(n, (size_t)(d - n));
		s = sym_find(kc, name);
		if (s) {
			sym_calc_value(kc, s);
			sb_puts(&b, sym_get_string_value(s));
		} else if (unknown_as_name) {
			sb_puts(&b, name);
		}
		free(name);
		in = d;
	}
	sb_puts(&b, in);
	return sb_steal(&b);
}

char *kc_expand_refs(struct kc_ctx *kc, const char *text)
{
	return kfront_expand(kc, text, true);
}

/* After the parse, as 4.11 does: the mainmenu prompt with its $NAME references replaced. */
void kfront_end(struct kc_ctx *kc)
{
	struct prop *p = kc->rootmenu.prompt;
	char *text;

	if (!p)
		return;
	text = kfront_expand(kc, p->text, false);
	p->text = arena_strdup(&kc->arena, text);
	free(text);
}

FILE *kfront_open_defconfig_list(struct kc_ctx *kc, const char **name)
{
	if (!kc->defconfig_list)
		return NULL;
	sym_calc_value(kc, kc->modules_sym);
	for (struct prop *p = kc->defconfig_list->prop; p; p = p->next) {
		char *file;
		FILE *f;

		if (p->type != P_DEFAULT || expr_calc_value(kc, p->visible.expr) == KC_NO ||
		    !p->expr || p->expr->type != E_SYMBOL)
			continue;
		file = kfront_expand(kc, p->expr->left.sym->name, true);
		f = kc_fopen(kc, file);
		if (f) {
			*name = arena_strdup(&kc->arena, file);
			free(file);
			return f;
		}
		free(file);
	}
	return NULL;
}
