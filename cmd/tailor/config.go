package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/hibiken/asynq"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/langchain"
	"github.com/tailorhq/tailor/generator/offline"
	"github.com/tailorhq/tailor/generator/openai"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// errUsage means the flag package already printed what was wrong.
var errUsage = errors.New("usage")

// config is what every command may need, from flags that default to the
// environment, which defaults to loopback.
type config struct {
	databaseURL   string
	schema        string
	redisAddr     string
	redisPassword string
	redisDB       int
	queue         string
	model         string
	embedder      string
	openaiBaseURL string
	openaiAPIKey  string
	openaiModel   string
	embedModel    string
	logLevel      string
	efSearch      int
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	intEnvs.Store(name, true)
	n, err := strconv.Atoi(env(name, strconv.Itoa(def)))
	if err != nil {
		return def // parse reports it
	}
	return n
}

// intEnvs names the variables envInt reads, so that parse can refuse a
// value that is not a number instead of quietly using the default.
var intEnvs sync.Map // name → true

// badEnv returns an error for each variable envInt read that is set to
// something other than a whole number.
func badEnv() error {
	var errs []error
	intEnvs.Range(func(k, _ any) bool {
		name := k.(string)
		if v := env(name, ""); v != "" {
			if _, err := strconv.Atoi(v); err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: want a whole number", name, v))
			}
		}
		return true
	})
	return errors.Join(errs...)
}

// register adds the connection flags to fs.
func (c *config) register(fs *flag.FlagSet) {
	fs.StringVar(&c.databaseURL, "database-url", env("TAILOR_DATABASE_URL", store.DefaultURL), "Postgres connection string (TAILOR_DATABASE_URL)")
	fs.StringVar(&c.schema, "schema", env("TAILOR_DATABASE_SCHEMA", ""), "Postgres schema for Tailor's tables; empty means public (TAILOR_DATABASE_SCHEMA)")
	fs.StringVar(&c.redisAddr, "redis-addr", env("TAILOR_REDIS_ADDR", "127.0.0.1:6379"), "Redis host:port (TAILOR_REDIS_ADDR)")
	fs.StringVar(&c.redisPassword, "redis-password", env("TAILOR_REDIS_PASSWORD", ""), "Redis password (TAILOR_REDIS_PASSWORD)")
	fs.IntVar(&c.redisDB, "redis-db", envInt("TAILOR_REDIS_DB", 0), "Redis database index (TAILOR_REDIS_DB)")
	fs.StringVar(&c.queue, "queue", env("TAILOR_QUEUE", queue.DefaultQueue), "asynq queue name (TAILOR_QUEUE)")
	fs.StringVar(&c.model, "model", env("TAILOR_MODEL", "offline"), "model provider: offline, openai or ollama (TAILOR_MODEL)")
	fs.StringVar(&c.embedder, "embedder", env("TAILOR_EMBEDDER", "hashing"), "embedder: hashing or openai (TAILOR_EMBEDDER)")
	fs.StringVar(&c.openaiBaseURL, "openai-base-url", env("TAILOR_OPENAI_BASE_URL", ""), "base URL of an OpenAI-compatible API, or of Ollama for -model ollama (TAILOR_OPENAI_BASE_URL)")
	fs.StringVar(&c.openaiModel, "openai-model", env("TAILOR_OPENAI_MODEL", ""), "chat model name (TAILOR_OPENAI_MODEL)")
	fs.StringVar(&c.embedModel, "embed-model", env("TAILOR_EMBED_MODEL", ""), "embedding model name for -embedder openai (TAILOR_EMBED_MODEL)")
	fs.IntVar(&c.efSearch, "ef-search", envInt("TAILOR_HNSW_EF_SEARCH", 0), "hnsw.ef_search for retrieval; 0 keeps the server's (pgvector's default 40); about 150 for 30,000 creatives per brand and channel (TAILOR_HNSW_EF_SEARCH)")
	fs.StringVar(&c.logLevel, "log-level", env("TAILOR_LOG_LEVEL", "info"), "debug, info, warn or error (TAILOR_LOG_LEVEL)")
	// The key comes from the environment only, so it never shows in ps.
	c.openaiAPIKey = env("TAILOR_OPENAI_API_KEY", os.Getenv("OPENAI_API_KEY"))
}

// parse parses args into fs, turning flag errors into errUsage.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if err := badEnv(); err != nil {
		fmt.Fprintln(stderr, err)
		return errUsage
	}
	return nil
}

func (c *config) redis() asynq.RedisClientOpt {
	return asynq.RedisClientOpt{Addr: c.redisAddr, Password: c.redisPassword, DB: c.redisDB}
}

func (c *config) store() store.Config {
	return store.Config{URL: c.databaseURL, Schema: c.schema, EfSearch: c.efSearch}
}

// storeFor sizes the pool for a worker running concurrency jobs: a job
// holds a connection only to retrieve and to save, so a few per job in
// flight do, capped well below Postgres's default max_connections of 100
// so that several workers fit. pool_max_conns in the URL overrides it.
func (c *config) storeFor(concurrency int) store.Config {
	sc := c.store()
	if !strings.Contains(c.databaseURL, "pool_max_conns") {
		sc.MaxConns = int32(min(max(concurrency+2, 4), 20))
	}
	return sc
}

func (c *config) logger(w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// buildModel returns the configured model provider.
func (c *config) buildModel() (generator.Model, error) {
	switch c.model {
	case "offline", "":
		return offline.Model{}, nil
	case "openai":
		return openai.New(openai.Config{BaseURL: c.openaiBaseURL, APIKey: c.openaiAPIKey, Model: c.openaiModel})
	case "ollama":
		if c.openaiBaseURL == "" || c.openaiModel == "" {
			return nil, errors.New("-model ollama needs -openai-base-url (the Ollama server) and -openai-model")
		}
		return langchain.NewOllama(c.openaiBaseURL, c.openaiModel, langchain.Config{})
	}
	return nil, fmt.Errorf("-model %q: want offline, openai or ollama", c.model)
}

// buildEmbedder returns the configured embedder; its dimension must match the
// schema's vector column.
func (c *config) buildEmbedder() (generator.Embedder, error) {
	switch c.embedder {
	case "hashing", "":
		return embeddings.Hashing{Dims: store.Dimensions}, nil
	case "openai":
		return embeddings.OpenAIConfig{BaseURL: c.openaiBaseURL, APIKey: c.openaiAPIKey, Model: c.embedModel, Dimensions: store.Dimensions}.New()
	}
	return nil, fmt.Errorf("-embedder %q: want hashing or openai", c.embedder)
}

// pipeline wires the generator to the store and the configured providers.
func (c *config) runner(st *store.Store, log *slog.Logger) (*generator.Runner, error) {
	model, err := c.buildModel()
	if err != nil {
		return nil, err
	}
	emb, err := c.buildEmbedder()
	if err != nil {
		return nil, err
	}
	p := &generator.Pipeline{Model: model, Embedder: emb, Retriever: st, Logger: log}
	return &generator.Runner{Pipeline: p, Store: st, Logger: log}, nil
}

func openStore(ctx context.Context, c *config) (*store.Store, error) {
	return store.Open(ctx, c.store())
}
