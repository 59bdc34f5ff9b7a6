// SPDX-License-Identifier: GPL-2.0
/*
 * symbol.c - the symbol table and value computation.
 *
 * A symbol's value is computed lazily (sym_calc_value) and cached until the next
 * change invalidates every symbol (sym_clear_all_valid). The rules, in order:
 * a visible symbol takes the user's value limited by its visibility; otherwise
 * the first default whose condition holds; `imply` raises it within its direct
 * dependencies; `select` raises it unconditionally. Choice values follow their
 * choice's selection when the choice is `y`.
 *
 * Several details look arbitrary but decide byte-identical output and are kept on
 * purpose: the hash function and bucket count (symbol walking order), the cached
 * `modules` value that only changes when MODULES itself is recalculated, and the
 * per-property cached visibility.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static unsigned strhash(const char *s);

unsigned sym_hash(const char *name)
{
	return strhash(name) % KC_HASHSIZE;
}

static unsigned strhash(const char *s)
{
	unsigned h = 2166136261U;

	for (; *s; s++)
		h = (h ^ (unsigned)(int)(signed char)*s) * 0x01000193;
	return h;
}

static struct kc_sym *special(const struct kc_ctx *kc, const char *name)
{
	if (name[0] && !name[1]) {
		switch (name[0]) {
		case 'y':
			return (struct kc_sym *)&kc->sym_yes;
		case 'm':
			return (struct kc_sym *)&kc->sym_mod;
		case 'n':
			return (struct kc_sym *)&kc->sym_no;
		}
	}
	return NULL;
}

struct kc_sym *sym_lookup(struct kc_ctx *kc, const char *name, unsigned flags)
{
	struct kc_sym *s;
	unsigned h = 0;

	if (name) {
		if ((s = special(kc, name)))
			return s;
		h = strhash(name) % KC_HASHSIZE;
		for (s = kc->hash[h]; s; s = s->next) {
			if (s->name && !strcmp(s->name, name) &&
			    (flags ? s->flags & flags : !(s->flags & (S_CONST | S_CHOICE))))
				return s;
		}
	}
	s = arena_alloc(&kc->arena, sizeof(*s));
	s->name = name ? arena_strdup(&kc->arena, name) : NULL;
	s->type = KC_UNKNOWN;
	s->flags = flags;
	s->next = kc->hash[h];
	kc->hash[h] = s;
	return s;
}

struct kc_sym *sym_find(const struct kc_ctx *kc, const char *name)
{
	struct kc_sym *s;

	if (!name)
		return NULL;
	if ((s = special(kc, name)))
		return s;
	for (s = kc->hash[strhash(name) % KC_HASHSIZE]; s; s = s->next)
		if (s->name && !strcmp(s->name, name) && !(s->flags & S_CONST))
			return s;
	return NULL;
}

enum kc_type sym_get_type(const struct kc_ctx *kc, const struct kc_sym *s)
{
	enum kc_type t = s->type;

	if (t == KC_TRISTATE) {
		if (sym_is_choice_value(s) && s->visible == KC_YES)
			t = KC_BOOLEAN;
		else if (kc->modules_val == KC_NO)
			t = KC_BOOLEAN;
	}
	return t;
}

struct kc_sym *prop_get_symbol(const struct prop *p)
{
	if (p->expr && p->expr->type == E_SYMBOL)
		return p->expr->left.sym;
	return NULL;
}

const char *sym_type_name(enum kc_type t)
{
	switch (t) {
	case KC_BOOLEAN:
		return "bool";
	case KC_TRISTATE:
		return "tristate";
	case KC_INT:
		return "integer";
	case KC_HEX:
		return "hex";
	case KC_STRING:
		return "string";
	default:
		return "unknown";
	}
}

const char *prop_type_name(enum prop_type t)
{
	static const char *const names[] = {"unknown", "prompt", "comment", "menu",  "default",
					    "choice",  "select", "imply",   "range", "symbol"};

	return names[t];
}

static struct prop *first_visible(struct kc_ctx *kc, struct kc_sym *s, enum prop_type t)
{
	for (struct prop *p = s->prop; p; p = p->next) {
		if (p->type != t)
			continue;
		p->visible.tri = expr_calc_value(kc, p->visible.expr);
		if (p->visible.tri != KC_NO)
			return p;
	}
	return NULL;
}

struct prop *sym_get_default_prop(struct kc_ctx *kc, struct kc_sym *s)
{
	return first_visible(kc, s, P_DEFAULT);
}

struct prop *sym_get_range_prop(struct kc_ctx *kc, struct kc_sym *s)
{
	return first_visible(kc, s, P_RANGE);
}

static long long range_val(struct kc_ctx *kc, struct kc_sym *s, int base)
{
	sym_calc_value(kc, s);
	if (s->type == KC_INT)
		base = 10;
	else if (s->type == KC_HEX)
		base = 16;
	return strtoll(s->curr.val, NULL, base);
}

static void validate_range(struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_sym *rs;
	struct prop *p;
	long long v, v2;
	int base;

	if (s->type == KC_INT)
		base = 10;
	else if (s->type == KC_HEX)
		base = 16;
	else
		return;
	p = sym_get_range_prop(kc, s);
	if (!p)
		return;
	v = strtoll(s->curr.val, NULL, base);
	rs = p->expr->left.sym;
	v2 = range_val(kc, rs, base);
	if (v >= v2) {
		rs = p->expr->right.sym;
		v2 = range_val(kc, rs, base);
		if (v <= v2)
			return;
	}
	s->curr.val = rs->curr.val;
}

static void set_changed(struct kc_sym *s)
{
	s->flags |= S_CHANGED;
	for (struct prop *p = s->prop; p; p = p->next)
		if (p->menu)
			p->menu->flags |= M_CHANGED;
}

static void set_all_changed(struct kc_ctx *kc)
{
	struct kc_sym *s;
	int i;

	for_all_symbols(kc, i, s) set_changed(s);
}

static tri calc_dep(struct kc_ctx *kc, struct kc_sym *s, struct dep *d, tri none)
{
	tri t = d->expr ? expr_calc_value(kc, d->expr) : none;

	if (t == KC_MOD && sym_get_type(kc, s) == KC_BOOLEAN)
		t = KC_YES;
	if (d->tri != t) {
		d->tri = t;
		set_changed(s);
	}
	return t;
}

void sym_calc_visibility(struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_sym *cs = s->choice;
	tri t = KC_NO;

	for (struct prop *p = s->prop; p; p = p->next) {
		if (!p->text) /* prompts, including menuconfig's P_MENU */
			continue;
		p->visible.tri = expr_calc_value(kc, p->visible.expr);
		/* m-visible tristate choice values are hidden when the choice is y */
		if (cs && s->type == KC_TRISTATE && p->visible.tri == KC_MOD &&
		    cs->curr.tri == KC_YES)
			p->visible.tri = KC_NO;
		t = tri_or(t, p->visible.tri);
	}
	if (t == KC_MOD && (s->type != KC_TRISTATE || kc->modules_val == KC_NO))
		t = KC_YES;
	if (s->visible != t) {
		s->visible = t;
		set_changed(s);
	}
	if (sym_is_choice_value(s))
		return;
	calc_dep(kc, s, &s->dir_dep, KC_YES);
	calc_dep(kc, s, &s->rev_dep, KC_NO);
	calc_dep(kc, s, &s->implied, KC_NO);
}

