// SPDX-License-Identifier: GPL-2.0
/*
 * menu.c - the menu tree: building it while parsing, and finalizing it.
 *
 * Finalizing propagates each block's dependencies (menu, if, choice) into the
 * conditions of every property below it, collects `select`/`imply` into the
 * reverse dependencies of their targets, turns consecutive entries that depend
 * on a symbol into its submenu (so menuconfig shows them indented), flattens
 * `if` blocks, and registers choice values.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void vwarn_at(struct kc_ctx *kc, const char *file, int line, const char *fmt, va_list ap)
{
	struct sbuf b = {0};
	char tmp[1024];

	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	sb_printf(&b, "%s:%d:warning: %s", file, line, tmp);
	kc_diag_raw(kc, KC_DIAG_WARNING, b.s);
	sb_free(&b);
}

void menu_warn(struct kc_ctx *kc, struct kc_menu *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(kc, m->file->name, m->lineno, fmt, ap);
	va_end(ap);
}

void prop_warn(struct kc_ctx *kc, struct prop *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(kc, p->file->name, p->lineno, fmt, ap);
	va_end(ap);
}

void menu_init(struct kc_ctx *kc)
{
	kc->cur_entry = kc->cur_menu = &kc->rootmenu;
	kc->last_entry_ptr = &kc->rootmenu.list;
}

void menu_add_entry(struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_menu *m = arena_alloc(&kc->arena, sizeof(*m));

	m->sym = s;
	m->parent = kc->cur_menu;
	m->file = kc->cur_file ? kc->cur_file : kc->top_file;
	m->lineno = kc->cur_lineno;
	*kc->last_entry_ptr = m;
	kc->last_entry_ptr = &m->next;
	kc->cur_entry = m;
	if (s) {
		if (!s->menu)
			s->menu = m;
		menu_add_symbol(kc, P_SYMBOL, s, NULL);
	}
}

struct kc_menu *menu_add_menu(struct kc_ctx *kc)
{
	kc->last_entry_ptr = &kc->cur_entry->list;
	kc->cur_menu = kc->cur_entry;
	return kc->cur_menu;
}

void menu_end_menu(struct kc_ctx *kc)
{
	kc->last_entry_ptr = &kc->cur_menu->next;
	kc->cur_menu = kc->cur_menu->parent;
}

/* 'm' becomes 'm && MODULES', so it is 'n' when modules are off. */
static struct expr *rewrite_m(struct kc_ctx *kc, struct expr *e)
{
	if (!e)
		return e;
	switch (e->type) {
	case E_NOT:
		e->left.expr = rewrite_m(kc, e->left.expr);
		break;
	case E_OR:
	case E_AND:
		e->left.expr = rewrite_m(kc, e->left.expr);
		e->right.expr = rewrite_m(kc, e->right.expr);
		break;
	case E_SYMBOL:
		if (e->left.sym == &kc->sym_mod)
			return expr_alloc_and(kc, e, expr_alloc_symbol(kc, kc->modules_sym));
		break;
	default:
		break;
	}
	return e;
}

void menu_add_dep(struct kc_ctx *kc, struct expr *dep)
{
	kc->cur_entry->dep = expr_alloc_and(kc, kc->cur_entry->dep, dep);
}

static const char *type_name(enum kc_type t)
{
	return sym_type_name(t);
}

void menu_set_type(struct kc_ctx *kc, enum kc_type t)
{
	struct kc_sym *s = kc->cur_entry->sym;

	if (s->type == t)
		return;
	if (s->type == KC_UNKNOWN) {
		s->type = t;
		return;
	}
	menu_warn(kc, kc->cur_entry, "ignoring type redefinition of '%s' from '%s' to '%s'",
		  s->name ? s->name : "<choice>", type_name(s->type), type_name(t));
}

static struct prop *menu_add_prop(struct kc_ctx *kc, enum prop_type t, struct expr *e,
				  struct expr *dep)
{
	struct prop *p = arena_alloc(&kc->arena, sizeof(*p));

	p->type = t;
	p->file = kc->cur_file ? kc->cur_file : kc->top_file;
	p->lineno = kc->cur_lineno;
	p->menu = kc->cur_entry;
	p->expr = e;
	p->visible.expr = dep;
	if (kc->cur_entry->sym) {
		struct prop **pp = &kc->cur_entry->sym->prop;

		while (*pp)
			pp = &(*pp)->next;
		*pp = p;
	}
	return p;
}

