/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define SMARTOS_BAR "x"
