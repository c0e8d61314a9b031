package korto

// Report is the summary of many audits of one checklist, as
// [Aggregator.Report] returns it. Shares and scores are in [0,1]; a nil
// number (JSON null) means there was nothing to compute it from.
//
// Mean scores are means of the audits' scores (each audit counts once,
// whatever the number of questions that applied to it), not a ratio of
// points summed over all audits.
//
// Titles are in the checklist's default language.
type Report struct {
	// Checklist, Version and Model are the checklist's ID, version and
	// service model (default applied).
	Checklist string `json:"checklist"`
	Version   string `json:"version,omitempty"`
	Model     Model  `json:"model"`
	// GroupBy is the audit field the groups come from, "" for none.
	GroupBy string `json:"group_by,omitempty"`
	// Overall summarizes every audit.
	Overall GroupSummary `json:"overall"`
	// Groups is the league table: one summary per value of GroupBy.
	// Groups with at least MinN scored audits come first, ranked by
	// shrunk mean (best first, ties by group name); then the groups too
	// small to rank, then those with no scored audit, then the audits
	// without the field (NoGroup), all unranked. When GroupBy is a
	// period (month, quarter, week) the groups are in date order and
	// none is ranked. Empty when GroupBy is "".
	Groups []GroupSummary `json:"groups"`
	// Period is how each group's audits are split into waves
	// (GroupSummary.Periods); "" for none.
	Period string `json:"period,omitempty"`
	// MinN is the smallest group that gets a rank.
	MinN int `json:"min_n"`
	// Shrinkage says whether the shrunk means are shrunk: false when
	// there are fewer than 3 groups, no group of 2 audits or more, or no
	// spread within the groups. Tau2 (the variance between the groups'
	// true means) and Mu (the mean they shrink toward) are nil then.
	Shrinkage bool     `json:"shrinkage"`
	Tau2      *float64 `json:"tau2"`
	Mu        *float64 `json:"mu"`
	// CriticalFailures lists the audits in which a critical question
	// failed, ordered by group (as in Groups), date, audit ID and
	// checklist order; at most MaxCriticalFailures of them, all counted
	// in CriticalFailuresTotal.
	CriticalFailures      []CriticalFailure `json:"critical_failures"`
	CriticalFailuresTotal int64             `json:"critical_failures_total"`
	// OpenPromises lists the promises still open past their due date as
	// of AsOf (YYYY-MM-DD, AggregateOptions.AsOf), ordered by group (as
	// ranked), then due date, audit ID and checklist order; at most
	// MaxOpenPromises, with OpenPromisesTotal counting them all. All
	// three are left out when the checklist has no promises.
	OpenPromises      []OpenPromise `json:"open_promises,omitempty"`
	OpenPromisesTotal *int64        `json:"open_promises_total,omitempty"`
	AsOf              string        `json:"as_of,omitempty"`
	// Drivers has, for every nps, emotion and csat question of the
	// survey in file order, the scored questions whose failure goes
	// with the largest drop in it, over all audits.
	Drivers []OutcomeDrivers `json:"drivers"`
	// EmotionNPS crosses every emotion question with every nps
	// question: promoters, passives and detractors by emotion.
	EmotionNPS []EmotionNPSTable `json:"emotion_nps"`
}

// GroupSummary summarizes the audits of one group (or all of them).
type GroupSummary struct {
	// Group is the value of the grouping field, NoGroup for audits
	// without it, "" for the overall summary.
	Group string `json:"group"`
	// Rank is the 1-based place in the league table, by shrunk mean; nil
	// (unranked) for the overall summary, groups with fewer than MinN
	// scored audits (TooFew), with no scored audit, NoGroup, and periods.
	Rank   *int `json:"rank"`
	TooFew bool `json:"too_few"`
	// Mean is the raw mean score, Score.Mean; ShrunkMean the same
	// pulled toward the mean of all groups as far as the group's size
	// leaves it uncertain (empirical Bayes, DerSimonian–Laird; see
	// metrics.ShrinkDL). Both nil without a score.
	Mean       *float64 `json:"mean"`
	ShrunkMean *float64 `json:"shrunk_mean"`
	// RankLow and RankHigh hold 95% of the group's simulated ranks
	// (metrics.RankIntervals); nil when unranked.
	RankLow  *int `json:"rank_low"`
	RankHigh *int `json:"rank_high"`
	// VsRest is VsRestAbove, VsRestBelow or VsRestWithin: Welch's test
	// of the group's scores against all other audits, with T, DF, its
	// two-sided P and PHolm, P adjusted by Holm over every tested group.
	// All nil when the group or the rest has fewer than 2 audits, or
	// neither has any spread.
	VsRest *string  `json:"vs_rest"`
	T      *float64 `json:"t"`
	DF     *float64 `json:"df"`
	P      *float64 `json:"p"`
	PHolm  *float64 `json:"p_holm"`
	// N is the number of audits; Unscored of them had no overall score
	// (nothing applicable) and are left out of Score.
	N        int64 `json:"n"`
	Unscored int64 `json:"unscored"`
	// KnockedOut counts audits whose score a failed critical question
	// set to 0 (`knockout audit`).
	KnockedOut int64 `json:"knocked_out"`
	// Score is the mean of the audits' overall scores with its standard
	// deviation and 95% Student t interval.
	Score Stat `json:"score"`
	// RawScore is the same for the scores before any knockout; it is set
	// only for a checklist with `knockout audit`, where Score counts a
	// knocked-out audit as 0.
	RawScore *Stat `json:"raw_score,omitempty"`
	// Levels has one summary per level of the checklist, in ascending
	// level number.
	Levels []LevelSummary `json:"levels"`
	// Reached is the distribution of the reached level: one count for
	// each k from 0 to the highest level number of the checklist.
	Reached []ReachedCount `json:"reached"`
	// Bands count the scored audits in each of the checklist's bands,
	// lowest band first, and BelowBands those below the lowest; both
	// are left out when the checklist names no bands. Shares are over
	// the scored audits (Score.N).
	Bands      []BandCount `json:"bands,omitempty"`
	BelowBands *int64      `json:"below_bands,omitempty"`
	// Promises counts the promises made in the group's audits, kept,
	// broken, open and overdue; nil when the checklist has none.
	Promises *PromiseSummary `json:"promises,omitempty"`
	// Questions has one summary per scored question, level by level in
	// ascending number and in file order within a level; unscored and
	// survey questions are left out.
	Questions []QuestionSummary `json:"questions"`
	// Sections has the mean score of every section, nested ones
	// included, in checklist order.
	Sections []SectionSummary `json:"sections"`
	// TopProblems lists the questions that failed at least once, in
	// the order score lists one audit's: level ascending, critical
	// first, then failure rate and weight, both descending, ties in
	// checklist order; AggregateOptions.TopProblems says how many.
	TopProblems []QuestionSummary `json:"top_problems"`
	// Comments are the latest MaxComments answers to text questions by
	// date (latest first); CommentsTotal counts them all.
	Comments      []Comment `json:"comments"`
	CommentsTotal int64     `json:"comments_total"`
	// Periods are the group's waves in date order, when the report is
	// split by period.
	Periods []PeriodSummary `json:"periods,omitempty"`
	// Tags pools the questions of each tag, sorted by tag; empty when no
	// question has tags.
	Tags []TagSummary `json:"tags"`
	// Survey has one summary per survey question that feeds a metric
	// (nps, emotion, ces, csat), in file order.
	Survey []SurveySummary `json:"survey"`
	// CSI is the satisfaction index of the csi questions; nil (left
	// out of the JSON) when the survey has none.
	CSI *CSISummary `json:"csi,omitempty"`
}

