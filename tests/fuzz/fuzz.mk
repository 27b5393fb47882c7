# fuzz.mk: fuzzing with libFuzzer (clang), included at the end of the
# Makefile, which gives it LIBSRC, CMDSRC, ALLCPPFLAGS, LDLIBS and deps-harden
# (that installs clang); paths are from the top of the tree.
#
# make fuzz runs each target for FUZZ_SECONDS, starting
# from a seed corpus made of examples/ and tests/.  A crash is written to
# build/fuzz/ and, once fixed, kept in tests/fuzz/regress/TARGET/ (an input
# that was merely slow, on a busy machine, is kept but fails nothing).  The
# whole-program targets do not look for leaks: a usage error leaves main()
# through exit() (see tests/fuzz/exit.c); the sanitizer and valgrind runs
# of the test suite look for them.
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-Dexit=chain_fuzz_exit
FUZZSRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZERS = $(FUZZSRC:tests/fuzz/%.c=build/fuzz/%)
FUZZLIBOBJ = $(LIBSRC:lib/%.c=build/fuzz/lib/%.o)
FUZZCMDOBJ = $(CMDSRC:cmd/%.c=build/fuzz/cmd/%.o)

.PHONY: fuzz fuzz-build fuzz-regress
# A program's object is reached only through the pattern rule of its target:
# kept, or make would delete it as an intermediate and recompile it each run.
.SECONDARY: $(FUZZCMDOBJ)
# build/fuzz/fuzz_TARGET links the program's object when there is one.
.SECONDEXPANSION:

build/fuzz/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALLCPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
		-c -o $@ $<

build/fuzz/libchain.a: $(FUZZLIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZLIBOBJ)

build/fuzz/cmd/chain-%.o: cmd/chain-%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALLCPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
		-Dmain=chain_$(subst -,_,$*)_main -c -o $@ $<

build/fuzz/exit.o: tests/fuzz/exit.c
	@mkdir -p $(@D)
	$(FUZZ_CC) -g -O1 -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/program.h build/fuzz/libchain.a \
		build/fuzz/exit.o $$(if $$(wildcard cmd/chain-$$*.c),build/fuzz/cmd/chain-$$*.o)
	$(FUZZ_CC) $(ALLCPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -MMD -MP -o $@ $< \
		$(if $(wildcard cmd/chain-$*.c),build/fuzz/cmd/chain-$*.o) \
		build/fuzz/libchain.a build/fuzz/exit.o $(LDLIBS)

-include $(wildcard build/fuzz/*.d build/fuzz/lib/*.d build/fuzz/cmd/*.d)

fuzz-build: deps-harden $(FUZZERS)
	sh tests/fuzz/seed.sh build/fuzz/seeds

fuzz: fuzz-build fuzz-regress
	@for f in $(FUZZERS); do \
		n=$${f##*/fuzz_}; mkdir -p build/fuzz/corpus/$$n; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		leaks=1; [ -f cmd/chain-$$n.c ] && leaks=0; \
		ASAN_OPTIONS=detect_leaks=$$leaks \
		$$f -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=3 -print_final_stats=1 \
			-detect_leaks=$$leaks \
			-artifact_prefix=build/fuzz/crash-$$n- \
			build/fuzz/corpus/$$n build/fuzz/seeds/$$n 2>&1 | \
			grep -E '^(stat::number_of_executed_units|stat::peak_rss|==|SUMMARY|.*ERROR)' ; \
		[ -z "$$(ls build/fuzz/crash-$$n-* 2>/dev/null | grep -v slow-unit)" ] || \
			{ echo "fuzz: $$n crashed: build/fuzz/crash-$$n-*"; exit 1; }; \
	done

# Every input that once crashed a target still passes.
fuzz-regress: $(FUZZERS)
	@for f in $(FUZZERS); do \
		n=$${f##*/fuzz_}; \
		if ls tests/fuzz/regress/$$n/* >/dev/null 2>&1; then \
			$$f tests/fuzz/regress/$$n/* >/dev/null 2>&1 || \
				{ echo "fuzz-regress: $$n fails"; $$f tests/fuzz/regress/$$n/*; exit 1; }; \
		fi; \
	done
