package korto

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/cxkit/cxkit/internal/textenc"
)

// SheetReader reads answer sheets one after another from a stream: JSON
// Lines (one sheet a line), indented sheets one after another (as `cat
// *.json` makes them), or any mix of the two. It is to [ReadAnswers]
// what [encoding/json.Decoder] is to [encoding/json.Unmarshal].
//
// A bad sheet does not stop the stream: [SheetReader.Next] reports it
// and the next call goes on with the sheet after it. After a syntax
// error the reader takes the broken sheet to end where a line starting
// with "{" begins, which is where the next sheet starts in JSON Lines
// and in sheets written by JSON tools.
//
// The reader holds one sheet at a time: its memory is a read buffer of
// 64 KiB, grown when a sheet needs more, and the sheet it returns. It
// returns a sheet as soon as the sheet is whole, without waiting for
// more input, so it also serves a stream that comes in slowly (a pipe).
// A sheet longer than 64 MiB stops the stream with an error, so that
// input without structure cannot take all memory.
//
// The zero SheetReader has no input and is not usable: Next returns an
// error that says to make one with [NewSheetReader] or
// [Plan.NewSheetReader].
type SheetReader struct {
	r    io.Reader
	plan *Plan // nil: check the form alone, as ReadAnswers does

	buf    []byte
	pos    int   // start of the unread input in buf
	base   int64 // stream offset of buf[0]
	eof    bool  // r has no more input, or failed
	rerr   error // how r failed; reported once the sheets before it are
	err    error // sticky: io.EOF or a read error
	line   int   // line of buf[pos], 1-based
	lineAt int64 // stream offset where that line starts
	// lineCarry counts the characters of that line that fill has
	// dropped from buf, for columns counted in characters.
	lineCarry int

	sheetLine int // where the sheet Next last returned starts
}

const (
	sheetReadMin  = 64 << 10     // the least the reader reads at once
	maxSheetBytes = MaxSheetSize // the longest sheet the reader takes
)

// NewSheetReader returns a reader of the sheets in r that checks their
// form, as [ReadAnswers] does. With a nil r, Next returns an error.
func NewSheetReader(r io.Reader) *SheetReader {
	return &SheetReader{r: r, line: 1}
}

// NewSheetReader returns a reader of the sheets in r that also checks
// each sheet against the plan's checklist, as [Plan.ReadAnswers] does:
// to validate sheets. To score them, read them with the package's
// [NewSheetReader] and let [Plan.Score] or [Plan.BindInto] check the
// answers, once.
func (p *Plan) NewSheetReader(r io.Reader) *SheetReader {
	sr := NewSheetReader(r)
	sr.plan = p
	return sr
}

// SheetError is a bad sheet in a stream: the line of the stream where
// it starts and its problems. The positions of syntax errors in Errs
// (Offset, Line, Column) count from the start of the stream, not of the
// sheet. [errors.As] and [AsAnswerErrors] get Errs from it.
type SheetError struct {
	Line int          // 1-based line of the stream where the sheet starts
	Errs AnswerErrors // the errors; warnings stay in the sheet's Warnings
}

// Error formats the problems as "N: /answers/x: ...", N the line where
// the sheet starts, or "N:C: ..." for a syntax error at line N, column
// C, so that the stream's name and a colon before it make the usual
// "visits.jsonl:12: ...". A nil *SheetError formats as "<nil>".
func (e *SheetError) Error() string {
	if e == nil {
		return "<nil>"
	}
	if len(e.Errs) > 0 && e.Errs[0].Line > 0 {
		return e.Errs.Error()
	}
	return fmt.Sprintf("%d: %s", e.Line, e.Errs.Error())
}

// Unwrap returns Errs.
func (e *SheetError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Errs
}

// Line returns the line of the stream, counted from 1, where the sheet
// last returned by Next starts.
func (sr *SheetReader) Line() int { return sr.sheetLine }

