package korto

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/cacheline"
	"github.com/cxkit/cxkit/internal/sheetnum"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/internal/textenc"
	"github.com/go-json-experiment/json/jsontext"
)

// Sheet is one filled-in answer sheet: which checklist it answers, the
// audit's own fields (id, location, date, auditor, ...) and the answers
// keyed by question ID.
//
// The JSON form is
//
//	{"checklist": "mall_basic", "version": "2026.1",
//	 "audit": {"id": "v-0017", "location": "ТЦ Европа"},
//	 "answers": {"entrance": "yes", "queue": 3.5, "floors": "na"}}
//
// "checklist" and "answers" are required, "version" and "audit" optional,
// and a "$schema" string is allowed (and ignored) so that sheets produced
// by form tools validate as they are. Audit values are strings; numbers
// and booleans are accepted and kept as their JSON text ("17", "true"),
// because audit fields are labels to group by, never quantities.
type Sheet struct {
	// Checklist is the ID of the checklist the sheet answers; a sheet
	// checked against another checklist fails with CodeWrongChecklist.
	Checklist string `json:"checklist"`
	// Version is the checklist version the sheet was filled for. When
	// both it and the checklist's are set and differ, the sheet still
	// scores, with a CodeVersionMismatch warning.
	Version string `json:"version,omitempty"`
	// Audit holds the audit's own fields. Their keys are free, and
	// reports group by any of them (AggregateOptions.GroupBy); two have
	// a meaning of their own: "id" names the audit in the aggregator's
	// errors, and "date" (YYYY-MM-DD) gives the "month" of an audit
	// that has no such field.
	Audit map[string]string `json:"audit,omitempty"`
	// Answers is keyed by question ID; a question missing from it is
	// unanswered.
	Answers map[string]Answer `json:"answers"`
	// Warnings holds problems that do not stop scoring, such as a version
	// that differs from the checklist's. It is not part of the JSON form.
	// The readers fill it, and [Plan.Bind], [Plan.BindInto] and
	// [Plan.Score] set it to the warnings of the answers against the
	// plan ([Plan.Check] returns its warnings instead).
	//
	// Bind and Score write the field only when those warnings differ
	// from what it holds (compared by value). So several goroutines may
	// score one Sheet at once when it has no warnings against the plan,
	// the usual case, or already holds them (after one Score, or from
	// [Plan.ReadAnswers]); a Sheet whose warnings are yet to be set must
	// be scored by one goroutine at a time. Nothing else in a Sheet is
	// written by scoring.
	Warnings AnswerErrors `json:"-"`
	// Place is where the sheet was read ("visits.jsonl:17"), set by the
	// program that read it; it is not part of the JSON form. An
	// [Aggregator] keeps it (AddScored) for the critical failures of an
	// audit without an "id", which the report's JSON lists with an
	// empty audit, as reports.md fixes it: the place is how a person
	// finds that sheet.
	Place string `json:"-"`
}

// AnswerType is the JSON type of one answer.
type AnswerType uint8

// The answer types. Only strings and numbers answer questions; the others
// are kept so that validation can say what it found instead.
const (
	AnswerString AnswerType = iota
	AnswerNumber
	AnswerInvalid // a boolean, null, object or array: never a valid answer
)

// Answer is one raw answer: a string ("yes", an option ID, an emotion
// label, "na", free text) or a number. The zero Answer is the string "".
type Answer struct {
	Type   AnswerType // which of String and Number holds the answer
	String string     // the string, or for AnswerInvalid the JSON text found
	Number float64    // for AnswerNumber
}

// Str returns a string answer: "yes", "no", "na", an option ID, an
// emotion label or free text.
func Str(s string) Answer { return Answer{Type: AnswerString, String: s} }

// Num returns a number answer.
func Num(x float64) Answer { return Answer{Type: AnswerNumber, Number: x} }

// NA is the "not applicable" answer.
var NA = Str("na")

// IsNA reports whether the answer is "na".
func (a Answer) IsNA() bool { return a.Type == AnswerString && a.String == "na" }

// describe writes the answer the way it appeared in JSON, for messages.
func (a Answer) describe() string {
	switch a.Type {
	case AnswerString:
		return strconv.Quote(clipText(a.String))
	case AnswerNumber:
		return fmtNum(a.Number)
	}
	return clipText(a.String)
}

// clipText cuts a value quoted in a message to its first 40 characters,
// so that a pasted document in an answer does not flood the terminal.
func clipText(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max-1]) + "…"
}

// MarshalJSON writes the answer as a JSON string or number.
func (a Answer) MarshalJSON() ([]byte, error) {
	switch a.Type {
	case AnswerNumber:
		if math.IsNaN(a.Number) || math.IsInf(a.Number, 0) {
			return nil, fmt.Errorf("korto: answer %v is not a finite number", a.Number)
		}
		return sheetnum.Append(nil, a.Number), nil
	case AnswerInvalid:
		if json.Valid([]byte(a.String)) {
			return []byte(a.String), nil
		}
		return nil, fmt.Errorf("korto: invalid answer %q", a.String)
	}
	return json.Marshal(a.String)
}

// UnmarshalJSON reads any JSON value; what is not a string or a number
// becomes an AnswerInvalid holding its JSON text, which validation
// reports.
func (a *Answer) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case len(data) > 0 && data[0] == '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*a = Str(s)
	case len(data) > 0 && (data[0] == '-' || data[0] >= '0' && data[0] <= '9'):
		x, err := strconv.ParseFloat(string(data), 64)
		if err != nil {
			*a = Answer{Type: AnswerInvalid, String: string(data)}
			return nil
		}
		*a = Num(x)
	default:
		*a = Answer{Type: AnswerInvalid, String: string(data)}
	}
	return nil
}

// Codes of answer-sheet problems, stable for tools: package diag's,
// under the names korto has always had.
const (
	CodeSyntax          = diag.CodeSyntax
	CodeNotObject       = diag.CodeNotObject
	CodeUnknownKey      = diag.CodeUnknownKey
	CodeDuplicateKey    = diag.CodeDuplicateKey
	CodeMissingKey      = diag.CodeMissingKey
	CodeWrongChecklist  = diag.CodeWrongChecklist
	CodeVersionMismatch = diag.CodeVersionMismatch
	CodeUnknownQuestion = diag.CodeUnknownQuestion
	CodeWrongType       = diag.CodeWrongType
	CodeNotWhole        = diag.CodeNotWhole
	CodeOutOfRange      = diag.CodeOutOfRange
	CodeNotFinite       = diag.CodeNotFinite
	CodeUnknownOption   = diag.CodeUnknownOption
	CodeUnknownEmotion  = diag.CodeUnknownEmotion
	CodeNANotAllowed    = diag.CodeNANotAllowed
	CodeWhenFalse       = diag.CodeWhenFalse
	CodeMissingAnswer   = diag.CodeMissingAnswer
)

