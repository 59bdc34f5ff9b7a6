// SPDX-License-Identifier: GPL-2.0
/*
 * macro.c - the Kconfig macro language (Documentation/kbuild/kconfig-macro-language.rst).
 *
 * Variables are recursive (=), simple (:=) or appended (+=); a reference is
 * $(name) or $(name,arg,...) for user functions, whose arguments are $(1), $(2)...
 * Built-ins: shell, info, warning-if, error-if, filename, lineno. Anything else
 * falls back to the environment; every environment variable consulted is
 * remembered so auto.conf.cmd can make kbuild re-run Kconfig when it changes.
 *
 * An error (the kernel exits) sets kc->fatal; expansion then yields "" and the
 * parser stops at the end of the statement.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_ARGS 16

struct macro_var {
	struct macro_var *next;
	char *name, *value;
	int flavor;
	int exp_count;
};

struct macro_env {
	struct macro_env *next;
	char *name, *value;
};

static char *expand_with_args(struct kc_ctx *kc, const char *in, int argc, char *argv[]);

static void macro_error(struct kc_ctx *kc, const char *fmt, const char *arg)
{
	if (kc->fatal)
		return;
	kc->fatal = true;
	struct sbuf b = {0};
	sb_printf(&b, "%s:%d: ", kc->cur_file ? kc->cur_file->name : kc->top_file ? kc->top_file->name : "<none>", kc->lex_lineno);
	sb_printf(&b, fmt, arg);
	kc_diag_raw(kc, KC_DIAG_ERROR, b.s);
	sb_free(&b);
}

static char *env_expand(struct kc_ctx *kc, const char *name)
{
	struct macro_env *e;
	const char *v;

	if (!*name)
		return NULL;
	for (e = kc->envs; e; e = e->next)
		if (!strcmp(e->name, name))
			return xstrdup(e->value);
	v = kc_getenv(kc, name);
	if (!v)
		return NULL;
	e = xmalloc(sizeof(*e));
	e->name = xstrdup(name);
	e->value = xstrdup(v);
	e->next = NULL;
	if (!kc->envs_tail)
		kc->envs_tail = &kc->envs;
	*kc->envs_tail = e;
	kc->envs_tail = &e->next;
	return xstrdup(v);
}

void macro_write_env_deps(struct kc_ctx *kc, FILE *f, const char *autoconf)
{
	for (struct macro_env *e = kc->envs; e; e = e->next) {
		fprintf(f, "ifneq \"$(%s)\" \"%s\"\n", e->name, e->value);
		fprintf(f, "%s: FORCE\n", autoconf);
		fprintf(f, "endif\n");
	}
}

static char *fn_shell(struct kc_ctx *kc, char *cmd)
{
	char buf[4096];
	size_t n;
	FILE *p;

	if (kc->opts.no_shell)
		return xstrdup("");
	p = popen(cmd, "r");
	if (!p) {
		macro_error(kc, "%s: cannot run", cmd);
		return xstrdup("");
	}
	n = fread(buf, 1, sizeof(buf), p);
	if (n == sizeof(buf))
		n--;
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = 0;
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '\n')
			buf[i] = ' ';
	pclose(p);
	return xstrdup(buf);
}

/* Built-in functions; NULL when `name` is not one. */
static char *builtin(struct kc_ctx *kc, const char *name, int argc, char *argv[])
{
	static const struct {
		const char *name;
		int min, max;
	} tab[] = {
	    {"error-if", 2, 2}, {"filename", 0, 0}, {"info", 1, 1},
	    {"lineno", 0, 0},	{"shell", 1, 1},    {"warning-if", 2, 2},
	};
	size_t i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (!strcmp(tab[i].name, name))
			break;
	if (i == sizeof(tab) / sizeof(tab[0]))
		return NULL;
	if (argc < tab[i].min) {
		macro_error(kc, "too few function arguments passed to '%s'", name);
		return xstrdup("");
	}
	if (argc > tab[i].max) {
		macro_error(kc, "too many function arguments passed to '%s'", name);
		return xstrdup("");
	}
	switch (i) {
	case 0:
		if (!strcmp(argv[0], "y"))
			macro_error(kc, "%s", argv[1]);
		return xstrdup("");
	case 1:
		return xstrdup(kc->cur_file ? kc->cur_file->name : "");
	case 2:
		printf("%s\n", argv[0]);
		return xstrdup("");
	case 3: {
		char buf[16];
		snprintf(buf, sizeof(buf), "%d", kc->lex_lineno);
		return xstrdup(buf);
	}
	case 4:
		return fn_shell(kc, argv[0]);
	default:
		if (!strcmp(argv[0], "y"))
			kc_diag(kc, KC_DIAG_WARNING, "%s:%d: %s",
				kc->cur_file ? kc->cur_file->name : "", kc->lex_lineno, argv[1]);
		return xstrdup("");
	}
}

