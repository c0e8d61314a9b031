package surveycsv

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/metrics"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// csiStores is a file worked by hand: speed 8,7,9,5,6 (mean 7), polite
// 9,10,9,6,7,8 (mean 49/6), price 7,6,8,4,5,6 (mean 6) on 1..10.
const csiStores = `store,speed,polite,price
Тверская,8,9,7
Тверская,7,10,6
Тверская,9,9,8
Арбат,5,6,4
Арбат,6,7,5
Арбат,,8,6
`

func csiScale(t testing.TB) metrics.Scale {
	s, err := metrics.ParseScale("1..10", "high")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadCSIWorked(t *testing.T) {
	r, err := ReadCSI(strings.NewReader(csiStores), "stores.csv", CSIConfig{Scale: csiScale(t), By: "store", Level: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	approx := cmpopts.EquateApprox(0, 1e-9)
	// Equal weights: (6 + 43/6 + 5) / 27 · 100, the means less the
	// scale's bottom over its span.
	if d := cmp.Diff(100*(6+43.0/6+5)/27, r.CSI, approx); d != "" {
		t.Errorf("csi (-want +got)\n%s", d)
	}
	if r.N != 6 || r.Rows != 6 {
		t.Errorf("n %v, rows %d; want 6 and 6", r.N, r.Rows)
	}
	var names []string
	for _, a := range r.Attributes {
		names = append(names, a.Name)
	}
	if d := cmp.Diff([]string{"speed", "polite", "price"}, names); d != "" {
		t.Errorf("attributes: every column but By (-want +got)\n%s", d)
	}
	// speed: mean 7, sd sqrt(2.5), t(0.975, 4) = 2.7764451051977987.
	half := 2.7764451051977987 * math.Sqrt(2.5) / math.Sqrt(5)
	sp := r.Attributes[0]
	if d := cmp.Diff([]float64{7, 7 - half, 7 + half, 1}, []float64{sp.Mean, *sp.CILow, *sp.CIHigh, sp.Weight}, approx); d != "" {
		t.Errorf("speed mean, interval, weight (-want +got)\n%s", d)
	}
	if len(r.Groups) != 2 || r.Groups[0].Group != "Тверская" || r.Groups[0].N != 3 {
		t.Errorf("groups %+v; want Тверская (the higher index, n 3) first", r.Groups)
	}
}

// Weights from a semicolon CSV with decimal commas: speed 2, polite
// 1.5, price 0.5.
func TestReadCSIWeights(t *testing.T) {
	w, err := ReadCSIWeights([]byte("attribute;weight\nspeed;2\npolite;1,5\nprice;0,5\n"), "weights.csv")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(map[string]float64{"speed": 2, "polite": 1.5, "price": 0.5}, w); d != "" {
		t.Fatalf("weights (-want +got)\n%s", d)
	}
	jw, err := ReadCSIWeights([]byte(`{"speed": 2, "polite": 1.5, "price": 0.5}`), "weights.json")
	if err != nil || !cmp.Equal(w, jw) {
		t.Fatalf("JSON weights %v, %v; want the CSV's", jw, err)
	}
	r, err := ReadCSI(strings.NewReader(csiStores), "stores.csv", CSIConfig{Scale: csiScale(t), By: "store", Weights: w, Level: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	want := 100 * (2*6 + 1.5*43.0/6 + 0.5*5) / (9 * 4)
	if d := cmp.Diff(want, r.CSI, cmpopts.EquateApprox(0, 1e-9)); d != "" {
		t.Errorf("csi (-want +got)\n%s", d)
	}
}

func TestReadCSIErrors(t *testing.T) {
	w := map[string]float64{"speed": 2, "polite": 1.5, "price": 0.5}
	for _, tc := range []struct {
		name, in string
		cfg      CSIConfig
		column   bool // a ColumnError: the configuration is wrong
		want     []string
	}{
		{"off the scale", "a,b\n1,2\n11,3\n4,x\n", CSIConfig{}, false,
			[]string{`f.csv:3:1: row 2, column "a": rating 11 is outside the scale 1..10`, `f.csv:4:3: row 3, column "b": "x" is not a whole number`}},
		{"placeholder", "a,b\n1,2\nn/a,3\n", CSIConfig{}, false, []string{"leave the cell empty"}},
		{"unknown column", "a,b\n1,2\n", CSIConfig{Columns: []string{"a", "c"}}, true, []string{`no column "c" for --columns`}},
		{"attribute and by", "a,b\n1,2\n", CSIConfig{Columns: []string{"a"}, By: "a"}, true, []string{`column "a" is both an attribute and --by`}},
		{"nobody rated", "a,b\n,2\n", CSIConfig{}, false, []string{`attribute "a"`, "no respondent rated it"}},
		{"weights miss one", "a,b\n1,2\n3,4\n", CSIConfig{Weights: w}, false, []string{`no weight for attribute "a"`}},
		{"extra weight", csiStores, CSIConfig{Columns: []string{"polite"}, Weights: w}, false, []string{`weighs "price", which is not an attribute column`}},
		{"label column", csiStores, CSIConfig{}, true, []string{`column "store" holds no number`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Scale, tc.cfg.Level = csiScale(t), 0.95
			_, err := ReadCSI(strings.NewReader(tc.in), "f.csv", tc.cfg)
			if err == nil {
				t.Fatal("no error")
			}
			if _, ok := errors.AsType[ColumnError](err); ok != tc.column {
				t.Errorf("ColumnError %v, want %v: %v", ok, tc.column, err)
			}
			for _, s := range tc.want {
				if !strings.Contains(shown(err), s) {
					t.Errorf("error lacks %q:\n%v", s, shown(err))
				}
			}
		})
	}
}

// FuzzCSICSV feeds arbitrary bytes to the CSI reader: no panic, and an
// index it computes lies in 0..100.
func FuzzCSICSV(f *testing.F) {
	b, err := os.ReadFile("../../examples/survey/csi.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(csiStores))
	f.Add([]byte("a;b\n1;2\n3;\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := ReadCSI(strings.NewReader(string(data)), "fuzz.csv", CSIConfig{Scale: csiScale(t), By: "store", Level: 0.95})
		if err != nil {
			return
		}
		if !(out.CSI >= 0 && out.CSI <= 100) {
			t.Fatalf("CSI %v from %q", out.CSI, data)
		}
	})
}
