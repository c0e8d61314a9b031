// Package dsl parses and formats the .korto checklist language.
//
// [Parse] turns source into a validated [korto.Checklist] and reports
// every problem at once as [korto.Diagnostics], each with file, line,
// column, a stable code and a hint. [Format] prints the one canonical
// layout, keeping comments.
package dsl
