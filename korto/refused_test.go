package korto

import (
	"strings"
	"testing"
)

// wantRefused calls call, which misuses the API, and checks that it
// returns an error saying want instead of panicking.
func wantRefused(t *testing.T, call func() error, want string) {
	t.Helper()
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("panic: %v", r)
			}
		}()
		err = call()
	}()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want one that says %q", err, want)
	}
}