struct kc_sym *sym_choice_default(struct kc_ctx *kc, struct kc_sym *cs)
{
	for (struct prop *p = cs->prop; p; p = p->next) {
		struct kc_sym *d;

		if (p->type != P_DEFAULT)
			continue;
		p->visible.tri = expr_calc_value(kc, p->visible.expr);
		if (p->visible.tri == KC_NO)
			continue;
		d = prop_get_symbol(p);
		if (d->visible != KC_NO)
			return d;
	}
	for (int i = 0; i < cs->ncvals; i++)
		if (cs->cvals[i]->visible != KC_NO)
			return cs->cvals[i];
	return NULL;
}

static struct kc_sym *calc_choice(struct kc_ctx *kc, struct kc_sym *cs)
{
	unsigned flags = cs->flags;
	struct kc_sym *d;

	for (int i = 0; i < cs->ncvals; i++) {
		d = cs->cvals[i];
		sym_calc_visibility(kc, d);
		if (d->visible != KC_NO)
			flags &= d->flags;
	}
	cs->flags &= flags | ~S_DEF_USER;
	d = cs->def[DEF_USER].choice;
	if (d && d->visible != KC_NO)
		return d;
	d = sym_choice_default(kc, cs);
	if (!d)
		cs->curr.tri = KC_NO;
	return d;
}

