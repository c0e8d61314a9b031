package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&command{
		name:    "serve-form",
		usage:   "serve-form FILE [--addr 127.0.0.1:8080] [--dir examples/formui/dist] [--lang L]",
		summary: "serve a checklist as a web form that scores the sheets it receives",
		run:     runServeForm,
	})
}

// maxSheetBytes bounds a posted answer sheet; a real one is a few KiB.
const maxSheetBytes = 1 << 20

func runServeForm(e *env, args []string) int {
	c := commands["serve-form"]
	fs := newFlags(e, c)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `ADDR`, host:port (port 0 picks a free one)")
	dir := fs.String("dir", filepath.Join("examples", "formui", "dist"), "`DIR` of the built form page (npm run build in examples/formui)")
	lang := fs.String("lang", "", "language `L` of the form, e.g. en (default: the checklist's own)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(e, c, "want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
	}
	if err := checkListenAddr(*addr); err != nil {
		return usageError(e, c, "--addr %q: %v", *addr, err)
	}
	cl, code := loadChecklist(e, "serve-form", pos[0])
	if cl == nil {
		return code
	}
	*lang = resolveLang(e, "serve-form", cl, *lang)
	h, err := newFormServer(cl, *dir, korto.SchemaOptions{Draft: korto.Draft07, Lang: *lang}, e.stderr)
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit serve-form: %v\n", err)
		return exitInput
	}
	if msg := formPageWarning(*dir); msg != "" {
		fmt.Fprintf(e.stderr, "cxkit serve-form: warning: %s\n", msg)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit serve-form: %v\n", err)
		return exitInput
	}
	// Scripts read the address from this line, so it comes first and
	// alone on stdout.
	fmt.Fprintf(e.stdout, "http://%s/\n", ln.Addr())
	if f, ok := e.stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(e.stderr, "cxkit serve-form: %v\n", err)
		return exitInput
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintf(e.stderr, "cxkit serve-form: %v\n", err)
	}
	return exitOK
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
	fs := &formServer{plan: plan, lang: opts.Lang, page: http.FileServer(http.Dir(dir)), log: log}
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
	return mux, nil
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
	Errors korto.AnswerErrors `json:"errors"`
	More   int                `json:"more,omitempty"`
}

func (fs *formServer) score(w http.ResponseWriter, r *http.Request) {
	reply := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_ = writeJSON(w, v)
	}
	reject := func(err error) {
		es := korto.AsAnswerErrors(err)
		if es == nil {
			es = korto.AnswerErrors{{Severity: korto.SeverityError, Code: korto.CodeSyntax, Message: err.Error()}}
		}
		fs.logf("rejected a sheet: %v", es)
		listed, more := listedProblems(es)
		reply(http.StatusUnprocessableEntity, formRejection{Errors: listed, More: more})
	}
	body := http.MaxBytesReader(w, r.Body, maxSheetBytes)
	sheet, err := fs.plan.ReadAnswers(body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			reply(http.StatusRequestEntityTooLarge, formRejection{Errors: korto.AnswerErrors{{
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
	fmt.Fprintf(fs.log, "cxkit serve-form: "+format+"\n", a...)
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
