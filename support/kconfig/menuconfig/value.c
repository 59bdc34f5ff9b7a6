// SPDX-License-Identifier: GPL-2.0
/*
 * value.c - the message shown when typed text is refused for a string/int/hex option.
 *
 * The engine tells only whether a text is valid (kc_sym_str_valid). To name the allowed range,
 * the bounds of an int/hex option are found by bisection around its current (valid) value: the
 * valid numbers of an option with a `range` form one interval. (A kc_sym_range() call has been
 * requested from the engine; this file shrinks to a lookup once it exists.)
 */
#include <stdio.h>
#include <stdlib.h>

#include "mc.h"

/* Wider than any range a Kconfig file uses, narrow enough to leave headroom for arithmetic. */
#define FAR_LO (-(1LL << 62))
#define FAR_HI (1LL << 62)

static bool valid_num(struct kc_ctx *kc, struct kc_sym *s, long long v)
{
	char buf[32];
	if (kc_sym_type(s) == KC_HEX)
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
	else
		snprintf(buf, sizeof(buf), "%lld", v);
	return kc_sym_str_valid(kc, s, buf);
}

/* The valid end of [from, to] next to `to` (valid) when `from` is invalid. */
static long long bisect(struct kc_ctx *kc, struct kc_sym *s, long long bad, long long good)
{
	while (bad - good > 1 || good - bad > 1) {
		long long mid = bad / 2 + good / 2 + (bad % 2 + good % 2) / 2;
		if (valid_num(kc, s, mid))
			good = mid;
		else
			bad = mid;
	}
	return good;
}

/* The interval of valid values; false when unknown (current value invalid or unbounded). */
static bool num_range(struct kc_ctx *kc, struct kc_sym *s, long long *lo, long long *hi)
{
	const char *cur = kc_sym_str(kc, s);
	char *end;
	long long v =
	    kc_sym_type(s) == KC_HEX ? (long long)strtoull(cur, &end, 16) : strtoll(cur, &end, 10);
	if (!*cur || *end || !valid_num(kc, s, v))
		return false;
	long long far_lo = kc_sym_type(s) == KC_HEX ? 0 : FAR_LO;
	*lo = valid_num(kc, s, far_lo) ? far_lo : bisect(kc, s, far_lo, v);
	*hi = valid_num(kc, s, FAR_HI) ? FAR_HI : bisect(kc, s, FAR_HI, v);
	return *lo != far_lo || *hi != FAR_HI;
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
