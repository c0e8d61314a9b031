package korto

// Result is the score of one audit: a checklist applied to one answer
// sheet. Scores are in [0,1]; a nil score means "nothing applicable to
// score" and is null in JSON.
type Result struct {
	Checklist string `json:"checklist"`
	Version   string `json:"version,omitempty"`
	// Title is the checklist's title, in the language scoring chose.
	Title string `json:"title,omitempty"`
	// Model is the checklist's service model, which names the levels.
	Model Model `json:"model,omitempty"`
	// Audit carries the sheet's audit fields (id, location, date,
	// auditor, ...), the keys that reports group by.
	Audit map[string]string `json:"audit,omitempty"`
	Score *float64          `json:"score"`
	// RawScore is the score before a knockout set it to zero; it is set
	// only under `knockout audit`.
	RawScore      *float64 `json:"raw_score,omitempty"`
	KnockedOut    bool     `json:"knocked_out,omitempty"`
	Reached       int      `json:"reached"`
	ReachedName   string   `json:"reached_name"`
	ReachedNameEn string   `json:"reached_name_en"`
	// Levels are in ascending level number, whatever the file order.
	Levels []LevelResult `json:"levels"`
	// CriticalFailed lists every failed critical question of the audit
	// in checklist order; each level lists its own as well.
	CriticalFailed []string `json:"critical_failed"`
	// Survey holds the answers to the survey questions, which feed the
	// metrics and never the score.
	Survey []SurveyAnswer `json:"survey,omitempty"`
}

// SurveyAnswer is the answer to one survey question.
type SurveyAnswer struct {
	ID   string   `json:"id"`
	Kind KindType `json:"kind"`
	// Number is set for nps, ces, csat (and scale) answers.
	Number *float64 `json:"number,omitempty"`
	// Label is set for emotion ("positive", "neutral", "negative") and
	// text answers.
	Label string `json:"label,omitempty"`
}

// LevelResult is the score of one level.
type LevelResult struct {
	Level          int              `json:"level"`
	Title          string           `json:"title"`
	Score          *float64         `json:"score"`
	Pass           float64          `json:"pass"`
	Weight         float64          `json:"weight"`
	Passed         bool             `json:"passed"`
	Gated          bool             `json:"gated"`
	CriticalFailed []string         `json:"critical_failed"`
	Sections       []SectionResult  `json:"sections"`
	Questions      []QuestionResult `json:"questions"` // questions directly in the level
}

// SectionResult is the score of one section; sections nest.
type SectionResult struct {
	ID        string           `json:"id"`
	Title     string           `json:"title"`
	Score     *float64         `json:"score"`
	Weight    float64          `json:"weight"`
	Sections  []SectionResult  `json:"sections"`
	Questions []QuestionResult `json:"questions"`
}

// QuestionResult is the outcome of one scored question.
type QuestionResult struct {
	ID         string   `json:"id"`
	Text       string   `json:"text,omitempty"` // the question, in the language scoring chose
	Applicable bool     `json:"applicable"`
	Value      *float64 `json:"value"` // nil when not applicable
	Weight     float64  `json:"weight"`
	Critical   bool     `json:"critical,omitempty"`
	Failed     bool     `json:"failed,omitempty"` // applicable with value 0, or a `fail` option
	// Unscored is set for questions that never count toward the score:
	// `unscored` facts used in conditions.
	Unscored bool `json:"unscored,omitempty"`
}
