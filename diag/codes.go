package diag

// Every code a [Diagnostic] can carry, in one place: tools match on
// them, so a code never changes its meaning once released. Codes are
// kebab case. The same mistake in two inputs has one code (a syntax
// error is CodeSyntax in a checklist, an answer sheet, a CSV file and a
// standards file alike).

// Reading any input.
const (
	CodeSyntax   = "syntax"   // the input is not its format: not JSON, not CSV, a token out of place in a checklist
	CodeEncoding = "encoding" // not UTF-8 text (Windows-1251, UTF-16, invalid bytes)
	CodeBinary   = "binary"   // control characters: not a text file at all
	CodeLimit    = "limit"    // an input too large or nested too deep to take
)

// The checklist language (package dsl): problems of the text itself.
const (
	CodeUnknownKeyword = "unknown-keyword" // a misspelt keyword
	CodeBadString      = "bad-string"      // an unclosed text or a bad escape
	CodeBadNumber      = "bad-number"      // a malformed, out-of-range or non-finite number
	CodeNumberKind     = "number-kind"     // a percentage where a number belongs, or the reverse
	CodeLookAlike      = "look-alike"      // a letter of another script that looks like the one meant
	CodeIndentation    = "indentation"     // nesting the indentation does not show
	CodeRepeated       = "repeated"        // a setting given twice
	CodeOrder          = "order"           // a checklist entry out of place
	CodeBadValue       = "bad-value"       // a word the language does not know in that place; in JSON, a value its field refuses (an unknown KPI or priority)
)

// A checklist's meaning (korto's Checklist.Validate), whether it was
// parsed, decoded from JSON or built in Go code.
const (
	CodeBadID            = "bad-id"            // an ID, name or tag that is empty or not an identifier
	CodeDuplicateID      = "duplicate-id"      // a question or section ID used twice in the checklist
	CodeDuplicateName    = "duplicate-name"    // a scale or choice name declared twice
	CodeDuplicateOption  = "duplicate-option"  // an option ID used twice in one choice
	CodeBadModel         = "bad-model"         // a model other than korto or kotler
	CodeBadKnockout      = "bad-knockout"      // a knockout other than level or audit
	CodeNoLevels         = "no-levels"         // a checklist without levels
	CodeLevelRange       = "level-range"       // a level number outside the model's 1..4 or 1..5
	CodeLevelTwice       = "level-twice"       // a level number used twice
	CodeBadPass          = "bad-pass"          // a pass mark not above 0% and at most 100%
	CodeBadWeight        = "bad-weight"        // a weight that is negative, NaN or infinite
	CodeBadScale         = "bad-scale"         // scale bounds not finite or not lo < hi, or a ces or csat scale of more points than the survey metrics count
	CodeFractionalScale  = "fractional-scale"  // a bound that is not whole: an error for ces and csat, a warning for a scale
	CodeEmptyChoice      = "empty-choice"      // a choice without options
	CodeBadChoiceValue   = "bad-choice-value"  // an option value not from 0 to 1
	CodeBadKind          = "bad-kind"          // an unknown answer kind, or a kind that names the wrong thing
	CodeBadDirection     = "bad-direction"     // a good end other than high or low, or one on a question that is not ces or csat
	CodeCESDirection     = "ces-direction"     // warning: a ces scale other than the presets that does not say which end is good
	CodeBadMeasure       = "bad-measure"       // a measure target with a bad operator or number
	CodeUnknownScale     = "unknown-scale"     // a question on a scale that is not declared
	CodeUnknownChoice    = "unknown-choice"    // a question on a choice that is not declared
	CodeUnknownKind      = "unknown-kind"      // a kind that is neither a keyword nor a declared name
	CodeSurveyOnlyKind   = "survey-only-kind"  // an nps, emotion, ces, csat or text question in a level
	CodeSurveyWeight     = "survey-weight"     // a weight on a survey question
	CodeSurveyCritical   = "survey-critical"   // critical on a survey question
	CodeCSIScale         = "csi-scale"         // csi questions on different scales: one index needs one scale
	CodeCSIWeight        = "csi-weight"        // csi weights outside the index's range, or all zero
	CodeUnscoredCritical = "unscored-critical" // critical on an unscored question
	CodeUnscoredWeight   = "unscored-weight"   // warning: a weight on an unscored question, which is ignored
	CodeBadItem          = "bad-item"          // a nil or ambiguous node in a checklist built in Go
	CodeBadWhen          = "bad-when"          // a malformed condition tree
	CodeBadText          = "bad-text"          // a text, translation, version or unit that is not UTF-8
	CodeBadLang          = "bad-lang"          // a lang or translation tag that is not a language tag, or one language twice
	CodeWhenUnknown      = "when-unknown"      // a condition on a question that does not exist
	CodeWhenForward      = "when-forward"      // a condition on the question itself or a later one
	CodeWhenKind         = "when-kind"         // a condition that does not fit the kind of its question
	CodeUnknownOption    = "unknown-option"    // a condition or a choice answer naming an option the question lacks
	CodeWhenRange        = "when-range"        // warning: a comparison that always or never holds
	CodeBadBand          = "bad-band"          // a score band whose threshold is not from 0% to 100% or that has no name, or an empty list of bands
	CodeBandOrder        = "band-order"        // a score band whose threshold is below the one before
	CodeDuplicateBand    = "duplicate-band"    // a score band threshold or name given twice
	CodePromiseRef       = "promise-ref"       // a promise of a question that does not exist or is not declared earlier
	CodePromiseKind      = "promise-kind"      // a promise or its outcome that is not a yes/no question
	CodePromiseOptional  = "promise-optional"  // a promise's outcome that is not optional (its answer comes later)
	CodeBadPromise       = "bad-promise"       // a promise due not from 1 to 3650 days
	CodeDuplicatePromise = "duplicate-promise" // two outcome questions for one promise
	CodeEmptyLevel       = "empty-level"       // warning: a level with no scored question
	CodeEmptySection     = "empty-section"     // warning: a section with no scored question
	CodeSchema           = "schema"            // a checklist the answer-sheet JSON Schema cannot express
	CodeForm             = "form"              // a checklist a form format (SurveyJS, XLSForm) cannot express
)

