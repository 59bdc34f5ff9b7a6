// SPDX-License-Identifier: GPL-2.0
/*
 * why.c - "why is this option off, and what would turn it on": the engine's kc_explain()
 * (the same analysis as `conf --explain`) shown as a page, with the change sets of the
 * engine's resolver: enable, enable as module, turn off (with what selects it), or make a
 * value editable. Every set is shown whole (what it sets, and every value that changes as
 * a result) before it is applied, and the last one applied can be undone (`u`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc.h"

void mc_add_term(struct mc_buf *b, const char *indent, const struct kc_term *t);
const char *mc_origin_text(enum kc_origin o);

/* The user values before the last applied change set. */
static struct kc_snapshot *undo_point;

static const char *sym_label(struct kc_sym *s)
{
	const char *n = kc_sym_name(s);
	if (n)
		return n;
	const struct kc_menu *m = kc_sym_menu(s);
	return m ? mc_node_label(m) : _("(choice)");
}

static bool is_tri(struct kc_sym *s)
{
	return kc_sym_type(s) == KC_BOOLEAN || kc_sym_type(s) == KC_TRISTATE;
}

/* The assignments, then every value that changes ("(set)" marks the assigned ones). */
static void add_change_set(struct mc_buf *b, struct kc_ctx *kc, const struct kc_change *c,
			   size_t n, const struct kc_effect *fx, size_t nfx)
{
	for (size_t i = 0; i < n; i++)
		mc_buf_add(b, "  %-28s %s -> %s\n", sym_label(c[i].sym), kc_sym_str(kc, c[i].sym),
			   c[i].value);
	if (!nfx)
		return;
	mc_buf_add(b, "\n%s\n", _("Every value that changes as a result:"));
	for (size_t i = 0; i < nfx; i++) {
		bool set = false;
		for (size_t k = 0; k < n; k++)
			set |= c[k].sym == fx[i].sym;
		mc_buf_add(b, "  %-28s %s -> %s%s\n", sym_label(fx[i].sym),
			   *fx[i].before ? fx[i].before : "\"\"", *fx[i].after ? fx[i].after : "\"\"",
			   set ? "" : _("  (follows)"));
	}
}

static char *why_text(struct kc_ctx *kc, const struct kc_explain *e,
		      const struct kc_resolution *r)
{
	struct mc_buf b = {0};
	const char *name = sym_label(e->sym);

	if (kc_sym_is_choice(e->sym)) {
		mc_buf_add(&b, _("Choice: %s\n"), name);
		if (e->origin_sym)
			mc_buf_add(&b, _("Selected entry: %s (%s)\n"), sym_label(e->origin_sym),
				   mc_origin_text(e->origin));
		else
			mc_buf_add(&b, "%s\n", _("No entry is selected."));
		if (kc_sym_type(e->sym) == KC_TRISTATE)
			mc_buf_add(&b, _("Mode: %s\n"), e->value);
	} else {
		mc_buf_add(&b, "%s%s = %s  (%s)\n", kc_prefix(kc), name, e->value ? e->value : "",
			   kc_type_name(kc_sym_type(e->sym)));
	}
	mc_buf_add(&b, _("Prompt visible: %s\n"),
		   e->visible == KC_YES	  ? _("yes")
		   : e->visible == KC_MOD ? _("as module only")
					  : _("no"));
	if (!kc_sym_is_choice(e->sym)) {
		mc_buf_add(&b, _("Value set by: %s"), mc_origin_text(e->origin));
		if (e->origin_sym && kc_sym_name(e->origin_sym))
			mc_buf_add(&b, _(" from %s"), kc_sym_name(e->origin_sym));
		if (e->origin_text && *e->origin_text)
			mc_buf_add(&b, ": %s", e->origin_text);
		if (e->origin_file)
			mc_buf_add(&b, " (%s:%d)", e->origin_file, e->origin_line);
		mc_buf_add(&b, "\n");
	}
	mc_buf_add(&b, "\n");
	if (e->n_unmet) {
		mc_buf_add(&b, "%s\n", _("Unmet dependencies:"));
		for (size_t i = 0; i < e->n_unmet; i++)
			mc_add_term(&b, "  ", &e->unmet[i]);
	} else {
		mc_buf_add(&b, "%s\n", _("No unmet dependencies."));
	}
	if (e->n_selectors) {
		mc_buf_add(&b, "\n%s\n", _("Selected by:"));
		for (size_t i = 0; i < e->n_selectors; i++)
			mc_add_term(&b, "  ", &e->selectors[i]);
	}
	if (e->n_implied_by) {
		mc_buf_add(&b, "\n%s\n", _("Implied by:"));
		for (size_t i = 0; i < e->n_implied_by; i++)
			mc_add_term(&b, "  ", &e->implied_by[i]);
	}
	mc_buf_add(&b, "\n");
	if (kc_sym_is_choice(e->sym)) {
		mc_buf_add(&b, "%s\n", _("A choice is switched by picking one of its entries."));
	} else if (!is_tri(e->sym) && e->visible != KC_NO) {
		mc_buf_add(&b, _("%s has a value rather than an on/off state; edit it with Enter.\n"),
			   name);
	} else if (!r->found) {
		mc_buf_add(&b,
			   is_tri(e->sym) ? _("No set of changes was found that would enable %s.\n")
					  : _("No set of changes was found that would make %s "
					      "editable.\n"),
			   name);
	} else if (is_tri(e->sym) && kc_sym_tri(kc, e->sym) == KC_YES) {
		mc_buf_add(&b, _("%s is already enabled.\n"), name);
	} else if (r->n_changes == 0) {
		mc_buf_add(&b, _("Nothing needs to change: %s can be enabled as it is.\n"), name);
	} else {
		mc_buf_add(&b,
			   is_tri(e->sym) ? _("To enable %s, these changes are needed:\n")
					  : _("To make %s editable, these changes are needed:\n"),
			   name);
		add_change_set(&b, kc, r->changes, r->n_changes, r->effects, r->n_effects);
	}
	return mc_buf_take(&b);
}

