package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/korto"
)

func newTestFormServer(t *testing.T) (*httptest.Server, *korto.Plan) {
	t.Helper()
	c := parseMall(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>form</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(c, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	plan, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	return srv, plan
}

func httpDo(t *testing.T, method, url string, body []byte) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, b
}

func TestServeFormPages(t *testing.T) {
	srv, _ := newTestFormServer(t)
	code, body := httpDo(t, "GET", srv.URL+"/", nil)
	if code != 200 || !strings.Contains(string(body), "<title>form</title>") {
		t.Errorf("GET /: %d %q, want the page from the folder", code, body)
	}
	c := parseMall(t)
	opts := korto.SchemaOptions{Draft: korto.Draft07}
	s, err := korto.AnswerSchema(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	ui, err := korto.NewUISchema(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	code, body = httpDo(t, "GET", srv.URL+"/schema.json", nil)
	if want, _ := jsonout.Marshal(s); code != 200 || string(body) != string(want) {
		t.Errorf("GET /schema.json: %d, want the draft-07 schema as cxkit schema prints it", code)
	}
	code, body = httpDo(t, "GET", srv.URL+"/uischema.json", nil)
	if want, _ := jsonout.Marshal(ui); code != 200 || string(body) != string(want) {
		t.Errorf("GET /uischema.json: %d, want the uiSchema as cxkit schema --ui prints it", code)
	}
	if code, _ := httpDo(t, "GET", srv.URL+"/score", nil); code == 200 {
		t.Errorf("GET /score: %d, want an error (POST only)", code)
	}
}

func TestServeFormScore(t *testing.T) {
	srv, plan := newTestFormServer(t)
	visit, err := os.ReadFile("../../examples/mall/visit-01.json")
	if err != nil {
		t.Fatal(err)
	}
	code, body := httpDo(t, "POST", srv.URL+"/score", visit)
	if code != 200 {
		t.Fatalf("POST /score: %d %s", code, body)
	}
	var got korto.Result
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	sheet, err := plan.ReadAnswers(bytes.NewReader(visit))
	if err != nil {
		t.Fatal(err)
	}
	want, err := plan.Score(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("POST /score differs from Plan.Score (-want +got):\n%s", d)
	}

	for _, tc := range []struct {
		name, sheet string
		status      int
		pointer     string
	}{
		{"not JSON", `{"checklist": `, http.StatusUnprocessableEntity, ""},
		{"wrong checklist", `{"checklist": "taxi", "answers": {}}`, http.StatusUnprocessableEntity, "/checklist"},
		{"bad answer", strings.Replace(string(visit), `"has_parking": "yes"`, `"has_parking": "maybe"`, 1), http.StatusUnprocessableEntity, "/answers/has_parking"},
		{"too big", `{"checklist": "` + strings.Repeat("x", MaxSheetBytes) + `"}`, http.StatusRequestEntityTooLarge, ""},
	} {
		code, body := httpDo(t, "POST", srv.URL+"/score", []byte(tc.sheet))
		var rej struct {
			Errors []struct {
				Pointer string `json:"pointer"`
				Message string `json:"message"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(body, &rej); err != nil {
			t.Errorf("%s: reply is not JSON: %q", tc.name, body)
			continue
		}
		if code != tc.status || len(rej.Errors) == 0 {
			t.Errorf("%s: %d %s, want %d with errors", tc.name, code, body, tc.status)
			continue
		}
		if tc.pointer != "" && rej.Errors[0].Pointer != tc.pointer {
			t.Errorf("%s: first error at %q, want %q", tc.name, rej.Errors[0].Pointer, tc.pointer)
		}
	}
}

// Run from another folder, the default --dir is not found even when the
// page is built: the warning says it looked relative to the current
// folder and names the flag that points elsewhere.
func TestFormPageWarning(t *testing.T) {
	dir := t.TempDir()
	if got := PageWarning(filepath.Join("no", "such", "dist")); !strings.Contains(got, "no built page (index.html) in "+filepath.Join("no", "such", "dist")+" (relative to the current folder, ") ||
		!strings.Contains(got, "with --dir") {
		t.Errorf("relative dir: %q", got)
	}
	if got := PageWarning(dir); strings.Contains(got, "relative") || !strings.Contains(got, "in "+dir+";") {
		t.Errorf("absolute dir: %q", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!DOCTYPE html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := PageWarning(dir); got != "" {
		t.Errorf("built page: %q, want no warning", got)
	}
}
