// SPDX-License-Identifier: GPL-2.0
/*
 * container-init: PID 1 for a smart-os container image.
 *
 *   container-init [COMMAND [ARG...]]     (default command: /bin/sh)
 *
 * Runs COMMAND as its only child and, as PID 1 must, reaps every orphan that
 * the kernel hands to it. SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 and
 * SIGWINCH are passed on to the child. SIGTERM (what "docker stop" sends) is
 * passed on too; a child that is still alive after the grace period
 * (CONTAINER_INIT_GRACE_MS, default 500 ms) gets SIGKILL, so the container
 * always stops within a second instead of waiting for the engine's timeout.
 * Exit status: the child's (128+N when it died of signal N), except that a
 * child ended by the SIGTERM we forwarded counts as a clean stop: status 0.
 *
 * Why not busybox init: it starts getty on ttys a container does not have,
 * and on SIGTERM it tries reboot(), which a container may not do.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const int forwarded[] = { SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH, SIGTERM };

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static long grace_ms(void)
{
	const char *s = getenv("CONTAINER_INIT_GRACE_MS");
	char *end;
	long v;

	if (!s || !*s)
		return 500;
	v = strtol(s, &end, 10);
	return (*end || v < 0) ? 500 : v;
}

static pid_t spawn(char **argv, const sigset_t *oldmask)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("container-init: fork");
		exit(1);
	}
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, oldmask, NULL);
		execvp(argv[0], argv);
		fprintf(stderr, "container-init: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

/* Reap every exited process; returns 1 when CHILD was among them. */
static int reap(pid_t child, int *status)
{
	int found = 0, st;
	pid_t pid;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		if (pid == child) {
			*status = st;
			found = 1;
		}
	}
	return found;
}

int main(int argc, char **argv)
{
	static char *default_argv[] = { "/bin/sh", NULL };
	char **cmd = argc > 1 ? argv + 1 : default_argv;
	sigset_t set, oldmask;
	long deadline = -1, grace = grace_ms();
	int terminated = 0, status = 0;
	pid_t child;
	size_t i;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	for (i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		sigaddset(&set, forwarded[i]);
	sigprocmask(SIG_BLOCK, &set, &oldmask);

	child = spawn(cmd, &oldmask);
	for (;;) {
		struct timespec tick = { 0, 50 * 1000000L };
		int sig = sigtimedwait(&set, NULL, &tick);

		if (sig > 0 && sig != SIGCHLD) {
			if (sig == SIGTERM && !terminated) {
				terminated = 1;
				deadline = now_ms() + grace;
			}
			kill(child, sig);
		}
		if (reap(child, &status))
			break;
		if (deadline >= 0 && now_ms() >= deadline) {
			kill(child, SIGKILL);
			deadline = -1;
		}
	}
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (terminated)
		return 0;
	return 128 + WTERMSIG(status);
}
