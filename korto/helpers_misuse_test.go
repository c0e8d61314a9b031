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

// editedSheetErrors reads the mall sheet with old replaced by new and
// returns the reader's messages.
func editedSheetErrors(t *testing.T, p *Plan, old, new string) []string {
	t.Helper()
	if !strings.Contains(scMallSheet, old) {
		t.Fatalf("the sheet has no %s", old)
	}
	_, err := p.ReadAnswers(strings.NewReader(strings.Replace(scMallSheet, old, new, 1)))
	var got []string
	for _, e := range AsAnswerErrors(err) {
		got = append(got, e.Error())
	}
	return got
}
