/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_H 0x1000
#define CONFIG_H2 0xff
#define CONFIG_NEG -5
#define CONFIG_N 10
#define CONFIG_S "a \"quoted\" \\ string"
#define CONFIG_FROM 10
