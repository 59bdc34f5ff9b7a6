/*
 *
 * Automatically generated file; DO NOT EDIT.
 * Demo x86 configuration
 *
 */
#define CONFIG_X86 1
#define CONFIG_DEFCONFIG_LIST "arch/$SRCARCH/configs/$ARCH.config"
#define CONFIG_CRC_MODULE 1
#define CONFIG_MODULES 1
#define CONFIG_NAME "hello \"world\""
#define CONFIG_SMP 1
#define CONFIG_COUNT 7
#define CONFIG_NR_CPUS 8
#define CONFIG_MODE_A 1
#define CONFIG_ADDR 0x1000