// AnswerError is one problem in an answer sheet: the module's one
// diagnostic type. It names the question in Question (when there is
// one) and says where in the JSON document the problem is as an RFC 6901
// JSON Pointer in Pointer ("/answers/queue"); a syntax error carries a
// byte offset and a line and column (counted in characters) too, and a
// syntax error inside an answer's value points at the answer and names
// its question. Severity is SeverityWarning only for problems that do
// not stop scoring, such as CodeVersionMismatch.
//
// Error formats it as `/answers/queue: question "queue": msg`, or
// `line:col: msg` for a syntax error, so that a file name and a colon
// before it make the usual "visit.json:3:14: msg".
//
// Deprecated: use [diag.Diagnostic], which this is; its field Question
// is now Question.
type AnswerError = diag.Diagnostic

// AnswerErrors is every problem found in one answer sheet. As an error
// it stands for all of them; use [errors.As] to get the list back.
//
// Deprecated: use [diag.List], which this is.
type AnswerErrors = diag.List

// sameAnswerErrors reports whether x and y list equal problems in the
// same order.
func sameAnswerErrors(x, y AnswerErrors) bool {
	return slices.EqualFunc(x, y, func(a, b *AnswerError) bool {
		return a == b || a != nil && b != nil && *a == *b
	})
}

// AsAnswerErrors extracts the list from an error returned by a reader or
// [Plan.Score]; it returns nil for other errors.
//
// Deprecated: use [diag.As], which this is.
func AsAnswerErrors(err error) AnswerErrors { return diag.As(err) }

