// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the smart-os driver demo. A kernel module that says hello when it
 * is loaded and goodbye when it is removed, greeting whoever the "whom"
 * parameter names ("modprobe hello whom=world").
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static char *whom = "smart-os";
module_param(whom, charp, 0444);
MODULE_PARM_DESC(whom, "who to greet (default: smart-os)");

static int __init hello_init(void)
{
	pr_info("hello: hello, %s! (module loaded)\n", whom);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("hello: goodbye, %s! (module unloaded)\n", whom);
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("smart-os");
MODULE_DESCRIPTION("smart-os driver demo: greets on load and unload");
