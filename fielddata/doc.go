// Package fielddata reads answers collected in field tools into answer
// sheets: wide CSV and Excel files (one row per audit, a column per
// question, as `cxkit template` lays them out), the CSV exports of ODK
// Central and KoboToolbox, ODK XML submissions, and SurveyJS results.
//
// A [Reader] matches the columns of a file to the questions of a
// checklist once, from its header, then turns each row into a
// [korto.Sheet] on its own, checked against the checklist the way
// `cxkit score` checks a JSON sheet. Rows are independent of each other,
// so memory stays flat however many rows a file has. A bad row does not
// stop the reading: [Reader.Next] returns a [*RowError] that lists every
// bad cell with its line and column, and the next call goes on.
package fielddata
