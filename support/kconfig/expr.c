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

struct expr *expr_alloc_comp(struct kc_ctx *kc, enum expr_type t, struct kc_sym *a,
			     struct kc_sym *b)
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
		return (expr_eq(a->left.expr, b->left.expr) &&
			expr_eq(a->right.expr, b->right.expr)) ||
		       (expr_eq(a->left.expr, b->right.expr) &&
			expr_eq(a->right.expr, b->left.expr));
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
		return tri_and(expr_calc_value(kc, e->left.expr),
			       expr_calc_value(kc, e->right.expr));
	case E_OR:
		return tri_or(expr_calc_value(kc, e->left.expr),
			      expr_calc_value(kc, e->right.expr));
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
		return expr_contains_symbol(e->left.expr, s) ||
		       expr_contains_symbol(e->right.expr, s);
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
		return expr_depends_symbol(e->left.expr, s) ||
		       expr_depends_symbol(e->right.expr, s);
	case E_SYMBOL:
		return e->left.sym == s;
	case E_EQUAL:
		if (e->left.sym == s) {
			struct kc_sym *r = e->right.sym;

			return r->name && (r->flags & S_CONST) &&
			       (!strcmp(r->name, "y") || !strcmp(r->name, "m"));
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

/*
 * ---- display form ----
 *
 * The kernel simplifies dependency expressions while finalizing menus
 * (expr_transform + expr_eliminate_dups) and prints the simplified form in help
 * texts and warnings. We keep expressions as written (values are the same) and
 * simplify a temporary copy when printing, so the text matches.
 */
static bool is_const(const struct kc_sym *s, char c)
{
	return (s->flags & S_CONST) && s->name && s->name[0] == c && !s->name[1];
}

static struct expr *tnode(struct arena *a, enum expr_type t)
{
	struct expr *e = arena_alloc(a, sizeof(*e));

	e->type = t;
	return e;
}

static struct expr *tsym(struct arena *a, struct kc_sym *s)
{
	struct expr *e = tnode(a, E_SYMBOL);

	e->left.sym = s;
	return e;
}

static struct expr *xform(struct arena *a, const struct expr *e, struct kc_sym *cy,
			  struct kc_sym *cn);

/* NOT of an already transformed expression, with the kernel's rewrites. */
static struct expr *mk_not(struct arena *a, struct expr *x, struct kc_sym *cy, struct kc_sym *cn)
{
	struct expr *e;

	switch (x->type) {
	case E_NOT:
		return x->left.expr;
	case E_EQUAL:
	case E_UNEQUAL:
		e = tnode(a, x->type == E_EQUAL ? E_UNEQUAL : E_EQUAL);
		e->left = x->left;
		e->right = x->right;
		return e;
	case E_LEQ:
	case E_GEQ:
		e = tnode(a, x->type == E_LEQ ? E_GTH : E_LTH);
		e->left = x->left;
		e->right = x->right;
		return e;
	case E_LTH:
	case E_GTH:
		e = tnode(a, x->type == E_LTH ? E_GEQ : E_LEQ);
		e->left = x->left;
		e->right = x->right;
		return e;
	case E_OR:
	case E_AND:
		e = tnode(a, x->type == E_OR ? E_AND : E_OR);
		e->left.expr = mk_not(a, x->left.expr, cy, cn);
		e->right.expr = mk_not(a, x->right.expr, cy, cn);
		return e;
	case E_SYMBOL:
		if (cy && is_const(x->left.sym, 'y') && cn)
			return tsym(a, cn);
		if (cn && is_const(x->left.sym, 'n') && cy)
			return tsym(a, cy);
		if (is_const(x->left.sym, 'm'))
			return x;
		break;
	default:
		break;
	}
	e = tnode(a, E_NOT);
	e->left.expr = x;
	return e;
}

static struct expr *xform(struct arena *a, const struct expr *e, struct kc_sym *cy,
			  struct kc_sym *cn)
{
	struct expr *n;
	struct kc_sym *l, *r;

	if (!e)
		return NULL;
	switch (e->type) {
	case E_AND:
	case E_OR:
		n = tnode(a, e->type);
		n->left.expr = xform(a, e->left.expr, cy, cn);
		n->right.expr = xform(a, e->right.expr, cy, cn);
		return n;
	case E_NOT:
		return mk_not(a, xform(a, e->left.expr, cy, cn), cy, cn);
	case E_EQUAL:
	case E_UNEQUAL:
		l = e->left.sym;
		r = e->right.sym;
		if (l->type == KC_BOOLEAN && (r->flags & S_CONST) && r->name && !r->name[1]) {
			bool eq = e->type == E_EQUAL;

			if (is_const(r, 'y'))
				return eq ? tsym(a, l) : mk_not(a, tsym(a, l), cy, cn);
			if (is_const(r, 'n'))
				return eq ? mk_not(a, tsym(a, l), cy, cn) : tsym(a, l);
			if (is_const(r, 'm') && cy && cn)
				return tsym(a, eq ? cn : cy);
		}
		/* fall through */
	default:
		n = tnode(a, e->type);
		n->left = e->left;
		n->right = e->right;
		return n;
	}
}

static int chain(struct expr *e, enum expr_type t, struct expr ***out, int n, int max)
{
	if (e->type == t) {
		n = chain(e->left.expr, t, out, n, max);
		return chain(e->right.expr, t, out, n, max);
	}
	if (n < max)
		out[n++] = (struct expr **)e;
	return n;
}

static struct expr *eliminate_yn(struct expr *e, struct kc_sym *cy, struct kc_sym *cn);

static bool complements(const struct expr *a, const struct expr *b)
{
	const struct expr *t;

	if (a->type == E_NOT) {
		t = a;
		a = b;
		b = t;
	}
	return a->type == E_SYMBOL && b->type == E_NOT && b->left.expr->type == E_SYMBOL &&
	       b->left.expr->left.sym == a->left.sym && a->left.sym->type == KC_BOOLEAN;
}

/* Drop earlier duplicates in AND/OR chains (the last occurrence stays). */
static int dedupe(struct arena *a, struct expr **ep, struct kc_sym *cy, struct kc_sym *cn)
{
	struct expr *e = *ep, **leaves[512];
	int n, hits = 0;

	if (e->type != E_AND && e->type != E_OR)
		return 0;
	/* collect pointers to the leaf slots of the chain */
	struct expr **stack[512];
	int sp = 0;

	n = 0;
	stack[sp++] = ep;
	while (sp) {
		struct expr **slot = stack[--sp];

		if ((*slot)->type == e->type && sp < 510) {
			stack[sp++] = &(*slot)->right.expr;
			stack[sp++] = &(*slot)->left.expr;
		} else if (n < 512) {
			leaves[n++] = slot;
		}
	}
	for (int i = 0; i < n; i++)
		hits += dedupe(a, leaves[i], cy, cn);
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++) {
			if (expr_eq(*leaves[i], *leaves[j])) {
				*leaves[i] = tsym(a, e->type == E_AND ? cy : cn);
				hits++;
				break;
			}
			if (e->type == E_OR && complements(*leaves[i], *leaves[j])) {
				/* bool A || !A is y */
				*leaves[i] = tsym(a, cn);
				*leaves[j] = tsym(a, cy);
				hits++;
				break;
			}
		}
	(void)chain;
	return hits;
}

