package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxkit/cxkit/metrics/retail"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The retail command: store KPIs from a floor observation sheet (seed
// 003, the Perelman method: watch the floor, note every visitor, who
// buys alone and who waits for a seller, and how long sellers spend
// with them). docs/retail.md describes the sheet.

func init() {
	register(&Command{
		Name:      "retail",
		UsageLine: "retail FILE [--by G] [--occupancy 0.8] [--json]",
		Short:     "retail KPIs of an observation sheet: conversion, ticket, UPT, traffic, dwell time, service mix, sellers per hour",
		Flags:     retailFlags,
	})
}

// retailColumns are the sheet's columns: English names, and the
// Russian ones a store manager may type instead.
var retailColumns = []struct {
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

type retailOutput struct {
	File string `json:"file"`
	retail.Report
	Groups []retailGroup `json:"groups,omitempty"`
}

type retailGroup struct {
	Group string `json:"group"`
	retail.Report
}

func retailFlags(fs *flag.FlagSet) Run {
	by := fs.String("by", "", "break down by the values of column `G` (a store, an observer)")
	occupancy := fs.Float64("occupancy", 0.8, "the `SHARE` of an hour a seller may be busy with customers (seed 003: 0.6-0.8)")
	asJSON := fs.Bool("json", false, "print JSON")
	return func(_ context.Context, e *env, pos []string) error {
		if len(pos) != 1 {
			return usagef("want one observation sheet (CSV, or JSON hour counts; - for standard input)")
		}
		if !(*occupancy > 0 && *occupancy <= 1) {
			return usagef("--occupancy %v: want a share in (0, 1], e.g. 0.8", *occupancy)
		}
		data, err := readInput(e, pos[0])
		if err != nil {
			return err
		}
		name := inputName(pos[0])
		out := &retailOutput{File: name}
		if t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff"))); len(t) > 0 && t[0] == '[' {
			// The observer's hourly tally (examples/support/retail).
			if *by != "" {
				return usagef("--by needs a CSV sheet: hour counts have no columns to group by")
			}
			obs, err := retail.ParseObservation(data)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if out.Report, err = obs.Result(*occupancy); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		} else {
			all, groups, order, err := retailRead(bytes.NewReader(data), name, *by)
			if err != nil {
				return err
			}
			if out.Report, err = all.Result(*occupancy); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			for _, g := range order {
				r, err := groups[g].Result(*occupancy)
				if err != nil {
					return fmt.Errorf("%s: group %s: %w", name, surveycsv.Quote(g), err)
				}
				out.Groups = append(out.Groups, retailGroup{Group: g, Report: r})
			}
			slices.SortStableFunc(out.Groups, func(a, b retailGroup) int { return cmp.Compare(a.Group, b.Group) })
		}
		if *asJSON {
			return writeJSON(e.stdout, out)
		}
		out.writeText(e.stdout)
		return nil
	}
}

// retailRead reads a visit sheet, one visitor a row, reporting every bad
// cell with its place.
func retailRead(r io.Reader, name, by string) (*retail.Visits, map[string]*retail.Visits, []string, error) {
	sc, err := surveycsv.NewRows(r, name)
	if err != nil {
		return nil, nil, nil, err
	}
	col := map[string]int{}
	for _, rc := range retailColumns {
		col[rc.key] = -1
		for _, n := range rc.names {
			if at := surveycsv.ColumnsNamed(sc.Header(), n); len(at) > 1 {
				return nil, nil, nil, surveycsv.DuplicateColumn(name, "the "+rc.key+" column", sc.Header(), at)
			} else if len(at) == 1 {
				col[rc.key] = at[0]
			}
		}
		if rc.require && col[rc.key] < 0 {
			return nil, nil, nil, fmt.Errorf("%s: no column %s: the sheet needs date and in, and may have out, service, units, amount and seller_minutes (columns: %s)", name, surveycsv.Quote(rc.key), sc.Columns())
		}
	}
	byCol, err := sc.Find("--by", by)
	if err != nil {
		return nil, nil, nil, err
	}
	all := &retail.Visits{}
	groups := map[string]*retail.Visits{}
	var order []string
	for {
		ok, err := sc.Next()
		if err != nil {
			return nil, nil, nil, err
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
		if retailBlankRow(sc.Record()) {
			continue // spreadsheets end with empty rows
		}
		var v retail.Visit
		bad := false
		cellErr := func(i int, format string, a ...any) {
			sc.CellError(i, fmt.Errorf(format, a...))
			bad = true
		}
		if s, i := cell("date"); s == "" {
			cellErr(i, "the date is missing")
		} else if v.Day, err = retailDate(s); err != nil {
			cellErr(i, "%v", err)
		}
		if s, i := cell("in"); s == "" {
			cellErr(i, "the time the visitor came in is missing")
		} else if v.In, err = retailClock(s); err != nil {
			cellErr(i, "%v", err)
		}
		if s, i := cell("out"); s != "" {
			if v.Out, err = retailClock(s); err != nil {
				cellErr(i, "%v", err)
			} else if !bad && v.Out < v.In {
				cellErr(i, "left at %s, before coming in: a visit past midnight is two rows", s)
			}
		}
		if s, i := cell("service"); s != "" {
			switch strings.ToLower(s) {
			case "seller", "served", "продавец", "с продавцом":
				v.Service = retail.WithSeller
			case "self", "сам", "сама", "сам(а)":
				v.Service = retail.SelfServe
			default:
				cellErr(i, "service %s: want seller (shopped with a seller), self (chose alone) or an empty cell (not seen)", surveycsv.Quote(s))
			}
		}
		if s, i := cell("units"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				cellErr(i, "units %s: want a whole number >= 0", surveycsv.Quote(s))
			}
			v.Units = n
		}
		if s, i := cell("amount"); s != "" {
			if v.Amount, err = retailNumber(s, sc.DecimalComma()); err != nil {
				cellErr(i, "amount %v", err)
			}
		}
		if s, i := cell("seller_minutes"); s != "" {
			if v.SellerMinutes, err = retailNumber(s, sc.DecimalComma()); err != nil {
				cellErr(i, "seller minutes %v", err)
			}
		}
		if bad {
			continue
		}
		if err := all.Add(v); err != nil {
			sc.RowError(errors.New(strings.TrimPrefix(err.Error(), "retail: ")))
			continue
		}
		if byCol >= 0 {
			g := strings.TrimSpace(sc.Record()[byCol])
			acc := groups[g]
			if acc == nil {
				acc = &retail.Visits{}
				groups[g] = acc
				order = append(order, g)
			}
			acc.Add(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, nil, err
	}
	return all, groups, order, nil
}

func retailBlankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// retailDate reads 2026-12-05 or 05.12.2026, the way Russian Excel
// writes a date.
func retailDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "02.01.2006", "2.1.2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %s: want 2026-12-05 or 05.12.2026", surveycsv.Quote(s))
}