static struct macro_var *var_lookup(struct kc_ctx *kc, const char *name)
{
	for (struct macro_var *v = kc->vars; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

static char *var_expand(struct kc_ctx *kc, const char *name, int argc, char *argv[])
{
	struct macro_var *v = var_lookup(kc, name);
	char *res;

	if (!v)
		return NULL;
	if (argc == 0 && v->exp_count) {
		macro_error(kc, "Recursive variable '%s' references itself (eventually)", name);
		return xstrdup("");
	}
	if (v->exp_count > 1000) {
		macro_error(kc, "%s", "Too deep recursive expansion");
		return xstrdup("");
	}
	v->exp_count++;
	if (v->flavor == VAR_RECURSIVE)
		res = expand_with_args(kc, v->value, argc, argv);
	else
		res = xstrdup(v->value);
	v->exp_count--;
	return res;
}

void macro_var_add(struct kc_ctx *kc, const char *name, const char *value, int flavor)
{
	struct macro_var *v = var_lookup(kc, name);
	bool append = v && flavor == VAR_APPEND;
	char *nv;

	if (flavor == VAR_APPEND)
		flavor = v ? v->flavor : VAR_RECURSIVE;
	/*
	 * Expand before the variable changes: `X := $(X) more` sees the old
	 * value, and a new variable is not visible to its own definition.
	 */
	nv = flavor == VAR_SIMPLE ? macro_expand_string(kc, value) : xstrdup(value);
	if (!v) {
		struct macro_var **pp = &kc->vars;

		v = xmalloc(sizeof(*v));
		v->name = xstrdup(name);
		v->value = NULL;
		v->exp_count = 0;
		v->next = NULL;
		while (*pp)
			pp = &(*pp)->next;
		*pp = v;
	}
	v->flavor = flavor;
	if (append) {
		size_t a = strlen(v->value), b = strlen(nv);

		v->value = xrealloc(v->value, a + b + 2);
		v->value[a] = ' ';
		memcpy(v->value + a + 1, nv, b + 1);
		free(nv);
	} else {
		free(v->value);
		v->value = nv;
	}
}

void macro_free_vars(struct kc_ctx *kc)
{
	while (kc->vars) {
		struct macro_var *n = kc->vars->next;

		free(kc->vars->name);
		free(kc->vars->value);
		free(kc->vars);
		kc->vars = n;
	}
}

void macro_free_all(struct kc_ctx *kc)
{
	macro_free_vars(kc);
	while (kc->envs) {
		struct macro_env *n = kc->envs->next;

		free(kc->envs->name);
		free(kc->envs->value);
		free(kc->envs);
		kc->envs = n;
	}
	kc->envs_tail = &kc->envs;
}

/* Evaluate the text between "$(" and its ")". */
static char *eval_clause(struct kc_ctx *kc, const char *str, size_t len, int argc, char *argv[])
{
	char *tmp = xstrndup(str, len), *endp, *p, *prev, *name, *res;
	char *nargv[MAX_ARGS];
	int nargc = 0, nest = 0, i;
	unsigned long n;

	n = strtoul(tmp, &endp, 10);
	if (!*endp && n > 0 && n <= (unsigned long)argc) {
		res = xstrdup(argv[n - 1]);
		free(tmp);
		return res;
	}
	prev = p = tmp;
	for (; *p; p++) {
		if (nest == 0 && *p == ',') {
			*p = 0;
			if (nargc >= MAX_ARGS) {
				macro_error(kc, "%s", "too many function arguments");
				free(tmp);
				return xstrdup("");
			}
			nargv[nargc++] = prev;
			prev = p + 1;
		} else if (*p == '(') {
			nest++;
		} else if (*p == ')') {
			nest--;
		}
	}
	if (nargc >= MAX_ARGS) {
		macro_error(kc, "%s", "too many function arguments");
		free(tmp);
		return xstrdup("");
	}
	nargv[nargc++] = prev;

	name = expand_with_args(kc, nargv[0], argc, argv);
	nargc--;
	for (i = 0; i < nargc; i++)
		nargv[i] = expand_with_args(kc, nargv[i + 1], argc, argv);

	res = var_expand(kc, name, nargc, nargv);
	if (!res)
		res = builtin(kc, name, nargc, nargv);
	if (!res && nargc == 0)
		res = env_expand(kc, name);
	if (!res)
		res = xstrdup("");
	for (i = 0; i < nargc; i++)
		free(nargv[i]);
	free(name);
	free(tmp);
	return res;
}

/* A chain of variables each referring to the next nests this deep; Linux uses under 10. */
#define MAX_MACRO_DEPTH 10000
#define MAX_MACRO_DEPTH_TEXT "10000"

static char *expand_dollar_args(struct kc_ctx *kc, const char **str, int argc, char *argv[])
{
	const char *p = *str, *q;
	int nest = 0;
	char *res;

	if (*p != '(')
		return xstrdup("$");
	if (kc->macro_depth > MAX_MACRO_DEPTH) {
		macro_error(kc, "%s",
			    "Too deep recursive expansion (references nested deeper than "
			    MAX_MACRO_DEPTH_TEXT ", the engine's limit)");
		*str = p + strlen(p);
		return xstrdup("");
	}
	p++;
	for (q = p; *q; q++) {
		if (*q == '(')
			nest++;
		else if (*q == ')' && nest-- == 0)
			break;
	}
	if (!*q) {
		macro_error(kc, "unterminated reference to '%s': missing ')'", p);
		*str = q;
		return xstrdup("");
	}
	*str = q + 1;
	kc->macro_depth++;
	res = eval_clause(kc, p, (size_t)(q - p), argc, argv);
	kc->macro_depth--;
	return res;
}

char *macro_expand_dollar(struct kc_ctx *kc, const char **str)
{
	return expand_dollar_args(kc, str, 0, NULL);
}

static bool end_of_str(char c)
{
	return !c;
}

static bool end_of_token(char c)
{
	return !(isalnum((unsigned char)c) || c == '_' || c == '-');
}

static char *expand_until(struct kc_ctx *kc, const char **str, bool (*is_end)(char), int argc,
			  char *argv[])
{
	struct sbuf b = {0};
	const char *in = *str, *p = *str;

	for (;;) {
		if (*p == '$') {
			char *x;

			sb_putn(&b, in, (size_t)(p - in));
			p++;
			x = expand_dollar_args(kc, &p, argc, argv);
			sb_puts(&b, x);
			free(x);
			in = p;
			continue;
		}
		if (is_end(*p))
			break;
		p++;
	}
	sb_putn(&b, in, (size_t)(p - in));
	*str = p;
	return sb_steal(&b);
}

static char *expand_with_args(struct kc_ctx *kc, const char *in, int argc, char *argv[])
{
	return expand_until(kc, &in, end_of_str, argc, argv);
}

char *macro_expand_string(struct kc_ctx *kc, const char *in)
{
	return expand_with_args(kc, in, 0, NULL);
}

char *macro_expand_token(struct kc_ctx *kc, const char **str)
{
	return expand_until(kc, str, end_of_token, 0, NULL);
}