static void warn_unmet_dep(struct kc_ctx *kc, struct kc_sym *s)
{
	struct sbuf b = {0};

	sb_printf(&b, "\nWARNING: unmet direct dependencies detected for %s\n", s->name);
	sb_printf(&b, "  Depends on [%c]: ", s->dir_dep.tri == KC_MOD ? 'm' : 'n');
	expr_print(kc, &b, s->dir_dep.expr);
	sb_putc(&b, '\n');
	expr_print_revdep(kc, &b, s->rev_dep.expr, KC_YES, "  Selected by [y]:\n");
	expr_print_revdep(kc, &b, s->rev_dep.expr, KC_MOD, "  Selected by [m]:\n");
	/* the kernel prints this block with fputs: drop our own final newline */
	if (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = 0;
	kc_diag_raw(kc, KC_DIAG_INFO, b.s);
	sb_free(&b);
	kc->dep_warnings++;
}

static bool symval_eq(const struct symval *a, const struct symval *b)
{
	return a->val == b->val && a->tri == b->tri && a->choice == b->choice;
}

void sym_calc_value(struct kc_ctx *kc, struct kc_sym *s)
{
	struct symval newval, oldval;
	struct prop *p;

	if (!s || (s->flags & S_VALID))
		return;
	if (sym_is_choice_value(s) && (s->flags & S_NEED_SET_CHOICE_VALUES)) {
		s->flags &= ~S_NEED_SET_CHOICE_VALUES;
		sym_calc_value(kc, s->choice);
	}
	s->flags |= S_VALID;
	oldval = s->curr;

	switch (s->type) {
	case KC_INT:
	case KC_HEX:
	case KC_STRING:
		newval = kc->sym_empty.curr;
		break;
	case KC_BOOLEAN:
	case KC_TRISTATE:
		newval = kc->sym_no.curr;
		break;
	default:
		s->curr.val = s->name;
		s->curr.tri = KC_NO;
		return;
	}
	s->flags &= ~S_WRITE;
	sym_calc_visibility(kc, s);
	if (s->visible != KC_NO)
		s->flags |= S_WRITE;
	/* the value seen by recursive references */
	s->curr = newval;

	switch (sym_get_type(kc, s)) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		if (sym_is_choice_value(s) && s->visible == KC_YES) {
			newval.tri = s->choice->curr.choice == s ? KC_YES : KC_NO;
		} else {
			if (s->visible != KC_NO && sym_has_value(s)) {
				newval.tri = tri_and(s->def[DEF_USER].tri, s->visible);
				goto calc_newval;
			}
			if (s->rev_dep.tri != KC_NO)
				s->flags |= S_WRITE;
			if (!sym_is_choice(s)) {
				p = sym_get_default_prop(kc, s);
				if (p) {
					newval.tri =
					    tri_and(expr_calc_value(kc, p->expr), p->visible.tri);
					if (newval.tri != KC_NO)
						s->flags |= S_WRITE;
				}
				if (s->implied.tri != KC_NO) {
					s->flags |= S_WRITE;
					newval.tri = tri_or(newval.tri, s->implied.tri);
					newval.tri = tri_and(newval.tri, s->dir_dep.tri);
				}
			}
		calc_newval:
			if (s->dir_dep.tri < s->rev_dep.tri)
				warn_unmet_dep(kc, s);
			newval.tri = tri_or(newval.tri, s->rev_dep.tri);
		}
		if (newval.tri == KC_MOD && sym_get_type(kc, s) == KC_BOOLEAN)
			newval.tri = KC_YES;
		break;
	case KC_STRING:
	case KC_HEX:
	case KC_INT:
		if (s->visible != KC_NO && sym_has_value(s)) {
			newval.val = s->def[DEF_USER].val;
			break;
		}
		p = sym_get_default_prop(kc, s);
		if (p) {
			struct kc_sym *ds = prop_get_symbol(p);

			if (ds) {
				s->flags |= S_WRITE;
				sym_calc_value(kc, ds);
				newval.val = ds->curr.val;
			}
		}
		break;
	default:
		break;
	}

	s->curr = newval;
	if (sym_is_choice(s) && newval.tri == KC_YES)
		s->curr.choice = calc_choice(kc, s);
	validate_range(kc, s);

	if (!symval_eq(&oldval, &s->curr)) {
		set_changed(s);
		if (kc->modules_sym == s) {
			set_all_changed(kc);
			kc->modules_val = s->curr.tri;
		}
	}
	if (sym_is_choice(s)) {
		for (int i = 0; i < s->ncvals; i++) {
			struct kc_sym *cv = s->cvals[i];

			if ((s->flags & S_WRITE) && cv->visible != KC_NO)
				cv->flags |= S_WRITE;
			if (s->flags & S_CHANGED)
				set_changed(cv);
		}
	}
	if (s->flags & S_NO_WRITE)
		s->flags &= ~S_WRITE;
	if (s->flags & S_NEED_SET_CHOICE_VALUES)
		set_all_choice_values(kc, s);
}

