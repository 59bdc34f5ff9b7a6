/*
 * Automatically generated file; DO NOT EDIT.
 * Test unit
 */
#define CONFIG_B_MODULE 1
#define CONFIG_A 1
#define CONFIG_MODULES 1
#define CONFIG_D 1
#define CONFIG_C_MODULE 1