struct prop *menu_add_prompt(struct kc_ctx *kc, enum prop_type t, const char *text,
			     struct expr *dep)
{
	struct prop *p = menu_add_prop(kc, t, NULL, dep);

	if (isspace((unsigned char)*text)) {
		prop_warn(kc, p, "leading whitespace ignored");
		while (isspace((unsigned char)*text))
			text++;
	}
	if (kc->cur_entry->prompt)
		prop_warn(kc, p, "prompt redefined");
	/* the enclosing menus' `visible if` limit every prompt below them */
	if (t == P_PROMPT) {
		for (struct kc_menu *m = kc->cur_entry->parent; m; m = m->parent) {
			if (!m->visibility)
				continue;
			p->visible.expr =
			    expr_alloc_and(kc, p->visible.expr, expr_copy(kc, m->visibility));
		}
	}
	kc->cur_entry->prompt = p;
	p->text = text;
	return p;
}

void menu_add_visibility(struct kc_ctx *kc, struct expr *e)
{
	kc->cur_entry->visibility = expr_alloc_and(kc, kc->cur_entry->visibility, e);
}

void menu_add_expr(struct kc_ctx *kc, enum prop_type t, struct expr *e, struct expr *dep)
{
	menu_add_prop(kc, t, e, dep);
}

void menu_add_symbol(struct kc_ctx *kc, enum prop_type t, struct kc_sym *s, struct expr *dep)
{
	menu_add_prop(kc, t, expr_alloc_symbol(kc, s), dep);
}

static bool validate_number(struct kc_sym *s, struct kc_sym *s2)
{
	return s2->type == KC_INT || s2->type == KC_HEX ||
	       (s2->type == KC_UNKNOWN && sym_string_valid(s, s2->name));
}

static void check_props(struct kc_ctx *kc, struct kc_sym *s)
{
	for (struct prop *p = s->prop; p; p = p->next) {
		struct kc_sym *s2;
		const char *use;

		switch (p->type) {
		case P_DEFAULT:
			if ((s->type == KC_STRING || s->type == KC_INT || s->type == KC_HEX) &&
			    p->expr->type != E_SYMBOL)
				prop_warn(kc, p,
					  "default for config symbol '%s' must be a single symbol",
					  s->name);
			if (p->expr->type != E_SYMBOL)
				break;
			s2 = prop_get_symbol(p);
			if ((s->type == KC_HEX || s->type == KC_INT) && !validate_number(s, s2))
				prop_warn(kc, p, "'%s': number is invalid", s->name);
			if (sym_is_choice(s) && (!sym_is_choice_value(s2) || s2->choice != s))
				prop_warn(
				    kc, p,
				    "choice default symbol '%s' is not contained in the choice",
				    s2->name);
			break;
		case P_SELECT:
		case P_IMPLY:
			use = p->type == P_SELECT ? "select" : "imply";
			s2 = prop_get_symbol(p);
			if (s->type != KC_BOOLEAN && s->type != KC_TRISTATE)
				prop_warn(kc, p,
					  "config symbol '%s' uses %s, but is not bool or tristate",
					  s->name, use);
			else if (s2->type != KC_UNKNOWN && s2->type != KC_BOOLEAN &&
				 s2->type != KC_TRISTATE)
				prop_warn(kc, p,
					  "'%s' has wrong type. '%s' only accept arguments of bool "
					  "and tristate type",
					  s2->name, use);
			break;
		case P_RANGE:
			if (s->type != KC_INT && s->type != KC_HEX)
				prop_warn(kc, p, "range is only allowed for int or hex symbols");
			if (!validate_number(s, p->expr->left.sym) ||
			    !validate_number(s, p->expr->right.sym))
				prop_warn(kc, p, "range is invalid");
			break;
		default:
			break;
		}
	}
}

/* Collect the AND-terms of e. */
static int and_terms(struct expr *e, struct expr **out, int n, int max)
{
	if (!e || n >= max)
		return n;
	if (e->type == E_AND) {
		n = and_terms(e->left.expr, out, n, max);
		return and_terms(e->right.expr, out, n, max);
	}
	out[n++] = e;
	return n;
}

/*
 * Is `dep` a superset of `base`: does it contain every AND-term of base? Then an
 * entry with `dep` still belongs under the symbol whose prompt condition is base.
 */
