// SPDX-License-Identifier: GPL-2.0
/*
 * kconfig.c - the public API (kconfig.h): context lifecycle and accessors.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void init_const(struct kc_sym *s, const char *name, tri t, unsigned flags)
{
	s->name = name;
	s->type = name[0] ? KC_TRISTATE : KC_UNKNOWN;
	s->curr.val = name;
	s->curr.tri = t;
	s->flags = flags;
}

struct kc_ctx *kc_new(const struct kc_opts *opts)
{
	struct kc_ctx *kc = calloc(1, sizeof(*kc));
	const char *p;

	if (!kc)
		return NULL;
	if (opts)
		kc->opts = *opts;
	init_const(&kc->sym_yes, "y", KC_YES, S_CONST | S_VALID);
	init_const(&kc->sym_mod, "m", KC_MOD, S_CONST | S_VALID);
	init_const(&kc->sym_no, "n", KC_NO, S_CONST | S_VALID);
	init_const(&kc->sym_empty, "", KC_NO, S_VALID);
	kc->envs_tail = &kc->envs;
	p = kc_getenv(kc, "CONFIG_");
	kc->prefix = p ? p : "CONFIG_";
	kc->prefix = arena_strdup(&kc->arena, kc->prefix);
	kc->changed = true;
	return kc;
}

void kc_free(struct kc_ctx *kc)
{
	if (!kc)
		return;
	macro_free_all(kc);
	arena_free(&kc->arena);
	free(kc);
}

int kc_load(struct kc_ctx *kc, const char *file)
{
	int rc = kc_parse(kc, file);

	if (rc)
		return -1;
	if (!kc->modules_sym)
		kc->modules_sym = &kc->sym_no;
	if (!kc->rootmenu.prompt) {
		kc->cur_entry = &kc->rootmenu;
		menu_add_prompt(kc, P_MENU, kc_kfront(kc) ? "Configuration" : "Main menu", NULL);
	}
	menu_finalize(kc, &kc->rootmenu);
	if (sym_check_all_deps(kc))
		return -1;
	/*
	 * Know whether modules are on before anyone asks for a symbol's type, but
	 * leave every symbol unevaluated as the kernel does right after parsing:
	 * the all*config modes skip symbols that are already evaluated.
	 */
	sym_calc_value(kc, kc->modules_sym);
	{
		struct kc_sym *s;
		int i;

		for_all_symbols(kc, i, s) s->flags &= ~S_VALID;
	}
	kc->changed = true;
	return 0;
}

int kc_error_count(const struct kc_ctx *kc)
{
	return kc->errors;
}

int kc_config_warning_count(const struct kc_ctx *kc)
{
	return kc->conf_warnings;
}

int kc_dep_warning_count(const struct kc_ctx *kc)
{
	return kc->dep_warnings;
}


const char *kc_prefix(const struct kc_ctx *kc)
{
	return kc->prefix;
}

enum kc_compat kc_compat(const struct kc_ctx *kc)
{
	return kc->opts.compat;
}

const char *kc_mainmenu(const struct kc_ctx *kc)
{
	if (kc->rootmenu.prompt)
		return kc->rootmenu.prompt->text;
	return kc_kfront(kc) ? "Configuration" : "Main menu";
}

/* ---- menus ---- */

const struct kc_menu *kc_menu_root(const struct kc_ctx *kc)
{
	return &kc->rootmenu;
}

const struct kc_menu *kc_menu_parent(const struct kc_menu *m)
{
	return m->parent;
}

const struct kc_menu *kc_menu_child(const struct kc_menu *m)
{
	return m->list;
}

const struct kc_menu *kc_menu_next(const struct kc_menu *m)
{
	return m->next;
}

enum kc_menu_kind kc_menu_kind(const struct kc_menu *m)
{
	if (!m->parent)
		return KC_M_ROOT;
	if (m->sym)
		return sym_is_choice(m->sym) ? KC_M_CHOICE : KC_M_CONFIG;
	if (!m->prompt)
		return KC_M_IF;
	return m->prompt->type == P_COMMENT ? KC_M_COMMENT : KC_M_MENU;
}

const char *kc_menu_prompt(const struct kc_menu *m)
{
	return m->prompt ? m->prompt->text : NULL;
}

struct kc_sym *kc_menu_sym(const struct kc_menu *m)
{
	return m->sym;
}

const char *kc_menu_help(const struct kc_menu *m)
{
	return m->help ? m->help : "";
}

bool kc_menu_is_menu(const struct kc_menu *m)
{
	return m->prompt && m->prompt->type == P_MENU;
}


