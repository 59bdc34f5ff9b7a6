// SPDX-License-Identifier: GPL-2.0
/*
 * explain.c - why a symbol has its value, and what to change to enable it.
 *
 * The explanation names what set the value (user, default, select, imply, choice),
 * lists the unmet `depends on` terms with each operand's current value, and
 * computes a change set: a list of (symbol, value) assignments that turns the
 * symbol on. The change set is searched greedily (for `||`, the cheapest branch)
 * and then verified by applying it to the live configuration and rolling back,
 * so `solvable` is only reported when the engine itself agrees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * The resolver works on the live configuration rather than on a static plan: it
 * sets user values one by one, re-evaluating after each, so defaults, selects and
 * choices react exactly as they will when the change set is applied. Every user
 * value it touches is journaled, so a branch that fails (or costs more than
 * another) is rolled back. Bounds: MAX_DEPTH on the recursion, and a budget of
 * steps per request so that a large tree answers in well under a second.
 */
#define MAX_DEPTH 64
#define STEP_BUDGET 4000
#define MAX_ALTERNATIVES 24

struct jent {
	struct kc_sym *s;
	struct symval def;
	unsigned user;
};

struct solver {
	struct kc_ctx *kc;
	struct jent *j; /* user values before they were changed, for rollback */
	size_t nj, capj;
	struct kc_change *plan; /* every assignment made, in order */
	size_t np, capp;
	struct kc_sym **busy; /* symbols being worked on: a cycle gives up */
	size_t nbusy, capbusy;
	long budget;
};

struct mark {
	size_t nj, np;
	long budget;
};

static void journal(struct solver *sv, struct kc_sym *s)
{
	if (sv->nj == sv->capj) {
		sv->capj = sv->capj ? sv->capj * 2 : 64;
		sv->j = xrealloc(sv->j, sv->capj * sizeof(*sv->j));
	}
	sv->j[sv->nj++] = (struct jent){s, s->def[DEF_USER], s->flags & S_DEF_USER};
}

/* Setting a choice value also sets the choice and marks its siblings: save them all. */
static void journal_sym(struct solver *sv, struct kc_sym *s)
{
	journal(sv, s);
	if (sym_is_choice_value(s) && s->choice) {
		journal(sv, s->choice);
		for (int i = 0; i < s->choice->ncvals; i++)
			journal(sv, s->choice->cvals[i]);
	}
	if (sym_is_choice(s))
		for (int i = 0; i < s->ncvals; i++)
			journal(sv, s->cvals[i]);
}

static struct mark mark(const struct solver *sv)
{
	return (struct mark){sv->nj, sv->np, sv->budget};
}

static void rollback(struct solver *sv, struct mark m)
{
	if (sv->nj == m.nj && sv->np == m.np)
		return;
	while (sv->nj > m.nj) {
		struct jent *e = &sv->j[--sv->nj];

		e->s->def[DEF_USER] = e->def;
		e->s->flags = (e->s->flags & ~S_DEF_USER) | e->user;
	}
	sv->np = m.np;
	sym_clear_all_valid(sv->kc);
}

static bool assign(struct solver *sv, struct kc_sym *s, const char *val)
{
	sym_calc_value(sv->kc, s);
	journal_sym(sv, s);
	if (!sym_set_string_value(sv->kc, s, val))
		return false;
	if (sv->np == sv->capp) {
		sv->capp = sv->capp ? sv->capp * 2 : 16;
		sv->plan = xrealloc(sv->plan, sv->capp * sizeof(*sv->plan));
	}
	sv->plan[sv->np++] = (struct kc_change){s, val};
	return true;
}

static bool busy(struct solver *sv, struct kc_sym *s)
{
	for (size_t i = 0; i < sv->nbusy; i++)
		if (sv->busy[i] == s)
			return true;
	return false;
}

static void busy_push(struct solver *sv, struct kc_sym *s)
{
	if (sv->nbusy == sv->capbusy) {
		sv->capbusy = sv->capbusy ? sv->capbusy * 2 : 32;
		sv->busy = xrealloc(sv->busy, sv->capbusy * sizeof(*sv->busy));
	}
	sv->busy[sv->nbusy++] = s;
}

static bool is_tri(const struct kc_sym *s)
{
	return s->type == KC_BOOLEAN || s->type == KC_TRISTATE;
}

static tri value(struct kc_ctx *kc, struct kc_sym *s)
{
	sym_calc_value(kc, s);
	return s->curr.tri;
}

/* The first prompt of s, or NULL (a symbol only defaults, selects and implies can set). */
static struct prop *first_prompt(struct kc_sym *s)
{
	for (struct prop *p = s->prop; p; p = p->next)
		if (p->text)
			return p;
	return NULL;
}

static bool raise_expr(struct solver *sv, struct expr *e, tri want, int depth);
static bool lower_expr(struct solver *sv, struct expr *e, tri limit, int depth);

