// Package metrics computes customer-survey metrics with honest
// uncertainty: NPS, the emotional index, CSAT, CES and CSI.
//
// NPS, the emotional index (Emotions), CSAT and CES each have a small
// accumulator with Add, AddWeighted, Merge and Result (NPS and Emotions
// are ready at their zero value; NewCSAT and NewCES take the scale, which
// is never guessed), and a function over a plain slice (NPSOf, CSATOf,
// ...) for big inputs; CSI is a function of attribute means. Partial
// results from many goroutines, files or machines combine exactly:
// unweighted answers are integer counts, so Merge is associative and
// commutative to the bit; weight sums are kept as double-double pairs, so
// merge order shows only below float64 precision. To travel, an
// accumulator saves its exact state as JSON (MarshalJSON, described
// there) and restores it strictly (UnmarshalJSON: a state no accumulator
// wrote is an ErrState error). Nothing here does I/O, and bad input (an
// out-of-range score, NaN, a negative weight, values too large for
// float64, no data) is an error, never a silent NaN.
//
// Results carry the point value, the counts and shares, the standard
// error and a confidence interval at a level of the caller's choosing,
// using exact normal and Student-t quantiles (NormalQuantile,
// TQuantile): adjusted Wald for NPS and the emotional index, Wilson for
// the CSAT and CES shares, Student t for means. Weighted answers use
// Kish's effective sample size n_eff = (Σw)²/Σw².
//
// Two groups or periods compare with tests that do not call a unanimous
// small group certain: CompareNPS and CompareEmotions test the
// difference of the adjusted-Wald scores (0.75 promoters and
// detractors and 3 answers more on each side), CompareCSAT,
// CompareCESGood and CompareShares use Agresti–Caffo, and CompareCES,
// CompareCSATMeans and CompareMeans use Welch's t test (Welch), which
// refuses a side with n_eff < 2 or without spread. Holm adjusts the
// p-values of many comparisons run at once. At 95% every formula is
// the published one; at other levels (Options.Level) the adjusted-Wald
// constants scale with the normal quantile and a continuity correction
// widens the interval, so that intervals and tests keep at least their
// level at small n (docs/comparing.md; CheckLevel refuses levels whose
// quantile is not finite).
//
// Mean (and MeanOf) is the shared helper for a plain mean with its
// Student-t interval, the formula metrics.md gives; TopBox and
// BottomBox give the share of ratings in the best or worst k points.
// Values without spread (all the same) give a t interval of no width:
// a Mean knows no scale to bound its values by, so it reports what the
// formula gives, and SE 0 says why. The means of CSAT, CES and CSI
// ratings do know their scale, and there an interval of no width would
// claim five answers of 7 prove a mean of 7. When every answer falls on
// one point they report instead an exact bound that holds for any
// distribution on the scale (the Clopper–Pearson bound on the share
// answering otherwise, none of n having done so; see the results'
// MeanCI): five answers of 7 on 1..7 give [3.87, 7] at 95%.
//
// Scales are explicit (Scale{Lo, Hi, Good}); CES2, Effort10, CSAT5 and
// ACSI10 are named presets, and nothing guesses a scale.
package metrics