bool kc_menu_shown(const struct kc_ctx *kc, const struct kc_menu *m)
{
	return menu_is_visible((struct kc_ctx *)kc, (struct kc_menu *)m);
}

const char *kc_menu_file(const struct kc_menu *m)
{
	return m->file ? m->file->name : "";
}

int kc_menu_line(const struct kc_menu *m)
{
	return m->lineno;
}

/* ---- symbols ---- */

struct kc_sym *kc_sym_find(const struct kc_ctx *kc, const char *name)
{
	struct kc_sym *s = sym_find(kc, name);

	return s && !(s->flags & S_CONST) ? s : NULL;
}

static bool listable(const struct kc_sym *s)
{
	return s->name && !(s->flags & S_CONST) && s->type != KC_UNKNOWN;
}

struct kc_sym *kc_sym_next(const struct kc_ctx *kc, const struct kc_sym *prev)
{
	const struct kc_sym *s;
	unsigned b;

	if (!prev) {
		b = 0;
		s = kc->hash[0];
	} else {
		b = prev->name ? sym_hash(prev->name) : 0;
		s = prev->next;
	}
	for (;;) {
		for (; s; s = s->next)
			if (listable(s))
				return (struct kc_sym *)s;
		if (++b >= KC_HASHSIZE)
			return NULL;
		s = kc->hash[b];
	}
}

const char *kc_sym_name(const struct kc_sym *s)
{
	return s->name;
}

enum kc_type kc_sym_type(const struct kc_sym *s)
{
	return s->type;
}

const char *kc_type_name(enum kc_type t)
{
	return sym_type_name(t);
}

bool kc_sym_is_choice(const struct kc_sym *s)
{
	return sym_is_choice(s);
}

bool kc_sym_is_choice_value(const struct kc_sym *s)
{
	return sym_is_choice_value(s);
}

const struct kc_menu *kc_sym_menu(const struct kc_sym *s)
{
	return s->menu;
}

enum kc_tri kc_sym_tri(struct kc_ctx *kc, struct kc_sym *s)
{
	sym_calc_value(kc, s);
	return s->curr.tri;
}

const char *kc_sym_str(struct kc_ctx *kc, struct kc_sym *s)
{
	sym_calc_value(kc, s);
	return sym_get_string_value(s);
}

enum kc_tri kc_sym_visible(struct kc_ctx *kc, struct kc_sym *s)
{
	sym_calc_value(kc, s);
	return s->visible;
}

bool kc_sym_has_value(const struct kc_sym *s)
{
	return sym_has_value(s);
}

bool kc_sym_changeable(struct kc_ctx *kc, struct kc_sym *s)
{
	sym_calc_value(kc, s);
	return sym_is_changeable(s);
}

bool kc_sym_tri_allowed(struct kc_ctx *kc, struct kc_sym *s, enum kc_tri v)
{
	sym_calc_value(kc, s);
	return sym_tristate_within_range(kc, s, v);
}

bool kc_sym_tri_range(struct kc_ctx *kc, struct kc_sym *s, enum kc_tri *min, enum kc_tri *max)
{
	int lo = -1, hi = -1;

	sym_calc_value(kc, s);
	for (int v = KC_NO; v <= KC_YES; v++) {
		if (sym_tristate_within_range(kc, s, (tri)v) || v == (int)s->curr.tri) {
			if (lo < 0)
				lo = v;
			hi = v;
		}
	}
	*min = (tri)lo;
	*max = (tri)hi;
	return lo != hi;
}

bool kc_sym_set_tri(struct kc_ctx *kc, struct kc_sym *s, enum kc_tri v)
{
	sym_calc_value(kc, s);
	return sym_set_tristate_value(kc, s, v);
}

bool kc_sym_set_str(struct kc_ctx *kc, struct kc_sym *s, const char *v)
{
	sym_calc_value(kc, s);
	return sym_set_string_value(kc, s, v);
}

bool kc_sym_str_valid(struct kc_ctx *kc, struct kc_sym *s, const char *v)
{
	return sym_string_within_range(kc, s, v);
}

struct kc_sym *kc_choice_selected(struct kc_ctx *kc, struct kc_sym *choice)
{
	sym_calc_value(kc, choice);
	return choice->curr.tri == KC_YES ? choice->curr.choice : NULL;
}

struct kc_sym *kc_sym_choice(const struct kc_sym *s)
{
	return s->choice;
}

bool kc_changed(const struct kc_ctx *kc)
{
	return kc->changed;
}

int kc_read_config(struct kc_ctx *kc, const char *path)
{
	return conf_read(kc, path);
}

int kc_merge_config(struct kc_ctx *kc, const char *path)
{
	return conf_read_simple(kc, path, DEF_USER);
}