typedef bool (*goal_fn)(struct solver *sv, struct expr *e, tri v, int depth);

/* Does the whole of `e` meet the goal (>= v when raising, <= v when lowering)? */
static bool reached(struct kc_ctx *kc, struct expr *e, tri v, goal_fn fn)
{
	tri t = e ? expr_calc_value(kc, e) : KC_YES;

	return fn == raise_expr ? t >= v : t <= v;
}

static size_t flatten(struct expr *e, enum expr_type t, struct expr **v, size_t n, size_t max)
{
	if (e && e->type == t) {
		n = flatten(e->left.expr, t, v, n, max);
		return flatten(e->right.expr, t, v, n, max);
	}
	if (n < max)
		v[n++] = e;
	return n;
}

/*
 * One of several alternatives suffices (the operands of an `||` to raise, of an
 * `&&` to lower, the options selecting a symbol): try each, keep the one that
 * needs the fewest assignments, then redo it.
 */
static bool cheapest(struct solver *sv, struct expr *whole, struct expr **alt, size_t n, tri v,
		     goal_fn fn, int depth)
{
	struct mark m = mark(sv);
	size_t best = n, best_cost = (size_t)-1;
	long best_used = 0;

	for (size_t i = 0; i < n; i++) {
		if (sv->budget <= 0)
			break;
		if (fn(sv, alt[i], v, depth + 1) && reached(sv->kc, whole, v, fn)) {
			size_t cost = sv->np - m.np;

			if (cost < best_cost) {
				best = i;
				best_cost = cost;
				best_used = m.budget - sv->budget;
			}
			if (cost <= 1)
				return true; /* nothing can be cheaper than one assignment */
		}
		rollback(sv, (struct mark){m.nj, m.np, sv->budget});
	}
	if (best == n)
		return false;
	sv->budget += best_used; /* the same steps again: don't pay twice */
	if (fn(sv, alt[best], v, depth + 1) && reached(sv->kc, whole, v, fn))
		return true;
	rollback(sv, m);
	return false;
}

static bool enable_sym(struct solver *sv, struct kc_sym *s, tri want, int depth);
static bool disable_sym(struct solver *sv, struct kc_sym *s, tri limit, int depth);
static bool make_compare(struct solver *sv, struct expr *e, bool truth, int depth);

static bool raise_expr(struct solver *sv, struct expr *e, tri want, int depth)
{
	struct kc_ctx *kc = sv->kc;
	struct expr *alt[MAX_ALTERNATIVES];

	if (!e || expr_calc_value(kc, e) >= want)
		return true;
	if (depth > MAX_DEPTH || --sv->budget < 0)
		return false;
	switch (e->type) {
	case E_AND:
		/* a later operand can undo an earlier one (a shared symbol): retry a little */
		for (int i = 0; i < 3; i++) {
			if (!raise_expr(sv, e->left.expr, want, depth + 1) ||
			    !raise_expr(sv, e->right.expr, want, depth + 1))
				return false;
			if (expr_calc_value(kc, e) >= want)
				return true;
		}
		return false;
	case E_OR:
		return cheapest(sv, e, alt, flatten(e, E_OR, alt, 0, MAX_ALTERNATIVES), want,
				raise_expr, depth);
	case E_NOT:
		return lower_expr(sv, e->left.expr, tri_not(want), depth + 1);
	case E_SYMBOL:
		return enable_sym(sv, e->left.sym, want, depth + 1);
	default:
		return make_compare(sv, e, true, depth + 1);
	}
}

static bool lower_expr(struct solver *sv, struct expr *e, tri limit, int depth)
{
	struct kc_ctx *kc = sv->kc;
	struct expr *alt[MAX_ALTERNATIVES];

	if (!e)
		return limit == KC_YES;
	if (expr_calc_value(kc, e) <= limit)
		return true;
	if (depth > MAX_DEPTH || --sv->budget < 0)
		return false;
	switch (e->type) {
	case E_OR:
		for (int i = 0; i < 3; i++) {
			if (!lower_expr(sv, e->left.expr, limit, depth + 1) ||
			    !lower_expr(sv, e->right.expr, limit, depth + 1))
				return false;
			if (expr_calc_value(kc, e) <= limit)
				return true;
		}
		return false;
	case E_AND:
		return cheapest(sv, e, alt, flatten(e, E_AND, alt, 0, MAX_ALTERNATIVES), limit,
				lower_expr, depth);
	case E_NOT:
		return raise_expr(sv, e->left.expr, tri_not(limit), depth + 1);
	case E_SYMBOL:
		return disable_sym(sv, e->left.sym, limit, depth + 1);
	default:
		return make_compare(sv, e, false, depth + 1);
	}
}

/* Make the prompt of s visible at `want` (its dependencies included). */
static bool show_prompt(struct solver *sv, struct kc_sym *s, tri want, int depth)
{
	struct prop *p = first_prompt(s);

	if (!p)
		return false;
	if (!raise_expr(sv, p->visible.expr, want, depth + 1))
		return false;
	sym_calc_value(sv->kc, s);
	return s->visible >= want;
}

