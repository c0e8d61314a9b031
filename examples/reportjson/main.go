// Command reportjson prints, with the library alone, the JSON that
// `cxkit report examples/mall/mall.korto examples/mall/visits/ --by
// location --json` prints. Run it from the repository root.
package main

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"os"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	src, err := os.ReadFile("examples/mall/mall.korto")
	if err != nil {
		return err
	}
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		return err
	}
	plan, err := korto.Compile(c)
	if err != nil {
		return err
	}
	sources, err := report.Sources(nil, "examples/mall/visits/")
	if err != nil {
		return err
	}
	res, err := report.Run(context.Background(), plan, sources, report.Options{By: "location"})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}
