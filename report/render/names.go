package render

import "github.com/cxkit/cxkit/korto"

// auditFieldNamesRu names in Russian the audit fields whose meaning the
// tools know: the usual ones of an answer sheet and the month that
// report --by derives from the date. Other fields are the sheet
// author's own words and are printed as they are.
var auditFieldNamesRu = map[string]string{
	"id":       "номер",
	"location": "точка",
	"date":     "дата",
	"auditor":  "аудитор",
	"month":    "месяц",
	"quarter":  "квартал",
	"week":     "неделя",
}

// FieldName is how the reports name the audit field in lang: Russian
// words for the fields whose meaning the tools know, other fields as the
// sheets name them. Applications that lay out their own tables of a
// report use it to head the grouping column as the command does.
func FieldName(lang, field string) string {
	if lang == "ru" {
		if s, ok := auditFieldNamesRu[field]; ok {
			return s
		}
	}
	return field
}

// groupLabel is how a group of the league table is named in output in
// lang: the audits' value as it is, but the group of audits without one
// ([korto.NoGroup]) in words.
func groupLabel(lang, group string) string {
	if group == korto.NoGroup && lang == "ru" {
		return "(не указано)"
	}
	return group
}
