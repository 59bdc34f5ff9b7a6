// SPDX-License-Identifier: GPL-2.0
/*
 * lexer.c - turns Kconfig files into tokens.
 *
 * Each file is read whole into memory; `source` pushes a new buffer. Words that
 * contain '$' and strings are macro-expanded here, as the kernel does, so the
 * parser only ever sees expanded text. A statement's line number is the line of
 * its first token (kept in kc->cur_lineno), which is what messages report.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

static const struct {
	const char *word;
	enum tok tok;
} keywords[] = {
    {"bool", T_BOOL},
    {"choice", T_CHOICE},
    {"comment", T_COMMENT},
    {"config", T_CONFIG},
    {"def_bool", T_DEF_BOOL},
    {"def_tristate", T_DEF_TRISTATE},
    {"default", T_DEFAULT},
    {"depends", T_DEPENDS},
    {"endchoice", T_ENDCHOICE},
    {"endif", T_ENDIF},
    {"endmenu", T_ENDMENU},
    {"help", T_HELP},
    {"hex", T_HEX},
    {"if", T_IF},
    {"imply", T_IMPLY},
    {"int", T_INT},
    {"mainmenu", T_MAINMENU},
    {"menu", T_MENU},
    {"menuconfig", T_MENUCONFIG},
    {"modules", T_MODULES},
    {"on", T_ON},
    {"optional", T_OPTIONAL},
    {"prompt", T_PROMPT},
    {"range", T_RANGE},
    {"select", T_SELECT},
    {"source", T_SOURCE},
    {"string", T_STRING},
    {"tristate", T_TRISTATE},
    {"visible", T_VISIBLE},
};

/*
 * The kconfig-frontends 4.11 language (kc_kfront) has `option` and the old spelling of
 * `help`, and no `modules` keyword (it is an `option` there).
 */
static const struct {
	const char *word;
	enum tok tok;
} kfront_keywords[] = {
    {"option", T_OPTION},
    {"---help---", T_HELP},
};

/* The keyword spelled by the n bytes at p, or T_WORD. */
static enum tok keyword(const struct kc_ctx *kc, const char *p, size_t n)
{
	if (kc_kfront(kc)) {
		for (size_t i = 0; i < sizeof(kfront_keywords) / sizeof(kfront_keywords[0]); i++)
			if (strlen(kfront_keywords[i].word) == n &&
			    !memcmp(kfront_keywords[i].word, p, n))
				return kfront_keywords[i].tok;
		if (n == 7 && !memcmp(p, "modules", 7))
			return T_WORD;
	}
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strlen(keywords[i].word) == n && !memcmp(keywords[i].word, p, n))
			return keywords[i].tok;
	return T_WORD;
}

const char *tok_name(enum tok t)
{
	static const char *const ops[] = {"||", "&&", "=", "!=", "<",  "<=", ">",
					  ">=", "!",  "(", ")",	 ":=", "+="};

	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (keywords[i].tok == t)
			return keywords[i].word;
	if (t >= T_OR)
		return ops[t - T_OR];
	switch (t) {
	case T_OPTION:
		return "option";
	case T_EOF:
		return "end of file";
	case T_EOL:
		return "end of line";
	case T_WORD:
		return "word";
	case T_WORD_QUOTE:
		return "string";
	default:
		return "token";
	}
}

/* The whole file, or NULL with errno set when it cannot be read (a directory, EIO). */
static char *read_file(FILE *f, size_t *len)
{
	struct sbuf b = {0};
	char tmp[65536];
	size_t n;

	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		sb_putn(&b, tmp, n);
	if (ferror(f)) {
		int err = errno;

		sb_free(&b);
		errno = err;
		return NULL;
	}
	*len = b.len;
	return sb_steal(&b);
}

/* Read f whole and make it the current buffer; false (f closed) if it cannot be read. */
static bool push_file(struct lexer *lx, FILE *f)
{
	struct lex_buf *b = xmalloc(sizeof(*b));

	b->text = read_file(f, &b->len);
	fclose(f);
	if (!b->text) {
		free(b);
		return false;
	}
	/*
	 * The buffer is NUL-terminated but may hold NUL bytes of its own: the end is b->len.
	 * A NUL is an unsupported character between tokens (warned about, skipped) and ends
	 * the text of a string, help or assignment value, as in the kernel's lexer.
	 */
	b->pos = 0;
	b->lineno = 1;
	b->parent = lx->buf;
	lx->buf = b;
	return true;
}

