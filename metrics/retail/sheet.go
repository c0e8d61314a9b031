package retail

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/csvlex"
	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// ErrNoColumns is returned by Read for a breakdown asked of an
// observer's hourly tally, which has no columns to group by.
var ErrNoColumns = errors.New("--by needs a CSV sheet: hour counts have no columns to group by")

// Options says how Read reads a file.
type Options struct {
	// By names the column of a visit sheet to break the KPIs down by (a
	// store, an observer); "" for none.
	By string
	// Occupancy is the share of an hour a seller may be busy with
	// customers, in (0, 1]; the service-standards source puts it at
	// 0.6-0.8.
	Occupancy float64
}

// FileReport is the KPIs of one file, whole and by group; its JSON form
// is what cxkit retail --json prints.
type FileReport struct {
	File string `json:"file"`
	Report
	// Groups are sorted by name.
	Groups []GroupReport `json:"groups,omitempty"`
	// Warnings are what may mislead in the groups: names that are one
	// place typed two ways (groups.Warnings). They are not in the JSON:
	// cxkit prints them on standard error.
	Warnings []string `json:"-"`
}

// GroupReport is the KPIs of the rows of one value of the By column.
type GroupReport struct {
	Group string `json:"group"`
	Report
}

// Read computes the KPIs of data, the contents of the file name: the
// observer's hourly tally (a JSON array of HourCount, see
// ParseObservation) or a visit sheet (CSV, one visitor a row, see
// ReadSheet).
func Read(data []byte, name string, opts Options) (*FileReport, error) {
	out := &FileReport{File: name}
	if strictjson.FirstByte(data) == '[' {
		if opts.By != "" {
			return nil, ErrNoColumns
		}
		obs, err := ParseObservation(data)
		if err != nil {
			return nil, strictjson.InFile(name, data, strictjson.Diagnostics(err))
		}
		if out.Report, err = obs.Result(opts.Occupancy); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return out, nil
	}
	sheet, err := ReadSheet(bytes.NewReader(data), name, opts.By)
	if err != nil {
		return nil, err
	}
	if out.Report, err = sheet.All.Result(opts.Occupancy); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out.Warnings = groups.Warnings(sheet.Order)
	for _, g := range sheet.Order {
		r, err := sheet.Groups[g].Result(opts.Occupancy)
		if err != nil {
			return nil, fmt.Errorf("%s: group %s: %w", name, diag.Quote(g), err)
		}
		out.Groups = append(out.Groups, GroupReport{Group: g, Report: r})
	}
	slices.SortStableFunc(out.Groups, func(a, b GroupReport) int { return cmp.Compare(a.Group, b.Group) })
	return out, nil
}

// Sheet is a visit sheet read by ReadSheet: the visits of the whole file
// and of each value of the By column.
type Sheet struct {
	All    *Visits
	Groups map[string]*Visits
	// Order lists the groups in the order they first appear.
	Order []string
}

// sheetColumns are the sheet's columns: English names, and the
// Russian ones a store manager may type instead.
var sheetColumns = []struct {
	key     string
	names   []string
	require bool
}{
	{"date", []string{"date", "дата"}, true},
	{"in", []string{"in", "вход"}, true},
	{"out", []string{"out", "выход"}, false},
	{"service", []string{"service", "обслуживание"}, false},
	{"units", []string{"units", "штук"}, false},
	{"amount", []string{"amount", "сумма"}, false},
	{"seller_minutes", []string{"seller_minutes", "минут_продавца"}, false},
}

