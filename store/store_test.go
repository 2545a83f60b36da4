package store_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

func brief(t *testing.T) tailor.Brief { return testenv.Brief(t) }

func TestEveryMigrationHasADown(t *testing.T) {
	t.Parallel()
	ups, _ := fs.Glob(os.DirFS("migrations"), "*.up.sql")
	if len(ups) == 0 {
		t.Fatal("no migrations found")
	}
	for _, up := range ups {
		down := strings.TrimSuffix(up, ".up.sql") + ".down.sql"
		if _, err := os.Stat("migrations/" + down); err != nil {
			t.Errorf("%s has no %s", up, down)
		}
	}
}

func TestMigrateIsIdempotentAndOpenChecksVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg := testenv.StoreConfig(t)
	applied, err := store.Migrate(ctx, cfg)
	if err != nil || len(applied) != 0 {
		t.Fatalf("second migrate applied %v, err %v; want nothing", applied, err)
	}
	unmigrated := store.Config{URL: cfg.URL, Schema: testenv.Name("t_")}
	if _, err := store.Open(ctx, unmigrated); err == nil || !strings.Contains(err.Error(), "tailor migrate") {
		t.Fatalf("open on an empty schema: %v, want a hint to run tailor migrate", err)
	}
}

func TestBriefsAreImmutablePerVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	b := brief(t)
	if created, err := st.PutBrief(ctx, b); err != nil || !created {
		t.Fatalf("first put: created=%v err=%v", created, err)
	}
	if created, err := st.PutBrief(ctx, b); err != nil || created {
		t.Fatalf("same content again: created=%v err=%v, want a no-op", created, err)
	}
	changed := b
	changed.Campaign.Offer = "20% off"
	if _, err := st.PutBrief(ctx, changed); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("changed content under the same version: %v, want ErrConflict", err)
	}
	got, err := st.Brief(ctx, b.Ref())
	if err != nil || got.Campaign.Offer != b.Campaign.Offer {
		t.Fatalf("read back %+v, %v", got.Campaign, err)
	}
	missing := b.Ref()
	missing.Version = 9
	if _, err := st.Brief(ctx, missing); !errors.Is(err, tailor.ErrNotFound) {
		t.Fatalf("missing brief: %v, want ErrNotFound", err)
	}
}

// Retrieval returns the nearest creatives of the same brand and channel,
// ranks a proven one above an equally similar unknown one, and never
// crosses brands.
func TestSimilarOrderAndIsolation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	emb := embeddings.Hashing{}
	texts := []struct {
		brand      string
		ch         tailor.Channel
		text       string
		imp, convs int64
	}{
		{"acme", tailor.Push, "winter trail running shoes with grip", 0, 0},             // 0: near, unknown
		{"acme", tailor.Push, "winter trail running shoes with grip", 1000, 200},        // 1: near, proven
		{"acme", tailor.Push, "camping sleeping bags for cold nights", 0, 0},            // 2: far
		{"acme", tailor.Email, "winter trail running shoes with grip", 0, 0},            // 3: other channel
		{"other", tailor.Push, "winter trail running shoes with grip", 1000, 500},       // 4: other brand
		{"acme", tailor.Push, "trail running shoes for winter mornings and grip", 0, 0}, // 5: fairly near
	}
	var cs []tailor.NewCreative
	var ts []string
	for _, x := range texts {
		cs = append(cs, tailor.NewCreative{BrandID: x.brand, Channel: x.ch, Fields: map[string]string{"title": "t", "body": x.text},
			Impressions: x.imp, Conversions: x.convs})
		ts = append(ts, "t\n"+x.text)
	}
	vecs, _ := emb.Embed(ctx, ts)
	ids, err := st.AddCreatives(ctx, cs, vecs)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := emb.Embed(ctx, []string{"t\nwinter trail running shoes with grip"})
	got, err := st.Similar(ctx, "acme", tailor.Push, q[0], 3)
	if err != nil {
		t.Fatal(err)
	}
	var order []int64
	for _, c := range got {
		order = append(order, c.ID)
		if c.BrandID != "acme" || c.Channel != tailor.Push {
			t.Errorf("creative %d is %s/%s", c.ID, c.BrandID, c.Channel)
		}
	}
	want := []int64{ids[1], ids[0], ids[5]}
	if len(order) != 3 || order[0] != want[0] || order[1] != want[1] || order[2] != want[2] {
		t.Fatalf("order %v, want %v (proven, unknown twin, fairly near)", order, want)
	}
	if got[0].Performance <= got[1].Performance || got[1].Similarity < 0.99 {
		t.Errorf("scores look wrong: %+v", got)
	}
	if got[0].Score <= got[1].Score || got[1].Score <= got[2].Score {
		t.Errorf("not best score first: %+v", got)
	}

	// Several channels in one call: each its own, as if asked alone.
	by, err := st.SimilarByChannel(ctx, "acme", []tailor.Channel{tailor.Email, tailor.Push, tailor.SMS}, q[0], 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(by[tailor.Push]) != 3 || by[tailor.Push][0].ID != want[0] || by[tailor.Push][2].ID != want[2] ||
		len(by[tailor.Email]) != 1 || by[tailor.Email][0].ID != ids[3] || by[tailor.Email][0].Channel != tailor.Email ||
		len(by[tailor.SMS]) != 0 {
		t.Errorf("by channel: %+v", by)
	}
}

// EfSearch reaches every connection of the pool, and a value pgvector
// would refuse fails at Open with the setting named.
func TestEfSearchIsSetOnEveryConnection(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg := testenv.StoreConfig(t)
	cfg.EfSearch, cfg.MaxConns = 150, 2
	st, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for range 2 { // both connections, held at once
		conn, err := st.Pool().Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Release()
		var ef string
		if err := conn.QueryRow(ctx, "SHOW hnsw.ef_search").Scan(&ef); err != nil || ef != "150" {
			t.Fatalf("hnsw.ef_search = %q (%v), want 150", ef, err)
		}
	}
	cfg.EfSearch = 5000
	if _, err := store.Open(ctx, cfg); err == nil || !strings.Contains(err.Error(), "ef_search") {
		t.Fatalf("ef_search 5000: %v, want an error naming ef_search", err)
	}
}
