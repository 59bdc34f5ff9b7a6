// SPDX-License-Identifier: MIT
#include <stdio.h>

int main(void)
{
	puts("hello from the vendor tree (unpatched)");
	return 0;
}