static bool enable_by_prompt(struct solver *sv, struct kc_sym *s, tri want, int depth)
{
	struct kc_ctx *kc = sv->kc;
	tri v = want == KC_MOD && s->type == KC_TRISTATE ? KC_MOD : KC_YES;

	if (!first_prompt(s) || !show_prompt(sv, s, v, depth))
		return false;
	if (s->visible == KC_MOD)
		v = KC_MOD;
	if (value(kc, s) < want && !assign(sv, s, v == KC_MOD ? "m" : "y"))
		return false;
	return value(kc, s) >= want;
}

static bool enable_sym(struct solver *sv, struct kc_sym *s, tri want, int depth)
{
	struct kc_ctx *kc = sv->kc;
	struct expr *alt[MAX_ALTERNATIVES];
	struct mark m;
	bool ok = false;

	if (value(kc, s) >= want || (s->type == KC_BOOLEAN && s->curr.tri == KC_YES))
		return true;
	if ((s->flags & S_CONST) || !is_tri(s) || busy(sv, s) || depth > MAX_DEPTH ||
	    --sv->budget < 0)
		return false;
	busy_push(sv, s);
	m = mark(sv);
	/* 1. its own prompt: make it visible, then set it */
	ok = enable_by_prompt(sv, s, want, depth);
	if (!ok)
		rollback(sv, m);
	/* 2. a default whose condition can be met (for symbols without a usable prompt) */
	for (struct prop *d = s->prop; !ok && d; d = d->next) {
		if (d->type != P_DEFAULT)
			continue;
		ok = raise_expr(sv, d->visible.expr, want, depth + 1) &&
		     raise_expr(sv, d->expr, want, depth + 1) && value(kc, s) >= want;
		if (!ok)
			rollback(sv, m);
	}
	/* 3. an option that selects it */
	if (!ok && s->rev_dep.expr) {
		ok = cheapest(sv, s->rev_dep.expr, alt,
			      flatten(s->rev_dep.expr, E_OR, alt, 0, MAX_ALTERNATIVES), want,
			      raise_expr, depth) &&
		     value(kc, s) >= want;
		if (!ok)
			rollback(sv, m);
	}
	/* 4. one that implies it (implied values obey the symbol's own dependencies) */
	if (!ok && s->implied.expr) {
		ok = raise_expr(sv, s->dir_dep.expr, want, depth + 1) &&
		     raise_expr(sv, s->implied.expr, want, depth + 1) && value(kc, s) >= want;
		if (!ok)
			rollback(sv, m);
	}
	sv->nbusy--;
	return ok;
}

static bool disable_sym(struct solver *sv, struct kc_sym *s, tri limit, int depth)
{
	struct kc_ctx *kc = sv->kc;
	struct mark m;
	bool ok = false;

	if (!is_tri(s) || value(kc, s) <= limit)
		return true;
	if ((s->flags & S_CONST) || busy(sv, s) || depth > MAX_DEPTH || --sv->budget < 0)
		return false;
	busy_push(sv, s);
	m = mark(sv);
	/* what selects it must let go first */
	if (s->rev_dep.tri > limit && !lower_expr(sv, s->rev_dep.expr, limit, depth + 1))
		goto out;
	if (value(kc, s) <= limit) {
		ok = true;
		goto out;
	}
	/* a choice value goes off when another value of its choice is picked */
	if (s->choice && s->choice->curr.choice == s) {
		for (int i = 0; !ok && i < s->choice->ncvals; i++) {
			struct kc_sym *c = s->choice->cvals[i];
			struct mark mc = mark(sv);

			if (c == s)
				continue;
			sym_calc_value(kc, c);
			ok = c->visible == KC_YES && assign(sv, c, "y") && value(kc, s) <= limit;
			if (!ok)
				rollback(sv, mc);
		}
		if (ok)
			goto out;
	}
	/* its own prompt */
	if (s->visible > limit || (s->visible != KC_NO && s->rev_dep.tri <= limit)) {
		struct mark mp = mark(sv);

		ok = assign(sv, s, limit == KC_MOD ? "m" : "n") && value(kc, s) <= limit;
		if (ok)
			goto out;
		rollback(sv, mp);
	}
	/* turn off what its value comes from: its dependencies, else its defaults and implies */
	{
		struct mark md = mark(sv);

		ok = s->dir_dep.expr && lower_expr(sv, s->dir_dep.expr, limit, depth + 1) &&
		     value(kc, s) <= limit;
		if (!ok) {
			rollback(sv, md);
			ok = lower_expr(sv, s->implied.expr, limit, depth + 1);
			for (struct prop *d = s->prop; ok && d; d = d->next)
				if (d->type == P_DEFAULT && expr_calc_value(kc, d->visible.expr) > limit)
					ok = lower_expr(sv, d->expr, limit, depth + 1) ||
					     lower_expr(sv, d->visible.expr, limit, depth + 1);
			ok = ok && value(kc, s) <= limit;
		}
	}
out:
	if (!ok)
		rollback(sv, m);
	sv->nbusy--;
	return ok;
}