bool lex_open(struct lexer *lx, const char *name)
{
	struct kc_ctx *kc = lx->kc;
	FILE *f = kc_fopen(kc, name);

	lx->prev_tok = lx->prev_prev_tok = T_EOL;
	if (!f) {
		kc_diag(kc, KC_DIAG_ERROR, "can't find file %s", name);
		return false;
	}
	kc->cur_file = kc->top_file = kc_file_lookup(kc, name);
	if (!push_file(lx, f)) {
		kc_diag(kc, KC_DIAG_ERROR, "can't read file %s: %s", name, strerror(errno));
		return false;
	}
	kc->lex_lineno = 1;
	return true;
}

bool lex_source(struct lexer *lx, const char *name)
{
	struct kc_ctx *kc = lx->kc;
	struct kc_file *file = kc_file_lookup(kc, name);
	/* a `source` ending the top file without a newline is read after its EOF */
	struct kc_file *cur = kc->cur_file ? kc->cur_file : kc->top_file;
	FILE *f = kc_fopen(kc, file->name);

	if (!f) {
		kc_diag(kc, KC_DIAG_ERROR, "%s:%d: can't open file \"%s\"", cur->name,
			kc->cur_lineno, file->name);
		return false;
	}
	cur->lineno = lx->buf ? lx->buf->lineno : kc->lex_lineno;
	file->parent = cur;
	for (struct kc_file *it = cur; it; it = it->parent) {
		if (!strcmp(it->name, file->name)) {
			struct sbuf b = {0};

			sb_printf(
			    &b,
			    "Recursive inclusion detected.\nInclusion path:\n  current file : %s",
			    file->name);
			it = file;
			do {
				it = it->parent;
				sb_printf(&b, "\n  included from: %s:%d", it->name, it->lineno - 1);
			} while (strcmp(it->name, file->name));
			kc_diag_raw(kc, KC_DIAG_ERROR, b.s);
			sb_free(&b);
			fclose(f);
			return false;
		}
	}
	if (!push_file(lx, f)) {
		kc_diag(kc, KC_DIAG_ERROR, "%s:%d: can't read file \"%s\": %s", cur->name,
			kc->cur_lineno, file->name, strerror(errno));
		return false;
	}
	kc->cur_file = file;
	kc->lex_lineno = 1;
	return true;
}

static void pop_file(struct lexer *lx)
{
	struct kc_ctx *kc = lx->kc;
	struct lex_buf *b = lx->buf;

	lx->buf = b->parent;
	free(b->text);
	free(b);
	kc->cur_file = kc->cur_file->parent;
	if (kc->cur_file && lx->buf)
		kc->lex_lineno = lx->buf->lineno;
}

void lex_close(struct lexer *lx)
{
	while (lx->buf) {
		struct lex_buf *b = lx->buf;

		lx->buf = b->parent;
		free(b->text);
		free(b);
	}
}

static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

static void warn(struct lexer *lx, const char *fmt, const char *arg)
{
	struct sbuf b = {0};

	sb_printf(&b, "%s:%d:warning: ", lx->kc->cur_file->name, lx->buf->lineno);
	sb_printf(&b, fmt, arg);
	kc_diag_raw(lx->kc, KC_DIAG_WARNING, b.s);
	sb_free(&b);
}

/* Bytes from the current position to the end of the line (or of the buffer). */
static size_t line_span(const struct lex_buf *b)
{
	const char *nl = memchr(b->text + b->pos, '\n', b->len - b->pos);

	return nl ? (size_t)(nl - (b->text + b->pos)) : b->len - b->pos;
}

/* The rest of the current line from `p` (without the newline), malloc'ed. */
static char *rest_of_line(const char *p)
{
	return xstrndup(p, strcspn(p, "\n"));
}

static enum tok lex_string(struct lexer *lx, char quote)
{
	struct lex_buf *b = lx->buf;
	struct kc_ctx *kc = lx->kc;
	struct sbuf s = {0};

	for (;;) {
		char c = b->text[b->pos];

		if (b->pos >= b->len || kc->fatal)
			break;
		if (c == '$' && !kc_kfront(kc)) {
			char *line = rest_of_line(b->text + b->pos + 1);
			const char *q = line;
			char *x = macro_expand_dollar(kc, &q);

			b->pos += 1 + (size_t)(q - line);
			sb_puts(&s, x);
			free(x);
			free(line);
			continue;
		}
		if (c == '\\') {
			b->pos++;
			if (b->text[b->pos] && b->text[b->pos] != '\n')
				sb_putc(&s, b->text[b->pos++]);
			continue;
		}
		if (c == '\'' || c == '"') {
			b->pos++;
			if (c == quote)
				break;
			sb_putc(&s, c);
			continue;
		}
		if (c == '\n') {
			struct sbuf w = {0};

			sb_printf(&w, "%s:%d:warning: multi-line strings not supported",
				  kc->cur_file->name, kc->cur_lineno);
			kc_diag_raw(kc, KC_DIAG_WARNING, w.s);
			sb_free(&w);
			break;
		}
		sb_putc(&s, c);
		b->pos++;
	}
	lx->str = arena_strdup(&kc->arena, s.s ? s.s : "");
	sb_free(&s);
	return T_WORD_QUOTE;
}

