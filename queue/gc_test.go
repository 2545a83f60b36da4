package queue

import (
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)

	t.Setenv("GOGC", "")
	if got := TuneGC(); got != WorkerGCPercent {
		t.Errorf("without GOGC: %d, want %d", got, WorkerGCPercent)
	}
	if got := debug.SetGCPercent(WorkerGCPercent); got != WorkerGCPercent {
		t.Errorf("the runtime's target is %d, want %d", got, WorkerGCPercent)
	}

	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150) // the runtime reads GOGC at start; stand in for that
	if got := TuneGC(); got != 150 {
		t.Errorf("with GOGC=150: %d, want 150 (the operator's setting)", got)
	}
}
