// SPDX-License-Identifier: GPL-2.0
/*
 * expr.c - dependency expressions: building, evaluating in tristate logic,
 * comparing, printing.
 *
 * n/m/y are 0/1/2; AND is min, OR is max, NOT is 2-x. Comparisons compare
 * numerically when both sides parse as numbers of their symbol's type, and as
 * strings otherwise, exactly as the kernel does.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static struct expr *expr_new(struct kc_ctx *kc, enum expr_type t)
{
	struct expr *e = arena_alloc(&kc->arena, sizeof(*e));

	e->type = t;
	return e;
}

struct expr *expr_alloc_symbol(struct kc_ctx *kc, struct kc_sym *s)
{
	struct expr *e = expr_new(kc, E_SYMBOL);

	e->left.sym = s;
	return e;
}

struct expr *expr_alloc_one(struct kc_ctx *kc, enum expr_type t, struct expr *sub)
{
	struct expr *e = expr_new(kc, t);

	e->left.expr = sub;
	return e;
}

struct expr *expr_alloc_two(struct kc_ctx *kc, enum expr_type t, struct expr *a, struct expr *b)
{
	struct expr *e = expr_new(kc, t);

	e->left.expr = a;
	e->right.expr = b;
	return e;
}

struct expr *expr_alloc_comp(struct kc_ctx *kc, enum expr_type t, struct kc_sym *a, struct kc_sym *b)
{
	struct expr *e = expr_new(kc, t);

	e->left.sym = a;
	e->right.sym = b;
	return e;
}

struct expr *expr_alloc_and(struct kc_ctx *kc, struct expr *a, struct expr *b)
{
	if (!a)
		return b;
	return b ? expr_alloc_two(kc, E_AND, a, b) : a;
}

struct expr *expr_alloc_or(struct kc_ctx *kc, struct expr *a, struct expr *b)
{
	if (!a)
		return b;
	return b ? expr_alloc_two(kc, E_OR, a, b) : a;
}

static bool is_comparison(enum expr_type t)
{
	return t == E_EQUAL || t == E_UNEQUAL || t == E_LTH || t == E_LEQ || t == E_GTH ||
	       t == E_GEQ || t == E_RANGE;
}

struct expr *expr_copy(struct kc_ctx *kc, const struct expr *e)
{
	struct expr *n;

	if (!e)
		return NULL;
	n = expr_new(kc, e->type);
	switch (e->type) {
	case E_SYMBOL:
		n->left.sym = e->left.sym;
		break;
	case E_NOT:
		n->left.expr = expr_copy(kc, e->left.expr);
		break;
	case E_AND:
	case E_OR:
		n->left.expr = expr_copy(kc, e->left.expr);
		n->right.expr = expr_copy(kc, e->right.expr);
		break;
	default:
		n->left = e->left;
		n->right = e->right;
		break;
	}
	return n;
}

bool expr_eq(const struct expr *a, const struct expr *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->type != b->type)
		return false;
	switch (a->type) {
	case E_SYMBOL:
		return a->left.sym == b->left.sym;
	case E_NOT:
		return expr_eq(a->left.expr, b->left.expr);
	case E_AND:
	case E_OR:
		return (expr_eq(a->left.expr, b->left.expr) && expr_eq(a->right.expr, b->right.expr)) ||
		       (expr_eq(a->left.expr, b->right.expr) && expr_eq(a->right.expr, b->left.expr));
	default:
		return a->left.sym == b->left.sym && a->right.sym == b->right.sym;
	}
}

bool expr_is_yes(const struct expr *e)
{
	return !e || (e->type == E_SYMBOL && e->left.sym->name && !strcmp(e->left.sym->name, "y") &&
		      (e->left.sym->flags & S_CONST));
}

enum kind { K_STRING, K_SIGNED, K_UNSIGNED };

static enum kind parse_number(const char *str, enum kc_type type, long long *s,
			      unsigned long long *u)
{
	char *tail;
	enum kind k;

	errno = 0;
	switch (type) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		*s = !strcmp(str, "n") ? 0 : !strcmp(str, "m") ? 1 : !strcmp(str, "y") ? 2 : -1;
		return K_SIGNED;
	case KC_INT:
		*s = strtoll(str, &tail, 10);
		k = K_SIGNED;
		break;
	case KC_HEX:
		*u = strtoull(str, &tail, 16);
		k = K_UNSIGNED;
		break;
	default:
		*s = strtoll(str, &tail, 0);
		k = K_SIGNED;
		break;
	}
	return !errno && !*tail && tail > str && isxdigit((unsigned char)tail[-1]) ? k : K_STRING;
}

tri expr_calc_value(struct kc_ctx *kc, struct expr *e)
{
	const char *s1, *s2;
	enum kind k1 = K_STRING, k2 = K_STRING;
	long long ls = 0, rs = 0;
	unsigned long long lu = 0, ru = 0;
	int res;

	if (!e)
		return KC_YES;
	switch (e->type) {
	case E_SYMBOL:
		sym_calc_value(kc, e->left.sym);
		return e->left.sym->curr.tri;
	case E_AND:
		return tri_and(expr_calc_value(kc, e->left.expr), expr_calc_value(kc, e->right.expr));
	case E_OR:
		return tri_or(expr_calc_value(kc, e->left.expr), expr_calc_value(kc, e->right.expr));
	case E_NOT:
		return tri_not(expr_calc_value(kc, e->left.expr));
	case E_EQUAL:
	case E_UNEQUAL:
	case E_LTH:
	case E_LEQ:
	case E_GTH:
	case E_GEQ:
		break;
	default:
		return KC_NO;
	}
	sym_calc_value(kc, e->left.sym);
	sym_calc_value(kc, e->right.sym);
	s1 = sym_get_string_value(e->left.sym);
	s2 = sym_get_string_value(e->right.sym);
	if (e->left.sym->type != KC_STRING || e->right.sym->type != KC_STRING) {
		/* the union in the kernel makes u and s alias: mirror that */
		k1 = parse_number(s1, e->left.sym->type, &ls, &lu);
		if (k1 == K_UNSIGNED)
			ls = (long long)lu;
		else
			lu = (unsigned long long)ls;
		k2 = parse_number(s2, e->right.sym->type, &rs, &ru);
		if (k2 == K_UNSIGNED)
			rs = (long long)ru;
		else
			ru = (unsigned long long)rs;
	}
	if (k1 == K_STRING || k2 == K_STRING)
		res = strcmp(s1, s2);
	else if (k1 == K_UNSIGNED || k2 == K_UNSIGNED)
		res = (lu > ru) - (lu < ru);
	else
		res = (ls > rs) - (ls < rs);
	switch (e->type) {
	case E_EQUAL:
		return res ? KC_NO : KC_YES;
	case E_GEQ:
		return res >= 0 ? KC_YES : KC_NO;
	case E_GTH:
		return res > 0 ? KC_YES : KC_NO;
	case E_LEQ:
		return res <= 0 ? KC_YES : KC_NO;
	case E_LTH:
		return res < 0 ? KC_YES : KC_NO;
	default:
		return res ? KC_YES : KC_NO;
	}
}

