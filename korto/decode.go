package korto

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/internal/strictjson"
)

// DecodeChecklist decodes a checklist from its JSON form, the one
// encoding/json gives for a [Checklist] and `cxkit export` prints. It is
// strict where json.Unmarshal is lenient: a field the model does not
// have, a field given twice, a name in the wrong case and anything after
// the checklist are errors, because a misspelt "weigth" silently dropped
// would change every score.
//
// A problem comes back as [Diagnostics] holding one [Diagnostic] placed
// at its line and column in data, naming the JSON Pointer of the value,
// with the code "syntax", "unknown-key", "duplicate-key" or "wrong-type".
// A file that is not JSON is reported as such before any field in it.
// A leading UTF-8 byte order mark is skipped. DecodeChecklist does not
// validate; call [Checklist.Validate] for that. Every node of the
// checklist it returns carries the line and column of its object in
// data (a weight or pass mark those of its number), so Validate's
// diagnostics point into the file; set their File to name it.
//
// Data larger than [MaxChecklistJSONSize] is refused with one diagnostic,
// before any of it is decoded.
func DecodeChecklist(data []byte) (*Checklist, error) {
	if len(data) > MaxChecklistJSONSize {
		return nil, Diagnostics{{Severity: SeverityError, Code: CodeSyntax, Pos: Pos{Line: 1, Column: 1},
			Message: fmt.Sprintf("the checklist is larger than %d MiB, the most a JSON checklist may be", MaxChecklistJSONSize>>20)}}
	}
	c := new(Checklist)
	err := strictjson.Decode(data, c, "the checklist")
	if err == nil {
		placeNodes(data, c)
		return c, nil
	}
	if e, ok := errors.AsType[*strictjson.Error](err); ok {
		return nil, Diagnostics{e.Diagnostic()}
	}
	return nil, Diagnostics{{Severity: SeverityError, Code: CodeSyntax, Message: err.Error(), Err: err}}
}

// placeNodes sets the Pos of every node of c (the checklist, scales,
// choices and their options, levels, sections, questions) to the line
// and column of its object in data, and the WeightPos and PassPos of
// levels, sections and questions to those of the numbers, so that Validate's diagnostics of a
// JSON checklist point into the file as those of a .korto file do. The
// file name is the caller's to set.
//
// The line index makes placing linear in the size of data: counting
// lines from the start for each node took minutes for 100k questions.
func placeNodes(data []byte, c *Checklist) {
	lines := strictjson.NewLines(data)
	strictjson.Values(data, func(ptr jsontext.Pointer, off int) {
		if pos := nodePos(c, ptr); pos != nil {
			line, col := lines.Position(off)
			*pos = Pos{Line: line, Column: col, Offset: off}
		}
	})
}

// nodePos returns the Pos field of the node at ptr in c, or nil when
// ptr names no node (a text, a kind, a condition).
func nodePos(c *Checklist, ptr jsontext.Pointer) *Pos {
	var tokens []string
	for t := range ptr.Tokens() {
		tokens = append(tokens, t)
	}
	index := func(s string, n int) (int, bool) {
		i, err := strconv.Atoi(s)
		return i, err == nil && i >= 0 && i < n
	}
	if len(tokens) == 0 {
		return &c.Pos
	}
	switch tokens[0] {
	case "scales":
		if len(tokens) == 2 {
			if i, ok := index(tokens[1], len(c.Scales)); ok && c.Scales[i] != nil {
				return &c.Scales[i].Pos
			}
		}
	case "choices":
		if len(tokens) < 2 {
			return nil
		}
		i, ok := index(tokens[1], len(c.Choices))
		if !ok || c.Choices[i] == nil {
			return nil
		}
		ch := c.Choices[i]
		switch {
		case len(tokens) == 2:
			return &ch.Pos
		case len(tokens) == 4 && tokens[2] == "options":
			if j, ok := index(tokens[3], len(ch.Options)); ok && ch.Options[j] != nil {
				return &ch.Options[j].Pos
			}
		}
	case "levels":
		if len(tokens) < 2 {
			return nil
		}
		i, ok := index(tokens[1], len(c.Levels))
		if !ok || c.Levels[i] == nil {
			return nil
		}
		l := c.Levels[i]
		switch {
		case len(tokens) == 2:
			return &l.Pos
		case len(tokens) == 3 && tokens[2] == "pass":
			return &l.PassPos
		case len(tokens) == 3 && tokens[2] == "weight":
			return &l.WeightPos
		}
		return itemPos(l.Items, tokens[2:])
	case "survey":
		if c.Survey == nil {
			return nil
		}
		if len(tokens) == 1 {
			return &c.Survey.Pos
		}
		if len(tokens) == 3 && tokens[1] == "questions" {
			if i, ok := index(tokens[2], len(c.Survey.Questions)); ok && c.Survey.Questions[i] != nil {
				return &c.Survey.Questions[i].Pos
			}
		}
	}
	return nil
}

// itemPos follows "items", i, "question" or "section" down a tree of
// items.
func itemPos(items []Item, tokens []string) *Pos {
	for len(tokens) >= 3 && tokens[0] == "items" {
		i, err := strconv.Atoi(tokens[1])
		if err != nil || i < 0 || i >= len(items) {
			return nil
		}
		it := items[i]
		switch {
		case tokens[2] == "question" && it.Question != nil:
			switch {
			case len(tokens) == 3:
				return &it.Question.Pos
			case len(tokens) == 4 && tokens[3] == "weight":
				return &it.Question.WeightPos
			}
			return nil
		case tokens[2] == "section" && it.Section != nil:
			switch {
			case len(tokens) == 3:
				return &it.Section.Pos
			case len(tokens) == 4 && tokens[3] == "weight":
				return &it.Section.WeightPos
			}
			items, tokens = it.Section.Items, tokens[3:]
		default:
			return nil
		}
	}
	return nil
}

// jsonKindName names a JSON value's type in the answer-sheet messages,
// in the same words as the decoding errors.
func jsonKindName(k jsontext.Kind) string { return strictjson.TypeName(k) }
