package support

import (
	"strings"

	"github.com/cxkit/cxkit/diag"
)

// shown is err as cxkit prints it: every diagnostic of a list with its
// hint (diag.Render), or the error's text.
func shown(err error) string {
	if l := diag.As(err); l != nil {
		var b strings.Builder
		diag.Render(&b, l, nil)
		return b.String()
	}
	return err.Error()
}

// Shown is shown for the tests of package support_test.
var Shown = shown