bool expr_contains_symbol(struct expr *e, struct kc_sym *s)
{
	if (!e)
		return false;
	switch (e->type) {
	case E_AND:
	case E_OR:
		return expr_contains_symbol(e->left.expr, s) || expr_contains_symbol(e->right.expr, s);
	case E_SYMBOL:
		return e->left.sym == s;
	case E_NOT:
		return expr_contains_symbol(e->left.expr, s);
	default:
		if (is_comparison(e->type))
			return e->left.sym == s || e->right.sym == s;
		return false;
	}
}

/* true if `e` can only be true when `s` is set (s, s=y, s=m, s!=n, at AND level). */
bool expr_depends_symbol(struct expr *e, struct kc_sym *s)
{
	if (!e)
		return false;
	switch (e->type) {
	case E_AND:
		return expr_depends_symbol(e->left.expr, s) || expr_depends_symbol(e->right.expr, s);
	case E_SYMBOL:
		return e->left.sym == s;
	case E_EQUAL:
		if (e->left.sym == s) {
			struct kc_sym *r = e->right.sym;

			return r->name && (r->flags & S_CONST) && (!strcmp(r->name, "y") ||
								  !strcmp(r->name, "m"));
		}
		return false;
	case E_UNEQUAL:
		if (e->left.sym == s) {
			struct kc_sym *r = e->right.sym;

			return r->name && (r->flags & S_CONST) && !strcmp(r->name, "n");
		}
		return false;
	default:
		return false;
	}
}

