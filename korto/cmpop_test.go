package korto_test

import (
	"fmt"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

func TestCmpOpSymbol(t *testing.T) {
	tests := []struct {
		op   korto.CmpOp
		want string
	}{
		{korto.OpEq, "="},
		{korto.OpNe, "≠"},
		{korto.OpLt, "<"},
		{korto.OpLe, "≤"},
		{korto.OpGt, ">"},
		{korto.OpGe, "≥"},
		{"~", "~"},
	}
	for _, tt := range tests {
		if got := tt.op.Symbol(); got != tt.want {
			t.Errorf("CmpOp(%q).Symbol() = %q, want %q", tt.op, got, tt.want)
		}
	}
}

func ExampleCmpOp_Symbol() {
	fmt.Println("wait", korto.OpLe.Symbol(), "5 min")
	// Output: wait ≤ 5 min
}
