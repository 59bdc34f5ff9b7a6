################################################################################
# nginx: web server with the RTMP module (live streams over RTMP, HLS
# segments served over HTTP). Its configuration file comes from the package
# (nginx.conf here) or the board (SMARTOS_PACKAGE_NGINX_CONFIG_FILE) and is
# checked twice: before compiling (check-config syntax) and by the built
# nginx itself (check-config nginx-test, nginx -t).
################################################################################

NGINX_VERSION = 1.22.1
# Debian's orig tarball, and Debian's patches of 1.22.1-9+deb12u9: its
# security fixes (CVE-2024-7347, CVE-2025-23419 and later ones) and a few
# bug fixes.
NGINX_SOURCE = nginx_$(NGINX_VERSION).orig.tar.gz
NGINX_APT_SOURCE = nginx
NGINX_APT_VERSION = 1.22.1-9+deb12u9
NGINX_APT_FILE = $(NGINX_SOURCE)
NGINX_APT_DEBIAN_PATCHES = YES
# The RTMP module is Debian's source package libnginx-mod-rtmp (the
# module's 1.2.2 release, repacked by Debian): a second download of this
# package, unpacked into nginx-rtmp-module/ and compiled into nginx.
NGINX_RTMP_SOURCE = libnginx-mod-rtmp_1.2.2+dfsg.orig.tar.xz
NGINX_EXTRA_DOWNLOADS = apt://libnginx-mod-rtmp/1:1.2.2+dfsg-3/$(NGINX_RTMP_SOURCE)
NGINX_LICENSE = BSD-2-Clause (nginx), BSD-2-Clause (RTMP module)
NGINX_LICENSE_FILES = LICENSE nginx-rtmp-module/LICENSE
# toolchain-runtime: nginx links libcrypt (SMARTOS_TOOLCHAIN_TARGET_LIBCRYPT,
# selected in Kconfig), and the configuration test below runs the built nginx
# on this package's own target directory, which must hold it too.
NGINX_DEPENDENCIES = zlib openssl pcre2 toolchain-runtime
NGINX_USERS = nginx -1 nginx -1 - /var/lib/nginx - - nginx

define NGINX_EXTRACT_RTMP_MODULE
	mkdir -p $(@D)/nginx-rtmp-module
	tar -xf $(NGINX_DL_DIR)/$(NGINX_RTMP_SOURCE) -C $(@D)/nginx-rtmp-module --strip-components=1 --no-same-owner
endef
NGINX_POST_EXTRACT_HOOKS += NGINX_EXTRACT_RTMP_MODULE

# --- the configuration file --------------------------------------------------------
# The board's file or the package's; errors name the option and the file as
# given. Its contents are an input of the package: editing it rebuilds nginx.
NGINX_CONFIG_FILE = $(call qstrip,$(SMARTOS_PACKAGE_NGINX_CONFIG_FILE))
NGINX_CONFIG_SHOWN = $(or $(NGINX_CONFIG_FILE),$(NGINX_PKGDIR)/nginx.conf)
NGINX_CONFIG_SOURCE = $(call abs-path,$(NGINX_CONFIG_SHOWN))
NGINX_CONFIG_OPTION = $(if $(NGINX_CONFIG_FILE),SMARTOS_PACKAGE_NGINX_CONFIG_FILE,nginx)
NGINX_INPUT_FILES = $(NGINX_CONFIG_SOURCE)
NGINX_CHECK = $(PYTHON3) $(NGINX_PKGDIR)/check-config

# The ports from menuconfig, then our syntax check (with the directive
# names of these sources): a bad file stops the build before anything is
# compiled. Before the patches, so that a failed check leaves nothing
# half-done to the sources (the check only reads them).
define NGINX_PREPARE_CONFIG
	test -f $(NGINX_CONFIG_SOURCE) || { echo "ERROR: $(NGINX_CONFIG_OPTION): $(NGINX_CONFIG_SHOWN) is not a file" >&2; exit 1; }
	sed -e 's/@RTMP_PORT@/$(SMARTOS_PACKAGE_NGINX_RTMP_PORT)/g' -e 's/@HTTP_PORT@/$(SMARTOS_PACKAGE_NGINX_HTTP_PORT)/g' \
		$(NGINX_CONFIG_SOURCE) > $(@D)/smartos-nginx.conf.tmp
	mv $(@D)/smartos-nginx.conf.tmp $(@D)/smartos-nginx.conf
	$(NGINX_CHECK) syntax --option $(NGINX_CONFIG_OPTION) --shown $(NGINX_CONFIG_SHOWN) \
		--sources $(@D) $(@D)/smartos-nginx.conf
endef
NGINX_PRE_PATCH_HOOKS += NGINX_PREPARE_CONFIG

