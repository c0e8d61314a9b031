// Package serve is the web server of a checklist's form: the page
// built from examples/formui, the draft-07 schema and uiSchema it
// renders, and the scoring of the sheets it posts (cxkit serve-form).
// It is apart from package forms, which only makes forms, so that the
// readers of field data that use forms' labels do not take in a web
// server.
package serve

import (
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/internal/termtext"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// Limits of the form server: a slow or stuck client is cut off, and at
// most maxRequests requests are served at once (the rest get 503),
// so a burst of slow POSTs cannot hold the process. Variables for the
// tests.
var (
	readTimeout  = 30 * time.Second // the whole request, body included
	writeTimeout = 30 * time.Second
	idleTimeout  = 60 * time.Second
	maxRequests  = 32
)

// NewHTTPServer wraps a form's handler in a server with timeouts and a
// bound on concurrent requests, so that slow or stuck clients cannot
// hold the process.
func NewHTTPServer(h http.Handler) *http.Server {
	slots := make(chan struct{}, maxRequests)
	limited := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
			h.ServeHTTP(w, r)
		default:
			http.Error(w, "busy: too many requests at once", http.StatusServiceUnavailable)
		}
	})
	return &http.Server{
		Handler:           limited,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// PageWarning says why the form page is missing from dir, or "" when it
// is there. The default dir is relative, so run from another
// folder the page is not found even though it is built: the message
// says where it looked and how to point there.
func PageWarning(dir string) string {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err == nil {
		return ""
	}
	where := dir
	if !filepath.IsAbs(dir) {
		where = fmt.Sprintf("%s (relative to the current folder", dir)
		if wd, err := os.Getwd(); err == nil {
			where += ", " + wd
		}
		where += ")"
	}
	return "no built page (index.html) in " + where +
		"; give the folder of the built page with --dir, or build it: cd examples/formui && npm ci && npm run build"
}

// MaxSheetBytes bounds a posted answer sheet; a real one is a few KiB.
const MaxSheetBytes = 1 << 20

// Options configure NewHandler.
type Options struct {
	// Dir is the folder of the built form page (examples/formui/dist).
	Dir string
	// Lang is the language of the form, and so of the scored results.
	Lang string
	// Log, when set, is told of every sheet scored or rejected, one line
	// a call, with control characters escaped; calls do not overlap.
	Log func(line string)
	// MaxProblems bounds the problems a rejection lists (the rest are
	// counted); 0 lists them all.
	MaxProblems int
}

// formServer serves one checklist's form: the page from disk, the
// draft-07 schema and uiSchema it renders, and POST /score, which reads
// a filled sheet with korto's reader and returns the scored result.
type formServer struct {
	plan     *korto.Plan
	opts     Options
	schema   []byte
	uiSchema []byte
	page     http.Handler
	logMu    sync.Mutex
}

// NewHandler serves the checklist c as a web form, for react-jsonschema-
// form: GET / and the files of opts.Dir (regular files only: no
// listings, dotfiles or links), GET /schema.json and /uischema.json
// (draft-07), and POST /score, which reads a filled answer sheet
// (application/json, at most MaxSheetBytes) and replies with the scored
// result, or 422 and the sheet's problems. Requests a page from another
// site could make through the operator's browser are refused: a Host
// that is not an address or localhost, an Origin not the server's own.
func NewHandler(c *korto.Checklist, o Options) (http.Handler, error) {
	opts := korto.SchemaOptions{Draft: korto.Draft07, Lang: o.Lang}
	plan, err := korto.Compile(c)
	if err != nil {
		return nil, err
	}
	s, err := korto.AnswerSchema(c, opts)
	if err != nil {
		return nil, err
	}
	ui, err := korto.NewUISchema(c, opts)
	if err != nil {
		return nil, err
	}
	fs := &formServer{plan: plan, opts: o, page: staticFiles(o.Dir)}
	if fs.schema, err = jsonout.Marshal(s); err != nil {
		return nil, err
	}
	if fs.uiSchema, err = jsonout.Marshal(ui); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /schema.json", fs.serveJSON(fs.schema))
	mux.HandleFunc("GET /uischema.json", fs.serveJSON(fs.uiSchema))
	mux.HandleFunc("POST /score", fs.score)
	mux.Handle("GET /", fs.page)
	return sameSite(mux), nil
}

// sameSite refuses requests that a web page from elsewhere could make
// through the operator's browser: a Host that is not an address or
// localhost (DNS rebinding points a name the attacker owns at 127.0.0.1
// to read the schema and scores) and an Origin other than the server's
// own (any page could post sheets to /score).
func sameSite(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			host = hh
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		if !strings.EqualFold(host, "localhost") && net.ParseIP(host) == nil {
			http.Error(w, "forbidden: the Host must be an IP address or localhost", http.StatusForbidden)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && !strings.EqualFold(o, "http://"+r.Host) {
			http.Error(w, "forbidden: a request from another site", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// staticFiles serves the regular files under dir, and nothing else: no
// directory listings, no dotfiles (.git, .env), no symbolic links, which
// could lead out of dir. "/" is index.html.
func staticFiles(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if rel == "" {
			rel = "index.html"
		}
		for _, part := range strings.Split(rel, "/") {
			if strings.HasPrefix(part, ".") {
				http.NotFound(w, r)
				return
			}
		}
		name := filepath.Join(dir, filepath.FromSlash(rel))
		// Lstat each step: a link anywhere on the way is refused.
		at := dir
		for _, part := range strings.Split(rel, "/") {
			at = filepath.Join(at, part)
			fi, err := os.Lstat(at)
			if err != nil || fi.Mode()&os.ModeSymlink != 0 {
				http.NotFound(w, r)
				return
			}
		}
		f, err := os.Open(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
	})
}

func (fs *formServer) serveJSON(doc []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(doc)
	}
}

// formRejection is the reply to a sheet the reader does not accept.
// At most MaxProblems are sent; More counts the rest.
type formRejection struct {
	Errors diag.List `json:"errors"`
	More   int       `json:"more,omitempty"`
}

func (fs *formServer) score(w http.ResponseWriter, r *http.Request) {
	reply := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_ = jsonout.Write(w, v)
	}
	reject := func(err error) {
		es := diag.As(err)
		if es == nil {
			es = diag.List{{Severity: korto.SeverityError, Code: korto.CodeSyntax, Message: err.Error()}}
		}
		fs.logf("rejected a sheet: %v", es)
		listed, more := es, 0
		if n := fs.opts.MaxProblems; n > 0 && len(es) > n {
			listed, more = es[:n], len(es)-n
		}
		reply(http.StatusUnprocessableEntity, formRejection{Errors: listed, More: more})
	}
	// A form posts JSON; a plain form or text/plain is what a page from
	// another site can send without asking the browser first.
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		reply(http.StatusUnsupportedMediaType, formRejection{Errors: diag.List{{
			Severity: korto.SeverityError, Code: korto.CodeSyntax,
			Message: "send the sheet as Content-Type: application/json",
		}}})
		return
	}
	body := http.MaxBytesReader(w, r.Body, MaxSheetBytes)
	sheet, err := fs.plan.ReadAnswers(body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			reply(http.StatusRequestEntityTooLarge, formRejection{Errors: diag.List{{
				Severity: korto.SeverityError, Code: korto.CodeSyntax,
				Message: fmt.Sprintf("the sheet is larger than %d bytes", MaxSheetBytes),
			}}})
			return
		}
		reject(err)
		return
	}
	res, err := fs.plan.ScoreWith(sheet, korto.ScoreOptions{Lang: fs.opts.Lang})
	if err != nil {
		reject(err)
		return
	}
	score := textfmt.PctOrDash(res.Score)
	fs.logf("scored %s: %s, reached level %d", sheet.Audit["id"], score, res.Reached)
	reply(http.StatusOK, res)
}

func (fs *formServer) logf(format string, a ...any) {
	if fs.opts.Log == nil {
		return
	}
	fs.logMu.Lock()
	defer fs.logMu.Unlock()
	// Sheets are posted by anyone: a newline or an escape sequence in an
	// audit field must not forge a log line or drive the terminal.
	fs.opts.Log(termtext.Safe(fmt.Sprintf(format, a...)))
}
