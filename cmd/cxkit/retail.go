package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/metrics/retail"
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

func retailFlags(fs *flag.FlagSet) Run {
	by := fs.String("by", "", "break down by the values of column `G` (a store, an observer)")
	occupancy := fs.Float64("occupancy", 0.8, "the `SHARE` of an hour a seller may be busy with customers (the service-standards guide: 0.6-0.8)")
	asJSON := fs.Bool("json", false, "print JSON")
	return func(_ context.Context, e *env, pos []string) error {
		if len(pos) != 1 {
			return usagef("want one observation sheet (CSV, or JSON hour counts; - for standard input)")
		}
		if retail.CheckOccupancy(*occupancy) != nil {
			return usagef("--occupancy %v: want a share in (0, 1], e.g. 0.8", *occupancy)
		}
		data, err := readInput(e, pos[0])
		if err != nil {
			return err
		}
		out, err := retail.Read(data, inputName(pos[0]), retail.Options{By: *by, Occupancy: *occupancy})
		if errors.Is(err, retail.ErrNoColumns) {
			return usagef("%v", err)
		}
		if err != nil {
			return err
		}
		for _, w := range out.Warnings {
			e.warnf("%s", w)
		}
		if *asJSON {
			return writeJSON(e.stdout, out)
		}
		retailWriteText(e.stdout, out)
		return nil
	}
}

func retailWriteText(w io.Writer, o *retail.FileReport) {
	retailWriteReport(w, "Retail KPIs of "+o.File, o.Report)
	for _, g := range o.Groups {
		fmt.Fprintln(w)
		retailWriteReport(w, groups.Label(g.Group), g.Report)
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
