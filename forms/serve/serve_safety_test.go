package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// mallSource is the mall example checklist.
const mallSource = "../../examples/mall/mall.korto"

// parseMall parses the mall example checklist.
func parseMall(t *testing.T) *korto.Checklist {
	t.Helper()
	src, err := os.ReadFile(mallSource)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse(mallSource, src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// startFormServer serves the mall checklist's form from dir on a real
// loopback listener, with the timeouts and limits of serve-form, and
// returns its address.
func startFormServer(t *testing.T, dir string) string {
	t.Helper()
	c := parseMall(t)
	h, err := NewHandler(c, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	srv := NewHTTPServer(h)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func formRequest(t *testing.T, method, url string, header map[string]string, body string) int {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func TestServeFormRefusesOtherSites(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<title>form</title>"), 0o644)
	addr := startFormServer(t, dir)
	base := "http://" + addr
	sheet := `{"checklist": "mall", "answers": {}}`
	json := map[string]string{"Content-Type": "application/json"}
	for _, c := range []struct {
		name   string
		method string
		path   string
		header map[string]string
		body   string
		want   int
	}{
		{"text/plain sheet", "POST", "/score", map[string]string{"Content-Type": "text/plain"}, sheet, http.StatusUnsupportedMediaType},
		{"form-encoded sheet", "POST", "/score", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, sheet, http.StatusUnsupportedMediaType},
		{"no content type", "POST", "/score", nil, sheet, http.StatusUnsupportedMediaType},
		{"foreign origin", "POST", "/score", map[string]string{"Content-Type": "application/json", "Origin": "http://evil.example"}, sheet, http.StatusForbidden},
		{"rebound host", "GET", "/schema.json", map[string]string{"Host": "evil.example"}, "", http.StatusForbidden},
		{"rebound host with port", "GET", "/schema.json", map[string]string{"Host": "evil.example:80"}, "", http.StatusForbidden},
		{"own origin", "POST", "/score", map[string]string{"Content-Type": "application/json; charset=utf-8", "Origin": base}, sheet, http.StatusUnprocessableEntity},
		{"json", "POST", "/score", json, sheet, http.StatusUnprocessableEntity},
		{"localhost", "GET", "/schema.json", map[string]string{"Host": "localhost:1"}, "", http.StatusOK},
	} {
		if got := formRequest(t, c.method, base+c.path, c.header, c.body); got != c.want {
			t.Errorf("%s: status %d, want %d", c.name, got, c.want)
		}
	}
}

// Only regular files inside --dir: no dotfiles, listings or links.
func TestServeFormStaticFilesOnly(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	for name, body := range map[string]string{
		"index.html":     "<title>form</title>",
		"app.js":         "1",
		".env":           "TOKEN=x",
		"sub/page.html":  "<p>",
		".git/config":    "[core]",
		"sub/.hidden.js": "2",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(outside, []byte("secret"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "link.txt")); err != nil {
		t.Skip(err)
	}
	os.Symlink(filepath.Dir(outside), filepath.Join(dir, "linkdir"))
	base := "http://" + startFormServer(t, dir)
	for path, want := range map[string]int{
		"/":                   http.StatusOK,
		"/index.html":         http.StatusOK,
		"/app.js":             http.StatusOK,
		"/sub/page.html":      http.StatusOK,
		"/.env":               http.StatusNotFound,
		"/.git/config":        http.StatusNotFound,
		"/sub/.hidden.js":     http.StatusNotFound,
		"/sub/":               http.StatusNotFound,
		"/sub":                http.StatusNotFound,
		"/link.txt":           http.StatusNotFound,
		"/linkdir/secret.txt": http.StatusNotFound,
		"/../secret.txt":      http.StatusNotFound,
	} {
		if got := formRequest(t, "GET", base+path, nil, ""); got != want {
			t.Errorf("GET %s: status %d, want %d", path, got, want)
		}
	}
}

// A client that sends its headers and then a body too slowly is cut off
// by the read timeout instead of holding the connection.
func TestServeFormSlowBodyCutOff(t *testing.T) {
	old := readTimeout
	readTimeout = 300 * time.Millisecond
	t.Cleanup(func() { readTimeout = old })
	dir := t.TempDir()
	addr := startFormServer(t, dir)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "POST /score HTTP/1.1\r\nHost: "+addr+"\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"checklist\":")
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	start := time.Now()
	// The server gives up on the body: the connection ends (with or
	// without a reply) long before the client's own deadline.
	_, err = io.Copy(io.Discard, bufio.NewReader(conn))
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("the server still held the connection after %v", time.Since(start))
	}
}

// A posted sheet cannot forge a log line or send escape sequences to
// the operator's terminal through its audit fields.
func TestServeFormLogEscapesControls(t *testing.T) {
	c := parseMall(t)
	var log strings.Builder
	h, err := NewHandler(c, Options{Dir: t.TempDir(), Log: func(line string) { log.WriteString(line + "\n") }})
	if err != nil {
		t.Fatal(err)
	}
	visit, err := os.ReadFile("../../examples/mall/visit-01.json")
	if err != nil {
		t.Fatal(err)
	}
	forged := strings.Replace(string(visit), `"audit": {`, `"audit": {"id": "x\nscored FAKE: 100.0%\u001b]0;pwned\u0007",`, 1)
	req, _ := http.NewRequest("POST", "http://127.0.0.1/score", strings.NewReader(forged))
	req.Header.Set("Content-Type", "application/json")
	rec := &responseRecorder{header: http.Header{}}
	h.ServeHTTP(rec, req)
	got := log.String()
	if strings.Count(got, "\n") != 1 || strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("status %d; the log holds raw control characters:\n%q", rec.status, got)
	}
}

type responseRecorder struct {
	header http.Header
	status int
}

func (r *responseRecorder) Header() http.Header         { return r.header }
func (r *responseRecorder) Write(p []byte) (int, error) { return len(p), nil }
func (r *responseRecorder) WriteHeader(s int)           { r.status = s }
