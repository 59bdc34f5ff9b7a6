# Make code of the tree (package .mk files are included by smart-os itself).
EXAMPLE_BOARD_DIR = $(SMARTOS_EXTERNAL_EXAMPLE_PATH)/board/example
