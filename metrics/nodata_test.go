package metrics_test

import (
	"errors"
	"testing"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/retail"
	"github.com/cxkit/cxkit/metrics/support"
)

// One errors.Is test must serve every metric: the sub-packages' "no
// data" errors are the package's own.
func TestOneNoDataError(t *testing.T) {
	var nps metrics.NPS
	_, npsErr := nps.Result()
	_, upt := retail.Sales{}.UPT()
	var s support.Sample
	_, med := s.Mean()
	for name, err := range map[string]error{"NPS": npsErr, "retail": upt, "support": med} {
		if !errors.Is(err, metrics.ErrNoData) {
			t.Errorf("%s: %v does not wrap metrics.ErrNoData", name, err)
		}
	}
	if !errors.Is(npsErr, metrics.ErrEmpty) {
		t.Errorf("the deprecated ErrEmpty no longer matches: %v", npsErr)
	}
}