// retailClock reads a time of day, 12:05 or 12:05:30.
func retailClock(s string) (time.Duration, error) {
	for _, layout := range []string{"15:04", "15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second, nil
		}
	}
	return 0, fmt.Errorf("time %s: want hours and minutes, 12:05", surveycsv.Quote(s))
}

// retailNumber reads an amount or minutes: a number >= 0, with a
// decimal comma in a file separated by semicolons.
func retailNumber(s string, decimalComma bool) (float64, error) {
	t := s
	if decimalComma && strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	x, err := strconv.ParseFloat(t, 64)
	switch {
	case err != nil && strings.ContainsAny(s, " \u00a0"):
		return 0, fmt.Errorf("%s: write the number without spaces between the thousands", surveycsv.Quote(s))
	case err != nil && strings.Contains(s, ","):
		return 0, fmt.Errorf("%s: use a decimal point, or save the sheet with semicolons", surveycsv.Quote(s))
	case err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0:
		return 0, fmt.Errorf("%s: want a number >= 0", surveycsv.Quote(s))
	}
	return x, nil
}

func (o *retailOutput) writeText(w io.Writer) {
	retailWriteReport(w, "Retail KPIs of "+o.File, o.Report)
	for _, g := range o.Groups {
		fmt.Fprintln(w)
		retailWriteReport(w, g.Group, g.Report)
	}
}

func retailWriteReport(w io.Writer, title string, r retail.Report) {
	if len(r.Days) > 0 {
		title += ": " + plural(r.Sales.Visitors, "visitor", "visitors") + " on " + plural(len(r.Days), "day", "days")
	}
	fmt.Fprintln(w, title)
	t := &textTable{indent: "  "}
	if r.Conversion != nil {
		t.add("conversion", pct(*r.Conversion), "("+plural(r.Sales.Transactions, "receipt", "receipts")+")")
	}
	if r.AverageTicket != nil {
		t.add("average ticket", fixed(*r.AverageTicket, 2), "")
		t.add("units per receipt", fixed(*r.UPT, 2), "")
	} else if len(r.Days) > 0 {
		t.add("average ticket", "—", "(no receipt)")
	}
	if r.Dwell != nil {
		t.add("dwell time", "mean "+supportDuration(r.Dwell.Mean)+", median "+supportDuration(r.Dwell.Median)+", p90 "+supportDuration(r.Dwell.P90), "("+plural(r.Dwell.N, "visitor", "visitors")+" timed)")
	}
	if r.Mix != nil {
		t.add("served", pct(r.Mix.ServedShare)+" with a seller", fmt.Sprintf("(%d with a seller, %d alone)", r.Mix.Served, r.Mix.SelfServed))
	}
	t.write(w)
	if len(r.Days) > 1 {
		fmt.Fprintln(w, "\n  by day")
		d := &textTable{indent: "  ", right: rightCols(false, true, true, true, true)}
		d.add("date", "visitors", "receipts", "conversion", "revenue")
		for _, day := range r.Days {
			d.add(day.Date, fmt.Sprint(day.Visitors), fmt.Sprint(day.Receipts), pct(day.Conversion), fixed(day.Revenue, 2))
		}
		d.write(w)
	}
	fmt.Fprintf(w, "\n  by hour (sellers busy at most %s of the hour)\n", pct(r.Occupancy))
	h := &textTable{indent: "  ", right: rightCols(false, true, true, true, true, true, true, true)}
	h.add("hour", "days", "visitors", "per day", "with seller", "alone", "service min/h", "sellers")
	for _, x := range r.Hours {
		h.add(fmt.Sprintf("%02d:00", x.Hour), fmt.Sprint(x.Days), fmt.Sprint(x.Visitors), fixed(x.PerDay, 1), fmt.Sprint(x.Served), fmt.Sprint(x.SelfServed), fixed(x.ServicePerHour, 1), fmt.Sprint(x.Sellers))
	}
	h.write(w)
}
