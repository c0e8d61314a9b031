// Package metrics computes customer-survey metrics with honest
// uncertainty: NPS, the emotional index, CSAT, CES and CSI.
//
// Every metric has a pure function over a slice and a small accumulator
// with Add, Merge and a result method, so partial results from many
// goroutines, files or machines combine exactly. Nothing here does I/O,
// and bad input (an out-of-range score, NaN, a negative weight, no data)
// is an error, never a silent NaN.
package metrics
