package openaierr

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A client without a transport of its own keeps its connections: a second
// wave of concurrent calls opens (almost) none. With Go's default of two
// idle connections per host it would open about eighteen of twenty.
func TestClientKeepsConnectionsAlive(t *testing.T) {
	t.Parallel()
	var opened atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond) // so the calls overlap
		io.WriteString(w, "{}")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := Client(nil)
	wave := func() {
		var wg sync.WaitGroup
		for range 20 {
			wg.Go(func() {
				res, err := c.Get(srv.URL)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
			})
		}
		wg.Wait()
	}
	wave()
	first := opened.Load()
	wave()
	if again := opened.Load() - first; first < 10 || again >= 5 {
		t.Fatalf("first wave opened %d connections, the second %d more; want the second to reuse them", first, again)
	}
}
