// SPDX-License-Identifier: GPL-2.0
/*
 * peak-rss.c - a preload library for bench.sh: at exit, a process appends its own
 * executable and peak resident set size (VmHWM of /proc/self/status, KiB) to the file
 * $PEAK_RSS_OUT. /usr/bin/time reports the largest of a process and its children, and
 * conf's children (the compiler probes of the kernel's Kconfig) are larger than conf, so
 * this is how conf's own figure is measured.
 */
#define _DEFAULT_SOURCE

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

__attribute__((destructor)) static void report(void)
{
	const char *out = getenv("PEAK_RSS_OUT");
	char exe[4096], line[256], msg[4400];
	ssize_t n;
	long hwm = -1;
	FILE *f;
	int fd;

	if (!out || (n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return;
	exe[n] = '\0';
	f = fopen("/proc/self/status", "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmHWM:", 6))
			hwm = strtol(line + 6, NULL, 10);
	fclose(f);
	fd = open(out, O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd < 0)
		return;
	n = snprintf(msg, sizeof(msg), "%s %ld\n", exe, hwm);
	if (write(fd, msg, (size_t)n) != n)
		n = 0;
	close(fd);
}
