package main

import "errors"

func writeReportHTML(name string, v *reportView) error {
	return errors.New("HTML report: not written yet")
}
