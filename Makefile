# chain toolkit: make builds build/libchain.a and the programs in bin/.
# make check   builds, installs missing Debian packages (deps) and runs every test
# make demo    builds and writes the weekly report of examples/ to out/
# See README for the rest.

VERSION = 0.1.0

PREFIX  = /usr/local
BINDIR  = $(PREFIX)/bin
MANDIR  = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/chain
LOCALEDIR = $(PREFIX)/share/locale
DESTDIR =

CC      = cc
CFLAGS  = -O2 -g
LDFLAGS =
# Warnings and the language level survive a CFLAGS given on the command line.
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wmissing-prototypes
ALLCPPFLAGS = -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Ilib \
	-DCHAIN_VERSION='"$(VERSION)"' -DCHAIN_DATADIR='"$(DATADIR)"' \
	-DCHAIN_LOCALEDIR='"$(LOCALEDIR)"' -DCHAIN_LANGUAGES='"$(LANGUAGES)"' \
	$(CPPFLAGS)
LDLIBS  = -lcsv -lacl -lm

# Where a build goes; make sanitize builds into build/san with its own flags.
OBJDIR = build
LIBA   = $(OBJDIR)/libchain.a
BIN    = bin

LIBSRC  = $(wildcard lib/*.c)
LIBOBJ  = $(LIBSRC:lib/%.c=$(OBJDIR)/lib/%.o)
CMDSRC  = $(wildcard cmd/chain-*.c)
PROGS   = $(CMDSRC:cmd/%.c=$(BIN)/%)
UNITSRC = $(wildcard tests/unit/test_*.c)
UNITS   = $(UNITSRC:tests/unit/%.c=$(OBJDIR)/unit/%)
MAN1    = $(wildcard man/*.1)
MAN5    = $(wildcard man/*.5)
MAN7    = $(wildcard man/*.7)
# The Dutch pages, man/nl/, installed under MANDIR/nl.
MANNL1  = $(wildcard man/nl/*.1)
MANNL5  = $(wildcard man/nl/*.5)
MANNL7  = $(wildcard man/nl/*.7)
MANALL  = $(MAN1) $(MAN5) $(MAN7) $(MANNL1) $(MANNL5) $(MANNL7)
DATA    = $(wildcard examples/instruments/*.csv)
# The messages in other languages: po/LANG.po compiled into build/locale
# (always there, whatever OBJDIR: the programs of the tree look for it),
# installed under LOCALEDIR.  The domain is the toolkit's name.
DOMAIN    = chain-toolkit
LANGUAGES = $(basename $(notdir $(wildcard po/*.po)))
LOCALEBUILD = build/locale
MO        = $(LANGUAGES:%=$(LOCALEBUILD)/%/LC_MESSAGES/$(DOMAIN).mo)
POT       = po/$(DOMAIN).pot
# The sources of the messages, and every message function, which looks its
# format up itself: xgettext knows them.
POSRC     = $(LIBSRC) $(wildcard lib/*.h) $(CMDSRC)
POFILES   = $(LANGUAGES:%=po/%.po)
XGETTEXT_FLAGS = --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
	--package-name=$(DOMAIN) --package-version=$(VERSION) \
	--keyword=_ --keyword=N_ \
	--keyword=chain_warnx --flag=chain_warnx:1:c-format \
	--keyword=chain_warn --flag=chain_warn:1:c-format \
	--keyword=chain_errx:2 --flag=chain_errx:2:c-format \
	--keyword=chain_err:2 --flag=chain_err:2:c-format \
	--keyword=chain_usage_error --flag=chain_usage_error:1:c-format \
	--keyword=chain_csv_error:4 --flag=chain_csv_error:4:c-format \
	--keyword=chain_csv_warning:4 --flag=chain_csv_warning:4:c-format

# The manual's examples as a bats suite, written by tests/man-examples.sh.
MANEX   = tests/man-examples.bats

# The attacker of tests/anonymity.bats: what all the outputs give away.
ATTACK  = $(OBJDIR)/attack

# bats runs suites in parallel when GNU parallel is there.
BATS_JOBS = $(shell command -v parallel >/dev/null 2>&1 && echo 2 || echo 1)

.PHONY: all check unit bats demo install uninstall clean sanitize bench deps \
	deps-bench deps-harden lint valgrind update-po po-check

all: $(LIBA) $(PROGS) $(MO)

$(OBJDIR)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

$(OBJDIR)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIBA): $(LIBOBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BIN)/%: $(OBJDIR)/cmd/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

$(OBJDIR)/unit/%: tests/unit/%.c tests/unit/unit.h $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

# i18n.c is compiled with the list of languages: a new po/LANG.po counts.
$(OBJDIR)/lib/i18n.o: $(wildcard po/*.po)

$(LOCALEBUILD)/%/LC_MESSAGES/$(DOMAIN).mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# The template of every message in the sources; update-po merges it into
# each po/LANG.po, whose new messages then wait for their translation (a
# changed one marked fuzzy, with its old translation as a start) and whose
# messages the sources no longer have are dropped.
$(POT): $(POSRC)
	xgettext $(XGETTEXT_FLAGS) -o $@ $(POSRC)

update-po: $(POT)
	for po in $(POFILES); do \
		msgmerge --quiet --update --backup=none $$po $(POT) && \
		msgattrib --no-obsolete -o $$po $$po || exit 1; \
	done

# Every message of the sources translated, none fuzzy, none left over
# (tests/i18n.bats runs it, so make check does).
po-check:
	@sh tests/po-check.sh $(POFILES) -- xgettext $(XGETTEXT_FLAGS) $(POSRC)

-include $(LIBOBJ:.o=.d) $(CMDSRC:cmd/%.c=$(OBJDIR)/cmd/%.d)

deps:
	@sh tests/deps.sh check

deps-bench:
	@sh tests/deps.sh bench

deps-harden:
	@sh tests/deps.sh harden

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit bats

unit: $(UNITS)
	@for t in $(UNITS); do echo "unit: $$t"; $$t || exit 1; done

$(ATTACK): tests/anon/attack.c
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< -lm

bats: all $(MANEX) $(ATTACK)
	CHAIN_BIN=$(CURDIR)/$(BIN) CHAIN_ATTACK=$(CURDIR)/$(ATTACK) bats $(if $(filter-out 1,$(BATS_JOBS)),--jobs $(BATS_JOBS)) tests/

$(MANEX): tests/man-examples.sh $(MANALL) README
	sh tests/man-examples.sh > $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

lint:
	mandoc -Tlint -Wwarning $(MANALL)

demo: deps
	@$(MAKE) --no-print-directory all
	CHAIN_BIN=$(CURDIR)/$(BIN) sh examples/weekly.sh

# An ASan+UBSan build of everything, and the whole test suite run on it.
sanitize: deps $(MANEX)
	@$(MAKE) --no-print-directory OBJDIR=build/san BIN=build/san/bin \
		CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' all unit
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99 \
	CHAIN_BIN=$(CURDIR)/build/san/bin bats $(if $(filter-out 1,$(BATS_JOBS)),--jobs $(BATS_JOBS)) tests/

# The whole test suite with every program run under valgrind.
valgrind: all deps-harden $(MANEX)
	CHAIN_BIN=$(CURDIR)/$(BIN) CHAIN_VALGRIND=1 bats tests/

bench: all deps-bench
	sh tests/bench/run.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)
	cp -f $(PROGS) $(DESTDIR)$(BINDIR)/
	cp -f $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp -f $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	cp -f $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	$(if $(MANNL1)$(MANNL5)$(MANNL7),mkdir -p $(DESTDIR)$(MANDIR)/nl/man1 \
		$(DESTDIR)$(MANDIR)/nl/man5 $(DESTDIR)$(MANDIR)/nl/man7)
	$(if $(MANNL1),cp -f $(MANNL1) $(DESTDIR)$(MANDIR)/nl/man1/)
	$(if $(MANNL5),cp -f $(MANNL5) $(DESTDIR)$(MANDIR)/nl/man5/)
	$(if $(MANNL7),cp -f $(MANNL7) $(DESTDIR)$(MANDIR)/nl/man7/)
	for l in $(LANGUAGES); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		cp -f $(LOCALEBUILD)/$$l/LC_MESSAGES/$(DOMAIN).mo \
		    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ || exit 1; \
	done
	$(if $(DATA),mkdir -p $(DESTDIR)$(DATADIR)/instruments && cp -f $(DATA) $(DESTDIR)$(DATADIR)/instruments/)

uninstall:
	rm -f $(PROGS:$(BIN)/%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -f $(MANNL1:man/nl/%=$(DESTDIR)$(MANDIR)/nl/man1/%)
	rm -f $(MANNL5:man/nl/%=$(DESTDIR)$(MANDIR)/nl/man5/%)
	rm -f $(MANNL7:man/nl/%=$(DESTDIR)$(MANDIR)/nl/man7/%)
	rm -f $(LANGUAGES:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/$(DOMAIN).mo)
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build bin out

# make fuzz, fuzz-build and fuzz-regress: libFuzzer, in a file of their own.
include tests/fuzz/fuzz.mk