// Stat is a sample mean with its spread: n values, their mean, the
// sample standard deviation (n-1 in the denominator), the standard error
// sd/√n and the 95% confidence interval for the mean from Student's t
// with n-1 degrees of freedom, mean ± t·se, clipped to [0,1] where a
// few scattered audits would reach past the scale. SD, SE and the
// interval need n >= 2: one audit says nothing of the spread.
type Stat struct {
	N      int64    `json:"n"`
	Mean   *float64 `json:"mean"`    // nil when N is 0
	SD     *float64 `json:"sd"`      // nil when N < 2
	SE     *float64 `json:"se"`      // nil when N < 2
	CILow  *float64 `json:"ci_low"`  // nil when N < 2
	CIHigh *float64 `json:"ci_high"` // nil when N < 2
}

// LevelSummary summarizes one level over the audits of a group.
type LevelSummary struct {
	Level int     `json:"level"` // the level's number in the pyramid
	Title string  `json:"title"`
	Pass  float64 `json:"pass"` // the pass mark, a share in (0,1], default applied
	// Score is over the audits in which the level had a score.
	Score Stat `json:"score"`
	// Passed and Gated count the audits in which the level passed or
	// was gated; PassedShare and GatedShare divide them by all the
	// group's audits, those in which the level had no score included,
	// and are nil when the group has none.
	Passed      int64    `json:"passed"`
	Gated       int64    `json:"gated"`
	PassedShare *float64 `json:"passed_share"`
	GatedShare  *float64 `json:"gated_share"`
}

// ReachedCount is how many audits reached one level of the pyramid:
// how many had Result.Reached equal to Level, not at least Level.
type ReachedCount struct {
	Level int `json:"level"` // 0: level 1 did not pass or is not in the checklist
	// Name and NameEn are the level's names in Russian and English, as
	// in Result.ReachedName.
	Name   string   `json:"name"`
	NameEn string   `json:"name_en"`
	N      int64    `json:"n"`
	Share  *float64 `json:"share"` // N over the group's audits; nil when there are none
}

// BandCount is how many audits of a group fell in one band of the
// overall score (see Checklist.BandOf).
type BandCount struct {
	// Name is the band's name in the checklist's default language (a
	// report in another language puts it in that one) and NameEn its
	// English translation (the name itself without one).
	Name   string   `json:"name"`
	NameEn string   `json:"name_en"`
	From   float64  `json:"from"` // the band's threshold, a share in [0,1]
	N      int64    `json:"n"`
	Share  *float64 `json:"share"` // N over the group's scored audits; nil when there are none
}

// QuestionSummary summarizes one scored question over a group.
type QuestionSummary struct {
	ID       string `json:"id"`
	Title    string `json:"title"`             // the question's text
	Level    int    `json:"level"`             // number of the level that holds it
	Section  string `json:"section,omitempty"` // innermost section's ID; "" directly in a level
	Critical bool   `json:"critical"`
	// Weight is the question's own weight in its parent, default
	// applied, not its share of the overall score.
	Weight float64 `json:"weight"`
	// Applicable counts the audits where the question applied; Mean is
	// the mean of its values there.
	Applicable int64    `json:"applicable"`
	Mean       *float64 `json:"mean"`
	// Failed counts applicable answers with value 0 or an option marked
	// Fail; FailureRate is Failed / Applicable, nil when Applicable is
	// 0.
	Failed      int64    `json:"failed"`
	FailureRate *float64 `json:"failure_rate"`
}
