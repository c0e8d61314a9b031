package korto

// Result is the score of one audit: a checklist applied to one answer
// sheet. Scores are in [0,1]; a nil score means "nothing applicable to
// score" and is null in JSON.
type Result struct {
	// Checklist and Version are the checklist's ID and version (not the
	// sheet's, which may differ).
	Checklist string `json:"checklist"`
	Version   string `json:"version,omitempty"`
	// Title is the checklist's title, in the language scoring chose.
	Title string `json:"title,omitempty"`
	// Model is the checklist's service model, which names the levels.
	Model Model `json:"model,omitempty"`
	// Audit carries the sheet's audit fields (id, location, date,
	// auditor, ...), the keys that reports group by.
	Audit map[string]string `json:"audit,omitempty"`
	// Score is the overall score: the mean of the scores of the levels
	// that have one, weighted by the levels' weights. It is 0 when
	// KnockedOut, and nil when no level of weight above 0 has a score.
	Score *float64 `json:"score" jsonschema:"minimum=0,maximum=1"`
	// RawScore is the score before a knockout set it to zero; it is set
	// only under `knockout audit`.
	RawScore *float64 `json:"raw_score,omitempty" jsonschema:"minimum=0,maximum=1"`
	// KnockedOut reports that a failed critical question set Score to 0
	// under `knockout audit`.
	KnockedOut bool `json:"knocked_out,omitempty"`
	// Reached is the largest k such that levels 1..k are all in the
	// checklist and all passed; 0 when level 1 failed or is absent. A
	// level that passes above a failed one (Gated) does not count.
	Reached int `json:"reached" jsonschema:"minimum=0,maximum=5"`
	// ReachedName names level Reached of the model as the scoring spec
	// gives it (Model.ReachedName): Russian in Text, English under "en"
	// (for korto, 0 is "ниже основы" / "below foundation"); show it with
	// ReachedName.In(lang). It does not follow ScoreOptions.Lang. In JSON
	// it is the spec's two strings, reached_name (Russian) and
	// reached_name_en.
	ReachedName Text `json:"-"`
	// Band is the checklist's band the overall score falls in (see
	// Checklist.BandOf); nil when the checklist names no bands, the
	// audit has no score, or the score is below the lowest band.
	Band *BandResult `json:"band,omitempty"`
	// Levels are in ascending level number, whatever the file order.
	Levels []LevelResult `json:"levels"`
	// CriticalFailed lists every failed critical question of the audit
	// in checklist order; each level lists its own as well.
	CriticalFailed []string `json:"critical_failed"`
	// Promises are the promises made in the audit (see Plan.Promises);
	// empty when none was made.
	Promises []PromiseResult `json:"promises,omitempty"`
	// Survey holds the answers to the survey questions, which feed the
	// metrics and never the score.
	Survey []SurveyAnswer `json:"survey,omitempty"`
}

// BandResult names the band of an overall score.
type BandResult struct {
	// Index is the band's place in Checklist.Bands, 0 for the lowest.
	Index int `json:"index"`
	// Name is the band's name in the language scoring chose; NameEn is
	// its English translation, or the name itself when it has none, as
	// reached_name_en gives the level's.
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
	// From is the band's threshold, a share in [0,1].
	From float64 `json:"from" jsonschema:"minimum=0,maximum=1"`
}

// BandResult returns the band of the overall score, in language lang,
// or nil when the score falls in none (see BandOf).
func (c *Checklist) BandResult(score float64, lang string) *BandResult {
	k := c.BandOf(score)
	if k < 0 {
		return nil
	}
	b := c.Bands[k]
	return &BandResult{Index: k, Name: b.Name.In(lang), NameEn: b.Name.In("en"), From: b.From}
}

// SurveyAnswer is the answer to one survey question. A question left
// unanswered, or answered "na" where that means not applicable, has
// none.
type SurveyAnswer struct {
	ID   string   `json:"id"`
	Kind KindType `json:"kind"` // never "": yes/no is KindYesNo
	// Number is set for nps, ces, csat, scale and measure answers: the
	// answer as given (an nps of 9 is 9), not a value in [0,1].
	Number *float64 `json:"number,omitempty"`
	// Label is set for the other kinds: the emotion ("positive",
	// "neutral", "negative"), the option ID of a choice, "yes" or "no",
	// or the text of a text answer.
	Label string `json:"label,omitempty"`
}

// LevelResult is the score of one level. Its slices are empty, never
// nil, so that JSON shows [] rather than null.
type LevelResult struct {
	Level int    `json:"level"` // the level's number in the pyramid
	Title string `json:"title"` // in the language scoring chose
	// Score is the weighted mean of the level's applicable items; nil
	// when none of its questions is applicable.
	Score *float64 `json:"score" jsonschema:"minimum=0,maximum=1"`
	// Pass and Weight are the level's pass mark (a share in (0,1]) and
	// weight in the overall score, defaults applied.
	Pass   float64 `json:"pass" jsonschema:"exclusiveMinimum=0,maximum=1"`
	Weight float64 `json:"weight" jsonschema:"minimum=0"`
	// Passed reports that Score reached Pass (within 1e-9, for
	// rounding) and no critical question of the level failed; a level
	// without a score does not pass.
	Passed bool `json:"passed"`
	// Gated reports that a level beneath this one failed, so that this
	// one, though scored, cannot count toward Reached.
	Gated bool `json:"gated"`
	// CriticalFailed lists the level's failed critical questions in
	// checklist order.
	CriticalFailed []string         `json:"critical_failed"`
	Sections       []SectionResult  `json:"sections"`
	Questions      []QuestionResult `json:"questions"` // questions directly in the level
}

// SectionResult is the score of one section; sections nest.
type SectionResult struct {
	ID    string `json:"id"`
	Title string `json:"title"` // in the language scoring chose
	// Score is the weighted mean of the section's applicable items; nil
	// when none of its questions is applicable, and then the section
	// is left out of its parent's mean.
	Score  *float64 `json:"score" jsonschema:"minimum=0,maximum=1"`
	Weight float64  `json:"weight" jsonschema:"minimum=0"` // in its parent, default applied
	// Sections and Questions are the items directly in the section, in
	// file order; empty, never nil.
	Sections  []SectionResult  `json:"sections"`
	Questions []QuestionResult `json:"questions"`
}

// QuestionResult is the outcome of one question of a level, scored or
// `unscored`; survey questions are in [SurveyAnswer] instead.
type QuestionResult struct {
	ID   string `json:"id"`
	Text string `json:"text,omitempty"` // the question, in the language scoring chose
	// Applicable reports that the question counts: it is scored, its
	// `when` holds, and its answer is there and not "na".
	Applicable bool `json:"applicable"`
	// Value is the answer's value in [0,1] (yes 1, no 0, a scale
	// answer a as (a-lo)/(hi-lo), an option's value, a measure 1 when it
	// meets its target); nil when not applicable.
	Value *float64 `json:"value" jsonschema:"minimum=0,maximum=1"`
	// Weight is the question's weight in its parent, default applied.
	// A weight of 0 keeps the question in the result but out of the
	// mean.
	Weight   float64 `json:"weight" jsonschema:"minimum=0"`
	Critical bool    `json:"critical,omitempty"`
	Failed   bool    `json:"failed,omitempty"` // applicable with value 0, or a `fail` option
	// Unscored is set for questions that never count toward the score:
	// `unscored` facts used in conditions.
	Unscored bool `json:"unscored,omitempty"`
}