static struct expr *eliminate_yn(struct expr *e, struct kc_sym *cy, struct kc_sym *cn)
{
	struct expr *l, *r;

	if (!e || (e->type != E_AND && e->type != E_OR))
		return e;
	l = e->left.expr = eliminate_yn(e->left.expr, cy, cn);
	r = e->right.expr = eliminate_yn(e->right.expr, cy, cn);
	if (e->type == E_AND) {
		if (l->type == E_SYMBOL && l->left.sym == cn)
			return l;
		if (l->type == E_SYMBOL && l->left.sym == cy)
			return r;
		if (r->type == E_SYMBOL && r->left.sym == cn)
			return r;
		if (r->type == E_SYMBOL && r->left.sym == cy)
			return l;
	} else {
		if (l->type == E_SYMBOL && l->left.sym == cn)
			return r;
		if (l->type == E_SYMBOL && l->left.sym == cy)
			return l;
		if (r->type == E_SYMBOL && r->left.sym == cn)
			return l;
		if (r->type == E_SYMBOL && r->left.sym == cy)
			return r;
	}
	return e;
}

/* Simplified copy of e in arena a, for printing only. */
static struct expr *display_form(struct arena *a, const struct expr *e, struct kc_sym *cy,
				 struct kc_sym *cn)
{
	struct expr *x = xform(a, e, cy, cn);

	if (x && cy && cn) {
		while (dedupe(a, &x, cy, cn))
			x = eliminate_yn(x, cy, cn);
	}
	return x;
}

/* Parenthesize a child of type `t` printed under an operator of type `prev`? */
static bool needs_paren(enum expr_type prev, enum expr_type t)
{
	static const int rank[] = {
	    [E_NONE] = 0, [E_OR] = 1,  [E_AND] = 2, [E_NOT] = 3, [E_EQUAL] = 4,	 [E_UNEQUAL] = 4,
	    [E_LTH] = 5,  [E_LEQ] = 5, [E_GTH] = 5, [E_GEQ] = 5, [E_SYMBOL] = 9, [E_RANGE] = 9,
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
	static const char *const ops[] = {[E_EQUAL] = "=", [E_UNEQUAL] = "!=", [E_LTH] = "<",
					  [E_LEQ] = "<=",  [E_GTH] = ">",      [E_GEQ] = ">="};
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

void expr_print_consts(struct sbuf *b, const struct expr *e, bool values, struct kc_sym *cy,
		       struct kc_sym *cn)
{
	struct arena a = {0};

	print_rec(b, display_form(&a, e, cy, cn), E_NONE, values);
	arena_free(&a);
}

void expr_print(struct kc_ctx *kc, struct sbuf *b, const struct expr *e)
{
	expr_print_consts(b, e, true, &kc->sym_yes, &kc->sym_no);
}

void expr_print_plain(struct kc_ctx *kc, struct sbuf *b, const struct expr *e)
{
	expr_print_consts(b, e, false, &kc->sym_yes, &kc->sym_no);
}

static void revdep_rec(struct kc_ctx *kc, struct sbuf *b, struct expr *e, tri pr,
		       const char **title)
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
		if (e->type == E_AND && e->left.expr->type == E_SYMBOL) {
			/* the kernel simplified only the dependency part of "SYM && dep" */
			struct arena a = {0};

			put_sym(b, e->left.expr->left.sym, true);
			sb_puts(b, " && ");
			print_rec(b, display_form(&a, e->right.expr, &kc->sym_yes, &kc->sym_no),
				  E_AND, true);
			arena_free(&a);
		} else {
			expr_print(kc, b, e);
		}
		sb_putc(b, '\n');
	}
}

void expr_print_revdep(struct kc_ctx *kc, struct sbuf *b, struct expr *e, tri pr, const char *title)
{
	if (e)
		revdep_rec(kc, b, e, pr, &title);
}
