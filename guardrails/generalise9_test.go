package guardrails

import "testing"

// False alarms of older rules that blind holdout 9's first run showed, with
// sentences written for this test: a device is a way to act, not a data
// source, unless the copy says it told us something; "take" and a number
// labels a draft only as a heading.

func TestBlind9DevicesAsSources(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"book from a phone", "", "Book a table from your phone in a few taps.", nil},
		{"pay using a device", "", "Pay using your phone or any device at the till.", nil},
		{"stream via wifi", "", "Stream every class via your wifi at home.", nil},
		{"based on the phone", "", "Based on your phone, we picked these trails.", []string{"privacy.surveillance block body [0,19]"}},
		{"seen on the device", "", "We saw on your device that you like trail runs.", []string{"privacy.surveillance block body [0,21]"}},
		{"the phone tells", "", "Your phone tells us you run at dawn.", []string{"privacy.surveillance block body [0,16]"}},
		{"still a source", "", "From your location history, we picked these trails.", []string{"privacy.surveillance block body [0,26]"}},
	}, nil, Surveillance)
}

func TestBlind9TakeAsDraftLabel(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"an offer", "", "Take 20% off the Pegasus through Dec 31.", nil},
		{"a pause", "", "Take 5 minutes to plan your next trail.", nil},
		{"a draft heading", "", "Take 2: winter trails are calling.", []string{"safety.leak block body [0,7]"}},
		{"a numbered draft", "", "Draft 3 of the winter email: trails are calling.", []string{"safety.leak block body [0,7]"}},
	}, nil, Leak)
}

// A time of day after a semicolon belongs to the next clause's event (a
// delivery), not to the reader's viewing before it.
func TestTimeOfDayStaysInItsClause(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"delivery in the next clause", "", "You added wool socks to your cart; they ship Monday morning.", nil},
		{"viewing, then its time", "", "You browsed our rain shells on Sunday evening.", []string{"privacy.surveillance flag body [4,45]"}},
	}, nil, Surveillance)
}
