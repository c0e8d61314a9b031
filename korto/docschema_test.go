package korto

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The three documents, in the draft asked for, with what reflection
// alone misses: a score that may be null, the kinds a question takes,
// and the "$schema" key a sheet may carry. (cmd/cxkit's schema tests
// validate real documents against them.)
func TestDocumentSchemas(t *testing.T) {
	for _, draft := range []Draft{Draft2020, Draft07} {
		docs := DocumentSchemas(draft)
		names := make([]string, 0, len(docs))
		for n, s := range docs {
			names = append(names, n)
			if s.Version != draft.URI() {
				t.Errorf("%s: $schema %q, want %q", n, s.Version, draft.URI())
			}
		}
		slices.Sort(names)
		if d := cmp.Diff([]string{"answers", "checklist", "result"}, names); d != "" {
			t.Fatalf("documents (-want +got):\n%s", d)
		}
		b, err := json.Marshal(docs)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`"null"`, `"yesno"`, `"$schema":{"type":"string"}`} {
			if !strings.Contains(string(b), want) {
				t.Errorf("draft %s: the schemas lack %s", draft.URI(), want)
			}
		}
	}
}
