package surveycsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textenc"
)

// referenceRead is the reader this package replaced, on encoding/csv:
// the lexer must give what it gives, record for record and error for
// error. Column numbers of parse errors come from the raw input here,
// which it holds whole (the old reader kept a window of it).
func referenceRead(input []byte, name string, cfg Config) (*Data, error) {
	defaultColumn := false
	if cfg.Column == "" {
		cfg.Column, defaultColumn = string(cfg.Metric), true
	}
	br := bufio.NewReader(bytes.NewReader(input))
	bom := 0
	if b, _ := br.Peek(3); string(b) == "\ufeff" {
		br.Discard(3)
		bom = 3
	}
	head, _ := br.Peek(4096)
	if enc := textenc.Detect(head); enc == textenc.UTF16LE || enc == textenc.UTF16BE {
		return nil, notUTF8(name, true)
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	cr := csv.NewReader(br)
	if bytes.IndexByte(head, ';') >= 0 && bytes.IndexByte(head, ',') < 0 {
		cr.Comma = ';'
	}
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &diag.Diagnostic{Pos: diag.Pos{File: name}, Code: diag.CodeSyntax, Message: "empty file: want a header row"}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	header = slices.Clone(header)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	for _, h := range header {
		if !utf8.ValidString(h) {
			return nil, notUTF8(name, false)
		}
	}
	lay, err := findColumns(name, header, cfg, defaultColumn)
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(input[bom:], []byte("\n"))
	charCol := func(line, col int) int {
		if line > len(lines) {
			return col
		}
		b := lines[line-1]
		if col-1 > len(b) {
			return col
		}
		return utf8.RuneCount(b[:col-1]) + 1
	}
	p := newPart(lay, cfg)
	var full []string
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &diag.Diagnostic{Pos: diag.Pos{File: name, Line: pe.Line, Column: charCol(pe.Line, pe.Column)}, Row: row, Code: diag.CodeSyntax, Message: pe.Err.Error(), Err: pe.Err}
			}
			return nil, err
		}
		for _, c := range rec {
			if !utf8.ValidString(c) {
				return nil, notUTF8(name, false)
			}
		}
		p.rows++
		if len(rec) > len(header) {
			line, _ := cr.FieldPos(0)
			p.cellError(longRow(line, row, len(rec), len(header)))
			continue
		}
		cells := len(rec)
		if cells < len(header) {
			full = append(append(full[:0], rec...), make([]string, len(header)-cells)...)
			rec = full
		}
		where := func(col int, err error) *diag.Diagnostic {
			if col >= cells {
				line, _ := cr.FieldPos(cells - 1)
				return cellError(line, 0, row, header[col], err)
			}
			line, c := cr.FieldPos(col)
			return cellError(line, charCol(line, c), row, header[col], err)
		}
		cell := strings.TrimSpace(rec[lay.ansCol])
		if cell == "" {
			p.blank++
			continue
		}
		w := -1.0
		if lay.wCol >= 0 {
			if w, err = ParseWeight(rec[lay.wCol], cr.Comma == ';'); err != nil {
				p.cellError(where(lay.wCol, err))
				w = -1
			}
		}
		if err := p.all.add([]byte(cell), w); err != nil {
			if Placeholder(cell) {
				err = fmt.Errorf("%w; leave the cell empty to skip an answer", err)
			}
			p.cellError(where(lay.ansCol, err))
			continue
		}
		if lay.byCol >= 0 {
			p.groups.Get(strings.TrimSpace(rec[lay.byCol]), p.newAcc).add([]byte(cell), w)
		}
	}
	d := &Data{File: name, Metric: cfg.Metric, Column: header[lay.ansCol], By: cfg.By, Weight: cfg.Weight, Scale: cfg.Scale}
	d.Warnings = duplicateWarnings(name, header, lay.ansCol, lay.byCol, lay.wCol)
	return p.finish(d)
}