/* ---- comparisons: `COUNT > 3`, `ARCH = "x86"`, `FOO != m` ---- */

static enum expr_type negate_cmp(enum expr_type t)
{
	switch (t) {
	case E_EQUAL:
		return E_UNEQUAL;
	case E_UNEQUAL:
		return E_EQUAL;
	case E_LTH:
		return E_GEQ;
	case E_LEQ:
		return E_GTH;
	case E_GTH:
		return E_LEQ;
	default:
		return E_LTH;
	}
}

static enum expr_type mirror_cmp(enum expr_type t)
{
	switch (t) {
	case E_LTH:
		return E_GTH;
	case E_LEQ:
		return E_GEQ;
	case E_GTH:
		return E_LTH;
	case E_GEQ:
		return E_LEQ;
	default:
		return t;
	}
}

/* A number of s's type that satisfies `s op bound` within s's range; false if none. */
static bool pick_number(struct kc_ctx *kc, struct kc_sym *s, enum expr_type op, long long bound,
			long long *out)
{
	long long lo = -(1LL << 62), hi = 1LL << 62, cur;
	int base = s->type == KC_HEX ? 16 : 10;
	struct prop *r = sym_get_range_prop(kc, s);

	if (r) {
		sym_calc_value(kc, r->expr->left.sym);
		sym_calc_value(kc, r->expr->right.sym);
		lo = strtoll(r->expr->left.sym->curr.val, NULL, base);
		hi = strtoll(r->expr->right.sym->curr.val, NULL, base);
	}
	if (s->type == KC_HEX && lo < 0)
		lo = 0;
	switch (op) {
	case E_EQUAL:
		lo = lo > bound ? lo : bound;
		hi = hi < bound ? hi : bound;
		break;
	case E_LTH:
		hi = hi < bound - 1 ? hi : bound - 1;
		break;
	case E_LEQ:
		hi = hi < bound ? hi : bound;
		break;
	case E_GTH:
		lo = lo > bound + 1 ? lo : bound + 1;
		break;
	case E_GEQ:
		lo = lo > bound ? lo : bound;
		break;
	default: /* E_UNEQUAL: above the bound if the range allows, else below */
		if (hi > bound)
			lo = lo > bound + 1 ? lo : bound + 1;
		else
			hi = bound - 1;
		break;
	}
	if (lo > hi)
		return false;
	sym_calc_value(kc, s);
	cur = s->curr.val && *s->curr.val ? strtoll(s->curr.val, NULL, base) : lo;
	*out = cur < lo ? lo : cur > hi ? hi : cur;
	return true;
}

static bool make_compare(struct solver *sv, struct expr *e, bool truth, int depth)
{
	struct kc_ctx *kc = sv->kc;
	enum expr_type op = truth ? e->type : negate_cmp(e->type);
	struct kc_sym *l = e->left.sym, *r = e->right.sym;
	tri goal = truth ? KC_YES : KC_NO;
	char buf[64];

	if (e->type < E_EQUAL || e->type > E_GEQ)
		return false;
	/* an undefined name (`3`, `"x86"` unquoted) is a constant whose value is its name */
	if (!(l->flags & S_CONST) && l->type == KC_UNKNOWN && r->type != KC_UNKNOWN) {
		struct kc_sym *t = l;

		l = r;
		r = t;
		op = mirror_cmp(op);
	} else if (l->flags & S_CONST) {
		struct kc_sym *t = l;

		l = r;
		r = t;
		op = mirror_cmp(op);
	}
	if ((l->flags & S_CONST) || l->type == KC_UNKNOWN ||
	    (!(r->flags & S_CONST) && r->type != KC_UNKNOWN))
		return false; /* two symbols compared: out of scope */
	sym_calc_value(kc, r);
	if (is_tri(l)) {
		tri want = r->curr.tri;

		if (op == E_EQUAL && want == KC_NO)
			return disable_sym(sv, l, KC_NO, depth + 1);
		if (op == E_EQUAL)
			return enable_sym(sv, l, want, depth + 1) &&
			       (value(kc, l) == want || assign(sv, l, want == KC_MOD ? "m" : "y")) &&
			       expr_calc_value(kc, e) == goal;
		if (op == E_UNEQUAL && want == KC_NO)
			return enable_sym(sv, l, KC_MOD, depth + 1);
		if (op == E_UNEQUAL)
			return disable_sym(sv, l, want == KC_YES ? KC_MOD : KC_NO, depth + 1) &&
			       expr_calc_value(kc, e) == goal;
		return false;
	}
	if (!first_prompt(l) || !show_prompt(sv, l, KC_YES, depth))
		return false;
	if (l->type == KC_INT || l->type == KC_HEX) {
		long long v;

		if (!sym_string_valid(l, r->curr.val) ||
		    !pick_number(kc, l, op, strtoll(r->curr.val, NULL, l->type == KC_HEX ? 16 : 10),
				 &v))
			return false;
		snprintf(buf, sizeof(buf), l->type == KC_HEX ? "0x%llx" : "%lld", v);
	} else if (l->type == KC_STRING && op == E_EQUAL) {
		snprintf(buf, sizeof(buf), "%s", r->curr.val);
	} else if (l->type == KC_STRING && op == E_UNEQUAL) {
		snprintf(buf, sizeof(buf), "%s", *r->curr.val ? "" : "-");
	} else {
		return false;
	}
	return assign(sv, l, arena_strdup(&kc->arena, buf)) && expr_calc_value(kc, e) == goal;
}