// Next reads the next sheet. For a good sheet it returns the sheet and
// nil; for a bad one a [*SheetError] and the sheet as far as it could be
// read (nil after a syntax error), and the next call reads on. At the
// end of the input it returns io.EOF. A read error, or a sheet too long
// to take, ends the stream: Next returns that error from then on.
// Warnings are in the sheet's Warnings, as with [ReadAnswers].
func (sr *SheetReader) Next() (*Sheet, error) {
	if sr.err != nil {
		return nil, sr.err
	}
	if sr.r == nil {
		// NewSheetReader starts line at 1; a zero SheetReader has 0.
		if sr.line == 0 {
			return nil, errors.New("korto: the SheetReader has no input: make one with NewSheetReader")
		}
		return nil, errors.New("korto: NewSheetReader was given a nil io.Reader")
	}
	if err := sr.skipSpace(); err != nil {
		sr.err = err
		return nil, err
	}
	start := sr.line
	sr.sheetLine = start
	var (
		s  *Sheet
		es AnswerErrors
		n  int
	)
	for {
		data := sr.buf[sr.pos:]
		var ok, short bool
		if data[0] == '{' {
			s, es, n, ok, short = parseSheetPrefix(data)
		}
		if ok {
			break
		}
		if short && sr.rerr != nil {
			sr.err = sr.rerr
			return nil, sr.err
		}
		if short && !sr.eof {
			if err := sr.more(); err != nil {
				sr.err = err
				return nil, err
			}
			continue
		}
		// A broken sheet: read it again alone, up to where the next one
		// starts, to report its problems at their places.
		end, err := sr.brokenEnd()
		if err != nil {
			sr.err = err
			return nil, err
		}
		n = end
		// Without the line break that ends it, so that a sheet cut
		// short is reported at the end of its last line.
		s, es = parseSheet(bytes.TrimRight(sr.buf[sr.pos:sr.pos+n], " \t\r\n"), nil)
		break
	}
	startOff := sr.base + int64(sr.pos)
	// The column where the sheet starts, in characters, for an error on
	// its first line; counted only then, from what is left of the line
	// in buf (consume does not move it) and what fill dropped.
	lineFrom, lineCarry, sheetAt := max(int(sr.lineAt-sr.base), 0), sr.lineCarry, sr.pos
	startCol := func() int { return 1 + lineCarry + utf8.RuneCount(sr.buf[lineFrom:sheetAt]) }
	sr.consume(n)

	var err error
	if sr.plan != nil {
		s, err = sr.plan.finishSheet(s, es)
	} else {
		s, err = finishSheet(s, es)
	}
	if err != nil {
		errs := AsAnswerErrors(err)
		for _, e := range errs {
			if e.Line > 0 { // a syntax error, placed in the sheet
				if e.Line == 1 {
					e.Column += startCol() - 1
				}
				e.Line += start - 1
				e.Offset += int(startOff)
			}
		}
		return s, &SheetError{Line: start, Errs: errs}
	}
	return s, nil
}

// parseSheetPrefix reads the sheet at the start of data, in place, and
// returns it with its problems and its length in bytes. ok is false
// after a syntax error, and short too when the error is that data ends
// inside the sheet.
func parseSheetPrefix(data []byte) (s *Sheet, es AnswerErrors, n int, ok, short bool) {
	sr := sheetReaders.Get().(*sheetReader)
	defer sr.release()
	sr.stream = true
	sr.data = data
	sr.in = *bytes.NewBuffer(data)
	sr.dec.Reset(&sr.in, sheetDecoderOptions...)
	s, ok = sr.sheet()
	if !ok || sr.streamErr != nil {
		return nil, nil, 0, false, errors.Is(sr.streamErr, io.ErrUnexpectedEOF)
	}
	return s, sr.errs, int(sr.dec.InputOffset()), true, false
}

// brokenEnd returns the length of the broken sheet at pos: up to the
// next line that starts with "{", or to the end of the input.
func (sr *SheetReader) brokenEnd() (int, error) {
	from := sr.pos
	for {
		if i := bytes.Index(sr.buf[from:], []byte("\n{")); i >= 0 {
			return from + i + 1 - sr.pos, nil
		}
		if sr.rerr != nil {
			return 0, sr.rerr
		}
		if sr.eof {
			return len(sr.buf) - sr.pos, nil
		}
		from = max(sr.pos, len(sr.buf)-1) // "\n" may end what is read
		off := from - sr.pos
		if err := sr.grow(); err != nil {
			return 0, err
		}
		from = sr.pos + off
	}
}

