# Balai — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
STAMP = $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PYTEST_WORKERS ?= auto

.PHONY: demo test install browser-test lint messages compile-messages serve worker clean check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

compile-messages: install
	$(BIN)/balai compile_translations

demo: install compile-messages
	mkdir -p var
	$(BIN)/balai migrate --noinput
	$(BIN)/balai demo
	$(BIN)/balai collectstatic --noinput --verbosity 0
	@echo "Balai berjalan di http://$(HOST):$(PORT)/  (Ctrl+C untuk berhenti)"
	$(BIN)/balai runserver $(HOST):$(PORT) --noreload

serve: install
	$(BIN)/balai runserver $(HOST):$(PORT)

worker: install
	$(BIN)/balai worker

test: install compile-messages
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

browser-test: install compile-messages
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m browser -q -p no:xdist tests/browser

lint: install
	$(BIN)/ruff check balai tests bench
	$(BIN)/balai makemigrations --check --dry-run

messages: install
	$(BIN)/balai makemessages -l en --ignore ".venv/*" --ignore "var/*" --ignore "tests/*" --no-obsolete
	$(BIN)/balai compile_translations

clean:
	rm -rf $(VENV) var
