package main

import (
	"strings"
	"testing"
)

// TestBadFlagValues: a flag given a value it cannot take is a usage error
// (exit 2) that names the flag, before any input is read or any socket
// opened, and prints nothing on stdout.
func TestBadFlagValues(t *testing.T) {
	const mall = "../../examples/mall/mall.korto"
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"serve-form", mall, "--addr", "bogus"}, "--addr"},
		{[]string{"serve-form", mall, "--addr", "127.0.0.1:99999"}, "--addr"},
		{[]string{"serve-form", mall, "--addr", "127.0.0.1:nosuchservice"}, "--addr"},
		{[]string{"schema", mall, "--id", "::bad"}, "--id"},
		{[]string{"schema", mall, "--id", "https://example.com/mall.json#frag"}, "--id"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "", tc.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d (usage); stderr:\n%s", code, exitUsage, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if !strings.Contains(stderr, tc.flag) {
				t.Errorf("stderr does not name %s:\n%s", tc.flag, stderr)
			}
		})
	}
}