// JSONPointer joins reference tokens into an RFC 6901 JSON Pointer,
// escaping "~" as "~0" and "/" as "~1".
func JSONPointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		for _, r := range t {
			switch r {
			case '~':
				b.WriteString("~0")
			case '/':
				b.WriteString("~1")
			default:
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// ReadAnswers reads an answer sheet from r and checks its form: JSON
// syntax, the top-level keys, duplicate keys (which encoding/json would
// silently drop), and the types of the envelope fields. It does not know
// the checklist; [Plan.ReadAnswers] also checks the answers against it,
// and [Plan.Score] does before it scores. r holds one sheet; read a
// stream of them (JSON Lines, say) with [NewSheetReader].
//
// On problems it returns an [AnswerErrors] listing all of them, and the
// sheet as far as it could be read (nil after a syntax error). A nil r
// is an error, and so is a sheet larger than [MaxSheetSize], which fails
// with [ErrTooLarge] without reading the rest of r.
func ReadAnswers(r io.Reader) (*Sheet, error) {
	if r == nil {
		return nil, errReadNilReader
	}
	data, err := readLimited(r, MaxSheetSize, "an answer sheet")
	if err != nil {
		return nil, err
	}
	return finishSheet(parseSheet(data, nil))
}

var errReadNilReader = errors.New("korto: ReadAnswers: nil io.Reader")

// ParseAnswers is [ReadAnswers] for a sheet already in memory, such as
// a line of JSON Lines: it reads data in place, where ReadAnswers copies
// its input first. The sheet it returns does not refer to data, which
// the caller may reuse at once.
func ParseAnswers(data []byte) (*Sheet, error) {
	if len(data) > MaxSheetSize {
		return nil, errTooLarge("an answer sheet", MaxSheetSize)
	}
	return finishSheet(parseSheet(data, nil))
}

// ParseAnswersInto is [ParseAnswers] reading into s, whose fields it
// replaces. It clears and reuses the maps s holds, so a program that
// reads many sheets one after another and keeps none of them (a report
// that only adds them up) reads each without allocating it anew. The
// strings it stores are never changed later, and may be kept.
//
// On problems it returns an [AnswerErrors], as ParseAnswers does, and s
// holds the sheet as far as it could be read; after a syntax error, or
// a sheet larger than [MaxSheetSize], what s holds has no meaning.
func ParseAnswersInto(s *Sheet, data []byte) error {
	if s == nil {
		return errors.New("korto: ParseAnswersInto: nil *Sheet")
	}
	if len(data) > MaxSheetSize {
		*s = Sheet{}
		return errTooLarge("an answer sheet", MaxSheetSize)
	}
	parsed, es := parseSheet(data, s)
	if parsed == nil {
		*s = Sheet{} // a syntax error: nothing read
	}
	_, err := finishSheet(s, es)
	return err
}

// finishSheet moves the warnings among es into s and returns the errors.
func finishSheet(s *Sheet, es AnswerErrors) (*Sheet, error) {
	errs, warns := es.Split()
	if s != nil {
		s.Warnings = warns
	}
	if len(errs) > 0 {
		return s, errs
	}
	return s, nil
}

// sheetReader walks the JSON tokens of a sheet so that it can see what
// encoding/json hides: duplicate keys and the order of things. It reads
// with jsontext, which hands out each token straight from the input
// instead of allocating one, so that reading a sheet costs little more
// than decoding it.
type sheetReader struct {
	in   bytes.Buffer // the input, which the decoder reads in place
	dec  jsontext.Decoder
	data []byte // the input, for positions in syntax errors
	errs AnswerErrors
	// lastAnswers is how many answers the reader's previous sheet had,
	// up to maxAnswersHint. Sheets in one stream answer one checklist,
	// so it sizes the next answers map well and saves growing it step by
	// step; the cap keeps one huge sheet from inflating every later one.
	lastAnswers int
	// stream is set while a [SheetReader] reads a sheet in place in its
	// buffer, where data runs on into the sheets after it: a syntax
	// error is then only noted in streamErr, and the SheetReader reads
	// the broken sheet again on its own to report it.
	stream    bool
	streamErr error
	dups      map[string]*sheetDup // by pointer: the keys given more than once
	// strs interns short strings. The question IDs, the audit's keys and
	// most answers ("yes", an option ID) come again in every sheet of a
	// stream; found here by their bytes, which allocates nothing, they
	// cost no allocation after the first sheet. The reader keeps them
	// from sheet to sheet, as the pool keeps the reader; at maxStrs
	// entries it starts afresh, so that unique values (audit IDs, times)
	// cannot make it grow.
	strs map[string]string
	unq  []byte // scratch for a string with escapes
	// prev holds the short strings of the sheet read last, in the order
	// read, and cur collects this sheet's; next is how far into prev
	// this sheet has got. Sheets of one checklist list the same keys in
	// the same order, and mostly the same answers: the string at the
	// same place in the last sheet is the first guess, which costs a
	// comparison where strs costs a hash. A key the guess misses is
	// looked for a few places further on, past the questions the last
	// sheet answered and this one does not.
	prev, cur []string
	next      int
	// recent holds short values by a cheap hash of their bytes, for the
	// answers that differ from the last sheet's at the same place: a few
	// words ("yes", "no", "na", option IDs) make up most of them.
	recent [256]string
	// reuse is the sheet to read into (ParseAnswersInto), or nil;
	// audit0 and answers0 are its maps, to clear and fill again.
	reuse    *Sheet
	audit0   map[string]string
	answers0 map[string]Answer
}

// Bounds of sheetReader.strs: a string longer than maxStrLen (free text)
// is not interned, and the map holds at most maxStrs of them.
const (
	maxStrLen = 64
	maxStrs   = 2048
)

const maxAnswersHint = 1 << 10

// sheetDecoderOptions keep the reader's own duplicate-key check (which
// reports every duplicate, by pointer). Invalid UTF-8 stops the decoder:
// JSON is UTF-8 (RFC 8259), and a sheet saved as Windows-1251 would
// otherwise be scored with its Cyrillic labels turned to U+FFFD, which
// groups a report by garbage. parseSheet then says what happened.
var sheetDecoderOptions = []jsontext.Options{
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(false),
}

// sheetReaders recycles readers, and so the decoders' state stacks,
// across the sheets of a JSON Lines stream.
var sheetReaders = sync.Pool{New: func() any { return new(sheetReader) }}

// parseSheet reads the sheet in data, into reuse when it is not nil.
func parseSheet(data []byte, reuse *Sheet) (*Sheet, AnswerErrors) {
	// Editors on Windows like to start UTF-8 files with a byte-order
	// mark, which JSON does not allow; it carries no meaning, so skip it.
	// Offsets in messages then count from after it.
	data = textenc.TrimBOM(data)
	sr := sheetReaders.Get().(*sheetReader)
	defer sr.release()
	sr.data, sr.reuse = data, reuse
	sr.in = *bytes.NewBuffer(data)
	sr.dec.Reset(&sr.in, sheetDecoderOptions...)
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		sr.syntaxAt(off, "the sheet is not UTF-8 text (saved as Windows-1251 or UTF-16?): save it as UTF-8")
		return nil, sr.errs
	}
	s, ok := sr.sheet()
	if !ok {
		return nil, sr.errs
	}
	// Anything after the sheet's object is a mistake (two sheets pasted
	// into one file, say, or JSON Lines).
	if k := sr.dec.PeekKind(); k != 0 && k != '}' && k != ']' {
		off := int(sr.dec.InputOffset())
		off += len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n"))
		sr.syntaxAt(off, "another JSON value after the answer sheet: a sheet file holds one sheet; put several in a JSON Lines file, one a line, for cxkit report")
		return nil, sr.errs
	}
	if _, err := sr.dec.ReadToken(); err != io.EOF {
		if err == nil {
			err = errors.New("unexpected data after the answer sheet")
		}
		sr.syntax(err)
		return nil, sr.errs
	}
	return s, sr.errs
}

// release drops the reader's hold on the input and its errors, which
// the caller now owns, and returns it to the pool.
func (sr *sheetReader) release() {
	sr.in = bytes.Buffer{}
	sr.dec.Reset(&sr.in)
	sr.data, sr.errs, sr.dups = nil, nil, nil
	sr.reuse, sr.audit0, sr.answers0 = nil, nil, nil
	sr.prev, sr.cur, sr.next = sr.cur, sr.prev[:0], 0
	sr.stream, sr.streamErr = false, nil
	sheetReaders.Put(sr)
}

func (sr *sheetReader) add(ptr, qid, code, format string, a ...any) {
	sr.errs = append(sr.errs, &AnswerError{Question: qid, Pointer: ptr, Code: code, Message: fmt.Sprintf(format, a...)})
}

// syntax records a syntax error. The decoder's words say what the JSON
// grammar expected, and at the wrong place for some mistakes (a comma
// after the last answer is found at the "}"), so the input is read once
// more to say what is wrong in its author's terms; the decoder's own
// error is the fallback.
func (sr *sheetReader) syntax(err error) {
	if sr.stream {
		if sr.streamErr == nil {
			sr.streamErr = err
		}
		return
	}
	if d, ok := scanSheetSyntax(sr.data); ok {
		sr.syntaxAt(d.off, d.msg)
		e := sr.errs[len(sr.errs)-1]
		e.Pointer, e.Question = d.ptr, d.qid
		return
	}
	off, msg := int(sr.dec.InputOffset()), err.Error()
	var je *jsontext.SyntacticError
	if errors.As(err, &je) && je.Err != nil {
		off, msg = int(je.ByteOffset), je.Err.Error()
	}
	sr.syntaxAt(off, strings.TrimPrefix(msg, "jsontext: "))
}

// syntaxAt records a syntax error at byte offset off, placed at a line
// and a column counted in characters, as an editor shows them.
func (sr *sheetReader) syntaxAt(off int, msg string) {
	off = min(max(off, 0), len(sr.data))
	start := bytes.LastIndexByte(sr.data[:off], '\n') + 1
	line := 1 + bytes.Count(sr.data[:off], []byte{'\n'})
	col := 1 + utf8.RuneCount(sr.data[start:off])
	sr.errs = append(sr.errs, &AnswerError{Code: CodeSyntax, Pos: Pos{Offset: off, Line: line, Column: col}, Message: msg})
}

// jsonValue is one JSON value as the reader needs it: its kind, and
// either a string's value or any other value's JSON text. A number keeps
// its literal so that one too large for float64 can be quoted; an object
// or array found where a scalar was wanted keeps its text for messages.
type jsonValue struct {
	kind jsontext.Kind // '"', '0', 't', 'f', 'n', '{' or '['
	str  string        // a string's value
	raw  []byte        // the JSON text of anything else; it aliases the input
}

// typeName names the value's JSON type for messages.
func (v jsonValue) typeName() string { return jsonKindName(v.kind) }

// value reads the next value, skipping over an object or array whole.
// It returns false after a syntax error.
func (sr *sheetReader) value() (jsonValue, bool) {
	v, err := sr.dec.ReadValue()
	if err != nil {
		sr.syntax(err)
		return jsonValue{}, false
	}
	if k := v.Kind(); k == '"' {
		return jsonValue{kind: k, str: sr.str(v, false)}, true
	}
	return jsonValue{kind: v.Kind(), raw: v}, true
}

// str returns the value of the JSON string v, which the decoder has
// checked, a key of an object or not: interned when it is short (see
// sheetReader.strs and prev).
func (sr *sheetReader) str(v jsontext.Value, key bool) string {
	b := v[1 : len(v)-1]
	if bytes.IndexByte(b, '\\') >= 0 {
		// An escape takes at most six bytes for one: a longer text
		// unquotes to more than maxStrLen, and is not kept in unq, which
		// the pool would keep as long as the reader.
		short := len(b) <= 6*maxStrLen
		var dst []byte
		if short {
			dst = sr.unq[:0]
		}
		u, err := jsontext.AppendUnquote(dst, v)
		if err != nil {
			return string(b) // not reached: the decoder read it as a string
		}
		if short {
			sr.unq = u
		}
		b = u
	}
	if len(b) > maxStrLen {
		return string(b)
	}
	if len(b) == 0 {
		return ""
	}
	str, ok := sr.guess(b, key)
	h := (len(b)*31 + int(b[0])*7 + int(b[len(b)-1])) & (len(sr.recent) - 1)
	if !ok && !key && sr.recent[h] == string(b) {
		str, ok = sr.recent[h], true
	}
	if !ok {
		if str, ok = sr.strs[string(b)]; !ok {
			str = string(b)
			if sr.strs == nil || len(sr.strs) >= maxStrs {
				sr.strs = make(map[string]string, 256)
			}
			sr.strs[str] = str
		}
		if !key {
			sr.recent[h] = str
		}
	}
	if len(sr.cur) < maxStrs {
		sr.cur = append(sr.cur, str)
	}
	return str
}

// maxSkip is how far past its place in the last sheet a key is looked
// for: as many questions as a skipped section of a checklist has.
const maxSkip = 16

// guess finds b among the strings of the last sheet (see sheetReader.prev).
func (sr *sheetReader) guess(b []byte, key bool) (string, bool) {
	p, j := sr.prev, sr.next
	if j < len(p) && p[j] == string(b) {
		sr.next = j + 1
		return p[j], true
	}
	if !key {
		return "", false
	}
	for k := j + 1; k < min(j+maxSkip, len(p)); k++ {
		if p[k] == string(b) {
			sr.next = k + 1
			return p[k], true
		}
	}
	return "", false
}

// member reads the key of the next member of the object being read, or
// its closing brace, when more is false. It returns ok false after a
// syntax error.
func (sr *sheetReader) member() (key string, more, ok bool) {
	if sr.dec.PeekKind() == '}' {
		if _, err := sr.dec.ReadToken(); err != nil {
			sr.syntax(err)
			return "", false, false
		}
		return "", false, true
	}
	v, err := sr.dec.ReadValue()
	if err != nil {
		sr.syntax(err)
		return "", false, false
	}
	return sr.str(v, true), true, true // the decoder yields only strings as keys
}

// duplicate reports a key given twice in the object at ptr and skips its
// value. A key given more times is one problem that counts them, not one
// for each repeat. It returns false after a syntax error.
func (sr *sheetReader) duplicate(ptr, key string) bool {
	p := ptr + JSONPointer(key)
	if d, ok := sr.dups[p]; ok {
		d.n++
		d.e.Message = fmt.Sprintf("key %q appears %d times in the object; keep one", key, d.n)
	} else {
		qid := ""
		if ptr == "/answers" {
			qid = key
		}
		sr.add(p, qid, CodeDuplicateKey, "key %q appears more than once in the object; keep one", key)
		if sr.dups == nil {
			sr.dups = map[string]*sheetDup{}
		}
		sr.dups[p] = &sheetDup{e: sr.errs[len(sr.errs)-1], n: 2}
	}
	_, ok := sr.value()
	return ok
}

// sheetDup is a key given more than once and how many times.
type sheetDup struct {
	e *AnswerError
	n int
}

// openObject reads the next value and reports whether it opens an
// object; any other value is consumed and reported.
func (sr *sheetReader) openObject(ptr, what string) (isObj, ok bool) {
	if sr.dec.PeekKind() == '{' {
		if _, err := sr.dec.ReadToken(); err != nil {
			sr.syntax(err)
			return false, false
		}
		return true, true
	}
	v, ok := sr.value()
	if !ok {
		return false, false
	}
	sr.add(ptr, "", CodeNotObject, "%s must be a JSON object, not %s", what, v.typeName())
	return false, true
}

func (sr *sheetReader) sheet() (*Sheet, bool) {
	isObj, ok := sr.openObject("", "an answer sheet")
	if !ok {
		return nil, false
	}
	s := sr.reuse
	if s == nil {
		s = &Sheet{}
	} else {
		// Its maps are kept aside for audit and answers to clear and
		// fill, and given back only when the sheet has those keys. A
		// map never shrinks, and clearing it or walking it costs its
		// size: one that took a huge sheet is left to the collector,
		// or every later sheet would pay for it.
		if len(s.Audit) <= maxAnswersHint {
			sr.audit0 = s.Audit
		}
		if len(s.Answers) <= maxAnswersHint {
			sr.answers0 = s.Answers
		}
		*s = Sheet{}
	}
	if !isObj {
		return s, true
	}
	var haveChecklist, haveAnswers, emptyChecklist bool
	seen := map[string]bool{}
	for {
		key, more, ok := sr.member()
		if !ok {
			return nil, false
		}
		if !more {
			break
		}
		if seen[key] {
			if !sr.duplicate("", key) {
				return nil, false
			}
			continue
		}
		seen[key] = true
		switch key {
		case "checklist", "version", "$schema":
			v, ok := sr.value()
			if !ok {
				return nil, false
			}
			if v.kind != '"' {
				sr.add(JSONPointer(key), "", CodeWrongType, "%q must be a string, not %s", key, v.typeName())
			}
			switch key {
			case "checklist":
				s.Checklist, haveChecklist = v.str, true
				emptyChecklist = v.kind == '"' && v.str == ""
			case "version":
				s.Version = v.str
			}
		case "audit":
			if !sr.audit(s) {
				return nil, false
			}
		case "answers":
			haveAnswers = true
			if !sr.answers(s) {
				return nil, false
			}
		default:
			if _, ok := sr.value(); !ok {
				return nil, false
			}
			fix := didYouMean(key, []string{"checklist", "version", "audit", "answers"})
			if fix == "" {
				fix = `: a sheet holds only "checklist", "version", "audit", "answers" and "$schema"`
			}
			sr.add(JSONPointer(key), "", CodeUnknownKey, "unknown key %q%s", key, fix)
		}
	}
	if !haveChecklist {
		sr.add("", "", CodeMissingKey, `the sheet does not say which checklist it answers: add "checklist": "<id>"`)
	} else if emptyChecklist {
		// Sheets built in Go may leave Checklist empty; a JSON sheet
		// that names an empty checklist is a mistake, not an omission.
		sr.add("/checklist", "", CodeMissingKey, `"checklist" is empty: write the ID of the checklist the sheet answers`)
	}
	if !haveAnswers && s.Answers == nil {
		sr.add("", "", CodeMissingKey, `the sheet has no "answers" object`)
	}
	return s, true
}

// audit reads the "audit" object into s.Audit. It returns false after a
// syntax error.
func (sr *sheetReader) audit(s *Sheet) bool {
	const ptr = "/audit"
	isObj, ok := sr.openObject(ptr, `"audit"`)
	if !ok || !isObj {
		return ok
	}
	s.Audit = sr.audit0
	if s.Audit == nil {
		s.Audit = map[string]string{}
	}
	clear(s.Audit)
	var rejected map[string]bool // fields of the wrong type, not in s.Audit
	for {
		k, more, ok := sr.member()
		if !ok || !more {
			return ok
		}
		if _, dup := s.Audit[k]; dup || rejected[k] {
			if !sr.duplicate(ptr, k) {
				return false
			}
			continue
		}
		v, ok := sr.value()
		if !ok {
			return false
		}
		switch v.kind {
		case '"':
			s.Audit[k] = v.str
		case '0', 't', 'f':
			s.Audit[k] = string(v.raw)
		default:
			if rejected == nil {
				rejected = map[string]bool{}
			}
			rejected[k] = true
			sr.add(ptr+JSONPointer(k), "", CodeWrongType, "audit field %q must be a string, number or boolean, not %s", k, v.typeName())
		}
	}
}

// answers reads the "answers" object into s.Answers, which keeps every
// key it has read, so that it is also the set to find duplicates in.
// It returns false after a syntax error.
func (sr *sheetReader) answers(s *Sheet) bool {
	const ptr = "/answers"
	isObj, ok := sr.openObject(ptr, `"answers"`)
	if !ok || !isObj {
		return ok
	}
	s.Answers = sr.answers0
	if s.Answers == nil {
		s.Answers = make(map[string]Answer, sr.lastAnswers)
	}
	clear(s.Answers)
	for {
		k, more, ok := sr.member()
		if !ok || !more {
			sr.lastAnswers = min(len(s.Answers), maxAnswersHint)
			return ok
		}
		if _, dup := s.Answers[k]; dup {
			if !sr.duplicate(ptr, k) {
				return false
			}
			continue
		}
		v, ok := sr.value()
		if !ok {
			return false
		}
		switch v.kind {
		case '"':
			s.Answers[k] = Str(v.str)
		case '0':
			x, err := strconv.ParseFloat(string(v.raw), 64)
			if err != nil {
				sr.add(ptr+JSONPointer(k), k, CodeOutOfRange, "number %s is too large", v.raw)
				s.Answers[k] = Answer{Type: AnswerInvalid, String: string(v.raw)}
			} else {
				s.Answers[k] = Num(x)
			}
		default:
			// true, false, null, an object or an array: kept as their
			// JSON text for validation to report.
			s.Answers[k] = Answer{Type: AnswerInvalid, String: string(v.raw)}
		}
	}
}

// didYouMean returns a "; did you mean ...?" hint for a misspelt key.
func didYouMean(name string, known []string) string {
	return suggest.DidYouMean(name, known)
}

// Bound is an answer sheet checked against a plan and laid out for
// scoring: one slot per question, by the plan's question index, holding
// the answer's value. [Plan.Bind] returns a new one; [Plan.BindInto]
// fills one the caller keeps, reusing its memory from sheet to sheet.
// The zero Bound is ready for BindInto (declare `var b korto.Bound`
// and pass &b) and holds no answers until then.
//
// Only a binding that succeeds leaves answers in a Bound, so the answers
// it holds always satisfy every rule of the answer-sheet format; in
// particular a question whose `when` is false has no answer in it. A
// binding that fails leaves it holding none, and [Plan.ScoreInto]
// refuses a Bound that holds none.
type Bound struct {
	p     *Plan
	state []uint8   // slot* bits
	val   []float64 // the value in [0,1] of a scored kind
	num   []float64 // the number answered (numeric kinds; 1 for "yes")
	opt   []int32   // the option chosen: choice option, 0 "no" / 1 "yes", emotion index
}

const (
	slotAnswered uint8 = 1 << iota // answered with a value (not absent, not "na")
	slotNA                         // answered "na" (or switched off and given "na")
	slotFail                       // value 0 or an option marked fail
	// slotUnknown marks a question whose answer is wrong, or whose own
	// condition could not be told, while a sheet is checked: conditions
	// that read it are unknown. A sheet with such a question does not
	// bind, so scoring never sees the bit.
	slotUnknown
)

// scratchBounds recycle the Bounds that checking alone (Plan.Check,
// Plan.ReadAnswers, a SheetReader with a plan) needs, so that it does
// not allocate four slices per sheet.
// Each is padded (cacheline.Make), as is what it holds (resize): the
// goroutines checking sheets at once write theirs for every sheet.
var scratchBounds = sync.Pool{New: func() any { return &cacheline.Make[Bound](1)[0] }}

// Plan returns the plan the sheet was bound to, or nil when b holds no
// answers.
func (b *Bound) Plan() *Plan {
	if b == nil {
		return nil
	}
	return b.p
}

// emotions are the labels of an `emotion` answer, in the order of the
// 4Service emotional index.
var emotions = [...]string{"positive", "neutral", "negative"}

// Emotions returns the labels of an `emotion` answer, in the order of
// the 4Service emotional index: positive, neutral, negative. It returns
// a new slice each time, so a caller cannot change what korto accepts.
func Emotions() []string { return slices.Clone(emotions[:]) }

// ReadAnswers reads an answer sheet from r and checks it against the
// plan's checklist. It returns the sheet together with an [AnswerErrors]
// listing every problem when there is any error; warnings (such as a
// version other than the checklist's) are in the sheet's Warnings.
//
// It is for validating sheets: it lists the problems of the form and of
// the answers together. To score a sheet, read it with the package's
// [ReadAnswers], which checks the form only, and let [Plan.Score] (or
// [Plan.BindInto]) check the answers: Plan.ReadAnswers followed by Score
// checks the answers twice, since Score checks every sheet it is given.
func (p *Plan) ReadAnswers(r io.Reader) (*Sheet, error) {
	if r == nil {
		return nil, errReadNilReader
	}
	data, err := readLimited(r, MaxSheetSize, "an answer sheet")
	if err != nil {
		return nil, err
	}
	s, es := parseSheet(data, nil)
	return p.finishSheet(s, es)
}

// finishSheet checks the sheet s, read with the problems es, against
// the plan, then moves the warnings into s and returns the errors.
func (p *Plan) finishSheet(s *Sheet, es AnswerErrors) (*Sheet, error) {
	// After a syntax error, or without an answers object, checking the
	// answers would only add noise (every question "missing").
	if s != nil && s.Answers != nil && !hasSyntaxError(es) {
		// The reader has already said what it saw of a number too large;
		// the check says the same. A set, not a scan of es per problem:
		// a sheet of 48k unknown keys took seconds.
		seen := make(map[AnswerError]struct{}, len(es))
		for _, e := range es {
			seen[*e] = struct{}{}
		}
		for _, e := range p.check(s, nil, indexed{}) {
			if _, dup := seen[*e]; !dup {
				seen[*e] = struct{}{}
				es = append(es, e)
			}
		}
	}
	return finishSheet(s, es)
}

func hasSyntaxError(es AnswerErrors) bool {
	return slices.ContainsFunc(es, func(e *AnswerError) bool { return e.Code == CodeSyntax })
}

// Check checks a sheet against the plan's checklist and returns every
// problem, errors and warnings alike, in checklist order (unknown answer
// keys last, sorted). Use its Err method to get an error only for errors.
func (p *Plan) Check(s *Sheet) AnswerErrors {
	return p.check(s, nil, indexed{})
}

// CheckIndexed is [Plan.Check] for answers held by question index
// instead of in s.Answers, which it ignores: answers[i] is the answer
// to question i of the plan (see [Plan.Question]) when given[i] is
// true. It finds what Check finds on the same sheet with those answers
// in its map, save unknown keys, which an index cannot hold. It is for
// readers that know each answer's question by its place (the columns
// of a spreadsheet): a question costs no map lookup and a sheet no map.
// Slices shorter than the plan's questions leave the rest unanswered.
//
// words, when not nil, may give an answer as a word instead, for a
// reader that has matched it to one already: words[i] = k answers
// question i with [Plan.Words](i)[k], or with "na" when k is the number
// of its words, and answers[i] is then not read. A negative words[i]
// leaves the answer to answers[i]. A word needs no search among the
// question's options, and cannot be wrong for it.
func (p *Plan) CheckIndexed(s *Sheet, answers []Answer, given []bool, words []int32) AnswerErrors {
	if given == nil {
		given = []bool{} // not nil: nil means the sheet's map
	}
	return p.check(s, nil, indexed{answers, given, words})
}

// indexed are the answers of [Plan.CheckIndexed]; given is nil when
// they are a sheet's map instead.
type indexed struct {
	answers []Answer
	given   []bool
	words   []int32
}

// word returns the answer to question i when it is given as one of the
// question's words (not "na"), else -1.
func (x *indexed) word(pq *planQ, i int) int32 {
	if i < len(x.words) && i < len(x.given) && x.given[i] {
		if k := x.words[i]; k >= 0 && int(k) < len(pq.words) {
			return k
		}
	}
	return -1
}

// answer returns the answer to question i and whether there is one; k
// is its word (see Plan.Words), or -1 when it is not one.
func (x *indexed) answer(pq *planQ, i int) (a Answer, k int32, ok bool) {
	if i >= len(x.given) || !x.given[i] {
		return Answer{}, -1, false
	}
	if i < len(x.words) {
		switch k := x.words[i]; {
		case k >= 0 && int(k) < len(pq.words):
			return Answer{Type: AnswerString, String: pq.words[k]}, k, true
		case int(k) == len(pq.words):
			return NA, -1, true
		}
	}
	if i < len(x.answers) {
		return x.answers[i], -1, true
	}
	return Answer{}, -1, false
}

// Bind checks a sheet against the plan and lays its answers out for
// [Plan.ScoreInto]. On any error it returns an [AnswerErrors] and no
// Bound. Warnings are left in s.Warnings, which is written only when
// they differ from what it holds: see [Sheet.Warnings] for scoring one
// Sheet from several goroutines.
func (p *Plan) Bind(s *Sheet) (*Bound, error) {
	b := &Bound{}
	if err := p.BindInto(b, s); err != nil {
		return nil, err
	}
	return b, nil
}

// errBindNilBound is a value, so that BindInto stays allocation-free.
var errBindNilBound = errors.New("korto: BindInto: nil *Bound to bind into: pass a Bound variable's address (its zero value is ready to use)")

// BindInto is [Plan.Bind] reusing b's memory, for binding many sheets.
// When the sheet has an error b is left holding no answers, and
// [Plan.ScoreInto] refuses it. A nil b is an error.
func (p *Plan) BindInto(b *Bound, s *Sheet) error {
	if b == nil {
		return errBindNilBound
	}
	es := p.check(s, b, indexed{})
	errs, warns := es.Split()
	if s != nil && !sameAnswerErrors(s.Warnings, warns) {
		s.Warnings = warns
	}
	if len(errs) > 0 {
		b.p = nil
		return errs
	}
	return nil
}

// check validates s and, when b is not nil, fills b. It needs somewhere
// to keep the answers seen so far (conditions read them), so it uses a
// scratch Bound, from a pool, when b is nil. The answers are s.Answers
// when x.given is nil, else x's by question index (see CheckIndexed).
func (p *Plan) check(s *Sheet, b *Bound, x indexed) AnswerErrors {
	if p == nil || p.c == nil {
		if b != nil {
			b.p = nil
		}
		return AnswerErrors{{Code: CodeWrongChecklist, Message: "the Plan is not compiled, so there is no checklist to check the sheet against: make plans with Compile"}}
	}
	scratch := b == nil // nothing reads b but the conditions
	if b == nil {
		b = scratchBounds.Get().(*Bound)
		defer func() {
			b.p = nil
			scratchBounds.Put(b)
		}()
	}
	b.reset(p)
	var es AnswerErrors
	add := func(sev Severity, ptr, qid, code, format string, a ...any) {
		es = append(es, &AnswerError{Question: qid, Pointer: ptr, Severity: sev, Code: code, Message: fmt.Sprintf(format, a...)})
	}
	if s == nil {
		add(SeverityError, "", "", CodeMissingKey, "no answer sheet")
		return es
	}
	c := p.c
	if s.Checklist != "" && s.Checklist != c.ID {
		add(SeverityError, "/checklist", "", CodeWrongChecklist,
			"the sheet answers checklist %q, not %q: score it with its own checklist, or correct its \"checklist\"", s.Checklist, c.ID)
	}
	if s.Version != "" && c.Version != "" && s.Version != c.Version {
		add(SeverityWarning, "/version", "", CodeVersionMismatch,
			"the sheet was filled for version %q of the checklist, this is version %q; scores may not compare", s.Version, c.Version)
	}
	byIndex := x.given != nil
	// Checking alone, an indexed answer that is a word of a plain
	// question is right and needs nothing recorded: most of an import's
	// answers, found here in the few bytes a question takes in plain
	// rather than in its planQ.
	var given []bool
	var words []int32
	if byIndex && scratch && len(p.plain) == len(p.qs) && len(x.given) >= len(p.plain) && len(x.words) >= len(p.plain) {
		given, words = x.given[:len(p.plain)], x.words[:len(p.plain)]
	}
	plain := p.plain
	for i := 0; i < len(p.qs); i++ {
		if given != nil {
			if i = plainRun(plain, given, words, i); i == len(p.qs) {
				break
			}
		}
		pq := &p.qs[i]
		if byIndex && pq.when0 == pq.when1 {
			// Most questions have no condition, and most answers of an
			// import are words: a word of a question that is always
			// asked is right, and needs recording only for a condition
			// that reads it.
			if k := x.word(pq, i); k >= 0 {
				if pq.read || !scratch {
					b.setWord(pq, i, k)
				}
				continue
			}
		}
		q := pq.q
		cond := condTrue // most questions have no condition: no call
		if pq.when0 != pq.when1 {
			cond = p.eval(pq.when0, pq.when1, b)
		}
		var (
			a     Answer
			word  int32 = -1
			given bool
		)
		if !byIndex {
			a, given = s.Answers[q.ID]
		} else {
			a, word, given = x.answer(pq, i)
		}
		if cond == condUnknown {
			// The condition reads a question whose answer is wrong, so
			// whether this one is switched on cannot be told: neither
			// "missing" nor "switched off" can be said of it, only what
			// is wrong with the answer whichever it is. It stays unknown
			// for the conditions that read it in turn.
			if word >= 0 {
				b.setWord(pq, i, word)
			} else if given && !a.IsNA() {
				if msg, code := p.setAnswer(b, i, a); msg != "" {
					add(SeverityError, JSONPointer("answers", q.ID), q.ID, code, "%s", msg)
				}
			}
			b.state[i] = slotUnknown
			continue
		}
		on := cond == condTrue
		switch {
		case !given:
			if on && !q.Optional {
				na := ""
				if q.NA {
					na = ` (or "na" if it does not apply)`
				}
				add(SeverityError, JSONPointer("answers", q.ID), q.ID, CodeMissingAnswer,
					"no answer: answer it%s, or mark the question optional in the checklist", na)
			}
			continue
		case a.IsNA() && (q.NA || !on):
			b.state[i] = slotNA
			continue
		case !on:
			add(SeverityError, JSONPointer("answers", q.ID), q.ID, CodeWhenFalse,
				"answered %s, but it is switched off (when %s): leave it out or answer \"na\"", a.describe(), q.When.String())
			b.state[i] = slotUnknown
			continue
		case word >= 0: // a word of its question is never wrong
			if pq.read || !scratch { // recorded for the conditions that read it, or for scoring
				b.setWord(pq, i, word)
			}
			continue
		}
		if msg, code := p.setAnswer(b, i, a); msg != "" {
			add(SeverityError, JSONPointer("answers", q.ID), q.ID, code, "%s", msg)
			// Conditions on a wrong answer cannot be evaluated; the
			// questions they switch are not reported on their account.
			b.state[i] = slotUnknown
		}
	}
	if byIndex {
		return es // an index holds no unknown keys
	}
	var unknown []string
	for k := range s.Answers {
		if _, ok := p.index[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		// The sheet's key is the question ID it meant, so the error
		// names it as the spec asks every answer error to.
		fix := didYouMean(k, p.ids)
		if fix == "" {
			fix = "; remove the answer, or correct its key"
		}
		add(SeverityError, JSONPointer("answers", k), k, CodeUnknownQuestion,
			"checklist %q has no such question%s", c.ID, fix)
	}
	return es
}

// plainRun returns the first question from i on that is not a plain
// one answered by one of its words (see Plan.plain), or len(plain):
// most questions of an import's row, passed in a loop of their own.
func plainRun(plain []int32, given []bool, words []int32, i int) int {
	given, words = given[:len(plain)], words[:len(plain)]
	for ; i < len(plain); i++ {
		// A plain[i] of 0 (not plain) stops the run, as does a word
		// out of range (negative words are out of range as uint32).
		if !given[i] || uint32(words[i]) >= uint32(plain[i]) {
			break
		}
	}
	return i
}

// setAnswer checks answer a against question i and stores it in b. It
// returns a message and code when the answer is wrong.
func (p *Plan) setAnswer(b *Bound, i int, a Answer) (msg, code string) {
	pq := &p.qs[i]
	q := pq.q
	if a.Type == AnswerInvalid && a.String != "" && (a.String[0] == '-' || a.String[0] >= '0' && a.String[0] <= '9') {
		// A JSON number float64 cannot hold (1e999): it is a number, so
		// "takes a number, not 1e999" would be wrong. The words are the
		// reader's, so that ReadAnswers reports it once.
		return fmt.Sprintf("number %s is too large", a.String), CodeOutOfRange
	}
	na := func() (string, string) {
		return fmt.Sprintf("%q is not allowed: the question has no `na`; answer it, or add na to the question in the checklist", "na"), CodeNANotAllowed
	}
	// orNA completes "takes ..." when "na" is an answer the question
	// allows too, so a wrong answer's message lists every right one.
	// It is a func so that a right answer does not pay for it.
	orNA := func() string {
		if q.NA {
			return ` or "na"`
		}
		return ""
	}
	switch pq.kind {
	case KindYesNo:
		if a.Type == AnswerString {
			if k := slices.Index(pq.words, a.String); k >= 0 {
				b.setWord(pq, i, int32(k))
				return "", ""
			}
		}
		if a.IsNA() {
			return na()
		}
		fix := answerFix(pq.kind, q.NA, a)
		if q.NA {
			return fmt.Sprintf(`takes "yes", "no" or "na", not %s%s`, a.describe(), fix), CodeWrongType
		}
		return fmt.Sprintf(`takes "yes" or "no", not %s%s`, a.describe(), fix), CodeWrongType
	case KindChoice:
		if a.Type == AnswerString {
			if k := slices.Index(pq.words, a.String); k >= 0 {
				b.setWord(pq, i, int32(k))
				return "", ""
			}
			if a.IsNA() {
				return na()
			}
			ids := make([]string, len(pq.opts))
			for k, o := range pq.opts {
				ids[k] = o.ID
			}
			fix := didYouMean(a.String, ids)
			if fix == "" {
				fix = answerFix(pq.kind, q.NA, a)
			}
			return fmt.Sprintf("unknown option %q of choice %q (options: %s)%s",
				a.String, q.Kind.Ref, strings.Join(ids, ", "), fix), CodeUnknownOption
		}
		fix := ""
		if a.Type == AnswerNumber && slices.ContainsFunc(pq.opts, func(o *Option) bool { return o.ID == fmtNum(a.Number) }) {
			fix = fmt.Sprintf(": write %q in quotes", fmtNum(a.Number))
		}
		return fmt.Sprintf("takes an option of choice %q as a string%s, not %s%s", q.Kind.Ref, orNA(), a.describe(), fix), CodeWrongType
	case KindEmotion:
		if a.Type == AnswerString {
			if k := slices.Index(pq.words, a.String); k >= 0 {
				b.setWord(pq, i, int32(k))
				return "", ""
			}
			if a.IsNA() {
				return na()
			}
			fix := didYouMean(a.String, emotions[:])
			if fix == "" {
				fix = answerFix(pq.kind, q.NA, a)
			}
			return fmt.Sprintf(`unknown emotion %q (want "positive", "neutral" or "negative")%s`,
				a.String, fix), CodeUnknownEmotion
		}
		return fmt.Sprintf(`takes "positive", "neutral" or "negative", not %s`, a.describe()), CodeWrongType
	case KindText:
		if a.Type == AnswerString {
			b.set(i, 0, 0, -1)
			b.state[i] &^= slotFail
			return "", ""
		}
		return fmt.Sprintf("takes a string, not %s%s", a.describe(), answerFix(pq.kind, q.NA, a)), CodeWrongType
	case KindMeasure:
		if a.Type != AnswerNumber {
			if a.IsNA() {
				return na()
			}
			return fmt.Sprintf("takes a number%s%s, not %s%s", unitSuffix(q.Kind.Unit), orNA(), a.describe(), answerFix(pq.kind, q.NA, a)), CodeWrongType
		}
		if math.IsNaN(a.Number) || math.IsInf(a.Number, 0) {
			return fmt.Sprintf("takes a finite number, not %v", a.Number), CodeNotFinite
		}
		v := 0.0
		if q.Kind.Op.Holds(a.Number, q.Kind.Target) {
			v = 1
		}
		b.set(i, v, a.Number, -1)
		return "", ""
	case KindScale, KindNPS, KindCES, KindCSAT, KindCSI:
		if a.Type != AnswerNumber {
			if a.IsNA() {
				return na()
			}
			return fmt.Sprintf("takes a whole number %s..%s%s, not %s%s", FormatNumber(pq.lo), FormatNumber(pq.hi), orNA(), a.describe(), answerFix(pq.kind, q.NA, a)), CodeWrongType
		}
		x := a.Number
		if x != math.Trunc(x) {
			return fmt.Sprintf("takes a whole number %s..%s, not %s", FormatNumber(pq.lo), FormatNumber(pq.hi), a.describe()), CodeNotWhole
		}
		if !(x >= pq.lo && x <= pq.hi) {
			return fmt.Sprintf("%s is out of range %s..%s", a.describe(), FormatNumber(pq.lo), FormatNumber(pq.hi)), CodeOutOfRange
		}
		b.set(i, (x-pq.lo)/(pq.hi-pq.lo), x, -1)
		return "", ""
	}
	return fmt.Sprintf("question kind %q cannot be answered", pq.kind), CodeWrongType
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " (" + unit + ")"
}

// fmtNum spells a number of an answer sheet as the sheets korto writes
// (MarshalJSON) spell it (package sheetnum). The numbers of a checklist
// are spelled by FormatNumber instead, in the plain decimals the
// language reads.
func fmtNum(x float64) string { return string(sheetnum.Append(nil, x)) }

func (b *Bound) reset(p *Plan) {
	n := len(p.qs)
	b.p = p
	b.state = resize(b.state, n)
	b.val = resize(b.val, n)
	b.num = resize(b.num, n)
	b.opt = resize(b.opt, n)
	clear(b.state)
}

// set stores an answer with value v, raw number x and option k.
func (b *Bound) set(i int, v, x float64, k int32) {
	st := slotAnswered
	if v == 0 {
		st |= slotFail
	}
	b.state[i], b.val[i], b.num[i], b.opt[i] = st, v, x, k
}

// setWord stores the answer to question i that is word k of its words
// (a yes/no, choice or emotion question's option k).
func (b *Bound) setWord(pq *planQ, i int, k int32) {
	switch pq.kind {
	case KindYesNo:
		b.set(i, float64(k), float64(k), k)
	case KindChoice:
		o := pq.opts[k]
		b.set(i, o.Value, o.Value, k)
		if o.Fail {
			b.state[i] |= slotFail
		}
	default: // an emotion: scored by the index, never a failure
		b.set(i, 0, 0, k)
		b.state[i] &^= slotFail
	}
}

// resize returns s with length n, reusing its memory when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	// A Bound is written for every sheet, often by several goroutines
	// at once, each with its own: padded, so that they share no line.
	return cacheline.Make[T](n)
}

// condState is the outcome of a `when` condition while a sheet is
// checked: false, true, or unknown when it depends on a wrong answer.
type condState uint8

const (
	condFalse condState = iota
	condTrue
	condUnknown
)

// atom is the state of one atom of a condition: unknown on a wrong
// answer, false on none.
func (p *Plan) atom(in *instr, b *Bound) condState {
	switch s := b.state[in.q]; {
	case s&slotUnknown != 0:
		return condUnknown
	case s&slotAnswered == 0:
		return condFalse
	}
	var holds bool
	switch in.op {
	case opYes:
		holds = b.num[in.q] == 1
	case opCmpNum:
		holds = in.cmp.Holds(b.num[in.q], in.num)
	default:
		holds = slices.Contains(in.set, b.opt[in.q]) != in.negI
	}
	if holds {
		return condTrue
	}
	return condFalse
}

// eval runs the condition prog[from:to] over the answers in b; an empty
// program holds. An atom on a question that has no answer (absent or
// "na") is false, whatever its operator, so `when not x` holds then. An
// atom on a question marked slotUnknown is unknown, and the operators
// follow Kleene's three-valued logic, so that `x or y` still holds when
// y does, however wrong x is.
func (p *Plan) eval(from, to int32, b *Bound) condState {
	if from == to {
		return condTrue
	}
	if to == from+1 { // one atom, as most conditions are: no stack
		return p.atom(&p.prog[from], b)
	}
	var buf [16]condState
	st := buf[:0]
	for k := from; k < to; k++ {
		in := &p.prog[k]
		switch in.op {
		case opYes, opCmpNum, opIn:
			st = append(st, p.atom(in, b))
		case opNot:
			if x := &st[len(st)-1]; *x != condUnknown {
				*x ^= 1
			}
		case opAnd, opOr:
			// and: false wins over unknown, unknown over true; or: true
			// wins over unknown, unknown over false.
			win, lose := condFalse, condTrue
			if in.op == opOr {
				win, lose = condTrue, condFalse
			}
			args := st[len(st)-int(in.n):]
			v := lose
			for _, x := range args {
				if x == win {
					v = win
					break
				}
				if x == condUnknown {
					v = condUnknown
				}
			}
			st = append(st[:len(st)-int(in.n)], v)
		}
	}
	return st[len(st)-1]
}
