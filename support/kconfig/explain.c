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

#define MAX_DEPTH 24

struct plan {
	struct kc_change *v;
	size_t n, cap;
};

static void plan_add(struct plan *p, struct kc_sym *s, const char *val)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].sym == s) {
			p->v[i].value = val;
			return;
		}
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n].sym = s;
	p->v[p->n].value = val;
	p->n++;
}

static bool plan_has(const struct plan *p, const struct kc_sym *s)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].sym == s)
			return true;
	return false;
}

static bool make_true(struct kc_ctx *kc, struct expr *e, struct plan *p, int depth);
static bool set_sym(struct kc_ctx *kc, struct kc_sym *s, tri want, struct plan *p, int depth);

/* Try each alternative into a copy of the plan and keep the cheapest success. */
static bool make_true_or(struct kc_ctx *kc, struct expr *e, struct plan *p, int depth)
{
	struct expr *alts[64];
	int n = 0;
	struct plan best = {0};
	bool found = false;

	/* flatten the OR */
	struct expr *stack[64];
	int sp = 0;

	stack[sp++] = e;
	while (sp && n < 64) {
		struct expr *x = stack[--sp];

		if (x->type == E_OR && sp < 62) {
			stack[sp++] = x->right.expr;
			stack[sp++] = x->left.expr;
		} else {
			alts[n++] = x;
		}
	}
	for (int i = 0; i < n; i++) {
		struct plan t = {0};

		t.v = xmalloc((p->n + 1) * sizeof(*t.v));
		if (p->n)
			memcpy(t.v, p->v, p->n * sizeof(*t.v));
		t.n = p->n;
		t.cap = p->n + 1;
		if (make_true(kc, alts[i], &t, depth + 1) && (!found || t.n < best.n)) {
			free(best.v);
			best = t;
			found = true;
		} else {
			free(t.v);
		}
	}
	if (found) {
		free(p->v);
		*p = best;
	}
	return found;
}

static bool make_true(struct kc_ctx *kc, struct expr *e, struct plan *p, int depth)
{
	if (!e)
		return true;
	if (depth > MAX_DEPTH)
		return false;
	if (expr_calc_value(kc, e) == KC_YES)
		return true;
	switch (e->type) {
	case E_AND:
		return make_true(kc, e->left.expr, p, depth + 1) &&
		       make_true(kc, e->right.expr, p, depth + 1);
	case E_OR:
		return make_true_or(kc, e, p, depth);
	case E_SYMBOL:
		if (e->left.sym->flags & S_CONST)
			return false;
		return set_sym(kc, e->left.sym, KC_YES, p, depth + 1);
	case E_NOT:
		if (e->left.expr->type == E_SYMBOL)
			return set_sym(kc, e->left.expr->left.sym, KC_NO, p, depth + 1);
		return false;
	case E_EQUAL:
	case E_UNEQUAL: {
		struct kc_sym *l = e->left.sym, *r = e->right.sym;

		if (!(r->flags & S_CONST) || l->flags & S_CONST)
			return false;
		if (l->type != KC_BOOLEAN && l->type != KC_TRISTATE) {
			if (e->type == E_EQUAL && l->type != KC_UNKNOWN) {
				plan_add(p, l, r->name);
				return true;
			}
			return false;
		}
		if (r == &kc->sym_yes || r == &kc->sym_mod)
			return e->type == E_EQUAL ? set_sym(kc, l, r->curr.tri, p, depth + 1)
						  : set_sym(kc, l, KC_NO, p, depth + 1);
		if (r == &kc->sym_no)
			return e->type == E_EQUAL ? set_sym(kc, l, KC_NO, p, depth + 1)
						  : set_sym(kc, l, KC_YES, p, depth + 1);
		return false;
	}
	default:
		return false;
	}
}

/* The condition under which s's prompt is visible (any of its prompts). */
static struct expr *prompt_cond(struct kc_sym *s, bool *has_prompt)
{
	*has_prompt = false;
	for (struct prop *p = s->prop; p; p = p->next)
		if (p->text) {
			*has_prompt = true;
			return p->visible.expr;
		}
	return NULL;
}