/* ---- snapshots and applying a change set ---- */

struct kc_snapshot {
	size_t n;
	bool changed;
	struct jent v[];
};

struct kc_snapshot *kc_snapshot(struct kc_ctx *kc)
{
	size_t n = 0;
	struct kc_sym *s;
	struct kc_snapshot *snap;
	int i;

	for_all_symbols(kc, i, s) n++;
	snap = xmalloc(sizeof(*snap) + n * sizeof(snap->v[0]));
	snap->n = 0;
	snap->changed = kc->changed;
	for_all_symbols(kc, i, s) snap->v[snap->n++] = (struct jent){s, s->def[DEF_USER],
								    s->flags & S_DEF_USER};
	return snap;
}

void kc_restore(struct kc_ctx *kc, const struct kc_snapshot *snap)
{
	for (size_t i = 0; i < snap->n; i++) {
		const struct jent *e = &snap->v[i];

		e->s->def[DEF_USER] = e->def;
		e->s->flags = (e->s->flags & ~S_DEF_USER) | e->user;
	}
	sym_clear_all_valid(kc);
	kc->changed = snap->changed;
}

void kc_snapshot_free(struct kc_snapshot *snap)
{
	free(snap);
}

size_t kc_apply(struct kc_ctx *kc, const struct kc_change *changes, size_t n)
{
	size_t done = 0;

	/* in order (dependencies first); a step refused now may pass after a later one */
	for (int pass = 0; pass < 3 && done < n; pass++) {
		done = 0;
		for (size_t i = 0; i < n; i++) {
			sym_calc_value(kc, changes[i].sym);
			if (sym_set_string_value(kc, changes[i].sym, changes[i].value) ||
			    !strcmp(sym_get_string_value(changes[i].sym), changes[i].value))
				done++;
		}
	}
	return done;
}

/* ---- kc_resolve ---- */

static bool goal_met(struct kc_ctx *kc, struct kc_sym *s, enum kc_goal goal)
{
	sym_calc_value(kc, s);
	switch (goal) {
	case KC_GOAL_YES:
		return s->curr.tri == KC_YES;
	case KC_GOAL_MOD:
		return s->curr.tri == KC_MOD;
	case KC_GOAL_NO:
		return s->curr.tri == KC_NO;
	default:
		return s->visible == KC_YES;
	}
}

static bool solve(struct solver *sv, struct kc_sym *s, enum kc_goal goal)
{
	switch (goal) {
	case KC_GOAL_YES:
		return enable_sym(sv, s, KC_YES, 0);
	case KC_GOAL_MOD:
		if (s->type != KC_TRISTATE)
			return false;
		if (value(sv->kc, s) == KC_YES && !disable_sym(sv, s, KC_MOD, 0))
			return false;
		return enable_sym(sv, s, KC_MOD, 0) &&
		       (value(sv->kc, s) == KC_MOD || assign(sv, s, "m"));
	case KC_GOAL_NO:
		return disable_sym(sv, s, KC_NO, 0);
	default:
		return show_prompt(sv, s, KC_YES, 0);
	}
}

/* The assignments to show: each symbol once, at its last assignment, with its last value. */
static void dedupe(struct kc_change *v, size_t *n)
{
	size_t out = 0;

	for (size_t i = 0; i < *n; i++) {
		bool later = false;

		for (size_t k = i + 1; k < *n && !later; k++)
			later = v[k].sym == v[i].sym;
		if (!later)
			v[out++] = v[i];
	}
	*n = out;
}

