// Package cxbeam runs cxkit's measurements on Apache Beam: the
// mergeable accumulators of the library (NPS, the emotional index, CSAT,
// CES, the audit aggregator and the support KPIs) as Beam CombineFns,
// and pipelines that read survey exports, answer sheets and ticket
// exports from file globs on any runner
// (the local prism runner, Flink, Spark, Dataflow) and produce the same
// JSON as the matching cxkit command.
//
// The accumulators merge exactly, so how a runner splits the input and
// in which order it combines the parts does not change a digit of the
// result. Between workers an accumulator travels as its saved state
// (metrics.NPS.MarshalJSON and its kin), which keeps the counts and the
// unrounded weight sums.
//
// It is a module of its own, github.com/cxkit/cxkit/beam, so that the
// library's users do not download Beam's dependencies.
package cxbeam
