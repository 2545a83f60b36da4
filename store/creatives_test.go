package store_test

import (
	"context"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pgvector/pgvector-go"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

func cosine(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	return dot / math.Sqrt(na*nb)
}

// Nearest, through the grouped HNSW index, returns the brand and channel's
// creatives in the order of their cosine similarity to the query, with that
// similarity, and nothing of another brand or channel, even where another
// group holds nearer vectors and where the group holds fewer rows than asked.
func TestNearestIsExactCosineOrderWithinBrandAndChannel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	rng := rand.New(rand.NewPCG(7, 8))
	randVec := func() []float32 {
		v := make([]float32, store.Dimensions)
		for i := range v {
			v[i] = float32(rng.NormFloat64())
		}
		return v
	}
	type key struct {
		brand string
		ch    tailor.Channel
	}
	groups := []key{{"acme", tailor.Email}, {"acme", tailor.Push}, {"other", tailor.Email}, {"tiny", tailor.Email}}
	var cs []tailor.NewCreative
	var vs [][]float32
	for gi, g := range groups {
		n := 150
		if g.brand == "tiny" {
			n = 3
		}
		for range n {
			cs = append(cs, tailor.NewCreative{BrandID: g.brand, Channel: g.ch, Fields: map[string]string{"body": "b"}})
			v := randVec()
			if gi > 0 {
				v[0] += 40 // other groups sit where the query points: a filter after the walk would miss acme/email
			}
			vs = append(vs, v)
		}
	}
	ids, err := st.AddCreatives(ctx, cs, vs)
	if err != nil {
		t.Fatal(err)
	}
	query := randVec()
	query[0] += 40
	hnsw := forceHNSW(t, st)
	for _, g := range groups {
		type cand struct {
			id  int64
			sim float64
		}
		var want []cand
		for i, c := range cs {
			if c.BrandID == g.brand && c.Channel == g.ch {
				want = append(want, cand{ids[i], cosine(vs[i], query)})
			}
		}
		sort.Slice(want, func(i, j int) bool { return want[i].sim > want[j].sim })
		want = want[:min(10, len(want))]
		// The planner's choice on a table this small (an exact sort): the exact order.
		got, err := store.Nearest(ctx, st.Pool(), g.brand, g.ch, query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%v: got %d creatives, want %d", g, len(got), len(want))
		}
		// Similarity comes from the half-precision grouped distance: the
		// cosine to within 1e-3.
		for i, c := range got {
			if c.ID != want[i].id || math.Abs(c.Similarity-want[i].sim) > 1e-3 || c.BrandID != g.brand || c.Channel != g.ch {
				t.Fatalf("%v: #%d is %d (similarity %.5f), want %d (%.5f)", g, i, c.ID, c.Similarity, want[i].id, want[i].sim)
			}
		}
		// Through the HNSW index, as on a large table: approximate, so
		// allow one miss and a slightly relaxed order.
		got, err = store.Nearest(ctx, hnsw, g.brand, g.ch, query, 10)
		if err != nil {
			t.Fatal(err)
		}
		wantIDs := map[int64]bool{}
		for _, w := range want {
			wantIDs[w.id] = true
		}
		hits := 0
		for _, c := range got {
			if wantIDs[c.ID] {
				hits++
			}
		}
		if len(got) != len(want) || hits < len(want)-1 {
			t.Fatalf("%v through HNSW: %d creatives, %d of the %d nearest", g, len(got), hits, len(want))
		}
	}
	plan, err := store.ExplainSimilar(ctx, hnsw, "acme", tailor.Email, query, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan, "creatives_embedding_grouped") {
		t.Fatalf("plan does not use creatives_embedding_grouped:\n%s", plan)
	}
	// Nearest, which the benchmark's recall measures, walks the same index.
	rows, err := hnsw.Query(ctx, "EXPLAIN "+store.NearestSQL, "acme", string(tailor.Email), 10,
		store.GroupedQuery("acme", tailor.Email, query))
	if err != nil {
		t.Fatal(err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if plan := strings.Join(lines, "\n"); err != nil || !strings.Contains(plan, "creatives_embedding_grouped") {
		t.Fatalf("Nearest's plan does not use creatives_embedding_grouped (%v):\n%s", err, plan)
	}
}

// forceHNSW returns a connection on which the planner takes the HNSW index
// whatever the table's size, as it does on a large table.
func forceHNSW(t *testing.T, st *store.Store) *pgxpool.Conn {
	t.Helper()
	conn, err := st.Pool().Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Exec(context.Background(), "RESET enable_seqscan; RESET enable_bitmapscan; RESET enable_sort")
		conn.Release()
	})
	if _, err := conn.Exec(context.Background(), "SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off"); err != nil {
		t.Fatal(err)
	}
	return conn
}

// Migration 004 goes down to the plain HNSW index and up again.
func TestMigration004DownAndUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	read := func(suffix string) string {
		matches, _ := filepath.Glob("migrations/004_*." + suffix + ".sql")
		if len(matches) != 1 {
			t.Fatalf("migrations/004_*.%s.sql: %v", suffix, matches)
		}
		b, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	indexes := func(tx pgx.Tx) []string {
		defs, err := store.HNSWIndexes(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		return slices.Sorted(maps.Keys(defs))
	}
	err := pgx.BeginFunc(ctx, st.Pool(), func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, read("down")); err != nil {
			return err
		}
		if got := indexes(tx); !slices.Equal(got, []string{"creatives_embedding"}) {
			t.Errorf("after down: HNSW indexes %v, want creatives_embedding", got)
		}
		if _, err := tx.Exec(ctx, read("up")); err != nil {
			return err
		}
		if got := indexes(tx); !slices.Equal(got, []string{"creatives_embedding_grouped"}) {
			t.Errorf("after up: HNSW indexes %v, want creatives_embedding_grouped", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGroupedQueryMatchesSQL checks that the grouped query vector worked out
// in Go is the one migration 004's SQL function makes, component for
// component (both in half precision).
func TestGroupedQueryMatchesSQL(t *testing.T) {
	t.Parallel()
	st := testenv.Store(t)
	rng := rand.New(rand.NewPCG(9, 9))
	for _, c := range []struct {
		brand string
		ch    tailor.Channel
	}{{"acme-outdoor", tailor.Email}, {"northbank", tailor.SMS}, {"b", tailor.Push}} {
		v := make([]float32, store.Dimensions)
		for i := range v {
			v[i] = rng.Float32() - 0.5
		}
		var fromSQL string
		if err := st.Pool().QueryRow(context.Background(), "SELECT creatives_grouped($1, $2, $3)::halfvec(448)::text",
			pgvector.NewVector(v), c.brand, string(c.ch)).Scan(&fromSQL); err != nil {
			t.Fatal(err)
		}
		var fromGo string
		if err := st.Pool().QueryRow(context.Background(), "SELECT $1::halfvec(448)::text",
			store.GroupedQuery(c.brand, c.ch, v)).Scan(&fromGo); err != nil {
			t.Fatal(err)
		}
		if got := fromGo; got != fromSQL {
			t.Errorf("%s/%s: Go and SQL differ:\n go  %.200s\n sql %.200s", c.brand, c.ch, got, fromSQL)
		}
	}
}
