package dsl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/internal/textenc"
	"github.com/cxkit/cxkit/korto"
)

// maxSyntaxErrors bounds how many syntax errors one parse reports that
// recovery had to guess around: after a few, later ones are mostly
// echoes of the first.
const maxSyntaxErrors = 10

// recoveryBudget bounds the tokens all recovery rounds may parse in
// total, so that a huge broken file costs a few parses, not forty.
const recoveryBudget = 2_000_000

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
// A nil r is an error.
func ParseReader(filename string, r io.Reader) (*korto.Checklist, error) {
	if r == nil {
		return nil, fmt.Errorf("dsl: reading %s: no reader (nil)", filename)
	}
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
	meantFixes(src, p.diags)
	charColumns(src, p.checklist, p.diags)
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
	p.read(filename, src)
	// Sorted on every path: when recovery gives up, the scanner's
	// diagnostics (all of the file) come before the parser's (up to where
	// it stopped), and a reader expects line 2 before line 16.
	p.diags.Sort()
	if len(p.diags) == 0 {
		p.diags = nil
	}
	return p
}

// read fills p with what parsing src teaches.
func (p *parsed) read(filename string, src []byte) {
	if len(src) > MaxFileSize {
		p.diags = korto.Diagnostics{{
			Pos:      korto.Pos{File: filename},
			Severity: korto.SeverityError,
			Code:     diag.CodeLimit,
			Message:  fmt.Sprintf("file is %d bytes, more than the %d a checklist may have", len(src), MaxFileSize),
			Hint:     "split the checklist, or check that this is the right file",
		}}
		return
	}
	if d := encodingDiagnostic(filename, src); d != nil {
		p.diags = korto.Diagnostics{d}
		return
	}
	if i := bytes.IndexByte(src[:min(len(src), 8000)], 0); i >= 0 {
		p.diags = korto.Diagnostics{{
			Pos:      posAt(filename, src, i),
			Severity: korto.SeverityError,
			Code:     diag.CodeBinary,
			Message:  "file holds a NUL byte; it looks binary, not a .korto text",
			Hint:     "check that this is the right file",
		}}
		return
	}
	// The usual case, a file without mistakes, streams tokens from the
	// scanner to participle. Only when something is wrong is the source
	// scanned again into a slice of tokens that recovery can cut.
	s := newScanner(filename, src)
	var ast *astFile
	recovered := true
	if pl, err := lexer.Upgrade(s); err == nil && len(s.diags) == 0 && !s.stop {
		if a, err := parseSafely(pl); err == nil {
			ast, recovered = a, false
		}
	}
	if ast == nil {
		s = scan(filename, src)
	}
	p.comments = s.comments
	p.diags = append(slices.Clip(s.diags), s.warns...)
	if s.stop {
		return
	}
	var rec recovery
	if ast == nil {
		var synErrs korto.Diagnostics
		ast, synErrs, rec = parseTokens(filename, s.toks, s.diags, s)
		recovered = true
		p.diags = append(p.diags, synErrs...)
	}
	if ast == nil || ast.Checklist == nil {
		return
	}
	b := &builder{file: filename}
	c := b.checklist(ast.Checklist)
	p.lay = b.lay
	p.diags = append(p.diags, b.diags...)
	p.buildErr = len(b.diags) > 0
	p.diags = append(p.diags, validateRead(c, &rec, b)...)
	if !recovered && len(s.diags) == 0 {
		p.checklist = c
		// The file reads well, but a line indented as if a block were
		// closed while it is not: the nesting may not be the one meant
		// (a } missing above and one too many below), and it changes
		// the scores without an error.
		for _, m := range s.misses {
			if !s.crooked {
				break // blocks written flat, as in a snippet: no other nesting is shown
			}
			p.diags = append(p.diags, &korto.Diagnostic{
				Pos:      korto.Pos{File: filename, Line: m.line, Column: len(m.indent) + 1, Offset: m.off},
				Severity: korto.SeverityWarning,
				Code:     diag.CodeIndentation,
				Message:  fmt.Sprintf("this line is indented like line %d but stands inside the %sblock that line opens", m.block.line, blockWord(m.block.word)),
				Hint:     fmt.Sprintf("if that block ends at line %d, its } is missing there (and one } too many stands further down); else indent this line deeper", lineOf(s.src, m.block.end)),
			})
		}
		p.diags.Sort()
	}
}

