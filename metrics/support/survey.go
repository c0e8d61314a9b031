package support

import (
	"errors"
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/metrics"
)

// Survey turns post-service survey answers into the survey KPIs of the
// standards (the Survey of Inputs), with the accumulators of package
// metrics. Its Read takes one JSON object a line, every field optional:
//
//	{"ces": 2, "rating": 5, "nps": 9, "found": true, "knew_wait": true, "complaint": false}
//
// ces is the service-standards guide's effort question (1..10, lower is easier), rating the
// post-service rating on 1..5, nps the 0..10 recommendation score; found
// feeds the customer success rate, knew_wait the awareness ratio and
// complaint the things-gone-wrong rate per 1,000 answers.
type Survey struct {
	ces                         *metrics.CES
	rating                      *metrics.CSAT
	nps                         metrics.NPS
	answers                     int
	found, foundN, knew, knewN  int
	complaints, complaintsAsked int
}

// NewSurvey returns an empty survey.
func NewSurvey() *Survey {
	ces, _ := metrics.NewCES(metrics.Effort10)
	rating, _ := metrics.NewCSAT(metrics.CSAT5)
	return &Survey{ces: ces, rating: rating}
}

// Read adds the answers of a JSON Lines file, strictly decoded. A bad
// line is left out and reported, every one at once, as a [diag.List] (a
// diagnostic a line), so the caller may go on with the good ones.
func (s *Survey) Read(r io.Reader) error {
	return eachLine(r, func(b []byte) (*diag.Diagnostic, error) {
		var a struct {
			CES       *int  `json:"ces"`
			Rating    *int  `json:"rating"`
			NPS       *int  `json:"nps"`
			Found     *bool `json:"found"`
			KnewWait  *bool `json:"knew_wait"`
			Complaint *bool `json:"complaint"`
		}
		// Strict, as every hand-made JSON file is read: "Rating" or a
		// second "ces" would otherwise be taken without a word.
		var bad *diag.Diagnostic
		if err := strictjson.Decode(b, &a, "the answer"); err != nil {
			if de, ok := errors.AsType[*strictjson.Error](err); ok {
				bad = de.Diagnostic()
			} else {
				bad = &diag.Diagnostic{Code: diag.CodeSyntax, Message: err.Error(), Err: err}
			}
		}
		// Check every score before recording any, so a line skipped as
		// bad (--skip-bad) leaves nothing behind.
		for _, c := range []struct {
			metric, key string
			v           *int
			s           metrics.Scale
		}{{"CES", "/ces", a.CES, metrics.Effort10}, {"CSAT", "/rating", a.Rating, metrics.CSAT5}, {"NPS", "/nps", a.NPS, metrics.Scale{Lo: 0, Hi: 10}}} {
			if bad != nil {
				break
			}
			if err := surveyCheck(c.metric, c.v, c.s); err != nil {
				bad = &diag.Diagnostic{Pointer: c.key, Code: diag.CodeOutOfRange, Message: err.Error(), Err: err}
			}
		}
		if bad != nil {
			bad.Subject = "survey answer"
			return bad, nil
		}
		if a.CES != nil {
			s.ces.Add(*a.CES) // checked above
		}
		if a.Rating != nil {
			s.rating.Add(*a.Rating)
		}
		if a.NPS != nil {
			s.nps.Add(*a.NPS)
		}
		s.answers++
		count := func(v *bool, yes, n *int) {
			if v != nil {
				*n++
				if *v {
					*yes++
				}
			}
		}
		count(a.Found, &s.found, &s.foundN)
		count(a.KnewWait, &s.knew, &s.knewN)
		count(a.Complaint, &s.complaints, &s.complaintsAsked)
		return nil, nil
	})
}

// surveyCheck reports a score v (when given) off the points of s
// with the error the metric's accumulator would give.
func surveyCheck(metric string, v *int, s metrics.Scale) error {
	if v != nil && (*v < s.Lo || *v > s.Hi) {
		return &metrics.RangeError{Metric: metric, Index: -1, Value: float64(*v), Lo: s.Lo, Hi: s.Hi}
	}
	return nil
}

// Values returns the survey KPIs by standard name, for Inputs.Survey,
// and the same with their sample sizes, as cxkit support --json prints
// them under "survey". A KPI without answers is left out of both.
func (s *Survey) Values() (map[string]float64, map[string]any) {
	v := map[string]float64{}
	out := map[string]any{"answers": s.answers}
	if r, err := s.ces.Result(); err == nil {
		v["ces"] = r.Mean
		out["ces"] = map[string]any{"n": r.N, "mean": r.Mean}
	}
	if r, err := s.rating.Result(); err == nil {
		v["rating"] = r.Mean
		out["rating"] = map[string]any{"n": r.N, "mean": r.Mean}
	}
	if r, err := s.nps.Result(); err == nil {
		v["nps"] = r.NPS
		out["nps"] = map[string]any{"n": r.N, "nps": r.NPS, "ci_low": r.CI.Lo, "ci_high": r.CI.Hi}
	}
	share := func(name string, yes, n int, scale float64) {
		if n > 0 {
			v[name] = scale * float64(yes) / float64(n)
			out[name] = map[string]any{"n": n, "value": v[name]}
		}
	}
	share("success_rate", s.found, s.foundN, 1)
	share("awareness", s.knew, s.knewN, 1)
	share("things_gone_wrong", s.complaints, s.complaintsAsked, 1000)
	return v, out
}
