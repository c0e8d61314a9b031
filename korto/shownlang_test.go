package korto

import "testing"

func TestShownLang(t *testing.T) {
	ru := &Checklist{Title: Text{Text: "Кафе", Tr: map[string]string{"en": "Café"}}}
	declared := &Checklist{Lang: "kk", Title: Text{Text: "Дүкен", Tr: map[string]string{"ru": "Магазин"}}}
	latin := &Checklist{Title: Text{Text: "Café"}}
	tests := []struct {
		c          *Checklist
		lang, want string
	}{
		{ru, "", "ru"},         // guessed from the Cyrillic title
		{ru, "en", "en"},       // a translation it has
		{ru, "EN", "en"},       // tags ignore case; the checklist's spelling comes back
		{ru, "en-GB", "en"},    // a region falls back to its language
		{ru, "en_GB", "en"},    // as locales spell it
		{ru, "de", "ru"},       // a language it lacks: its own
		{declared, "", "kk"},   // a declared language wins over the guess
		{declared, "ru", "ru"}, //
		{declared, "fr", "kk"}, //
		{latin, "", "en"},      // nothing declared, nothing Cyrillic
		{nil, "ru", "en"},      // a nil checklist does not panic
		{latin, "en-US", "en"}, // no translations at all
	}
	for _, tt := range tests {
		if got := tt.c.ShownLang(tt.lang); got != tt.want {
			t.Errorf("ShownLang(%q) of %v = %q, want %q", tt.lang, tt.c, got, tt.want)
		}
	}
}

// MatchLang finds what ShownLang finds before its fallback, and says how.
func TestMatchLang(t *testing.T) {
	ru := &Checklist{Title: Text{Text: "Кафе", Tr: map[string]string{"en": "Café"}}}
	declared := &Checklist{Lang: "kk", Title: Text{Text: "Дүкен", Tr: map[string]string{"ru": "Магазин"}}}
	for _, tt := range []struct {
		c     *Checklist
		lang  string
		want  string
		found LangMatch
	}{
		{ru, "en", "en", LangExact},
		{ru, "EN", "en", LangExact},
		{ru, "en-GB", "en", LangBase},
		{ru, "en_GB", "en", LangBase},
		{ru, "de", "", LangMissing},
		{ru, "ru", "", LangMissing}, // guessed, not declared: no text says so
		{declared, "KK-kz", "kk", LangBase},
		{declared, "", "", LangMissing},
		{nil, "en", "", LangMissing},
	} {
		got, found := tt.c.MatchLang(tt.lang)
		if got != tt.want || found != tt.found {
			t.Errorf("MatchLang(%q) = %q, %v; want %q, %v", tt.lang, got, found, tt.want, tt.found)
		}
		if found != LangMissing && tt.c.ShownLang(tt.lang) != got {
			t.Errorf("ShownLang(%q) = %q, MatchLang found %q", tt.lang, tt.c.ShownLang(tt.lang), got)
		}
	}
}
