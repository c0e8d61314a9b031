package retail_test

import (
	"fmt"
	"os"

	"github.com/cxkit/cxkit/metrics/retail"
)

// The service-standards guide's two-hour floor observation: who wants a seller, and how many
// sellers each hour needs so none is busy more than 80% of the time.
func ExampleObservation() {
	data, err := os.ReadFile("../../examples/support/retail/observation.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := retail.ParseObservation(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	mix, _ := obs.Mix()
	fmt.Printf("%d entered; %d bought with a seller, %d alone (%.0f%% want a seller)\n",
		mix.Entered, mix.Served, mix.SelfServed, 100*mix.ServedShare)
	hours, _ := obs.Sellers(0.8)
	for _, h := range hours {
		fmt.Printf("%02d:00  %3.0f service minutes  %d sellers\n", h.Hour, h.ServicePerHour, h.Sellers)
	}
	// Output:
	// 107 entered; 27 bought with a seller, 31 alone (47% want a seller)
	// 12:00  104 service minutes  3 sellers
	// 13:00  151 service minutes  4 sellers
}

func ExampleSales() {
	day := retail.Sales{Visitors: 1000, Transactions: 200, Units: 440, Revenue: 400000}
	upt, _ := day.UPT()
	avg, _ := day.AverageTicket()
	conv, _ := day.Conversion()
	fmt.Printf("UPT %.2f, average ticket %.0f, conversion %.1f%%\n", upt, avg, 100*conv)
	// Output: UPT 2.20, average ticket 2000, conversion 20.0%
}

// The KPIs of a visit sheet, one visitor a row, as cxkit retail prints
// them, by store.
func ExampleRead() {
	data, err := os.ReadFile("../../examples/retail/visits.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := retail.Read(data, "visits.csv", retail.Options{By: "store", Occupancy: 0.8})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d visitors, conversion %.1f%%, average ticket %.2f, %.1f%% served by a seller\n",
		r.Sales.Visitors, 100**r.Conversion, *r.AverageTicket, 100*r.Mix.ServedShare)
	for _, h := range r.Hours {
		fmt.Printf("%02d:00: %d sellers\n", h.Hour, h.Sellers)
	}
	// Output:
	// 48 visitors, conversion 52.1%, average ticket 3904.00, 50.0% served by a seller
	// 12:00: 2 sellers
	// 13:00: 2 sellers
}