void set_all_choice_values(struct kc_ctx *kc, struct kc_sym *cs)
{
	(void)kc;
	for (int i = 0; i < cs->ncvals; i++)
		if (!sym_has_value(cs->cvals[i]))
			cs->cvals[i]->def[DEF_USER].tri = KC_NO;
	cs->flags |= S_DEF_USER;
	cs->flags &= ~(S_VALID | S_NEED_SET_CHOICE_VALUES);
}

void sym_clear_all_valid(struct kc_ctx *kc)
{
	struct kc_sym *s;
	int i;

	for_all_symbols(kc, i, s) s->flags &= ~S_VALID;
	kc->changed = true;
	sym_calc_value(kc, kc->modules_sym);
}

bool sym_tristate_within_range(struct kc_ctx *kc, struct kc_sym *s, tri v)
{
	enum kc_type t = sym_get_type(kc, s);

	if (s->visible == KC_NO)
		return false;
	if (t != KC_BOOLEAN && t != KC_TRISTATE)
		return false;
	if (t == KC_BOOLEAN && v == KC_MOD)
		return false;
	if (s->visible <= s->rev_dep.tri)
		return false;
	if (sym_is_choice_value(s) && s->visible == KC_YES)
		return v == KC_YES;
	return v >= s->rev_dep.tri && v <= s->visible;
}

bool sym_set_tristate_value(struct kc_ctx *kc, struct kc_sym *s, tri v)
{
	tri old = s->curr.tri;

	if (old != v && !sym_tristate_within_range(kc, s, v))
		return false;
	if (!(s->flags & S_DEF_USER)) {
		s->flags |= S_DEF_USER;
		set_changed(s);
	}
	/* choosing a choice value also settles the choice and its other values */
	if (sym_is_choice_value(s) && v == KC_YES) {
		struct kc_sym *cs = s->choice;

		cs->def[DEF_USER].choice = s;
		cs->flags |= S_DEF_USER;
		for (int i = 0; i < cs->ncvals; i++)
			if (cs->cvals[i]->visible != KC_NO)
				cs->cvals[i]->flags |= S_DEF_USER;
	}
	s->def[DEF_USER].tri = v;
	if (old != v)
		sym_clear_all_valid(kc);
	return true;
}

