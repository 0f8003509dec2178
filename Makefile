# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test setup lint format messages bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 of nieuwer is nodig") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

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
