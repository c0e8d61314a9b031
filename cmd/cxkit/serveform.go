package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/cxkit/cxkit/forms/serve"
)

func init() {
	register(&Command{
		Name:      "serve-form",
		UsageLine: "serve-form FILE [--addr 127.0.0.1:8080] [--dir examples/formui/dist] [--lang L]",
		Short:     "serve a checklist as a web form that scores the sheets it receives",
		Flags:     serveFormFlags,
	})
}

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
		h, err := serve.NewHandler(cl, serve.Options{Dir: *dir, Lang: *lang, MaxProblems: maxListedProblems,
			Log: func(line string) { e.notef("%s", line) }})
		if err != nil {
			return err
		}
		if msg := serve.PageWarning(*dir); msg != "" {
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
		srv := serve.NewHTTPServer(h)
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