static bool dep_has_all_terms(struct expr *dep, struct expr *base)
{
	struct expr *bt[64], *dt[256];
	int nb = and_terms(base, bt, 0, 64), nd = and_terms(dep, dt, 0, 256);

	for (int i = 0; i < nb; i++) {
		bool found = false;

		if (bt[i]->type == E_SYMBOL && bt[i]->left.sym->name &&
		    !strcmp(bt[i]->left.sym->name, "y") && (bt[i]->left.sym->flags & S_CONST))
			continue;
		for (int j = 0; j < nd && !found; j++)
			found = expr_eq(bt[i], dt[j]);
		if (!found)
			return false;
	}
	return true;
}

static void add_choice_value(struct kc_ctx *kc, struct kc_sym *cs, struct kc_sym *s)
{
	if (cs->ncvals == cs->acvals) {
		int n = cs->acvals ? cs->acvals * 2 : 8;
		struct kc_sym **v = arena_alloc(&kc->arena, (size_t)n * sizeof(*v));

		if (cs->ncvals)
			memcpy(v, cs->cvals, (size_t)cs->ncvals * sizeof(*v));
		cs->cvals = v;
		cs->acvals = n;
	}
	cs->cvals[cs->ncvals++] = s;
	s->choice = cs;
}

/*
 * menu_finalize turns the tree as written into the tree front ends and evaluation use, in
 * the kernel's order, because the order is visible in the output (the .config's layout, the
 * wording of warnings):
 *
 * First, a choice's type comes from its first typed value, since a choice is usually written
 * without one. Then the conditions of enclosing menus, `if` blocks and choices are pushed
 * down into every property of every child: after this a symbol carries everything that
 * decides its visibility and defaults, so evaluation never needs to look at the tree again.
 * Those expressions are shared, not copied, which keeps a deep tree linear in memory.
 *
 * Next come the automatic submenus: an entry that depends on the symbol right above it is
 * moved under it. The kernel's menuconfig indents such entries, and the .config lists them
 * in that order, so the move must happen exactly when the kernel's would. `if` blocks and
 * the children of prompt-less entries are then flattened into their parent.
 *
 * Last, what other symbols learn from this one: `select` and `imply` become reverse
 * dependencies of their targets (evaluation asks "who forces me on?"), and a visible choice
 * that is not `optional` is modelled as selected to at least m, which is how the kernel keeps
 * it from being n.
 */