// skipSpace skips white space and byte-order marks (files joined with
// cat keep theirs) before the next sheet, reading as it needs. It
// returns io.EOF when the input ends first.
func (sr *SheetReader) skipSpace() error {
	for {
		data := sr.buf[sr.pos:]
		i := 0
		for i < len(data) {
			switch c := data[i]; {
			case c == ' ' || c == '\t' || c == '\r' || c == '\n':
				i++
				continue
			case c == textenc.BOM[0] && !sr.eof && len(data)-i < len(textenc.BOM):
				// Perhaps a byte-order mark cut by the read.
			case textenc.HasBOM(data[i:]):
				i += len(textenc.BOM)
				continue
			default:
				sr.consume(i)
				return nil
			}
			break
		}
		sr.consume(i)
		if sr.eof && sr.pos == len(sr.buf) {
			if sr.rerr != nil {
				return sr.rerr
			}
			return io.EOF
		}
		sr.fill()
	}
}

// consume moves past n bytes of input, counting lines.
func (sr *SheetReader) consume(n int) {
	seg := sr.buf[sr.pos : sr.pos+n]
	if k := bytes.Count(seg, []byte("\n")); k > 0 {
		sr.line += k
		sr.lineAt = sr.base + int64(sr.pos+bytes.LastIndexByte(seg, '\n')+1)
		sr.lineCarry = 0
	}
	sr.pos += n
}

// more reads on into the sheet at pos, which is cut short, until what
// it reads holds a "}" that may close it, or the input ends. Reading the
// sheet again only then keeps a long sheet that comes in small reads
// (from a pipe) from being read over and over, and the reader from
// waiting for input after a sheet that is whole.
func (sr *SheetReader) more() error {
	for {
		from := len(sr.buf) - sr.pos
		if err := sr.grow(); err != nil {
			return err
		}
		if sr.eof || bytes.IndexByte(sr.buf[sr.pos+from:], '}') >= 0 {
			return nil
		}
	}
}

// grow reads once more into the sheet at pos, or fails when the sheet
// grows too long.
func (sr *SheetReader) grow() error {
	if len(sr.buf)-sr.pos >= maxSheetBytes {
		return fmt.Errorf("line %d: an answer sheet longer than %d MiB, or a stream that is not sheets", sr.line, maxSheetBytes>>20)
	}
	sr.fill()
	return nil
}

// fill reads once more into buf, first moving the unread input to the
// front and growing buf when it is full. A read error ends the input,
// like EOF; it is kept in rerr to be reported when a sheet needs what
// could not be read.
func (sr *SheetReader) fill() {
	if sr.pos > 0 {
		// pos is between sheets or white space, never inside a
		// character, so the count is exact.
		sr.lineCarry += utf8.RuneCount(sr.buf[max(int(sr.lineAt-sr.base), 0):sr.pos])
		n := copy(sr.buf, sr.buf[sr.pos:])
		sr.base += int64(sr.pos)
		sr.buf, sr.pos = sr.buf[:n], 0
	}
	if free := cap(sr.buf) - len(sr.buf); free < sheetReadMin/2 || free < len(sr.buf) {
		nb := make([]byte, len(sr.buf), max(2*cap(sr.buf), sheetReadMin, len(sr.buf)+sheetReadMin))
		copy(nb, sr.buf)
		sr.buf = nb
	}
	for {
		n, err := sr.r.Read(sr.buf[len(sr.buf):cap(sr.buf)])
		sr.buf = sr.buf[:len(sr.buf)+n]
		switch {
		case err == io.EOF:
			sr.eof = true
			return
		case err != nil:
			sr.eof, sr.rerr = true, err
			return
		case n > 0:
			return
		}
	}
}
