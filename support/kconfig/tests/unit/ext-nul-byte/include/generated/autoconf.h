/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_B 1
#define CONFIG_A 1
#define CONFIG_D 1
#define CONFIG_C 1
