# Makefile: builds cafcass-inspect. Hand-written; configure writes only config.mk.
# `make` builds every tool into bin/, `make check` runs every test,
# `make demo` runs the pipeline on share/examples, `make install` installs.

# `make deps GOAL...` installs the missing Debian packages first (scripts/deps.sh),
# then makes the goals in a fresh make, so that config.mk is made with them there;
# with bench among the goals, the benchmark's peers too (--bench: Miller, csvkit).
ifneq ($(filter deps,$(MAKECMDGOALS)),)
deps:
	sh scripts/deps.sh$(if $(filter bench,$(MAKECMDGOALS)), --bench)
	+$(MAKE) $(filter-out deps,$(MAKECMDGOALS))
$(filter-out deps,$(MAKECMDGOALS)): deps
	@:
.PHONY: deps $(filter-out deps,$(MAKECMDGOALS))
else
.DEFAULT_GOAL := all

TOOLS = check-annexA sample-cases plan-weeks plan-observations build-sea render-report plan-cycle \
	check-action-plan

include config.mk

# PREFIX=/usr on the make line overrides configure's --prefix.
ifneq ($(PREFIX),)
prefix = $(PREFIX)
endif

# config.mk is made by configure, which autoreconf makes, when missing; when
# configure.ac or config.mk.in change, configure runs again with its first options.
config.mk: configure.ac config.mk.in
	@if test -x config.status; then autoreconf -fi && ./config.status --recheck && ./config.status; \
	else test -x configure || autoreconf -fi; ./configure; fi

