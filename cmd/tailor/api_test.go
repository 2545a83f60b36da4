package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tailorhq/tailor/internal/testenv"
)

// lockedBuffer is a bytes.Buffer safe for a writer and a reader at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestAPICommandServesAndStops starts `tailor api` on a free port, asks it
// whether it is ready, and stops it as SIGTERM would.
func TestAPICommandServesAndStops(t *testing.T) {
	t.Parallel()
	cfg := testenv.StoreConfig(t)
	redis := testenv.Redis()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	q := testenv.Queue(t)
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"api", "-addr", "127.0.0.1:0", "-database-url", cfg.URL, "-schema", cfg.Schema,
			"-redis-addr", redis.Addr, "-redis-db", strconv.Itoa(redis.DB), "-queue", q},
			strings.NewReader(""), io.Discard, &stderr)
	}()
	addrRE := regexp.MustCompile(`addr=(127\.0\.0\.1:\d+)`)
	var addr string
	for deadline := time.Now().Add(10 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case code := <-done:
			t.Fatalf("tailor api exited with %d: %s", code, stderr.String())
		default:
		}
		if m := addrRE.FindStringSubmatch(stderr.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("tailor api did not say where it listens: %s", stderr.String())
	}
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("/readyz: %d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("tailor api exited with %d after shutdown: %s", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("tailor api did not stop")
	}
}