static bool set_sym(struct kc_ctx *kc, struct kc_sym *s, tri want, struct plan *p, int depth)
{
	bool has_prompt;
	struct expr *cond;

	if (depth > MAX_DEPTH)
		return false;
	sym_calc_value(kc, s);
	if (plan_has(p, s))
		return true; /* already decided on the way here */
	if (want == KC_NO) {
		if (s->curr.tri == KC_NO)
			return true;
		if (s->rev_dep.tri != KC_NO)
			return false; /* selected: turning its selectors off is out of scope */
		plan_add(p, s, "n");
		return true;
	}
	if (s->curr.tri >= want)
		return true;
	if (s->type != KC_BOOLEAN && s->type != KC_TRISTATE)
		return false;
	cond = prompt_cond(s, &has_prompt);
	if (!has_prompt) {
		/* no prompt: a default must turn it on once its dependencies hold */
		for (struct prop *d = s->prop; d; d = d->next)
			if (d->type == P_DEFAULT && make_true(kc, d->visible.expr, p, depth + 1) &&
			    make_true(kc, d->expr, p, depth + 1))
				return true;
		return false;
	}
	if (!make_true(kc, cond, p, depth + 1))
		return false;
	if (s->choice) {
		/* a choice value: the choice must be on, this value picked */
		if (!make_true(kc,
			       s->choice->menu && s->choice->menu->prompt
				   ? s->choice->menu->prompt->visible.expr
				   : NULL,
			       p, depth + 1))
			return false;
	}
	if (s->type == KC_TRISTATE && want == KC_MOD && kc->modules_val != KC_NO)
		plan_add(p, s, "m");
	else
		plan_add(p, s, "y");
	return true;
}

/* ---- verification: apply the plan, look, roll back ---- */

struct saved {
	struct kc_sym *s;
	struct symval def;
	unsigned flags;
};

static bool verify(struct kc_ctx *kc, struct kc_sym *target, struct plan *p, tri *got)
{
	size_t cap = 256, n = 0;
	struct saved *sv = xmalloc(cap * sizeof(*sv));
	struct kc_sym *s;
	bool changed = kc->changed;
	int i;

	for_all_symbols(kc, i, s)
	{
		if (n == cap) {
			cap *= 2;
			sv = xrealloc(sv, cap * sizeof(*sv));
		}
		sv[n].s = s;
		sv[n].def = s->def[DEF_USER];
		sv[n].flags = s->flags & S_DEF_USER;
		n++;
	}
	/* in plan order (dependencies first); repeat for values that needed a later one */
	for (int pass = 0; pass < 3; pass++)
		for (size_t j = 0; j < p->n; j++) {
			sym_calc_value(kc, p->v[j].sym);
			sym_set_string_value(kc, p->v[j].sym, p->v[j].value);
		}
	sym_calc_value(kc, target);
	*got = target->curr.tri;
	for (size_t j = 0; j < n; j++) {
		sv[j].s->def[DEF_USER] = sv[j].def;
		sv[j].s->flags = (sv[j].s->flags & ~S_DEF_USER) | sv[j].flags;
	}
	free(sv);
	sym_clear_all_valid(kc);
	kc->changed = changed;
	return *got != KC_NO;
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
	struct plan p = {0};
	tri got = KC_NO;

	memset(out, 0, sizeof(*out));
	sym_calc_value(kc, s);
	out->sym = s;
	out->value = sym_get_string_value(s);
	out->visible = s->visible;
	find_origin(kc, s, out);
	unmet_terms(kc, s->dir_dep.expr, out);
	if (!out->n_unmet && s->visible == KC_NO) {
		bool hp;
		struct expr *c = prompt_cond(s, &hp);

		if (hp)
			unmet_terms(kc, c, out);
	}
	selector_terms(kc, s->rev_dep.expr, &out->selectors, &out->n_selectors);
	and_terms(kc, s->dir_dep.expr, &out->deps, &out->n_deps);
	for (struct kc_menu *m = s->menu ? s->menu->parent : NULL; m; m = m->parent)
		and_terms(kc, m->visibility, &out->visible_if, &out->n_visible_if);
	if (s->curr.tri == KC_YES && (s->type == KC_BOOLEAN || s->type == KC_TRISTATE)) {
		out->solvable = true;
		return 0;
	}
	if ((s->type == KC_BOOLEAN || s->type == KC_TRISTATE) &&
	    make_true(kc, s->dir_dep.expr, &p, 0) && set_sym(kc, s, KC_YES, &p, 0) &&
	    verify(kc, s, &p, &got)) {
		out->solvable = true;
		/* dependencies were planned before their dependents: keep that order */
		out->changes = p.v;
		out->n_changes = p.n;
		p.v = NULL;
	}
	free(p.v);
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

	fprintf(f, "%s%s=%s (%s)\n", kc->prefix, s->name, e->value, kc_type_name(s->type));
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