bool sym_string_valid(struct kc_sym *s, const char *str)
{
	signed char ch;

	switch (s->type) {
	case KC_STRING:
		return true;
	case KC_INT:
		ch = *str++;
		if (ch == '-')
			ch = *str++;
		if (!isdigit((unsigned char)ch))
			return false;
		if (ch == '0' && *str != 0)
			return false;
		while ((ch = *str++))
			if (!isdigit((unsigned char)ch))
				return false;
		return true;
	case KC_HEX:
		if (str[0] == '0' && (str[1] == 'x' || str[1] == 'X'))
			str += 2;
		ch = *str++;
		do {
			if (!isxdigit((unsigned char)ch))
				return false;
		} while ((ch = *str++));
		return true;
	case KC_BOOLEAN:
	case KC_TRISTATE:
		return strchr("yYmMnN", str[0]) && str[0];
	default:
		return false;
	}
}

bool sym_string_within_range(struct kc_ctx *kc, struct kc_sym *s, const char *str)
{
	struct prop *p;
	long long v;
	int base;

	switch (s->type) {
	case KC_STRING:
		return sym_string_valid(s, str);
	case KC_INT:
	case KC_HEX:
		if (!sym_string_valid(s, str))
			return false;
		p = sym_get_range_prop(kc, s);
		if (!p)
			return true;
		base = s->type == KC_INT ? 10 : 16;
		v = strtoll(str, NULL, base);
		return v >= range_val(kc, p->expr->left.sym, base) &&
		       v <= range_val(kc, p->expr->right.sym, base);
	case KC_BOOLEAN:
	case KC_TRISTATE:
		switch (str[0]) {
		case 'y':
		case 'Y':
			return sym_tristate_within_range(kc, s, KC_YES);
		case 'm':
		case 'M':
			return sym_tristate_within_range(kc, s, KC_MOD);
		case 'n':
		case 'N':
			return sym_tristate_within_range(kc, s, KC_NO);
		}
		return false;
	default:
		return false;
	}
}

bool sym_set_string_value(struct kc_ctx *kc, struct kc_sym *s, const char *nv)
{
	const char *old;
	char *v;

	switch (s->type) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		switch (nv[0]) {
		case 'y':
		case 'Y':
			return sym_set_tristate_value(kc, s, KC_YES);
		case 'm':
		case 'M':
			return sym_set_tristate_value(kc, s, KC_MOD);
		case 'n':
		case 'N':
			return sym_set_tristate_value(kc, s, KC_NO);
		}
		return false;
	default:
		break;
	}
	if (!sym_string_within_range(kc, s, nv))
		return false;
	if (!(s->flags & S_DEF_USER)) {
		s->flags |= S_DEF_USER;
		set_changed(s);
	}
	old = s->def[DEF_USER].val;
	if (s->type == KC_HEX && (nv[0] != '0' || (nv[1] != 'x' && nv[1] != 'X'))) {
		v = arena_alloc(&kc->arena, strlen(nv) + 3);
		v[0] = '0';
		v[1] = 'x';
		strcpy(v + 2, nv);
	} else if (!old || strcmp(old, nv)) {
		v = arena_strdup(&kc->arena, nv);
	} else {
		return true;
	}
	s->def[DEF_USER].val = v;
	sym_clear_all_valid(kc);
	return true;
}

const char *sym_get_string_value(struct kc_sym *s)
{
	switch (s->type) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		return s->curr.tri == KC_NO ? "n" : s->curr.tri == KC_MOD ? "m" : "y";
	default:
		return s->curr.val;
	}
}

const char *sym_get_string_default(struct kc_ctx *kc, struct kc_sym *s)
{
	const char *str = kc->sym_empty.curr.val;
	tri v = KC_NO;
	struct prop *p;

	sym_calc_visibility(kc, s);
	sym_calc_value(kc, kc->modules_sym);
	p = sym_get_default_prop(kc, s);
	if (p) {
		if (s->type == KC_BOOLEAN || s->type == KC_TRISTATE) {
			v = tri_and(expr_calc_value(kc, p->expr), p->visible.tri);
		} else {
			struct kc_sym *ds = prop_get_symbol(p);

			if (ds) {
				sym_calc_value(kc, ds);
				str = ds->curr.val;
			}
		}
	}
	v = tri_or(v, s->rev_dep.tri);
	if (v == KC_MOD && !sym_is_choice_value(s) && kc->modules_sym->curr.tri == KC_NO)
		v = KC_YES;
	if (s->type == KC_BOOLEAN && v == KC_MOD)
		v = KC_YES;
	if (v < s->implied.tri)
		v = s->implied.tri;
	switch (s->type) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		return v == KC_NO ? "n" : v == KC_MOD ? "m" : "y";
	case KC_INT:
	case KC_HEX:
	case KC_STRING:
		return str;
	default:
		return "";
	}
}

