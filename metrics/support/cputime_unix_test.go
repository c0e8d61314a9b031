//go:build unix

package support_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user + system CPU time: on a busy machine it
// varies much less than wall time, so benchmark ratios stay meaningful.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
