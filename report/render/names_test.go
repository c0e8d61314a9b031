package render

import "testing"

// The periods report --by derives from the date (reports.md, "Waves over
// time": month, quarter, week) are named in Russian like the month, not
// printed as the English flag value.
func TestFieldNamePeriods(t *testing.T) {
	for field, want := range map[string]string{
		"month": "месяц", "quarter": "квартал", "week": "неделя",
		"location": "точка", "chain": "chain",
	} {
		if got := FieldName("ru", field); got != want {
			t.Errorf("FieldName(ru, %q) = %q, want %q", field, got, want)
		}
		if got := FieldName("en", field); got != field {
			t.Errorf("FieldName(en, %q) = %q, want the field", field, got)
		}
	}
}