// encodingDiagnostic returns the one diagnostic for a source saved in
// another encoding than UTF-8, or nil: a byte-by-byte report of a
// Windows-1251 file would repeat "invalid UTF-8" on every line with
// Cyrillic on it, and a UTF-16 one would read as binary. A UTF-8 file
// with a few bad bytes (textenc.Other) keeps its per-line errors, which
// point at them.
func encodingDiagnostic(filename string, src []byte) *korto.Diagnostic {
	enc := textenc.Detect(src)
	var msg string
	switch enc {
	case textenc.Windows1251:
		msg = "the file is not UTF-8: it looks saved as Windows-1251"
	case textenc.UTF16LE, textenc.UTF16BE:
		msg = `the file is not UTF-8: it is saved as UTF-16 (Notepad's "Unicode")`
	default:
		return nil
	}
	// No line for UTF-16: every line of it reads as garbage, and the
	// whole file is the mistake.
	pos := korto.Pos{File: filename}
	if enc == textenc.Windows1251 {
		pos = posAt(filename, src, textenc.FirstInvalid(src))
	}
	return &korto.Diagnostic{
		Pos:      pos,
		Severity: korto.SeverityError,
		Code:     diag.CodeEncoding,
		Message:  msg,
		Hint:     "save it as UTF-8 (in Notepad: File → Save As, Encoding: UTF-8)",
	}
}

// blockWord names a block by the first word of the line opening it.
func blockWord(w string) string {
	switch w {
	case "checklist", "level", "section", "choice", "survey", "bands":
		return w + " "
	}
	return ""
}

// meantFixes gives a fix to every diagnostic that names, in the form
// `... "A" ...; did you mean "B"?`, a word A standing at its position: the
// validator's unknown scales, choices, questions and options, which know
// no offsets of their own.
func meantFixes(src []byte, diags korto.Diagnostics) {
	for _, d := range diags {
		if d.Fix != nil || !d.Pos.IsValid() {
			continue
		}
		i := strings.Index(d.Message, "; did you mean ")
		if i < 0 {
			continue
		}
		j := strings.IndexByte(d.Message[:i], '"')
		if j < 0 {
			continue
		}
		q, err1 := strconv.QuotedPrefix(d.Message[j:i])
		was, _ := strconv.Unquote(q)
		meant, err2 := strconv.Unquote(strings.TrimSuffix(d.Message[i+len("; did you mean "):], "?"))
		off := d.Pos.Offset
		if err1 != nil || err2 != nil || !bytes.HasPrefix(src[off:], []byte(was)) || off+len(was) < len(src) && identByte(src[off+len(was)]) {
			continue
		}
		d.Fix = &korto.Edit{Offset: off, End: off + len(was), Text: meant}
	}
}

func identByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// fixedArgument reports whether the keyword fix, put for toks[e], gets
// what it demands from the token after it: if not, the word is read as
// meant to report the rest, but replacing it alone fixes nothing.
func fixedArgument(toks []lexer.Token, e int, fix string) bool {
	if e+1 >= len(toks) {
		return true
	}
	t := toks[e]
	toks[e].Type, toks[e].Value = tokKeyword, fix
	block, _ := enclosingBlock(toks, e)
	fits := argument(toks, e, block)
	ok := fits == nil || fits(toks[e+1]) && toks[e+1].Pos.Line == toks[e].Pos.Line
	toks[e] = t
	return ok
}