# --- configure ------------------------------------------------------------------------
# nginx's configure is its own shell script, not autotools. For a cross
# build it is told the target (--crossbuild=SYSTEM:RELEASE:MACHINE, which our
# 0001 patch makes set the machine, not only the system), the compiler and
# the flags. Some of its checks run the program they compiled (type sizes,
# byte order, whether epoll works): our 0002 patch starts them through
# NGX_TEST_EXEC, set here so that they run with the target's C library:
# directly when the compiler has no sysroot of its own (the host's gcc, whose
# C library is the one copied into the target), else through the target's
# dynamic loader from the sysroot (its path read from a program the compiler
# links), or under qemu-user for another architecture.
NGINX_BUILD_ARCH = $(firstword $(subst -, ,$(GNU_HOST_NAME)))
define NGINX_TEST_EXEC_SETUP
	sysroot=$$($(TARGET_CC) -print-sysroot); \
	if [ -z "$$sysroot" ] || [ "$$sysroot" = / ]; then \
		test_exec=; \
	else \
		echo 'int main(void) { return 0; }' > $(@D)/interp-probe.c && \
		$(TARGET_CC) $(TARGET_CFLAGS) -o $(@D)/interp-probe $(@D)/interp-probe.c && \
		interp=$$($(TARGET_READELF) -l $(@D)/interp-probe | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p') && \
		test_exec="$$sysroot$$interp --library-path $$sysroot/lib:$$sysroot/usr/lib:$(STAGING_DIR)/usr/lib" || exit 1; \
	fi; \
	if [ "$(ARCH)" != "$(NGINX_BUILD_ARCH)" ]; then \
		command -v qemu-$(ARCH_QEMU_TARGET) >/dev/null || { echo "ERROR: nginx: its configure runs programs for the target: install qemu-user (qemu-$(ARCH_QEMU_TARGET)) to build nginx for $(ARCH)" >&2; exit 1; }; \
		test_exec="qemu-$(ARCH_QEMU_TARGET) -L $${sysroot:-/}"; \
	fi; \
	printf '%s\n' "$$test_exec" > $(@D)/smartos-test-exec
endef

NGINX_CONF_OPTS = \
	--crossbuild=Linux::$(ARCH) \
	--prefix=/usr/share/nginx \
	--sbin-path=/usr/sbin/nginx \
	--conf-path=/etc/nginx/nginx.conf \
	--error-log-path=/var/log/nginx/error.log \
	--http-log-path=/var/log/nginx/access.log \
	--pid-path=/run/nginx.pid \
	--lock-path=/run/nginx.lock \
	--http-client-body-temp-path=/var/lib/nginx/body \
	--http-proxy-temp-path=/var/lib/nginx/proxy \
	--http-fastcgi-temp-path=/var/lib/nginx/fastcgi \
	--http-uwsgi-temp-path=/var/lib/nginx/uwsgi \
	--http-scgi-temp-path=/var/lib/nginx/scgi \
	--user=nginx --group=nginx \
	--with-threads \
	--with-http_ssl_module --with-http_v2_module --with-http_stub_status_module \
	--with-pcre --with-pcre-jit \
	--add-module=./nginx-rtmp-module

define NGINX_CONFIGURE_CMDS
	$(NGINX_TEST_EXEC_SETUP)
	cd $(@D) && NGX_TEST_EXEC="$$(cat smartos-test-exec)" $(TARGET_MAKE_ENV) ./configure \
		--with-cc="$(TARGET_CC)" --with-cc-opt="$(TARGET_CFLAGS)" --with-ld-opt="$(TARGET_LDFLAGS)" \
		$(NGINX_CONF_OPTS)
endef

define NGINX_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D)
endef

# --- install ---------------------------------------------------------------------------
# nginx's own test of the installed configuration (SMARTOS_PACKAGE_NGINX_CHECK_CONFIG),
# with the directories S60nginx makes before it starts nginx.
NGINX_RUN_DIRS = /var/log/nginx /var/lib/nginx /run/nginx
define NGINX_CHECK_CONFIG_WITH_NGINX
	$(NGINX_CHECK) nginx-test --option $(NGINX_CONFIG_OPTION) --shown $(NGINX_CONFIG_SHOWN) \
		--root $(TARGET_DIR) --installed /etc/nginx/nginx.conf --nginx /usr/sbin/nginx --work-dir $(@D) \
		$(foreach d,$(NGINX_RUN_DIRS),--mkdir $(d))
endef

define NGINX_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/objs/nginx $(TARGET_DIR)/usr/sbin/nginx
	install -D -m 0644 $(@D)/smartos-nginx.conf $(TARGET_DIR)/etc/nginx/nginx.conf
	install -D -m 0644 $(@D)/conf/mime.types $(TARGET_DIR)/etc/nginx/mime.types
	install -D -m 0644 $(@D)/html/index.html $(TARGET_DIR)/usr/share/nginx/html/index.html
	install -D -m 0644 $(@D)/html/50x.html $(TARGET_DIR)/usr/share/nginx/html/50x.html
	install -D -m 0755 $(NGINX_PKGDIR)/S60nginx $(TARGET_DIR)/etc/init.d/S60nginx
	install -d -m 0755 $(TARGET_DIR)/var/log/nginx
	$(if $(filter y,$(SMARTOS_PACKAGE_NGINX_CHECK_CONFIG)),$(NGINX_CHECK_CONFIG_WITH_NGINX))
endef

$(eval $(generic-package))
