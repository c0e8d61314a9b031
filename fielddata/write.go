package fielddata

import (
	"slices"
	"strconv"

	"github.com/cxkit/cxkit/korto"
	"github.com/go-json-experiment/json/jsontext"
)

// AppendSheet appends the sheet to dst as one line of JSON Lines, the
// form `cxkit report` reads: "checklist", "version", "audit" (fields in
// byte order) and "answers" in the order of the plan's questions, then
// a line break. The same sheet always gives the same bytes.
func AppendSheet(dst []byte, s *korto.Sheet, p *korto.Plan) []byte {
	dst = append(dst, `{"checklist":`...)
	dst = appendString(dst, s.Checklist)
	if s.Version != "" {
		dst = append(dst, `,"version":`...)
		dst = appendString(dst, s.Version)
	}
	if len(s.Audit) > 0 {
		dst = append(dst, `,"audit":{`...)
		keys := make([]string, 0, len(s.Audit))
		for k := range s.Audit {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, k)
			dst = append(dst, ':')
			dst = appendString(dst, s.Audit[k])
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"answers":{`...)
	n := 0
	for i := range p.NumQuestions() {
		id := p.Question(i).ID
		a, ok := s.Answers[id]
		if !ok {
			continue
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		dst = appendString(dst, id)
		dst = append(dst, ':')
		if a.Type == korto.AnswerNumber {
			dst = strconv.AppendFloat(dst, a.Number, 'g', -1, 64)
		} else {
			dst = appendString(dst, a.String)
		}
	}
	return append(dst, "}}\n"...)
}

// appendString appends s as a JSON string. Invalid UTF-8, which no
// reader passes on, would come out as U+FFFD.
func appendString(dst []byte, s string) []byte {
	out, err := jsontext.AppendQuote(dst, s)
	if err != nil {
		return out // quoted with U+FFFD in place of the bad bytes
	}
	return out
}
