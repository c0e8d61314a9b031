package surveycsv

// Earlier returns cfg made ready to read an earlier export that
// [Summary.Compare] tests d against: the answer column d was read from,
// required by name even when d found it as the metric's default (the
// two files must answer the same question), and a missing column
// reported against d's file.
func (d *Data) Earlier(cfg Config) Config {
	cfg.Column, cfg.ComparedWith = d.Column, d.File
	return cfg
}