// lineOf returns the line of the byte at off.
func lineOf(src []byte, off int) int {
	return 1 + bytes.Count(src[:min(off, len(src))], []byte{'\n'})
}

func posAt(file string, src []byte, off int) korto.Pos {
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
	return korto.Pos{File: file, Line: line, Column: col, Offset: off}
}

// recovery records what parseTokens did to the token stream to read a
// broken source, so that the checklist's static rules can still be
// checked on what was read without reporting what recovery made up.
type recovery struct {
	// cut tells that tokens were dropped: statements cut out, stand-in
	// headers put in, or characters the scanner could not read.
	cut bool
	// doubt holds the lines whose statements were cut short or stood in
	// for; nothing on them is what the author wrote.
	doubt map[int]bool
	// cutQuestions holds the IDs of the questions whose statements were
	// cut out whole. When nothing else was cut (cutOther is false), the
	// cut part declared no scale, choice or other question, so a name
	// unknown for any other reason is still the author's mistake.
	cutQuestions map[string]bool
	cutOther     bool
}

// noteCut records what the tokens toks[lo:hi] that recovery cuts out
// may have declared; stoodIn tells that a block header was replaced.
func (r *recovery) noteCut(toks []lexer.Token, lo, hi int, stoodIn bool) {
	first := toks[lo]
	if stoodIn || first.Type != tokKeyword || first.Value != "question" && !isModifierKeyword(first.Value) {
		r.cutOther = true
		return
	}
	// Question statements, or the continuation lines of one: they
	// declare their questions and nothing else.
	for i := lo; i < hi; i++ {
		t := toks[i]
		if t.Type != tokKeyword {
			continue
		}
		switch t.Value {
		case "question":
			if i+1 < hi && toks[i+1].Type == tokIdent {
				if r.cutQuestions == nil {
					r.cutQuestions = map[string]bool{}
				}
				r.cutQuestions[toks[i+1].Value] = true
			}
		case "scale":
			if i+1 < hi && toks[i+1].Type == tokIdent { // a declaration, not a kind
				r.cutOther = true
			}
		case "choice", "level", "section", "survey", "checklist", "bands":
			r.cutOther = true
		}
	}
}

func (r *recovery) doubtLines(from, to int) {
	if r.doubt == nil {
		r.doubt = map[int]bool{}
	}
	for l := from; l <= to; l++ {
		r.doubt[l] = true
	}
}

