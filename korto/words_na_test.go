package korto_test

import (
	"testing"

	"github.com/cxkit/cxkit/korto"
)

func TestIsNAWord(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"na", true}, {" N/A ", true}, {"n.a.", true}, {"Н/П", true}, {"НД", true},
		{"не применимо", true}, {"НЕ ПРИМЕНИМО", true}, {"Not applicable", true},
		{"NICHT ZUTREFFEND", true}, {"\tnot APPLICABLE\n", true},
		{"", false}, {"no", false}, {"nan", false}, {"not applicable at all", false},
		{"Продавец не подошёл, пришлось искать консультанта самой", false},
	} {
		if got := korto.IsNAWord(tc.in); got != tc.want {
			t.Errorf("IsNAWord(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
