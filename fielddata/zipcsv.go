package fielddata

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/cxkit/cxkit/diag"
)

// zipMagic starts every zip archive: an Excel workbook, and the export
// ODK Central's "Download" gives.
var zipMagic = []byte("PK\x03\x04")

// zippedCSV returns the table of answers a zip archive of CSV files
// holds, as ODK Central's export does: the form's table FORM.csv beside
// a table per repeat group (FORM-repeat.csv) and a media folder. The
// table named after the checklist wins, else the shortest CSV name at
// the archive's root (a repeat's table is named after the form's). ok
// is false for an archive without CSV files, or a workbook; limit caps
// what the table may unpack to.
func zippedCSV(data []byte, name, checklist string, limit int64) (table string, csv []byte, ok bool, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", nil, false, nil // not a zip archive that can be read: the workbook reader says why
	}
	var pick *zip.File
	for _, f := range zr.File {
		if f.Name == "[Content_Types].xml" {
			return "", nil, false, nil // an Office document
		}
		if strings.Contains(f.Name, "/") || !strings.EqualFold(path.Ext(f.Name), ".csv") {
			continue
		}
		switch {
		case pick == nil, strings.EqualFold(f.Name, checklist+".csv"):
			pick = f
		case !strings.EqualFold(pick.Name, checklist+".csv") && len(f.Name) < len(pick.Name):
			pick = f
		}
	}
	if pick == nil {
		return "", nil, false, nil
	}
	if limit <= 0 {
		limit = 256*int64(len(data)) + 64<<20
	}
	rc, err := pick.Open()
	if err != nil {
		return "", nil, false, Errors{{Pos: diag.Pos{File: name}, Code: CodeSyntax, Message: fmt.Sprintf("%s in the zip archive cannot be read: %v", pick.Name, err)}}
	}
	defer rc.Close()
	csv, err = io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return "", nil, false, Errors{{Pos: diag.Pos{File: name}, Code: CodeSyntax, Message: fmt.Sprintf("%s in the zip archive cannot be read: %v", pick.Name, err)}}
	}
	if int64(len(csv)) > limit {
		return "", nil, false, Errors{{Pos: diag.Pos{File: name}, Code: CodeSyntax, Message: fmt.Sprintf("%s in the zip archive unpacks to more than %d MiB", pick.Name, limit>>20)}}
	}
	return pick.Name, csv, true, nil
}