void menu_finalize(struct kc_ctx *kc, struct kc_menu *parent)
{
	struct kc_sym *sym = parent->sym;
	struct kc_menu *menu, *last_menu;
	struct expr *parentdep, *basedep, *dep;
	struct prop *prop;

	if (parent->list) {
		if (sym && sym_is_choice(sym)) {
			if (sym->type == KC_UNKNOWN) {
				/* the first typed choice value decides the choice's type */
				kc->cur_entry = parent;
				for (menu = parent->list; menu; menu = menu->next) {
					if (menu->sym && menu->sym->type != KC_UNKNOWN) {
						menu_set_type(kc, menu->sym->type);
						break;
					}
				}
			}
			for (menu = parent->list; menu; menu = menu->next) {
				kc->cur_entry = menu;
				if (menu->sym && menu->sym->type == KC_UNKNOWN)
					menu_set_type(kc, sym->type);
			}
			/* the choice's mode bounds its values' visibility */
			parentdep = expr_alloc_symbol(kc, sym);
		} else {
			parentdep = parent->dep;
		}

		for (menu = parent->list; menu; menu = menu->next) {
			basedep = rewrite_m(kc, menu->dep);
			/* expressions are never mutated once built: share, don't copy */
			basedep = expr_alloc_and(kc, parentdep, basedep);
			menu->dep = basedep;
			prop = menu->sym ? menu->sym->prop : menu->prompt;
			for (; prop; prop = prop->next) {
				if (prop->menu != menu)
					continue;
				dep = rewrite_m(kc, prop->visible.expr);
				dep = expr_alloc_and(kc, basedep, dep);
				prop->visible.expr = dep;
				if (prop->type == P_SELECT || prop->type == P_IMPLY) {
					struct kc_sym *es = prop_get_symbol(prop);
					struct dep *d =
					    prop->type == P_SELECT ? &es->rev_dep : &es->implied;

					d->expr = expr_alloc_or(
					    kc, d->expr,
					    expr_alloc_and(kc, expr_alloc_symbol(kc, menu->sym),
							   dep));
				}
			}
		}
		for (menu = parent->list; menu; menu = menu->next)
			menu_finalize(kc, menu);
	} else if (sym) {
		/* entries right after sym that depend on it become its submenu */
		basedep = parent->prompt ? parent->prompt->visible.expr : NULL;
		last_menu = NULL;
		for (menu = parent->next; menu; menu = menu->next) {
			dep = menu->prompt ? menu->prompt->visible.expr : menu->dep;
			if (!expr_contains_symbol(dep, sym))
				break;
			if (!expr_depends_symbol(dep, sym) && !dep_has_all_terms(dep, basedep))
				break;
			menu_finalize(kc, menu);
			menu->parent = parent;
			last_menu = menu;
		}
		if (last_menu) {
			parent->list = parent->next;
			parent->next = last_menu->next;
			last_menu->next = NULL;
		}
		sym->dir_dep.expr = expr_alloc_or(kc, sym->dir_dep.expr, parent->dep);
	}
	for (menu = parent->list; menu; menu = menu->next) {
		if (sym && sym_is_choice(sym) && menu->sym && !sym_is_choice_value(menu->sym)) {
			kc->cur_entry = menu;
			menu->sym->flags |= S_CHOICEVAL;
			if (!menu->prompt)
				menu_warn(kc, menu, "choice value must have a prompt");
			for (prop = menu->sym->prop; prop; prop = prop->next) {
				if (prop->type == P_DEFAULT)
					prop_warn(kc, prop,
						  "defaults for choice values not supported");
				if (prop->menu == menu)
					continue;
				if (prop->type == P_PROMPT && prop->menu->parent->sym != sym)
					prop_warn(kc, prop,
						  "choice value used outside its choice group");
			}
			/* non-tristate values of a tristate choice need the choice at y */
			if (sym->type == KC_TRISTATE && menu->sym->type != KC_TRISTATE) {
				basedep = expr_alloc_comp(kc, E_EQUAL, sym, &kc->sym_yes);
				menu->dep = expr_alloc_and(kc, basedep, menu->dep);
				for (prop = menu->sym->prop; prop; prop = prop->next) {
					if (prop->menu != menu)
						continue;
					prop->visible.expr =
					    expr_alloc_and(kc, basedep, prop->visible.expr);
				}
			}
			menu_add_symbol(kc, P_CHOICE, sym, NULL);
			add_choice_value(kc, sym, menu->sym);
		}
		/* flatten `if` blocks and submenus of prompt-less symbols */
		if (menu->list && (!menu->prompt || !menu->prompt->text)) {
			for (last_menu = menu->list;; last_menu = last_menu->next) {
				last_menu->parent = parent;
				if (!last_menu->next)
					break;
			}
			last_menu->next = menu->next;
			menu->next = menu->list;
			menu->list = NULL;
		}
	}
	if (sym && !(sym->flags & S_WARNED)) {
		if (sym->type == KC_UNKNOWN)
			menu_warn(kc, parent, "config symbol defined without type");
		if (sym_is_choice(sym) && !parent->prompt)
			menu_warn(kc, parent, "choice must have a prompt");
		check_props(kc, sym);
		sym->flags |= S_WARNED;
	}
	/* a visible non-optional choice cannot be n: model it as a select of m */
	if (sym && !(sym->flags & S_OPTIONAL) && parent->prompt) {
		sym->rev_dep.expr =
		    expr_alloc_or(kc, sym->rev_dep.expr,
				  expr_alloc_and(kc, parent->prompt->visible.expr,
						 expr_alloc_symbol(kc, &kc->sym_mod)));
	}
}

bool menu_is_visible(struct kc_ctx *kc, struct kc_menu *menu)
{
	struct kc_sym *sym;
	tri visible;

	if (!menu->prompt)
		return false;
	if (menu->visibility && expr_calc_value(kc, menu->visibility) == KC_NO)
		return false;
	sym = menu->sym;
	if (sym) {
		sym_calc_value(kc, sym);
		visible = menu->prompt->visible.tri;
	} else {
		visible = menu->prompt->visible.tri =
		    expr_calc_value(kc, menu->prompt->visible.expr);
	}
	if (visible != KC_NO)
		return true;
	if (!sym || sym->curr.tri == KC_NO)
		return false;
	for (struct kc_menu *c = menu->list; c; c = c->next) {
		if (menu_is_visible(kc, c)) {
			sym->flags |= S_DEF_USER;
			return true;
		}
	}
	return false;
}

const char *menu_get_prompt(const struct kc_menu *m)
{
	if (m->prompt)
		return m->prompt->text;
	if (m->sym)
		return m->sym->name;
	return NULL;
}

/* ---- help text, as `conf` prints it for '?' and --helpnewconfig ---- */

