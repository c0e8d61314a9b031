package fielddata_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/cxkit/cxkit/internal/golden"
)

// The recorded mall visits as each field tool gives them back live in
// examples/mall/field, so that a user can try `cxkit import` before
// having data of their own, and the docs' commands run as written. They
// are made by the same builders as the round-trip tests above, which
// prove that they import as the visits; this keeps the committed files
// equal to what the builders make (go test ./fielddata -run
// SampleExports -update rewrites them).
func TestSampleExports(t *testing.T) {
	p, sheets := loadMall(t)
	dir := filepath.Join("..", "examples", "mall", "field")
	golden.Check(t, filepath.Join(dir, "odk", "mall_korto.csv"), export(t, p, sheets, odkStyle))
	golden.Check(t, filepath.Join(dir, "kobo", "mall_korto.csv"), export(t, p, sheets, koboStyle))
	golden.Check(t, filepath.Join(dir, "kobo", "mall_korto-labels.csv"), export(t, p, sheets, koboLabelStyle("ru", false)))
	for _, s := range sheets[:3] {
		golden.Check(t, filepath.Join(dir, "odk", "instances", s.Audit["id"], "submission.xml"), odkSubmission(t, p, s))
	}
	var results []byte
	for _, s := range sheets[:6] {
		b, err := json.Marshal(surveyJSResult(t, s))
		if err != nil {
			t.Fatal(err)
		}
		results = append(append(results, b...), '\n')
	}
	golden.Check(t, filepath.Join(dir, "surveyjs", "results.jsonl"), results)
}
