package dsl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cxkit/cxkit/korto"
)

// maxSyntaxErrors bounds how many syntax errors one parse reports: after
// a few, later ones are mostly echoes of the first.
const maxSyntaxErrors = 10

// Parse parses and validates a checklist. The error, if any, is a
// [korto.Diagnostics] listing every problem found, each with file, line,
// column and a hint; warnings alone are not an error (see
// [ParseWithDiagnostics] to get them). filename is used in positions
// only.
func Parse(filename string, src []byte) (*korto.Checklist, error) {
	c, diags := ParseWithDiagnostics(filename, src)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// ParseReader is [Parse] reading the source from r, up to [MaxFileSize].
func ParseReader(filename string, r io.Reader) (*korto.Checklist, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("dsl: reading %s: %w", filename, err)
	}
	return Parse(filename, src)
}

// ParseWithDiagnostics parses and validates a checklist and returns it with
// all its problems, errors and warnings, sorted by position. The
// checklist is nil when the source could not be parsed; with errors that
// are not syntax errors it is returned as far as it was understood.
func ParseWithDiagnostics(filename string, src []byte) (*korto.Checklist, korto.Diagnostics) {
	p := parseSource(filename, src)
	return p.checklist, p.diags
}

// parsed is everything one parse learns about a source, for Parse and
// for the formatter.
type parsed struct {
	checklist *korto.Checklist
	diags     korto.Diagnostics
	comments  []comment
	lay       layout
	buildErr  bool // the source parsed, but parts of it did not make sense
}

func parseSource(filename string, src []byte) *parsed {
	p := &parsed{}
	if len(src) > MaxFileSize {
		p.diags = korto.Diagnostics{{
			Pos:      korto.Pos{File: filename},
			Severity: korto.SeverityError,
			Code:     codeLimit,
			Message:  fmt.Sprintf("file is %d bytes, more than the %d a checklist may have", len(src), MaxFileSize),
			Hint:     "split the checklist, or check that this is the right file",
		}}
		return p
	}
	if i := bytes.IndexByte(src[:min(len(src), 8000)], 0); i >= 0 {
		p.diags = korto.Diagnostics{{
			Pos:      posAt(filename, src, i),
			Severity: korto.SeverityError,
			Code:     codeBinary,
			Message:  "file holds a NUL byte; it looks binary, not a .korto text",
			Hint:     "check that this is the right file",
		}}
		return p
	}
	s := scan(filename, src)
	p.comments = s.comments
	p.diags = s.diags
	if s.stop {
		return p
	}
	ast, synErrs, recovered := parseTokens(filename, s.toks, s.diags)
	p.diags = append(p.diags, synErrs...)
	if ast == nil || ast.Checklist == nil {
		return p
	}
	b := &builder{file: filename, recovered: recovered || len(p.diags) > 0}
	c := b.checklist(ast.Checklist)
	p.lay = b.lay
	p.diags = append(p.diags, b.diags...)
	p.buildErr = len(b.diags) > 0
	if !p.diags.HasErrors() {
		p.diags = append(p.diags, c.Validate()...)
	}
	if !recovered && len(s.diags) == 0 {
		p.checklist = c
	}
	p.diags.Sort()
	if len(p.diags) == 0 {
		p.diags = nil
	}
	return p
}

func posAt(file string, src []byte, off int) korto.Pos {
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
	return korto.Pos{File: file, Line: line, Column: col, Offset: off}
}

// parseTokens runs participle over toks. On a syntax error it records a
// plain-words diagnostic, cuts the offending statement out of the token
// stream and tries again, so one run reports several independent
// mistakes. recovered tells that the returned tree lacks the cut parts.
func parseTokens(file string, toks []lexer.Token, lexDiags korto.Diagnostics) (ast *astFile, diags korto.Diagnostics, recovered bool) {
	badLines := map[int]bool{}
	for _, d := range lexDiags {
		badLines[d.Pos.Line] = true
	}
	for {
		pl, err := lexer.Upgrade(&sliceLexer{toks: toks})
		if err != nil {
			return nil, diags, true
		}
		ast, err = parser.ParseFromLexer(pl)
		if err == nil {
			return ast, diags, recovered
		}
		recovered = true
		var perr participle.Error
		if !errors.As(err, &perr) {
			return nil, append(diags, &korto.Diagnostic{Pos: korto.Pos{File: file}, Code: codeSyntax, Message: "cannot parse the checklist"}), true
		}
		e := tokenIndex(toks, perr.Position().Offset)
		d, fix := explain(file, toks, e, perr)
		if !badLines[d.Pos.Line] {
			diags = append(diags, d)
		}
		badLines[d.Pos.Line] = true
		if len(diags) >= maxSyntaxErrors {
			return nil, diags, true
		}
		if fix != "" {
			// A misspelt keyword: read it as meant and parse on, so the
			// block it opens is still checked.
			toks[e].Type, toks[e].Value = tokKeyword, fix
			continue
		}
		lo, hi, ok := resync(toks, e)
		if !ok {
			return nil, diags, true
		}
		toks = append(toks[:lo:lo], toks[hi:]...)
	}
}

// tokenIndex returns the index of the token at offset off.
func tokenIndex(toks []lexer.Token, off int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= off })
	return min(i, len(toks)-1)
}

// firstOnLine reports whether toks[i] starts its line.
func firstOnLine(toks []lexer.Token, i int) bool {
	return i == 0 || toks[i-1].Pos.Line != toks[i].Pos.Line
}

// statementKeywords start a statement at the beginning of a line.
var statementKeywords = map[string]bool{
	"checklist": true, "version": true, "model": true, "description": true, "lang": true,
	"knockout": true, "scale": true, "choice": true, "level": true, "survey": true,
	"section": true, "question": true, "}": true,
}

// resync picks the tokens [lo, hi) to cut after a syntax error at toks[e]:
// the line the error is on or, when the error is at a line that starts a
// new statement, the unfinished statement before it. A cut that opens a
// block takes the whole block, and a cut never takes a closing brace that
// belongs to an enclosing block, so nesting stays intact.
func resync(toks []lexer.Token, e int) (lo, hi int, ok bool) {
	if toks[e].EOF() {
		return 0, 0, false
	}
	lineStart := func(i int) int {
		for i > 0 && !firstOnLine(toks, i) {
			i--
		}
		return i
	}
	lineEnd := func(i int) int {
		for i < len(toks)-1 && toks[i].Pos.Line == toks[e].Pos.Line {
			i++
		}
		return i
	}
	if firstOnLine(toks, e) && e > 0 && statementKeywords[toks[e].Value] && toks[e].Type != tokString {
		lo, hi = lineStart(e-1), e
	} else {
		lo = lineStart(e)
		hi = lineEnd(e)
	}
	depth := 0
	for i := lo; i < hi; i++ {
		if toks[i].Type != tokPunct {
			continue
		}
		switch toks[i].Value {
		case "{":
			depth++
		case "}":
			if depth == 0 {
				hi = i
			} else {
				depth--
			}
		}
	}
	for depth > 0 && hi < len(toks)-1 {
		if toks[hi].Type == tokPunct {
			switch toks[hi].Value {
			case "{":
				depth++
			case "}":
				depth--
			}
		}
		hi++
	}
	return lo, hi, hi > lo
}
