package korto

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A Result's translated ReachedName is the spec's two strings in JSON,
// in their place after reached, and reads back to the same Result.
func TestResultJSONRoundTrip(t *testing.T) {
	p := scCompile(t, specMall())
	s, err := ReadAnswers(strings.NewReader(scMallSheet))
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Score(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := ModelKORTO.ReachedName(r.Reached); !cmp.Equal(r.ReachedName, want) {
		t.Fatalf("ReachedName = %+v, want %+v", r.ReachedName, want)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `"reached":0,"reached_name":"ниже основы","reached_name_en":"below foundation","levels":`
	if !strings.Contains(string(b), want) {
		t.Errorf("JSON does not hold %s:\n%s", want, b)
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, back); d != "" {
		t.Errorf("read back (-wrote +read):\n%s", d)
	}
	// A pointer marshals the same, and a bad document is an error.
	if bp, err := json.Marshal(&r); err != nil || string(bp) != string(b) {
		t.Errorf("*Result marshals otherwise: %v\n%s", err, bp)
	}
	if err := json.Unmarshal([]byte(`{"reached": "two"}`), &back); err == nil {
		t.Error("reached as a string was read")
	}
}