// parseTokens runs participle over toks. On a syntax error it records a
// plain-words diagnostic, cuts the offending statement out of the token
// stream (or reads a misspelt keyword as meant, or supplies a missing
// brace) and tries again, so one run reports several independent
// mistakes. rec tells what was cut.
func parseTokens(file string, toks []lexer.Token, lexDiags korto.Diagnostics, s *scanner) (ast *astFile, diags korto.Diagnostics, rec recovery) {
	misses := s.misses
	badLines := map[int]bool{}
	for _, d := range lexDiags {
		badLines[d.Pos.Line] = true
		rec.cut, rec.cutOther = true, true
		rec.doubtLines(d.Pos.Line, d.Pos.Line)
	}
	// Every round cuts at least one token, and the rounds are bounded
	// too: a parse is never slow because the file is bad.
	rounds := min(4*maxSyntaxErrors, max(1, recoveryBudget/len(toks)))
	guesses := 0
	for round := 0; round < rounds; round++ {
		pl, err := lexer.Upgrade(&sliceLexer{toks: toks})
		if err != nil {
			return nil, diags, rec
		}
		ast, err = parseSafely(pl)
		if err == nil {
			return ast, diags, rec
		}
		var perr participle.Error
		if !errors.As(err, &perr) {
			return nil, append(diags, &korto.Diagnostic{Pos: korto.Pos{File: file}, Code: diag.CodeSyntax, Message: "cannot parse the checklist"}), rec
		}
		e := tokenIndex(toks, perr.Position().Offset)
		d, e, fix, unfinished := explain(file, toks, e, perr)
		if !badLines[d.Pos.Line] {
			diags = append(diags, d)
			if fix == "" {
				guesses++
			}
		}
		badLines[d.Pos.Line] = true
		// A misspelt keyword read as meant is as sure as the static rules
		// and costs no cut: such mistakes are all reported (within the
		// rounds), and only the guesses count towards the limit.
		if guesses >= maxSyntaxErrors {
			// Say that the list is cut, or "10 errors" reads as all.
			// It stands where reading stopped, after the errors it counts.
			diags = append(diags, &korto.Diagnostic{Pos: d.Pos, Severity: korto.SeverityWarning, Code: diag.CodeLimit,
				Message: fmt.Sprintf("stopped after %d syntax errors: the rest of the file was not checked", maxSyntaxErrors),
				Hint:    "fix these and check again"})
			return nil, diags, rec
		}
		if fix != "" {
			if fits := fixedArgument(toks, e, fix); d.Fix == nil && d.Code == diag.CodeUnknownKeyword && fits {
				d.Fix = &korto.Edit{Offset: toks[e].Pos.Offset, End: toks[e].Pos.Offset + len(toks[e].Value), Text: fix}
			}
			// A misspelt keyword: read it as meant and parse on, so the
			// block it opens is still checked.
			toks[e].Type, toks[e].Value = tokKeyword, fix
			continue
		}
		if unfinished && strings.HasPrefix(d.Message, "expected { ") {
			// A block header without its brace: supply it, so the block's
			// content is read as such.
			brace := lexer.Token{Type: tokPunct, Value: "{", Pos: lexer.Position{
				Filename: file, Line: d.Pos.Line, Column: d.Pos.Column, Offset: d.Pos.Offset}}
			toks = slices.Insert(toks, e, brace)
			continue
		}
		if closeBlock := strings.HasPrefix(d.Message, "missing } ") || strings.HasPrefix(d.Message, "the file ends before the "); closeBlock && len(misses) > 0 && misses[0].off <= toks[e].Pos.Offset {
			// The indentation shows where the block ended: close it
			// there, so that what follows is read where it belongs and
			// the hint names the right line.
			m := misses[0]
			misses = misses[1:]
			at := tokenIndex(toks, m.off)
			d.Pos = korto.Pos{File: file, Line: m.line, Column: len(m.indent) + 1, Offset: m.off}
			d.Message = fmt.Sprintf("missing } before %s: the %sblock opened at line %d is not closed, and its lines end at line %d", describe(toks[at]), blockWord(m.block.word), m.block.line, lineOf(s.src, m.block.end))
			d.Hint = fmt.Sprintf("add } after line %d, indented like line %d", lineOf(s.src, m.block.end), m.block.line)
			d.Fix = &korto.Edit{Offset: m.block.end, End: m.block.end, Text: "\n" + m.block.indent + "}"}
			if len(diags) > 0 && diags[len(diags)-1] == d {
				badLines[d.Pos.Line] = true
			}
			brace := lexer.Token{Type: tokPunct, Value: "}", Pos: toks[at].Pos}
			toks = slices.Insert(toks, at, brace)
			continue
		}
		if strings.HasPrefix(d.Message, "missing } ") {
			// A block left open: close it, so what follows is read in
			// the block it belongs to.
			brace := lexer.Token{Type: tokPunct, Value: "}", Pos: toks[e].Pos}
			toks = slices.Insert(toks, e, brace)
			continue
		}
		lo, hi, repl, ok := resync(toks, e, unfinished)
		if !ok {
			return nil, diags, rec
		}
		rec.cut = true
		rec.noteCut(toks, lo, hi, repl != nil)
		rec.doubtLines(toks[lo].Pos.Line, toks[hi-1].Pos.Line)
		rest := toks[hi:]
		toks = append(append(toks[:lo:lo], repl...), rest...)
		if len(toks) == 1 { // only EOF is left: nothing more to learn
			return nil, diags, rec
		}
	}
	return nil, diags, rec
}

