package fielddata

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/internal/strictjson"
)

// Format is the layout of a file of collected answers.
type Format string

// The formats a [Reader] reads.
const (
	// CSV is a wide CSV file: one row per audit, a column per question
	// ID and per audit field, as `cxkit template` lays them out (the
	// second row of question texts is skipped when present).
	CSV Format = "csv"
	// XLSX is the same layout in an Excel workbook: its sheet "answers",
	// or its first sheet.
	XLSX Format = "xlsx"
	// ODK is an ODK Central CSV export: group paths joined by "-" and
	// meta columns such as SubmissionDate, meta-instanceID and KEY. The
	// zip archive Central's Download gives is read too: its form's table.
	ODK Format = "odk"
	// Kobo is a KoboToolbox CSV export: group paths joined by "/" (or
	// the "-" or "." its export settings may name) and meta columns whose
	// names start with "_".
	Kobo Format = "kobo"
	// SurveyJS is SurveyJS results: one result object, a JSON array of
	// them, or JSON Lines of them.
	SurveyJS Format = "surveyjs"
	// ODKXML is ODK XML submissions, the instance documents ODK Collect
	// and ODK Web Forms send to ODK Central (one submission, or several
	// one after another): elements named after the form's groups and
	// questions, as `cxkit form --to xform` names them. A submission
	// whose root's id names another form is refused.
	ODKXML Format = "odk-xml"
)

// Formats lists the formats, in the order help texts show them.
var Formats = []Format{CSV, ODK, ODKXML, Kobo, SurveyJS, XLSX}

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Formats, f) {
		return f, nil
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q: want one of %s", s, strings.Join(names, ", "))
}

// learnsColumns reports whether a file of format f has no header: its
// names are matched to questions as they first appear, so its rows are
// read one at a time, in order.
func (f Format) learnsColumns() bool { return f == SurveyJS || f == ODKXML }

// isCSVFamily reports whether files of format f are CSV text.
func (f Format) isCSVFamily() bool { return f == CSV || f == ODK || f == Kobo }

// sniff tells a workbook, JSON and CSV apart by the first bytes of a
// file; it returns CSV for anything else, and the CSV dialect is then
// told by the header (guessDialect).
func sniff(head []byte) (Format, string) {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return XLSX, "it is a zip archive, as Excel workbooks are"
	}
	switch strictjson.FirstByte(head) {
	case '{', '[':
		return SurveyJS, "it is JSON"
	case '<': // XML's white space is JSON's, and it may start with the mark too
		return ODKXML, "it is XML"
	}
	return CSV, ""
}

// Meta columns of the exports: recorded by the tools, never answers.
var (
	odkMeta = []string{
		"SubmissionDate", "KEY", "SubmitterID", "SubmitterName",
		"AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState",
		"DeviceID", "Edits", "FormVersion", "PARENT_KEY",
	}
	koboMeta = []string{"__version__", "formhub/uuid"} // and every name starting with "_"
	// formMeta are the names of the metadata fields an XLSForm may
	// collect (and of the meta group's fields), in any export.
	formMeta = []string{
		"start", "end", "today", "deviceid", "username", "phonenumber",
		"simserial", "subscriberid", "email", "audit", "instanceID",
		"instanceName", "deprecatedID", "rootUuid", "uuid", "meta",
		// the parts ODK Central splits a geopoint into
		"Latitude", "Longitude", "Altitude", "Accuracy",
	}
)

// guessDialect tells the CSV exports apart by their header: ODK
// Central's meta columns, KoboToolbox's "_" ones, or else group paths
// joined by "-" or "/" that end in question IDs. It returns the format
// and the columns that told.
func guessDialect(header []string, isQuestion func(string) bool) (Format, string) {
	var odk, kobo []string
	for _, h := range header {
		switch {
		case slices.Contains(odkMeta, h) || h == "meta-instanceID":
			odk = append(odk, h)
		case strings.HasPrefix(h, "_") || slices.Contains(koboMeta, h) || h == "meta/instanceID":
			kobo = append(kobo, h)
		}
	}
	if len(odk) == 0 && len(kobo) == 0 {
		for _, h := range header {
			if isQuestion(h) {
				continue
			}
			if i := strings.LastIndexByte(h, '-'); i >= 0 && isQuestion(h[i+1:]) {
				odk = append(odk, h)
			}
			if i := strings.LastIndexByte(h, '/'); i >= 0 && isQuestion(h[i+1:]) {
				kobo = append(kobo, h)
			}
		}
	}
	switch {
	case len(odk) > len(kobo):
		return ODK, "of its columns " + listFew(odk)
	case len(kobo) > 0:
		return Kobo, "of its columns " + listFew(kobo)
	}
	return CSV, "its columns are named after the questions"
}

// listFew lists the first three names of s and says how many more.
func listFew(s []string) string {
	if len(s) <= 3 {
		return strings.Join(s, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(s[:3], ", "), len(s)-3)
}
