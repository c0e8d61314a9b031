package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

const (
	checklistPath = "../mall.korto"
	visitsDir     = "../visits"
	visitsJSONL   = "../visits.jsonl"
	perCentre     = 24
	seed          = 2026
)

func compile(t *testing.T) (*korto.Checklist, *korto.Plan) {
	t.Helper()
	c, err := parseChecklist(checklistPath)
	if err != nil {
		t.Fatalf("parse %s: %v", checklistPath, err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return c, p
}

// The committed data set is exactly what the generator writes: a change
// to the checklist or the generator must come with regenerated files
// ("go run ./examples/mall/gen" from the repository root).
func TestCommittedDataSetIsUpToDate(t *testing.T) {
	c, _ := compile(t)
	files, lines, err := build(c, perCentre, seed)
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := filepath.Glob(filepath.Join(visitsDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(onDisk) != len(files) {
		t.Errorf("%s holds %d sheets, the generator writes %d; regenerate", visitsDir, len(onDisk), len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(visitsDir, name))
		if err != nil {
			t.Errorf("%v; regenerate", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output; regenerate", name)
		}
	}
	got, err := os.ReadFile(visitsJSONL)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, lines) {
		t.Errorf("%s differs from the generator's output; regenerate", visitsJSONL)
	}
}

func TestDeterministic(t *testing.T) {
	c, _ := compile(t)
	_, a, err := build(c, 5, 7)
	if err != nil {
		t.Fatal(err)
	}
	_, b, err := build(c, 5, 7)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two runs with the same seed differ")
	}
	_, other, _ := build(c, 5, 8)
	if bytes.Equal(a, other) {
		t.Error("a different seed gave the same data set")
	}
}

// Every sheet the generator writes, for this seed and others, passes the
// library's own checks, and the centres come out with the profiles the
// data set promises.
func TestSheetsAreValidAndProfilesShow(t *testing.T) {
	c, p := compile(t)
	for _, s := range []uint64{seed, 1, 99} {
		_, lines, err := build(c, perCentre, s)
		if err != nil {
			t.Fatal(err)
		}
		results := scoreLines(t, p, lines)
		if got, want := len(results), perCentre*len(centres); got != want {
			t.Fatalf("seed %d: %d sheets, want %d", s, got, want)
		}
		if s != seed {
			continue
		}
		stats := map[string]*centreStats{}
		for _, r := range results {
			st := stats[r.Audit["location"]]
			if st == nil {
				st = &centreStats{}
				stats[r.Audit["location"]] = st
			}
			st.add(r)
		}
		eu, ra, se := stats["ТЦ Европа"], stats["ТЦ Радуга"], stats["ТЦ Северный"]
		if eu == nil || ra == nil || se == nil {
			t.Fatalf("centres missing from the data set: %v", stats)
		}
		t.Logf("Европа %+v", *eu)
		t.Logf("Радуга %+v", *ra)
		t.Logf("Северный %+v", *se)
		if !(eu.mean(2) > ra.mean(2)+0.1) {
			t.Errorf("ТЦ Радуга should be weak on level 2: %.3f vs Европа %.3f", ra.mean(2), eu.mean(2))
		}
		if !(eu.mean(1) > 0.9 && eu.reached2 >= perCentre/2) {
			t.Errorf("ТЦ Европа should be well run: level 1 %.3f, reached 2 on %d visits", eu.mean(1), eu.reached2)
		}
		if se.toiletCriticals < perCentre/5 {
			t.Errorf("ТЦ Северный failed a critical toilet question on %d visits, want at least %d", se.toiletCriticals, perCentre/5)
		}
		if eu.nps <= se.nps {
			t.Errorf("mean recommendation: Европа %.2f should beat Северный %.2f", eu.nps, se.nps)
		}
	}
}

func scoreLines(t *testing.T, p *korto.Plan, lines []byte) []korto.Result {
	t.Helper()
	var out []korto.Result
	sc := bufio.NewScanner(bytes.NewReader(lines))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		s, err := p.ReadAnswers(bytes.NewReader(sc.Bytes()))
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if len(s.Warnings) > 0 {
			t.Errorf("line %d: warnings: %v", n, s.Warnings)
		}
		r, err := p.Score(s)
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

type centreStats struct {
	n               int
	sum             [3]float64 // level scores by level number
	reached2        int
	toiletCriticals int
	nps             float64 // running mean
}

func (st *centreStats) add(r korto.Result) {
	st.n++
	for _, l := range r.Levels {
		if l.Score != nil && l.Level < len(st.sum) {
			st.sum[l.Level] += *l.Score
		}
		if slices.ContainsFunc(l.CriticalFailed, func(id string) bool { return id == "wc_smell" }) {
			st.toiletCriticals++
		}
	}
	if r.Reached >= 2 {
		st.reached2++
	}
	for _, a := range r.Survey {
		if a.Kind == korto.KindNPS && a.Number != nil {
			st.nps += (*a.Number - st.nps) / float64(st.n)
		}
	}
}

func (st *centreStats) mean(level int) float64 { return st.sum[level] / float64(st.n) }

// The generator walks whatever the checklist holds: a level with every
// kind of question and condition it does not know from mall.korto still
// gets valid sheets.
func TestGeneratorFollowsChecklistChanges(t *testing.T) {
	src, err := os.ReadFile(checklistPath)
	if err != nil {
		t.Fatal(err)
	}
	extra := `
  level 3 "Атмосфера" @en "Atmosphere" {
    section extra "Проверка генератора" @en "Generator check" {
      question music "Громкость музыки" @en "Music volume" scale 0..10
      question temp "Температура в галерее" @en "Gallery temperature" measure "°C" target > 19
      question doors_open "Открытых входов" @en "Open entrances" measure target == 4
      question noise "Шум" @en "Noise" lifts
      question quiet "Есть тихая зона" @en "There is a quiet area" when noise != all or music >= 7
      question events "Анонс событий" @en "Event notices" optional when not has_parking
      question shade "Тень у входа" @en "Shade at the entrance" na when temp > 25 and (wifi or atm)
    }
  }
`
	i := bytes.Index(src, []byte("\n  survey {"))
	if i < 0 {
		t.Fatal("no survey block in the checklist")
	}
	changed := append(append(append([]byte{}, src[:i]...), extra...), src[i:]...)
	c, err := dsl.Parse("changed.korto", changed)
	if err != nil {
		t.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []uint64{1, 2, 3} {
		_, lines, err := build(c, 10, s)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(scoreLines(t, p, lines)); got != 10*len(centres) {
			t.Errorf("seed %d: %d sheets", s, got)
		}
		// The new questions are answered, and the conditional ones
		// sometimes switched off.
		for q, want := range map[string]int{`"music":`: 30, `"temp":`: 30, `"noise":`: 30, `"events":`: 10} {
			if got := bytes.Count(lines, []byte(q)); got != want {
				t.Errorf("seed %d: %s answered %d times, want %d", s, q, got, want)
			}
		}
		for _, q := range []string{`"quiet":`, `"shade":`} {
			if got := bytes.Count(lines, []byte(q)); got == 0 || got == 30 {
				t.Errorf("seed %d: %s answered %d times of 30; its condition never varies", s, q, got)
			}
		}
	}
}
