// SPDX-License-Identifier: GPL-2.0
/*
 * allconfig.c - values for every symbol the user has not set: the all*config modes,
 * randconfig, and the tristate rewrites (yes2modconfig, mod2yesconfig, mod2noconfig).
 *
 * Symbols are visited in symbol-table order, which is also the order of randconfig's
 * calls to rand(): with the same seed the kernel's conf draws the same numbers for the
 * same symbols, so the configurations are identical.
 */
#include <stdlib.h>

#include "internal.h"

/* A choice that is y gets exactly one entry, drawn at random; the others are n. */
static bool randomize_choice(struct kc_sym *cs)
{
	int pick;

	if (cs->curr.tri != KC_YES)
		return false;
	pick = rand() % cs->ncvals;
	for (int i = 0; i < cs->ncvals; i++) {
		struct kc_sym *s = cs->cvals[i];

		s->def[DEF_USER].tri = i == pick ? KC_YES : KC_NO;
		if (i == pick)
			cs->def[DEF_USER].choice = s;
		s->flags |= S_DEF_USER;
		s->flags &= ~S_VALID;
	}
	cs->flags |= S_DEF_USER;
	cs->flags &= ~S_VALID;
	return true;
}

/* The value a bool/tristate without a user value gets in `mode`; false: leave it alone. */
static bool fill_value(const struct kc_sym *s, enum kc_fill mode, const struct kc_fill_odds *odds,
		       tri *v)
{
	int draw;

	switch (mode) {
	case KC_FILL_YES:
		*v = KC_YES;
		return true;
	case KC_FILL_MOD:
		*v = KC_MOD;
		return true;
	case KC_FILL_NO:
		*v = (s->flags & S_ALLNOCONFIG_Y) ? KC_YES : KC_NO;
		return true;
	case KC_FILL_RANDOM:
		draw = rand() % 100;
		*v = KC_NO;
		if (s->type == KC_TRISTATE) {
			if (draw < odds->yes)
				*v = KC_YES;
			else if (draw < odds->yes + odds->mod)
				*v = KC_MOD;
		} else if (draw < odds->bool_yes) {
			*v = KC_YES;
		}
		return true;
	default:
		return false;
	}
}

bool kc_fill_new_symbols(struct kc_ctx *kc, enum kc_fill mode, const struct kc_fill_odds *odds)
{
	static const struct kc_fill_odds even = {50, 33, 33};
	bool changed = false;
	struct kc_sym *s;
	int i;

	if (!odds)
		odds = &even;
	for_all_symbols(kc, i, s)
	{
		enum kc_type t;
		tri v;

		if (sym_has_value(s) || (s->flags & S_VALID))
			continue;
		t = sym_get_type(kc, s);
		if (t != KC_BOOLEAN && t != KC_TRISTATE)
			continue;
		changed = true;
		if (!fill_value(s, mode, odds, &v))
			continue;
		s->def[DEF_USER].tri = v;
		/* a choice drawn at random is settled below, once its entries are known */
		if (!(sym_is_choice(s) && mode == KC_FILL_RANDOM))
			s->flags |= S_DEF_USER;
	}
	sym_clear_all_valid(kc);
	if (mode != KC_FILL_RANDOM) {
		for_all_symbols(kc, i, s)
		{
			if ((sym_is_choice(s) && !sym_has_value(s)) || sym_is_choice_value(s))
				s->flags |= S_NEED_SET_CHOICE_VALUES;
		}
	}
	for_all_symbols(kc, i, s)
	{
		if (sym_has_value(s) || !sym_is_choice(s))
			continue;
		sym_calc_value(kc, s);
		if (mode == KC_FILL_RANDOM) {
			changed |= randomize_choice(s);
		} else {
			set_all_choice_values(kc, s);
			changed = true;
		}
	}
	return changed;
}

void kc_rewrite_tristates(struct kc_ctx *kc, enum kc_tri from, enum kc_tri to)
{
	struct kc_sym *s;
	int i;

	for_all_symbols(kc, i, s)
	{
		if (sym_get_type(kc, s) == KC_TRISTATE && s->def[DEF_USER].tri == from)
			s->def[DEF_USER].tri = to;
	}
	sym_clear_all_valid(kc);
}
