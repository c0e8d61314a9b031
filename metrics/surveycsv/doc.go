// Package surveycsv reads survey CSV files into the metric accumulators
// of package metrics, which does no I/O itself.
//
// A survey export is a CSV file with a header row: one column of
// answers (NPS scores, CSAT or CES ratings, emotions), optionally a
// column to group by and a column of survey weights. Read and ReadFile
// turn it into Data, the accumulators of the whole file and of each
// group; Summarize ranks the groups and Compare tests the result against
// an earlier export. A Summary encodes to the JSON that cxkit nps, csat,
// ces and emotion print with --json. ReadCSI reads a file of attribute
// ratings, one column an attribute, into a customer satisfaction index
// with an interval per attribute, as cxkit csi prints it.
//
// The reader is strict and says where: a bad cell is a *diag.Diagnostic
// at file:line:col (columns in characters) with its row and column name,
// and every bad cell of a file is reported at once (a diag.List). It
// reads what spreadsheets write: a byte order mark, CRLF line ends,
// semicolons with decimal commas, quoted fields over several lines,
// short rows; a Windows-1251 file is refused with how to save it as
// UTF-8. It keeps only the columns asked for and allocates nothing per
// row, and a file is read by all cores, with the result and the errors
// of one pass.
package surveycsv