bool mc_undo(struct kc_ctx *kc)
{
	if (!undo_point)
		return false;
	kc_restore(kc, undo_point);
	kc_snapshot_free(undo_point);
	undo_point = NULL;
	return true;
}

static void apply(struct kc_ctx *kc, struct kc_sym *s, const struct kc_resolution *r)
{
	if (undo_point)
		kc_snapshot_free(undo_point);
	undo_point = kc_snapshot(kc);
	size_t done = kc_apply(kc, r->changes, r->n_changes);
	struct mc_buf b = {0};
	if (done < r->n_changes)
		mc_buf_add(&b, _("%zu of %zu changes were refused. "), r->n_changes - done,
			   r->n_changes);
	mc_buf_add(&b, _("%s is now %s. Press u in the menu to undo these changes."), sym_label(s),
		   kc_sym_str(kc, s));
	char *msg = mc_buf_take(&b);
	mc_message(done < r->n_changes ? _("Changes not fully applied") : _("Changes applied"),
		   msg);
	free(msg);
}

/* Another direction (as module, off): its own change set, shown whole, then applied. */
static bool confirm_other(struct kc_ctx *kc, struct kc_sym *s, enum kc_goal goal)
{
	struct kc_resolution r;
	struct mc_buf b = {0};
	const char *name = sym_label(s);
	static const char *act[] = {N_("Apply"), N_("Cancel"), NULL};
	const char *labels[] = {_(act[0]), _(act[1]), NULL};
	bool applied = false;

	if (kc_resolve(kc, s, goal, &r) != 0)
		return false;
	if (!r.found) {
		mc_buf_add(&b,
			   goal == KC_GOAL_NO ? _("No set of changes was found that would turn %s off.")
					      : _("No set of changes was found that would make %s a "
						  "module."),
			   name);
		char *msg = mc_buf_take(&b);
		mc_message(_("No change set"), msg);
		free(msg);
		kc_resolution_free(&r);
		return false;
	}
	mc_buf_add(&b,
		   goal == KC_GOAL_NO ? _("To turn %s off, these changes are needed:\n")
				      : _("To make %s a module, these changes are needed:\n"),
		   name);
	add_change_set(&b, kc, r.changes, r.n_changes, r.effects, r.n_effects);
	char *text = mc_buf_take(&b);
	char title[160];
	snprintf(title, sizeof(title), _("Change set: %s"), name);
	if (mc_textview(title, text, labels) == 0) {
		apply(kc, s, &r);
		applied = true;
	}
	free(text);
	kc_resolution_free(&r);
	return applied;
}

enum mc_why_result mc_why(struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_explain e;
	struct kc_resolution r = {0};
	enum { A_ENABLE, A_MODULE, A_OFF, A_EDIT, A_CANCEL };
	const char *labels[5];
	int actions[5], n = 0;
	enum mc_why_result result = MC_WHY_NONE;

	if (kc_explain(kc, s, &e) != 0) {
		mc_message(_("Why"), _("Out of memory while explaining this option."));
		return MC_WHY_NONE;
	}
	bool choice = kc_sym_is_choice(s);
	enum kc_tri v = is_tri(s) ? kc_sym_tri(kc, s) : KC_NO;
	if (!choice && (is_tri(s) ? v != KC_YES : e.visible == KC_NO))
		kc_resolve(kc, s, is_tri(s) ? KC_GOAL_YES : KC_GOAL_VISIBLE, &r);
	if (!choice && is_tri(s) && v != KC_YES && r.found && r.n_changes) {
		labels[n] = _("Enable with dependencies");
		actions[n++] = A_ENABLE;
	}
	if (!choice && !is_tri(s) && e.visible == KC_NO && r.found && r.n_changes) {
		labels[n] = _("Enable and edit the value");
		actions[n++] = A_EDIT;
	}
	if (!choice && kc_sym_type(s) == KC_TRISTATE && v != KC_MOD && !kc_sym_is_choice_value(s)) {
		labels[n] = _("As module");
		actions[n++] = A_MODULE;
	}
	if (!choice && is_tri(s) && v != KC_NO && !kc_sym_is_choice_value(s)) {
		labels[n] = _("Turn off");
		actions[n++] = A_OFF;
	}
	labels[n] = _("Cancel");
	actions[n++] = A_CANCEL;
	labels[n] = NULL;

	char *text = why_text(kc, &e, &r);
	char title[160];
	snprintf(title, sizeof(title), _("Why: %s"), sym_label(s));
	int pick = mc_textview(title, text, labels);
	int act = pick >= 0 && pick < n ? actions[pick] : A_CANCEL;
	switch (act) {
	case A_ENABLE:
		apply(kc, s, &r);
		result = MC_WHY_APPLIED;
		break;
	case A_EDIT:
		apply(kc, s, &r);
		result = MC_WHY_EDIT;
		break;
	case A_MODULE:
		if (confirm_other(kc, s, KC_GOAL_MOD))
			result = MC_WHY_APPLIED;
		break;
	case A_OFF:
		if (confirm_other(kc, s, KC_GOAL_NO))
			result = MC_WHY_APPLIED;
		break;
	default:
		break;
	}
	free(text);
	kc_resolution_free(&r);
	kc_explain_free(&e);
	return result;
}