// JSON documents: a checklist's JSON form, an answer sheet, standards.
const (
	CodeNotObject    = "not-object"    // a part that must be an object is not
	CodeUnknownKey   = "unknown-key"   // a key the format does not have
	CodeDuplicateKey = "duplicate-key" // a key given twice in one object
	CodeMissingKey   = "missing-key"   // a key the format needs is missing
	CodeWrongType    = "wrong-type"    // a JSON type the value cannot be
)

// Answer sheets checked against their checklist (korto's ReadAnswers,
// Plan.Score) and the cells of imported files (package fielddata).
const (
	CodeWrongChecklist   = "wrong-checklist"    // the sheet answers another checklist
	CodeVersionMismatch  = "version-mismatch"   // warning: another version of the checklist
	CodeUnknownQuestion  = "unknown-question"   // an answer to no question of the checklist
	CodeNotWhole         = "not-whole"          // a fractional answer on a whole-number scale
	CodeOutOfRange       = "out-of-range"       // a number outside the question's range
	CodeNotFinite        = "not-finite"         // a measure that is not a finite number
	CodeUnknownEmotion   = "unknown-emotion"    // an emotion other than positive, neutral or negative
	CodeNANotAllowed     = "na-not-allowed"     // "na" where the question has no `na`
	CodeWhenFalse        = "when-false"         // an answer to a question switched off by `when`
	CodeMissingAnswer    = "missing-answer"     // a required question left unanswered
	CodeFollowUpConflict = "follow-up-conflict" // a follow-up sheet answers a promise's outcome otherwise than the visit
	CodeFollowUpAlone    = "follow-up-alone"    // a follow-up sheet for an audit no visit sheet holds
)

// Tables: CSV and Excel files of answers or survey ratings.
const (
	CodeUnknownColumn   = "unknown-column"   // warning: a column that matches nothing
	CodeDuplicateColumn = "duplicate-column" // two columns for one question
	CodeNoQuestions     = "no-questions"     // no column matches a question
	CodeCellCount       = "cell-count"       // a row with more cells than the header
	CodeBadCell         = "bad-cell"         // a cell that is not a valid value of its column
	CodeLabelHeader     = "label-header"     // warning: columns named by their fields' labels, read by label
	CodeAmbiguousLabel  = "ambiguous-label"  // a label that names two questions, or two answers of one
)

// Support tickets and service standards (package metrics/support).
const (
	CodeBadTicket       = "bad-ticket"       // a ticket the KPIs cannot use: no id, events out of order, ...
	CodeDuplicateTicket = "duplicate-ticket" // a ticket id an earlier line already had
	CodeBadStandard     = "bad-standard"     // a standard that cannot be checked: unknown KPI, target out of range, ...
	CodeBadAgentTime    = "bad-agent-time"   // an agent-time record that cannot be used: a bad duration, more handling than time logged in, ...
	CodeBadCalendar     = "bad-calendar"     // a working-hours calendar that cannot be used: an unknown time zone, a shift that ends before it starts, ...
)