static void dep_str(struct kc_ctx *kc, struct sbuf *b, struct expr *e, const char *prefix)
{
	if (!expr_is_yes(e)) {
		sb_puts(b, prefix);
		expr_print(kc, b, e);
		sb_putc(b, '\n');
	}
}

static void prompt_str(struct kc_ctx *kc, struct sbuf *b, struct prop *p)
{
	struct kc_menu *sub[8], *m;
	int i = 0;

	sb_printf(b, "  Prompt: %s\n", p->text);
	dep_str(kc, b, p->menu->dep, "  Depends on: ");
	if (!expr_eq(p->menu->dep, p->visible.expr))
		dep_str(kc, b, p->visible.expr, "  Visible if: ");
	for (m = p->menu; m != &kc->rootmenu && i < 8; m = m->parent) {
		menu_is_visible(kc, m);
		sub[i++] = m;
	}
	sb_puts(b, "  Location:\n");
	for (int j = 4; --i >= 0; j += 2) {
		m = sub[i];
		sb_printf(b, "%*c-> %s", j, ' ', menu_get_prompt(m));
		if (m->sym)
			sb_printf(b, " (%s [=%s])", m->sym->name ? m->sym->name : "<choice>",
				  sym_get_string_value(m->sym));
		sb_putc(b, '\n');
	}
}

static void props_str(struct kc_ctx *kc, struct sbuf *b, struct kc_sym *s, enum prop_type t,
		      const char *title)
{
	bool hit = false;

	for (struct prop *p = s->prop; p; p = p->next) {
		if (p->type != t)
			continue;
		if (!hit) {
			sb_puts(b, title);
			hit = true;
		} else {
			sb_puts(b, " && ");
		}
		expr_print(kc, b, p->expr);
	}
	(void)kc;
	if (hit)
		sb_putc(b, '\n');
}

static void symbol_str(struct kc_ctx *kc, struct sbuf *b, struct kc_sym *s)
{
	if (s->name) {
		sb_printf(b, "Symbol: %s [=%s]\n", s->name, sym_get_string_value(s));
		sb_printf(b, "Type  : %s\n", sym_type_name(s->type));
		if (s->type == KC_INT || s->type == KC_HEX) {
			struct prop *p = sym_get_range_prop(kc, s);

			if (p) {
				sb_puts(b, "Range : ");
				expr_print(kc, b, p->expr);
				sb_putc(b, '\n');
			}
		}
	}
	/* definitions with a prompt first */
	for (struct prop *p = s->prop; p; p = p->next) {
		if (p->type == P_SYMBOL && p->menu->prompt) {
			sb_printf(b, "Defined at %s:%d\n", p->menu->file->name, p->menu->lineno);
			prompt_str(kc, b, p->menu->prompt);
		}
	}
	for (struct prop *p = s->prop; p; p = p->next) {
		if (p->type == P_SYMBOL && !p->menu->prompt) {
			sb_printf(b, "Defined at %s:%d\n", p->menu->file->name, p->menu->lineno);
			dep_str(kc, b, p->menu->dep, "  Depends on: ");
		}
	}
	props_str(kc, b, s, P_SELECT, "Selects: ");
	if (s->rev_dep.expr) {
		expr_print_revdep(kc, b, s->rev_dep.expr, KC_YES, "Selected by [y]:\n");
		expr_print_revdep(kc, b, s->rev_dep.expr, KC_MOD, "Selected by [m]:\n");
		expr_print_revdep(kc, b, s->rev_dep.expr, KC_NO, "Selected by [n]:\n");
	}
	props_str(kc, b, s, P_IMPLY, "Implies: ");
	if (s->implied.expr) {
		expr_print_revdep(kc, b, s->implied.expr, KC_YES, "Implied by [y]:\n");
		expr_print_revdep(kc, b, s->implied.expr, KC_MOD, "Implied by [m]:\n");
		expr_print_revdep(kc, b, s->implied.expr, KC_NO, "Implied by [n]:\n");
	}
	sb_puts(b, "\n\n");
}

char *kc_menu_help_screen(struct kc_ctx *kc, const struct kc_menu *m)
{
	struct kc_sym *s = m->sym;
	const char *help = "There is no help available for this option.";
	struct sbuf b = {0};

	if (m->help) {
		if (s->name)
			sb_printf(&b, "%s%s:\n\n", kc->prefix, s->name);
		help = m->help;
	}
	sb_printf(&b, "%s\n", help);
	if (s)
		symbol_str(kc, &b, s);
	return sb_steal(&b);
}
