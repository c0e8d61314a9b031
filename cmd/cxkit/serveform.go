package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&Command{
		Name:      "serve-form",
		UsageLine: "serve-form FILE [--addr 127.0.0.1:8080] [--dir examples/formui/dist] [--lang L]",
		Short:     "serve a checklist as a web form that scores the sheets it receives",
		Flags:     serveFormFlags,
	})
}

// maxSheetBytes bounds a posted answer sheet; a real one is a few KiB.
const maxSheetBytes = 1 << 20

func serveFormFlags(fs *flag.FlagSet) Run {
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `ADDR`, host:port (port 0 picks a free one)")
	dir := fs.String("dir", filepath.Join("examples", "formui", "dist"), "`DIR` of the built form page (npm run build in examples/formui)")
	lang := fs.String("lang", "", "language `L` of the form, e.g. en (default: the checklist's own)")
	return func(ctx context.Context, e *env, pos []string) error {
		if len(pos) != 1 {
			return usagef("want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
		}
		if err := checkListenAddr(*addr); err != nil {
			return usagef("--addr %q: %v", *addr, err)
		}
		cl, err := loadChecklist(e, pos[0])
		if err != nil {
			return err
		}
		*lang = resolveLang(e, cl, *lang)
		h, err := newFormServer(cl, *dir, korto.SchemaOptions{Draft: korto.Draft07, Lang: *lang}, e.stderr)
		if err != nil {
			return err
		}
		if msg := formPageWarning(*dir); msg != "" {
			e.warnf("%s", msg)
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
			e.warnf("listening on %s, reachable from other machines: anyone who can reach it can read the checklist and post sheets; bind 127.0.0.1 unless that is what you want", ln.Addr())
		}
		// Scripts read the address from this line, so it comes first and
		// alone on stdout.
		fmt.Fprintf(e.stdout, "http://%s/\n", ln.Addr())
		if f, ok := e.stdout.(interface{ Sync() error }); ok {
			_ = f.Sync()
		}

		ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
		srv := newFormHTTPServer(h)
		done := make(chan error, 1)
		go func() { done <- srv.Serve(ln) }()
		select {
		case err := <-done:
			return err
		case <-ctx.Done():
		}
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			// The server stopped as asked: exit 0, the message for the record.
			e.notef("%v", err)
		}
		return nil
	}
}

// Limits of the form server: a slow or stuck client is cut off, and at
// most formMaxRequests requests are served at once (the rest get 503),
// so a burst of slow POSTs cannot hold the process. Variables for the
// tests.
var (
	formReadTimeout  = 30 * time.Second // the whole request, body included
	formWriteTimeout = 30 * time.Second
	formIdleTimeout  = 60 * time.Second
	formMaxRequests  = 32
)

// newFormHTTPServer wraps the form's handler in a server with timeouts
// and a bound on concurrent requests.
func newFormHTTPServer(h http.Handler) *http.Server {
	slots := make(chan struct{}, formMaxRequests)
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
		ReadTimeout:       formReadTimeout,
		WriteTimeout:      formWriteTimeout,
		IdleTimeout:       formIdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// formPageWarning says why the form page is missing from dir, or ""
// when it is there. The default dir is relative, so run from another
// folder the page is not found even though it is built: the message
// says where it looked and how to point there.
func formPageWarning(dir string) string {
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

// formServer serves one checklist's form: the page from disk, the
// draft-07 schema and uiSchema it renders, and POST /score, which reads
// a filled sheet with korto's reader and returns the scored result.
type formServer struct {
	plan     *korto.Plan
	lang     string // of the form, and so of the scored result
	schema   []byte
	uiSchema []byte
	page     http.Handler
	log      io.Writer
	logMu    sync.Mutex
}

func newFormServer(c *korto.Checklist, dir string, opts korto.SchemaOptions, log io.Writer) (http.Handler, error) {
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
	fs := &formServer{plan: plan, lang: opts.Lang, page: staticFiles(dir), log: log}
	if fs.schema, err = formJSON(s); err != nil {
		return nil, err
	}
	if fs.uiSchema, err = formJSON(ui); err != nil {
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

// formJSON is the document as cxkit schema prints it.
func formJSON(v any) ([]byte, error) { return schemaJSON(v) }

func (fs *formServer) serveJSON(doc []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(doc)
	}
}

// formRejection is the reply to a sheet the reader does not accept.
// At most maxListedProblems are sent; More counts the rest.
type formRejection struct {
	Errors diag.List `json:"errors"`
	More   int       `json:"more,omitempty"`
}

func (fs *formServer) score(w http.ResponseWriter, r *http.Request) {
	reply := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_ = writeJSON(w, v)
	}
	reject := func(err error) {
		es := diag.As(err)
		if es == nil {
			es = diag.List{{Severity: korto.SeverityError, Code: korto.CodeSyntax, Message: err.Error()}}
		}
		fs.logf("rejected a sheet: %v", es)
		listed, more := listedProblems(es)
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
	body := http.MaxBytesReader(w, r.Body, maxSheetBytes)
	sheet, err := fs.plan.ReadAnswers(body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			reply(http.StatusRequestEntityTooLarge, formRejection{Errors: diag.List{{
				Severity: korto.SeverityError, Code: korto.CodeSyntax,
				Message: fmt.Sprintf("the sheet is larger than %d bytes", maxSheetBytes),
			}}})
			return
		}
		reject(err)
		return
	}
	res, err := fs.plan.ScoreWith(sheet, korto.ScoreOptions{Lang: fs.lang})
	if err != nil {
		reject(err)
		return
	}
	fs.logf("scored %s: %s, reached level %d", sheet.Audit["id"], pctOrDash(res.Score), res.Reached)
	reply(http.StatusOK, res)
}

func (fs *formServer) logf(format string, a ...any) {
	if fs.log == nil {
		return
	}
	fs.logMu.Lock()
	defer fs.logMu.Unlock()
	// Sheets are posted by anyone: a newline or an escape sequence in an
	// audit field must not forge a log line or drive the terminal.
	fmt.Fprintf(fs.log, "cxkit serve-form: %s\n", termSafe(fmt.Sprintf(format, a...)))
}

// checkListenAddr tells a malformed --addr (a usage error) from a listen
// that fails on a well-formed one (the port is taken), before the
// checklist is read.
func checkListenAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New("want host:port, e.g. 127.0.0.1:8080 (port 0 picks a free one)")
	}
	if _, err := net.LookupPort("tcp", port); err != nil {
		return fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	return nil
}
