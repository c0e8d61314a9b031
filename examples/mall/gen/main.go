// Command gen writes the example data set of shopping-centre audits: 72
// answer sheets for examples/mall/mall.korto, 24 visits to each of three
// centres over the third quarter of 2026, as one JSON file per visit and
// as a single JSON Lines file for streaming reports.
//
// Run it from the repository root:
//
//	go run ./examples/mall/gen
//
// The centres differ on purpose: ТЦ Европа is well run, ТЦ Радуга is
// clean but weak on level 2 (Wi-Fi, navigation, staff), and ТЦ Северный
// keeps failing critical questions in its toilets. The generator parses
// the checklist and walks its model, so the sheets stay valid when
// questions are added or changed: every required question is answered,
// `when` and `na` rules are respected, and numbers stay in range. A fixed
// seed makes the output identical on every run; the files are committed,
// and a test checks that they match what the generator writes.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

func main() {
	var (
		checklist = flag.String("checklist", "examples/mall/mall.korto", "the checklist to answer")
		outDir    = flag.String("out", "examples/mall/visits", "folder for one JSON file per visit")
		jsonl     = flag.String("jsonl", "examples/mall/visits.jsonl", "JSON Lines file with every visit; empty to skip")
		perCentre = flag.Int("n", 24, "visits per centre")
		seed      = flag.Uint64("seed", 2026, "random seed")
	)
	flag.Parse()
	if err := run(*checklist, *outDir, *jsonl, *perCentre, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(checklist, outDir, jsonl string, perCentre int, seed uint64) error {
	c, err := parseChecklist(checklist)
	if err != nil {
		return err
	}
	files, lines, err := build(c, perCentre, seed)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	// Remove sheets of an earlier, larger run so the folder holds exactly
	// this data set.
	old, err := filepath.Glob(filepath.Join(outDir, "v-*.json"))
	if err != nil {
		return err
	}
	for _, f := range old {
		if _, keep := files[filepath.Base(f)]; !keep {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(outDir, name), data, 0o644); err != nil {
			return err
		}
	}
	if jsonl != "" {
		return os.WriteFile(jsonl, lines, 0o644)
	}
	return nil
}

func parseChecklist(path string) (*korto.Checklist, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return dsl.Parse(path, src)
}

// build generates the data set and renders it: one indented JSON file
// per visit, keyed by file name, and the same sheets one per line.
func build(c *korto.Checklist, perCentre int, seed uint64) (files map[string][]byte, lines []byte, err error) {
	visits := generate(c, perCentre, rand.New(rand.NewPCG(seed, 0x6b6f72746f)))
	files = make(map[string][]byte, len(visits))
	var all bytes.Buffer
	for _, v := range visits {
		compact, err := json.Marshal(sheetJSON{c: c, v: v})
		if err != nil {
			return nil, nil, fmt.Errorf("visit %s: %w", v.ID, err)
		}
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, compact, "", "  "); err != nil {
			return nil, nil, err
		}
		pretty.WriteByte('\n')
		files[v.ID+".json"] = pretty.Bytes()
		all.Write(compact)
		all.WriteByte('\n')
	}
	return files, all.Bytes(), nil
}

// sheetJSON writes a visit as an answer sheet, keeping the answers in
// checklist order (encoding/json would sort a map's keys).
type sheetJSON struct {
	c *korto.Checklist
	v visit
}

func (s sheetJSON) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	field := func(k string, v any) error {
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
		return nil
	}
	b.WriteByte('{')
	_ = field("checklist", s.c.ID)
	b.WriteByte(',')
	_ = field("version", s.c.Version)
	b.WriteString(`,"audit":{`)
	_ = field("id", s.v.ID)
	b.WriteByte(',')
	_ = field("location", s.v.Location)
	b.WriteByte(',')
	_ = field("date", s.v.Date.Format("2006-01-02"))
	b.WriteByte(',')
	_ = field("auditor", s.v.Auditor)
	b.WriteString(`},"answers":{`)
	for i, a := range s.v.Answers {
		if i > 0 {
			b.WriteByte(',')
		}
		var v any = a.Str
		if a.IsNum {
			// Readings carry at most one decimal; 'f' with -1 keeps
			// them short ("3.5", "7") and locale-free.
			v = json.Number(strconv.FormatFloat(a.Num, 'f', -1, 64))
		}
		if err := field(a.ID, v); err != nil {
			return nil, err
		}
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}
