# fuzz.mk: fuzzing with libFuzzer (clang), included at the end of the
# Makefile, which gives it LIBSRC, ALLCPPFLAGS, WARN, LDLIBS and deps-harden
# (that installs clang); paths are from the top of the tree.
#
# Every target calls library functions: the reader, the parsers, and each
# program's commands with the options of its command lines, set up as the
# program sets them up (tests/fuzz/input.h), never a main().  make fuzz
# runs each target for FUZZ_SECONDS, with leak detection, starting from a
# seed corpus made of examples/ and tests/.  A crash or leak is written to
# build/fuzz/ and, once fixed, kept in tests/fuzz/regress/TARGET/ (an input
# that was merely slow, on a busy machine, is kept but fails nothing).
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZSRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZERS = $(FUZZSRC:tests/fuzz/%.c=build/fuzz/%)
FUZZLIBOBJ = $(LIBSRC:lib/%.c=build/fuzz/lib/%.o)

.PHONY: fuzz fuzz-build fuzz-regress

build/fuzz/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALLCPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
		-c -o $@ $<

build/fuzz/libchain.a: $(FUZZLIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZLIBOBJ)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libchain.a
	$(FUZZ_CC) $(ALLCPPFLAGS) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer -MMD -MP \
		-o $@ $< build/fuzz/libchain.a $(LDLIBS)

-include $(wildcard build/fuzz/*.d build/fuzz/lib/*.d)

fuzz-build: deps-harden $(FUZZERS)
	sh tests/fuzz/seed.sh build/fuzz/seeds

fuzz: fuzz-build fuzz-regress
	@for f in $(FUZZERS); do \
		n=$${f##*/fuzz_}; mkdir -p build/fuzz/corpus/$$n; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		$$f -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=3 -print_final_stats=1 \
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
