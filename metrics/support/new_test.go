package support_test

import (
	"testing"

	"github.com/cxkit/cxkit/metrics/support"
)

// New tells bad options when it is called, not at the first Add.
func TestNewChecksOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    support.Options
		wantErr bool
	}{
		{"defaults", support.Options{}, false},
		{"week", support.Options{Period: support.Week}, false},
		{"unknown period", support.Options{Period: support.Week + 1}, true},
		{"calendar without hours", support.Options{Calendar: &support.Calendar{}}, true},
	}
	for _, tt := range tests {
		acc, err := support.New(tt.opts)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want an error: %v", tt.name, err, tt.wantErr)
		}
		if (acc == nil) != tt.wantErr {
			t.Errorf("%s: accumulator %v with error %v", tt.name, acc, err)
		}
	}
}