/* ---- recursive dependency detection ---- */

struct dep_stack {
	struct dep_stack *prev, *next;
	struct kc_sym *sym;
	struct prop *prop;
	struct expr **expr;
};

static void stack_push(struct kc_ctx *kc, struct dep_stack *st, struct kc_sym *s)
{
	memset(st, 0, sizeof(*st));
	if (kc->check_top)
		kc->check_top->next = st;
	st->prev = kc->check_top;
	st->sym = s;
	kc->check_top = st;
}

static void stack_pop(struct kc_ctx *kc)
{
	kc->check_top = kc->check_top->prev;
	if (kc->check_top)
		kc->check_top->next = NULL;
}

static const char *nm(const struct kc_sym *s)
{
	return s->name ? s->name : "<choice>";
}

static void print_recursive(struct kc_ctx *kc, struct kc_sym *last)
{
	struct dep_stack *st, cv;
	struct kc_menu *menu = NULL;
	struct sbuf b = {0};

	if (sym_is_choice_value(last)) {
		stack_push(kc, &cv, last);
		last = last->choice;
	}
	for (st = kc->check_top; st; st = st->prev)
		if (st->sym == last)
			break;
	if (!st) {
		kc_diag_raw(kc, KC_DIAG_ERROR, "unexpected recursive dependency error");
		goto out;
	}
	for (; st; st = st->next) {
		struct kc_sym *s = st->sym;
		struct kc_sym *next = st->next ? st->next->sym : last;
		struct prop *p = st->prop ? st->prop : s->prop;

		if (sym_is_choice(s) || sym_is_choice_value(s)) {
			for (p = s->prop; p; p = p->next) {
				menu = p->menu;
				if (p->menu)
					break;
			}
		}
		if (st->sym == last)
			sb_printf(&b, "%s:%d:error: recursive dependency detected!\n",
				  p->file->name, p->lineno);
		if (sym_is_choice(s))
			sb_printf(&b, "%s:%d:\tchoice %s contains symbol %s\n", menu->file->name,
				  menu->lineno, nm(s), nm(next));
		else if (sym_is_choice_value(s))
			sb_printf(&b, "%s:%d:\tsymbol %s is part of choice %s\n", menu->file->name,
				  menu->lineno, nm(s), nm(next));
		else if (st->expr == &s->dir_dep.expr)
			sb_printf(&b, "%s:%d:\tsymbol %s depends on %s\n", p->file->name, p->lineno,
				  nm(s), nm(next));
		else if (st->expr == &s->rev_dep.expr)
			sb_printf(&b, "%s:%d:\tsymbol %s is selected by %s\n", p->file->name,
				  p->lineno, nm(s), nm(next));
		else if (st->expr == &s->implied.expr)
			sb_printf(&b, "%s:%d:\tsymbol %s is implied by %s\n", p->file->name,
				  p->lineno, nm(s), nm(next));
		else if (st->expr)
			sb_printf(&b, "%s:%d:\tsymbol %s %s value contains %s\n", p->file->name,
				  p->lineno, nm(s), prop_type_name(p->type), nm(next));
		else
			sb_printf(&b, "%s:%d:\tsymbol %s %s is visible depending on %s\n",
				  p->file->name, p->lineno, nm(s), prop_type_name(p->type),
				  nm(next));
	}
	sb_puts(&b, "For a resolution refer to Documentation/kbuild/kconfig-language.rst\n"
		    "subsection \"Kconfig recursive dependency limitations\"\n");
	kc_diag_raw(kc, KC_DIAG_ERROR, b.s);
	sb_free(&b);
out:
	if (kc->check_top == &cv)
		stack_pop(kc);
}