int kc_resolve(struct kc_ctx *kc, struct kc_sym *s, enum kc_goal goal, struct kc_resolution *out)
{
	struct solver sv = {.kc = kc, .budget = STEP_BUDGET};
	struct kc_snapshot *snap = kc_snapshot(kc);
	size_t nsyms = 0, k = 0;
	const char **before;
	struct kc_sym *t;
	int i;

	memset(out, 0, sizeof(*out));
	for_all_symbols(kc, i, t) nsyms++;
	before = xmalloc((nsyms + 1) * sizeof(*before));
	for_all_symbols(kc, i, t)
	{
		sym_calc_value(kc, t);
		before[k++] = sym_get_string_value(t);
	}
	if (goal_met(kc, s, goal)) {
		out->found = true;
	} else if (solve(&sv, s, goal) && goal_met(kc, s, goal)) {
		out->changes = sv.plan;
		out->n_changes = sv.np;
		sv.plan = NULL;
		dedupe(out->changes, &out->n_changes);
		/* what the user will see change, in symbol-table order */
		k = 0;
		for_all_symbols(kc, i, t)
		{
			const char *after;

			sym_calc_value(kc, t);
			after = sym_get_string_value(t);
			if (t->name && !(t->flags & S_CONST) && t->type != KC_UNKNOWN &&
			    strcmp(before[k], after)) {
				out->effects = xrealloc(out->effects,
							(out->n_effects + 1) * sizeof(*out->effects));
				out->effects[out->n_effects++] =
				    (struct kc_effect){t, before[k], after};
			}
			k++;
		}
		/* the engine must agree: the shown set, applied from scratch, reaches the goal */
		kc_restore(kc, snap);
		out->found = kc_apply(kc, out->changes, out->n_changes) == out->n_changes &&
			     goal_met(kc, s, goal);
	}
	kc_restore(kc, snap);
	kc_snapshot_free(snap);
	free(before);
	free(sv.j);
	free(sv.plan);
	free(sv.busy);
	if (!out->found) {
		free(out->changes);
		free(out->effects);
		out->changes = NULL;
		out->effects = NULL;
		out->n_changes = out->n_effects = 0;
	}
	return 0;
}

void kc_resolution_free(struct kc_resolution *r)
{
	free(r->changes);
	free(r->effects);
	memset(r, 0, sizeof(*r));
}

/* ---- building the explanation ---- */

static void collect_ops(struct kc_ctx *kc, struct expr *e, struct kc_term *t)
{
	struct kc_sym *ops[2];
	int n = 0;

	if (!e)
		return;
	switch (e->type) {
	case E_AND:
	case E_OR:
		collect_ops(kc, e->left.expr, t);
		collect_ops(kc, e->right.expr, t);
		return;
	case E_NOT:
		collect_ops(kc, e->left.expr, t);
		return;
	case E_SYMBOL:
		ops[n++] = e->left.sym;
		break;
	default:
		ops[n++] = e->left.sym;
		ops[n++] = e->right.sym;
		break;
	}
	for (int i = 0; i < n; i++) {
		struct kc_sym *s = ops[i];
		bool dup = false;

		if (s->flags & S_CONST)
			continue;
		for (size_t j = 0; j < t->n_ops; j++)
			dup |= !strcmp(t->ops[j].name, s->name ? s->name : "<choice>");
		if (dup)
			continue;
		t->ops = xrealloc(t->ops, (t->n_ops + 1) * sizeof(*t->ops));
		sym_calc_value(kc, s);
		t->ops[t->n_ops].name = s->name ? s->name : "<choice>";
		t->ops[t->n_ops].value = sym_get_string_value(s);
		t->n_ops++;
	}
}

static void add_term(struct kc_ctx *kc, struct kc_term **v, size_t *n, struct expr *e, tri val)
{
	struct sbuf b = {0};
	struct kc_term *t;

	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	t = &(*v)[(*n)++];
	memset(t, 0, sizeof(*t));
	expr_print_plain(kc, &b, e);
	t->text = sb_steal(&b);
	t->value = val;
	collect_ops(kc, e, t);
}

static void unmet_terms(struct kc_ctx *kc, struct expr *e, struct kc_explain *out)
{
	if (!e)
		return;
	if (e->type == E_AND) {
		unmet_terms(kc, e->left.expr, out);
		unmet_terms(kc, e->right.expr, out);
		return;
	}
	tri v = expr_calc_value(kc, e);

	if (v != KC_YES)
		add_term(kc, &out->unmet, &out->n_unmet, e, v);
}

/* Every `&&` factor of e, met or not. */
static void and_terms(struct kc_ctx *kc, struct expr *e, struct kc_term **v, size_t *n)
{
	if (!e || expr_is_yes(e))
		return;
	if (e->type == E_AND) {
		and_terms(kc, e->left.expr, v, n);
		and_terms(kc, e->right.expr, v, n);
		return;
	}
	add_term(kc, v, n, e, expr_calc_value(kc, e));
}

static void selector_terms(struct kc_ctx *kc, struct expr *e, struct kc_term **v, size_t *n)
{
	if (!e)
		return;
	if (e->type == E_OR) {
		selector_terms(kc, e->left.expr, v, n);
		selector_terms(kc, e->right.expr, v, n);
		return;
	}
	add_term(kc, v, n, e, expr_calc_value(kc, e));
}

