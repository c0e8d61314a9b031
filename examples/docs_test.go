package examples_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// The language reference, docs/language.md, is checked against the
// parser so that it cannot drift from the tool:
//
//   - a ```korto block must parse without a diagnostic. A block that is
//     not a whole checklist is completed by its first word: a question is
//     put in a level, a survey after one.
//   - a ```korto-error FILE block shows a mistake; the ```text block right
//     after it must be exactly what dsl.Render prints for it, parsed as
//     FILE.
//   - in the table of common mistakes, each message (a code span in the
//     second column) must be one the parser gives for the row's example:
//     the code spans of the first column, one a line, placed in a
//     checklist by mistakeSource. A span after "hint: " is a hint.
const docPath = "../docs/language.md"

// docBlock is a fenced block of the reference.
type docBlock struct {
	info string // the fence's info string: "korto", "korto-error when.korto"
	body []byte
	line int // of the opening fence, for messages
}

var fenceRE = regexp.MustCompile("(?ms)^```([^\n]*)\n(.*?)^```[ \t]*$")

func docBlocks(t *testing.T) ([]byte, []docBlock) {
	t.Helper()
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []docBlock
	for _, m := range fenceRE.FindAllSubmatchIndex(doc, -1) {
		blocks = append(blocks, docBlock{
			info: strings.TrimSpace(string(doc[m[2]:m[3]])),
			body: doc[m[4]:m[5]],
			line: 1 + bytes.Count(doc[:m[0]], []byte{'\n'}),
		})
	}
	if len(blocks) == 0 {
		t.Fatalf("%s has no fenced blocks", docPath)
	}
	return doc, blocks
}

// A whole checklist shown as correct is also shown in the canonical
// layout, so that a reader who copies it and runs cxkit fmt -d sees no
// change. Blocks that show continuation lines are the exception: the
// canonical layout puts a question on one line (language.md), and the
// reference shows how to break a long one.
func TestDocsExamplesCanonical(t *testing.T) {
	_, blocks := docBlocks(t)
	n := 0
	for _, b := range blocks {
		if b.info != "korto" || !bytes.HasPrefix(bytes.TrimLeft(stripComments(b.body), " \n"), []byte("checklist ")) || hasContinuation(b.body) {
			continue
		}
		n++
		got, err := dsl.Format(b.body)
		if err != nil {
			t.Errorf("%s:%d: %v", docPath, b.line, err)
			continue
		}
		if !bytes.Equal(got, b.body) {
			t.Errorf("%s:%d: the block is not in the canonical layout; cxkit fmt gives:\n%s", docPath, b.line, got)
		}
	}
	if n == 0 {
		t.Errorf("%s shows no whole checklist to check", docPath)
	}
}

// stripComments drops the comment lines at the start of a block.
func stripComments(body []byte) []byte {
	for {
		l, rest, _ := bytes.Cut(body, []byte("\n"))
		t := bytes.TrimSpace(l)
		if !bytes.HasPrefix(t, []byte("//")) && !bytes.HasPrefix(t, []byte("#")) {
			return body
		}
		body = rest
	}
}

// hasContinuation reports whether a line of body continues a question.
func hasContinuation(body []byte) bool {
	for _, l := range strings.Split(string(body), "\n") {
		switch first, _, _ := strings.Cut(strings.TrimSpace(l), " "); first {
		case "weight", "critical", "na", "optional", "unscored", "when", "hint", "tags":
			return true
		}
	}
	return false
}

// completeBlock makes a checklist of a block that shows part of one.
func completeBlock(body []byte) ([]byte, error) {
	first := ""
	for _, l := range strings.Split(string(body), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "//") || strings.HasPrefix(l, "#") {
			continue
		}
		first, _, _ = strings.Cut(l, " ")
		break
	}
	switch first {
	case "checklist":
		return body, nil
	case "question", "section":
		return fmt.Appendf(nil, "checklist doc \"Doc\" {\n  level 1 \"L\" {\n%s  }\n}\n", body), nil
	case "survey":
		return fmt.Appendf(nil, "checklist doc \"Doc\" {\n  level 1 \"L\" {\n    question x \"X\"\n  }\n%s}\n", body), nil
	case "bands":
		return fmt.Appendf(nil, "checklist doc \"Doc\" {\n%s  level 1 \"L\" {\n    question x \"X\"\n  }\n}\n", body), nil
	}
	return nil, fmt.Errorf("the block starts with %q; the test completes only checklist, question, section, survey and bands blocks", first)
}

func TestDocsExamplesParse(t *testing.T) {
	_, blocks := docBlocks(t)
	n := 0
	for _, b := range blocks {
		if b.info != "korto" {
			continue
		}
		n++
		src, err := completeBlock(b.body)
		if err != nil {
			t.Errorf("%s:%d: %v", docPath, b.line, err)
			continue
		}
		_, diags := dsl.ParseWithDiagnostics("block.korto", src)
		if len(diags) > 0 {
			var out bytes.Buffer
			if err := diag.Render(&out, diags, src); err != nil {
				t.Fatal(err)
			}
			t.Errorf("%s:%d: the block is shown as correct, but:\n%s", docPath, b.line, out.Bytes())
		}
	}
	if n == 0 {
		t.Errorf("%s shows no korto block", docPath)
	}
}