static struct kc_sym *check_deps(struct kc_ctx *kc, struct kc_sym *s);

static struct kc_sym *check_expr_deps(struct kc_ctx *kc, struct expr *e)
{
	struct kc_sym *s;

	if (!e)
		return NULL;
	switch (e->type) {
	case E_OR:
	case E_AND:
		s = check_expr_deps(kc, e->left.expr);
		return s ? s : check_expr_deps(kc, e->right.expr);
	case E_NOT:
		return check_expr_deps(kc, e->left.expr);
	case E_EQUAL:
	case E_GEQ:
	case E_GTH:
	case E_LEQ:
	case E_LTH:
	case E_UNEQUAL:
		s = check_deps(kc, e->left.sym);
		return s ? s : check_deps(kc, e->right.sym);
	case E_SYMBOL:
		return check_deps(kc, e->left.sym);
	default:
		return NULL;
	}
}

static struct kc_sym *check_sym_deps(struct kc_ctx *kc, struct kc_sym *s)
{
	struct dep_stack st;
	struct kc_sym *s2;

	stack_push(kc, &st, s);
	st.expr = &s->dir_dep.expr;
	if ((s2 = check_expr_deps(kc, s->dir_dep.expr)))
		goto out;
	st.expr = &s->rev_dep.expr;
	if ((s2 = check_expr_deps(kc, s->rev_dep.expr)))
		goto out;
	st.expr = &s->implied.expr;
	if ((s2 = check_expr_deps(kc, s->implied.expr)))
		goto out;
	st.expr = NULL;
	for (struct prop *p = s->prop; p; p = p->next) {
		if (p->type == P_CHOICE || p->type == P_SELECT || p->type == P_IMPLY)
			continue;
		st.prop = p;
		if ((s2 = check_expr_deps(kc, p->visible.expr)))
			break;
		if (p->type != P_DEFAULT || sym_is_choice(s))
			continue;
		st.expr = &p->expr;
		if ((s2 = check_expr_deps(kc, p->expr)))
			break;
		st.expr = NULL;
	}
out:
	stack_pop(kc);
	return s2;
}

static struct kc_sym *check_choice_deps(struct kc_ctx *kc, struct kc_sym *cs)
{
	struct dep_stack st;
	struct kc_sym *s2;
	int i;

	stack_push(kc, &st, cs);
	for (i = 0; i < cs->ncvals; i++)
		cs->cvals[i]->flags |= S_CHECK | S_CHECKED;
	cs->flags |= S_CHECK | S_CHECKED;
	s2 = check_sym_deps(kc, cs);
	cs->flags &= ~S_CHECK;
	if (!s2) {
		for (i = 0; i < cs->ncvals; i++)
			if ((s2 = check_sym_deps(kc, cs->cvals[i])))
				break;
	}
	for (i = 0; i < cs->ncvals; i++)
		cs->cvals[i]->flags &= ~S_CHECK;
	if (s2 && sym_is_choice_value(s2) && s2->choice == cs)
		s2 = cs;
	stack_pop(kc);
	return s2;
}

static struct kc_sym *check_deps(struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_sym *s2;

	if (s->flags & S_CHECK) {
		print_recursive(kc, s);
		return s;
	}
	if (s->flags & S_CHECKED)
		return NULL;
	if (sym_is_choice_value(s)) {
		struct dep_stack st;

		stack_push(kc, &st, s);
		s2 = check_deps(kc, s->choice);
		stack_pop(kc);
	} else if (sym_is_choice(s)) {
		s2 = check_choice_deps(kc, s);
	} else {
		s->flags |= S_CHECK | S_CHECKED;
		s2 = check_sym_deps(kc, s);
		s->flags &= ~S_CHECK;
	}
	return s2;
}

int sym_check_all_deps(struct kc_ctx *kc)
{
	struct kc_sym *s;
	int i, n = 0;

	for_all_symbols(kc, i, s) if (check_deps(kc, s)) n++;
	return n;
}
