/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_A 1
