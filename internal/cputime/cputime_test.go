package cputime

import (
	"testing"
	"time"
)

// Spinning for a while must show as CPU time used, where it is told.
func TestProcessGrows(t *testing.T) {
	before := Process()
	x := 0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		for i := range 1 << 16 {
			x += i
		}
	}
	after := Process()
	if after == 0 {
		t.Skip("this system does not tell the CPU time")
	}
	if after <= before || x == 0 {
		t.Errorf("CPU time went from %v to %v over 50 ms of spinning", before, after)
	}
}