WARN_CFLAGS = -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wformat=2 -Wno-format-nonliteral
ALL_CPPFLAGS = -Ilib -D_GNU_SOURCE -DVERSION='"$(VERSION)"' \
	-DDATADIR='"$(datadir)/cafcass-inspect"' $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARN_CFLAGS) $(SAN_FLAGS) $(DEP_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = -Wl,--as-needed $(SAN_FLAGS) $(LDFLAGS)

B = build
LIB_SRC = $(sort $(wildcard lib/*/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(B)/%.o)
LIBCORE = $(B)/libcore.a
BINS = $(TOOLS:%=bin/%)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_OBJ = $(UNIT_SRC:%.c=$(B)/%.o) $(B)/tests/unit/runner.o $(B)/tests/unit/child.o
GEN_SRC = $(sort $(wildcard tests/gen/*.c))
GEN_BINS = $(GEN_SRC:tests/gen/%.c=$(B)/gen/%)

# The prebuilt word index of the redaction detector (lib/redact/redact_index.h):
# written again when its generator changes (the code that builds the table),
# else only when a word list it was built from changed (--if-stale).
LEXIDX = share/redact/lexicon.idx

all: $(BINS) $(GEN_BINS) $(LEXIDX)

$(LEXIDX): $(B)/gen/lexicon-index FORCE
	CAFCASS_INSPECT_DATA=share $(B)/gen/lexicon-index $(if $(filter $<,$?),,--if-stale) $@

FORCE:

# Objects depend on config.mk, where the compiler flags are: a new configure
# (other CFLAGS, --enable-sanitizers) rebuilds them.
$(B)/%.o: %.c config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIBCORE): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

# Each tool is every .c file in cmd/<tool>/ linked with the core.
define tool_rule
bin/$(1): $$(patsubst %.c,$$(B)/%.o,$$(sort $$(wildcard cmd/$(1)/*.c))) $$(LIBCORE) config.mk
	@mkdir -p bin
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$(filter %.o,$$^) $$(LIBCORE) $$(DEP_LIBS)
endef
$(foreach t,$(TOOLS),$(eval $(call tool_rule,$(t))))

$(B)/gen/%: $(B)/tests/gen/%.o $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBCORE) $(DEP_LIBS) $(TEST_LIBS)

# The unit runner calls make_suite_<name>() for every tests/unit/test_<name>.c.
$(B)/tests/unit/suites.h: $(UNIT_SRC) Makefile
	@mkdir -p $(@D)
	@for f in $(UNIT_SRC); do n=$${f#tests/unit/test_}; echo "SUITE($${n%.c})"; done > $@.tmp
	@mv $@.tmp $@

$(B)/tests/unit/runner.o: tests/unit/runner.c $(B)/tests/unit/suites.h config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -I$(B)/tests/unit $(ALL_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

# Every test reads tests/unit/unit_check.h first: assertions that cost nothing
# while they hold.
$(B)/tests/unit/test_%.o: tests/unit/test_%.c tests/unit/unit_check.h config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CHECK_CFLAGS) -include tests/unit/unit_check.h -MMD -MP -c -o $@ $<

$(B)/unit-tests: $(UNIT_OBJ) $(LIBCORE)
	$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJ) $(LIBCORE) $(CHECK_LIBS) $(DEP_LIBS) $(TEST_LIBS)

# Every test: unit suites, per-tool data-driven cases, the README's examples, formatting.
check: all $(B)/unit-tests
	cd tests/unit && ../../$(B)/unit-tests
	sh tests/redact/run.sh
	sh tests/cmd/run.sh
	sh tests/readme.sh
	sh tests/layout.sh
	sh tests/linkage.sh
	sh tests/format.sh

unit: $(B)/unit-tests
	cd tests/unit && ../../$(B)/unit-tests

demo: all
	sh share/examples/demo.sh demo-out

# The benchmark (tests/bench/run.sh says its knobs); never part of check.
bench: all
	CC='$(CC)' BENCH_BUILD='$(strip $(CC) $(CFLAGS) $(SAN_FLAGS))' sh tests/bench/run.sh

# Fuzzing (clang's libFuzzer with ASan and UBSan): `make fuzz [FUZZ_SECONDS=60]`.
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS = $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz/%)
FUZZ_LIB_OBJ = $(LIB_SRC:%.c=$(B)/fuzz/%.o)
FUZZ_CFLAGS = -std=c11 -Werror=implicit-function-declaration -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined $(DEP_CFLAGS)

$(B)/fuzz/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# A tool's main() renamed, for its main-path harness.
$(B)/fuzz/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -Dmain=fuzz_tool_main -fsanitize=fuzzer-no-link -c -o $@ $<

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(DEP_LIBS) $(TEST_LIBS)

# A main-path harness links its tool's main (fuzz_main_plan_weeks: cmd/plan-weeks),
# with exit() wrapped so that an early stop returns to the harness.
define fuzz_main_rule
$(B)/fuzz/fuzz_main_$(1): tests/fuzz/fuzz_main_$(1).c tests/fuzz/fuzz.h tests/fuzz/fuzz_main.h \
    $(B)/fuzz/cmd/$(2)/$(2).o $$(FUZZ_LIB_OBJ)
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $$(ALL_CPPFLAGS) $$(FUZZ_CFLAGS) -fsanitize=fuzzer -Wl,--wrap=exit -o $$@ $$< \
	    $(B)/fuzz/cmd/$(2)/$(2).o $$(FUZZ_LIB_OBJ) $$(DEP_LIBS)
endef
$(foreach t,$(TOOLS),$(eval $(call fuzz_main_rule,$(subst -,_,$(t)),$(t))))

fuzz: $(FUZZ_BINS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_BINS)

format:
	clang-format -i lib/*/*.[ch] cmd/*/*.[ch] tests/unit/*.c tests/gen/*.[ch] tests/fuzz/*.[ch] tests/bench/*.c

DESTDIR =
install: all
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(datadir)/cafcass-inspect
	install -m 755 $(BINS) $(DESTDIR)$(bindir)
	install -m 644 $(foreach t,$(TOOLS),cmd/$(t)/$(t).1) $(DESTDIR)$(mandir)/man1
	cd share && find . -type d -exec install -d '$(DESTDIR)$(datadir)/cafcass-inspect/{}' ';'
	cd share && find . -type f -exec install -m 644 '{}' '$(DESTDIR)$(datadir)/cafcass-inspect/{}' ';'

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(bindir)/%) $(TOOLS:%=$(DESTDIR)$(mandir)/man1/%.1)
	rm -rf $(DESTDIR)$(datadir)/cafcass-inspect

clean:
	rm -rf $(B) bin demo-out $(LEXIDX)

distclean: clean
	rm -rf config.mk config.log config.status configure autom4te.cache aclocal.m4

.SECONDARY: $(GEN_SRC:%.c=$(B)/%.o) $(FUZZ_LIB_OBJ)
.PHONY: all check unit demo bench fuzz format install uninstall clean distclean FORCE

-include $(LIB_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(wildcard $(B)/cmd/*/*.d) $(wildcard $(B)/tests/gen/*.d)

endif
