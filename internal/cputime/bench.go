package cputime

import "testing"

// PerOp starts measuring b's CPU time; the function it returns reports
// the CPU time per op since then as the metric unit ("cpu-ns/op" when
// unit is empty). Call it once the timed loop is done:
//
//	defer cputime.PerOp(b, "")()
func PerOp(b *testing.B, unit string) func() {
	if unit == "" {
		unit = "cpu-ns/op"
	}
	start := Process()
	return func() { b.ReportMetric(float64(Process()-start)/float64(b.N), unit) }
}