// ReadSheet reads a visit sheet, one visitor a row, from r, named name
// in messages. Its columns are date and in, and optionally out, service
// (seller or self), units, amount and seller_minutes, or their Russian
// names (дата, вход, выход, обслуживание, штук, сумма, минут_продавца);
// dates are 2026-12-05 or 05.12.2026, times 12:05. by names a column to
// group the visits by, "" for none. Every bad cell is reported at once,
// with its place (a diag.List).
func ReadSheet(r io.Reader, name, by string) (*Sheet, error) {
	sc, err := surveycsv.NewRows(r, name)
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for _, rc := range sheetColumns {
		col[rc.key] = -1
		for _, n := range rc.names {
			if at := surveycsv.ColumnsNamed(sc.Header(), n); len(at) > 1 {
				return nil, surveycsv.DuplicateColumn(name, "the "+rc.key+" column", sc.Header(), at)
			} else if len(at) == 1 {
				col[rc.key] = at[0]
			}
		}
		if rc.require && col[rc.key] < 0 {
			return nil, fmt.Errorf("%s: no column %s: the sheet needs date and in, and may have out, service, units, amount and seller_minutes (columns: %s)", name, diag.Quote(rc.key), sc.Columns())
		}
	}
	byCol, err := sc.Find("--by", by)
	if err != nil {
		return nil, err
	}
	all := &Visits{}
	var byGroup groups.Set[*Visits]
	newGroup := func() *Visits { return &Visits{} }
	for {
		ok, err := sc.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		cell := func(key string) (string, int) {
			i := col[key]
			if i < 0 {
				return "", -1
			}
			return strings.TrimSpace(sc.Record()[i]), i
		}
		if blankRow(sc.Record()) {
			continue // spreadsheets end with empty rows
		}
		var v Visit
		bad := false
		cellErr := func(i int, format string, a ...any) {
			sc.CellError(i, fmt.Errorf(format, a...))
			bad = true
		}
		if s, i := cell("date"); s == "" {
			cellErr(i, "the date is missing")
		} else if v.Day, err = parseDate(s); err != nil {
			cellErr(i, "%v", err)
		}
		if s, i := cell("in"); s == "" {
			cellErr(i, "the time the visitor came in is missing")
		} else if v.In, err = parseClock(s); err != nil {
			cellErr(i, "%v", err)
		}
		if s, i := cell("out"); s != "" {
			if v.Out, err = parseClock(s); err != nil {
				cellErr(i, "%v", err)
			} else if !bad && v.Out < v.In {
				cellErr(i, "left at %s, before coming in: a visit past midnight is two rows", s)
			}
		}
		if s, i := cell("service"); s != "" {
			switch strings.ToLower(s) {
			case "seller", "served", "продавец", "с продавцом":
				v.Service = WithSeller
			case "self", "сам", "сама", "сам(а)":
				v.Service = SelfServe
			default:
				cellErr(i, "service %s: want seller (shopped with a seller), self (chose alone) or an empty cell (not seen)", diag.Quote(s))
			}
		}
		if s, i := cell("units"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				cellErr(i, "units %s: want a whole number >= 0", diag.Quote(s))
			}
			v.Units = n
		}
		if s, i := cell("amount"); s != "" {
			if v.Amount, err = parseNumber(s, sc.DecimalComma()); err != nil {
				cellErr(i, "amount %v", err)
			}
		}
		if s, i := cell("seller_minutes"); s != "" {
			if v.SellerMinutes, err = parseNumber(s, sc.DecimalComma()); err != nil {
				cellErr(i, "seller minutes %v", err)
			}
		}
		if bad {
			continue
		}
		if err := v.Validate(); err != nil {
			sc.RowError(err)
			continue
		}
		all.Add(v) // cannot fail: v is valid
		if byCol >= 0 {
			byGroup.Get(groups.Name(sc.Record()[byCol]), newGroup).Add(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sheet := &Sheet{All: all, Groups: make(map[string]*Visits, byGroup.Len()), Order: byGroup.Names()}
	for i := range byGroup.Len() {
		g, v := byGroup.At(i)
		sheet.Groups[g] = v
	}
	return sheet, nil
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parseDate reads 2026-12-05 or 05.12.2026, the way Russian Excel
// writes a date.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "02.01.2006", "2.1.2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %s: want 2026-12-05 or 05.12.2026", diag.Quote(s))
}

// parseClock reads a time of day, 12:05 or 12:05:30.
func parseClock(s string) (time.Duration, error) {
	for _, layout := range []string{"15:04", "15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second, nil
		}
	}
	return 0, fmt.Errorf("time %s: want hours and minutes, 12:05", diag.Quote(s))
}

// parseNumber reads an amount or minutes: a number >= 0, with a
// decimal comma in a file separated by semicolons.
func parseNumber(s string, decimalComma bool) (float64, error) {
	t := s
	if decimalComma {
		t, _ = csvlex.DecimalPoint(t)
	}
	x, err := strconv.ParseFloat(t, 64)
	switch {
	case err != nil && strings.ContainsAny(s, " \u00a0"):
		return 0, fmt.Errorf("%s: write the number without spaces between the thousands", diag.Quote(s))
	case err != nil && strings.Contains(s, ","):
		return 0, fmt.Errorf("%s: use a decimal point, or save the sheet with semicolons", diag.Quote(s))
	case err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0:
		return 0, fmt.Errorf("%s: want a number >= 0", diag.Quote(s))
	}
	return x, nil
}
