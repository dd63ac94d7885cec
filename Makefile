# The two front doors of the project (see README):
#   make run   - set up everything, then run the main job: the seed
#                article's Core and ORM programs on the embedded engine
#   make test  - set up everything, then run every test (C unit and
#                differential tests, the same under ASan+UBSan, Python tests,
#                SQLAlchemy's compliance suite)
# Everything the build needs is installed by scripts/bootstrap.sh.

PY      := .venv/bin/python
JOBS    ?= 2

.PHONY: all bootstrap run test ctest ctest-asan pytest compliance bench clean

all: test

bootstrap:
	bash scripts/bootstrap.sh

run: bootstrap
	$(PY) -m sqlalchemy_mimer
	$(PY) examples/run_seed.py

build/debug/build.ninja:
	cmake -S . -B build/debug -G Ninja -DCMAKE_BUILD_TYPE=Debug

build/asan/build.ninja:
	cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMIMERLITE_SANITIZE=ON

ctest: build/debug/build.ninja
	cmake --build build/debug -j $(JOBS)
	cd build/debug && ctest -j $(JOBS) --output-on-failure

ctest-asan: build/asan/build.ninja
	cmake --build build/asan -j $(JOBS)
	cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest -j $(JOBS) --output-on-failure

pytest:
	$(PY) -m pytest -q tests

# SQLAlchemy's own dialect compliance suite against mimerlite, on a fresh
# database under a temporary MIMERLITE_HOME (configuration: setup.cfg).
compliance:
	home=$$(mktemp -d) && MIMERLITE_HOME=$$home MIMERLITE_PWHASH=fast \
	  $(PY) -m pytest -q -p sqlalchemy.testing.plugin.pytestplugin -p no:cacheprovider \
	  tests/compliance; rc=$$?; rm -rf $$home; exit $$rc

test: bootstrap ctest ctest-asan pytest compliance

# Benchmarks, side by side with SQLite (not part of the tests).
bench: bootstrap
	cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMIMERLITE_TESTS=OFF -DMIMERLITE_BENCH=ON
	cmake --build build/bench -j $(JOBS)
	build/bench/bench/bench_storage
	build/bench/bench/bench_sql
	MIMERAPI_PATH=$(CURDIR)/build/bench/engine/libmimerapi.so MIMERLITE_PWHASH=fast \
	  PYTHONPATH=$(CURDIR)/src $(PY) bench/bench_orm.py

clean:
	rm -rf build .venv