static enum tok lex_assign_val(struct lexer *lx)
{
	struct lex_buf *b = lx->buf;

	lx->assign_val = false;
	while (b->text[b->pos] == ' ' || b->text[b->pos] == '\t')
		b->pos++;
	if (b->pos < b->len && b->text[b->pos] != '\n') {
		size_t n = line_span(b);

		lx->str = arena_strndup(&lx->kc->arena, b->text + b->pos, n);
		b->pos += n;
		return T_ASSIGN_VAL;
	}
	if (b->text[b->pos] == '\n') {
		b->pos++;
		b->lineno++;
		lx->kc->lex_lineno = b->lineno;
		return T_EOL;
	}
	return T_EOF; /* handled by the caller like INITIAL's EOF */
}

/*
 * lex_raw reads one token as the kernel's flex scanner would, because the parser's error
 * messages and line numbers must match the kernel's byte for byte.
 *
 * The end of a buffer is not the end of input: a sourced file returns to its parent, and
 * the end of every file first yields an end of line (with a warning when the file lacked its
 * final newline), so a statement cut off by the end of a file is closed the same way in
 * every file. Comments, blanks and escaped newlines are skipped but still counted, since
 * the line of the statement's first token is what messages report. Words are looked up as
 * keywords only when they hold no `$`: a word with a reference is macro-expanded first, and
 * what it expands to is always a plain word, never a keyword, as in the kernel; an empty
 * expansion vanishes. Operators are one or two characters. Anything else (a NUL byte
 * included) is warned about and skipped rather than ending the file, so a stray byte cannot
 * silently drop the rest of a tree.
 */
static enum tok lex_raw(struct lexer *lx)
{
	struct kc_ctx *kc = lx->kc;

again:
	if (!lx->buf)
		return T_EOF;
	if (lx->assign_val) {
		enum tok t = lex_assign_val(lx);

		if (t != T_EOF)
			return t;
	}
	struct lex_buf *b = lx->buf;
	const char *p = b->text + b->pos;
	char c = *p;

	kc->lex_lineno = b->lineno;
	if (b->pos >= b->len) {
		if (lx->prev_tok != T_EOL && lx->prev_tok != T_HELPTEXT) {
			struct sbuf w = {0};

			sb_printf(&w, "%s:%d:warning: no new line at end of file",
				  kc->cur_file->name, b->lineno);
			kc_diag_raw(kc, KC_DIAG_WARNING, w.s);
			sb_free(&w);
		}
		pop_file(lx);
		return T_EOL;
	}
	if (c == '#') {
		b->pos += line_span(b);
		goto again;
	}
	if (c == ' ' || c == '\t') {
		b->pos++;
		goto again;
	}
	if (c == '\\' && p[1] == '\n') {
		b->pos += 2;
		b->lineno++;
		goto again;
	}
	if (c == '\n') {
		b->pos++;
		b->lineno++;
		kc->lex_lineno = b->lineno;
		return T_EOL;
	}
	if (c == '"' || c == '\'') {
		b->pos++;
		return lex_string(lx, c);
	}
	/* no macros in the kconfig-frontends language: a '$' there is a stray character */
	bool macros = !kc_kfront(kc);

