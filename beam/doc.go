// Package cxbeam runs cxkit's measurements on Apache Beam: the
// mergeable accumulators of the library (NPS, the emotional index, CSAT,
// CES, the audit aggregator, the auditors' visits and the support KPIs)
// as Beam CombineFns,
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
// The CombineFns over accumulators with a binary state (AuditFn,
// AuditorsFn, SupportFn) share one generic helper, saved[A], which
// holds the restore-on-first-use, merge and extract steps; each Fn
// keeps a named accumulator type that embeds it, four methods of one
// line and two coder functions of one line. That much must stay
// concrete: register.Combiner3 and its kin are instantiated with the
// Fn's own types, a Fn travels to the workers as its type's name and
// the JSON of its exported fields (so AuditFn keeps its Checklist and
// Options), and beam.RegisterCoder files coder functions under their
// runtime name, which is the same ("pkg.f[...]") for every
// instantiation of a generic function: two generic coders would
// overwrite each other and a worker would decode with the wrong one.
// The JSON coders of NPSFn and its kin stay one pair per type for the
// same reason.
//
// It is a module of its own, github.com/cxkit/cxkit/beam, so that the
// library's users do not download Beam's dependencies.
package cxbeam
