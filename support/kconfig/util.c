// SPDX-License-Identifier: GPL-2.0
/*
 * util.c - arena allocator, growable strings and diagnostics.
 *
 * Everything the parser builds (symbols, menus, expressions, strings) lives in
 * one arena per context and is released at once by kc_free(): no per-object
 * ownership to get wrong, and a lean heap for the 20k-symbol kernel tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct arena_blk {
	struct arena_blk *next;
	max_align_t data[];
};

#define ARENA_BLOCK (256 * 1024)

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fputs("kconfig: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("kconfig: out of memory\n", stderr);
		abort();
	}
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t al = sizeof(void *); /* nothing we store needs more */
	char *p;

	n = (n + al - 1) & ~(al - 1);
	if ((size_t)(a->end - a->cur) < n) {
		size_t sz = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		struct arena_blk *b = xmalloc(sizeof(*b) + sz);

		b->next = a->head;
		a->head = b;
		if (sz != ARENA_BLOCK) {
			/* big object: own block, keep the current one for small ones */
			memset(b->data, 0, n);
			return b->data;
		}
		a->cur = (char *)b->data;
		a->end = a->cur + sz;
	}
	p = a->cur;
	a->cur += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_blk *n = a->head->next;

		free(a->head);
		a->head = n;
	}
	a->cur = a->end = NULL;
}

static void sb_grow(struct sbuf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
}

void sb_putn(struct sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void sb_puts(struct sbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

void sb_putc(struct sbuf *b, char c)
{
	sb_putn(b, &c, 1);
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sb_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *sb_steal(struct sbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void sb_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void kc_diag_raw(struct kc_ctx *kc, enum kc_diag_level lvl, const char *text)
{
	if (lvl == KC_DIAG_ERROR)
		kc->errors++;
	else if (lvl == KC_DIAG_WARNING)
		kc->warnings++;
	if (kc->opts.diag) {
		kc->opts.diag(kc->opts.diag_arg, lvl, text);
		return;
	}
	if (lvl == KC_DIAG_MESSAGE) {
		printf("#\n# %s\n#\n", text);
		return;
	}
	fputs(text, stderr);
	fputc('\n', stderr);
}

void kc_diag(struct kc_ctx *kc, enum kc_diag_level lvl, const char *fmt, ...)
{
	struct sbuf b = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sb_grow(&b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len = (size_t)n;
	kc_diag_raw(kc, lvl, b.s);
	sb_free(&b);
}

const char *kc_getenv(struct kc_ctx *kc, const char *name)
{
	if (kc->opts.getenv)
		return kc->opts.getenv(kc->opts.getenv_arg, name);
	return getenv(name);
}
