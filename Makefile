# Tailor's tasks. `make help` lists them.
SHELL := /bin/bash
GO    ?= go
BIN   := bin/tailor

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -E '^[a-zA-Z/_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

.PHONY: setup
setup: ## bring up Postgres+pgvector and Redis on loopback if missing (idempotent)
	@bash scripts/setup.sh

.PHONY: build
build: ## build bin/tailor
	$(GO) build -o $(BIN) ./cmd/tailor

.PHONY: demo
demo: setup build ## run the main job on sample data and print a summary
	./$(BIN) demo

.PHONY: test
test: setup lint ## run every test against the real services
	$(GO) test -count=1 -timeout 15m ./...

.PHONY: test/race
test/race: setup ## the tests with the race detector
	$(GO) test -count=1 -race -timeout 20m ./...

.PHONY: lint
lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

.PHONY: eval
eval: ## measure the guardrails: the labelled splits (tuned on), then the blind holdouts (first runs in their READMEs)
	$(GO) run ./cmd/tailor eval --set guardrails/testdata/eval
	@echo; echo "== blind holdouts: written without reading the checks, worked on after their first run (see each README); reported, not enforced"
	@for set in guardrails/testdata/eval-blind*; do $(GO) run ./cmd/tailor eval --set $$set || true; done

.PHONY: fuzz
# FUZZTIME counts executions (Nx): a duration races the fuzz coordinator's
# deadline and fails spuriously with "context deadline exceeded" on go1.26
# (go.dev/issue/75804, fixed in go1.27).
fuzz: ## a short run of every fuzz target (FUZZTIME executions each, default 50000x)
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $${FUZZTIME:-50000x} $$pkg || exit 1; \
	  done; \
	done

.PHONY: bench
bench: setup ## measure Tailor against its bounds (5,000 jobs, 100k creatives; BENCH_FLAGS for more) into bench/results/full
	$(GO) run ./cmd/tailor-bench -out bench/results/full $(BENCH_FLAGS)

.PHONY: bench-quick
bench-quick: setup ## the benchmark as a smoke check in under a minute, into bench/results/quick
	$(GO) run ./cmd/tailor-bench -quick -out bench/results/quick $(BENCH_FLAGS)

.PHONY: clean
clean: ## remove build output
	rm -rf bin