/* "FOO" or "FOO if BAR" for a select/imply line, valued by its condition. */
static void target_term(struct kc_ctx *kc, struct prop *p, struct kc_term **v, size_t *n)
{
	struct sbuf b = {0};
	struct kc_term *t;
	struct kc_sym *target = prop_get_symbol(p);

	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	t = &(*v)[(*n)++];
	memset(t, 0, sizeof(*t));
	sb_puts(&b, target && target->name ? target->name : "?");
	if (p->visible.expr && !expr_is_yes(p->visible.expr)) {
		sb_puts(&b, " if ");
		expr_print_plain(kc, &b, p->visible.expr);
	}
	t->text = sb_steal(&b);
	t->value = expr_calc_value(kc, p->visible.expr);
	if (target)
		collect_ops(kc, p->expr, t);
	collect_ops(kc, p->visible.expr, t);
}

static struct kc_sym *first_sym(struct expr *e)
{
	while (e && (e->type == E_AND || e->type == E_OR || e->type == E_NOT))
		e = e->left.expr;
	return e && e->type == E_SYMBOL ? e->left.sym : NULL;
}

static void find_origin(struct kc_ctx *kc, struct kc_sym *s, struct kc_explain *out)
{
	struct sbuf b = {0};
	tri deflt = KC_NO;
	struct prop *p;

	out->origin = KC_FROM_NONE;
	if (sym_is_choice(s)) {
		/* a choice's value is the entry it picked: by the user, else by its default */
		struct kc_sym *sel = s->curr.tri != KC_NO ? s->curr.choice : NULL;

		out->origin_sym = sel;
		if (sel)
			out->origin = sym_has_value(sel) && s->def[DEF_USER].choice == sel
					  ? KC_FROM_USER
					  : KC_FROM_DEFAULT;
		return;
	}
	if (sym_is_choice_value(s) && s->visible == KC_YES) {
		out->origin = KC_FROM_CHOICE;
		out->origin_sym = s->choice;
		return;
	}
	if (s->visible != KC_NO && sym_has_value(s)) {
		out->origin = KC_FROM_USER;
		return;
	}
	p = sym_is_choice(s) ? NULL : sym_get_default_prop(kc, s);
	if (p) {
		if (s->type == KC_BOOLEAN || s->type == KC_TRISTATE)
			deflt = tri_and(expr_calc_value(kc, p->expr), p->visible.tri);
		else
			deflt = KC_YES;
	}
	if ((s->type == KC_BOOLEAN || s->type == KC_TRISTATE) && s->rev_dep.tri != KC_NO &&
	    s->rev_dep.tri >= deflt && s->rev_dep.tri >= s->implied.tri) {
		struct expr *e = s->rev_dep.expr;

		out->origin = KC_FROM_SELECT;
		/* the first selecting term that is active */
		while (e && e->type == E_OR) {
			if (expr_calc_value(kc, e->right.expr) == s->rev_dep.tri) {
				e = e->right.expr;
				break;
			}
			e = e->left.expr;
		}
		out->origin_sym = first_sym(e);
		if (e) {
			expr_print_plain(kc, &b, e);
			out->origin_text = sb_steal(&b);
		}
		return;
	}
	if ((s->type == KC_BOOLEAN || s->type == KC_TRISTATE) && s->implied.tri > deflt) {
		out->origin = KC_FROM_IMPLY;
		out->origin_sym = first_sym(s->implied.expr);
		return;
	}
	if (p && deflt != KC_NO) {
		out->origin = KC_FROM_DEFAULT;
		out->origin_file = p->file ? p->file->name : "";
		out->origin_line = p->lineno;
		sb_puts(&b, "default ");
		expr_print_plain(kc, &b, p->expr);
		if (!expr_is_yes(p->visible.expr)) {
			sb_puts(&b, " if ");
			expr_print_plain(kc, &b, p->visible.expr);
		}
		out->origin_text = sb_steal(&b);
	}
}