// parseSafely runs participle, turning a panic (participle panics on a
// grammar branch that matches without consuming, which this grammar
// should never have) into a plain error at the current token: user input
// must not crash the caller.
func parseSafely(pl *lexer.PeekingLexer) (ast *astFile, err error) {
	defer func() {
		if r := recover(); r != nil {
			ast, err = nil, &participle.ParseError{Msg: fmt.Sprint(r), Pos: pl.Peek().Pos}
		}
	}()
	return parser.ParseFromLexer(pl)
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

// resync picks the tokens [lo, hi) to cut after a syntax error at toks[e]:
// the unfinished statement before it, or else the line it is on. A cut
// never takes a closing brace that belongs to an enclosing block, and a
// cut block header is replaced by a neutral one, so nesting stays intact
// and the block's content is still checked.
func resync(toks []lexer.Token, e int, unfinished bool) (lo, hi int, repl []lexer.Token, ok bool) {
	if toks[e].EOF() {
		return 0, 0, nil, false
	}
	if unfinished && e > 0 {
		lo, hi = lineStartIndex(toks, e-1), e
		if orphanLine(toks, e) {
			for hi < len(toks)-1 && toks[hi].Pos.Line == toks[e].Pos.Line {
				hi++
			}
		}
	} else {
		lo = lineStartIndex(toks, e)
		for hi = e; hi < len(toks)-1 && toks[hi].Pos.Line == toks[e].Pos.Line; hi++ {
		}
	}
	depth, open := 0, -1
	for i := lo; i < hi; i++ {
		if toks[i].Type != tokPunct {
			continue
		}
		switch toks[i].Value {
		case "{":
			if depth == 0 {
				open = i
			}
			depth++
		case "}":
			if depth == 0 {
				hi = i
			} else {
				depth--
			}
		}
	}
	if depth > 0 {
		// The cut opens a block: keep the block, with a stand-in header.
		hi = open + 1
		repl = standInHeader(toks[lo], toks[open])
		if repl == nil {
			return 0, 0, nil, false
		}
	}
	return lo, hi, repl, hi > lo
}

// orphanLine reports whether the line starting at toks[e] is the rest of
// the question cut short before it, as in "when a and" followed by a line
// holding only "b": a statement never starts with an ID, a number or a
// text, unless it is a misspelt "question" or "section", which explain
// reports on its own.
func orphanLine(toks []lexer.Token, e int) bool {
	t := toks[e]
	if !firstOnLine(toks, e) || !inQuestion(toks, e-1) {
		return false
	}
	switch t.Type {
	case tokNumber, tokPercent, tokString:
		return true
	case tokIdent:
		return suggest.Nearest(t.Value, []string{"question", "section"}) == ""
	case tokPunct:
		return t.Value == "(" || t.Value == ")"
	}
	return false
}

// standInHeader returns a valid header for the block opened by brace in
// a statement that starts with first, or nil when first is no block
// keyword.
func standInHeader(first, brace lexer.Token) []lexer.Token {
	tok := func(typ lexer.TokenType, v string) lexer.Token {
		return lexer.Token{Type: typ, Value: v, Pos: first.Pos}
	}
	// The stand-in ID is empty and the level number 0, which no source
	// can write: Validate then never takes them for a real declaration
	// (a duplicate ID, a level given twice), and what it says about them
	// stands on a line recovery marked as doubtful.
	name, text := tok(tokIdent, ""), tok(tokString, `""`)
	var h []lexer.Token
	switch first.Value {
	case "checklist":
		h = []lexer.Token{first, name, text}
	case "level":
		h = []lexer.Token{first, tok(tokNumber, "0"), text}
	case "section":
		h = []lexer.Token{first, name, text}
	case "choice":
		h = []lexer.Token{first, name}
	case "survey", "bands":
		h = []lexer.Token{first}
	default:
		return nil
	}
	return append(h, brace)
}