	if (is_word_char(c) || (c == '$' && macros)) {
		size_t n = 0;
		bool dollar = false;

		while (is_word_char(p[n]) || (p[n] == '$' && macros)) {
			dollar |= p[n] == '$';
			n++;
		}
		if (!dollar) {
			enum tok t = keyword(kc, p, n);

			if (t == T_WORD)
				lx->str = arena_strndup(&kc->arena, p, n);
			b->pos += n;
			return t;
		}
		char *line = rest_of_line(p);
		const char *q = line;
		char *x = macro_expand_token(kc, &q);

		b->pos += (size_t)(q - line);
		free(line);
		if (*x) {
			lx->str = arena_strdup(&kc->arena, x);
			free(x);
			return T_WORD;
		}
		free(x);
		goto again;
	}
	b->pos++;
	switch (c) {
	case '|':
		if (p[1] == '|') {
			b->pos++;
			return T_OR;
		}
		break;
	case '&':
		if (p[1] == '&') {
			b->pos++;
			return T_AND;
		}
		break;
	case '=':
		return T_EQUAL;
	case '!':
		if (p[1] == '=') {
			b->pos++;
			return T_UNEQUAL;
		}
		return T_NOT;
	case '<':
		if (p[1] == '=') {
			b->pos++;
			return T_LESS_EQUAL;
		}
		return T_LESS;
	case '>':
		if (p[1] == '=') {
			b->pos++;
			return T_GREATER_EQUAL;
		}
		return T_GREATER;
	case '(':
		return T_OPEN_PAREN;
	case ')':
		return T_CLOSE_PAREN;
	case ':':
		if (p[1] == '=' && macros) {
			b->pos++;
			return T_COLON_EQUAL;
		}
		break;
	case '+':
		if (p[1] == '=' && macros) {
			b->pos++;
			return T_PLUS_EQUAL;
		}
		break;
	}
	{
		/* the kernel prints a NUL byte as it is; a C string cannot carry one */
		char s[3] = {c, 0, 0};

		if (!c)
			memcpy(s, "\\0", 3);
		warn(lx, "ignoring unsupported character '%s'", s);
	}
	goto again;
}

enum tok lex_next(struct lexer *lx)
{
	struct kc_ctx *kc = lx->kc;
	enum tok t;

	for (;;) {
		t = lex_raw(lx);
		if (lx->prev_tok == T_EOL || lx->prev_tok == T_HELPTEXT) {
			if (t == T_EOL)
				continue;
			kc->cur_lineno = kc->lex_lineno;
		}
		break;
	}
	if (lx->prev_prev_tok == T_EOL && lx->prev_tok == T_WORD && !kc_kfront(kc) &&
	    (t == T_EQUAL || t == T_COLON_EQUAL || t == T_PLUS_EQUAL))
		lx->assign_val = true;
	lx->prev_prev_tok = lx->prev_tok;
	lx->prev_tok = t;
	return t;
}

/* Help text: indentation relative to the first line, tabs expanded to 8. */
enum tok lex_help(struct lexer *lx)
{
	struct lex_buf *b = lx->buf;
	struct sbuf s = {0};
	int first_ts = 0, last_ts = 0;

	if (!b) {
		/* `help` was the last word of the top file: an empty text */
		lx->str = arena_strdup(&lx->kc->arena, "");
		lx->prev_prev_tok = lx->prev_tok;
		lx->prev_tok = T_HELPTEXT;
		return T_HELPTEXT;
	}
	for (;;) {
		const char *p = b->text + b->pos;

		if (b->pos >= b->len)
			break;
		if (*p == ' ' || *p == '\t') {
			size_t n = strspn(p, " \t");

			if (p[n] == '\n') {
				/* blank line (maybe with whitespace) */
				b->pos += n + 1;
				b->lineno++;
				if (b->pos < b->len && p[n + 1] != ' ' && p[n + 1] != '\t' &&
				    p[n + 1] != '\n')
					break;
				sb_putc(&s, '\n');
				continue;
			}
			int ts = 0;

			for (size_t i = 0; i < n; i++)
				ts = p[i] == '\t' ? (ts & ~7) + 8 : ts + 1;
			last_ts = ts;
			b->pos += n;
			if (first_ts) {
				if (ts < first_ts)
					break;
				ts -= first_ts;
				while (ts > 8) {
					sb_puts(&s, "        ");
					ts -= 8;
				}
				sb_putn(&s, "        ", (size_t)ts);
			}
			continue;
		}
		if (*p == '\n') {
			b->pos++;
			b->lineno++;
			if (b->pos < b->len && p[1] != ' ' && p[1] != '\t' && p[1] != '\n')
				break;
			sb_putc(&s, '\n');
			continue;
		}
		size_t n = line_span(b);

		b->pos += n;
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		sb_putn(&s, p, n);
		if (!first_ts)
			first_ts = last_ts;
	}
	lx->str = arena_strdup(&lx->kc->arena, s.s ? s.s : "");
	sb_free(&s);
	lx->prev_prev_tok = lx->prev_tok;
	lx->prev_tok = T_HELPTEXT;
	lx->kc->lex_lineno = b->lineno;
	/* the help text is the first token after an EOL: its end line is the statement's */
	lx->kc->cur_lineno = b->lineno;
	return T_HELPTEXT;
}