int kc_explain(struct kc_ctx *kc, struct kc_sym *s, struct kc_explain *out)
{
	memset(out, 0, sizeof(*out));
	sym_calc_value(kc, s);
	out->sym = s;
	out->value = sym_get_string_value(s);
	out->visible = s->visible;
	find_origin(kc, s, out);
	unmet_terms(kc, s->dir_dep.expr, out);
	if (!out->n_unmet && s->visible == KC_NO && first_prompt(s))
		unmet_terms(kc, first_prompt(s)->visible.expr, out);
	/* a choice's reverse dependency is the engine's "at least m while visible", no select */
	if (!sym_is_choice(s))
		selector_terms(kc, s->rev_dep.expr, &out->selectors, &out->n_selectors);
	selector_terms(kc, s->implied.expr, &out->implied_by, &out->n_implied_by);
	for (struct prop *p = s->prop; p; p = p->next)
		if (p->type == P_SELECT)
			target_term(kc, p, &out->selects, &out->n_selects);
		else if (p->type == P_IMPLY)
			target_term(kc, p, &out->implies, &out->n_implies);
	if (s->type == KC_INT || s->type == KC_HEX) {
		struct prop *r = sym_get_range_prop(kc, s);

		if (r) {
			sym_calc_value(kc, r->expr->left.sym);
			sym_calc_value(kc, r->expr->right.sym);
			out->range_min = r->expr->left.sym->curr.val;
			out->range_max = r->expr->right.sym->curr.val;
		}
	}
	and_terms(kc, s->dir_dep.expr, &out->deps, &out->n_deps);
	for (struct kc_menu *m = s->menu ? s->menu->parent : NULL; m; m = m->parent)
		and_terms(kc, m->visibility, &out->visible_if, &out->n_visible_if);
	if (!sym_is_choice(s)) {
		struct kc_resolution r;

		kc_resolve(kc, s, is_tri(s) ? KC_GOAL_YES : KC_GOAL_VISIBLE, &r);
		/* a tristate that cannot be y (`depends on m`, a module-only parent): m is the best */
		if (!r.found && s->type == KC_TRISTATE && kc->modules_val != KC_NO) {
			kc_resolution_free(&r);
			kc_resolve(kc, s, KC_GOAL_MOD, &r);
		}
		out->solvable = r.found;
		/* dependencies were assigned before their dependents: keep that order */
		out->changes = r.changes;
		out->n_changes = r.n_changes;
		free(r.effects);
	}
	return 0;
}

static void free_terms(struct kc_term *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)t[i].text);
		free(t[i].ops);
	}
	free(t);
}

void kc_explain_free(struct kc_explain *e)
{
	free_terms(e->unmet, e->n_unmet);
	free_terms(e->selectors, e->n_selectors);
	free_terms(e->deps, e->n_deps);
	free_terms(e->visible_if, e->n_visible_if);
	free_terms(e->selects, e->n_selects);
	free_terms(e->implies, e->n_implies);
	free_terms(e->implied_by, e->n_implied_by);
	free(e->changes);
	if (e->origin == KC_FROM_DEFAULT || e->origin == KC_FROM_SELECT)
		free((char *)e->origin_text);
	memset(e, 0, sizeof(*e));
}

static const char *origin_name(enum kc_origin o)
{
	static const char *const names[] = {"no default applies", "user value", "default",
					    "selected",		  "implied",	"choice"};
	return names[o];
}

void kc_explain_print(struct kc_ctx *kc, const struct kc_explain *e, void *file)
{
	FILE *f = file;
	const struct kc_sym *s = e->sym;

	fprintf(f, "%s%s=%s (%s)\n", kc->prefix, s->name, e->value, sym_type_name(s->type));
	if (s->menu)
		fprintf(f, "  defined at %s:%d\n", s->menu->file->name, s->menu->lineno);
	fprintf(f, "  value from: %s", origin_name(e->origin));
	if (e->origin_sym && e->origin_sym->name)
		fprintf(f, " by %s", e->origin_sym->name);
	if (e->origin_text &&
	    !(e->origin_sym && e->origin_sym->name && !strcmp(e->origin_text, e->origin_sym->name)))
		fprintf(f, " (%s)", e->origin_text);
	if (e->origin_file)
		fprintf(f, " at %s:%d", e->origin_file, e->origin_line);
	fprintf(f, "\n  prompt visible: %s\n",
		e->visible == KC_YES   ? "y"
		: e->visible == KC_MOD ? "m"
				       : "n");
	if (e->n_unmet) {
		fprintf(f, "  unmet dependencies:\n");
		for (size_t i = 0; i < e->n_unmet; i++) {
			const struct kc_term *t = &e->unmet[i];

			fprintf(f, "    %s  [=%c]", t->text, "nmy"[t->value]);
			for (size_t j = 0; j < t->n_ops; j++)
				fprintf(f, "%s %s=%s", j ? "," : "  where", t->ops[j].name,
					t->ops[j].value);
			fputc('\n', f);
		}
	}
	if (e->n_selectors) {
		fprintf(f, "  selected by:\n");
		for (size_t i = 0; i < e->n_selectors; i++)
			fprintf(f, "    %s  [=%c]\n", e->selectors[i].text,
				"nmy"[e->selectors[i].value]);
	}
	if (s->type != KC_BOOLEAN && s->type != KC_TRISTATE) {
		/* nothing to enable: the value is a number or a string */
	} else if (!strcmp(e->value, "y")) {
		fprintf(f, "  already enabled\n");
	} else if (!e->solvable) {
		fprintf(f, "  no change set found to enable it\n");
	} else {
		fprintf(f, "  to enable it, set:\n");
		for (size_t i = 0; i < e->n_changes; i++)
			fprintf(f, "    %s%s=%s\n", kc->prefix, e->changes[i].sym->name,
				e->changes[i].value);
	}
}
