package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/forms/serve"
)

// The form server itself is serve.NewHandler, tested in package forms/serve;
// here, the command around it.

func TestServeFormUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, exitUsage, "want one checklist FILE"},
		{[]string{"nothing-here.korto"}, exitInput, "nothing-here.korto"},
		{[]string{mallKorto, "--addr", "not an address"}, exitUsage, "not an address"},
	} {
		var out, errb bytes.Buffer
		code := run(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, append([]string{"serve-form"}, tc.args...))
		if code != tc.code || !strings.Contains(errb.String(), tc.msg) {
			t.Errorf("serve-form %q: exit %d, stderr %q; want %d and %q", tc.args, code, errb.String(), tc.code, tc.msg)
		}
	}
}

// A form served with --lang scores in that language too: the titles of
// the result a filled form gets back are those of the form it was filled
// in, as cxkit score --lang gives them.
func TestServeFormScoreLang(t *testing.T) {
	src, err := os.ReadFile(mallKorto)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse(mallKorto, src)
	if err != nil {
		t.Fatal(err)
	}
	h, err := serve.NewHandler(c, serve.Options{Dir: t.TempDir(), Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	visit, err := os.ReadFile("../../examples/mall/visit-01.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Post(srv.URL+"/score", "application/json", bytes.NewReader(visit))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("POST /score: %d %s %v", res.StatusCode, body, err)
	}
	want, _, _ := runCmd(t, "", "score", mallKorto, "../../examples/mall/visit-01.json", "--json", "--lang", "en")
	if d := cmp.Diff(want, string(body)); d != "" {
		t.Errorf("POST /score of a form in English differs from cxkit score --lang en --json (-score +serve-form):\n%s", d)
	}
}

// score's text output escapes control characters of audit fields.
func TestScoreTextEscapesControls(t *testing.T) {
	visit, err := os.ReadFile("../../examples/mall/visit-01.json")
	if err != nil {
		t.Fatal(err)
	}
	sheet := strings.Replace(string(visit), `"audit": {`, `"audit": {"shop": "A\u001b[2J\u001b]0;pwned\u0007",`, 1)
	stdout, stderr, code := runCmd(t, sheet, "score", mallKorto, "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\x07") || !strings.Contains(stdout, `A\u001b[2J`) {
		t.Errorf("control characters reached the output:\n%q", stdout)
	}
}