func TestDocsMistakesRender(t *testing.T) {
	_, blocks := docBlocks(t)
	n := 0
	for i, b := range blocks {
		kind, file, _ := strings.Cut(b.info, " ")
		if kind != "korto-error" {
			continue
		}
		n++
		if file == "" {
			t.Errorf("%s:%d: write the file name after korto-error, as the message shows it", docPath, b.line)
			continue
		}
		if i+1 >= len(blocks) || blocks[i+1].info != "text" {
			t.Errorf("%s:%d: a korto-error block must be followed by a text block with the message", docPath, b.line)
			continue
		}
		_, diags := dsl.ParseWithDiagnostics(file, b.body)
		if len(diags) == 0 {
			t.Errorf("%s:%d: the block is shown as a mistake, but it parses without a diagnostic", docPath, b.line)
			continue
		}
		var out bytes.Buffer
		if err := diag.Render(&out, diags, b.body); err != nil {
			t.Fatal(err)
		}
		if got, want := out.String(), string(blocks[i+1].body); got != want {
			t.Errorf("%s:%d: the message shown differs from what dsl.Render prints\n--- printed:\n%s--- shown:\n%s", docPath, blocks[i+1].line, got, want)
		}
	}
	if n == 0 {
		t.Errorf("%s shows no korto-error block", docPath)
	}
}

// codeSpanRE finds `code spans`.
var codeSpanRE = regexp.MustCompile("`([^`]*)`")

// checklistWords start a line that belongs directly in a checklist.
var checklistWords = map[string]bool{
	"version": true, "model": true, "description": true, "lang": true,
	"knockout": true, "scale": true, "choice": true,
}

// mistakeSource builds a checklist around the lines of a mistake: lines
// that start with a setting or a scale or choice declaration go in the
// checklist (a choice's options with it, up to a line "}"), a line
// starting with level replaces the level's header (its { is added), and
// the other lines go in the level, or in a choice that a question of the
// level uses when inChoice.
func mistakeSource(lines []string, inChoice bool) []byte {
	var top, body []string
	header := `level 1 "L"`
	open := false // in a choice declared by the lines, until its }
	for _, l := range lines {
		word, _, _ := strings.Cut(l, " ")
		switch {
		case open:
			top = append(top, "    "+l)
			open = l != "}"
			if l == "}" {
				top[len(top)-1] = "  }"
			}
		case checklistWords[word]:
			top = append(top, "  "+l)
			open = strings.HasSuffix(l, "{")
		case word == "level":
			header = l
		default:
			body = append(body, l)
		}
	}
	var b strings.Builder
	b.WriteString("checklist doc \"Doc\" {\n")
	for _, l := range top {
		b.WriteString(l + "\n")
	}
	if inChoice {
		b.WriteString("  choice opts {\n")
		for _, l := range body {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("  }\n")
		body = []string{`question q "Q" opts`}
	}
	b.WriteString("  " + header + " {\n")
	for _, l := range body {
		b.WriteString("    " + l + "\n")
	}
	b.WriteString("  }\n}\n")
	return []byte(b.String())
}

func TestDocsCommonMistakes(t *testing.T) {
	doc, _ := docBlocks(t)
	_, table, ok := bytes.Cut(doc, []byte("### Common mistakes\n"))
	if !ok {
		t.Fatalf("%s has no section \"### Common mistakes\"", docPath)
	}
	line := 1 + bytes.Count(doc[:len(doc)-len(table)], []byte{'\n'})
	rows := 0
	inTable := false
	for l := range strings.SplitSeq(string(table), "\n") {
		line++
		if !strings.HasPrefix(l, "|") {
			if inTable {
				break // the table ended
			}
			continue
		}
		inTable = true
		cells := strings.Split(strings.Trim(l, "| "), " | ")
		if len(cells) != 3 || strings.HasPrefix(cells[0], "---") || cells[0] == "you wrote" {
			continue
		}
		rows++
		var lines []string
		for _, m := range codeSpanRE.FindAllStringSubmatch(cells[0], -1) {
			lines = append(lines, m[1])
		}
		src := mistakeSource(lines, strings.Contains(cells[0], "in a choice"))
		_, diags := dsl.ParseWithDiagnostics("doc.korto", src)
		messages, hints := map[string]bool{}, map[string]bool{}
		for _, d := range diags {
			messages[d.Message] = true
			hints[d.Hint] = true
		}
		spans := codeSpanRE.FindAllStringSubmatchIndex(cells[1], -1)
		if len(spans) == 0 {
			t.Errorf("%s:%d: the row shows no message", docPath, line-1)
		}
		for _, m := range spans {
			text := cells[1][m[2]:m[3]]
			if strings.HasSuffix(cells[1][:m[0]], "hint: ") {
				if !hints[text] {
					t.Errorf("%s:%d: hint %q is not what cxkit says for\n%s%s", docPath, line-1, text, src, listDiags(diags))
				}
			} else if !messages[text] {
				t.Errorf("%s:%d: message %q is not what cxkit says for\n%s%s", docPath, line-1, text, src, listDiags(diags))
			}
		}
	}
	if rows == 0 {
		t.Errorf("%s: the table of common mistakes has no rows", docPath)
	}
}

func listDiags(diags korto.Diagnostics) string {
	var b strings.Builder
	b.WriteString("cxkit says:\n")
	for _, d := range diags {
		fmt.Fprintf(&b, "  %s (hint: %s)\n", d.Message, d.Hint)
	}
	return b.String()
}
