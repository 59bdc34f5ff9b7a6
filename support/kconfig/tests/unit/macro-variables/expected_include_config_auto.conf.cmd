deps_config := \
	Kconfig \

include/config/auto.conf: $(deps_config)

ifneq "$(ENVVAR)" "from-env"
include/config/auto.conf: FORCE
endif

$(deps_config): ;
