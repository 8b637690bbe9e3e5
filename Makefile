# The README's two commands: `make run` (setup, build, main job) and
# `make test` (setup, build, every test). BUILD_DIR lets parallel checkouts
# of the work keep separate build trees.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all build setup run test bench clean

all: build

setup:
	@scripts/setup

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: setup
	@$(MAKE) --no-print-directory build
	$(BUILD_DIR)/bin/optiml tour --out out
	$(BUILD_DIR)/bin/example_fashion_mnist_logreg 1 newton-cg 100 out/fashion_mnist_logreg_trace.csv

test: setup
	@$(MAKE) --no-print-directory build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: setup
	@scripts/setup --bench
	@$(MAKE) --no-print-directory build
	bench/run_all.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
