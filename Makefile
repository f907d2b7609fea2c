# smsdesk: `make run` opens the window, `make test` runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHECKED := smsdesk

.PHONY: install run test lint typecheck pytest bench clean package package-test \
	translations translations-update

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) translations

# Translations: the .ts sources (smsdesk/i18n) are the truth; the .qm are built from them.
# `make translations-update` re-extracts every tr() of the window (new strings come in
# unfinished, gone ones are dropped), fills the English catalogue and writes what French
# lacks to build/translations-todo-fr.json (fill it in, then tools/translate_ts.py fill).
I18N := smsdesk/i18n
TS_FILES := $(I18N)/smsdesk_fr.ts $(I18N)/smsdesk_en.ts
QM_FILES := $(TS_FILES:.ts=.qm)
TR_SOURCES = $(sort $(wildcard smsdesk/ui/*.py smsdesk/providers/*.py))

translations: $(QM_FILES)

$(I18N)/%.qm: $(I18N)/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

LUPDATE = $(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $(TR_SOURCES)

translations-update: $(STAMP)
	$(LUPDATE) -target-language fr_FR -ts $(I18N)/smsdesk_fr.ts
	$(LUPDATE) -target-language en_GB -ts $(I18N)/smsdesk_en.ts
	$(BIN)/python tools/translate_ts.py english $(I18N)/smsdesk_en.ts
	$(BIN)/python tools/translate_ts.py fill $(I18N)/smsdesk_fr.ts tools/fr_pending.json
	@# once more: lupdate writes the files back in its own layout (no change of content)
	$(LUPDATE) -target-language fr_FR -ts $(I18N)/smsdesk_fr.ts
	$(LUPDATE) -target-language en_GB -ts $(I18N)/smsdesk_en.ts
	mkdir -p build
	$(BIN)/python tools/translate_ts.py todo $(I18N)/smsdesk_fr.ts > build/translations-todo-fr.json
	$(MAKE) translations

run: $(STAMP) translations
	$(BIN)/smsdesk

lint: $(STAMP)
	$(BIN)/ruff check smsdesk tests benchmarks tools
	$(BIN)/ruff format --check smsdesk tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy $(CHECKED)

pytest: $(STAMP) translations
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# `make package`: the PyInstaller bundle dist/smsdesk/ and dist/smsdesk_<version>_<arch>.deb
# (Linux; PyInstaller needs objdump from binutils). `make package-test` installs and runs it.
PACKAGE_STAMP := $(VENV)/.package-stamp

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP) translations
	@command -v objdump >/dev/null || { echo "make package needs objdump: apt-get install binutils" >&2; exit 1; }
	rm -rf build/smsdesk dist/smsdesk
	$(BIN)/pyinstaller --noconfirm --log-level WARN smsdesk.spec
	packaging/linux/build-deb.sh $(BIN)/python

package-test: package
	packaging/linux/test-deb.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(QM_FILES)
