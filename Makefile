# Two entry points (README): `make run` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONPATH := $(CURDIR)/site
# Sockets: 5 s to finish the handshake; a socket that answers no ping for 15 s after 15 s of
# silence is closed (docs/deploy.md, "Slow and silent clients").
DAPHNE_TIMEOUTS := --websocket_connect_timeout 5 --ping-interval 15 --ping-timeout 15

.PHONY: run test install install-test install-bench chromium fonts gettext redis-server migrate demo messages serve clean

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(PYTHON) -m pip install --quiet -e '.[bench]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-bench: $(VENV)/.installed-bench

# `make run` (and `make messages`) ask for development mode explicitly: DEBUG=1 (a secret key kept
# under var/, uploads and static files served by daphne, plain-http cookies). Unset means production.
migrate demo run messages: export DEBUG ?= 1

migrate: install
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py createcachetable

demo: migrate
	$(PYTHON) manage.py load_demo_content
	$(PYTHON) manage.py ensure_admin

run: demo fonts
	@echo "Development mode (DEBUG=$$DEBUG): not for production. Staff in the MFA groups and superusers set up TOTP at first login."
	@$(PYTHON) manage.py set_site_address --base-url http://$(HOST):$(PORT)
	@$(PYTHON) manage.py print_urls --base http://$(HOST):$(PORT)
	$(VENV)/bin/daphne -e tcp:port=$(PORT):interface=$(HOST):backlog=1024 $(DAPHNE_TIMEOUTS) config.server:application

# Certificates, letters and bulletins are drawn with Noto CJK (core/fonts.py).
fonts:
	@if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; \
	  else \
	    echo "Certificates and bulletins need Debian's fonts-noto-cjk: run 'sudo apt-get install fonts-noto-cjk'" >&2; exit 1; \
	  fi; \
	fi

chromium:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "Browser tests need Debian's chromium and fonts-noto-cjk: run 'sudo apt-get install chromium fonts-noto-cjk'" >&2; exit 1; \
	  fi; \
	fi

# The admin catalog test compares Wagtail's catalogs with gettext's msgen and msgfmt.
gettext:
	@if ! command -v msgfmt >/dev/null 2>&1 || ! command -v msgen >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else \
	    echo "The translation tests need gettext: run 'sudo apt-get install gettext'" >&2; exit 1; \
	  fi; \
	fi

# The fault tests and the two-process tests start redis-servers of their own.
redis-server:
	@if ! command -v redis-server >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else \
	    echo "The fault and process tests need redis-server: run 'sudo apt-get install redis-server'" >&2; exit 1; \
	  fi; \
	fi

test: install-test chromium gettext redis-server
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# makemessages writes to the locale/ of the folder it runs in: run it in each app that has one.
MESSAGE_APPS := $(patsubst %/locale,%,$(wildcard site/*/locale core/*/locale contests/*/locale quizzes/locale))
messages: install
	for app in $(MESSAGE_APPS); do (cd $$app && $(CURDIR)/$(PYTHON) $(CURDIR)/manage.py makemessages -l zh_Hans) || exit 1; done
	$(PYTHON) manage.py compilemessages --ignore '.venv'

clean:
	rm -rf $(VENV) var static test-output
