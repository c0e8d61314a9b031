// Package cputime reads the CPU time the process has used, for
// benchmarks on a shared machine: there it varies much less than wall
// time, so ratios taken from it carry over.
package cputime

import "time"

// Process returns the process's user + system CPU time so far, or 0
// where the system does not tell it.
func Process() time.Duration { return process() }