/* Parenthesize a child of type `t` printed under an operator of type `prev`? */
static bool needs_paren(enum expr_type prev, enum expr_type t)
{
	static const int rank[] = {
		[E_NONE] = 0, [E_OR] = 1, [E_AND] = 2, [E_NOT] = 3, [E_EQUAL] = 4, [E_UNEQUAL] = 4,
		[E_LTH] = 5, [E_LEQ] = 5, [E_GTH] = 5, [E_GEQ] = 5, [E_SYMBOL] = 9, [E_RANGE] = 9,
	};

	if (prev == t || prev == E_NONE || t == E_SYMBOL || t == E_RANGE)
		return false;
	if (prev == E_SYMBOL || prev == E_RANGE)
		return false;
	return rank[prev] > rank[t];
}

static void put_sym(struct sbuf *b, struct kc_sym *s, bool with_value)
{
	if (!s->name) {
		sb_puts(b, "<choice>"); /* printed without a value, as the kernel does */
		return;
	}
	sb_puts(b, s->name);
	if (with_value && s->type != KC_UNKNOWN)
		sb_printf(b, " [=%s]", sym_get_string_value(s));
}

static void print_rec(struct sbuf *b, const struct expr *e, enum expr_type prev, bool val)
{
	static const char *const ops[] = { [E_EQUAL] = "=", [E_UNEQUAL] = "!=", [E_LTH] = "<",
					   [E_LEQ] = "<=", [E_GTH] = ">", [E_GEQ] = ">=" };
	bool paren;

	if (!e) {
		sb_puts(b, "y");
		return;
	}
	paren = needs_paren(prev, e->type);
	if (paren)
		sb_putc(b, '(');
	switch (e->type) {
	case E_SYMBOL:
		put_sym(b, e->left.sym, val);
		break;
	case E_NOT:
		sb_putc(b, '!');
		print_rec(b, e->left.expr, E_NOT, val);
		break;
	case E_OR:
		print_rec(b, e->left.expr, E_OR, val);
		sb_puts(b, " || ");
		print_rec(b, e->right.expr, E_OR, val);
		break;
	case E_AND:
		print_rec(b, e->left.expr, E_AND, val);
		sb_puts(b, " && ");
		print_rec(b, e->right.expr, E_AND, val);
		break;
	case E_RANGE:
		sb_putc(b, '[');
		put_sym(b, e->left.sym, val);
		sb_putc(b, ' ');
		put_sym(b, e->right.sym, val);
		sb_putc(b, ']');
		break;
	default:
		if (e->type >= E_EQUAL && e->type <= E_GEQ) {
			put_sym(b, e->left.sym, val);
			sb_puts(b, ops[e->type]);
			put_sym(b, e->right.sym, val);
		}
		break;
	}
	if (paren)
		sb_putc(b, ')');
}

void expr_print(struct sbuf *b, const struct expr *e)
{
	print_rec(b, e, E_NONE, true);
}

void expr_print_plain(struct sbuf *b, const struct expr *e)
{
	print_rec(b, e, E_NONE, false);
}

static void revdep_rec(struct kc_ctx *kc, struct sbuf *b, struct expr *e, tri pr, const char **title)
{
	if (e->type == E_OR) {
		revdep_rec(kc, b, e->left.expr, pr, title);
		revdep_rec(kc, b, e->right.expr, pr, title);
	} else if (expr_calc_value(kc, e) == pr) {
		if (*title) {
			sb_puts(b, *title);
			*title = NULL;
		}
		sb_puts(b, "  - ");
		expr_print(b, e);
		sb_putc(b, '\n');
	}
}

void expr_print_revdep(struct kc_ctx *kc, struct sbuf *b, struct expr *e, tri pr, const char *title)
{
	if (e)
		revdep_rec(kc, b, e, pr, &title);
}
