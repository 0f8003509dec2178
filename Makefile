# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# Every package, pinned with its hashes (made by `make lock` from pyproject.toml, test extra
# included; for Python 3.11 on Linux x86_64). Installs take exactly these files, nothing else.
LOCK := requirements.lock
LOCK_ARGS ?=

.PHONY: run test setup lint format messages bench clean lock

# The project itself goes on top of the locked packages: no dependency is resolved again, and
# its build uses the locked setuptools (no unpinned download for build isolation).
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 of nieuwer is nodig") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Regenerate the lock after a change in pyproject.toml (keeps the other pins; `make lock
# LOCK_ARGS=--upgrade` moves everything to the newest versions the bounds allow). Resolved
# against PyPI only, with the local pip configuration switched off, so the hashes are PyPI's.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/pip-compile || $(BIN)/python -m pip install --quiet "pip-tools>=7.4,<8"
	env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL PIP_CONFIG_FILE=/dev/null \
	  $(BIN)/pip-compile --quiet --extra test --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --index-url https://pypi.org/simple \
	  $(LOCK_ARGS) --output-file $(LOCK) pyproject.toml

setup: $(STAMP)
	mkdir -p var/mail var/broker var/broker-processed var/media var/cache
	$(BIN)/python manage.py compiletranslations

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo "Wijkportaal draait op http://127.0.0.1:$${PORT:-8000}/ (Ctrl-C stopt web, worker en beat)"
	WIJKPORTAAL_PORT=$${PORT:-8000} exec $(BIN)/honcho start -f Procfile

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: setup
	$(BIN)/python manage.py makemessages --locale en --ignore .venv --ignore 'var/*' --ignore 'tests/*' --ignore 'bench/*'
	$(BIN)/python manage.py compiletranslations

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
