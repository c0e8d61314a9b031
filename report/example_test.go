package report_test

import (
	"context"
	"fmt"
	"os"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

// Run reads a folder of answer sheets and returns the report that
// `cxkit report --by location` prints; examples/reportjson prints its
// JSON. Here: the critical failures' count and the league table.
func ExampleRun() {
	src, _ := os.ReadFile("../examples/mall/mall.korto")
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, _ := korto.Compile(c)
	sources, err := report.Sources(nil, "../examples/mall/visits")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := report.Run(context.Background(), plan, sources, report.Options{By: "location"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d audits, %d critical failures\n", res.Kept, res.CriticalFailuresTotal)
	for _, g := range res.Groups {
		fmt.Printf("%d. %s: mean %.1f%%, shrunk %.1f%%, places %d-%d, %s the rest\n",
			*g.Rank, g.Group, 100**g.Mean, 100**g.ShrunkMean, *g.RankLow, *g.RankHigh, *g.VsRest)
	}
	// Output:
	// 72 audits, 21 critical failures
	// 1. ТЦ Европа: mean 91.3%, shrunk 91.1%, places 1-1, above the rest
	// 2. ТЦ Северный: mean 81.7%, shrunk 81.7%, places 2-2, within the rest
	// 3. ТЦ Радуга: mean 75.1%, shrunk 75.3%, places 3-3, below the rest
}
