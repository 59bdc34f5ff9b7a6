// SPDX-License-Identifier: GPL-2.0
/*
 * value.c - the message shown when typed text is refused for a string/int/hex option,
 * naming the allowed range (the engine's kc_explain() reports the `range` in force).
 */
#include <stdio.h>
#include <stdlib.h>

#include "mc.h"

/* The range in force as numbers; false when the option has none. */
static bool num_range(struct kc_ctx *kc, struct kc_sym *s, long long *lo, long long *hi)
{
	struct kc_explain e;
	bool ok = false;
	int base = kc_sym_type(s) == KC_HEX ? 16 : 10;

	if (kc_explain(kc, s, &e) != 0)
		return false;
	if (e.range_min && e.range_max) {
		*lo = strtoll(e.range_min, NULL, base);
		*hi = strtoll(e.range_max, NULL, base);
		ok = true;
	}
	kc_explain_free(&e);
	return ok;
}

void mc_refusal(struct kc_ctx *kc, struct kc_sym *s, const char *text, char *msg, size_t n)
{
	const char *name = kc_sym_name(s) ? kc_sym_name(s) : _("this option");
	enum kc_type t = kc_sym_type(s);
	long long lo, hi;

	if ((t == KC_INT || t == KC_HEX) && num_range(kc, s, &lo, &hi)) {
		if (t == KC_HEX)
			snprintf(
			    msg, n,
			    _("\"%.40s\" is refused: %s takes a hex number from 0x%llx to 0x%llx."),
			    text, name, (unsigned long long)lo, (unsigned long long)hi);
		else
			snprintf(msg, n,
				 _("\"%.40s\" is refused: %s takes a number from %lld to %lld."), text,
				 name, lo, hi);
	} else if (t == KC_INT || t == KC_HEX) {
		snprintf(msg, n,
			 t == KC_HEX ? _("\"%.40s\" is refused: %s takes a hexadecimal number.")
				      : _("\"%.40s\" is refused: %s takes a decimal number."),
			 text, name);
	} else {
		snprintf(msg, n, _("\"%.40s\" is refused: not a valid %s value for %s."), text,
			 kc_type_name(t), name);
	}
}
